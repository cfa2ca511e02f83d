#include "rules/packs.h"

#include <algorithm>
#include <filesystem>
#include <mutex>
#include <fmt/format.h>
#include <re2/re2.h>

#include "core/bounded_read.h"
#include "rules/embedded.h"
#include "rules/kinds/kinds.h"
#include "rules/options.h"
#include "rules/pack_image.h"

namespace medlint {

const std::vector<RuleKind>& rule_kinds() {
  static const std::vector<RuleKind> kinds = {{"phrases", &make_phrases_rule},
                                              {"advice", &make_advice_rule},
                                              {"requires", &make_requires_rule},
                                              {"review", &make_review_rule},
                                              {"references", &make_references_rule},
                                              {"hidden", &make_hidden_rule}};
  return kinds;
}

const RuleKind* find_rule_kind(std::string_view name) {
  for (const RuleKind& kind : rule_kinds()) {
    if (kind.name == name) return &kind;
  }
  return nullptr;
}

namespace {

// Shipped pack names map to folders under rules/.
constexpr std::pair<std::string_view, std::string_view> kShippedPacks[] = {{kRecommendedPack, "rules/medical/"}};

YAML::Node load_yaml(const std::string& display_path, const std::string& yaml) {
  try {
    return YAML::Load(yaml);
  } catch (const YAML::ParserException& error) {
    throw ConfigError(display_path, {error.mark.line + 1, error.mark.column + 1}, fmt::format("invalid YAML: {}", error.msg));
  }
}

}  // namespace

struct RuleBuildContext::CueSetSource::Entry {
  std::once_flag decoded, encoded;
  std::string_view image;  // a shipped pack's
  YAML::Node node;
  std::string encoding;  // the image of an entry read as YAML
};

RuleBuildContext::CueSetSource::CueSetSource(std::shared_ptr<Entry> entry, std::string path)
    : path(std::move(path)), entry_(std::move(entry)) {}

RuleBuildContext::CueSetSource::CueSetSource(YAML::Node node, std::string path)
    : CueSetSource(std::make_shared<Entry>(), std::move(path)) {
  entry_->node = std::move(node);
  std::call_once(entry_->decoded, [] {});
}

RuleBuildContext::CueSetSource RuleBuildContext::CueSetSource::of_image(std::string_view image, std::string path) {
  CueSetSource source(std::make_shared<Entry>(), std::move(path));
  source.entry_->image = image;
  std::call_once(source.entry_->encoded, [] {});
  return source;
}

const YAML::Node& RuleBuildContext::CueSetSource::node() const {
  std::call_once(entry_->decoded, [&] { entry_->node = decode_yaml_image(entry_->image); });
  return entry_->node;
}

std::string_view RuleBuildContext::CueSetSource::image() const {
  std::call_once(entry_->encoded, [&] {
    entry_->encoding = encode_yaml_image(entry_->node);
    entry_->image = entry_->encoding;
  });
  return entry_->image;
}

RuleBuildContext build_context(const RulePack& pack) {
  RuleBuildContext context;
  context.cue_sets = pack.cue_sets;
  context.word_classes = pack.word_classes;
  context.models = pack.models;
  for (const RuleSpec& rule : pack.rules) context.rule_files.insert(rule.path);
  return context;
}

std::vector<std::unique_ptr<Rule>> build_pack_rules(const RulePack& pack) {
  RuleBuildContext context = build_context(pack);
  return build_pack_rules(pack, context);
}

std::vector<std::unique_ptr<Rule>> build_pack_rules(const RulePack& pack, RuleBuildContext& context) {
  std::vector<std::unique_ptr<Rule>> rules;
  for (const RuleSpec& spec : pack.rules) {
    context.config_path = spec.path;
    context.pack_path = spec.path;
    rules.push_back(find_rule_kind(spec.info.kind)->factory(spec.info, spec.options, context));
  }
  return rules;
}

namespace {

constexpr std::string_view kEntrySections[] = {"cue_sets", "word_classes", "models"};

// Adds an entry of a pack's `cue_sets:`, `word_classes:` or `models:` (`section`).
void add_entry(RulePack& pack, std::string_view section, const std::string& name, RuleBuildContext::CueSetSource entry) {
  if (section == "cue_sets") {
    pack.cue_sets.insert_or_assign(name, std::move(entry));
  } else if (section == "word_classes") {
    pack.word_classes[name].push_back(std::move(entry));
  } else {
    pack.models.insert_or_assign(name, std::move(entry));
  }
}

}  // namespace

void read_pack(const std::string& display_path, const YAML::Node& root, RulePack& pack) {
  if (root.IsNull()) return;
  const Options file(root, display_path, "a rule pack file");
  file.allow_only({"rules", "cue_sets", "word_classes", "models"});
  for (const auto& [section, what] : {std::pair{"cue_sets", "`cue_sets` must map names to cue sets"},
                                      {"word_classes", "`word_classes` must map class names to their terms"},
                                      {"models", "`models` must map names to models"}}) {
    const YAML::Node entries = file.node(section);
    if (!entries) continue;
    if (!entries.IsMap()) throw file.error(entries, what);
    for (const auto& entry : entries) add_entry(pack, section, entry.first.as<std::string>(""), {entry.second, display_path});
  }
  if (const YAML::Node rules = file.node("rules")) read_rules(display_path, rules, pack);
}

void read_rules(const std::string& display_path, const YAML::Node& rules, RulePack& pack) {
  if (!rules.IsSequence()) throw config_error(display_path, rules, "`rules` must be a list of rule definitions");
  static const RE2 id_pattern("[a-z][a-z0-9]*(-[a-z0-9]+)*");
  for (const auto& node : rules) {
    const Options rule(node, display_path, "a rule definition");
    rule.allow_only({"id", "kind", "severity", "summary", "options"});
    RuleSpec spec;
    spec.path = display_path;
    spec.info.id = rule.string("id", "");
    if (!RE2::FullMatch(spec.info.id, id_pattern)) {
      throw rule.error(rule.has("id") ? rule.node("id") : YAML::Node(node), "a rule needs an `id` in kebab-case, e.g. `my-house-style`");
    }
    spec.info.kind = rule.string("kind", "");
    if (!find_rule_kind(spec.info.kind)) {
      throw rule.error(rule.has("kind") ? rule.node("kind") : YAML::Node(node),
                       fmt::format("rule `{}` has unknown kind \"{}\"; expected phrases, advice, requires, review, references or hidden",
                                   spec.info.id, spec.info.kind));
    }
    const std::string severity = rule.choice("severity", "error", {"info", "warning", "error"});
    spec.info.severity = *parse_severity(severity);
    spec.info.summary = rule.string("summary", "");
    if (rule.has("options")) spec.options = rule.node("options");
    for (const RuleSpec& existing : pack.rules) {
      if (existing.info.id == spec.info.id) {
        throw rule.error(node, fmt::format("rule `{}` is defined twice (also in {})", spec.info.id, existing.path));
      }
    }
    pack.rules.push_back(std::move(spec));
  }
}

RulePack load_shipped_pack(std::string_view name, const std::string& referenced_from, const YAML::Node& where) {
  for (const auto& [pack_name, folder] : kShippedPacks) {
    if (pack_name != name) continue;
    RulePack pack;
    for (const EmbeddedFile& file : shipped_pack_images()) {
      if (!file.path.starts_with(folder)) continue;
      const std::string display_path = fmt::format("{}/{}", name, file.path.substr(folder.size()));
      // The rules are read now; the other sections' entries when a rule reads them.
      for (const auto& [section, image] : yaml_image_map(file.bytes)) {
        if (section == "rules") {
          read_rules(display_path, decode_yaml_image(image), pack);
          continue;
        }
        if (std::find(std::begin(kEntrySections), std::end(kEntrySections), section) == std::end(kEntrySections)) {
          throw ConfigError(display_path, {1, 1}, fmt::format("a rule pack file has no `{}`", section));
        }
        for (const auto& [entry, entry_image] : yaml_image_map(image)) {
          add_entry(pack, section, std::string(entry), RuleBuildContext::CueSetSource::of_image(entry_image, display_path));
        }
      }
    }
    return pack;
  }
  throw config_error(referenced_from, where, fmt::format("unknown rule pack \"{}\"; shipped packs: {}", name, kRecommendedPack));
}

RulePack load_pack_path(const std::string& path, const std::string& referenced_from, const YAML::Node& where) {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  std::error_code error;
  if (fs::is_directory(path, error)) {
    for (const auto& entry : fs::directory_iterator(path, error)) {
      if (entry.path().extension() == ".yaml" || entry.path().extension() == ".yml") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
  } else if (fs::is_regular_file(path, error)) {
    files.push_back(path);
  } else {
    throw config_error(referenced_from, where, fmt::format("rule pack \"{}\" does not exist", path));
  }
  RulePack pack;
  for (const fs::path& file : files) {
    std::string text;
    try {
      text = read_config_bytes(file);
    } catch (const std::exception& error) {
      throw config_error(referenced_from, where, fmt::format("cannot read rule pack \"{}\": {}", file.string(), error.what()));
    }
    read_pack(file.string(), load_yaml(file.string(), text), pack);
  }
  return pack;
}

std::optional<std::string> shipped_file(std::string_view path) {
  for (const EmbeddedFile& file : embedded_files()) {
    if (file.path == path) return std::string(file.bytes);
  }
  return std::nullopt;
}

}  // namespace medlint
