#include "medlint/normalized_text.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <optional>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace medlint {
namespace {

// Typographic characters that consumer articles use interchangeably with
// their ASCII forms; patterns are written with the ASCII form.
std::optional<char> ascii_equivalent(UChar32 c) {
  switch (c) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC:
      return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
      return '"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
      return '-';
    default:
      return std::nullopt;
  }
}

void append_utf8(std::string& out, UChar32 c) {
  char buffer[U8_MAX_LENGTH];
  int32_t length = 0;
  U8_APPEND_UNSAFE(buffer, length, c);
  out.append(buffer, static_cast<std::size_t>(length));
}

// Simple case folding that keeps the UTF-8 length, so `folded` and `cased`
// stay byte-aligned; the rare letters whose fold changes length stay as is.
void append_folded(std::string& out, std::string_view cased) {
  const auto* data = reinterpret_cast<const uint8_t*>(cased.data());
  const auto length = static_cast<int32_t>(cased.size());
  int32_t i = 0;
  while (i < length) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT_OR_FFFD(data, i, length, c);
    const UChar32 folded = u_foldCase(c, U_FOLD_CASE_DEFAULT);
    if (U8_LENGTH(folded) == i - start) {
      append_utf8(out, folded);
    } else {
      out.append(cased.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
    }
  }
}

constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;  // any non-ASCII byte in eight

const icu::Normalizer2& nfkc() {
  UErrorCode status = U_ZERO_ERROR;
  static const icu::Normalizer2* instance = icu::Normalizer2::getNFKCInstance(status);
  return *instance;
}

}  // namespace

std::size_t NormalizedText::piece_at(std::size_t offset) const {
  auto next = std::upper_bound(anchors_.begin(), anchors_.end(), offset,
                               [](std::size_t value, const Anchor& a) { return value < a.text; });
  if (next == anchors_.begin()) return 0;
  return static_cast<std::size_t>(next - anchors_.begin()) - 1;
}

std::size_t NormalizedText::to_source(std::size_t offset) const {
  if (anchors_.empty()) return 0;
  const Anchor& piece = anchors_[piece_at(offset)];
  if (offset == piece.text) return piece.source;
  return piece.identity ? piece.source + (offset - piece.text) : piece.source;
}

Span NormalizedText::to_source(Span text_span) const {
  const std::size_t begin = to_source(text_span.begin);
  if (text_span.empty() || anchors_.empty()) return {begin, begin};
  const std::size_t index = piece_at(text_span.end - 1);
  const Anchor& piece = anchors_[index];
  std::size_t end = piece.identity || index + 1 == anchors_.size()
                        ? piece.source + (text_span.end - piece.text)
                        : anchors_[index + 1].source;
  return {begin, std::max(begin, end)};
}

void NormalizedTextBuilder::add_piece(std::string_view cased, std::string_view folded, Span source,
                                      bool identity) {
  auto& anchors = text_.anchors_;
  const std::size_t text_begin = text_.folded_.size();
  // An identity piece that continues the previous one extends it.
  const bool extends = identity && !anchors.empty() && anchors.back().identity &&
                       anchors.back().source + (text_begin - anchors.back().text) == source.begin;
  if (!extends) anchors.push_back({text_begin, source.begin, identity});
  text_.cased_.append(cased);
  text_.folded_.append(folded);
  end_source_ = source.end;
}

void NormalizedTextBuilder::append_source(Span span) {
  const std::string_view bytes = source_.text().substr(span.begin, span.size());
  const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
  const auto length = static_cast<int32_t>(bytes.size());
  std::string cased;
  std::string folded;
  if (text_.cased_.capacity() < text_.cased_.size() + bytes.size()) {
    // Prose is most of an article: reserve for the whole source at once.
    text_.cased_.reserve(std::max(source_.text().size(), text_.cased_.size() + bytes.size()));
    text_.folded_.reserve(text_.cased_.capacity());
  }
  int32_t i = 0;
  while (i < length) {
    // ASCII fast path: most prose is ASCII, copied with a lowercase fold
    // straight into the text, without temporaries.
    int32_t run = i;
    for (std::uint64_t word; run + 8 <= length && (std::memcpy(&word, data + run, 8), (word & kHighBits) == 0);) run += 8;
    while (run < length && data[run] < 0x80) ++run;
    if (run > i) {
      const std::string_view ascii = bytes.substr(static_cast<std::size_t>(i), static_cast<std::size_t>(run - i));
      add_piece({}, {}, {span.begin + static_cast<std::size_t>(i), span.begin + static_cast<std::size_t>(run)}, true);
      text_.cased_.append(ascii);
      const std::size_t folded_start = text_.folded_.size();
      text_.folded_.resize(folded_start + ascii.size());
      std::transform(ascii.begin(), ascii.end(), text_.folded_.begin() + static_cast<std::ptrdiff_t>(folded_start),
                     [](char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); });
      i = run;
      continue;
    }
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(data, i, length, c);
    const Span piece{span.begin + static_cast<std::size_t>(start), span.begin + static_cast<std::size_t>(i)};
    const std::string_view original = bytes.substr(static_cast<std::size_t>(start), piece.size());
    cased.clear();
    if (c < 0) {
      append_utf8(cased, 0xFFFD);
    } else if (auto ascii = ascii_equivalent(c)) {
      cased.push_back(*ascii);
    } else {
      // NFKC one code point at a time keeps the offset map exact; combining
      // sequences are rare in English prose and stay decomposed.
      UErrorCode status = U_ZERO_ERROR;
      icu::UnicodeString normalized = nfkc().normalize(icu::UnicodeString(c), status);
      if (U_FAILURE(status)) normalized = icu::UnicodeString(c);
      normalized.toUTF8String(cased);
    }
    folded.clear();
    append_folded(folded, cased);
    add_piece(cased, folded, piece, cased == original);
  }
}

void NormalizedTextBuilder::append_synthetic(std::string_view utf8, Span span) {
  std::string folded;
  append_folded(folded, utf8);
  add_piece(utf8, folded, span, false);
}

void NormalizedTextBuilder::append_break(std::size_t source_offset) {
  add_piece("\n\n", "\n\n", {source_offset, source_offset}, false);
}

NormalizedText NormalizedTextBuilder::finish() && {
  text_.anchors_.push_back({text_.folded_.size(), end_source_, false});
  return std::move(text_);
}

}  // namespace medlint
