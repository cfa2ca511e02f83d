#include "lint/git.h"

#include <cstdio>
#include <fmt/format.h>
#include <re2/re2.h>
#include <sys/wait.h>

namespace medlint {
namespace {

std::string shell_quote(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

// Runs git with `arguments` (already quoted) and returns its standard output.
std::string run_git(const std::string& arguments) {
  const std::string command = "git " + arguments + " 2>/dev/null";
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) throw GitError("cannot run git");
  std::string output;
  char buffer[65536];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) output.append(buffer, n);
  const int status = ::pclose(pipe);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    throw GitError(fmt::format("`git {}` failed (not a git repository, or an unknown revision?)", arguments));
  }
  return output;
}

std::vector<std::string> split_nul(const std::string& text) {
  std::vector<std::string> parts;
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t end = text.find('\0', start);
    parts.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return parts;
}

}  // namespace

std::vector<std::string> git_changed_files(const std::string& revision) {
  return split_nul(run_git(fmt::format("diff --name-only --relative --diff-filter=AMR -z {} --", shell_quote(revision))));
}

std::map<std::string, std::set<int>> git_changed_lines(const std::string& revision) {
  const std::string diff =
      run_git(fmt::format("diff --relative --diff-filter=AMR -U0 --no-color --no-ext-diff {} --", shell_quote(revision)));
  static const RE2 file_header(R"(^\+\+\+ b/(.*)$)");
  static const RE2 hunk(R"(^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@)");
  std::map<std::string, std::set<int>> lines;
  std::string current;
  for (std::size_t start = 0; start < diff.size();) {
    std::size_t end = diff.find('\n', start);
    if (end == std::string::npos) end = diff.size();
    const std::string_view line(diff.data() + start, end - start);
    std::string path;
    int first = 0;
    std::string count;
    if (RE2::PartialMatch(line, file_header, &path)) {
      current = path;
      lines[current];
    } else if (!current.empty() && RE2::PartialMatch(line, hunk, &first, &count)) {
      const int length = count.empty() ? 1 : std::stoi(count);
      for (int i = 0; i < length; ++i) lines[current].insert(first + i);
    }
    start = end + 1;
  }
  return lines;
}

std::vector<std::string> git_staged_files() {
  return split_nul(run_git("diff --cached --name-only --relative --diff-filter=ACMR -z --"));
}

std::string git_staged_content(const std::string& path) {
  return run_git(fmt::format("show {}", shell_quote(":./" + path)));
}

}  // namespace medlint
