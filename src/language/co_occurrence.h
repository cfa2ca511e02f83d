// Word classes that occur together in one clause: a red flag in whatever
// words a writer chooses, as a body part near a word of severity ("a heavy
// squeeze in the middle of my chest", "we can't really wake him"), found
// from classes instead of being listed phrase by phrase.
#pragma once
#include <string_view>
#include <vector>

#include "language/tokens.h"
#include "language/word_classes.h"

namespace medlint {

struct CoOccurrence {
  std::vector<int> classes;  // word classes; a hit of each must occur
  // Word classes whose hit near the words cancels them: "blood" in
  // "a lot of blood tests" is no blood.
  std::vector<int> unless;
  int window = 6;  // the words, first to last, span at most this many tokens
  // Whether each class's word must follow the one before: "vomiting
  // blood", not "blood ... can lead to vomiting".
  bool ordered = false;
};

struct CoOccurrenceMatch {
  int first;  // token indices, inclusive
  int last;
};

// A sentence's words with their classes and the clause each word is in (a
// new clause after . ; : ! ? ( ) or a dash, and at "but"), read once for
// all the co-occurrences looked for in it.
struct ClausedWords {
  ClausedWords(std::string_view folded, std::vector<Token> words, std::vector<WordClasses::Hit> word_hits);

  std::vector<Token> tokens;
  std::vector<WordClasses::Hit> hits;
  std::vector<int> clause;  // per token
};

// Where a hit of every class of `co` falls within `co.window` tokens of a
// hit of its first class, all in one clause. One match per hit of the
// first class, with the nearest hit of each other class.
std::vector<CoOccurrenceMatch> find_co_occurrences(const ClausedWords& words, const CoOccurrence& co);

}  // namespace medlint
