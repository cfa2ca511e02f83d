// Word lemmas for matching "stop/stops/stopped/stopping" as one word: the
// Snowball English stemmer (libstemmer), with irregular verb forms mapped to
// their base first ("took" -> "take") since stemming leaves them apart.
#pragma once
#include <string>
#include <string_view>

namespace medlint {

// The lemma of one case-folded word. Thread-safe.
std::string lemma_of(std::string_view folded_word);

}  // namespace medlint
