#include "report/json_writer.h"

#include <fmt/format.h>
#include <unicode/utf8.h>

namespace medlint {

void write_json_string(std::ostream& out, std::string_view text) {
  out.put('"');
  const auto* data = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < length) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(data, i, length, c);
    switch (c) {
      case '"': out << "\\\""; break;
      case '\\': out << "\\\\"; break;
      case '\n': out << "\\n"; break;
      case '\r': out << "\\r"; break;
      case '\t': out << "\\t"; break;
      default:
        if (c < 0) {
          out << "\\ufffd";
        } else if (c < 0x20) {
          out << fmt::format("\\u{:04x}", c);
        } else {
          out.write(text.data() + start, i - start);
        }
    }
  }
  out.put('"');
}

}  // namespace medlint
