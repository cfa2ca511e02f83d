#include "core/sentence_breaks.h"

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <unicode/brkiter.h>
#include <unicode/utext.h>

namespace medlint {

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

std::vector<std::size_t> icu_sentence_ends(std::string_view text) {
  std::vector<std::size_t> ends;
  icu::BreakIterator* iterator = sentence_iterator();
  UErrorCode status = U_ZERO_ERROR;
  UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (!iterator || U_FAILURE(status)) {
    utext_close(utext);
    if (!text.empty()) ends.push_back(text.size());
    return ends;
  }
  iterator->setText(utext, status);
  iterator->first();
  // Offsets of a UTF-8 UText are byte offsets into it.
  for (int32_t end = iterator->next(); end != icu::BreakIterator::DONE; end = iterator->next()) {
    ends.push_back(static_cast<std::size_t>(end));
  }
  utext_close(utext);
  return ends;
}

// The Sentence_Break classes of UAX #29 that printable ASCII, tab and the
// line breaks fall in (none is OLetter, Extend, Format or Sep); Unknown for
// any other byte, which leaves the text to ICU.
enum class SentenceClass : std::uint8_t {
  Unknown, Other, CR, LF, Sp, Lower, Upper, Numeric, ATerm, STerm, SContinue, Close
};

constexpr std::array<SentenceClass, 256> kSentenceClasses = [] {
  std::array<SentenceClass, 256> classes{};
  for (int c = 0x20; c < 0x7F; ++c) classes[static_cast<std::size_t>(c)] = SentenceClass::Other;
  for (int c = 'a'; c <= 'z'; ++c) classes[static_cast<std::size_t>(c)] = SentenceClass::Lower;
  for (int c = 'A'; c <= 'Z'; ++c) classes[static_cast<std::size_t>(c)] = SentenceClass::Upper;
  for (int c = '0'; c <= '9'; ++c) classes[static_cast<std::size_t>(c)] = SentenceClass::Numeric;
  const auto set = [&](std::string_view characters, SentenceClass sentence_class) {
    for (const char c : characters) classes[static_cast<unsigned char>(c)] = sentence_class;
  };
  set("\r", SentenceClass::CR);
  set("\n", SentenceClass::LF);
  set(" \t", SentenceClass::Sp);
  set(".", SentenceClass::ATerm);
  set("!?", SentenceClass::STerm);
  set(",-:", SentenceClass::SContinue);  // not ';'
  set("\"'()[]{}", SentenceClass::Close);
  return classes;
}();

SentenceClass class_of(char c) { return kSentenceClasses[static_cast<unsigned char>(c)]; }

bool is_para_sep(SentenceClass c) { return c == SentenceClass::CR || c == SentenceClass::LF; }
bool is_sa_term(SentenceClass c) { return c == SentenceClass::ATerm || c == SentenceClass::STerm; }

// UAX #29's sentence breaks of printable ASCII, tab and line breaks; null
// for a text holding any other byte.
std::optional<std::vector<std::size_t>> ascii_sentence_ends(std::string_view text) {
  const auto at = [&](std::size_t i) { return class_of(text[i]); };
  // Whether "SATerm Close* Sp*" ends at `end` (`with_spaces`: Sp* allowed),
  // and whether its terminator is an ATerm.
  struct Terminated {
    bool found = false;
    bool full_stop = false;
  };
  const auto terminated_before = [&](std::size_t end, bool with_spaces) {
    std::size_t j = end;
    if (with_spaces) {
      while (j > 0 && at(j - 1) == SentenceClass::Sp) --j;
    }
    while (j > 0 && at(j - 1) == SentenceClass::Close) --j;
    if (j == 0 || !is_sa_term(at(j - 1))) return Terminated{};
    return Terminated{true, at(j - 1) == SentenceClass::ATerm};
  };
// Whether a break falls between text[i - 1] and text[i] (0 < i < size).
  const auto breaks_before = [&](std::size_t i) {
    const SentenceClass before = at(i - 1), after = at(i);
    if (before == SentenceClass::CR && after == SentenceClass::LF) return false;  // SB3
    if (is_para_sep(before)) return true;                                          // SB4
    if (before == SentenceClass::ATerm && after == SentenceClass::Numeric) return false;  // SB6
    if (i >= 2 && before == SentenceClass::ATerm && after == SentenceClass::Upper &&
        (at(i - 2) == SentenceClass::Upper || at(i - 2) == SentenceClass::Lower)) {
      return false;  // SB7
    }
    const Terminated spaced = terminated_before(i, true);
    if (spaced.full_stop) {  // SB8: a lower-case letter next, past anything but letters, breaks and terminators
      std::size_t j = i;
      while (j < text.size() && at(j) != SentenceClass::Upper && at(j) != SentenceClass::Lower &&
             !is_para_sep(at(j)) && !is_sa_term(at(j))) {
        ++j;
      }
      if (j < text.size() && at(j) == SentenceClass::Lower) return false;
    }
    if (spaced.found && (after == SentenceClass::SContinue || is_sa_term(after))) return false;  // SB8a
    if (terminated_before(i, false).found &&
        (after == SentenceClass::Close || after == SentenceClass::Sp || is_para_sep(after))) {
      return false;  // SB9
    }
    if (spaced.found && (after == SentenceClass::Sp || is_para_sep(after))) return false;  // SB10
    return spaced.found;                                                                    // SB11, else SB998
  };
  std::vector<std::size_t> ends;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const SentenceClass here = at(i);
    if (here == SentenceClass::Unknown) return std::nullopt;
    // A break follows a line break (SB4) or a terminator with what may
    // close it (SB11): only after one of those is there more to ask.
    const bool may_end = is_para_sep(here) || is_sa_term(here) || here == SentenceClass::Sp ||
                         here == SentenceClass::Close;
    if (may_end && i + 1 < text.size() && breaks_before(i + 1)) ends.push_back(i + 1);
  }
  if (!text.empty()) ends.push_back(text.size());
  return ends;
}

}  // namespace

std::vector<std::size_t> sentence_ends(std::string_view text, SentenceBreaker breaker) {
  if (breaker == SentenceBreaker::Fastest) {
    if (auto ends = ascii_sentence_ends(text)) return std::move(*ends);
  }
  return icu_sentence_ends(text);
}

}  // namespace medlint
