// "Did you mean ...?" for misspelt names: rule ids, configuration keys,
// severities.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace medlint {

// The candidate nearest to `word` by edit distance (insertions, deletions,
// substitutions), when it is close enough to be a misspelling: at most a
// third of the word's length, and at least one edit allowed.
std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string_view>& candidates);

// " (did you mean `x`?)" when a candidate is close, else empty.
std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates);

}  // namespace medlint
