#include "server/text_positions.h"

#include <algorithm>

namespace medlint::lsp {
namespace {

// Bytes of the UTF-8 sequence a lead byte starts; a stray continuation or
// invalid byte is one character on its own.
std::size_t sequence_length(unsigned char lead) {
  if (lead < 0xC0) return 1;
  if (lead < 0xE0) return 2;
  if (lead < 0xF0) return 3;
  if (lead < 0xF8) return 4;
  return 1;
}

// UTF-16 code units of the character a lead byte starts: four-byte
// sequences are outside the Basic Multilingual Plane (a surrogate pair).
int utf16_units(unsigned char lead) { return lead >= 0xF0 && lead < 0xF8 ? 2 : 1; }

}  // namespace

LineIndex::LineIndex(std::string_view text) : text_(text) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) {
      line_starts_.push_back(i + 1);
    }
  }
}

std::size_t LineIndex::line_end(std::size_t line) const {
  if (line + 1 >= line_starts_.size()) return text_.size();
  std::size_t end = line_starts_[line + 1] - 1;  // the "\n" or lone "\r"
  if (text_[end] == '\n' && end > line_starts_[line] && text_[end - 1] == '\r') --end;
  return end;
}

TextPosition LineIndex::position(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  const auto after = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const std::size_t line = static_cast<std::size_t>(after - line_starts_.begin()) - 1;
  const std::size_t end = std::min(offset, line_end(line));
  int character = 0;
  for (std::size_t i = line_starts_[line]; i < end; i += sequence_length(static_cast<unsigned char>(text_[i]))) {
    character += utf16_units(static_cast<unsigned char>(text_[i]));
  }
  return {static_cast<int>(line), character};
}

std::size_t LineIndex::offset(TextPosition position) const {
  if (position.line < 0) return 0;
  const auto line = static_cast<std::size_t>(position.line);
  if (line >= line_starts_.size()) return text_.size();
  const std::size_t end = line_end(line);
  std::size_t offset = line_starts_[line];
  for (int character = 0; offset < end;) {
    const auto lead = static_cast<unsigned char>(text_[offset]);
    character += utf16_units(lead);
    if (character > position.character) break;
    offset = std::min(end, offset + sequence_length(lead));
  }
  return offset;
}

}  // namespace medlint::lsp
