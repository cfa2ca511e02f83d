// Per-thread scratch vectors: reused from call to call, they spare the hot
// loops of reading a sentence their allocations; after a call over a long
// text grew one, its memory is given back, so that text does not keep it
// for the rest of the run.
#pragma once
#include <cstddef>
#include <vector>

namespace medlint {

template <typename T>
void trim_scratch(std::vector<T>& scratch) {
  constexpr std::size_t kKeptElements = std::size_t{1} << 12;
  if (scratch.capacity() > kKeptElements) std::vector<T>().swap(scratch);
}

}  // namespace medlint
