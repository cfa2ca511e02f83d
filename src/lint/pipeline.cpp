#include <algorithm>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cstdint>
#include <cstring>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <type_traits>
#include <variant>
#include <unicode/unistr.h>

#include "core/parallel.h"
#include "lint/git_check_ignore.h"
#include "lint/targets.h"
#include "medlint/baseline.h"
#include "medlint/lint.h"
#include "medlint/parse.h"

namespace medlint {
namespace {

namespace fs = std::filesystem;

bool excluded_path(const std::vector<Glob>& excludes, const std::string& path) {
  return std::any_of(excludes.begin(), excludes.end(), [&](const Glob& glob) { return glob.matches(path); });
}

// A project's own files, not articles, whatever their extension.
bool is_project_file(const fs::path& path) {
  std::string stem = path.stem().string();
  for (char& c : stem) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  static constexpr std::string_view kNames[] = {"README", "CHANGELOG", "LICENSE", "CONTRIBUTING", "CODE_OF_CONDUCT",
                                                "SECURITY", "AUTHORS", "NOTICE", "CMAKELISTS", "ROBOTS"};
  return std::find(std::begin(kNames), std::end(kNames), stem) != std::end(kNames) || stem.starts_with("REQUIREMENTS");
}

bool under_node_modules(const fs::path& path) {
  return std::any_of(path.begin(), path.end(), [](const fs::path& part) { return part == "node_modules"; });
}

// Where symlinks may lead: inside `root` (the git repository holding the
// linted path, else that path), or anywhere with --follow-symlinks. A
// symlinked article pointing elsewhere (/etc/passwd) would print that
// file's lines as excerpts.
struct SymlinkPolicy {
  fs::path root;  // canonical
  bool follow_anywhere = false;

  // The folder a path's policy is found from: the path itself if it is a
  // folder, else its parent.
  static fs::path start_of(const std::string& path) {
    std::error_code error;
    const fs::path absolute = fs::absolute(path, error);
    return fs::is_directory(fs::symlink_status(absolute, error)) ? absolute : absolute.parent_path();
  }

  static SymlinkPolicy from(const fs::path& folder, bool follow_anywhere) {
    std::error_code error;
    const fs::path start = fs::weakly_canonical(folder, error);
    for (fs::path dir = start;; dir = dir.parent_path()) {
      if (fs::exists(dir / ".git", error)) return {dir, follow_anywhere};
      if (dir == dir.parent_path()) break;
    }
    return {start, follow_anywhere};
  }

  // The reason not to follow `link`, or nullopt when it may be followed.
  std::optional<std::string> refusal(const fs::path& link) const {
    if (follow_anywhere) return std::nullopt;
    std::error_code error;
    const fs::path target = fs::canonical(link, error);
    if (error) return std::nullopt;  // dangling: reading it reports why
    const fs::path relative = target.lexically_relative(root);
    if (!relative.empty() && *relative.begin() != "..") return std::nullopt;
    return "symlink points outside the repository; not followed (use --follow-symlinks to lint it)";
  }
};

// Recursively lists article files in sorted order. Hidden folders and .git
// are skipped, and node_modules unless the configuration includes files
// there; a symlinked folder is entered once (a symlink loop ends there).
// With `keep_configured_out`, files the configuration's `ignore` or
// `include` leaves out are listed too (the gate compares them with the
// merge base, where they may have been checked).
void walk(const fs::path& dir, const std::vector<Glob>& excludes, ConfigResolver& resolver, bool keep_configured_out,
          const SymlinkPolicy& symlinks, std::set<fs::path>& entered, std::vector<Target>& out) {
  std::error_code error;
  const fs::path canonical = fs::canonical(dir, error);
  if (error || !entered.insert(canonical).second) return;
  std::vector<fs::directory_entry> entries;
  for (fs::directory_iterator it(dir, error), end; !error && it != end; it.increment(error)) entries.push_back(*it);
  if (error) {
    out.push_back(Target::failed(dir.generic_string(), fmt::format("cannot read folder: {}", error.message())));
    return;
  }
  std::sort(entries.begin(), entries.end(),
            [](const fs::directory_entry& a, const fs::directory_entry& b) { return a.path() < b.path(); });
  // One folder has one configuration: whether it has an `include` list is
  // asked once, not per file.
  const bool include_list = resolver.included(dir / "article.md").has_value();
  for (const fs::directory_entry& entry : entries) {
    const std::string name = entry.path().filename().string();
    const std::string path = entry.path().generic_string();
    if (name.starts_with(".") || excluded_path(excludes, path)) continue;
    std::error_code status_error;
    const bool directory = entry.is_directory(status_error);
    if (directory) {
      if (name == "node_modules" && !resolver.included(entry.path() / "article.md")) continue;
    } else if (entry.is_regular_file(status_error)) {
      const bool article = !not_an_article(entry.path(), include_list ? resolver.included(entry.path()) : std::nullopt) &&
                           !resolver.ignored(entry.path());
      if (!article && !(keep_configured_out && !not_an_article(entry.path(), std::nullopt))) continue;
    } else {
      continue;
    }
    if (entry.is_symlink(status_error)) {
      if (auto refusal = symlinks.refusal(entry.path())) {
        out.push_back(Target::failed(path, std::move(*refusal)));
        continue;
      }
    }
    if (directory) {
      walk(entry.path(), excludes, resolver, keep_configured_out, symlinks, entered, out);
    } else {
      out.push_back({.path = path});
    }
  }
}

// Drops the files of `targets[from...]` (found under `root`) that git ignores.
void drop_git_ignored(const fs::path& root, std::size_t from, std::vector<Target>& targets) {
  const auto relative = [&](std::size_t i) {
    return fs::path(targets[i].path).lexically_relative(root).generic_string();
  };
  const std::vector<std::string> ignored =
      git_ignored(root, targets.size() - from, [&](std::size_t i) { return relative(from + i); });
  if (ignored.empty()) return;
  const std::set<std::string> ignored_set(ignored.begin(), ignored.end());
  std::size_t kept = from;
  for (std::size_t i = from; i < targets.size(); ++i) {
    if (targets[i].error() || !ignored_set.count(relative(i))) targets[kept++] = std::move(targets[i]);
  }
  targets.resize(kept);
}

// An article's bytes: read into memory, or mapped when large.
using ArticleBytes = std::variant<std::string, MappedFile>;

std::string_view view_of(const ArticleBytes& bytes) {
  return std::visit([](const auto& held) -> std::string_view {
    if constexpr (std::is_same_v<std::decay_t<decltype(held)>, MappedFile>) {
      return held.bytes();
    } else {
      return held;
    }
  }, bytes);
}

// From this size on a file is mapped, not copied: its reader hands back
// the pages behind it, so a large article is not held whole twice (its
// bytes and its normalized text).
constexpr std::size_t kMapFilesFrom = 4 * 1024 * 1024;

// One open, one fstat and reads into a buffer of the file's size: per file
// this is most of what a run of many small articles costs the system.
std::optional<ArticleBytes> read_file(const std::string& path, std::size_t limit, std::string& error) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    error = fmt::format("cannot read \"{}\": {}", path, std::strerror(errno));
    return std::nullopt;
  }
  const auto fail = [&](int code) {
    error = fmt::format("cannot read \"{}\": {}", path, std::strerror(code));
    ::close(fd);
    return std::nullopt;
  };
  struct stat status {};
  if (::fstat(fd, &status) != 0) return fail(errno);
  if (S_ISDIR(status.st_mode)) return fail(EISDIR);
  const auto size = static_cast<std::uintmax_t>(status.st_size);
  if (size > limit) {
    ::close(fd);
    error = fmt::format("file is {} bytes, over the {} byte limit; it was not checked", size, limit);
    return std::string();
  }
  if (size >= kMapFilesFrom) {
    if (auto mapped = MappedFile::map(fd, static_cast<std::size_t>(size))) {
      ::close(fd);
      return std::move(*mapped);
    }
  }
  std::string bytes(static_cast<std::size_t>(size), '\0');
  std::size_t filled = 0;
  while (filled < bytes.size()) {
    const ssize_t got = ::read(fd, bytes.data() + filled, bytes.size() - filled);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return fail(errno);
    if (got == 0) break;  // the file shrank while read
    filled += static_cast<std::size_t>(got);
  }
  ::close(fd);
  bytes.resize(filled);
  return bytes;
}

// UTF-16 text (with its byte-order mark) as UTF-8, or nullopt when the bytes
// are not UTF-16 with a BOM. Unpaired surrogates become U+FFFD.
std::optional<std::string> utf16_as_utf8(std::string_view bytes) {
  const bool little = bytes.starts_with("\xFF\xFE");
  if (!little && !bytes.starts_with("\xFE\xFF")) return std::nullopt;
  const icu::UnicodeString text(bytes.data() + 2, static_cast<int32_t>(bytes.size() - 2), little ? "UTF-16LE" : "UTF-16BE");
  if (text.isBogus()) return std::nullopt;
  std::string utf8;
  text.toUTF8String(utf8);
  return utf8;
}

// The finding's line, or a window of about 160 characters around the
// finding when the line is long (a 1-million-character line stays readable).
Excerpt excerpt_of(const SourceFile& source, const Diagnostic& diagnostic) {
  constexpr int kBefore = 60;
  constexpr int kWidth = 160;
  const Span line = source.line_span(diagnostic.start.line);
  Excerpt excerpt;
  excerpt.text = std::string(source.slice(diagnostic.span).substr(0, 4096));
  excerpt.line_end_column = source.position(line.end).column;
  const std::string_view text = source.slice(line);
  // Byte offset of the character `count` characters after `from`.
  const auto advance = [&](std::size_t from, int count) {
    while (from < text.size() && count > 0) {
      ++from;
      while (from < text.size() && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) ++from;
      --count;
    }
    return from;
  };
  // The window starts up to kBefore characters before the finding, found
  // by stepping back from it: a walk from the line start would make many
  // findings on one long line quadratic.
  std::size_t begin = std::min(std::max(diagnostic.span.begin, line.begin), line.end) - line.begin;
  for (int count = 0; begin > 0 && count < kBefore; ++count) {
    --begin;
    while (begin > 0 && (static_cast<unsigned char>(text[begin]) & 0xC0) == 0x80) --begin;
  }
  const int first = source.position(line.begin + begin).column;
  const std::size_t end = advance(begin, kWidth);
  excerpt.line = std::string(text.substr(begin, end - begin));
  excerpt.first_column = first;
  excerpt.cut_before = begin > 0;
  excerpt.cut_after = end < text.size();
  source.done_with(line);
  source.done_with(diagnostic.span);
  return excerpt;
}

FileResult lint_one(const Target& target, const LintOptions& options, const LintContext& context,
                    ConfigResolver& resolver, const std::string* stdin_text, bool& io_error,
                    std::shared_ptr<const ConfigSource>& config) {
  FileResult result;
  result.path = target.path;
  auto file_finding = [&](const char* rule, Severity severity, std::string message) {
    const SourceFile nothing(target.path, std::string());
    result.diagnostics.push_back(make_diagnostic(nothing, rule, severity, {0, 0}, std::move(message)));
    result.excerpts.push_back({{}, {}, 1});
  };
  if (target.error()) {
    file_finding(kIoErrorRule, Severity::Error, *target.error());
    io_error = true;
    return result;
  }
  const TargetSource* from = target.source.get();
  ArticleBytes bytes;
  if (target.from_stdin()) {
    bytes = *stdin_text;
  } else if (from && from->content) {
    bytes = *from->content;
  } else if (from && from->staged) {
    try {
      bytes = git_staged_content(*from->staged);
    } catch (const GitError& error) {
      file_finding(kIoErrorRule, Severity::Error, error.what());
      io_error = true;
      return result;
    }
  } else {
    std::string error;
    auto read = read_file(target.path, options.max_file_size, error);
    if (!read) {
      file_finding(kIoErrorRule, Severity::Error, error);
      io_error = true;
      return result;
    }
    if (!error.empty()) {
      file_finding("file-too-large", Severity::Error, error);
      return result;
    }
    bytes = std::move(*read);
  }
  if (view_of(bytes).size() > options.max_file_size) {
    file_finding("file-too-large", Severity::Error,
                 fmt::format("input is over the {} byte limit; it was not checked", options.max_file_size));
    return result;
  }
  // Read UTF-16 as the text it is; positions count characters, so they
  // are the same in either encoding.
  if (auto utf8 = utf16_as_utf8(view_of(bytes))) bytes = std::move(*utf8);
  const fs::path config_anchor = from && from->config_anchor ? *from->config_anchor
                                 : target.from_stdin() ? fs::current_path() / target.path
                                                     : fs::path(target.path);
  // Left out by the configuration (`ignore`, or an `include` that does not
  // name it): not checked.
  if (!target.from_stdin() && (resolver.ignored(config_anchor) || resolver.included(config_anchor) == false)) {
    return result;
  }
  config = resolver.config_of(config_anchor);
  const std::shared_ptr<const Linter> linter = resolver.linter_for(config_anchor);
  const auto source = std::visit(
      [&](auto& held) { return std::make_shared<const SourceFile>(target.path, std::move(held)); }, bytes);
  const Document document = parse(source, format_for_path(target.path).value_or(Format::PlainText),
                                  resolver.reader_options_for(config_anchor));
  result.diagnostics = linter->lint(document, context);
  for (const Diagnostic& diagnostic : result.diagnostics) {
    result.excerpts.push_back(excerpt_of(*source, diagnostic));
  }
  return result;
}

// How the run names a configuration: its file relative to the current
// folder when under it, or the built-in pack.
std::string config_name(const ConfigSource& config, const fs::path& cwd) {
  if (config.path.empty()) return "medlint:recommended";
  const fs::path path(config.path);
  if (!path.is_absolute()) return path.lexically_normal().generic_string();
  const fs::path relative = path.lexically_relative(cwd);
  return relative.empty() || *relative.begin() == ".." ? path.generic_string() : relative.generic_string();
}

// Applies the baselines to each file as it comes, in path order, counts
// what the run's totals need and hands the file on. The baseline of
// `--baseline` applies to every file; otherwise each configuration's
// `baseline:` applies to the files it configures.
class FileFinisher {
 public:
  FileFinisher(const LintOptions& options, FileListener& listener) : options_(options), listener_(listener) {
    if (options.apply_baselines && options.baseline) given_baseline_.emplace(*options.baseline);
  }

  void finish(LintedFile& file) {
    if (options_.apply_baselines) {
      if (BaselineFilter* baseline = baseline_for(file.config.get())) {
        run_.baseline_suppressed += baseline->filter(file.result);
      }
    }
    run_.io_error = run_.io_error || file.io_error;
    if (file.config) {
      ++run_.files_checked;
      configs_.insert(file.config);
    }
    listener_.file(file.result);
  }

  // The run's totals once every file is finished.
  LintRun totals() && {
    if (given_baseline_) run_.baseline_fixed = given_baseline_->fixed();
    for (const auto& [path, baseline] : config_baselines_) {
      for (FixedFinding& fixed : baseline.fixed()) run_.baseline_fixed.push_back(std::move(fixed));
    }
    std::set<std::string> names;
    const fs::path cwd = fs::current_path();
    for (const auto& config : configs_) names.insert(config_name(*config, cwd));
    run_.configs.assign(names.begin(), names.end());
    return std::move(run_);
  }

 private:
  BaselineFilter* baseline_for(const ConfigSource* config) {
    if (given_baseline_) return &*given_baseline_;
    if (!config || !config->baseline) return nullptr;
    auto found = config_baselines_.find(*config->baseline);
    if (found == config_baselines_.end()) {
      found = config_baselines_.emplace(*config->baseline, BaselineFilter(*config->baseline)).first;
    }
    return &found->second;
  }

  const LintOptions& options_;
  FileListener& listener_;
  LintRun run_;
  std::optional<BaselineFilter> given_baseline_;
  std::map<fs::path, BaselineFilter> config_baselines_;
  std::set<std::shared_ptr<const ConfigSource>> configs_;
};

// Lints `targets` in parallel and hands each file to `deliver` in target
// order. A file finished ahead of its turn waits in a small buffer; a
// thread that runs too far ahead (past a slow large file) waits for it, so
// the buffer stays small whatever the files.
void lint_in_order(const std::vector<Target>& targets, const LintOptions& options, const LintContext& base_context,
                   ConfigResolver& resolver, const std::string* stdin_text,
                   const std::function<void(std::size_t, LintedFile&)>& deliver) {
  const std::size_t threads = options.jobs > 0 ? static_cast<std::size_t>(options.jobs)
                                               : std::max(1u, std::thread::hardware_concurrency());
  const std::size_t most_ahead = 16 * threads;
  // Threads left over when there are fewer files than threads (a pre-commit
  // hook's one article) share each file's rules instead.
  LintContext context = base_context;
  context.rule_threads = static_cast<int>(std::max<std::size_t>(1, threads / std::max<std::size_t>(targets.size(), 1)));
  std::mutex mutex;
  std::condition_variable turn;
  std::map<std::size_t, LintedFile> waiting;
  std::size_t next = 0;  // the next file to deliver
  bool failed = false;
  run_in_parallel(targets.size(), threads, [&](std::size_t i) {
    {
      std::unique_lock lock(mutex);
      turn.wait(lock, [&] { return i < next + most_ahead || failed; });
      if (failed) return;
    }
    try {
      LintedFile file;
      file.result = lint_one(targets[i], options, context, resolver, stdin_text, file.io_error, file.config);
      std::lock_guard lock(mutex);
      waiting.emplace(i, std::move(file));
      for (auto ready = waiting.begin(); ready != waiting.end() && ready->first == next; ready = waiting.erase(ready)) {
        deliver(next, ready->second);
        ++next;
      }
    } catch (...) {
      std::lock_guard lock(mutex);
      failed = true;
      turn.notify_all();
      throw;
    }
    turn.notify_all();
  });
}

// Sorts targets by path, keeping the order of equal paths, through a list
// of indexes: std::stable_sort of the targets themselves would first copy
// them all into a buffer, the largest allocation of a run of many articles.
void sort_by_path(std::vector<Target>& targets) {
  std::vector<std::uint32_t> order(targets.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<std::uint32_t>(i);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return targets[a].path < targets[b].path; });
  // Moves each target to its place, one cycle of the permutation at a
  // time; a place filled points to itself.
  for (std::size_t start = 0; start < order.size(); ++start) {
    if (order[start] == start) continue;
    Target first = std::move(targets[start]);
    std::size_t place = start;
    while (order[place] != start) {
      const std::size_t from = order[place];
      targets[place] = std::move(targets[from]);
      order[place] = static_cast<std::uint32_t>(place);
      place = from;
    }
    targets[place] = std::move(first);
    order[place] = static_cast<std::uint32_t>(place);
  }
}

// The targets of a plain run: the paths walked, standard input read.
LintRun lint_walked_paths(const LintOptions& options, ConfigResolver& resolver, StdinReader read_stdin,
                          FileListener& listener) {
  LintRun started;
  std::vector<Target> targets = walk_paths(options, exclude_globs(options), resolver, started.notices, false);
  // Named files that are not checked have their notices; only a run that
  // finds nothing at all is a usage error.
  if (targets.empty() && started.notices.empty()) {
    throw UsageError(fmt::format("no articles to check under {} (folders are searched for .md, .markdown, .mdx, .html, "
                                 ".htm and .txt files; `include` in .medlint.yaml adds others)",
                                 fmt::join(options.paths, ", ")));
  }
  std::optional<std::string> stdin_text;
  if (std::any_of(targets.begin(), targets.end(), [](const Target& t) { return t.from_stdin(); })) {
    stdin_text = read_stdin(options.max_file_size);
  }
  // Reports list files by path: linted in that order, they stream.
  sort_by_path(targets);
  listener.started(started);
  FileFinisher finisher(options, listener);
  lint_in_order(targets, options, options.context, resolver, stdin_text ? &*stdin_text : nullptr,
                [&](std::size_t, LintedFile& file) { finisher.finish(file); });
  LintRun run = std::move(finisher).totals();
  run.notices = std::move(started.notices);
  return run;
}

// The gate's run, linted whole (it compares files with the merge base),
// then handed on in path order.
LintRun lint_changes(const LintOptions& options, ConfigResolver& resolver, FileListener& listener) {
  LintedTargets linted = lint_git_changes(options, resolver);
  std::vector<std::size_t> order(linted.files.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return linted.files[a].result.path < linted.files[b].result.path;
  });
  LintRun run;
  run.notices = std::move(linted.notices);
  run.notes = std::move(linted.notes);
  listener.started(run);
  FileFinisher finisher(options, listener);
  for (std::size_t i : order) finisher.finish(linted.files[i]);
  LintRun totals = std::move(finisher).totals();
  totals.notices = std::move(run.notices);
  totals.notes = std::move(run.notes);
  return totals;
}

// Keeps every file of a run, for callers that want the whole run at once.
class CollectingListener final : public FileListener {
 public:
  void started(const LintRun&) override {}
  void file(const FileResult& file) override { files.push_back(file); }
  std::vector<FileResult> files;
};

}  // namespace

std::vector<Glob> exclude_globs(const LintOptions& options) {
  std::vector<Glob> excludes;
  for (const std::string& pattern : options.excludes) excludes.emplace_back(pattern);
  return excludes;
}

bool excluded(const std::vector<Glob>& excludes, const std::string& path) { return excluded_path(excludes, path); }

bool under_any(const std::string& file, const std::vector<std::string>& paths) {
  const fs::path normal = fs::path(file).lexically_normal();
  for (const std::string& path : paths) {
    const fs::path base = fs::path(path).lexically_normal();
    if (base == "." || base == normal) return true;
    const auto relative = normal.lexically_relative(base);
    if (!relative.empty() && *relative.begin() != "..") return true;
  }
  return false;
}

std::optional<std::string> not_an_article(const fs::path& path, std::optional<bool> included) {
  if (included) {
    if (*included) return std::nullopt;
    return "not in the configuration's `include`";
  }
  if (!format_for_path(path.filename().string())) {
    return "not an article (articles are .md, .markdown, .mdx, .html, .htm and .txt files; `include` adds others)";
  }
  if (is_project_file(path)) return "a project file, not an article (`include` it to lint it)";
  if (under_node_modules(path)) return "under node_modules, not an article (`include` it to lint it)";
  return std::nullopt;
}

namespace {

// A path named on the command line, as looked up once.
struct NamedPath {
  std::string path;
  fs::file_status status{};
  std::error_code error{};
  SymlinkPolicy symlinks{};
  std::optional<std::string> refusal{};  // why a symlink is not followed
  bool names_file = false;             // a file to lint, not a folder, an error or an excluded path

  fs::path folder() const {
    const fs::path file(path);
    return file.has_parent_path() ? file.parent_path() : fs::path(".");
  }
};

// The files named explicitly that git ignores, by folder and name: asked
// once per folder, as a pre-commit hook names every staged file and a git
// process per file cost more than linting it.
std::set<std::pair<fs::path, std::string>> git_ignored_named_files(const std::vector<NamedPath>& named) {
  std::map<fs::path, std::vector<std::string>> names_by_folder;
  for (const NamedPath& path : named) {
    if (path.names_file) names_by_folder[path.folder()].push_back(fs::path(path.path).filename().string());
  }
  std::set<std::pair<fs::path, std::string>> ignored;
  for (const auto& [folder, names] : names_by_folder) {
    for (std::string& name : git_ignored(folder, names)) ignored.emplace(folder, std::move(name));
  }
  return ignored;
}

}  // namespace

std::vector<Target> walk_paths(const LintOptions& options, const std::vector<Glob>& excludes, ConfigResolver& resolver,
                               std::vector<std::string>& notices, bool keep_configured_out) {
  std::vector<NamedPath> named;
  // Paths named in one folder share its policy, found once.
  std::map<fs::path, SymlinkPolicy> policies;
  for (const std::string& path : options.paths) {
    if (path == "-") {
      named.push_back({.path = path});
      continue;
    }
    const fs::path start = SymlinkPolicy::start_of(path);
    auto policy = policies.find(start);
    if (policy == policies.end()) policy = policies.emplace(start, SymlinkPolicy::from(start, options.follow_symlinks)).first;
    NamedPath looked_up{.path = path, .symlinks = policy->second};
    looked_up.status = fs::status(path, looked_up.error);
    if (!looked_up.error && fs::is_symlink(fs::symlink_status(path, looked_up.error))) {
      looked_up.refusal = looked_up.symlinks.refusal(path);
    }
    looked_up.names_file = !looked_up.error && fs::exists(looked_up.status) && !looked_up.refusal &&
                           !fs::is_directory(looked_up.status) && !excluded_path(excludes, fs::path(path).generic_string());
    named.push_back(std::move(looked_up));
  }
  const auto git_ignored_files = git_ignored_named_files(named);
  std::vector<Target> targets;
  std::set<fs::path> entered;
  for (NamedPath& named_path : named) {
    const std::string& path = named_path.path;
    if (path == "-") {
      targets.push_back({options.stdin_filename.value_or("<stdin>.md"),
                         std::make_shared<TargetSource>(TargetSource{.from_stdin = true})});
      continue;
    }
    const std::error_code& error = named_path.error;
    if (error || !fs::exists(named_path.status)) {
      targets.push_back(Target::failed(
          path, fmt::format("cannot read \"{}\": {}", path, error ? error.message() : "No such file or directory")));
    } else if (named_path.refusal) {
      targets.push_back(Target::failed(path, std::move(*named_path.refusal)));
    } else if (fs::is_directory(named_path.status)) {
      const std::size_t first = targets.size();
      walk(path, excludes, resolver, keep_configured_out, named_path.symlinks, entered, targets);
      drop_git_ignored(path, first, targets);
    } else if (named_path.names_file) {
      // A file named explicitly is not skipped in silence.
      const fs::path file(path);
      const bool git_ignores = git_ignored_files.count({named_path.folder(), file.filename().string()}) > 0;
      if (keep_configured_out && !not_an_article(file, std::nullopt) && !git_ignores) {
        targets.push_back({.path = path});  // lint_one skips it if the configuration leaves it out
      } else if (auto why = not_an_article(file, resolver.included(file))) {
        notices.push_back(fmt::format("{}: not checked: {}", path, *why));
      } else if (resolver.ignored(file)) {
        notices.push_back(fmt::format("{}: not checked: the configuration's `ignore` covers it", path));
      } else if (git_ignores) {
        notices.push_back(fmt::format("{}: not checked: git ignores it (.gitignore)", path));
      } else {
        targets.push_back({.path = path});
      }
    }
  }
  return targets;
}

LintedTargets lint_targets(const std::vector<Target>& targets, const LintOptions& options, const LintContext& context,
                           ConfigResolver& resolver, const std::string* stdin_text) {
  LintedTargets linted;
  linted.files.reserve(targets.size());
  lint_in_order(targets, options, context, resolver, stdin_text,
                [&](std::size_t, LintedFile& file) { linted.files.push_back(std::move(file)); });
  return linted;
}

LintRun lint_paths(const LintOptions& options, StdinReader read_stdin) {
  return lint_paths(options, read_stdin, *ConfigResolver::create(options.config));
}

LintRun lint_paths(const LintOptions& options, StdinReader read_stdin, ConfigResolver& resolver) {
  CollectingListener collected;
  LintRun run = lint_paths(options, read_stdin, resolver, collected);
  run.files = std::move(collected.files);
  return run;
}

LintRun lint_paths(const LintOptions& options, StdinReader read_stdin, ConfigResolver& resolver,
                   FileListener& listener) {
  const bool gate = options.staged || options.changed_since || options.new_since;
  return gate ? lint_changes(options, resolver, listener) : lint_walked_paths(options, resolver, read_stdin, listener);
}

}  // namespace medlint
