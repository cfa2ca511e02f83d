#include "medlint/normalized_text.h"

#include "core/release_slack.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <optional>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uspoof.h>
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

// Characters drawn as blank space that Unicode does not class as spaces.
bool is_blank_glyph(UChar32 c) {
  return c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 || c == 0x2800;
}

bool is_ascii_alphanumeric(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

const USpoofChecker* spoof_checker() {
  static const USpoofChecker* instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    USpoofChecker* checker = uspoof_open(&status);
    return U_SUCCESS(status) ? checker : nullptr;
  }();
  return instance;
}

// The Latin letters a letter of another script is confusable with ("а"
// Cyrillic -> "a"), or nullopt when its skeleton is not plain ASCII letters.
std::optional<std::string> latin_skeleton(UChar32 c) {
  const USpoofChecker* checker = spoof_checker();
  if (checker == nullptr || !u_isalpha(c)) return std::nullopt;
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString skeleton;
  uspoof_getSkeletonUnicodeString(checker, 0, icu::UnicodeString(c), skeleton, &status);
  std::string latin;
  skeleton.toUTF8String(latin);
  if (U_FAILURE(status) || latin.empty() ||
      !std::all_of(latin.begin(), latin.end(), [](char l) { return is_ascii_alphanumeric(l) && !(l >= '0' && l <= '9'); })) {
    return std::nullopt;
  }
  return latin;
}

constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;  // any non-ASCII byte in eight
constexpr std::uint64_t kLowControlBytes = 0x2020202020202020ULL;  // any byte below ' ' in eight, with kHighBits

// ASCII control characters other than white space (NUL, escape...), which
// display as nothing.
bool is_hidden_control(uint8_t byte) {
  return (byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r' && byte != '\f' && byte != '\v') || byte == 0x7F;
}

const icu::Normalizer2& nfkc() {
  UErrorCode status = U_ZERO_ERROR;
  static const icu::Normalizer2* instance = icu::Normalizer2::getNFKCInstance(status);
  return *instance;
}

}  // namespace

char CasedText::operator[](std::size_t offset) const {
  const NormalizedText& text = *text_;
  const char folded = text.folded_[offset];
  if (!(text.case_changed_[offset / 64] >> (offset % 64) & 1)) return folded;
  if (folded >= 'a' && folded <= 'z') return static_cast<char>(folded - 32);
  const auto at = std::lower_bound(text.cased_bytes_.begin(), text.cased_bytes_.end(), offset,
                                   [](const auto& entry, std::size_t value) { return entry.first < value; });
  return at != text.cased_bytes_.end() && at->first == offset ? at->second : folded;
}

std::size_t CasedText::size() const { return text_->size(); }

std::string CasedText::substr(std::size_t offset, std::size_t count) const {
  const std::string& folded = text_->folded_;
  std::string piece = folded.substr(offset, count);
  // Only the changed bytes are read back: a word of bits at a time.
  const std::size_t end = offset + piece.size();
  for (std::size_t word = offset / 64; word * 64 < end; ++word) {
    for (std::uint64_t bits = text_->case_changed_[word]; bits != 0; bits &= bits - 1) {
      const std::size_t at = word * 64 + static_cast<std::size_t>(std::countr_zero(bits));
      if (at >= offset && at < end) piece[at - offset] = (*this)[at];
    }
  }
  return piece;
}

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

std::vector<HiddenMark> NormalizedText::hidden_in_words() const {
  std::vector<HiddenMark> inside;
  const auto alphanumeric_at = [&](std::size_t offset) {
    return offset < folded_.size() && is_ascii_alphanumeric(folded_[offset]);
  };
  // Whether the word around a look-alike mixes it with letters written in
  // Latin: a word wholly in another script is not disguised. Decided once
  // per word, so a long word costs its length once.
  Span word;
  bool word_mixed = false;
  for (std::size_t index = 0; index < hidden_.size(); ++index) {
    const HiddenMark& mark = hidden_[index];
    const bool before = mark.text > 0 && alphanumeric_at(mark.text - 1);
    const bool after = alphanumeric_at(mark.text + mark.text_size);
    if (mark.kind != HiddenMark::Kind::LookAlike) {
      // A removed character splits a word only with letters on both sides; a
      // decoded letter is disguised when it sits beside others.
      if (mark.text_size == 0 ? before && after : before || after) inside.push_back(mark);
      continue;
    }
    if (!word.contains(mark.text)) {
      word = {mark.text, mark.text + mark.text_size};
      while (word.begin > 0 && alphanumeric_at(word.begin - 1)) --word.begin;
      while (alphanumeric_at(word.end)) ++word.end;
      std::size_t folded_bytes = 0;
      for (std::size_t next = index; next < hidden_.size() && hidden_[next].text < word.end; ++next) {
        if (hidden_[next].kind == HiddenMark::Kind::LookAlike) folded_bytes += hidden_[next].text_size;
      }
      word_mixed = folded_bytes < word.size();
    }
    if (word_mixed) inside.push_back(mark);
  }
  return inside;
}

void NormalizedTextBuilder::add_piece(std::string_view cased, std::string_view folded, Span source,
                                      bool identity) {
  auto& anchors = text_.anchors_;
  const std::size_t text_begin = text_.folded_.size();
  // An identity piece that continues the previous one extends it.
  const bool extends = identity && !anchors.empty() && anchors.back().identity &&
                       anchors.back().source + (text_begin - anchors.back().text) == source.begin;
  if (!extends) {
    anchors.push_back({static_cast<std::uint32_t>(text_begin), static_cast<std::uint32_t>(source.begin), identity});
  }
  for (std::size_t i = 0; i < cased.size(); ++i) {
    if (cased[i] != folded[i]) note_case(text_begin + i, cased[i]);
  }
  text_.folded_.append(folded);
  end_source_ = source.end;
}

void NormalizedTextBuilder::note_case(std::size_t offset, char cased) {
  auto& changed = text_.case_changed_;
  if (changed.size() <= offset / 64) changed.resize(offset / 64 + 1);
  changed[offset / 64] |= std::uint64_t{1} << (offset % 64);
  if (!(cased >= 'A' && cased <= 'Z')) text_.cased_bytes_.emplace_back(static_cast<std::uint32_t>(offset), cased);
}

void NormalizedTextBuilder::append_source(Span span) {
  const std::string_view bytes = source_.text().substr(span.begin, span.size());
  const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
  const auto length = static_cast<int32_t>(bytes.size());
  if (text_.folded_.capacity() < text_.folded_.size() + bytes.size()) {
    // Prose is most of an article: reserve for the whole source at once.
    text_.folded_.reserve(std::max(source_.text().size(), text_.folded_.size() + bytes.size()));
    text_.case_changed_.reserve(text_.folded_.capacity() / 64 + 1);
  }
  int32_t i = 0;
  while (i < length) {
    // ASCII fast path: most prose is printable ASCII, copied with a lowercase fold
    // straight into the text, without temporaries.
    int32_t run = i;
    for (std::uint64_t word; run + 8 <= length && (std::memcpy(&word, data + run, 8), (word & kHighBits) == 0) &&
                             ((word - kLowControlBytes) & ~word & kHighBits) == 0;) {
      run += 8;
    }
    while (run < length && data[run] < 0x80 && !is_hidden_control(data[run])) ++run;
    if (run > i) {
      const std::string_view ascii = bytes.substr(static_cast<std::size_t>(i), static_cast<std::size_t>(run - i));
      add_piece({}, {}, {span.begin + static_cast<std::size_t>(i), span.begin + static_cast<std::size_t>(run)}, true);
      const std::size_t folded_start = text_.folded_.size();
      text_.folded_.resize(folded_start + ascii.size());
      // Folded in a loop without calls, which the compiler vectorizes; the
      // capitals are noted after, in the runs that have any.
      char* const folded = text_.folded_.data() + folded_start;
      unsigned char any_capital = 0;
      for (std::size_t k = 0; k < ascii.size(); ++k) {
        const auto c = static_cast<unsigned char>(ascii[k]);
        const unsigned char capital = static_cast<unsigned char>(c - 'A') < 26 ? 1 : 0;
        folded[k] = static_cast<char>(c + 32 * capital);
        any_capital |= capital;
      }
      for (std::size_t k = 0; any_capital && k < ascii.size();) {
        // Eight bytes folded as they were hold no capital.
        std::uint64_t original = 0, lowered = 0;
        if (k + 8 <= ascii.size() && (std::memcpy(&original, ascii.data() + k, 8), std::memcpy(&lowered, folded + k, 8),
                                      original == lowered)) {
          k += 8;
          continue;
        }
        if (ascii[k] >= 'A' && ascii[k] <= 'Z') note_case(folded_start + k, ascii[k]);
        ++k;
      }
      i = run;
      continue;
    }
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(data, i, length, c);
    const Span piece{span.begin + static_cast<std::size_t>(start), span.begin + static_cast<std::size_t>(i)};
    append_code_point(c, bytes.substr(static_cast<std::size_t>(start), piece.size()), piece);
  }
}

void NormalizedTextBuilder::append_code_point(int c, std::string_view original, Span source) {
  std::string cased;
  std::optional<HiddenMark::Kind> hidden;
  const bool after_latin_letter = !text_.folded_.empty() && is_ascii_alphanumeric(text_.folded_.back());
  if (c < 0) {
    append_utf8(cased, 0xFFFD);
  } else if (auto ascii = ascii_equivalent(c)) {
    cased.push_back(*ascii);
  } else if (is_blank_glyph(c) || u_isUWhiteSpace(c)) {
    cased.push_back(' ');
  } else if (u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT) || u_hasBinaryProperty(c, UCHAR_BIDI_CONTROL) ||
             u_charType(c) == U_CONTROL_CHAR) {
    hidden = HiddenMark::Kind::Invisible;
  } else if (u_charType(c) == U_NON_SPACING_MARK && after_latin_letter) {
    // An accent stacked on a Latin letter: "crácк" reads as "crack".
  } else if (auto latin = latin_skeleton(c)) {
    cased = *latin;
    hidden = HiddenMark::Kind::LookAlike;
  } else {
    // NFKC one code point at a time keeps the offset map exact; combining
    // sequences are rare in English prose and stay decomposed.
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString normalized = nfkc().normalize(icu::UnicodeString(c), status);
    if (U_FAILURE(status)) normalized = icu::UnicodeString(c);
    normalized.toUTF8String(cased);
  }
  std::string folded;
  append_folded(folded, cased);
  if (hidden) note_hidden(*hidden, source, 0, folded.size());
  // A removed character needs no piece: the next piece starts at the same
  // text offset and maps it. Runs of them (a file of NUL bytes) cost nothing.
  if (!cased.empty()) add_piece(cased, folded, source, cased == original);
}

void NormalizedTextBuilder::append_synthetic(std::string_view utf8, Span span) {
  const auto* data = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto length = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < length;) {
    if (data[i] < 0x80) {
      const char cased = utf8[static_cast<std::size_t>(i++)];
      const char folded = static_cast<char>(cased >= 'A' && cased <= 'Z' ? cased + 32 : cased);
      add_piece({&cased, 1}, {&folded, 1}, span, false);
      continue;
    }
    UChar32 c;
    U8_NEXT(data, i, length, c);
    append_code_point(c, {}, span);
  }
}

void NormalizedTextBuilder::note_hidden(HiddenMark::Kind kind, Span source, std::size_t text_size) {
  note_hidden(kind, source, text_size, 0);
}

void NormalizedTextBuilder::note_hidden(HiddenMark::Kind kind, Span source, std::size_t text_before,
                                        std::size_t text_after) {
  auto& hidden = text_.hidden_;
  const std::size_t text = text_.folded_.size() - text_before;
  // Adjacent removed characters are one mark; past a bound, marks are
  // dropped: evidence enough, and memory stays bounded on hostile input.
  if (!hidden.empty() && text_before + text_after == 0 && hidden.back().kind == kind && hidden.back().text == text &&
      hidden.back().text_size == 0 && hidden.back().source.end == source.begin) {
    hidden.back().source.end = source.end;
    return;
  }
  if (hidden.size() < kMaxHiddenMarks) hidden.push_back({kind, source, text, text_before + text_after});
}

void NormalizedTextBuilder::append_break(std::size_t source_offset) {
  add_piece(NormalizedText::kBlockBreak, NormalizedText::kBlockBreak, {source_offset, source_offset}, false);
}

void NormalizedTextBuilder::truncate(std::size_t size) {
  if (size >= text_.folded_.size()) return;
  text_.folded_.resize(size);
  auto& changed = text_.case_changed_;
  if (changed.size() > (size + 63) / 64) changed.resize((size + 63) / 64);
  if (size % 64 != 0 && changed.size() == (size + 63) / 64) changed.back() &= (std::uint64_t{1} << (size % 64)) - 1;
  auto& cased_bytes = text_.cased_bytes_;
  while (!cased_bytes.empty() && cased_bytes.back().first >= size) cased_bytes.pop_back();
  auto& anchors = text_.anchors_;
  while (!anchors.empty() && anchors.back().text >= size) anchors.pop_back();
  auto& hidden = text_.hidden_;
  while (!hidden.empty() && hidden.back().text >= size) hidden.pop_back();
}

NormalizedText NormalizedTextBuilder::finish() && {
  text_.case_changed_.resize(text_.folded_.size() / 64 + 1);
  text_.case_changed_.shrink_to_fit();
  text_.anchors_.push_back(
      {static_cast<std::uint32_t>(text_.folded_.size()), static_cast<std::uint32_t>(end_source_), false});
  release_slack(text_.anchors_);
  release_slack(text_.cased_bytes_);
  release_slack(text_.hidden_);
  return std::move(text_);
}

}  // namespace medlint
