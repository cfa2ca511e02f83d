// What the keys of a linear model's features (language/features.h) are
// made from, per word: a lemma's are computed with the lemma, once per
// distinct word and thread, and a class's once per window, so a window's
// keys cost a hash of each bigram's second word rather than of every
// feature's name. Each is a FNV-1a hash (LinearModel::feature_key) or the
// state of one part way through a name.
#pragma once
#include <cstdint>
#include <string_view>

namespace medlint {

struct FeatureWordKeys {
  std::uint64_t unigram = 0;        // the key of "u:" + word
  std::uint64_t bigram_prefix = 0;  // the hash of "b:" + word + "_", to go on over the next word
};

FeatureWordKeys feature_word_keys(std::string_view word);

}  // namespace medlint
