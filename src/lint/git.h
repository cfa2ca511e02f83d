// What the CI gate and the pre-commit hook ask git: which files changed
// against a revision, which lines, what the index and older commits hold.
// git runs without a shell, from an argument vector; everything that names
// files is read in git's NUL-separated (-z) forms, never from diff text.
#pragma once
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "medlint/lint.h"

namespace medlint {

// Thrown when git fails (not a repository, unknown revision, shallow
// history); the message carries what git said.
struct GitError : UsageError {
  using UsageError::UsageError;
};

// Runs `git ARGUMENTS` in the current folder with `input` on its standard
// input and returns its standard output. Throws GitError, with git's
// standard error, when git cannot start or exits non-zero.
std::string run_git(const std::vector<std::string>& arguments, std::string_view input = {});

// The top folder of the repository holding the current folder, or nothing
// outside a repository.
std::optional<std::filesystem::path> git_repository_root();

// The commit `revision` names. Revisions that could be read as options are
// refused; an unknown one in a shallow clone says to fetch more history.
std::string git_commit(const std::string& revision);

// The best common ancestor of `revision` and HEAD: what a pull request
// branched from, so files changed only on the base branch are not blamed
// on it. Throws GitError naming `fetch-depth: 0` when history is too shallow.
std::string git_merge_base(const std::string& revision);

// One changed file. Paths are relative to the current folder.
struct GitChange {
  char status = 'M';     // A, C, D, M, R, T (type change, as a file becoming a symlink)
  std::string path;      // the file now (for D: the deleted file)
  std::string old_path;  // for R and C: where it came from; else equal to path
  bool symlink = false;  // the new version is a symbolic link
  std::string blob;      // for staged changes: the staged blob's id
};

// Changes of the working tree (commits, staged and unstaged edits) against
// `commit`, renames detected, under the current folder.
std::vector<GitChange> git_changes(const std::string& commit);

// Changes staged for commit, renames detected, under the current folder.
std::vector<GitChange> git_staged_changes();

// The lines of `path` (relative to the current folder) that its change
// against `commit` added or modified.
std::set<int> git_changed_lines(const std::string& commit, const std::string& path);

// The staged content of an article: the blob's bytes, or for a staged
// symlink the staged content of the file it points to.
std::string git_staged_content(const GitChange& change);

// A file of a commit's tree; `path` is relative to the repository root.
struct GitTreeFile {
  std::string path;
  std::string blob;
  bool symlink = false;
};

// Every file of `commit`'s tree.
std::vector<GitTreeFile> git_tree(const std::string& commit);

// The contents of the blobs `ids`, in order, read through one git process.
std::vector<std::string> git_blobs(const std::vector<std::string>& ids);

}  // namespace medlint
