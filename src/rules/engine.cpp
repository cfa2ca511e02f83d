// Project configuration (.medlint.yaml) and the compiled rule sets it yields.
#include <filesystem>
#include <fmt/format.h>
#include <mutex>

#include "core/closest.h"
#include "core/bounded_read.h"
#include "core/glob.h"
#include "core/parallel.h"
#include "language/sentence_words.h"
#include "medlint/linter.h"
#include "medlint/parse.h"
#include "rules/lexicon.h"
#include "rules/options.h"
#include "rules/packs.h"
#include "rules/pattern_scan.h"
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

// A glob of `ignore` or `include`, with the folder it is relative to (a
// parent configuration's globs stay relative to the parent's folder).
struct PathPattern {
  Glob glob;
  bool negated = false;  // "!content/**": taken back out of `ignore`
  fs::path base;
};

struct Override {
  std::vector<Glob> files;
  fs::path base;
  RuleSettings rules;
  std::optional<Locale> locale;
};

struct ConfigFile {
  std::string path;  // as shown in errors; empty for the built-in default
  fs::path base;     // globs are relative to this directory
  std::vector<fs::path> files;  // read to build it: itself and its packs (absolute)
  std::optional<fs::path> baseline;
  RulePack pack;
  std::vector<std::string> packs;  // the packs `pack` was merged from, each once
  Locale locale;
  RuleSettings rules;
  std::vector<PathPattern> ignore;
  std::vector<PathPattern> include;
  std::vector<Override> overrides;
  ReaderOptions reader;
};

Locale read_locale(const Options& options, const std::string& fallback) {
  Locale locale;
  locale.tag = options.choice("locale", fallback, {"en-US", "en-GB", "en-IE", "en-AU", "en-NZ", "en-CA", "en-IN", "en-ZA"});
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

void apply_settings(const RuleSettings& settings, std::map<std::string, RuleSetting>& into) {
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

std::vector<Glob> read_globs(const Options& options, const std::string& key) {
  std::vector<Glob> globs;
  for (const std::string& pattern : options.strings(key)) globs.emplace_back(pattern);
  return globs;
}

void read_path_patterns(const Options& options, const std::string& key, const fs::path& base,
                        std::vector<PathPattern>& into) {
  for (const std::string& pattern : options.strings(key)) {
    const bool negated = pattern.starts_with("!");
    into.push_back({Glob(negated ? pattern.substr(1) : pattern), negated, base});
  }
}

// `fields`: the front matter keys that hold each field (a key or a list).
void read_fields(const Options& options, FrontMatterKeys& keys) {
  if (!options.has("fields")) return;
  const Options fields = options.child("fields");
  fields.allow_only({"review_date", "reviewer", "references", "updated"});
  // A nested configuration's keys come before its parent's.
  const auto prepend = [&](const char* name, std::vector<std::string>& into) {
    std::vector<std::string> own = fields.strings(name);
    into.insert(into.begin(), own.begin(), own.end());
  };
  prepend("review_date", keys.review_date);
  prepend("reviewer", keys.reviewer);
  prepend("references", keys.references);
  prepend("updated", keys.updated);
}

// Whether an `extends` entry names another configuration rather than a pack.
bool names_configuration(const std::string& entry) {
  return fs::path(entry).filename() == kConfigName;
}

ConfigFile default_config() {
  ConfigFile config;
  config.base = fs::current_path().lexically_normal();
  config.pack = load_shipped_pack(kRecommendedPack, "", YAML::Node());
  return config;
}

// Whether the last of `patterns` that matches `file` (absolute) is not negated.
bool last_match_holds(const std::vector<PathPattern>& patterns, const fs::path& file) {
  bool holds = false;
  for (const PathPattern& pattern : patterns) {
    if (pattern.glob.matches(file.lexically_relative(pattern.base).generic_string())) holds = !pattern.negated;
  }
  return holds;
}

ConfigFile read_config_file(const fs::path& file, std::vector<fs::path>& extending);

// Loads a configuration named in `extends` (its rules, packs, ignores and
// overrides are the start of this one); a configuration extending itself
// through others is an error.
ConfigFile read_parent(const fs::path& file, std::vector<fs::path>& extending, const std::string& path,
                       const YAML::Node& where) {
  std::error_code error;
  const fs::path canonical = fs::weakly_canonical(file, error);
  if (!fs::is_regular_file(file, error)) {
    throw config_error(path, where, fmt::format("`extends`: no configuration file at {}", file.string()));
  }
  if (std::find(extending.begin(), extending.end(), canonical) != extending.end()) {
    std::string cycle;
    for (const fs::path& step : extending) cycle += step.string() + " -> ";
    throw config_error(path, where, fmt::format("`extends` goes round in a cycle: {}{}", cycle, canonical.string()));
  }
  return read_config_file(file, extending);
}

ConfigFile read_config_file(const fs::path& file, std::vector<fs::path>& extending) {
  ConfigFile config;
  config.path = file.string();
  config.base = fs::absolute(file).parent_path().lexically_normal();
  std::string text;
  try {
    text = read_config_bytes(file);
  } catch (const std::ios_base::failure&) {
    throw ConfigError(config.path, {1, 1}, "cannot read the configuration file");
  } catch (const std::length_error& error) {
    throw ConfigError(config.path, {1, 1}, fmt::format("the file is not a configuration: {}", error.what()));
  }
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::ParserException& error) {
    throw ConfigError(config.path, {error.mark.line + 1, error.mark.column + 1}, fmt::format("invalid YAML: {}", error.msg));
  }
  if (root.IsNull()) root = YAML::Node(YAML::NodeType::Map);
  const Options options(root, config.path, "the configuration");
  options.allow_only({"extends", "rules", "ignore", "include", "overrides", "locale", "fields", "baseline", "root"});
  // `root: true` (as in tools whose configurations cascade) says discovery
  // stops here; the nearest configuration always applies alone, so it is
  // checked and accepted, and changes nothing.
  options.boolean("root", true);
  const YAML::Node extends = options.node("extends");
  const std::vector<std::string> entries =
      options.has("extends") ? options.strings("extends") : std::vector<std::string>{std::string(kRecommendedPack)};
  // A parent configuration comes first, whatever its place in the list.
  for (const std::string& entry : entries) {
    if (!names_configuration(entry)) continue;
    extending.push_back(fs::weakly_canonical(file));
    ConfigFile parent = read_parent(config.base / entry, extending, config.path, extends);
    extending.pop_back();
    parent.path = config.path;
    parent.base = config.base;
    config = std::move(parent);
  }
  // The files it is read from: a parent's (kept from above), itself, its packs.
  config.files.push_back(fs::absolute(file).lexically_normal());
  // A parent's baseline holds unless this file names its own.
  if (options.has("baseline")) config.baseline = (config.base / options.string("baseline", "")).lexically_normal();
  config.locale = read_locale(options, config.locale.tag);
  for (const std::string& entry : entries) {
    if (names_configuration(entry)) continue;
    const std::string name = entry.starts_with("medlint:") ? entry : (config.base / entry).lexically_normal().string();
    if (std::find(config.packs.begin(), config.packs.end(), name) != config.packs.end()) continue;
    if (!entry.starts_with("medlint:")) config.files.push_back(name);
    RulePack loaded = entry.starts_with("medlint:") ? load_shipped_pack(entry, config.path, extends)
                                                    : load_pack_path(name, config.path, extends);
    merge_pack(config.pack, std::move(loaded), config.path, extends);
    config.packs.push_back(name);
  }
  apply_settings(read_rule_settings(options, "rules", config.pack), config.rules);
  read_path_patterns(options, "ignore", config.base, config.ignore);
  read_path_patterns(options, "include", config.base, config.include);
  read_fields(options, config.reader.front_matter_keys);
  if (const YAML::Node overrides = options.node("overrides")) {
    if (!overrides.IsSequence()) throw options.error(overrides, "`overrides` must be a list of {files, rules, locale}");
    for (const auto& node : overrides) {
      const Options entry(node, config.path, "an override");
      entry.allow_only({"files", "rules", "locale"});
      if (!entry.has("files")) throw entry.error(node, "an override needs `files`: globs of the files it applies to");
      Override override_entry{read_globs(entry, "files"), config.base, read_rule_settings(entry, "rules", config.pack), {}};
      if (entry.has("locale")) override_entry.locale = read_locale(entry, config.locale.tag);
      config.overrides.push_back(std::move(override_entry));
    }
  }
  return config;
}

class RuleSetLinter final : public Linter {
 public:
  explicit RuleSetLinter(std::vector<std::unique_ptr<Rule>> rules)
      : rules_(std::move(rules)), scan_(PatternScan::of(scanned_sets(rules_))) {
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
      // One pass over the text for every rule's scanned patterns.
      const PatternHits hits = scan_ ? scan_->scan(document.text().folded()) : PatternHits();
      SentenceWords words(document.text().folded());
      const RuleContext rule_context{document, context.today, &hits, &words};
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
  std::shared_ptr<const PatternScan> scan_;  // null when no rule scans a pattern
  std::vector<std::string_view> rule_ids_;  // views of rules_' ids
};

std::shared_ptr<const Linter> compile(const ConfigFile& config, const RuleSettings& settings, const Locale& locale) {
  RuleBuildContext context = build_context(config.pack);
  context.locale = locale;
  std::vector<std::unique_ptr<Rule>> rules;
  for (const RuleSpec& spec : config.pack.rules) {
    RuleInfo info = spec.info;
    YAML::Node options = spec.options;
    context.config_path = spec.path;
    context.pack_path = spec.path;
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
    if (discovery_root) discovery_root_ = normal_absolute(*discovery_root);
    if (explicit_config) explicit_ = load(*explicit_config);
  }

  std::shared_ptr<const Linter> linter_for(const fs::path& relative_file) override {
    std::lock_guard lock(mutex_);
    const fs::path file = absolute(relative_file);
    const auto& config = config_for(file);
    // Most configurations have no overrides: every file shares the base rule set.
    if (config->config.overrides.empty()) return config->linters[""];
    std::string key;
    Locale locale;
    const RuleSettings settings = settings_for(*config, file, &key, &locale);
    auto& linter = config->linters[key];
    if (!linter) linter = compile(config->config, settings, locale);
    return linter;
  }

  ReaderOptions reader_options_for(const fs::path& relative_file) override {
    std::lock_guard lock(mutex_);
    const fs::path file = absolute(relative_file);
    return config_for(file)->config.reader;
  }

  std::optional<bool> included(const fs::path& relative_file) override {
    std::lock_guard lock(mutex_);
    const fs::path file = absolute(relative_file);
    const ConfigFile& config = config_for(file)->config;
    if (config.include.empty()) return std::nullopt;
    return last_match_holds(config.include, file);
  }

  std::vector<RuleDescription> rules_for(const fs::path& relative_file) override {
    std::lock_guard lock(mutex_);
    const fs::path file = absolute(relative_file);
    const auto& config = config_for(file);
    const RuleSettings settings = settings_for(*config, file, nullptr, nullptr);
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

  std::shared_ptr<const ConfigSource> config_of(const fs::path& relative_file) override {
    std::lock_guard lock(mutex_);
    const fs::path file = absolute(relative_file);
    const std::shared_ptr<Loaded>& loaded = config_for(file);
    if (!loaded->source) {
      const ConfigFile& config = loaded->config;
      loaded->source = std::make_shared<const ConfigSource>(ConfigSource{config.path, config.files, config.baseline});
    }
    return loaded->source;
  }

  bool ignored(const fs::path& relative_file) override {
    std::lock_guard lock(mutex_);
    const fs::path file = absolute(relative_file);
    return last_match_holds(config_for(file)->config.ignore, file);
  }

 private:
  struct Loaded {
    ConfigFile config;
    std::map<std::string, std::shared_ptr<const Linter>> linters;  // by the set of overrides applied
    std::shared_ptr<const ConfigSource> source;  // made on first use
  };

  // The rule settings and locale of `file` (absolute): the configuration's,
  // then each override matching it (its globs relative to the configuration
  // that wrote it, a parent's included). `key` names the overrides applied.
  static RuleSettings settings_for(const Loaded& loaded, const fs::path& file, std::string* key, Locale* locale) {
    RuleSettings settings = loaded.config.rules;
    if (locale) *locale = loaded.config.locale;
    for (std::size_t i = 0; i < loaded.config.overrides.size(); ++i) {
      const Override& override_entry = loaded.config.overrides[i];
      const std::string relative = relative_to(file, override_entry.base);
      if (std::any_of(override_entry.files.begin(), override_entry.files.end(),
                      [&](const Glob& glob) { return glob.matches(relative); })) {
        if (key) *key += fmt::format("{},", i);
        apply_settings(override_entry.rules, settings);
        if (locale && override_entry.locale) *locale = *override_entry.locale;
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
    std::vector<fs::path> extending;
    loaded->config = read_config_file(path, extending);
    // Compile the base rule set now, so configuration errors surface at once.
    loaded->linters[""] = compile(loaded->config, loaded->config.rules, loaded->config.locale);
    return loaded;
  }

  // Absolute and normal, from the working folder read once (no getcwd per
  // file). A folder's files come one after another, each asked about
  // several times: the last folder's absolute form is kept, and a file's
  // is it and the file's name.
  fs::path absolute(const fs::path& file) {
    const std::string& text = file.native();
    const std::size_t slash = text.rfind('/');
    const std::string_view name = slash == std::string::npos ? std::string_view(text) : std::string_view(text).substr(slash + 1);
    if (name.empty() || name == "." || name == "..") return normal_absolute(file);
    const std::string folder = slash == std::string::npos ? "" : slash == 0 ? "/" : text.substr(0, slash);
    if (!last_absolute_folder_ || last_absolute_folder_->first != folder) {
      last_absolute_folder_.emplace(folder, normal_absolute(folder));
    }
    return last_absolute_folder_->second / name;
  }
  fs::path normal_absolute(const fs::path& path) const {
    return (path.is_absolute() ? path : cwd_ / path).lexically_normal();
  }

  // --config, else the nearest .medlint.yaml walking up from the file's
  // folder to the discovery root, else the recommended pack. `file` is
  // absolute. A configuration above the repository is someone else's.
  const std::shared_ptr<Loaded>& config_for(const fs::path& file) {
    if (explicit_) return explicit_;
    // A folder's files come one after another, each asked about several
    // times: the last folder's answer skips the map's path comparisons.
    if (last_folder_ && file.native().size() > last_folder_->first.size() &&
        file.native().starts_with(last_folder_->first) && file.native()[last_folder_->first.size()] == '/' &&
        file.native().find('/', last_folder_->first.size() + 1) == std::string::npos) {
      return last_folder_->second;
    }
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
        default_->linters[""] = compile(default_->config, {}, default_->config.locale);
      }
      found = &default_;
    }
    const std::shared_ptr<Loaded> result = *found;
    for (const fs::path& folder : visited) by_directory_[folder] = result;
    const fs::path& folder = visited.empty() ? dir : visited.front();
    auto& entry = by_directory_[folder];
    last_folder_.emplace(folder.native(), entry);
    return entry;
  }

  const fs::path cwd_;
  std::optional<fs::path> discovery_root_;
  std::mutex mutex_;
  std::shared_ptr<Loaded> explicit_;
  std::shared_ptr<Loaded> default_;
  std::map<fs::path, std::shared_ptr<Loaded>> by_directory_;
  std::optional<std::pair<std::string, std::shared_ptr<Loaded>>> last_folder_;  // folder, its configuration
  std::optional<std::pair<std::string, fs::path>> last_absolute_folder_;        // folder as given, absolute()
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
