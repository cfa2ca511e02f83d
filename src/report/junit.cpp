// --format junit: one test suite per run, one test case per file, failed
// when the file has findings (JUnit allows one failure per test case; it
// lists them all).
#include <fmt/format.h>

#include "report/reporters.h"

namespace medlint {
namespace {

std::string xml_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        // XML 1.0 cannot carry most control characters, even escaped.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\r') {
          out += "\xEF\xBF\xBD";
        } else {
          out.push_back(c);
        }
    }
  }
  return out;
}

// The suite's counts head the document: test cases are spooled until the
// end of the run.
class JunitReporter final : public Reporter {
 public:
  void begin(std::ostream&) override {}

  void file(const FileResult& file, std::ostream&) override {
    std::ostream& out = cases_.stream();
    ++tests_;
    out << fmt::format("    <testcase name=\"{}\" classname=\"medlint\"", xml_escape(file.path));
    if (file.diagnostics.empty()) {
      out << "/>\n";
      return;
    }
    ++failures_;
    const std::size_t count = file.diagnostics.size();
    out << fmt::format(">\n      <failure type=\"medlint\" message=\"{} finding{}\">", count, count == 1 ? "" : "s");
    for (std::size_t i = 0; i < count; ++i) {
      const Diagnostic& d = file.diagnostics[i];
      out << fmt::format("{}{}:{}:{}: {}: {} [{}]{}", i ? "\n" : "", xml_escape(file.path), d.start.line,
                         d.start.column, to_string(d.severity), xml_escape(d.message), xml_escape(d.rule),
                         d.suggestion ? "\nhelp: " + xml_escape(*d.suggestion) : std::string());
    }
    out << "</failure>\n    </testcase>\n";
  }

  void end(const LintRun&, const Summary& summary, std::ostream& out) override {
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        << fmt::format("<testsuites name=\"medlint\" tests=\"{}\" failures=\"{}\" errors=\"0\">\n", tests_, failures_)
        << fmt::format("  <testsuite name=\"medlint\" tests=\"{}\" failures=\"{}\" errors=\"0\" time=\"{:.3f}\">\n",
                       tests_, failures_, summary.elapsed_seconds);
    cases_.copy_to(out);
    out << "  </testsuite>\n</testsuites>\n";
  }

 private:
  Spool cases_;
  std::size_t tests_ = 0;
  int failures_ = 0;
};

}  // namespace

std::unique_ptr<Reporter> make_junit_reporter(const ReportOptions&) { return std::make_unique<JunitReporter>(); }

}  // namespace medlint
