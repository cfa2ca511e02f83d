// Word lemmas for matching "stop/stops/stopped/stopping" as one word: the
// Snowball English stemmer (libstemmer), with irregular verb forms mapped to
// their base first ("took" -> "take") since stemming leaves them apart.
// Only inflections are merged: Snowball also strips derivational suffixes
// ("medical" and "medications" both stem to "medic", "removal" and
// "removing" to "remov"), so what it strips beyond an inflection (-s, -es,
// -ed, -ing, a doubled consonant, a silent e) stays part of the lemma:
// "medic+ation", "medic+al", "remov+al".
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "language/feature_keys.h"

namespace medlint {

// The lemma of one case-folded word. Thread-safe.
std::string lemma_of(std::string_view folded_word);

// A word's lemma with the lemma's feature_word_keys(), both computed once
// per distinct word and thread; valid until the thread's next call.
struct KeyedLemma {
  std::string lemma;
  FeatureWordKeys keys;
};
const KeyedLemma& keyed_lemma_of(std::string_view folded_word);

// The irregular forms whose lemma is `base` ("take": took, taken), in no
// particular order.
std::vector<std::string_view> irregular_forms_of(std::string_view base);

// Contractions as text messages spell them, without the apostrophe
// ("cant", "wont", "shes", "im"), are the contractions: their lemma is the
// contraction's. `dropped_apostrophe("can't")` is "cant"; empty for a word
// that is no such contraction, or whose apostrophe-less spelling is another
// word ("we'll", "we're", "it's", "he'll").
std::string_view informal_contraction(std::string_view folded_word);
std::string dropped_apostrophe(std::string_view folded_word);

}  // namespace medlint
