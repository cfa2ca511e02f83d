#include "lint/git_check_ignore.h"

#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <memory>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace medlint {
namespace {

// Whether git may find a work tree for `folder`: it looks for `.git` there
// and in each folder above, unless the environment names the repository.
// A file linted outside any repository (a one-article run) then starts no
// git process, which took longer than the rest of the run's system time.
bool may_be_in_work_tree(const std::filesystem::path& folder) {
  if (std::getenv("GIT_DIR") || std::getenv("GIT_WORK_TREE")) return true;
  std::error_code error;
  // git walks up from the folder it changed into: the physical one.
  std::filesystem::path at = std::filesystem::canonical(folder, error);
  if (error) return true;
  for (;; at = at.parent_path()) {
    if (std::filesystem::exists(at / ".git", error) || error) return true;
    if (at == at.parent_path()) return false;
  }
}

}  // namespace

std::vector<std::string> git_ignored(const std::filesystem::path& folder, const std::vector<std::string>& paths) {
  return git_ignored(folder, paths.size(), [&](std::size_t i) { return paths[i]; });
}

std::vector<std::string> git_ignored(const std::filesystem::path& folder, std::size_t count,
                                     const std::function<std::string(std::size_t)>& path_at) {
  if (count == 0 || !may_be_in_work_tree(folder)) return {};
  // The paths go in through a temporary file rather than a pipe, so git
  // never blocks writing answers while medlint is still writing questions.
  const std::unique_ptr<FILE, int (*)(FILE*)> questions(std::tmpfile(), &std::fclose);
  if (!questions) return {};
  for (std::size_t i = 0; i < count; ++i) {
    const std::string path = path_at(i);
    std::fwrite(path.c_str(), 1, path.size() + 1, questions.get());
  }
  std::fflush(questions.get());
  std::rewind(questions.get());
  int answers[2];
  if (::pipe(answers) != 0) return {};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, ::fileno(questions.get()), STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, answers[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, answers[0]);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  // An argument vector, no shell: folder names are passed as they are.
  const std::string folder_text = folder.string();
  std::vector<std::string> arguments{"git", "-C", folder_text, "check-ignore", "--stdin", "-z"};
  std::vector<char*> argv;
  for (std::string& argument : arguments) argv.push_back(argument.data());
  argv.push_back(nullptr);
  pid_t child = 0;
  const int spawned = posix_spawnp(&child, "git", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(answers[1]);
  std::string output;
  if (spawned == 0) {
    char buffer[8192];
    for (ssize_t n; (n = ::read(answers[0], buffer, sizeof buffer)) > 0;) output.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(answers[0]);
  if (spawned != 0) return {};
  int status = 0;
  ::waitpid(child, &status, 0);
  // 0: some are ignored; 1: none; 128: not a work tree.
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return {};
  std::vector<std::string> ignored;
  for (std::size_t begin = 0; begin < output.size();) {
    const std::size_t end = output.find('\0', begin);
    if (end == std::string::npos) break;
    ignored.push_back(output.substr(begin, end - begin));
    begin = end + 1;
  }
  return ignored;
}

}  // namespace medlint
