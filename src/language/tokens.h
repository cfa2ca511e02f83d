// Words of a stretch of normalized text, each with its lemma: what word
// classes and advice frames are matched on.
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "language/feature_keys.h"
#include "medlint/source.h"

namespace medlint {

struct Token {
  Span text;             // in the scanned string
  std::string lemma;     // lemma_of() the folded word
  FeatureWordKeys keys;  // feature_word_keys() of the lemma
};

// A sentence's tokens, shared rather than copied by whatever reads the
// sentence (language/sentence_words.h).
using SharedTokens = std::shared_ptr<const std::vector<Token>>;

// The spans of the word and number tokens of `range` of `folded`: ICU's
// word breaks, found by ICU itself (`Icu`, what tests compare against) or
// by a faster path where it gives the same breaks (`Fastest`).
enum class WordBreaker { Fastest, Icu };
std::vector<Span> word_spans(std::string_view folded, Span range, WordBreaker breaker);

// The word and number tokens (ICU word breaks; punctuation and spaces
// dropped) of `range` of the case-folded text `folded`.
std::vector<Token> tokenize(std::string_view folded, Span range);

}  // namespace medlint
