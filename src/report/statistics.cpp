#include <algorithm>
#include <fmt/format.h>
#include <map>

#include "medlint/report.h"

namespace medlint {

void write_statistics(const LintRun& run, std::ostream& out) {
  // A rule's findings can differ in severity (overrides, reader findings):
  // one row per rule and severity.
  std::map<std::pair<std::string, Severity>, int> counts;
  for (const FileResult& file : run.files) {
    for (const Diagnostic& d : file.diagnostics) ++counts[{d.rule, d.severity}];
  }
  std::vector<std::pair<std::pair<std::string, Severity>, int>> rows(counts.begin(), counts.end());
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  out << fmt::format("{:>7}  {:<8} {}\n", "count", "severity", "rule");
  for (const auto& [key, count] : rows) {
    out << fmt::format("{:>7}  {:<8} {}\n", count, to_string(key.second), key.first);
  }
}

}  // namespace medlint
