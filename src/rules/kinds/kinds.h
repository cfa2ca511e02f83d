// The rule kinds: one class per file in this folder, each behind a factory.
// The engine's kind table (kind name -> factory) lists these.
#pragma once

#include "rules/rule.h"

namespace medlint {

// Flags phrases or patterns in a scope, unless context cues say otherwise.
std::unique_ptr<Rule> make_phrases_rule(RuleInfo info, const YAML::Node& options, const RuleBuildContext& context);
// Flags advice frames (word classes that together make a risky act) unless
// the words around them warn against it.
std::unique_ptr<Rule> make_advice_rule(RuleInfo info, const YAML::Node& options, const RuleBuildContext& context);
// When a trigger matches, one of `any_of` must appear in a scope.
std::unique_ptr<Rule> make_requires_rule(RuleInfo info, const YAML::Node& options, const RuleBuildContext& context);
// A medical review date must be present, valid and recent.
std::unique_ptr<Rule> make_review_rule(RuleInfo info, const YAML::Node& options, const RuleBuildContext& context);
// Words disguised with invisible characters, look-alike letters or markup.
std::unique_ptr<Rule> make_hidden_rule(RuleInfo info, const YAML::Node& options, const RuleBuildContext& context);
// The article cites at least N references.
std::unique_ptr<Rule> make_references_rule(RuleInfo info, const YAML::Node& options, const RuleBuildContext& context);

}  // namespace medlint
