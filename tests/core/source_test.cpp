#include "medlint/source.h"

#include <gtest/gtest.h>

namespace medlint {
namespace {

TEST(SourceFileTest, ColumnsCountCodePointsNotBytes) {
  SourceFile file("a.md", "caf\xC3\xA9 fever\n\xE2\x80\x9Cquote\xE2\x80\x9D x");
  EXPECT_EQ(file.position(6), (Position{1, 6}));   // 'f' after "café "
  EXPECT_EQ(file.position(12), (Position{2, 1}));
  EXPECT_EQ(file.position(20), (Position{2, 7}));  // closing quote
  EXPECT_EQ(file.position(24), (Position{2, 9}));  // 'x'
}

TEST(SourceFileTest, CrlfLinesKeepColumnsAndLineText) {
  SourceFile file("a.txt", "one\r\ntwo\r\n");
  EXPECT_EQ(file.line_count(), 3);
  EXPECT_EQ(file.position(5), (Position{2, 1}));
  EXPECT_EQ(file.line_text(1), "one");
  EXPECT_EQ(file.line_text(2), "two");
}

TEST(SourceFileTest, ByteOrderMarkIsNotAColumn) {
  SourceFile file("a.txt", "\xEF\xBB\xBFTitle");
  EXPECT_EQ(file.content_start(), 3u);
  EXPECT_EQ(file.position(3), (Position{1, 1}));
  EXPECT_EQ(file.position(4), (Position{1, 2}));
  EXPECT_EQ(file.line_text(1), "Title");
}

TEST(SourceFileTest, TabCountsOneColumn) {
  SourceFile file("a.txt", "\tx");
  EXPECT_EQ(file.position(1), (Position{1, 2}));
}

TEST(SourceFileTest, InvalidUtf8RunsAreRecordedAndCountAsOneColumnPerByte) {
  SourceFile file("a.txt", "ok \xFF\xFE then \xC3");
  ASSERT_EQ(file.invalid_utf8().size(), 2u);
  EXPECT_EQ(file.invalid_utf8()[0], (Span{3, 5}));
  EXPECT_EQ(file.invalid_utf8()[1], (Span{11, 12}));
  EXPECT_EQ(file.position(5), (Position{1, 6}));
}

TEST(SourceFileTest, EndOfFileHasAPosition) {
  SourceFile file("a.txt", "ab\n");
  EXPECT_EQ(file.position(3), (Position{2, 1}));
  EXPECT_EQ(file.position(99), (Position{2, 1}));
}

}  // namespace
}  // namespace medlint
