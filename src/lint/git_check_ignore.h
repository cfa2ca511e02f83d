// Which files git ignores (.gitignore, .git/info/exclude, the global
// excludes file): asked of `git check-ignore`, so git's own rules decide.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace medlint {

// Of `paths` (relative to `folder`), those git ignores there. Empty when
// `folder` is not in a git work tree or git is not installed. Tracked files
// are never ignored, as in git.
std::vector<std::string> git_ignored(const std::filesystem::path& folder, const std::vector<std::string>& paths);

}  // namespace medlint
