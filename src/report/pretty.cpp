// --format pretty: compiler-style findings for people.
#include <algorithm>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "report/reporters.h"

namespace medlint {
namespace {

struct Style {
  bool color;
  std::string paint(std::string_view text, const char* code) const {
    return color ? fmt::format("\x1b[{}m{}\x1b[0m", code, text) : std::string(text);
  }
};

const char* severity_color(Severity severity) {
  switch (severity) {
    case Severity::Error: return "1;31";
    case Severity::Warning: return "1;33";
    case Severity::Info: return "1;36";
  }
  return "1";
}

// Copies the line's leading characters up to `column`, keeping tabs so the
// marker lines up under the text in any terminal.
std::string indent_to(std::string_view line, int column) {
  std::string indent;
  int current = 1;
  for (std::size_t i = 0; i < line.size() && current < column; ++i) {
    const auto byte = static_cast<unsigned char>(line[i]);
    if ((byte & 0xC0) == 0x80) continue;  // continuation byte: same character
    indent.push_back(line[i] == '\t' ? '\t' : ' ');
    ++current;
  }
  return indent;
}

std::size_t count_characters(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

class PrettyReporter final : public Reporter {
 public:
  explicit PrettyReporter(const ReportOptions& options) : options_(options), style_{options.color} {}

  void begin(std::ostream&) override {}

  void file(const FileResult& file, std::ostream& out) override {
    for (std::size_t i = 0; i < file.diagnostics.size(); ++i) {
      if (options_.quiet && file.diagnostics[i].severity != Severity::Error) continue;
      print(file.path, file.diagnostics[i], file.excerpts[i], out);
    }
  }

  void end(const LintRun& run, const Summary& summary, std::ostream& out) override {
    if (options_.quiet) return;
    const auto plural = [](int n, std::string_view word) { return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s"); };
    out << fmt::format("{} checked: {}, {}, {} ({:.2f}s)\n", plural(summary.files, "file"), plural(summary.errors, "error"),
                       plural(summary.warnings, "warning"), plural(summary.infos, "info"), summary.elapsed_seconds);
    if (!run.configs.empty()) {
      out << fmt::format("configuration: {}\n", fmt::join(run.configs, ", "));
    }
  }

 private:
  void print(const std::string& path, const Diagnostic& diagnostic, const Excerpt& excerpt, std::ostream& out) const {
    out << style_.paint(fmt::format("{}:{}:{}:", path, diagnostic.start.line, diagnostic.start.column), "1") << ' '
        << style_.paint(fmt::format("{}:", to_string(diagnostic.severity)), severity_color(diagnostic.severity)) << ' '
        << diagnostic.message << ' ' << style_.paint(fmt::format("[{}]", diagnostic.rule), "2") << '\n';
    if (!excerpt.line.empty() || !excerpt.text.empty()) {
      const std::string_view line = excerpt.line;
      const int line_end = excerpt.first_column + static_cast<int>(count_characters(line));
      const int end_column = std::min(line_end, diagnostic.end.line == diagnostic.start.line ? diagnostic.end.column
                                                                                              : excerpt.line_end_column);
      const int width = std::max(1, end_column - diagnostic.start.column);
      const std::string gutter = fmt::format("{:>5} | ", diagnostic.start.line);
      const char* before = excerpt.cut_before ? "..." : "";
      out << style_.paint(gutter, "34") << before << line << (excerpt.cut_after ? "..." : "") << '\n'
          << style_.paint("      | ", "34") << before
          << indent_to(line, diagnostic.start.column - excerpt.first_column + 1)
          << style_.paint(std::string(static_cast<std::size_t>(width), '^'), severity_color(diagnostic.severity)) << '\n';
    }
    if (diagnostic.suggestion) out << "      = " << style_.paint("help:", "1;32") << ' ' << *diagnostic.suggestion << '\n';
  }

  ReportOptions options_;
  Style style_;
};

}  // namespace

std::unique_ptr<Reporter> make_pretty_reporter(const ReportOptions& options) {
  return std::make_unique<PrettyReporter>(options);
}

}  // namespace medlint
