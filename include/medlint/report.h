// Reporters turn a LintRun into text for people or machines.
#pragma once
#include <map>
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

  // Counts the findings of one file (`files` counts the files checked,
  // which the run's totals know).
  void add(const FileResult& file);
};

Summary summarize(const LintRun& run, double elapsed_seconds);

struct ReportOptions {
  bool color = false;
  bool quiet = false;  // only errors, and no summary line
};

// Writes one report of a run as the run goes: a header, each file as it is
// linted (in path order), then what only the end knows (totals,
// configurations). A report whose header needs the whole run (SARIF's rule
// list, JUnit's counts) keeps its items in a temporary file until the end,
// not in memory.
class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual void begin(std::ostream& out) = 0;
  virtual void file(const FileResult& file, std::ostream& out) = 0;
  // `run` has the totals and configurations; its files are not read.
  virtual void end(const LintRun& run, const Summary& summary, std::ostream& out) = 0;
  // A whole run at once.
  void report(const LintRun& run, const Summary& summary, std::ostream& out);
};

// The formats `--format` accepts.
const std::vector<std::string_view>& report_formats();
// nullptr for an unknown format.
std::unique_ptr<Reporter> make_reporter(std::string_view format, const ReportOptions& options);

// A table of findings per rule, most frequent first (`--statistics`),
// counted file by file.
class Statistics {
 public:
  void add(const FileResult& file);
  void write(std::ostream& out) const;

 private:
  // A rule's findings can differ in severity (overrides, reader findings):
  // one row per rule and severity.
  std::map<std::pair<std::string, Severity>, int> counts_;
};

// The medlint version reports carry.
std::string_view version();

}  // namespace medlint
