// A look for keywords before a case-insensitive pattern that cannot match
// without one of them: most lines have none, so the pattern is neither
// compiled nor run for them (a one-article run pays for compiling every
// pattern it touches).
#pragma once
#include <initializer_list>
#include <string_view>

namespace medlint {

// Whether `text` may match a pattern that needs one of `keywords` (lower
// case), compared ignoring ASCII case. RE2's (?i) also folds two non-ASCII
// letters into ASCII ones (the Kelvin sign into k, the long s into s): a text
// with either may always match.
bool may_contain_keyword(std::string_view text, std::initializer_list<std::string_view> keywords);

}  // namespace medlint
