// --format github: GitHub Actions workflow commands, which GitHub shows as
// annotations on the pull request diff.
#include <fmt/format.h>

#include "report/reporters.h"

namespace medlint {

std::string escape_workflow_command(std::string_view text, bool property) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += property ? "%3A" : ":"; break;
      case ',': out += property ? "%2C" : ","; break;
      default: out.push_back(c);
    }
  }
  return out;
}

namespace {

std::string_view command(Severity severity) {
  switch (severity) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info: return "notice";
  }
  return "error";
}

class GithubReporter final : public Reporter {
 public:
  void begin(std::ostream&) override {}

  void file(const FileResult& file, std::ostream& out) override {
    for (const Diagnostic& d : file.diagnostics) {
      std::string message = d.message;
      if (d.suggestion) message += "\nhelp: " + *d.suggestion;
      out << fmt::format("::{} file={},line={},col={},endLine={},endColumn={},title={}::{}\n", command(d.severity),
                         escape_workflow_command(file.path, true), d.start.line, d.start.column, d.end.line, d.end.column,
                         escape_workflow_command(d.rule, true), escape_workflow_command(message, false));
    }
  }

  void end(const LintRun&, const Summary&, std::ostream&) override {}
};

}  // namespace

std::unique_ptr<Reporter> make_github_reporter(const ReportOptions&) { return std::make_unique<GithubReporter>(); }

}  // namespace medlint
