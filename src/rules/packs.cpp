#include "rules/packs.h"

#include <filesystem>
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

void read_pack(const std::string& display_path, const YAML::Node& root, RulePack& pack) {
  if (root.IsNull()) return;
  const Options file(root, display_path, "a rule pack file");
  file.allow_only({"rules", "cue_sets", "word_classes", "models"});
  if (const YAML::Node cue_sets = file.node("cue_sets")) {
    if (!cue_sets.IsMap()) throw file.error(cue_sets, "`cue_sets` must map names to cue sets");
    for (const auto& entry : cue_sets) pack.cue_sets[entry.first.as<std::string>("")] = {entry.second, display_path};
  }
  if (const YAML::Node word_classes = file.node("word_classes")) {
    if (!word_classes.IsMap()) throw file.error(word_classes, "`word_classes` must map class names to their terms");
    for (const auto& entry : word_classes) {
      pack.word_classes[entry.first.as<std::string>("")].push_back({entry.second, display_path});
    }
  }
  if (const YAML::Node models = file.node("models")) {
    if (!models.IsMap()) throw file.error(models, "`models` must map names to models");
    for (const auto& entry : models) pack.models[entry.first.as<std::string>("")] = {entry.second, display_path};
  }
  const YAML::Node rules = file.node("rules");
  if (!rules) return;
  if (!rules.IsSequence()) throw file.error(rules, "`rules` must be a list of rule definitions");
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
      if (file.path.starts_with(folder)) {
        read_pack(fmt::format("{}/{}", name, file.path.substr(folder.size())), decode_yaml_image(file.bytes), pack);
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
