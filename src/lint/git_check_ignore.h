// Which files git ignores (.gitignore, .git/info/exclude, the global
// excludes file): asked of `git check-ignore`, so git's own rules decide.
#pragma once
#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace medlint {

// Of `paths` (relative to `folder`), those git ignores there. Empty when
// `folder` is not in a git work tree or git is not installed. Tracked files
// are never ignored, as in git.
std::vector<std::string> git_ignored(const std::filesystem::path& folder, const std::vector<std::string>& paths);
// The same for `count` paths made one at a time by `path_at` (a walk's many
// files, without a second list of them all).
std::vector<std::string> git_ignored(const std::filesystem::path& folder, std::size_t count,
                                     const std::function<std::string(std::size_t)>& path_at);

}  // namespace medlint
