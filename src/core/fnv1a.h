// FNV-1a (64-bit): a hash of bytes that is the same on every machine and
// build, for finding fingerprints and for telling whether a compiled image
// still matches what it was compiled from.
#pragma once

#include <cstdint>
#include <string_view>

namespace medlint {

inline constexpr std::uint64_t kFnv1aBasis = 14695981039346656037ull;

// `hash` continued over `bytes`; a new hash starts from kFnv1aBasis.
constexpr std::uint64_t fnv1a(std::string_view bytes, std::uint64_t hash = kFnv1aBasis) {
  for (const char c : bytes) hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return hash;
}

}  // namespace medlint
