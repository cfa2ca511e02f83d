#include <algorithm>
#include <fmt/format.h>

#include "medlint/report.h"

namespace medlint {

void Statistics::add(const FileResult& file) {
  for (const Diagnostic& d : file.diagnostics) ++counts_[{d.rule, d.severity}];
}

void Statistics::write(std::ostream& out) const {
  std::vector<std::pair<std::pair<std::string, Severity>, int>> rows(counts_.begin(), counts_.end());
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  out << fmt::format("{:>7}  {:<8} {}\n", "count", "severity", "rule");
  for (const auto& [key, count] : rows) {
    out << fmt::format("{:>7}  {:<8} {}\n", count, to_string(key.second), key.first);
  }
}

}  // namespace medlint
