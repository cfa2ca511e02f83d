#include "language/tokens.h"

#include <memory>
#include <unicode/brkiter.h>
#include <unicode/utext.h>

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

}  // namespace

std::vector<Token> tokenize(std::string_view folded, Span range) {
  std::vector<Token> tokens;
  icu::BreakIterator* iterator = word_iterator();
  if (!iterator || range.empty()) return tokens;
  UErrorCode status = U_ZERO_ERROR;
  UText* utext = utext_openUTF8(nullptr, folded.data() + range.begin, static_cast<int64_t>(range.size()), &status);
  if (U_FAILURE(status)) {
    utext_close(utext);
    return tokens;
  }
  iterator->setText(utext, status);
  int32_t start = iterator->first();
  for (int32_t end = iterator->next(); end != icu::BreakIterator::DONE; start = end, end = iterator->next()) {
    // Offsets of a UTF-8 UText are byte offsets into it.
    if (iterator->getRuleStatus() == UBRK_WORD_NONE) continue;
    const Span word{range.begin + static_cast<std::size_t>(start), range.begin + static_cast<std::size_t>(end)};
    tokens.push_back({word, lemma_of(folded.substr(word.begin, word.size()))});
  }
  utext_close(utext);
  return tokens;
}

}  // namespace medlint
