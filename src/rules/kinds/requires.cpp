// Kind `requires`: when a trigger occurs, wording from one of the named
// `satisfied_by` lists must appear in the trigger's scope. Used for red-flag
// symptoms that need escalation advice.
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <map>
#include <set>

#include "rules/context.h"
#include "rules/kinds/kinds.h"
#include "rules/scopes.h"

namespace medlint {
namespace {

struct Requirement {
  std::string name;
  std::string describe;  // "call 911 or go to the emergency room"
  Lexicon wording;
};

struct Trigger {
  std::vector<int> any_of;  // indices into requirements: one of them must appear
  std::vector<int> all_of;  // each of these must appear as well
  std::string message;
  // Cues that say whether a mention is the reader's present symptom; a
  // group may name its own ("meningitis" stays a red flag where a
  // description of a disease's features would not).
  std::shared_ptr<const ContextCues> cues;
};

bool in_link_text(const Document& document, Span text) {
  const Span source = document.text().to_source(text);
  return std::any_of(document.links.begin(), document.links.end(), [&](const Link& link) {
    return link.span.begin <= source.begin && source.end <= link.span.end;
  });
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Whether wording that is a number ("911") stands as that number: not part
// of a longer one ("1-800-911-4455", "9115") and not a model name after a
// proper noun in mid-sentence ("Porsche 911").
bool is_standalone_number(const Document& document, Span match) {
  const std::string& cased = document.text().cased();
  const auto digit_at = [&](std::size_t offset) { return offset < cased.size() && is_digit(cased[offset]); };
  const auto joins_digits = [](char c) { return c == '-' || c == '.' || c == '/' || c == ')' || c == '('; };
  if (match.begin > 0 && (digit_at(match.begin - 1) ||
                          (match.begin > 1 && joins_digits(cased[match.begin - 1]) && digit_at(match.begin - 2)))) {
    return false;
  }
  if (digit_at(match.end) || (match.end + 1 < cased.size() && joins_digits(cased[match.end]) && digit_at(match.end + 1))) {
    return false;
  }
  std::size_t word_end = match.begin;
  while (word_end > 0 && cased[word_end - 1] == ' ') --word_end;
  std::size_t word_begin = word_end;
  while (word_begin > 0 && std::isalpha(static_cast<unsigned char>(cased[word_begin - 1]))) --word_begin;
  if (word_begin == word_end || !std::isupper(static_cast<unsigned char>(cased[word_begin]))) return true;
  const Span sentence = sentence_range(document, match.begin);
  return word_begin <= sentence.begin;
}

// Escalation wording counts only where a reader takes it as advice: in the
// text of a paragraph, list item or the like (a heading alone promises
// advice it may not give; a front-matter key medlint does not know may
// never be shown), and a number only as that number.
bool reads_as_advice(const Document& document, Span match) {
  const int block = document.block_at(match.begin);
  if (block >= 0) {
    const BlockKind kind = document.blocks[static_cast<std::size_t>(block)].kind;
    if (kind == BlockKind::Heading || kind == BlockKind::Title || kind == BlockKind::FrontMatterText) return false;
  }
  const std::string_view text = std::string_view(document.text().folded()).substr(match.begin, match.size());
  return !std::all_of(text.begin(), text.end(), is_digit) || is_standalone_number(document, match);
}

class RequiresRule final : public Rule {
 public:
  RequiresRule(RuleInfo info, Scope scope, Lexicon triggers, std::vector<Trigger> trigger_info,
               std::vector<Requirement> requirements,
               std::shared_ptr<const ContextCues> wording_cues)
      : Rule(std::move(info)), scope_(scope), triggers_(std::move(triggers)), trigger_info_(std::move(trigger_info)),
        requirements_(std::move(requirements)),
        wording_cues_(std::move(wording_cues)) {}

  std::vector<const Lexicon*> scanned_lexicons() const override {
    std::vector<const Lexicon*> lexicons = {&triggers_};
    for (const Requirement& requirement : requirements_) lexicons.push_back(&requirement.wording);
    return lexicons;
  }

  void check(const RuleContext& context, std::vector<Diagnostic>& out) const override {
    const Document& document = context.document;
    const std::string& folded = document.text().folded();
    // Whether requirement r appears in a range; ranges repeat across triggers.
    std::map<std::tuple<int, std::size_t, std::size_t>, bool> present;
    const auto appears = [&](int requirement, Span range) {
      const auto key = std::make_tuple(requirement, range.begin, range.end);
      if (auto found = present.find(key); found != present.end()) return found->second;
      bool result = false;
      for (const Lexicon::Match& match :
           requirements_[static_cast<std::size_t>(requirement)].wording.find_all(folded, range, context.hits)) {
        if (!reads_as_advice(document, match.text)) continue;
        // "You don't need to call 911" is no escalation advice.
        const Cue cue = wording_cues_
                            ? wording_cues_->classify(folded, sentence_range(document, match.text.begin), match.text).cue
                            : Cue::None;
        if (cue != Cue::Negated) {
          result = true;
          break;
        }
      }
      present.emplace(key, result);
      return result;
    };
    // One finding per red flag and scope: its first unescalated mention.
    std::set<std::pair<int, std::size_t>> reported;
    // And one per sentence: "chest pain can be a sign of a heart attack"
    // lacks one piece of advice, not two.
    std::set<std::size_t> reported_sentences;
    for (const Span range : scanned_ranges(document, Scope::Document)) {
      for (const Lexicon::Match& match : triggers_.find_all(folded, range, context.hits)) {
        // "This rash does not cause chest pain" raises no red flag, nor does
        // a frequency in a table of a condition's features.
        const Trigger& trigger = trigger_info_[static_cast<std::size_t>(match.group)];
        // A link's text names a page ("- [Meningitis](/conditions/...)",
        // "Suicide prevention"), not the reader's symptom.
        if (in_link_text(document, match.text)) continue;
        if (trigger.cues) {
          // A question about a red flag still presents it ("Chest pain on
          // your run?"): its cues decide, not its question mark.
          Span sentence = sentence_range(document, match.text.begin);
          if (sentence.end > match.text.end && folded[sentence.end - 1] == '?') --sentence.end;
          const Cue cue = trigger.cues->classify(folded, sentence, match.text).cue;
          if (cue == Cue::Negated || cue == Cue::Reported) continue;
        }
        const Span scope = enclosing_range(document, scope_, match.text.begin);
        std::vector<std::string> missing;
        const bool any = trigger.any_of.empty() ||
                         std::any_of(trigger.any_of.begin(), trigger.any_of.end(),
                                     [&](int requirement) { return appears(requirement, scope); });
        if (!any) {
          std::vector<std::string> options;
          for (int requirement : trigger.any_of) options.push_back(requirements_[static_cast<std::size_t>(requirement)].describe);
          missing.push_back(fmt::format("{}", fmt::join(options, ", or ")));
        }
        for (int requirement : trigger.all_of) {
          if (!appears(requirement, scope)) missing.push_back(requirements_[static_cast<std::size_t>(requirement)].describe);
        }
        if (missing.empty() || !reported.emplace(match.group, scope.begin).second ||
            !reported_sentences.insert(sentence_range(document, match.text.begin).begin).second) {
          continue;
        }
        const std::string matched = document.text().cased().substr(match.text.begin, match.text.size());
        const std::string needed = fmt::format("{}", fmt::join(missing, "; and "));
        out.push_back(finding(document, document.text().to_source(match.text),
                              fill_template(trigger.message, {{"match", matched}, {"missing", needed}}),
                              fmt::format("tell readers to {}", needed)));
      }
    }
  }

 private:
  Scope scope_;
  Lexicon triggers_;
  std::vector<Trigger> trigger_info_;
  std::vector<Requirement> requirements_;
  std::shared_ptr<const ContextCues> wording_cues_;
};

}  // namespace

std::unique_ptr<Rule> make_requires_rule(RuleInfo info, const YAML::Node& node, const RuleBuildContext& context) {
  const std::string& path = context.config_path;
  const Options options(node, path, fmt::format("options of rule `{}`", info.id));
  options.allow_only({"scope", "triggers", "satisfied_by", "any_of", "all_of", "message", "trigger_context",
                      "wording_context"});
  const Scope scope = read_scope(options, "scope", Scope::Document, {"sentence", "paragraph", "section", "document"});

  std::vector<Requirement> requirements;
  std::map<std::string, int> requirement_index;
  const YAML::Node satisfied_by = options.node("satisfied_by");
  if (!satisfied_by || !satisfied_by.IsMap()) {
    throw options.error(satisfied_by ? satisfied_by : node,
                        fmt::format("rule `{}` needs `satisfied_by`: a map of named wording lists", info.id));
  }
  for (const auto& entry : satisfied_by) {
    const std::string name = entry.first.as<std::string>("");
    const Options list(entry.second, path, fmt::format("wording list `{}` of rule `{}`", name, info.id));
    list.allow_only({"describe", "phrases", "patterns", "locales"});
    std::string describe = list.string("describe", name);
    const YAML::Node locales = list.node("locales");
    if (locales && locales.IsMap()) {
      const YAML::Node local = locales[context.locale.tag];
      if (local && local.IsMap() && local["describe"]) describe = local["describe"].as<std::string>(describe);
    }
    requirement_index[name] = static_cast<int>(requirements.size());
    requirements.push_back({name, describe, Lexicon::read(entry.second, path, context.locale, list.path())});
  }
  const auto names_to_indices = [&](const Options& where, const std::string& key) {
    std::vector<int> indices;
    for (const std::string& name : where.strings(key)) {
      const auto found = requirement_index.find(name);
      if (found == requirement_index.end()) {
        throw where.error(where.node(key), fmt::format("`{}` names `{}`, which is not in `satisfied_by`", key, name));
      }
      indices.push_back(found->second);
    }
    return indices;
  };
  const std::vector<int> default_any = names_to_indices(options, "any_of");
  const std::vector<int> default_all = names_to_indices(options, "all_of");
  const std::string message = options.string("message", "\"{match}\" needs {missing}");

  const std::shared_ptr<const ContextCues> trigger_cues = read_cue_option(options, "trigger_context", context);
  Lexicon triggers = Lexicon::read(options.node("triggers"), path, context.locale,
                                   fmt::format("`triggers` of rule `{}`", info.id));
  std::vector<Trigger> trigger_info;
  for (const YAML::Node& group_node : triggers.nodes()) {
    const Options group(group_node, path, fmt::format("a trigger group of rule `{}`", info.id));
    group.allow_only({"name", "phrases", "patterns", "locales", "any_of", "all_of", "message", "context"});
    Trigger trigger;
    trigger.any_of = group.has("any_of") ? names_to_indices(group, "any_of") : default_any;
    trigger.all_of = group.has("all_of") ? names_to_indices(group, "all_of") : default_all;
    trigger.message = group.string("message", message);
    trigger.cues = group.has("context") ? read_cue_option(group, "context", context) : trigger_cues;
    trigger_info.push_back(std::move(trigger));
  }
  return std::make_unique<RequiresRule>(std::move(info), scope, std::move(triggers), std::move(trigger_info),
                                        std::move(requirements), read_cue_option(options, "wording_context", context));
}

}  // namespace medlint
