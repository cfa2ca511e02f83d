// The reporter of each format; the table in reporters.cpp lists them.
#pragma once
#include <iostream>
#include <memory>

#include "medlint/report.h"

namespace medlint {

std::unique_ptr<Reporter> make_pretty_reporter(const ReportOptions& options);
std::unique_ptr<Reporter> make_json_reporter(const ReportOptions& options);
std::unique_ptr<Reporter> make_sarif_reporter(const ReportOptions& options);
std::unique_ptr<Reporter> make_github_reporter(const ReportOptions& options);
std::unique_ptr<Reporter> make_junit_reporter(const ReportOptions& options);
std::unique_ptr<Reporter> make_gitlab_reporter(const ReportOptions& options);
std::unique_ptr<Reporter> make_markdown_reporter(const ReportOptions& options);

// A report's items kept in a temporary file (unlinked: gone when the run
// ends) while the header they follow waits for the end of the run.
class Spool {
 public:
  Spool();
  std::ostream& stream() { return *stream_; }
  // Writes everything spooled so far to `out`.
  void copy_to(std::ostream& out);

 private:
  std::unique_ptr<std::iostream> stream_;
};

// GitHub workflow command escaping: data escapes %, CR and LF (so no text
// can start a line, and so no command); property values also escape ':'
// and ','.
std::string escape_workflow_command(std::string_view text, bool property);

}  // namespace medlint
