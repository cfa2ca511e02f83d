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

}  // namespace medlint
