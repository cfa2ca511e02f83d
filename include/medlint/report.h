// Reporters turn a LintRun into text for people or machines.
#pragma once
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "medlint/lint.h"

namespace medlint {

struct Summary {
  int files = 0;
  int errors = 0;
  int warnings = 0;
  int infos = 0;
  double elapsed_seconds = 0;
};

Summary summarize(const LintRun& run, double elapsed_seconds);

struct ReportOptions {
  bool color = false;
  bool quiet = false;  // only errors, and no summary line
};

class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual void report(const LintRun& run, const Summary& summary, std::ostream& out) const = 0;
};

// The formats `--format` accepts.
const std::vector<std::string_view>& report_formats();
// nullptr for an unknown format.
std::unique_ptr<Reporter> make_reporter(std::string_view format, const ReportOptions& options);

// A table of findings per rule, most frequent first (`--statistics`).
void write_statistics(const LintRun& run, std::ostream& out);

// The medlint version reports carry.
std::string_view version();

}  // namespace medlint
