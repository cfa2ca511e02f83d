// Stable identities of findings, for baselines and code-scanning tools:
// they survive edits elsewhere in the file because they hash the rule, the
// path, the finding's text (normalized) and its occurrence among equal
// findings, never its line number.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "medlint/lint.h"

namespace medlint {

// One fingerprint (16 hex digits) per diagnostic of `file`, in order.
// `path` is the path hashed when not the file's own (a baseline hashes paths
// from the repository root, whatever the form the file was named in).
std::vector<std::string> fingerprints(const FileResult& file, std::optional<std::string_view> path = std::nullopt);

}  // namespace medlint
