#include "report/reporters.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>
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

void Summary::add(const FileResult& file) {
  for (const Diagnostic& diagnostic : file.diagnostics) {
    switch (diagnostic.severity) {
      case Severity::Error: ++errors; break;
      case Severity::Warning: ++warnings; break;
      case Severity::Info: ++infos; break;
    }
  }
}

Summary summarize(const LintRun& run, double elapsed_seconds) {
  Summary summary;
  summary.files = run.files_checked;
  summary.elapsed_seconds = elapsed_seconds;
  for (const FileResult& file : run.files) summary.add(file);
  return summary;
}

void Reporter::report(const LintRun& run, const Summary& summary, std::ostream& out) {
  begin(out);
  for (const FileResult& file : run.files) this->file(file, out);
  end(run, summary, out);
}

Spool::Spool() {
  std::error_code error;
  std::string name = (std::filesystem::temp_directory_path(error) / "medlint-report-XXXXXX").string();
  const int descriptor = error ? -1 : ::mkstemp(name.data());
  if (descriptor >= 0) {
    ::close(descriptor);
    auto file = std::make_unique<std::fstream>(name, std::ios::in | std::ios::out | std::ios::binary | std::ios::trunc);
    // Unlinked at once: the open stream keeps it, nothing is left behind.
    std::filesystem::remove(name, error);
    if (*file) stream_ = std::move(file);
  }
  // Without a temporary folder the items are kept in memory.
  if (!stream_) stream_ = std::make_unique<std::stringstream>();
}

void Spool::copy_to(std::ostream& out) {
  stream_->flush();
  stream_->seekg(0);
  char buffer[1 << 16];
  while (stream_->read(buffer, sizeof buffer) || stream_->gcount() > 0) out.write(buffer, stream_->gcount());
}

std::string_view version() { return MEDLINT_VERSION; }

}  // namespace medlint
