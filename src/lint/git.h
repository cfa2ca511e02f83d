// What the CI gate and the pre-commit hook ask git: which article files
// changed, which lines, and what the index holds. Runs the git command line.
#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "medlint/lint.h"

namespace medlint {

// Thrown when git fails (not a repository, unknown revision).
struct GitError : UsageError {
  using UsageError::UsageError;
};

// Files added, modified or renamed against `revision`, relative to the
// current folder (committed, staged and unstaged changes alike).
std::vector<std::string> git_changed_files(const std::string& revision);

// For each changed file, the line numbers the change added or modified.
std::map<std::string, std::set<int>> git_changed_lines(const std::string& revision);

// Files staged for commit (added, copied, modified, renamed), relative to
// the current folder.
std::vector<std::string> git_staged_files();

// The staged content of a file (what the commit will contain).
std::string git_staged_content(const std::string& path);

}  // namespace medlint
