#include <algorithm>
#include <cstring>
#include <fmt/format.h>
#include <fstream>
#include <map>
#include <set>
#include <thread>

#include "core/glob.h"
#include "core/parallel.h"
#include "lint/filter_findings.h"
#include "lint/git.h"
#include "lint/git_check_ignore.h"
#include "medlint/baseline.h"
#include "medlint/lint.h"
#include "medlint/parse.h"

namespace medlint {
namespace {

namespace fs = std::filesystem;

struct Target {
  std::string path;  // as reported
  bool from_stdin = false;
  std::optional<std::string> error;  // a path that could not be walked
  bool from_index = false;  // read the staged content, not the working tree
};

bool excluded(const std::vector<Glob>& excludes, const std::string& path) {
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

// Why a file is not an article, or nullopt when it is one: the
// configuration's `include` decides when it has one; else the article
// extensions do, leaving out a project's README, CHANGELOG, LICENSE and
// CONTRIBUTING and anything under node_modules.
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

// Recursively lists article files in sorted order. Hidden folders and .git
// are skipped, and node_modules unless the configuration includes files
// there; a symlinked folder is entered once (a symlink loop ends there).
void walk(const fs::path& dir, const std::vector<Glob>& excludes, ConfigResolver& resolver, std::set<fs::path>& entered,
          std::vector<Target>& out) {
  std::error_code error;
  const fs::path canonical = fs::canonical(dir, error);
  if (error || !entered.insert(canonical).second) return;
  std::vector<fs::directory_entry> entries;
  for (fs::directory_iterator it(dir, error), end; !error && it != end; it.increment(error)) entries.push_back(*it);
  if (error) {
    out.push_back({dir.generic_string(), false, fmt::format("cannot read folder: {}", error.message())});
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
    if (name.starts_with(".") || excluded(excludes, path)) continue;
    std::error_code status_error;
    if (entry.is_directory(status_error)) {
      if (name == "node_modules" && !resolver.included(entry.path() / "article.md")) continue;
      walk(entry.path(), excludes, resolver, entered, out);
    } else if (entry.is_regular_file(status_error) &&
               !not_an_article(entry.path(), include_list ? resolver.included(entry.path()) : std::nullopt) &&
               !resolver.ignored(entry.path())) {
      out.push_back({path, false, std::nullopt});
    }
  }
}

// Drops the files of `targets[from...]` (found under `root`) that git ignores.
void drop_git_ignored(const fs::path& root, std::size_t from, std::vector<Target>& targets) {
  std::vector<std::string> relative;
  for (std::size_t i = from; i < targets.size(); ++i) {
    relative.push_back(fs::path(targets[i].path).lexically_relative(root).generic_string());
  }
  const std::vector<std::string> ignored = git_ignored(root, relative);
  if (ignored.empty()) return;
  const std::set<std::string> ignored_set(ignored.begin(), ignored.end());
  std::size_t kept = from;
  for (std::size_t i = from; i < targets.size(); ++i) {
    if (targets[i].error || !ignored_set.count(relative[i - from])) targets[kept++] = std::move(targets[i]);
  }
  targets.resize(kept);
}

// Whether `file` (relative to the current folder) lies under one of `paths`.
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

// The gate's view: article files git reports (changed or staged) under the
// given paths.
std::vector<Target> git_targets(const LintOptions& options, const std::vector<Glob>& excludes) {
  const bool staged = options.staged;
  const std::vector<std::string> files = staged ? git_staged_files() : git_changed_files(*options.changed_since);
  std::vector<std::string> paths = options.paths;
  if (paths.empty()) paths.push_back(".");
  std::vector<Target> targets;
  for (const std::string& file : files) {
    if (!format_for_path(file) || !under_any(file, paths) || excluded(excludes, file)) continue;
    if (!staged && !fs::exists(file)) continue;
    targets.push_back({file, false, std::nullopt, staged});
  }
  std::sort(targets.begin(), targets.end(), [](const Target& a, const Target& b) { return a.path < b.path; });
  return targets;
}

std::vector<Target> collect_targets(const LintOptions& options, ConfigResolver& resolver,
                                    std::vector<std::string>& notices) {
  std::vector<Glob> excludes;
  for (const std::string& pattern : options.excludes) excludes.emplace_back(pattern);
  if (options.staged || options.changed_since) return git_targets(options, excludes);
  std::vector<Target> targets;
  std::set<fs::path> entered;
  for (const std::string& path : options.paths) {
    if (path == "-") {
      targets.push_back({options.stdin_filename.value_or("<stdin>.md"), true, std::nullopt});
      continue;
    }
    std::error_code error;
    const fs::file_status status = fs::status(path, error);
    if (error || !fs::exists(status)) {
      targets.push_back({path, false, fmt::format("cannot read \"{}\": {}", path,
                                                  error ? error.message() : "No such file or directory")});
    } else if (fs::is_directory(status)) {
      const std::size_t first = targets.size();
      walk(path, excludes, resolver, entered, targets);
      drop_git_ignored(path, first, targets);
    } else if (!excluded(excludes, fs::path(path).generic_string())) {
      // A file named explicitly is not skipped in silence.
      const fs::path file(path);
      const fs::path folder = file.has_parent_path() ? file.parent_path() : fs::path(".");
      if (auto why = not_an_article(file, resolver.included(file))) {
        notices.push_back(fmt::format("{}: not checked: {}", path, *why));
      } else if (resolver.ignored(file)) {
        notices.push_back(fmt::format("{}: not checked: the configuration's `ignore` covers it", path));
      } else if (!git_ignored(folder, {file.filename().string()}).empty()) {
        notices.push_back(fmt::format("{}: not checked: git ignores it (.gitignore)", path));
      } else {
        targets.push_back({path, false, std::nullopt});
      }
    }
  }
  return targets;
}

std::optional<std::string> read_file(const std::string& path, std::size_t limit, std::string& error) {
  std::error_code size_error;
  const auto size = fs::file_size(path, size_error);
  if (size_error) {
    error = fmt::format("cannot read \"{}\": {}", path, size_error.message());
    return std::nullopt;
  }
  if (size > limit) {
    error = fmt::format("file is {} bytes, over the {} byte limit; it was not checked", size, limit);
    return std::string();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = fmt::format("cannot read \"{}\": {}", path, std::strerror(errno));
    return std::nullopt;
  }
  std::string bytes(static_cast<std::size_t>(size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  return bytes;
}

bool looks_binary(std::string_view bytes) {
  return bytes.substr(0, 8192).find('\0') != std::string_view::npos;
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
  const int first = std::max(1, diagnostic.start.column - kBefore);
  const std::size_t begin = advance(0, first - 1);
  const std::size_t end = advance(begin, kWidth);
  excerpt.line = std::string(text.substr(begin, end - begin));
  excerpt.first_column = first;
  excerpt.cut_before = begin > 0;
  excerpt.cut_after = end < text.size();
  return excerpt;
}

FileResult lint_one(const Target& target, const LintOptions& options, const LintContext& context,
                    ConfigResolver& resolver,
                    const std::string* stdin_text, bool& io_error, bool& checked) {
  FileResult result;
  result.path = target.path;
  auto file_finding = [&](const char* rule, Severity severity, std::string message) {
    const SourceFile nothing(target.path, std::string());
    result.diagnostics.push_back(make_diagnostic(nothing, rule, severity, {0, 0}, std::move(message)));
    result.excerpts.push_back({{}, {}, 1});
  };
  if (target.error) {
    file_finding(kIoErrorRule, Severity::Error, *target.error);
    io_error = true;
    return result;
  }
  std::string bytes;
  if (target.from_stdin) {
    bytes = *stdin_text;
  } else if (target.from_index) {
    bytes = git_staged_content(target.path);
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
  if (looks_binary(bytes)) {
    file_finding("binary-file", Severity::Warning, "binary file skipped: it is not a text article");
    return result;
  }
  const fs::path config_anchor = target.from_stdin ? fs::current_path() / target.path : fs::path(target.path);
  if (!target.from_stdin && resolver.ignored(config_anchor)) return result;
  const std::shared_ptr<const Linter> linter = resolver.linter_for(config_anchor);
  auto source = std::make_shared<SourceFile>(target.path, std::move(bytes));
  const Document document = parse(source, format_for_path(target.path).value_or(Format::PlainText),
                                  resolver.reader_options_for(config_anchor));
  result.diagnostics = linter->lint(document, context);
  for (const Diagnostic& diagnostic : result.diagnostics) {
    result.excerpts.push_back(excerpt_of(*source, diagnostic));
  }
  checked = true;
  return result;
}

// Drops findings on lines the change did not touch; findings about the
// file itself (unreadable, too large) stay.
void keep_changed_lines(const std::string& revision, LintRun& run) {
  const std::map<std::string, std::set<int>> changed = git_changed_lines(revision);
  for (FileResult& file : run.files) {
    const auto lines = changed.find(fs::path(file.path).lexically_normal().generic_string());
    filter_findings(file, [&](std::size_t i) {
      const Diagnostic& d = file.diagnostics[i];
      if (d.rule == kIoErrorRule || d.rule == "file-too-large") return true;
      return lines != changed.end() && lines->second.count(d.start.line) > 0;
    });
  }
}

}  // namespace

LintRun lint_paths(const LintOptions& options, StdinReader read_stdin) {
  auto resolver = ConfigResolver::create(options.config);
  LintRun run;
  const std::vector<Target> targets = collect_targets(options, *resolver, run.notices);
  std::optional<std::string> stdin_text;
  if (std::any_of(targets.begin(), targets.end(), [](const Target& t) { return t.from_stdin; })) {
    stdin_text = read_stdin();
  }
  run.files.resize(targets.size());
  std::vector<char> io_errors(targets.size(), 0);
  std::vector<char> checked(targets.size(), 0);
  const std::size_t threads = options.jobs > 0 ? static_cast<std::size_t>(options.jobs)
                                               : std::max(1u, std::thread::hardware_concurrency());
  // Threads left over when there are fewer files than threads (a pre-commit
  // hook's one article) share each file's rules instead.
  LintContext context = options.context;
  context.rule_threads = static_cast<int>(std::max<std::size_t>(1, threads / std::max<std::size_t>(targets.size(), 1)));
  // The one-pass scan's larger automaton is faster once warm but takes
  // longer to compile and warm up (a few ms for one article, about 0.15 s
  // over 4,480 real articles): worth it from about 100 MB of articles on.
  constexpr std::uintmax_t kSharedScanFromBytes = 100'000'000;
  std::uintmax_t bytes = 0;
  for (const Target& target : targets) {
    if (target.error || target.from_stdin || target.from_index) continue;
    std::error_code error;  // the read reports it
    const std::uintmax_t size = fs::file_size(target.path, error);
    if (!error) bytes += size;
  }
  context.shared_pattern_scan = bytes >= kSharedScanFromBytes;
  run_in_parallel(targets.size(), threads, [&](std::size_t i) {
    bool io_error = false;
    bool was_checked = false;
    run.files[i] = lint_one(targets[i], options, context, *resolver, stdin_text ? &*stdin_text : nullptr, io_error,
                            was_checked);
    io_errors[i] = io_error;
    checked[i] = was_checked;
  });
  for (std::size_t i = 0; i < targets.size(); ++i) {
    run.io_error = run.io_error || io_errors[i];
    run.files_checked += checked[i];
  }
  std::stable_sort(run.files.begin(), run.files.end(),
                   [](const FileResult& a, const FileResult& b) { return a.path < b.path; });
  if (options.changed_since && options.only_changed_lines) keep_changed_lines(*options.changed_since, run);
  if (options.baseline) apply_baseline(*options.baseline, run);
  return run;
}

}  // namespace medlint
