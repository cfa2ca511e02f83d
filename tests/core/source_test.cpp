#include "medlint/source.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unicode/utf8.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

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

namespace medlint {
namespace {

// Columns from the checkpoints of a long line are the columns a walk from
// the line start gives, with multi-byte and invalid characters on the way.
TEST(SourceFileTest, ColumnsInLongLinesMatchAWalkFromTheLineStart) {
  std::string line;
  for (int i = 0; i < 3000; ++i) line += i % 7 == 0 ? "\xC3\xA9" : i % 11 == 0 ? "\xFF" : "ab";
  const SourceFile file("a.md", "first\n" + line + "\nlast");
  std::size_t offset = 6;
  int column = 1;
  const auto* data = reinterpret_cast<const uint8_t*>(file.text().data());
  while (offset < 6 + line.size()) {
    ASSERT_EQ(file.position(offset), (Position{2, column})) << offset;
    auto next = static_cast<int32_t>(offset);
    UChar32 c;
    U8_NEXT(data, next, static_cast<int32_t>(file.text().size()), c);
    offset = static_cast<std::size_t>(next);
    ++column;
  }
  EXPECT_EQ(file.position(6 + line.size() + 1), (Position{3, 1}));
}

// 100,000 positions on one 4 MB line: a walk from the line start each time
// would step over 2e11 bytes (minutes); from the checkpoints, 4e8 at most.
TEST(SourceFileTest, ManyPositionsOnOneLongLineCostTheirNumber) {
  const SourceFile file("a.md", std::string(4'000'000, 'a'));
  std::size_t columns = 0;
  for (std::size_t offset = 0; offset < 4'000'000; offset += 40) columns += static_cast<std::size_t>(file.position(offset).column);
  EXPECT_EQ(columns, std::size_t{100'000} + 40 * (std::size_t{100'000} * 99'999 / 2));
}

// A mapped file reads as the same bytes held in memory, and still does
// after its reader let the pages go (they are read again from the file).
TEST(SourceFileTest, MappedFileReadsTheSameAfterItsPagesAreLetGo) {
  std::string bytes;
  for (int line = 0; bytes.size() < 3'000'000; ++line) {
    bytes += "Line " + std::to_string(line) + " caf\xC3\xA9 \xFF fever";
    bytes += '\0';
    bytes += '\n';
  }
  const auto path = std::filesystem::temp_directory_path() / ("medlint-mapped-" + std::to_string(::getpid()) + ".md");
  std::ofstream(path, std::ios::binary) << bytes;
  const int fd = ::open(path.c_str(), O_RDONLY);
  ASSERT_GE(fd, 0);
  auto mapped = MappedFile::map(fd, bytes.size());
  ::close(fd);
  ASSERT_TRUE(mapped);
  const SourceFile in_memory("a.md", bytes);
  const SourceFile file("a.md", std::move(*mapped));
  file.release_before(bytes.size() / 2);
  file.release_before(bytes.size());
  EXPECT_EQ(file.text(), in_memory.text());
  EXPECT_EQ(file.line_count(), in_memory.line_count());
  EXPECT_EQ(file.invalid_utf8(), in_memory.invalid_utf8());
  EXPECT_EQ(file.nul_count(), in_memory.nul_count());
  EXPECT_EQ(file.first_nul(), in_memory.first_nul());
  for (int line = 1; line <= file.line_count(); line += 997) {
    EXPECT_EQ(file.line_text(line), in_memory.line_text(line));
    const std::size_t offset = in_memory.line_span(line).begin + 9;
    EXPECT_EQ(file.position(offset), in_memory.position(offset));
  }
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace medlint
