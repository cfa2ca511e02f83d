// Features of a window of sentences for an advice rule's linear model:
// words abstracted to their word classes, so the model learns "STOP
// MEDICINE" and "never ... CARE" rather than single drug names.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "language/word_classes.h"

namespace medlint {

struct TaggedWords {
  SharedTokens tokens;
  std::vector<WordClasses::Hit> hits;
};

// Per sentence: class presence (`c:MEDICINE`), unigrams and bigrams of the
// sequence in which each word is its class or else its lemma (`u:never`,
// `b:STOP_MEDICINE`), and class pairs within the sentence
// (`p:MEDICINE+STOP`). Sorted, without repeats.
std::vector<std::string> window_features(const WordClasses& classes, const std::vector<TaggedWords>& sentences);
// The keys of window_features() (LinearModel::feature_key() of each name),
// sorted, without repeats: what a model scores without the names built.
std::vector<std::uint64_t> window_feature_keys(const WordClasses& classes, const std::vector<TaggedWords>& sentences);

// The unigrams and bigrams of the lemmas alone (`u:never`, `b:stop_take`),
// the sentences' hits unread: what a model of a paragraph's words reads.
std::vector<std::string> word_features(const std::vector<TaggedWords>& sentences);
// The keys of word_features(), likewise.
std::vector<std::uint64_t> word_feature_keys(const std::vector<TaggedWords>& sentences);

}  // namespace medlint
