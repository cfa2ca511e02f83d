// Where ICU's English sentence iterator breaks a block's text. Every prose
// block is split into sentences (the passage model reads each paragraph),
// and ICU's rule engine was about a tenth of a run: a block of ASCII prose
// is split by the rules of UAX #29 written out for ASCII, which break
// where ICU does (tests/core/sentence_breaks_test.cpp draws strings of the
// characters whose rules differ and compares).
#pragma once
#include <cstddef>
#include <string_view>
#include <vector>

namespace medlint {

// The ends of the sentences of `text` (ascending; the last is text.size()
// unless the text is empty), found by ICU itself (`Icu`, what tests compare
// against) or by the faster path where it gives the same breaks (`Fastest`).
enum class SentenceBreaker { Fastest, Icu };
std::vector<std::size_t> sentence_ends(std::string_view text, SentenceBreaker breaker);

}  // namespace medlint
