// Positions as LSP counts them: 0-based lines, ended by "\n", "\r\n" or
// "\r", and 0-based characters in UTF-16 code units (an emoji is two, an
// accented letter one). medlint's spans are byte offsets into UTF-8 text.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace medlint::lsp {

struct TextPosition {
  int line = 0;
  int character = 0;
  friend auto operator<=>(TextPosition, TextPosition) = default;
};

struct TextRange {
  TextPosition start;
  TextPosition end;
};

// The line starts of a text, for converting in both directions. Keeps a
// view of the text: the text must outlive it.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);

  // Where a byte offset is (offsets inside a character count from its first byte).
  TextPosition position(std::size_t offset) const;
  // The byte offset of a position. A character past the line's end means
  // the end of the line, and a line past the last the end of the text, as
  // the protocol asks; a position inside a surrogate pair means the
  // character's start.
  std::size_t offset(TextPosition position) const;

 private:
  // The byte offset where a line's text ends (before its terminator).
  std::size_t line_end(std::size_t line) const;

  std::string_view text_;
  std::vector<std::size_t> line_starts_;
};

}  // namespace medlint::lsp
