// Configuration and the compiled rule set that lints Documents.
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "medlint/diagnostic.h"
#include "medlint/document.h"
#include "medlint/parse.h"

namespace medlint {

// A configuration or rule pack error: exit code 2, naming file, line and column.
class ConfigError : public std::runtime_error {
 public:
  ConfigError(std::string path, Position position, const std::string& message);
  const std::string& path() const { return path_; }
  Position position() const { return position_; }

 private:
  std::string path_;
  Position position_;
};

struct LintContext {
  std::chrono::year_month_day today;
  // Report suppression comments that suppress nothing (`unused-disable`).
  bool report_unused_disables = false;
  // Honour suppression comments and front-matter `disable` (off: every
  // finding is reported, as a gate that contributors cannot switch off).
  bool inline_config = true;
  // Report each suppression that hides a finding (`suppression`, info).
  bool report_suppressions = false;
  // Threads one document's rules may share (the results do not depend on it).
  int rule_threads = 1;
};

// The rules that apply to one file, compiled once and reused for every file
// they apply to. Thread-safe: lint() may run on many Documents at once.
class Linter {
 public:
  virtual ~Linter() = default;
  virtual std::vector<Diagnostic> lint(const Document& document, const LintContext& context) const = 0;
};

// A rule as `medlint rules` lists it.
struct RuleDescription {
  std::string id;
  std::string kind;
  Severity severity = Severity::Error;
  std::string summary;
  bool enabled = true;  // false when the configuration turns it off
};

// Where a file's configuration comes from.
struct ConfigSource {
  std::string path;  // the .medlint.yaml or --config file as given or found; empty for the built-in defaults
  // The files it was read from (itself and its rule packs, files or folders), absolute.
  std::vector<std::filesystem::path> files;
  std::optional<std::filesystem::path> baseline;  // its `baseline:`, absolute
};

// Finds the configuration of each file (--config, else the nearest
// .medlint.yaml walking up from the file's folder but never above the
// repository root, else the recommended pack) and hands out its compiled
// Linter. Compilation happens once per distinct configuration per run.
class ConfigResolver {
 public:
  virtual ~ConfigResolver() = default;
  // `discovery_root`: the folder discovery stops at; without it, the first
  // folder walking up that holds `.git` (a repository's root).
  static std::unique_ptr<ConfigResolver> create(std::optional<std::filesystem::path> explicit_config,
                                                std::optional<std::filesystem::path> discovery_root = std::nullopt);

  // Throws ConfigError.
  virtual std::shared_ptr<const Linter> linter_for(const std::filesystem::path& file) = 0;
  // Whether the file's configuration `ignore:`s it (the last matching
  // glob decides; "!glob" takes files back).
  virtual bool ignored(const std::filesystem::path& file) = 0;
  // Whether the file's configuration `include:`s it; nullopt when it has no
  // `include` list (the default article extensions apply).
  virtual std::optional<bool> included(const std::filesystem::path& file) = 0;
  // What the file's configuration tells the readers (front matter `fields`).
  virtual ReaderOptions reader_options_for(const std::filesystem::path& file) = 0;
  // The rules of the packs a file's configuration uses, with the
  // severities it and the `overrides` matching the file set.
  virtual std::vector<RuleDescription> rules_for(const std::filesystem::path& file) = 0;
  // The configuration that applies to the file, shared by every file it
  // configures. Throws ConfigError.
  virtual std::shared_ptr<const ConfigSource> config_of(const std::filesystem::path& file) = 0;
};

// Where the patterns of rule packs other than the shipped ones, compiled
// into one Hyperscan database, are kept between runs, by a hash of the
// patterns (`--cache-dir`); nowhere by default, so each run compiles them
// once. The shipped packs' database is compiled into the binary.
void set_pattern_cache_dir(std::optional<std::filesystem::path> dir);

// The rules of the shipped recommended pack.
std::vector<RuleDescription> recommended_rules();
// The commented starter configuration `medlint init` writes.
std::optional<std::string> starter_config();
// The doc page of a shipped rule (docs/rules/RULE.md), if there is one.
std::optional<std::string> rule_documentation(std::string_view rule_id);
// Where that doc page is published (the project's repository), if there is one.
std::optional<std::string> rule_documentation_url(std::string_view rule_id);

}  // namespace medlint
