#include "medlint/source.h"

#include "core/release_slack.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <sys/mman.h>
#include <utility>
#include <unicode/utf8.h>
#include <unistd.h>

namespace medlint {

std::optional<MappedFile> MappedFile::map(int fd, std::size_t size) {
  void* data = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  if (data == MAP_FAILED) return std::nullopt;
  // Readers go through the text front to back.
  ::madvise(data, size, MADV_SEQUENTIAL);
  return MappedFile(static_cast<const char*>(data), size);
}

MappedFile::MappedFile(MappedFile&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)), released_(other.released_) {}

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept {
  std::swap(data_, other.data_);
  std::swap(size_, other.size_);
  std::swap(released_, other.released_);
  return *this;
}

MappedFile::~MappedFile() {
  if (data_ != nullptr) ::munmap(const_cast<char*>(data_), size_);
}

void MappedFile::release_before(std::size_t offset) {
  // A call per megabyte at most: each one is a system call.
  constexpr std::size_t kReleaseEvery = std::size_t{1} << 20;
  static const auto page_size = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  const std::size_t end = std::min(offset, size_) / page_size * page_size;
  if (end < released_ + kReleaseEvery && !(end > released_ && offset >= size_)) return;
  // The pages are the file's and unchanged: dropping them loses nothing.
  ::madvise(const_cast<char*>(data_) + released_, end - released_, MADV_DONTNEED);
  released_ = end;
}

void MappedFile::release_again(std::size_t begin, std::size_t end) const {
  // A page fault maps the cached pages of the 64 KiB around it too.
  constexpr std::size_t kFaultAround = 64 * 1024;
  begin = begin / kFaultAround * kFaultAround;
  end = std::min(released_, (end + kFaultAround - 1) / kFaultAround * kFaultAround);
  if (begin < end) ::madvise(const_cast<char*>(data_) + begin, end - begin, MADV_DONTNEED);
}

SourceFile::SourceFile(std::string path, std::string bytes)
    : path_(std::move(path)), owned_(std::move(bytes)), bytes_(owned_) {
  index();
}

SourceFile::SourceFile(std::string path, MappedFile bytes)
    : path_(std::move(path)), mapped_(std::move(bytes)), bytes_(mapped_->bytes()) {
  index();
}

void SourceFile::release_before(std::size_t offset) const {
  if (mapped_) mapped_->release_before(offset);
}

void SourceFile::done_with(Span span) const {
  if (mapped_) mapped_->release_again(span.begin, span.end);
}

void SourceFile::index() {
  if (bytes_.starts_with("\xEF\xBB\xBF")) content_start_ = 3;
  if (const std::size_t nul = bytes_.find('\0'); nul != std::string_view::npos) {
    first_nul_ = nul;
    nul_count_ = static_cast<std::size_t>(std::count(bytes_.begin() + static_cast<std::ptrdiff_t>(nul), bytes_.end(), '\0'));
  }
  line_starts_.push_back(0);
  for (const char* at = bytes_.data(), *end = at + bytes_.size();
       (at = static_cast<const char*>(std::memchr(at, '\n', static_cast<std::size_t>(end - at)))) != nullptr; ++at) {
    line_starts_.push_back(static_cast<std::uint32_t>(at - bytes_.data()) + 1);
  }
  release_slack(line_starts_);
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
  done_with({start, offset});
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
