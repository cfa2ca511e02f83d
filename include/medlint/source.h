// A file's exact bytes and the mapping from byte offsets to line:column.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace medlint {

// A half-open byte range [begin, end) in some text (the source file, or a
// NormalizedText, as the owner documents).
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;

  std::size_t size() const { return end - begin; }
  bool empty() const { return begin == end; }
  bool contains(std::size_t offset) const { return begin <= offset && offset < end; }
  bool contains(Span other) const { return begin <= other.begin && other.end <= end; }
  friend bool operator==(Span, Span) = default;
};

// A Span in 32 bits, for tables with an entry per block of an article;
// offsets in an article fit (kLargestFileSizeLimit in medlint/lint.h).
struct CompactSpan {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;

  CompactSpan() = default;
  CompactSpan(std::size_t begin_offset, std::size_t end_offset)
      : begin(static_cast<std::uint32_t>(begin_offset)), end(static_cast<std::uint32_t>(end_offset)) {}
  CompactSpan(Span span) : CompactSpan(span.begin, span.end) {}
  operator Span() const { return {begin, end}; }

  std::size_t size() const { return end - begin; }
  bool empty() const { return begin == end; }
  bool contains(std::size_t offset) const { return begin <= offset && offset < end; }
  bool contains(Span other) const { return begin <= other.begin && other.end <= end; }
};

// 1-based line and column. Columns count Unicode code points (an invalid
// UTF-8 byte counts as one; a tab counts as one), the way editors and
// GitHub annotations count them.
struct Position {
  int line = 1;
  int column = 1;
  friend auto operator<=>(Position, Position) = default;
};

// A file's bytes mapped read-only: a large article is read in place, not
// copied, and the pages a reader is done with can leave memory (the system
// reads them again from the file when a finding's line needs them). The
// file must not shrink while mapped.
class MappedFile {
 public:
  // Maps the first `size` bytes (at least one) of the open file `fd`;
  // nullopt, with errno set, when it cannot.
  static std::optional<MappedFile> map(int fd, std::size_t size);
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  ~MappedFile();

  std::string_view bytes() const { return {data_, size_}; }
  // Lets the pages wholly before `offset` leave memory.
  void release_before(std::size_t offset);
  // Lets the pages around [begin, end) leave memory again, once all before
  // them have been released: reading a finding's line maps them back.
  void release_again(std::size_t begin, std::size_t end) const;

 private:
  MappedFile(const char* data, std::size_t size) : data_(data), size_(size) {}
  const char* data_;
  std::size_t size_;
  std::size_t released_ = 0;  // bytes before this have been released
};

class SourceFile {
 public:
  // `path` is the path as reported (as given on the command line).
  SourceFile(std::string path, std::string bytes);
  SourceFile(std::string path, MappedFile bytes);
  // The text views below point into the file's own bytes.
  SourceFile(const SourceFile&) = delete;
  SourceFile& operator=(const SourceFile&) = delete;

  const std::string& path() const { return path_; }
  std::string_view text() const { return bytes_; }
  std::string_view slice(Span span) const { return bytes_.substr(span.begin, span.size()); }

  // A reader is done with the bytes before `offset`: a mapped file's pages
  // there may leave memory (reading them again costs a page fault). Bytes
  // read into memory stay. Called by the reader only, before rules run.
  void release_before(std::size_t offset) const;
  // Whoever read `span` after the reader was done with it is done too (a
  // finding's position and line): the pages leave memory again, so that
  // many findings do not bring the whole file back.
  void done_with(Span span) const;

  // Byte offset where content starts: 3 after a UTF-8 byte-order mark, else 0.
  std::size_t content_start() const { return content_start_; }

  // Line and column of a byte offset (offset == size() is the end of file).
  // "\r\n" and "\n" end lines; a BOM does not count as a column. Takes
  // time bounded by a constant plus a logarithm, however long the line, so
  // a file's findings cost their number, not their number times the line.
  Position position(std::size_t offset) const;

  int line_count() const { return static_cast<int>(line_starts_.size()); }
  // Byte span of a 1-based line without its line terminator.
  Span line_span(int line) const;
  std::string_view line_text(int line) const { return slice(line_span(line)); }

  // Maximal runs of bytes that are not well-formed UTF-8, in file order.
  const std::vector<Span>& invalid_utf8() const { return invalid_utf8_; }
  // NUL bytes (no part of a text article): how many, and the first one's
  // offset. Counted with the lines, while the bytes are read anyway.
  std::size_t nul_count() const { return nul_count_; }
  std::size_t first_nul() const { return first_nul_; }

 private:
  void index();
  void index_long_lines();
  std::string path_;
  // The bytes are either `owned_` or `mapped_`; `bytes_` views them.
  std::string owned_;
  mutable std::optional<MappedFile> mapped_;
  std::string_view bytes_;
  std::size_t content_start_ = 0;
  // 32-bit offsets (see CompactSpan): a large article has a line per 75 bytes or so.
  std::vector<std::uint32_t> line_starts_;
  // Within long lines, every few KiB, a character boundary and its column:
  // counting columns starts at the last checkpoint, not at the line start.
  struct ColumnCheckpoint {
    std::uint32_t offset;
    int column;
  };
  std::vector<ColumnCheckpoint> column_checkpoints_;
  std::vector<Span> invalid_utf8_;
  std::size_t nul_count_ = 0;
  std::size_t first_nul_ = 0;
};

}  // namespace medlint
