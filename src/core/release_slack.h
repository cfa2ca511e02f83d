// Tables built by appending over a whole article: growth leaves up to half
// of their memory unused, which a large article would keep while its rules
// run.
#pragma once
#include <cstddef>
#include <vector>

namespace medlint {

// Gives back `table`'s unused capacity when it is worth a copy.
template <typename T>
void release_slack(std::vector<T>& table) {
  constexpr std::size_t kKeptSlackBytes = 64 * 1024;
  if ((table.capacity() - table.size()) * sizeof(T) > kKeptSlackBytes) table.shrink_to_fit();
}

}  // namespace medlint
