// The git gate: which articles a change puts in question (--changed-since,
// --new-since, --staged), and for --new-since what the change itself
// introduced, judged against the merge base's articles and configuration.
#include <algorithm>
#include <cstdlib>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <fstream>
#include <map>
#include <set>
#include <unistd.h>

#include "lint/filter_findings.h"
#include "lint/targets.h"
#include "medlint/fingerprint.h"
#include "medlint/parse.h"
#include "rules/suppressions.h"

namespace medlint {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kConfigName = ".medlint.yaml";

fs::path absolute_normal(const fs::path& path) { return fs::absolute(path).lexically_normal(); }

bool is_config_file(const std::string& path) { return fs::path(path).filename() == kConfigName; }

// Whether `file` is one of `sources` or lies in one (a folder of packs).
bool within(const fs::path& file, const std::vector<fs::path>& sources) {
  return std::any_of(sources.begin(), sources.end(), [&](const fs::path& source) {
    const fs::path relative = file.lexically_relative(source);
    return !relative.empty() && *relative.begin() != "..";
  });
}

// Loads each configuration file the change adds or edits: one that does
// not load is an error even when no article changed under it.
void load_changed_configs(const std::vector<GitChange>& changes) {
  for (const GitChange& change : changes) {
    if (change.status != 'D' && is_config_file(change.path)) ConfigResolver::create(fs::path(change.path));
  }
}

// Whether the change edits what decides the findings of other articles: a
// configuration file (added, edited or removed), or a rule pack or baseline
// that an article under `paths` is checked with.
bool configuration_changed(const std::vector<GitChange>& changes, const LintOptions& options,
                           ConfigResolver& resolver, const std::vector<Target>& articles) {
  std::vector<fs::path> changed;
  for (const GitChange& change : changes) {
    if (is_config_file(change.path) || is_config_file(change.old_path)) return true;
    changed.push_back(absolute_normal(change.path));
    changed.push_back(absolute_normal(change.old_path));
  }
  std::vector<fs::path> in_use;
  if (options.baseline) in_use.push_back(absolute_normal(*options.baseline));
  std::set<std::string> seen;
  for (const Target& article : articles) {
    if (article.error() || article.from_stdin()) continue;
    const std::shared_ptr<const ConfigSource> config = resolver.config_of(article.path);
    if (!seen.insert(config->path).second) continue;
    in_use.insert(in_use.end(), config->files.begin(), config->files.end());
    if (config->baseline) in_use.push_back(*config->baseline);
  }
  return std::any_of(changed.begin(), changed.end(), [&](const fs::path& file) { return within(file, in_use); });
}

// The changed article files under the given paths (articles as a walk
// finds them: `include`, the article extensions, no project files).
std::vector<Target> changed_articles(const std::vector<GitChange>& changes, const LintOptions& options,
                                     const std::vector<Glob>& excludes, ConfigResolver& resolver) {
  const std::optional<fs::path> repository = git_repository_root();
  std::vector<Target> targets;
  for (const GitChange& change : changes) {
    if (change.status == 'D' || !under_any(change.path, options.paths) || excluded(excludes, change.path) ||
        not_an_article(change.path, resolver.included(change.path))) {
      continue;
    }
    Target target{.path = change.path};
    if (options.staged) {
      target.source = std::make_shared<TargetSource>(TargetSource{.staged = change});
    } else {
      std::error_code error;
      const fs::path real = fs::canonical(change.path, error);
      if (error) continue;  // gone from the working tree
      if (change.symlink && repository && !within(real, {fs::canonical(*repository, error)})) {
        target = Target::failed(change.path, "a symbolic link to a file outside the repository; it was not checked");
      }
    }
    targets.push_back(std::move(target));
  }
  std::sort(targets.begin(), targets.end(), [](const Target& a, const Target& b) { return a.path < b.path; });
  return targets;
}

// Drops findings on lines the change did not touch; findings about the
// file itself (unreadable, too large) stay.
void keep_changed_lines(const std::string& commit, std::vector<LintedFile>& files) {
  for (LintedFile& linted : files) {
    FileResult& file = linted.result;
    if (file.diagnostics.empty()) continue;
    const std::set<int> lines = git_changed_lines(commit, file.path);
    filter_findings(file, [&](std::size_t i) {
      const Diagnostic& d = file.diagnostics[i];
      return d.rule == kIoErrorRule || d.rule == "file-too-large" || lines.count(d.start.line) > 0;
    });
  }
}

// A private folder holding the configuration files (every YAML file) of a
// commit, so its configuration is read exactly as the working tree's is;
// removed with the run. Nothing is checked out.
class Snapshot {
 public:
  Snapshot() {
    std::string pattern = (fs::temp_directory_path() / "medlint-base-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw UsageError("cannot create a temporary folder for the merge base's files");
    root_ = pattern;
  }
  ~Snapshot() {
    std::error_code error;
    fs::remove_all(root_, error);
  }
  Snapshot(const Snapshot&) = delete;
  Snapshot& operator=(const Snapshot&) = delete;

  const fs::path& root() const { return root_; }
  void write(const std::string& repository_path, const std::string& bytes) const {
    const fs::path file = root_ / repository_path;
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << bytes;
  }

 private:
  fs::path root_;
};

bool is_yaml(const std::string& path) {
  const fs::path extension = fs::path(path).extension();
  return extension == ".yaml" || extension == ".yml";
}

// The articles of `head` as they were at `commit` (following renames), each
// named by its path now and configured by that commit's configuration.
struct BaseSide {
  std::vector<Target> targets;
  std::vector<std::size_t> head_index;  // of each base target
  std::vector<fs::path> anchors;        // per head target: where its configuration was at the base
  std::optional<fs::path> explicit_config;
};

BaseSide read_base(const std::string& commit, const std::vector<Target>& head, const std::vector<GitChange>& changes,
                   const LintOptions& options, const Snapshot& snapshot) {
  const fs::path repository = *git_repository_root();
  std::string prefix = run_git({"rev-parse", "--show-prefix"});
  while (!prefix.empty() && prefix.back() == '\n') prefix.pop_back();
  std::map<std::string, std::string> renamed_from;
  for (const GitChange& change : changes) {
    if (change.status == 'R') renamed_from[change.path] = change.old_path;
  }
  std::map<std::string, GitTreeFile> tree;
  for (GitTreeFile& file : git_tree(commit)) tree.emplace(file.path, std::move(file));
  const auto repository_path = [&](const std::string& relative) {
    return fs::path(prefix + relative).lexically_normal().generic_string();
  };

  BaseSide base;
  std::vector<std::string> blobs;
  std::vector<std::string> config_paths;
  for (const auto& [path, file] : tree) {
    if (is_yaml(path) && !file.symlink) {
      config_paths.push_back(path);
      blobs.push_back(file.blob);
    }
  }
  for (std::size_t i = 0; i < head.size(); ++i) {
    const auto renamed = renamed_from.find(head[i].path);
    const std::string path = repository_path(renamed != renamed_from.end() ? renamed->second : head[i].path);
    base.anchors.push_back(snapshot.root() / repository_path(head[i].path));
    const auto found = tree.find(path);
    if (head[i].error() || found == tree.end() || found->second.symlink) continue;
    Target target{.path = head[i].path};
    target.source = std::make_shared<TargetSource>(TargetSource{.config_anchor = snapshot.root() / path});
    base.targets.push_back(std::move(target));
    base.head_index.push_back(i);
    blobs.push_back(found->second.blob);
  }
  std::vector<std::string> contents = git_blobs(blobs);
  for (std::size_t i = 0; i < config_paths.size(); ++i) snapshot.write(config_paths[i], contents[i]);
  for (std::size_t i = 0; i < base.targets.size(); ++i) base.targets[i].source->content = std::move(contents[config_paths.size() + i]);
  if (options.config) {
    const fs::path relative = absolute_normal(*options.config).lexically_relative(repository);
    const bool in_base = !relative.empty() && *relative.begin() != ".." && tree.count(relative.generic_string());
    base.explicit_config = in_base ? snapshot.root() / relative : *options.config;
  }
  return base;
}

// Keeps the findings of `head` that `base` (the same file at the merge base,
// or none) does not have. A suppression the change added is reported as
// `new-suppression`; suppressions that were there already are not.
void keep_new_findings(FileResult& head, const FileResult* base) {
  std::set<std::string> before;
  if (base) {
    for (std::string& print : fingerprints(*base, head.path)) before.insert(std::move(print));
  }
  const std::vector<std::string> now = fingerprints(head);
  filter_findings(head, [&](std::size_t i) { return !before.count(now[i]); });
  for (Diagnostic& diagnostic : head.diagnostics) {
    if (diagnostic.rule != kSuppressionRule) continue;
    diagnostic.rule = kNewSuppressionRule;
    diagnostic.severity = Severity::Warning;
    diagnostic.message = "this change adds a suppression: " + diagnostic.message;
    diagnostic.suggestion = "a reviewer should agree; remove it to have the finding reported";
  }
}

// What leaves a file out of its configuration's checks: `ignore`, or an
// `include` list that does not name it.
std::optional<std::string_view> left_out_by(ConfigResolver& resolver, const fs::path& file) {
  if (resolver.ignored(file)) return "`ignore`";
  if (resolver.included(file) == false) return "`include`";
  return std::nullopt;
}

// How the configuration of one article got weaker from `base` to `head`:
// "stops checking it", "turns `x` off", "lowers `x` from error to warning",
// "drops rule `x`".
std::vector<std::string> weakenings(ConfigResolver& head, const fs::path& head_file, ConfigResolver& base,
                                    const fs::path& base_file) {
  if (const auto left_out = left_out_by(head, head_file)) {
    if (left_out_by(base, base_file)) return {};
    return {fmt::format("stops checking it ({})", *left_out)};
  }
  const std::vector<RuleDescription> now = head.rules_for(head_file);
  std::vector<std::string> changes;
  for (const RuleDescription& before : base.rules_for(base_file)) {
    if (!before.enabled) continue;
    const auto rule = std::find_if(now.begin(), now.end(), [&](const RuleDescription& r) { return r.id == before.id; });
    if (rule == now.end()) {
      changes.push_back(fmt::format("drops rule `{}` (from the packs it extends)", before.id));
    } else if (!rule->enabled) {
      changes.push_back(fmt::format("turns `{}` off", before.id));
    } else if (rule->severity < before.severity) {
      changes.push_back(fmt::format("lowers `{}` from {} to {}", before.id, to_string(before.severity),
                                    to_string(rule->severity)));
    }
  }
  return changes;
}

// One `config-weakened` error per configuration file and kind of weakening,
// naming the articles it affects.
std::vector<FileResult> weakened_configs(const std::vector<Target>& head, ConfigResolver& head_resolver,
                                         const BaseSide& base, ConfigResolver& base_resolver, const Snapshot& snapshot) {
  const fs::path repository = *git_repository_root();
  const fs::path cwd = fs::current_path();
  // The configuration to blame: the article's now, or the base's when the
  // change removed it.
  const auto blamed = [&](std::size_t i) {
    const std::shared_ptr<const ConfigSource> now = head_resolver.config_of(head[i].path);
    fs::path path = now->path;
    if (now->path.empty()) {
      const std::shared_ptr<const ConfigSource> before = base_resolver.config_of(base.anchors[i]);
      if (before->path.empty()) return std::string("medlint:recommended");
      path = repository / fs::path(before->path).lexically_relative(snapshot.root());
    }
    const fs::path relative = absolute_normal(path).lexically_relative(cwd);
    return (relative.empty() ? path : relative).generic_string();
  };
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> articles_by_weakening;
  for (std::size_t i = 0; i < head.size(); ++i) {
    if (head[i].error()) continue;
    for (std::string& change : weakenings(head_resolver, head[i].path, base_resolver, base.anchors[i])) {
      articles_by_weakening[{blamed(i), std::move(change)}].push_back(head[i].path);
    }
  }
  std::map<std::string, FileResult> by_config;
  for (const auto& [key, articles] : articles_by_weakening) {
    const auto& [config, change] = key;
    FileResult& result = by_config[config];
    result.path = config;
    const SourceFile nothing(config, std::string());
    constexpr std::size_t kArticlesNamed = 3;
    std::vector<std::string> named(articles.begin(), articles.begin() + std::min(articles.size(), kArticlesNamed));
    result.diagnostics.push_back(make_diagnostic(
        nothing, kConfigWeakenedRule, Severity::Error, {0, 0},
        fmt::format("this change weakens the checks against the merge base: {} for {} article{} ({}{})", change,
                    articles.size(), articles.size() == 1 ? "" : "s", fmt::join(named, ", "),
                    articles.size() > kArticlesNamed ? ", ..." : ""),
        "a reviewer should agree to it; the gate compares every article's rules with the base's"));
    result.excerpts.push_back({{}, {}, 1});
  }
  std::vector<FileResult> results;
  for (auto& [config, result] : by_config) results.push_back(std::move(result));
  return results;
}

}  // namespace

LintedTargets lint_git_changes(const LintOptions& options, ConfigResolver& resolver) {
  const std::vector<Glob> excludes = exclude_globs(options);
  if (options.staged) {
    const std::vector<GitChange> changes = git_staged_changes();
    load_changed_configs(changes);
    return lint_targets(changed_articles(changes, options, excludes, resolver), options, options.context, resolver,
                        nullptr);
  }
  const std::string& revision = options.new_since ? *options.new_since : *options.changed_since;
  const std::string commit = git_merge_base(revision);
  const std::vector<GitChange> changes = git_changes(commit);
  load_changed_configs(changes);
  std::vector<std::string> notices;
  const std::vector<Target> every_article = walk_paths(options, excludes, resolver, notices, true);
  const std::vector<Target> targets = configuration_changed(changes, options, resolver, every_article)
                                          ? every_article
                                          : changed_articles(changes, options, excludes, resolver);
  LintContext context = options.context;
  context.report_suppressions = context.report_suppressions || options.new_since.has_value();
  LintedTargets head = lint_targets(targets, options, context, resolver, nullptr);
  head.notices = std::move(notices);
  if (!options.new_since) {
    if (options.only_changed_lines) keep_changed_lines(commit, head.files);
    return head;
  }

  const Snapshot snapshot;
  const BaseSide base = read_base(commit, targets, changes, options, snapshot);
  auto base_resolver = ConfigResolver::create(base.explicit_config, snapshot.root());
  std::vector<const FileResult*> before(targets.size(), nullptr);
  LintedTargets at_base;
  std::vector<FileResult> weakened;
  try {
    at_base = lint_targets(base.targets, options, context, *base_resolver, nullptr);
    for (std::size_t i = 0; i < base.targets.size(); ++i) before[base.head_index[i]] = &at_base.files[i].result;
    weakened = weakened_configs(targets, resolver, base, *base_resolver, snapshot);
  } catch (const ConfigError& error) {
    // A change that repairs a broken configuration must be able to pass.
    head.notes.push_back(fmt::format(
        "the merge base's configuration does not load ({}); every finding counts as new", error.what()));
  }
  for (std::size_t i = 0; i < targets.size(); ++i) keep_new_findings(head.files[i].result, before[i]);
  for (FileResult& result : weakened) {
    head.files.push_back({.result = std::move(result)});
  }
  return head;
}

}  // namespace medlint
