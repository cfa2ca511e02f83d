// Rule packs: YAML files of rule definitions, shared cue sets, word classes
// and models.
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>
#include <yaml-cpp/yaml.h>

#include "rules/rule.h"

namespace medlint {

struct RuleSpec {
  RuleInfo info;
  YAML::Node options;  // the kind's options as written
  std::string path;    // file that defines the rule
};

struct RulePack {
  std::vector<RuleSpec> rules;
  std::map<std::string, RuleBuildContext::CueSetSource> cue_sets;
  std::map<std::string, std::vector<RuleBuildContext::CueSetSource>> word_classes;
  std::map<std::string, RuleBuildContext::CueSetSource> models;
};

// The context every rule of `pack` is built in (its cue sets, word classes
// and models, and which of its files define rules); the caller sets each
// rule's own paths.
RuleBuildContext build_context(const RulePack& pack);

// The rules of `pack` as it writes them (every rule on, with its own
// options), in the default locale: what the build-time pattern database
// and the scan floor are made of. Built in `context` (build_context(pack)),
// the word classes and models the rules read are left compiled there.
std::vector<std::unique_ptr<Rule>> build_pack_rules(const RulePack& pack, RuleBuildContext& context);
std::vector<std::unique_ptr<Rule>> build_pack_rules(const RulePack& pack);

// The kinds rules can be written in, and their factories.
struct RuleKind {
  std::string_view name;
  RuleFactory factory;
};
const std::vector<RuleKind>& rule_kinds();
const RuleKind* find_rule_kind(std::string_view name);

// The name users write in `extends:` for the shipped recommended pack.
inline constexpr std::string_view kRecommendedPack = "medlint:recommended";

// Adds the rules, cue sets and word classes of one pack file, read as YAML
// (`display_path` names it in errors). Throws ConfigError on an unknown
// kind, a duplicate id, a bad severity or a malformed entry.
void read_pack(const std::string& display_path, const YAML::Node& root, RulePack& pack);
// Adds the rules of one pack file's `rules:`.
void read_rules(const std::string& display_path, const YAML::Node& rules, RulePack& pack);

// A shipped pack by its `medlint:` name, from the copy compiled into the
// binary. Throws ConfigError when there is no such pack.
RulePack load_shipped_pack(std::string_view name, const std::string& referenced_from, const YAML::Node& where);

// A pack on disk: one YAML file, or a folder of them read in name order.
RulePack load_pack_path(const std::string& path, const std::string& referenced_from, const YAML::Node& where);

// A file shipped inside the binary, by its path in the project.
std::optional<std::string> shipped_file(std::string_view path);

}  // namespace medlint
