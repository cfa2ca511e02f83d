#include "report/reporters.h"

#include <utility>

namespace medlint {
namespace {

using Factory = std::unique_ptr<Reporter> (*)(const ReportOptions&);

const std::vector<std::pair<std::string_view, Factory>>& table() {
  static const std::vector<std::pair<std::string_view, Factory>> reporters = {
      {"pretty", &make_pretty_reporter},
      {"json", &make_json_reporter},
      {"sarif", &make_sarif_reporter},
      {"github", &make_github_reporter},
      {"junit", &make_junit_reporter},
      {"gitlab", &make_gitlab_reporter},
      {"markdown", &make_markdown_reporter},
  };
  return reporters;
}

}  // namespace

const std::vector<std::string_view>& report_formats() {
  static const std::vector<std::string_view> formats = [] {
    std::vector<std::string_view> names;
    for (const auto& [name, factory] : table()) names.push_back(name);
    return names;
  }();
  return formats;
}

std::unique_ptr<Reporter> make_reporter(std::string_view format, const ReportOptions& options) {
  for (const auto& [name, factory] : table()) {
    if (name == format) return factory(options);
  }
  return nullptr;
}

Summary summarize(const LintRun& run, double elapsed_seconds) {
  Summary summary;
  summary.files = run.files_checked;
  summary.elapsed_seconds = elapsed_seconds;
  for (const FileResult& file : run.files) {
    for (const Diagnostic& diagnostic : file.diagnostics) {
      switch (diagnostic.severity) {
        case Severity::Error: ++summary.errors; break;
        case Severity::Warning: ++summary.warnings; break;
        case Severity::Info: ++summary.infos; break;
      }
    }
  }
  return summary;
}

std::string_view version() { return MEDLINT_VERSION; }

}  // namespace medlint
