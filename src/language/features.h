// Features of a window of sentences for an advice rule's linear model:
// words abstracted to their word classes, so the model learns "STOP
// MEDICINE" and "never ... CARE" rather than single drug names.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "language/linear_model.h"
#include "language/word_classes.h"

namespace medlint {

struct TaggedWords {
  SharedTokens tokens;
  std::vector<WordClasses::Hit> hits;
};

// Per sentence: class presence (`c:MEDICINE`), unigrams and bigrams of the
// sequence in which each word is its class or else its lemma (`u:never`,
// `b:STOP_MEDICINE`), and class pairs within the sentence
// (`p:MEDICINE+STOP`). Sorted, without repeats. Only the classes
// `feature_classes` marks (by class index) stand for their words; the
// others' words stand as their lemmas.
std::vector<std::string> window_features(const WordClasses& classes, const std::vector<bool>& feature_classes,
                                         const std::vector<TaggedWords>& sentences);
// The keys of window_features() (LinearModel::feature_key() of each name),
// without repeats, in no particular order: what a model scores without the
// names built.
std::vector<std::uint64_t> window_feature_keys(const WordClasses& classes, const std::vector<bool>& feature_classes,
                                               const std::vector<TaggedWords>& sentences);
// The classes a model trained on window_features() knows: those it has a
// class-presence weight for. A class added to the rule data after the model
// was trained is marked off, so that its words read as they did in training
// until the model is retrained.
std::vector<bool> model_classes(const WordClasses& classes, const LinearModel& model);

// The unigrams and bigrams of the lemmas alone (`u:never`, `b:stop_take`),
// the sentences' hits unread: what a model of a paragraph's words reads.
std::vector<std::string> word_features(const std::vector<TaggedWords>& sentences);
// The keys of word_features(), likewise.
std::vector<std::uint64_t> word_feature_keys(const std::vector<TaggedWords>& sentences);

}  // namespace medlint
