// Removing findings from a FileResult while its excerpts stay parallel.
#pragma once
#include "medlint/lint.h"

namespace medlint {

// Keeps the findings for which keep(index) is true, in order.
template <class Keep>
void filter_findings(FileResult& file, Keep keep) {
  std::size_t kept = 0;
  for (std::size_t i = 0; i < file.diagnostics.size(); ++i) {
    if (!keep(i)) continue;
    if (kept != i) {
      file.diagnostics[kept] = std::move(file.diagnostics[i]);
      file.excerpts[kept] = std::move(file.excerpts[i]);
    }
    ++kept;
  }
  file.diagnostics.resize(kept);
  file.excerpts.resize(kept);
}

}  // namespace medlint
