#include "server/text_positions.h"

#include <gtest/gtest.h>

namespace medlint::lsp {
namespace {

TEST(LineIndex, CountsUtf16UnitsNotBytesOrCodePoints) {
  // "é" is two bytes and one unit; "😀" four bytes and two units.
  const std::string text = "café 😀 x\nnext";
  const LineIndex lines(text);
  const std::size_t x = text.find('x');
  EXPECT_EQ(lines.position(x), (TextPosition{0, 8}));
  EXPECT_EQ(lines.offset({0, 8}), x);
  EXPECT_EQ(lines.position(text.find("next")), (TextPosition{1, 0}));
}

TEST(LineIndex, EndsLinesAtNewlineCarriageReturnAndBoth) {
  const std::string text = "a\r\nb\rc\nd";
  const LineIndex lines(text);
  EXPECT_EQ(lines.position(text.find('b')), (TextPosition{1, 0}));
  EXPECT_EQ(lines.position(text.find('c')), (TextPosition{2, 0}));
  EXPECT_EQ(lines.position(text.find('d')), (TextPosition{3, 0}));
  // The terminator belongs to no column: its offset is the line's end.
  EXPECT_EQ(lines.position(1), (TextPosition{0, 1}));
  EXPECT_EQ(lines.position(2), (TextPosition{0, 1}));
}

TEST(LineIndex, ClampsPositionsPastTheLineOrTheText) {
  const std::string text = "ab\r\ncd";
  const LineIndex lines(text);
  EXPECT_EQ(lines.offset({0, 99}), 2u);  // before "\r\n"
  EXPECT_EQ(lines.offset({7, 0}), text.size());
  EXPECT_EQ(lines.offset({-1, 0}), 0u);
}

TEST(LineIndex, APositionInsideASurrogatePairMeansTheCharacter) {
  const std::string text = "😀b";
  const LineIndex lines(text);
  EXPECT_EQ(lines.offset({0, 1}), 0u);
  EXPECT_EQ(lines.offset({0, 2}), 4u);
}

}  // namespace
}  // namespace medlint::lsp
