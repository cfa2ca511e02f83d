#include <algorithm>
#include <fmt/format.h>
#include <map>

#include "medlint/report.h"

namespace medlint {

void write_statistics(const LintRun& run, std::ostream& out) {
  std::map<std::string, std::pair<int, Severity>> counts;
  for (const FileResult& file : run.files) {
    for (const Diagnostic& d : file.diagnostics) {
      auto& [count, severity] = counts.try_emplace(d.rule, 0, d.severity).first->second;
      ++count;
      severity = std::max(severity, d.severity);
    }
  }
  std::vector<std::pair<std::string, std::pair<int, Severity>>> rows(counts.begin(), counts.end());
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.second.first > b.second.first; });
  out << fmt::format("{:>7}  {:<8} {}\n", "count", "severity", "rule");
  for (const auto& [rule, entry] : rows) {
    out << fmt::format("{:>7}  {:<8} {}\n", entry.first, to_string(entry.second), rule);
  }
}

}  // namespace medlint
