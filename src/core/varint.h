// LEB128 varints: the counts and lengths of the byte images medlint
// compiles in (YAML pack images, the pattern database's image); and numbers
// of 8 bytes, which keep the images of tries read in place (which start on
// an 8-byte boundary) aligned.
#pragma once
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace medlint {

inline void append_varint(std::uint64_t value, std::string& out) {
  do {
    const auto low = static_cast<unsigned char>(value & 0x7F);
    value >>= 7;
    out += static_cast<char>(value ? low | 0x80 : low);
  } while (value);
}

// Reads what append_varint wrote from the front of `in`, consuming it;
// false when `in` ends first or the count is too long.
inline bool read_varint(std::string_view& in, std::uint64_t& value) {
  value = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (in.empty()) return false;
    const auto byte = static_cast<unsigned char>(in.front());
    in.remove_prefix(1);
    value |= std::uint64_t{byte & 0x7Fu} << shift;
    if (!(byte & 0x80)) return true;
  }
  return false;
}

inline void append_number(std::uint64_t number, std::string& out) {
  out.append(reinterpret_cast<const char*>(&number), sizeof number);
}

// Reads what append_number wrote from the front of `in`, consuming it;
// false when `in` ends first.
inline bool read_number(std::string_view& in, std::uint64_t& number) {
  if (in.size() < sizeof number) return false;
  std::memcpy(&number, in.data(), sizeof number);
  in.remove_prefix(sizeof number);
  return true;
}

}  // namespace medlint
