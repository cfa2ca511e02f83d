// What the build tools write into generated sources: bytes as a C++ string
// literal, in pieces no compiler finds too long.
#pragma once
#include <cstdio>
#include <string>
#include <string_view>

namespace medlint {

inline std::string cpp_string_literal(std::string_view bytes) {
  std::string literal = "\"";
  for (std::size_t at = 0; at < bytes.size(); ++at) {
    char escaped[8];
    std::snprintf(escaped, sizeof escaped, "\\x%02x", static_cast<unsigned char>(bytes[at]));
    literal += escaped;
    if (at % 256 == 255) literal += "\"\n\"";
  }
  return literal + "\"";
}

}  // namespace medlint
