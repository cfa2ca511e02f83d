#include "lint/git.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace medlint {
namespace {

namespace fs = std::filesystem;

// A pipe whose ends close themselves.
struct Pipe {
  int read = -1;
  int write = -1;
  Pipe() {
    int ends[2];
    if (::pipe2(ends, O_CLOEXEC) != 0) throw GitError(fmt::format("cannot run git: {}", std::strerror(errno)));
    read = ends[0];
    write = ends[1];
  }
  ~Pipe() {
    close_read();
    close_write();
  }
  void close_read() {
    if (read >= 0) ::close(read);
    read = -1;
  }
  void close_write() {
    if (write >= 0) ::close(write);
    write = -1;
  }
};

std::string describe(const std::vector<std::string>& arguments) {
  std::string text = "git";
  for (const std::string& argument : arguments) text += " " + argument;
  return text;
}

// Feeds `input` to the child and collects its output and errors until both
// close, without blocking on either side (a large input and a large output
// at once would deadlock a write-then-read loop).
void exchange(Pipe& in, Pipe& out, Pipe& err, std::string_view input, std::string& output, std::string& errors) {
  std::size_t written = 0;
  if (input.empty()) in.close_write();
  char buffer[65536];
  while (out.read >= 0 || err.read >= 0) {
    pollfd fds[3];
    nfds_t count = 0;
    const auto watch = [&](int fd, short events) {
      if (fd >= 0) fds[count++] = {fd, events, 0};
    };
    watch(out.read, POLLIN);
    watch(err.read, POLLIN);
    watch(in.write, POLLOUT);
    if (::poll(fds, count, -1) < 0) {
      if (errno == EINTR) continue;
      throw GitError(fmt::format("cannot read from git: {}", std::strerror(errno)));
    }
    for (nfds_t i = 0; i < count; ++i) {
      if (fds[i].revents == 0) continue;
      if (fds[i].fd == in.write) {
        const ssize_t n = ::write(in.write, input.data() + written, input.size() - written);
        if (n > 0) written += static_cast<std::size_t>(n);
        if (n < 0 || written == input.size()) in.close_write();
        continue;
      }
      Pipe& source = fds[i].fd == out.read ? out : err;
      const ssize_t n = ::read(source.read, buffer, sizeof buffer);
      if (n > 0) {
        (&source == &out ? output : errors).append(buffer, static_cast<std::size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        source.close_read();
      }
    }
  }
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

std::string trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

bool shallow_clone() {
  try {
    return trimmed(run_git({"rev-parse", "--is-shallow-repository"})) == "true";
  } catch (const GitError&) {
    return false;
  }
}

constexpr std::string_view kDeepenAdvice =
    "this clone's history is shallow; fetch the full history (in GitHub Actions, actions/checkout with "
    "`fetch-depth: 0`; elsewhere `git fetch --unshallow`)";

constexpr std::string_view kSymlinkMode = "120000";

// `git diff --raw -z` records: ":OLDMODE NEWMODE OLDID NEWID STATUS\0PATH\0"
// and, for renames and copies, a second path.
std::vector<GitChange> parse_raw_changes(const std::string& text) {
  const std::vector<std::string> fields = split_nul(text);
  std::vector<GitChange> changes;
  for (std::size_t i = 0; i + 1 < fields.size();) {
    const std::string& header = fields[i];
    // ":100644 120000 0123... 4567... T"
    if (header.size() < 2 || header[0] != ':') throw GitError(fmt::format("unexpected `git diff --raw` output: {}", header));
    std::vector<std::string> words;
    for (std::size_t at = 1; at <= header.size();) {
      const std::size_t end = std::min(header.find(' ', at), header.size());
      words.push_back(header.substr(at, end - at));
      at = end + 1;
    }
    if (words.size() != 5 || words[4].empty()) throw GitError(fmt::format("unexpected `git diff --raw` output: {}", header));
    GitChange change;
    change.status = words[4][0];
    change.symlink = words[1] == kSymlinkMode;
    change.blob = words[3];
    const bool two_paths = change.status == 'R' || change.status == 'C';
    if (i + (two_paths ? 2 : 1) >= fields.size()) throw GitError("truncated `git diff --raw` output");
    change.old_path = fields[i + 1];
    change.path = two_paths ? fields[i + 2] : fields[i + 1];
    i += two_paths ? 3 : 2;
    changes.push_back(std::move(change));
  }
  return changes;
}

}  // namespace

std::string run_git(const std::vector<std::string>& arguments, std::string_view input) {
  std::vector<std::string> command{"git", "--literal-pathspecs"};
  command.insert(command.end(), arguments.begin(), arguments.end());
  std::vector<char*> argv;
  for (std::string& argument : command) argv.push_back(argument.data());
  argv.push_back(nullptr);

  Pipe in, out, err;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in.read, STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, out.write, STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err.write, STDERR_FILENO);
  pid_t pid = 0;
  const int spawned = ::posix_spawnp(&pid, "git", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) throw GitError(fmt::format("cannot run git: {}", std::strerror(spawned)));
  in.close_read();
  out.close_write();
  err.close_write();

  std::string output;
  std::string errors;
  exchange(in, out, err, input, output, errors);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    errors = trimmed(std::move(errors));
    throw GitError(fmt::format("`{}` failed{}{}", describe(arguments), errors.empty() ? "" : ": ", errors));
  }
  return output;
}

std::optional<fs::path> git_repository_root() {
  try {
    return fs::path(trimmed(run_git({"rev-parse", "--show-toplevel"})));
  } catch (const GitError&) {
    return std::nullopt;
  }
}

std::string git_commit(const std::string& revision) {
  if (revision.empty() || revision.starts_with("-")) {
    throw GitError(fmt::format("\"{}\" is not a git revision", revision));
  }
  try {
    return trimmed(run_git({"rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"}));
  } catch (const GitError&) {
    if (shallow_clone()) throw GitError(fmt::format("unknown git revision \"{}\": {}", revision, kDeepenAdvice));
    throw GitError(fmt::format("unknown git revision \"{}\"", revision));
  }
}

std::string git_merge_base(const std::string& revision) {
  const std::string commit = git_commit(revision);
  try {
    return trimmed(run_git({"merge-base", "--end-of-options", commit, "HEAD"}));
  } catch (const GitError& error) {
    if (shallow_clone()) {
      throw GitError(fmt::format("cannot find where HEAD branched from \"{}\": {}", revision, kDeepenAdvice));
    }
    throw GitError(fmt::format("\"{}\" and HEAD share no history ({})", revision, error.what()));
  }
}

std::vector<GitChange> git_changes(const std::string& commit) {
  return parse_raw_changes(run_git({"diff", "--raw", "-z", "-M", "--relative", "--no-ext-diff", "--end-of-options", commit, "--"}));
}

std::vector<GitChange> git_staged_changes() {
  return parse_raw_changes(run_git({"diff", "--cached", "--raw", "-z", "-M", "--relative", "--no-ext-diff", "--"}));
}

std::set<int> git_changed_lines(const std::string& commit, const std::string& path) {
  // Only hunk headers are read, and each hunk's body is skipped by the line
  // counts its header gives, so no added line can pass for a header.
  const std::string diff = run_git({"diff", "-U0", "--no-color", "--no-ext-diff", "--no-textconv", "--relative",
                                    "--end-of-options", commit, "--", path});
  std::set<int> lines;
  std::size_t start = 0;
  const auto next_line = [&]() -> std::string_view {
    std::size_t end = diff.find('\n', start);
    if (end == std::string::npos) end = diff.size();
    const std::string_view line(diff.data() + start, end - start);
    start = end + 1;
    return line;
  };
  // "@@ -OLD[,OLDCOUNT] +NEW[,NEWCOUNT] @@"
  const auto read_range = [](std::string_view text, char sign, int& first, int& count) {
    const std::size_t at = text.find(sign);
    if (at == std::string_view::npos) return false;
    first = std::atoi(std::string(text.substr(at + 1)).c_str());
    const std::size_t comma = text.find_first_of(", ", at);
    count = comma != std::string_view::npos && text[comma] == ',' ? std::atoi(std::string(text.substr(comma + 1)).c_str()) : 1;
    return true;
  };
  while (start < diff.size()) {
    const std::string_view line = next_line();
    if (!line.starts_with("@@ ")) continue;
    const std::size_t close = line.find(" @@", 3);
    int old_first = 0, old_count = 0, new_first = 0, new_count = 0;
    if (close == std::string_view::npos || !read_range(line.substr(0, close), '-', old_first, old_count) ||
        !read_range(line.substr(0, close), '+', new_first, new_count)) {
      throw GitError(fmt::format("unexpected hunk header in `git diff` of {}", path));
    }
    for (int i = 0; i < new_count; ++i) lines.insert(new_first + i);
    for (int body = old_count + new_count; body > 0 && start < diff.size();) {
      if (!next_line().starts_with("\\")) --body;  // "\ No newline at end of file" is not a line of either side
    }
  }
  return lines;
}

std::string git_staged_content(const GitChange& change) {
  const std::string bytes = run_git({"cat-file", "blob", change.blob});
  if (!change.symlink) return bytes;
  const fs::path target = (fs::path(change.path).parent_path() / bytes).lexically_normal();
  return run_git({"cat-file", "blob", ":./" + target.generic_string()});
}

std::vector<GitTreeFile> git_tree(const std::string& commit) {
  // "MODE TYPE ID\tPATH\0"
  std::vector<GitTreeFile> files;
  for (const std::string& record : split_nul(run_git({"ls-tree", "-r", "-z", "--full-tree", "--end-of-options", commit}))) {
    const std::size_t tab = record.find('\t');
    const std::size_t first_space = record.find(' ');
    const std::size_t second_space = record.find(' ', first_space + 1);
    if (tab == std::string::npos || second_space == std::string::npos || second_space > tab) continue;
    if (record.compare(first_space + 1, second_space - first_space - 1, "blob") != 0) continue;  // submodules
    files.push_back({record.substr(tab + 1), record.substr(second_space + 1, tab - second_space - 1),
                     record.compare(0, first_space, kSymlinkMode) == 0});
  }
  return files;
}

std::vector<std::string> git_blobs(const std::vector<std::string>& ids) {
  if (ids.empty()) return {};
  std::string request;
  for (const std::string& id : ids) request += id + "\n";
  // "ID TYPE SIZE\nBYTES\n" per blob.
  const std::string output = run_git({"cat-file", "--batch"}, request);
  std::vector<std::string> blobs;
  std::size_t at = 0;
  for (const std::string& id : ids) {
    const std::size_t header_end = output.find('\n', at);
    if (header_end == std::string::npos) throw GitError(fmt::format("git cat-file did not return blob {}", id));
    const std::string header = output.substr(at, header_end - at);
    const std::size_t size_at = header.rfind(' ');
    if (size_at == std::string::npos || header.ends_with(" missing")) {
      throw GitError(fmt::format("git cat-file did not return blob {}", id));
    }
    const std::size_t size = std::stoul(header.substr(size_at + 1));
    blobs.push_back(output.substr(header_end + 1, size));
    at = header_end + 1 + size + 1;
  }
  return blobs;
}

}  // namespace medlint
