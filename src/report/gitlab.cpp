// --format gitlab: GitLab Code Quality report (a JSON array of issues).
#include "medlint/fingerprint.h"
#include "report/json_writer.h"
#include "report/reporters.h"

namespace medlint {
namespace {

std::string_view gitlab_severity(Severity severity) {
  switch (severity) {
    case Severity::Error: return "major";
    case Severity::Warning: return "minor";
    case Severity::Info: return "info";
  }
  return "major";
}

class GitlabReporter final : public Reporter {
 public:
  void begin(std::ostream& out) override { out << "["; }

  void file(const FileResult& file, std::ostream& out) override {
    const std::vector<std::string> prints = fingerprints(file);
    for (std::size_t i = 0; i < file.diagnostics.size(); ++i) {
      const Diagnostic& d = file.diagnostics[i];
      out << (first_ ? "\n  " : ",\n  ");
      first_ = false;
      out << "{\"description\": ";
      write_json_string(out, d.message);
      out << ", \"check_name\": ";
      write_json_string(out, d.rule);
      out << ", \"fingerprint\": \"" << prints[i] << "\", \"severity\": \"" << gitlab_severity(d.severity)
          << "\", \"location\": {\"path\": ";
      write_json_string(out, file.path);
      out << ", \"positions\": {\"begin\": {\"line\": " << d.start.line << ", \"column\": " << d.start.column
          << "}, \"end\": {\"line\": " << d.end.line << ", \"column\": " << d.end.column << "}}}}";
    }
  }

  void end(const LintRun&, const Summary&, std::ostream& out) override { out << (first_ ? "]\n" : "\n]\n"); }

 private:
  bool first_ = true;  // no finding written yet
};

}  // namespace

std::unique_ptr<Reporter> make_gitlab_reporter(const ReportOptions&) { return std::make_unique<GitlabReporter>(); }

}  // namespace medlint
