#include "medlint/document.h"

#include <algorithm>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <unicode/brkiter.h>
#include <unicode/utext.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

namespace medlint {

std::string_view to_string(BlockKind kind) {
  switch (kind) {
    case BlockKind::Title: return "title";
    case BlockKind::Summary: return "summary";
    case BlockKind::Heading: return "heading";
    case BlockKind::Paragraph: return "paragraph";
    case BlockKind::ListItem: return "list-item";
    case BlockKind::BlockQuote: return "block-quote";
    case BlockKind::TableCell: return "table-cell";
    case BlockKind::ReviewLine: return "review-line";
    case BlockKind::Credit: return "credit";
    case BlockKind::Reference: return "reference";
    case BlockKind::NonEditorial: return "non-editorial";
    case BlockKind::Code: return "code";
    case BlockKind::Html: return "html";
    case BlockKind::Byline: return "byline";
    case BlockKind::Mdx: return "mdx";
    case BlockKind::FrontMatterText: return "front-matter-text";
  }
  return "paragraph";
}

std::string_view to_string(Format format) {
  switch (format) {
    case Format::Markdown: return "markdown";
    case Format::Mdx: return "mdx";
    case Format::Html: return "html";
    case Format::PlainText: return "plain-text";
  }
  return "plain-text";
}

std::string_view to_string(DateMention::Kind kind) {
  switch (kind) {
    case DateMention::Kind::Reviewed: return "reviewed";
    case DateMention::Kind::Updated: return "updated";
    case DateMention::Kind::Published: return "published";
    case DateMention::Kind::NextReview: return "next-review";
  }
  return "reviewed";
}

bool is_prose(BlockKind kind) {
  switch (kind) {
    case BlockKind::Title:
    case BlockKind::Summary:
    case BlockKind::Heading:
    case BlockKind::Paragraph:
    case BlockKind::ListItem:
    case BlockKind::BlockQuote:
    case BlockKind::TableCell:
    case BlockKind::FrontMatterText:
      return true;
    default:
      return false;
  }
}

namespace {

// ICU's English sentence iterator. One per thread, since break iterators
// are not thread-safe; each is cloned from one built once, as building one
// from ICU's rules costs far more than a clone.
icu::BreakIterator* sentence_iterator() {
  static const std::unique_ptr<icu::BreakIterator> prototype = [] {
    UErrorCode status = U_ZERO_ERROR;
    return std::unique_ptr<icu::BreakIterator>(
        icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status));
  }();
  thread_local std::unique_ptr<icu::BreakIterator> iterator(prototype ? prototype->clone() : nullptr);
  return iterator.get();
}

// Abbreviations after which ICU's rules break but a health article's
// sentence goes on ("Dr. Lee", "the U.S. Centers"). ICU's
// FilteredBreakIteratorBuilder handles "Dr." but not dotted forms like
// "U.S.", so breaks are filtered here with one list.
bool ends_with_abbreviation(std::string_view text) {
  if (text.empty() || text.back() != '.') return false;
  static constexpr std::string_view abbreviations[] = {
      "Dr.", "Drs.", "Mr.", "Mrs.", "Ms.", "Prof.", "St.", "Jr.", "Sr.", "e.g.", "i.e.", "U.S.", "U.K.",
      "vs.", "approx.", "Fig.", "No.", "al.", "Inc.", "Jan.", "Feb.", "Mar.", "Apr.", "Aug.", "Sept.",
      "Sep.", "Oct.", "Nov.", "Dec."};
  // The last word, after the last space: no abbreviation holds one, so it
  // is one exactly when the text ends with it after a space or alone.
  const std::size_t space = text.rfind(' ');
  const std::string_view last_word = space == std::string_view::npos ? text : text.substr(space + 1);
  return std::find(std::begin(abbreviations), std::end(abbreviations), last_word) != std::end(abbreviations);
}

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// A block's text as ICU's UTF-16, and where each of its code units
// starts in the UTF-8 text. ICU's iterator walks UTF-16 text in place;
// over UTF-8 it converts the text into UTF-16 chunk by chunk as it goes,
// which cost about a third of the breaking.
class Utf16Text {
 public:
  void assign(std::string_view text) {
    // At most a unit per byte; converted in place, then cut to length.
    units_.resize(text.size());
    // Most blocks are ASCII: widened byte by byte in loops the compiler
    // vectorizes, where ICU's converter checks each byte's sequence.
    unsigned char all_bits = 0;
    for (const char c : text) all_bits |= static_cast<unsigned char>(c);
    if (all_bits < 0x80) {
      for (std::size_t at = 0; at < text.size(); ++at) units_[at] = static_cast<unsigned char>(text[at]);
      ascii_ = true;
      byte_offsets_.clear();
      return;
    }
    UErrorCode status = U_ZERO_ERROR;
    std::int32_t length = 0;
    u_strFromUTF8WithSub(units_.data(), static_cast<std::int32_t>(units_.size()), &length, text.data(),
                         static_cast<std::int32_t>(text.size()), 0xFFFD, nullptr, &status);
    units_.resize(U_SUCCESS(status) ? static_cast<std::size_t>(length) : 0);
    // A unit per byte only when every character is one byte: the offsets
    // are the units' own. Else each unit's character is found.
    ascii_ = units_.size() == text.size();
    byte_offsets_.clear();
    if (ascii_) return;
    const auto bytes = static_cast<std::int32_t>(text.size());
    for (std::int32_t at = 0; at < bytes;) {
      const auto start = static_cast<std::uint32_t>(at);
      UChar32 c;
      U8_NEXT_OR_FFFD(text.data(), at, bytes, c);
      byte_offsets_.insert(byte_offsets_.end(), U16_LENGTH(c), start);
    }
    byte_offsets_.push_back(static_cast<std::uint32_t>(text.size()));
  }
  const std::vector<UChar>& units() const { return units_; }
  // The UTF-8 offset of unit `unit` (the units' count: the text's end).
  std::size_t byte_offset(std::int32_t unit) const {
    return ascii_ ? static_cast<std::size_t>(unit) : byte_offsets_[static_cast<std::size_t>(unit)];
  }

 private:
  std::vector<UChar> units_;
  std::vector<std::uint32_t> byte_offsets_;
  bool ascii_ = true;
};

// The sentences of one block's `range` of the text, appended to the block's `out`.
void split_sentences(const NormalizedText& normalized, Span range, int block, std::vector<Sentence>& out) {
  // ICU reads the block's cased text; positions in it are offsets from range.begin.
  const std::string text = normalized.cased().substr(range.begin, range.size());
  icu::BreakIterator* iterator = sentence_iterator();
  if (!iterator) {
    out.push_back({range, block});
    return;
  }
  // Reused from block to block, as the iterator is.
  thread_local Utf16Text utf16;
  utf16.assign(text);
  UErrorCode status = U_ZERO_ERROR;
  UText utext = UTEXT_INITIALIZER;
  utext_openUChars(&utext, utf16.units().data(), static_cast<int64_t>(utf16.units().size()), &status);
  iterator->setText(&utext, status);
  if (U_FAILURE(status)) {
    utext_close(&utext);
    out.push_back({range, block});
    return;
  }
  int32_t start = iterator->first();
  for (int32_t end = iterator->next(); end != icu::BreakIterator::DONE; start = end, end = iterator->next()) {
    std::size_t begin = utf16.byte_offset(start);
    std::size_t stop = utf16.byte_offset(end);
    while (begin < stop && is_space(text[begin])) ++begin;
    while (stop > begin && is_space(text[stop - 1])) --stop;
    if (begin == stop) continue;
    const bool continues_previous = !out.empty() && out.back().block == block &&
                                    ends_with_abbreviation(std::string_view(text).substr(
                                        out.back().text.begin - range.begin, out.back().text.size()));
    if (continues_previous) {
      out.back().text.end = range.begin + stop;
    } else {
      out.push_back({{range.begin + begin, range.begin + stop}, block});
    }
  }
  utext_close(&utext);
}

// No real sentence is this long; a "sentence" of a million words (hostile
// input, a paragraph without a full stop) is read in pieces, so the work
// and memory of reading one sentence stay bounded.
constexpr std::size_t kLongestSentence = 8192;

// Splits sentences over kLongestSentence bytes at the last line break
// before the limit, else the last space, else a character boundary. Reads
// the folded text: its spaces and character boundaries are the cased text's.
void split_long_sentences(const std::string& text, std::vector<Sentence>& sentences) {
  if (std::none_of(sentences.begin(), sentences.end(), [](const Sentence& s) { return s.text.size() > kLongestSentence; })) {
    return;
  }
  std::vector<Sentence> pieces;
  for (const Sentence& sentence : sentences) {
    std::size_t begin = sentence.text.begin;
    while (sentence.text.end - begin > kLongestSentence) {
      const std::string_view window(text.data() + begin, kLongestSentence);
      std::size_t cut = window.rfind('\n');
      if (cut == std::string_view::npos || cut == 0) cut = window.rfind(' ');
      if (cut == std::string_view::npos || cut == 0) {
        cut = kLongestSentence;
        while (cut > 1 && (static_cast<unsigned char>(text[begin + cut]) & 0xC0) == 0x80) --cut;
      }
      std::size_t end = begin + cut;
      while (end > begin && is_space(text[end - 1])) --end;
      pieces.push_back({{begin, end}, sentence.block});
      std::size_t next = begin + cut;
      while (next < sentence.text.end && is_space(text[next])) ++next;
      begin = next;
    }
    if (begin < sentence.text.end) pieces.push_back({{begin, sentence.text.end}, sentence.block});
  }
  sentences = std::move(pieces);
}

}  // namespace

// Every prose block's sentences end up read (the advice rule's passage
// model reads each paragraph), so they are kept in 8 bytes each: 32-bit
// offsets (the text is far below 4 GiB, see NormalizedText's anchors) and
// the block implied by where they are kept.
struct Document::SentenceCache {
  struct Bounds {
    std::uint32_t begin;
    std::uint32_t end;
  };
  static constexpr std::uint32_t kUnread = UINT32_MAX;
  // Where each block's sentences start in `sentences` and how many there are.
  struct BlockEntry {
    std::uint32_t first = 0;
    std::uint32_t count = kUnread;
  };
  std::mutex mutex;
  std::vector<BlockEntry> blocks;
  // Each block's sentences together, blocks in the order they were read;
  // a deque grows without copying what it holds.
  std::deque<Bounds> sentences;
};

Document::Document(std::shared_ptr<const SourceFile> source, Format format)
    : source_(std::move(source)), format_(format), sentence_cache_(std::make_shared<SentenceCache>()) {}

void Document::set_text(NormalizedText text) {
  text_ = std::move(text);
  sentence_cache_ = std::make_shared<SentenceCache>();
}

std::pair<std::size_t, std::size_t> Document::cached_sentences(int block) const {
  SentenceCache& cache = *sentence_cache_;
  if (cache.blocks.size() != blocks.size()) {
    cache.blocks.assign(blocks.size(), {});
    cache.sentences.clear();
  }
  auto& entry = cache.blocks[static_cast<std::size_t>(block)];
  if (entry.count == SentenceCache::kUnread) {
    std::vector<Sentence> read;
    const Span text = blocks[static_cast<std::size_t>(block)].text;
    if (!text.empty()) {
      split_sentences(text_, text, block, read);
      split_long_sentences(text_.folded(), read);
    }
    entry = {static_cast<std::uint32_t>(cache.sentences.size()), static_cast<std::uint32_t>(read.size())};
    for (const Sentence& sentence : read) {
      cache.sentences.push_back(
          {static_cast<std::uint32_t>(sentence.text.begin), static_cast<std::uint32_t>(sentence.text.end)});
    }
  }
  return {entry.first, entry.first + entry.count};
}

std::vector<Sentence> Document::block_sentences(int block) const {
  std::lock_guard lock(sentence_cache_->mutex);
  const auto [first, last] = cached_sentences(block);
  std::vector<Sentence> sentences;
  sentences.reserve(last - first);
  for (std::size_t i = first; i < last; ++i) {
    const SentenceCache::Bounds bounds = sentence_cache_->sentences[i];
    sentences.push_back({{bounds.begin, bounds.end}, block});
  }
  return sentences;
}

std::vector<Sentence> Document::sentences() const {
  std::vector<Sentence> all;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const auto block = block_sentences(static_cast<int>(i));
    all.insert(all.end(), block.begin(), block.end());
  }
  return all;
}

std::optional<Sentence> Document::sentence_at(std::size_t text_offset) const {
  const int block = block_at(text_offset);
  if (block < 0) return std::nullopt;
  std::lock_guard lock(sentence_cache_->mutex);
  const auto [first, last] = cached_sentences(block);
  const auto& sentences = sentence_cache_->sentences;
  const auto begin = sentences.begin() + static_cast<std::ptrdiff_t>(first);
  const auto next = std::upper_bound(begin, sentences.begin() + static_cast<std::ptrdiff_t>(last), text_offset,
                                     [](std::size_t offset, const SentenceCache::Bounds& s) { return offset < s.begin; });
  // An offset in the white space between two sentences belongs to the earlier one.
  if (next == begin) return std::nullopt;
  const SentenceCache::Bounds bounds = *(next - 1);
  return Sentence{{bounds.begin, bounds.end}, block};
}

int Document::block_at(std::size_t text_offset) const {
  // Rules ask about offset after offset of one block (a sentence, its
  // neighbours, its list's line): the block this thread found last is
  // tried first. It is the answer when it holds the offset and the block
  // after it starts past the offset, whatever document it was found in.
  thread_local std::size_t last = 0;
  if (last < blocks.size()) {
    const Span known = blocks[last].text;
    if (!known.empty() && known.begin <= text_offset && text_offset < known.end &&
        (last + 1 == blocks.size() || blocks[last + 1].text.begin > text_offset)) {
      return static_cast<int>(last);
    }
  }
  auto next = std::upper_bound(blocks.begin(), blocks.end(), text_offset,
                               [](std::size_t offset, const Block& b) { return offset < b.text.begin; });
  while (next != blocks.begin()) {
    --next;
    if (next->text.empty()) continue;
    if (next->text.begin <= text_offset && text_offset < next->text.end) {
      last = static_cast<std::size_t>(next - blocks.begin());
      return static_cast<int>(last);
    }
    return -1;
  }
  return -1;
}

}  // namespace medlint
