#include "language/tokens.h"

#include <array>
#include <memory>
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include "core/scratch.h"
#include "language/lemmatizer.h"

namespace medlint {
namespace {

// Break iterators are not thread-safe, and building one from ICU's rules
// costs far more than cloning one: each thread clones a prototype.
icu::BreakIterator* word_iterator() {
  static const std::unique_ptr<icu::BreakIterator> prototype = [] {
    UErrorCode status = U_ZERO_ERROR;
    return std::unique_ptr<icu::BreakIterator>(icu::BreakIterator::createWordInstance(icu::Locale::getEnglish(), status));
  }();
  thread_local std::unique_ptr<icu::BreakIterator> iterator(prototype ? prototype->clone() : nullptr);
  return iterator.get();
}

constexpr bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }
// Letters and digits from a table: the loops below ask of every character.
constexpr std::array<bool, 256> kAlphanumeric = [] {
  std::array<bool, 256> alphanumeric{};
  for (int c = 0; c < 256; ++c) {
    alphanumeric[static_cast<std::size_t>(c)] = is_letter(static_cast<char>(c)) || is_digit(static_cast<char>(c));
  }
  return alphanumeric;
}();
bool is_alphanumeric(char c) { return kAlphanumeric[static_cast<unsigned char>(c)]; }

// Characters common in prose besides ASCII whose word-break class the fast
// path knows: curly single quotes join words as ' does (MidNumLet of UAX
// #29); dashes, curly double quotes, the minus and degree signs, a
// no-break space and a line separator only separate them. Real articles
// write them often, and a sentence holding one went to ICU.
struct KnownCharacter {
  std::string_view bytes;
  bool joins;
};
constexpr KnownCharacter kKnownBeyondAscii[] = {
    {"\u2019", true},  {"\u2018", true},  {"\u201c", false}, {"\u201d", false}, {"\u2013", false},
    {"\u2014", false}, {"\u2212", false}, {"\u00b0", false}, {"\u00a0", false}, {"\u2028", false}};

const KnownCharacter* known_beyond_ascii(std::string_view text, std::size_t at) {
  for (const KnownCharacter& known : kKnownBeyondAscii) {
    if (text.substr(at, known.bytes.size()) == known.bytes) return &known;
  }
  return nullptr;
}

// Bytes whose word-break class the fast path knows: letters, digits, the
// joiners of UAX #29 (WB6-7, WB11-12: . ' between letters; . ' , ; between
// digits) and characters that only separate words. Anything else ('_'
// which joins words, '@' whose class ICU tailors, non-ASCII but the
// characters above) goes to ICU.
constexpr std::array<bool, 256> kAsciiPathKnows = [] {
  std::array<bool, 256> knows{};
  for (int byte = 0; byte < 256; ++byte) {
    knows[static_cast<std::size_t>(byte)] =
        byte >= 0x20 && byte < 0x7F ? byte != '_' && byte != '@' : byte == '\n' || byte == '\t' || byte == '\r';
  }
  return knows;
}();
bool ascii_path_knows(char c) { return kAsciiPathKnows[static_cast<unsigned char>(c)]; }

// The bytes of the joiner at `at` (. ' , ; or a curly single quote), 0 if none is.
std::size_t joiner_length(std::string_view text, std::size_t at) {
  const char c = text[at];
  if (c == '.' || c == '\'' || c == ',' || c == ';') return 1;
  const KnownCharacter* known = static_cast<unsigned char>(c) >= 0x80 ? known_beyond_ascii(text, at) : nullptr;
  return known && known->joins ? known->bytes.size() : 0;
}

// ICU's word tokens of a range, found without ICU, appended to `words`:
// tokenizing is most of reading a candidate sentence, and ICU's rule
// engine costs about ten times this loop. False (nothing appended) when
// the range holds a character it does not know.
bool ascii_words(std::string_view text, Span range, std::vector<Span>& words) {
  // One pass: every character is a word's letter or digit, a joiner read
  // with the word, or met here, where an unknown one ends the fast path.
  const std::size_t words_before = words.size();
  std::size_t at = range.begin;
  while (at < range.end) {
    if (!is_alphanumeric(text[at])) {
      if (ascii_path_knows(text[at])) {
        ++at;
      } else if (const KnownCharacter* known = known_beyond_ascii(text.substr(0, range.end), at)) {
        at += known->bytes.size();
      } else {
        words.resize(words_before);
        return false;
      }
      continue;
    }
    const std::size_t begin = at;
    for (;;) {
      while (at < range.end && is_alphanumeric(text[at])) ++at;
      if (at >= range.end) break;
      const std::size_t joiner = joiner_length(text.substr(0, range.end), at);
      if (joiner == 0 || at + joiner >= range.end) break;
      const char before = text[at - 1], after = text[at + joiner];
      // , and ; join digits only.
      const bool letters = is_letter(before) && is_letter(after) && text[at] != ',' && text[at] != ';';
      const bool digits = is_digit(before) && is_digit(after);
      if (!letters && !digits) break;
      at += joiner;
    }
    words.push_back({begin, at});
  }
  return true;
}

// The word tokens of `range` by ICU's word break iterator, appended to `words`.
void icu_words(std::string_view text, Span range, std::vector<Span>& words) {
  icu::BreakIterator* iterator = word_iterator();
  if (!iterator || range.empty()) return;
  UErrorCode status = U_ZERO_ERROR;
  UText* utext = utext_openUTF8(nullptr, text.data() + range.begin, static_cast<int64_t>(range.size()), &status);
  if (U_FAILURE(status)) {
    utext_close(utext);
    return;
  }
  iterator->setText(utext, status);
  int32_t start = iterator->first();
  for (int32_t end = iterator->next(); end != icu::BreakIterator::DONE; start = end, end = iterator->next()) {
    // Offsets of a UTF-8 UText are byte offsets into it.
    if (iterator->getRuleStatus() == UBRK_WORD_NONE) continue;
    words.push_back({range.begin + static_cast<std::size_t>(start), range.begin + static_cast<std::size_t>(end)});
  }
  utext_close(utext);
}

// word_spans() appended to `words`.
void append_word_spans(std::string_view folded, Span range, WordBreaker breaker, std::vector<Span>& words) {
  if (breaker == WordBreaker::Fastest && ascii_words(folded, range, words)) return;
  icu_words(folded, range, words);
}

}  // namespace

std::vector<Span> word_spans(std::string_view folded, Span range, WordBreaker breaker) {
  std::vector<Span> words;
  append_word_spans(folded, range, breaker, words);
  return words;
}

std::vector<Token> tokenize(std::string_view folded, Span range) {
  // Reused from call to call: every sentence read is tokenized.
  thread_local std::vector<Span> words;
  words.clear();
  append_word_spans(folded, range, WordBreaker::Fastest, words);
  std::vector<Token> tokens;
  tokens.reserve(words.size());
  for (const Span word : words) {
    const KeyedLemma& lemma = keyed_lemma_of(folded.substr(word.begin, word.size()));
    tokens.push_back({word, lemma.lemma, lemma.keys});
  }
  trim_scratch(words);
  return tokens;
}

}  // namespace medlint
