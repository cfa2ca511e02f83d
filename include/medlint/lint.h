// Linting many files: walking paths, reading files safely, running each
// file's rules (in parallel), keeping results in a stable order.
#pragma once
#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "medlint/diagnostic.h"
#include "medlint/linter.h"
#include "medlint/source.h"

namespace medlint {

// The most --max-file-size may allow. Offsets inside an article are kept in
// 32 bits (the text's anchors, sentences, line starts) and UTF-8 is decoded
// with 32-bit counts; UTF-16 input grows by half when read as UTF-8.
inline constexpr std::size_t kLargestFileSizeLimit = std::size_t{1} << 30;

struct LintOptions {
  std::vector<std::string> paths;     // files and folders; "-" is standard input
  std::vector<std::string> excludes;  // globs, relative to the current folder or matched on names
  std::optional<std::string> stdin_filename;  // reported path and format of "-"
  std::optional<std::filesystem::path> config;
  LintContext context;
  std::size_t max_file_size = 16 * 1024 * 1024;  // at most kLargestFileSizeLimit
  int jobs = 0;  // 0: one per hardware thread
  // Follow symlinks that lead outside the repository (or the linted folder,
  // outside a repository); without it they are io-error findings.
  bool follow_symlinks = false;
  // Lint only article files changed since the merge base of this git
  // revision and HEAD (under `paths`); every article when a configuration,
  // rule pack or baseline in use changed.
  std::optional<std::string> changed_since;
  // As changed_since, but lint each article at the merge base too and
  // report only findings that are new there (wherever they sit), added
  // suppressions (`new-suppression`) and weakened configuration
  // (`config-weakened`).
  std::optional<std::string> new_since;
  // With changed_since: report only findings on lines the change touched.
  bool only_changed_lines = false;
  // Lint the staged content of staged article files (the pre-commit hook).
  bool staged = false;
  // Findings recorded in this baseline file are not reported (without it,
  // each configuration's `baseline:` applies to the files it configures).
  std::optional<std::filesystem::path> baseline;
  // Off when the run records a new baseline: every finding counts.
  bool apply_baselines = true;
};

// What reports need of the source around one finding. Kept instead of the
// file, so a run's memory grows with its findings, not with the corpus.
struct Excerpt {
  std::string line;       // the finding's first line (a window of it when long), no terminator
  std::string text;       // the finding's own text (empty for whole-file findings)
  int first_column = 1;   // column of the first character of `line`
  int line_end_column = 1;  // column just past the end of the whole line
  bool cut_before = false;  // `line` is a window that starts after the line does
  bool cut_after = false;   // ... or ends before it does
};

struct FileResult {
  std::string path;  // as given or found by walking
  std::vector<Diagnostic> diagnostics;
  std::vector<Excerpt> excerpts;  // one per diagnostic
};

// A baseline entry that no longer occurs: the baseline can shrink.
struct FixedFinding {
  std::string path;
  std::string rule;
  std::string message;
};

struct LintRun {
  std::vector<FileResult> files;  // sorted by path
  int files_checked = 0;           // files parsed and linted
  bool io_error = false;           // a path was missing or unreadable
  int baseline_suppressed = 0;     // findings hidden because the baseline has them
  std::vector<FixedFinding> baseline_fixed;
  // The configuration files the linted articles used, sorted; the
  // built-in defaults are named by their pack, `medlint:recommended`.
  std::vector<std::string> configs;
  // What the user should know that is not a finding (standard error).
  std::vector<std::string> notes;
  // Files named on the command line that were not checked, and why
  // (standard error, as `medlint: notice: ...`).
  std::vector<std::string> notices;
};

// A problem with how medlint was asked to run that is not configuration:
// git failing for --changed-since or --staged, an unreadable baseline.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Reads the text of standard input when "-" is among the paths: at most
// `limit` + 1 bytes (more than `limit` is a file-too-large finding).
using StdinReader = std::string (*)(std::size_t limit);

// Receives a run's files as they are linted, in path order (the order of
// LintRun::files), so a run holds only the few files finished ahead of
// their turn, not every file's findings until its end.
class FileListener {
 public:
  virtual ~FileListener() = default;
  // Once, before the first file: `run` has its notices and notes, no files.
  virtual void started(const LintRun& run) = 0;
  // Each file, baselines applied.
  virtual void file(const FileResult& file) = 0;
};

// Throws ConfigError for a configuration problem and UsageError for a run
// that cannot start (both exit code 2).
LintRun lint_paths(const LintOptions& options, StdinReader read_stdin);
// The same with the caller's resolver (made from options.config), so the
// caller decides how long the compiled packs live.
LintRun lint_paths(const LintOptions& options, StdinReader read_stdin, ConfigResolver& resolver);
// The same handing each file to `listener` as it is linted: the run
// returned has every total but no files.
LintRun lint_paths(const LintOptions& options, StdinReader read_stdin, ConfigResolver& resolver,
                   FileListener& listener);

// Rule ids of findings about reading a file rather than its content.
inline constexpr const char* kIoErrorRule = "io-error";
// Rule ids of what --new-since finds in the change itself.
inline constexpr const char* kNewSuppressionRule = "new-suppression";
inline constexpr const char* kConfigWeakenedRule = "config-weakened";

}  // namespace medlint
