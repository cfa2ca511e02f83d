// A small streaming JSON writer shared by the machine-readable reporters.
#pragma once
#include <ostream>
#include <string_view>

namespace medlint {

// Writes `text` as a JSON string literal; invalid UTF-8 becomes U+FFFD.
void write_json_string(std::ostream& out, std::string_view text);

}  // namespace medlint
