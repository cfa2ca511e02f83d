// Words of a stretch of normalized text, each with its lemma: what word
// classes and advice frames are matched on.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "medlint/source.h"

namespace medlint {

struct Token {
  Span text;          // in the scanned string
  std::string lemma;  // lemma_of() the folded word
};

// The word and number tokens (ICU word breaks; punctuation and spaces
// dropped) of `range` of the case-folded text `folded`.
std::vector<Token> tokenize(std::string_view folded, Span range);

}  // namespace medlint
