// The pipeline's inner steps, shared by the plain run (pipeline.cpp) and the
// git gate (gate.cpp): finding article files and linting a list of them.
#pragma once
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/glob.h"
#include "lint/git.h"
#include "medlint/lint.h"

namespace medlint {

// What only a few targets have: standard input, a path that could not be
// walked, or a file of the git gate read from elsewhere than the working tree.
struct TargetSource {
  bool from_stdin = false;
  std::optional<std::string> error{};    // a path that could not be walked
  std::optional<GitChange> staged{};     // read this staged blob
  std::optional<std::string> content{};  // already read (from an older commit)
  // Where the configuration is looked up, when not at the file's path (a
  // file of an older commit, written to a private snapshot of that commit's
  // configuration).
  std::optional<std::filesystem::path> config_anchor{};
};

// A file to lint: a path of the working tree (48 bytes, as a walk lists
// many), else its source says where it comes from.
struct Target {
  std::string path{};  // as reported
  std::shared_ptr<TargetSource> source{};

  static Target failed(std::string path, std::string error) {
    return {std::move(path), std::make_shared<TargetSource>(TargetSource{.error = std::move(error)})};
  }
  bool from_stdin() const { return source && source->from_stdin; }
  const std::optional<std::string>& error() const {
    static const std::optional<std::string> none;
    return source ? source->error : none;
  }
};

std::vector<Glob> exclude_globs(const LintOptions& options);
bool excluded(const std::vector<Glob>& excludes, const std::string& path);

// Why a file is not an article, or nullopt when it is one: the
// configuration's `include` decides when it has one (`included`); else the
// article extensions do, leaving out a project's README, CHANGELOG, LICENSE
// and CONTRIBUTING and anything under node_modules.
std::optional<std::string> not_an_article(const std::filesystem::path& path, std::optional<bool> included);

// Article files under `paths` (folders walked in sorted order, leaving out
// what is not an article, what the configuration ignores and what git
// ignores), and "-" for standard input. A file named explicitly that is not
// checked gets a notice saying why. With `keep_configured_out`, articles the
// configuration's `ignore` or `include` leaves out are kept (linting skips
// them; the gate compares them with the merge base).
std::vector<Target> walk_paths(const LintOptions& options, const std::vector<Glob>& excludes, ConfigResolver& resolver,
                               std::vector<std::string>& notices, bool keep_configured_out);

// Whether `file` (relative to the current folder) lies under one of `paths`.
bool under_any(const std::string& file, const std::vector<std::string>& paths);

// One linted file and the configuration that applied to it (none when it
// was not linted: unreadable, or ignored), shared with the other files it
// configures.
struct LintedFile {
  FileResult result;
  std::shared_ptr<const ConfigSource> config;
  bool io_error = false;  // the file could not be read
};

// A run over `targets`, whole: what the gate compares with the merge base.
struct LintedTargets {
  std::vector<LintedFile> files;  // in target order
  std::vector<std::string> notices;
  std::vector<std::string> notes;
};

LintedTargets lint_targets(const std::vector<Target>& targets, const LintOptions& options, const LintContext& context,
                           ConfigResolver& resolver, const std::string* stdin_text);

// The gate's targets and run for --changed-since, --new-since and --staged.
LintedTargets lint_git_changes(const LintOptions& options, ConfigResolver& resolver);

}  // namespace medlint
