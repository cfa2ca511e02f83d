// Project configuration (.medlint.yaml) and the compiled rule sets it yields.
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <mutex>
#include <sstream>

#include "core/closest.h"
#include "core/glob.h"
#include "core/parallel.h"
#include "medlint/linter.h"
#include "rules/lexicon.h"
#include "rules/options.h"
#include "rules/packs.h"
#include "rules/suppressions.h"

namespace medlint {

ConfigError::ConfigError(std::string path, Position position, const std::string& message)
    : std::runtime_error(fmt::format("{}:{}:{}: {}", path, position.line, position.column, message)),
      path_(std::move(path)),
      position_(position) {}

namespace {

namespace fs = std::filesystem;

constexpr std::string_view kConfigName = ".medlint.yaml";

struct RuleSetting {
  bool off = false;
  std::optional<Severity> severity;
  YAML::Node options;  // option keys to override, a map (may be undefined)
};

using RuleSettings = std::map<std::string, RuleSetting>;

struct Override {
  std::vector<Glob> files;
  RuleSettings rules;
};

struct ConfigFile {
  std::string path;  // as shown in errors; empty for the built-in default
  fs::path base;     // globs are relative to this directory
  std::vector<fs::path> files;  // read to build it: itself and its packs (absolute)
  std::optional<fs::path> baseline;
  RulePack pack;
  Locale locale;
  RuleSettings rules;
  std::vector<Glob> ignore;
  std::vector<Override> overrides;
};

Locale read_locale(const Options& options) {
  Locale locale;
  locale.tag = options.choice("locale", "en-US", {"en-US", "en-GB", "en-IE", "en-AU", "en-NZ", "en-CA", "en-IN", "en-ZA"});
  // Canada writes both orders; the US reading is the common default there.
  locale.date_order = locale.tag == "en-US" || locale.tag == "en-CA" ? DateOrder::MonthDayYear : DateOrder::DayMonthYear;
  return locale;
}

void merge_pack(RulePack& into, RulePack from, const std::string& path, const YAML::Node& where) {
  for (RuleSpec& rule : from.rules) {
    for (const RuleSpec& existing : into.rules) {
      if (existing.info.id == rule.info.id) {
        throw config_error(path, where, fmt::format("rule `{}` comes from two packs ({} and {})", rule.info.id,
                                                    existing.path, rule.path));
      }
    }
    into.rules.push_back(std::move(rule));
  }
  for (auto& [name, cue_set] : from.cue_sets) into.cue_sets[name] = std::move(cue_set);
  for (auto& [name, definitions] : from.word_classes) {
    auto& merged = into.word_classes[name];
    merged.insert(merged.end(), definitions.begin(), definitions.end());
  }
  for (auto& [name, model] : from.models) into.models[name] = std::move(model);
}

RuleSettings read_rule_settings(const Options& options, const std::string& key, const RulePack& pack) {
  RuleSettings settings;
  const YAML::Node rules = options.node(key);
  if (!rules || rules.IsNull()) return settings;
  if (!rules.IsMap()) throw options.error(rules, "`rules` must map rule ids to off, info, warning, error or a map");
  for (const auto& entry : rules) {
    const std::string id = entry.first.as<std::string>("");
    const auto known = std::find_if(pack.rules.begin(), pack.rules.end(), [&](const RuleSpec& s) { return s.info.id == id; });
    if (known == pack.rules.end()) {
      std::vector<std::string_view> ids;
      for (const RuleSpec& spec : pack.rules) ids.push_back(spec.info.id);
      throw options.error(entry.first,
                          fmt::format("unknown rule `{}`{}; `medlint rules` lists the rules", id, did_you_mean(id, ids)));
    }
    RuleSetting setting;
    const YAML::Node& value = entry.second;
    const auto read_level = [&](const YAML::Node& node) {
      const std::string level = node.as<std::string>("");
      if (level == "off") {
        setting.off = true;
      } else if (auto severity = parse_severity(level)) {
        setting.severity = severity;
      } else {
        throw options.error(node, fmt::format("rule `{}`: expected off, info, warning or error, got \"{}\"{}", id, level,
                                              did_you_mean(level, {"off", "info", "warning", "error"})));
      }
    };
    if (value.IsScalar()) {
      read_level(value);
    } else if (value.IsMap()) {
      setting.options = YAML::Node(YAML::NodeType::Map);
      for (const auto& option : value) {
        const std::string name = option.first.as<std::string>("");
        if (name == "severity") {
          read_level(option.second);
        } else {
          setting.options[name] = option.second;
        }
      }
    } else {
      throw options.error(value, fmt::format("rule `{}`: expected off, info, warning, error or a map of options", id));
    }
    settings[id] = std::move(setting);
  }
  return settings;
}

std::vector<Glob> read_globs(const Options& options, const std::string& key) {
  std::vector<Glob> globs;
  for (const std::string& pattern : options.strings(key)) globs.emplace_back(pattern);
  return globs;
}

ConfigFile default_config() {
  ConfigFile config;
  config.base = fs::current_path().lexically_normal();
  config.pack = load_shipped_pack(kRecommendedPack, "", YAML::Node());
  return config;
}

ConfigFile read_config_file(const fs::path& file) {
  ConfigFile config;
  config.path = file.string();
  config.base = fs::absolute(file).parent_path().lexically_normal();
  std::ifstream in(file, std::ios::binary);
  if (!in) throw ConfigError(config.path, {1, 1}, "cannot read the configuration file");
  std::ostringstream text;
  text << in.rdbuf();
  YAML::Node root;
  try {
    root = YAML::Load(text.str());
  } catch (const YAML::ParserException& error) {
    throw ConfigError(config.path, {error.mark.line + 1, error.mark.column + 1}, fmt::format("invalid YAML: {}", error.msg));
  }
  if (root.IsNull()) root = YAML::Node(YAML::NodeType::Map);
  const Options options(root, config.path, "the configuration");
  options.allow_only({"extends", "rules", "ignore", "overrides", "locale", "baseline"});
  config.files.push_back(fs::absolute(file).lexically_normal());
  config.locale = read_locale(options);
  if (options.has("baseline")) config.baseline = (config.base / options.string("baseline", "")).lexically_normal();
  const YAML::Node extends = options.node("extends");
  const std::vector<std::string> packs =
      options.has("extends") ? options.strings("extends") : std::vector<std::string>{std::string(kRecommendedPack)};
  for (const std::string& pack : packs) {
    const bool shipped = pack.starts_with("medlint:");
    if (!shipped) config.files.push_back((config.base / pack).lexically_normal());
    RulePack loaded = shipped ? load_shipped_pack(pack, config.path, extends)
                              : load_pack_path((config.base / pack).string(), config.path, extends);
    merge_pack(config.pack, std::move(loaded), config.path, extends);
  }
  config.rules = read_rule_settings(options, "rules", config.pack);
  config.ignore = read_globs(options, "ignore");
  if (const YAML::Node overrides = options.node("overrides")) {
    if (!overrides.IsSequence()) throw options.error(overrides, "`overrides` must be a list of {files, rules}");
    for (const auto& node : overrides) {
      const Options entry(node, config.path, "an override");
      entry.allow_only({"files", "rules"});
      if (!entry.has("files")) throw entry.error(node, "an override needs `files`: globs of the files it applies to");
      config.overrides.push_back({read_globs(entry, "files"), read_rule_settings(entry, "rules", config.pack)});
    }
  }
  return config;
}

// The patterns every rule scans the prose for, found in one pass.
SharedPatternScan shared_scan(const std::vector<std::unique_ptr<Rule>>& rules) {
  std::vector<const PhraseSet*> sets;
  for (const auto& rule : rules) {
    for (const Lexicon* lexicon : rule->scanned_lexicons()) sets.push_back(&lexicon->phrase_set());
  }
  return SharedPatternScan(sets);
}

class RuleSetLinter final : public Linter {
 public:
  explicit RuleSetLinter(std::vector<std::unique_ptr<Rule>> rules)
      : rules_(std::move(rules)), scan_(shared_scan(rules_)) {
    for (const auto& rule : rules_) rule_ids_.push_back(rule->info().id);
  }

  std::vector<Diagnostic> lint(const Document& document, const LintContext& context) const override {
    std::vector<Diagnostic> findings = document.problems;
    // An empty file, or one whose front matter cannot be read, gets its one
    // clear problem rather than every rule misreading what is missing.
    const bool unreadable = std::any_of(findings.begin(), findings.end(), [](const Diagnostic& problem) {
      return problem.rule == "empty-file" || problem.rule == "front-matter";
    });
    if (!unreadable) {
      const PatternHits hits = context.shared_pattern_scan ? scan_.run(document.text().folded()) : PatternHits{};
      const RuleContext rule_context{document, context.today, &hits};
      // Each rule fills its own list, joined in rule order: the same
      // findings however many threads ran them.
      std::vector<std::vector<Diagnostic>> by_rule(rules_.size());
      run_in_parallel(rules_.size(), static_cast<std::size_t>(std::max(1, context.rule_threads)),
                      [&](std::size_t i) { rules_[i]->check(rule_context, by_rule[i]); });
      for (auto& found : by_rule) findings.insert(findings.end(), found.begin(), found.end());
    }
    if (context.inline_config) {
      findings = apply_suppressions(document, std::move(findings), rule_ids_, context.report_unused_disables,
                                    context.report_suppressions);
    }
    std::sort(findings.begin(), findings.end(), diagnostic_less);
    return findings;
  }

 private:
  std::vector<std::unique_ptr<Rule>> rules_;
  std::vector<std::string_view> rule_ids_;  // views of rules_' ids
  SharedPatternScan scan_;
};

void apply(const RuleSettings& settings, std::map<std::string, RuleSetting>& into) {
  for (const auto& [id, setting] : settings) {
    RuleSetting& merged = into[id];
    merged.off = setting.off || (merged.off && !setting.severity);
    if (setting.severity) merged.severity = setting.severity;
    if (setting.options && setting.options.IsMap()) {
      if (!merged.options || !merged.options.IsMap()) merged.options = YAML::Node(YAML::NodeType::Map);
      for (const auto& option : setting.options) merged.options[option.first.as<std::string>()] = option.second;
    }
  }
}

std::shared_ptr<const Linter> compile(const ConfigFile& config, const RuleSettings& settings) {
  RuleBuildContext context;
  context.locale = config.locale;
  context.cue_sets = config.pack.cue_sets;
  context.word_classes = config.pack.word_classes;
  context.models = config.pack.models;
  std::vector<std::unique_ptr<Rule>> rules;
  for (const RuleSpec& spec : config.pack.rules) {
    RuleInfo info = spec.info;
    YAML::Node options = spec.options;
    context.config_path = spec.path;
    if (const auto found = settings.find(spec.info.id); found != settings.end()) {
      if (found->second.off) continue;
      if (found->second.severity) info.severity = *found->second.severity;
      if (found->second.options && found->second.options.IsMap()) {
        options = spec.options && spec.options.IsMap() ? YAML::Clone(spec.options) : YAML::Node(YAML::NodeType::Map);
        for (const auto& option : found->second.options) options[option.first.as<std::string>()] = option.second;
        context.config_path = config.path;
      }
    }
    rules.push_back(find_rule_kind(info.kind)->factory(std::move(info), options, context));
  }
  return std::make_shared<RuleSetLinter>(std::move(rules));
}

// `file` (absolute) relative to the folder `base`, '/'-separated, for globs.
std::string relative_to(const fs::path& file, const fs::path& base) {
  return file.lexically_relative(base).generic_string();
}

class FileConfigResolver final : public ConfigResolver {
 public:
  FileConfigResolver(std::optional<fs::path> explicit_config, std::optional<fs::path> discovery_root)
      : cwd_(fs::current_path()) {
    if (discovery_root) discovery_root_ = absolute(*discovery_root);
    if (explicit_config) explicit_ = load(*explicit_config);
  }

  std::shared_ptr<const Linter> linter_for(const fs::path& relative_file) override {
    const fs::path file = absolute(relative_file);
    std::lock_guard lock(mutex_);
    const auto& config = config_for(file);
    std::string key;
    const RuleSettings settings = settings_for(*config, file, &key);
    auto& linter = config->linters[key];
    if (!linter) linter = compile(config->config, settings);
    return linter;
  }

  std::vector<RuleDescription> rules_for(const fs::path& relative_file) override {
    const fs::path file = absolute(relative_file);
    std::lock_guard lock(mutex_);
    const auto& config = config_for(file);
    const RuleSettings settings = settings_for(*config, file, nullptr);
    std::vector<RuleDescription> rules;
    for (const RuleSpec& spec : config->config.pack.rules) {
      RuleDescription rule{spec.info.id, spec.info.kind, spec.info.severity, spec.info.summary, true};
      if (const auto found = settings.find(spec.info.id); found != settings.end()) {
        rule.enabled = !found->second.off;
        if (found->second.severity) rule.severity = *found->second.severity;
      }
      rules.push_back(std::move(rule));
    }
    return rules;
  }

  ConfigSource config_of(const fs::path& relative_file) override {
    const fs::path file = absolute(relative_file);
    std::lock_guard lock(mutex_);
    const ConfigFile& config = config_for(file)->config;
    return {config.path, config.files, config.baseline};
  }

  bool ignored(const fs::path& relative_file) override {
    const fs::path file = absolute(relative_file);
    std::lock_guard lock(mutex_);
    const auto& config = config_for(file);
    const std::string relative = relative_to(file, config->config.base);
    return std::any_of(config->config.ignore.begin(), config->config.ignore.end(),
                       [&](const Glob& glob) { return glob.matches(relative); });
  }

 private:
  struct Loaded {
    ConfigFile config;
    std::map<std::string, std::shared_ptr<const Linter>> linters;  // by the set of overrides applied
  };

  // The rule settings of `file` (absolute): the configuration's, then each
  // override matching it. `key` names the overrides applied.
  static RuleSettings settings_for(const Loaded& loaded, const fs::path& file, std::string* key) {
    const std::string relative = relative_to(file, loaded.config.base);
    RuleSettings settings = loaded.config.rules;
    for (std::size_t i = 0; i < loaded.config.overrides.size(); ++i) {
      const Override& override_entry = loaded.config.overrides[i];
      if (std::any_of(override_entry.files.begin(), override_entry.files.end(),
                      [&](const Glob& glob) { return glob.matches(relative); })) {
        if (key) *key += fmt::format("{},", i);
        apply(override_entry.rules, settings);
      }
    }
    return settings;
  }

  // Whether discovery stops at `dir` (after looking in it).
  bool discovery_stops_at(const fs::path& dir) const {
    if (discovery_root_) return dir == *discovery_root_;
    std::error_code error;
    return fs::exists(dir / ".git", error);
  }

  std::shared_ptr<Loaded> load(const fs::path& path) {
    auto loaded = std::make_shared<Loaded>();
    loaded->config = read_config_file(path);
    // Compile the base rule set now, so configuration errors surface at once.
    loaded->linters[""] = compile(loaded->config, loaded->config.rules);
    return loaded;
  }

  // Absolute and normal, from the working folder read once (no getcwd per file).
  fs::path absolute(const fs::path& file) const {
    return (file.is_absolute() ? file : cwd_ / file).lexically_normal();
  }

  // --config, else the nearest .medlint.yaml walking up from the file's
  // folder to the discovery root, else the recommended pack. `file` is
  // absolute. A configuration above the repository is someone else's.
  const std::shared_ptr<Loaded>& config_for(const fs::path& file) {
    if (explicit_) return explicit_;
    std::error_code error;
    fs::path dir = file.parent_path();
    std::vector<fs::path> visited;
    const std::shared_ptr<Loaded>* found = nullptr;
    for (;;) {
      if (auto cached = by_directory_.find(dir); cached != by_directory_.end()) {
        found = &cached->second;
        break;
      }
      visited.push_back(dir);
      const fs::path candidate = dir / kConfigName;
      if (fs::is_regular_file(candidate, error)) {
        found = &(by_directory_[dir] = load(candidate));
        break;
      }
      if (discovery_stops_at(dir) || !dir.has_parent_path() || dir.parent_path() == dir) break;
      dir = dir.parent_path();
    }
    if (!found) {
      if (!default_) {
        default_ = std::make_shared<Loaded>();
        default_->config = default_config();
        default_->linters[""] = compile(default_->config, {});
      }
      found = &default_;
    }
    const std::shared_ptr<Loaded> result = *found;
    for (const fs::path& folder : visited) by_directory_[folder] = result;
    return by_directory_[visited.empty() ? dir : visited.front()];
  }

  const fs::path cwd_;
  std::optional<fs::path> discovery_root_;
  std::mutex mutex_;
  std::shared_ptr<Loaded> explicit_;
  std::shared_ptr<Loaded> default_;
  std::map<fs::path, std::shared_ptr<Loaded>> by_directory_;
};

}  // namespace

std::unique_ptr<ConfigResolver> ConfigResolver::create(std::optional<fs::path> explicit_config,
                                                       std::optional<fs::path> discovery_root) {
  return std::make_unique<FileConfigResolver>(std::move(explicit_config), std::move(discovery_root));
}

std::vector<RuleDescription> recommended_rules() {
  std::vector<RuleDescription> rules;
  for (const RuleSpec& spec : load_shipped_pack(kRecommendedPack, "", YAML::Node()).rules) {
    rules.push_back({spec.info.id, spec.info.kind, spec.info.severity, spec.info.summary});
  }
  return rules;
}

std::optional<std::string> starter_config() { return shipped_file("rules/starter-config.yaml"); }

std::optional<std::string> rule_documentation(std::string_view rule_id) {
  return shipped_file(fmt::format("docs/rules/{}.md", rule_id));
}

std::optional<std::string> rule_documentation_url(std::string_view rule_id) {
  if (!rule_documentation(rule_id)) return std::nullopt;
  return fmt::format("{}/blob/main/docs/rules/{}.md", MEDLINT_HOMEPAGE, rule_id);
}

}  // namespace medlint
