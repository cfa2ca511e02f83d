// Stable identities of findings, for baselines and code-scanning tools:
// they survive edits elsewhere in the file because they hash the rule, the
// path, the finding's text (normalized) and its occurrence among equal
// findings, never its line number.
#pragma once
#include <string>
#include <vector>

#include "medlint/lint.h"

namespace medlint {

// One fingerprint (16 hex digits) per diagnostic of `file`, in order.
std::vector<std::string> fingerprints(const FileResult& file);

}  // namespace medlint
