// Kind `phrases`: flags phrases or patterns in a scope, unless the words
// around them (a cue set) show the text warns against the act rather than
// advising it.
#include <fmt/format.h>
#include <set>

#include "rules/context.h"
#include "rules/kinds/kinds.h"
#include "rules/scopes.h"

namespace medlint {
namespace {

// When a target match becomes a finding.
enum class FlagWhen {
  Affirmed,  // a risky act: flagged unless warned against, reported or asked about
  Negated,   // care-seeking: flagged when negated ("no need to see a doctor", "skip the ER")
  Always,
};

struct TargetGroup {
  FlagWhen flag_when = FlagWhen::Affirmed;
  std::string message;
  std::string suggest;
};

class PhrasesRule final : public Rule {
 public:
  PhrasesRule(RuleInfo info, Scope scope, Lexicon targets, std::vector<TargetGroup> groups,
              std::shared_ptr<const ContextCues> cues)
      : Rule(std::move(info)), scope_(scope), targets_(std::move(targets)), groups_(std::move(groups)),
        cues_(std::move(cues)) {}

  std::vector<const Lexicon*> scanned_lexicons() const override { return {&targets_}; }

  void check(const RuleContext& context, std::vector<Diagnostic>& out) const override {
    const Document& document = context.document;
    const std::string& folded = document.text().folded();
    // One finding per group and sentence: "cure cancer with juice rather
    // than chemotherapy" is one piece of advice, however many phrases match.
    std::set<std::pair<int, std::size_t>> reported;
    for (const Span range : scanned_ranges(document, scope_)) {
      for (const Lexicon::Match& match : targets_.find_all(folded, range, context.hits)) {
        const TargetGroup& group = groups_[static_cast<std::size_t>(match.group)];
        const Span sentence = sentence_range(document, match.text.begin);
        if (reported.count({match.group, sentence.begin})) continue;
        const CueVerdict verdict = cues_ ? cues_->classify(folded, sentence, match.text) : CueVerdict{};
        const auto why = reason(group.flag_when, verdict);
        if (!why) continue;
        reported.emplace(match.group, sentence.begin);
        const std::string matched = document.text().cased().substr(match.text.begin, match.text.size());
        std::string help = *why;
        if (!group.suggest.empty()) help += "; " + fill_template(group.suggest, {{"match", matched}});
        out.push_back(finding(document, document.text().to_source(match.text),
                              fill_template(group.message, {{"match", matched}}), std::move(help)));
      }
    }
  }

 private:
  // Why a match is a finding, or nullopt when its context clears it.
  static std::optional<std::string> reason(FlagWhen flag_when, const CueVerdict& verdict) {
    switch (flag_when) {
      case FlagWhen::Always:
        return std::string("always flagged");
      case FlagWhen::Affirmed:
        if (verdict.cue == Cue::Endorsed) return fmt::format("endorsed by \"{}\"", verdict.text);
        if (verdict.cue == Cue::None) return std::string("stated as advice, with no warning against it");
        return std::nullopt;
      case FlagWhen::Negated:
        if (verdict.cue == Cue::Negated) return fmt::format("discouraged by \"{}\"", verdict.text);
        return std::nullopt;
    }
    return std::nullopt;
  }

  Scope scope_;
  Lexicon targets_;
  std::vector<TargetGroup> groups_;
  std::shared_ptr<const ContextCues> cues_;
};

}  // namespace

std::unique_ptr<Rule> make_phrases_rule(RuleInfo info, const YAML::Node& node, const RuleBuildContext& context) {
  const Options options(node, context.config_path, fmt::format("options of rule `{}`", info.id));
  options.allow_only({"scope", "targets", "context", "message", "suggest"});
  const Scope scope = read_scope(options, "scope", Scope::Sentence,
                                 {"sentence", "title", "summary", "heading", "list-item", "paragraph", "document"});
  if (!options.has("targets")) throw options.error(node, fmt::format("rule `{}` needs `targets`", info.id));
  Lexicon targets = Lexicon::read(options.node("targets"), context.config_path, context.locale,
                                  fmt::format("`targets` of rule `{}`", info.id));
  const std::string message = options.string("message", "\"{match}\"");
  const std::string suggest = options.string("suggest", "");
  std::vector<TargetGroup> groups;
  for (const YAML::Node& group_node : targets.nodes()) {
    const Options group(group_node, context.config_path, fmt::format("a target group of rule `{}`", info.id));
    group.allow_only({"name", "phrases", "patterns", "locales", "flag_when", "message", "suggest"});
    const std::string flag_when = group.choice("flag_when", "affirmed", {"affirmed", "negated", "always"});
    groups.push_back({flag_when == "negated" ? FlagWhen::Negated
                      : flag_when == "always" ? FlagWhen::Always
                                              : FlagWhen::Affirmed,
                      group.string("message", message), group.string("suggest", suggest)});
  }
  return std::make_unique<PhrasesRule>(std::move(info), scope, std::move(targets), std::move(groups),
                                       read_cue_option(options, "context", context));
}

}  // namespace medlint
