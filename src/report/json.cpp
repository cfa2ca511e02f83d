// --format json: the stable interface documented in docs/json-output.md.
#include "report/json_writer.h"
#include "report/reporters.h"

namespace medlint {
namespace {

class JsonReporter final : public Reporter {
 public:
  void begin(std::ostream& out) override {
    out << "{\"version\": ";
    write_json_string(out, version());
    out << ", \"diagnostics\": [";
  }

  void file(const FileResult& file, std::ostream& out) override {
    for (const Diagnostic& diagnostic : file.diagnostics) {
      out << (first_ ? "\n  " : ",\n  ");
      first_ = false;
      out << "{\"path\": ";
      write_json_string(out, file.path);
      out << ", \"line\": " << diagnostic.start.line << ", \"column\": " << diagnostic.start.column
          << ", \"end_line\": " << diagnostic.end.line << ", \"end_column\": " << diagnostic.end.column
          << ", \"severity\": \"" << to_string(diagnostic.severity) << "\", \"rule\": ";
      write_json_string(out, diagnostic.rule);
      out << ", \"message\": ";
      write_json_string(out, diagnostic.message);
      if (diagnostic.suggestion) {
        out << ", \"suggestion\": ";
        write_json_string(out, *diagnostic.suggestion);
      }
      out << "}";
    }
  }

  void end(const LintRun& run, const Summary& summary, std::ostream& out) override {
    out << (first_ ? "]" : "\n]") << ", \"summary\": {\"files\": " << summary.files << ", \"errors\": " << summary.errors
        << ", \"warnings\": " << summary.warnings << ", \"infos\": " << summary.infos << "}, \"configs\": [";
    for (std::size_t i = 0; i < run.configs.size(); ++i) {
      if (i) out << ", ";
      write_json_string(out, run.configs[i]);
    }
    out << "]}\n";
  }

 private:
  bool first_ = true;  // no finding written yet
};

}  // namespace

std::unique_ptr<Reporter> make_json_reporter(const ReportOptions&) { return std::make_unique<JsonReporter>(); }

}  // namespace medlint
