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

struct LintOptions {
  std::vector<std::string> paths;     // files and folders; "-" is standard input
  std::vector<std::string> excludes;  // globs, relative to the current folder or matched on names
  std::optional<std::string> stdin_filename;  // reported path and format of "-"
  std::optional<std::filesystem::path> config;
  LintContext context;
  std::size_t max_file_size = 16 * 1024 * 1024;
  int jobs = 0;  // 0: one per hardware thread
  // Lint only article files changed against this git revision (under `paths`).
  std::optional<std::string> changed_since;
  // With changed_since: report only findings on lines the change touched.
  bool only_changed_lines = false;
  // Lint the staged content of staged article files (the pre-commit hook).
  bool staged = false;
  // Findings recorded in this baseline file are not reported.
  std::optional<std::filesystem::path> baseline;
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
  // Files named on the command line that were not checked, and why.
  std::vector<std::string> notices;
};

// A problem with how medlint was asked to run that is not configuration:
// git failing for --changed-since or --staged, an unreadable baseline.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Reads the text of standard input when "-" is among the paths.
using StdinReader = std::string (*)();

// Throws ConfigError for a configuration problem and UsageError for a run
// that cannot start (both exit code 2).
LintRun lint_paths(const LintOptions& options, StdinReader read_stdin);

// Rule ids of findings about reading a file rather than its content.
inline constexpr const char* kIoErrorRule = "io-error";

}  // namespace medlint
