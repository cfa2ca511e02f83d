#include "medlint/source.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <unicode/utf8.h>

namespace medlint {

SourceFile::SourceFile(std::string path, std::string bytes)
    : path_(std::move(path)), bytes_(std::move(bytes)) {
  if (bytes_.starts_with("\xEF\xBB\xBF")) content_start_ = 3;
  line_starts_.push_back(0);
  for (const char* at = bytes_.data(), *end = at + bytes_.size();
       (at = static_cast<const char*>(std::memchr(at, '\n', static_cast<std::size_t>(end - at)))) != nullptr; ++at) {
    line_starts_.push_back(static_cast<std::uint32_t>(at - bytes_.data()) + 1);
  }
  // Record maximal runs of ill-formed bytes; U8_NEXT steps over one maximal
  // subpart at a time, the way ICU and browsers substitute U+FFFD.
  const auto* data = reinterpret_cast<const uint8_t*>(bytes_.data());
  const auto length = static_cast<int32_t>(bytes_.size());
  int32_t i = 0;
  while (i < length) {
    // Most text is ASCII: skip it eight bytes at a time.
    std::uint64_t word;
    if (i + 8 <= length && (std::memcpy(&word, data + i, 8), (word & 0x8080808080808080ULL) == 0)) {
      i += 8;
      continue;
    }
    if (data[i] < 0x80) {
      ++i;
      continue;
    }
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(data, i, length, c);
    if (c >= 0) continue;
    const auto begin = static_cast<std::size_t>(start);
    const auto end = static_cast<std::size_t>(i);
    if (!invalid_utf8_.empty() && invalid_utf8_.back().end == begin) {
      invalid_utf8_.back().end = end;
    } else {
      invalid_utf8_.push_back({begin, end});
    }
  }
  index_long_lines();
}

namespace {

constexpr std::size_t kCheckpointEvery = 4096;  // bytes

}  // namespace

void SourceFile::index_long_lines() {
  const auto* data = reinterpret_cast<const uint8_t*>(bytes_.data());
  for (std::size_t line = 0; line < line_starts_.size(); ++line) {
    const std::size_t begin = line == 0 ? std::min(content_start_, bytes_.size()) : line_starts_[line];
    const std::size_t end = line + 1 < line_starts_.size() ? line_starts_[line + 1] : bytes_.size();
    if (end - begin <= kCheckpointEvery) continue;
    auto i = static_cast<int32_t>(begin);
    std::size_t last = begin;
    int column = 1;
    while (static_cast<std::size_t>(i) < end) {
      UChar32 c;
      U8_NEXT(data, i, static_cast<int32_t>(end), c);
      (void)c;
      ++column;
      if (static_cast<std::size_t>(i) - last >= kCheckpointEvery) {
        column_checkpoints_.push_back({static_cast<std::uint32_t>(i), column});
        last = static_cast<std::size_t>(i);
      }
    }
  }
}

Position SourceFile::position(std::size_t offset) const {
  offset = std::min(offset, bytes_.size());
  const auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const auto line = static_cast<int>(next - line_starts_.begin());
  std::size_t start = line_starts_[line - 1];
  if (line == 1) start = std::max(start, std::min(content_start_, offset));
  int column = 1;
  // Checkpoints are in offset order; the last one at or before `offset`
  // belongs to this line when it is past the line start.
  const auto checkpoint = std::upper_bound(column_checkpoints_.begin(), column_checkpoints_.end(), offset,
                                           [](std::size_t value, const ColumnCheckpoint& c) { return value < c.offset; });
  if (checkpoint != column_checkpoints_.begin() && std::prev(checkpoint)->offset > start) {
    start = std::prev(checkpoint)->offset;
    column = std::prev(checkpoint)->column;
  }
  const auto* data = reinterpret_cast<const uint8_t*>(bytes_.data());
  auto i = static_cast<int32_t>(start);
  const auto stop = static_cast<int32_t>(offset);
  while (i < stop) {
    UChar32 c;
    U8_NEXT(data, i, stop, c);
    (void)c;
    ++column;
  }
  return {line, column};
}

Span SourceFile::line_span(int line) const {
  if (line < 1 || line > line_count()) return {bytes_.size(), bytes_.size()};
  std::size_t begin = line_starts_[line - 1];
  if (line == 1) begin = std::max(begin, content_start_);
  std::size_t end = line < line_count() ? line_starts_[line] - 1 : bytes_.size();
  if (end > begin && bytes_[end - 1] == '\r' && line < line_count()) --end;
  return {begin, std::max(begin, end)};
}

}  // namespace medlint
