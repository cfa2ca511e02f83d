// --format markdown: a table of findings for people reading a CI job's page
// (GitHub's job summary, a merge request comment).
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "report/reporters.h"

namespace medlint {
namespace {

// Table cells cannot hold '|' or line breaks, and '<' would start HTML.
std::string cell(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '|': out += "\\|"; break;
      case '<': out += "&lt;"; break;
      case '\r': break;
      case '\n': out += "<br>"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

// Inline code that survives backticks in the text.
std::string code(std::string_view text) {
  const std::string escaped = cell(text);
  return escaped.find('`') == std::string::npos ? fmt::format("`{}`", escaped) : fmt::format("`` {} ``", escaped);
}

// The counts head the page: table rows are spooled until the end of the run.
class MarkdownReporter final : public Reporter {
 public:
  void begin(std::ostream&) override {}

  void file(const FileResult& file, std::ostream&) override {
    for (const Diagnostic& d : file.diagnostics) {
      rows_.stream() << fmt::format("| {} | {} | {} | {}{} |\n", to_string(d.severity),
                                    code(fmt::format("{}:{}:{}", file.path, d.start.line, d.start.column)),
                                    code(d.rule), cell(d.message),
                                    d.suggestion ? "<br>help: " + cell(*d.suggestion) : std::string());
    }
  }

  void end(const LintRun& run, const Summary& summary, std::ostream& out) override {
    const auto plural = [](int n, std::string_view word) { return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s"); };
    out << fmt::format("### medlint: {}, {}, {} in {} checked\n\n", plural(summary.errors, "error"),
                       plural(summary.warnings, "warning"), plural(summary.infos, "info"),
                       plural(summary.files, "file"));
    if (!run.configs.empty()) {
      std::vector<std::string> names;
      for (const std::string& config : run.configs) names.push_back(code(config));
      out << fmt::format("Configuration: {}\n\n", fmt::join(names, ", "));
    }
    if (summary.errors + summary.warnings + summary.infos == 0) {
      out << "No findings.\n";
      return;
    }
    out << "| Severity | Location | Rule | Finding |\n|---|---|---|---|\n";
    rows_.copy_to(out);
  }

 private:
  Spool rows_;
};

}  // namespace

std::unique_ptr<Reporter> make_markdown_reporter(const ReportOptions&) { return std::make_unique<MarkdownReporter>(); }

}  // namespace medlint
