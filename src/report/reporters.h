// The reporter of each format; the table in reporters.cpp lists them.
#pragma once
#include "medlint/report.h"

namespace medlint {

std::unique_ptr<Reporter> make_pretty_reporter(const ReportOptions& options);
std::unique_ptr<Reporter> make_json_reporter(const ReportOptions& options);
std::unique_ptr<Reporter> make_sarif_reporter(const ReportOptions& options);
std::unique_ptr<Reporter> make_github_reporter(const ReportOptions& options);
std::unique_ptr<Reporter> make_junit_reporter(const ReportOptions& options);
std::unique_ptr<Reporter> make_gitlab_reporter(const ReportOptions& options);
std::unique_ptr<Reporter> make_markdown_reporter(const ReportOptions& options);

// GitHub workflow command escaping: data escapes %, CR and LF (so no text
// can start a line, and so no command); property values also escape ':'
// and ','.
std::string escape_workflow_command(std::string_view text, bool property);

}  // namespace medlint
