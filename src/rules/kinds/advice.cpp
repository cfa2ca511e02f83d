// Kind `advice`: flags advice frames (word classes that together make a
// risky act, such as a STOP verb with a MEDICINE) in the sentences around
// class words, unless the words around the frame (a cue set) show the text
// warns against it, negates it, reports it as a claim, makes it supervised
// or only asks about it. Scan-first: one phrase scan finds the sentences
// holding a word of a frame's first slot; only those are tokenized and
// tagged.
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <set>

#include "language/frames.h"
#include "rules/context.h"
#include "rules/kinds/kinds.h"
#include "rules/scopes.h"
#include "rules/word_class_sets.h"

namespace medlint {
namespace {

enum class FlagWhen {
  Affirmed,  // flagged unless warned against, negated, reported, supervised or asked
  Always,    // the frame carries its own stance ("no need to see a doctor")
};

struct FrameRule {
  Frame frame;
  FlagWhen flag_when = FlagWhen::Affirmed;
  // A statement with no endorsing cue is advice only when it speaks to or
  // as the reader ("you", "I", an imperative), not when it describes what
  // clinicians do ("the dose is lowered slowly").
  bool addressed = true;
  std::vector<int> needs_nearby;   // one of these classes in the sentence or the two before
  std::vector<int> unless_nearby;  // none of these there
  std::string message;
  std::string suggest;
};

// A sentence's tokens and class hits; pronouns that stand for a class word
// of the sentences before carry that word as `antecedents`.
struct TaggedSentence {
  Span text;
  std::vector<Token> tokens;
  std::vector<WordClasses::Hit> hits;
  std::map<std::pair<int, int>, Span> antecedents;  // (class, pronoun token) -> antecedent text
  std::map<int, Span> before;  // class -> its nearest word in the two sentences before
};

bool has_class(const std::vector<WordClasses::Hit>& hits, int word_class) {
  return std::any_of(hits.begin(), hits.end(), [&](const WordClasses::Hit& hit) { return hit.word_class == word_class; });
}

class AdviceRule final : public Rule {
 public:
  // What speaks against the advice after it: the rest of its sentence or
  // the next sentence ("..., but camphor can cause seizures", "Not worth
  // the botulism risk."). Care advice ("see a GP if it's deep") speaks
  // against frames that discourage care.
  struct Counters {
    Lexicon warnings;
    Lexicon warning_openers;  // only at the start of the next sentence
    Lexicon care_advice;
  };

  struct Voice {
    int reader = -1;      // class of words addressing or speaking as the reader
    int imperative = -1;  // class of verbs that open an instruction
    Lexicon openers;      // words an instruction may start with ("just", "simply")
  };

  AdviceRule(RuleInfo info, std::shared_ptr<const WordClasses> classes, std::vector<FrameRule> frames,
             Lexicon anchors, std::shared_ptr<const ContextCues> cues, int pronouns, std::vector<int> antecedents,
             Lexicon affirmative_answers, Voice voice, Counters counters)
      : Rule(std::move(info)), classes_(std::move(classes)), frames_(std::move(frames)), anchors_(std::move(anchors)),
        cues_(std::move(cues)), pronouns_(pronouns), antecedents_(std::move(antecedents)),
        affirmative_answers_(std::move(affirmative_answers)), voice_(std::move(voice)),
        counters_(std::move(counters)) {}

  std::vector<const Lexicon*> scanned_lexicons() const override { return {&anchors_}; }

  void check(const RuleContext& context, std::vector<Diagnostic>& out) const override {
    const Document& document = context.document;
    const std::string& folded = document.text().folded();
    std::set<std::size_t> read;  // sentences already analysed, by start
    for (const Span range : scanned_ranges(document, Scope::Sentence)) {
      for (const Lexicon::Match& anchor : anchors_.find_all(folded, range, context.hits)) {
        const Span sentence = sentence_range(document, anchor.text.begin);
        if (!read.insert(sentence.begin).second) continue;
        check_sentence(document, sentence, out);
      }
    }
  }

 private:
  TaggedSentence tag(const Document& document, Span sentence) const {
    const std::string& folded = document.text().folded();
    TaggedSentence tagged{sentence, tokenize(folded, sentence), {}, {}, {}};
    tagged.hits = classes_->tag(tagged.tokens);
    std::optional<Span> previous = previous_sentence(document, sentence);
    for (int back = 0; back < 2 && previous; ++back, previous = previous_sentence(document, *previous)) {
      const std::vector<Token> tokens = tokenize(folded, *previous);
      for (const WordClasses::Hit& hit : classes_->tag(tokens)) {
        if (tagged.before.count(hit.word_class) && back > 0) continue;
        tagged.before[hit.word_class] = {tokens[static_cast<std::size_t>(hit.first)].text.begin,
                                         tokens[static_cast<std::size_t>(hit.last)].text.end};
      }
    }
    resolve_pronouns(tagged);
    return tagged;
  }

  // "Just stop taking it": a pronoun stands for the nearest class word of
  // the two sentences before, for the classes a frame may need.
  void resolve_pronouns(TaggedSentence& tagged) const {
    if (pronouns_ < 0) return;
    std::vector<WordClasses::Hit> pronoun_hits;
    for (const WordClasses::Hit& hit : tagged.hits) {
      if (hit.word_class == pronouns_) pronoun_hits.push_back(hit);
    }
    for (const int word_class : antecedents_) {
      const auto antecedent = tagged.before.find(word_class);
      if (antecedent == tagged.before.end() || has_class(tagged.hits, word_class)) continue;
      for (const WordClasses::Hit& pronoun : pronoun_hits) {
        tagged.hits.push_back({word_class, pronoun.first, pronoun.last});
        tagged.antecedents[{word_class, pronoun.first}] = antecedent->second;
      }
    }
  }

  static std::optional<Span> previous_sentence(const Document& document, Span sentence) {
    const std::string& folded = document.text().folded();
    std::size_t at = sentence.begin;
    while (at > 0 && std::isspace(static_cast<unsigned char>(folded[at - 1]))) --at;
    if (at == 0) return std::nullopt;
    const auto previous = document.sentence_at(at - 1);
    if (!previous || previous->text.begin >= sentence.begin) return std::nullopt;
    return previous->text;
  }

  static std::optional<Span> next_sentence(const Document& document, Span sentence) {
    const std::string& folded = document.text().folded();
    // Past spaces and closing quotes or brackets the segmenter left outside.
    std::size_t at = sentence.end;
    while (at < folded.size() && !std::isalnum(static_cast<unsigned char>(folded[at]))) ++at;
    if (at >= folded.size()) return std::nullopt;
    const auto next = document.sentence_at(at);
    if (!next || next->text.begin < sentence.end) return std::nullopt;
    return next->text;
  }

  void check_sentence(const Document& document, Span sentence, std::vector<Diagnostic>& out) const {
    const TaggedSentence tagged = tag(document, sentence);
    if (getenv("DBG")) { fprintf(stderr, "S: %s\n", document.text().folded().substr(sentence.begin, sentence.size()).c_str()); for (auto& h : tagged.hits) fprintf(stderr, "  %s[%d-%d]", classes_->name(h.word_class).c_str(), h.first, h.last); fprintf(stderr, "\n"); for (auto& [c, sp] : tagged.before) fprintf(stderr, " B:%s", classes_->name(c).c_str()); fprintf(stderr, "\n"); }
    const std::string& folded = document.text().folded();
    const std::string& cased = document.text().cased();
    for (const FrameRule& rule : frames_) {
      const auto match = match_frame(rule.frame, tagged.hits);
      if (!match || !nearby_allows(rule, tagged)) continue;
      const Span target{tagged.tokens[static_cast<std::size_t>(match->first)].text.begin,
                        tagged.tokens[static_cast<std::size_t>(match->last)].text.end};
      CueVerdict verdict = cues_ ? cues_->classify(folded, sentence, target) : CueVerdict{};
      if (is_frame_word(rule.frame, verdict.text)) verdict = {};
      if (verdict.cue == Cue::Question) verdict = answer_to(document, sentence);
      if (getenv("DBG")) fprintf(stderr, "  frame %s verdict %d %s\n", rule.frame.name.c_str(), (int)verdict.cue, verdict.text.c_str());
      if (verdict.cue == Cue::None && rule.addressed && !addresses_reader(document, tagged)) continue;
      const auto why = reason(rule.flag_when, verdict);
      if (!why || countered(document, rule, sentence, target)) continue;
      std::vector<std::string> words;
      for (const WordClasses::Hit& hit : match->slots) {
        Span word{tagged.tokens[static_cast<std::size_t>(hit.first)].text.begin,
                  tagged.tokens[static_cast<std::size_t>(hit.last)].text.end};
        std::string said = fmt::format("\"{}\"", cased.substr(word.begin, word.size()));
        if (const auto antecedent = tagged.antecedents.find({hit.word_class, hit.first});
            antecedent != tagged.antecedents.end()) {
          said += fmt::format(" (\"{}\")", cased.substr(antecedent->second.begin, antecedent->second.size()));
        }
        words.push_back(fmt::format("{} {}", classes_->name(hit.word_class), said));
      }
      const std::string matched = cased.substr(target.begin, target.size());
      std::string help = fmt::format("{}: {}; {}", rule.frame.name, fmt::join(words, ", "), *why);
      if (!rule.suggest.empty()) help += "; " + rule.suggest;
      out.push_back(finding(document, document.text().to_source(target),
                            fill_template(rule.message, {{"match", matched}}), std::move(help)));
      return;  // one finding per sentence: it is one piece of advice
    }
  }

  // Whether a cue is itself a word of one of the frame's classes: "there's
  // no need to" before "take up a GP appointment" is the frame speaking,
  // not a negation of it.
  bool is_frame_word(const Frame& frame, const std::string& cue) const {
    if (cue.empty()) return false;
    const std::vector<Token> tokens = tokenize(cue, {0, cue.size()});
    for (const WordClasses::Hit& hit : classes_->tag(tokens)) {
      if (hit.first != 0 || hit.last + 1 != static_cast<int>(tokens.size())) continue;
      for (const auto& slot : frame.slots) {
        if (std::find(slot.begin(), slot.end(), hit.word_class) != slot.end()) return true;
      }
    }
    return false;
  }

  bool countered(const Document& document, const FrameRule& rule, Span sentence, Span target) const {
    const std::string& folded = document.text().folded();
    std::vector<Span> after = {{target.end, sentence.end}};
    const auto next = next_sentence(document, sentence);
    if (next) after.push_back(*next);
    for (const Span range : after) {
      if (!counters_.warnings.find_all(folded, range).empty()) return true;
      if (rule.flag_when == FlagWhen::Always && !counters_.care_advice.find_all(folded, range).empty()) return true;
    }
    // "Never take them yourself.", "Not worth the risk."
    if (next) {
      for (const Lexicon::Match& opener : counters_.warning_openers.find_all(folded, *next)) {
        if (opener.text.begin == next->begin) return true;
      }
    }
    return false;
  }

  static bool nearby_allows(const FrameRule& rule, const TaggedSentence& tagged) {
    const auto nearby = [&](int word_class) { return has_class(tagged.hits, word_class) || tagged.before.count(word_class); };
    if (!rule.needs_nearby.empty() && std::none_of(rule.needs_nearby.begin(), rule.needs_nearby.end(), nearby)) {
      return false;
    }
    return std::none_of(rule.unless_nearby.begin(), rule.unless_nearby.end(), nearby);
  }

  // Whether the sentence speaks to or as the reader, or opens with a verb
  // (after "just", "simply"...): an instruction.
  bool addresses_reader(const Document& document, const TaggedSentence& tagged) const {
    if (voice_.reader >= 0 && has_class(tagged.hits, voice_.reader)) return true;
    if (voice_.imperative < 0) return false;
    const std::string& folded = document.text().folded();
    for (const WordClasses::Hit& hit : tagged.hits) {
      if (hit.word_class != voice_.imperative) continue;
      const std::size_t verb = tagged.tokens[static_cast<std::size_t>(hit.first)].text.begin;
      std::size_t start = tagged.text.begin;
      for (const Lexicon::Match& opener : voice_.openers.find_all(folded, {tagged.text.begin, verb})) {
        if (opener.text.begin <= start + 1) start = opener.text.end;
      }
      while (start < verb && !std::isalnum(static_cast<unsigned char>(folded[start]))) ++start;
      if (start == verb) return true;
    }
    return false;
  }

  // A question answered yes right after ("Can I...? Yes, ...") endorses
  // what it asks; otherwise a question is no advice.
  CueVerdict answer_to(const Document& document, Span question) const {
    const auto answer = next_sentence(document, question);
    if (!answer) return {Cue::Question, {}};
    const std::string& folded = document.text().folded();
    for (const Lexicon::Match& match : affirmative_answers_.find_all(folded, *answer)) {
      if (match.text.begin == answer->begin) {
        return {Cue::Endorsed, std::string(folded.substr(match.text.begin, match.text.size()))};
      }
    }
    return {Cue::Question, {}};
  }

  // Why a frame is a finding, or nullopt when its cues clear it. A claim
  // reported as others' ("many people find...") counts unless the text
  // rejects it (see countered()).
  static std::optional<std::string> reason(FlagWhen flag_when, const CueVerdict& verdict) {
    if (verdict.cue == Cue::Endorsed) return fmt::format("endorsed by \"{}\"", verdict.text);
    if (verdict.cue == Cue::None) return std::string("stated as advice, with no warning against it");
    if (verdict.cue == Cue::Reported) return fmt::format("reported (\"{}\") without being rejected", verdict.text);
    if (flag_when == FlagWhen::Always && verdict.cue != Cue::Discouraged && verdict.cue != Cue::Negated &&
        verdict.cue != Cue::Question) {
      return std::string("stated as advice");
    }
    return std::nullopt;
  }

  std::shared_ptr<const WordClasses> classes_;
  std::vector<FrameRule> frames_;
  Lexicon anchors_;
  std::shared_ptr<const ContextCues> cues_;
  int pronouns_;
  std::vector<int> antecedents_;
  Lexicon affirmative_answers_;
  Voice voice_;
  Counters counters_;
};

// A class name of the packs in use, or a ConfigError at `node`.
int class_index(const WordClasses& classes, const Options& options, const YAML::Node& node, const std::string& name) {
  const int index = classes.find(name);
  if (index < 0) {
    throw options.error(node, fmt::format("unknown word class `{}`; define it under `word_classes:` of a rule pack", name));
  }
  return index;
}

}  // namespace

std::unique_ptr<Rule> make_advice_rule(RuleInfo info, const YAML::Node& node, const RuleBuildContext& context) {
  const Options options(node, context.config_path, fmt::format("options of rule `{}`", info.id));
  options.allow_only({"frames", "context", "message", "suggest", "pronouns", "antecedents", "affirmative_answers",
                      "reader", "imperative", "openers", "warnings", "warning_openers", "care_advice"});
  if (!options.has("frames")) throw options.error(node, fmt::format("rule `{}` needs `frames`", info.id));
  const std::shared_ptr<const WordClasses> classes = read_word_classes(context);
  const std::string message = options.string("message", "\"{match}\"");
  const std::string suggest = options.string("suggest", "");
  std::vector<FrameRule> frames;
  std::set<int> anchor_classes;
  const YAML::Node frame_nodes = options.node("frames");
  if (!frame_nodes.IsSequence()) throw options.error(frame_nodes, "`frames` must be a list");
  for (const YAML::Node& frame_node : frame_nodes) {
    const Options frame(frame_node, context.config_path, fmt::format("a frame of rule `{}`", info.id));
    frame.allow_only({"name", "slots", "blocked_by", "window", "flag_when", "addressed", "needs_nearby",
                      "unless_nearby", "message", "suggest"});
    FrameRule rule;
    rule.frame.name = frame.string("name", "");
    rule.frame.window = frame.integer("window", 12, 1, 60);
    for (const std::string& slot : frame.strings("slots")) {
      std::vector<int>& alternatives = rule.frame.slots.emplace_back();
      for (std::size_t begin = 0; begin <= slot.size();) {
        const std::size_t end = std::min(slot.find('|', begin), slot.size());
        alternatives.push_back(class_index(*classes, frame, frame.node("slots"), slot.substr(begin, end - begin)));
        begin = end + 1;
      }
    }
    if (rule.frame.slots.empty()) throw frame.error(frame_node, "a frame needs `slots`: the word classes it joins");
    const auto class_list = [&](const std::string& key) {
      std::vector<int> list;
      for (const std::string& name : frame.strings(key)) list.push_back(class_index(*classes, frame, frame.node(key), name));
      return list;
    };
    rule.frame.blocked_by = class_list("blocked_by");
    rule.needs_nearby = class_list("needs_nearby");
    rule.unless_nearby = class_list("unless_nearby");
    rule.addressed = frame.boolean("addressed", true);
    rule.flag_when = frame.choice("flag_when", "affirmed", {"affirmed", "always"}) == "always" ? FlagWhen::Always
                                                                                               : FlagWhen::Affirmed;
    rule.message = frame.string("message", message);
    rule.suggest = frame.string("suggest", suggest);
    anchor_classes.insert(rule.frame.slots.front().begin(), rule.frame.slots.front().end());
    frames.push_back(std::move(rule));
  }
  // The scan looks for the words of each frame's first slot.
  YAML::Node anchor_phrases;
  for (const int word_class : anchor_classes) {
    for (const std::string& spelling : classes->spellings(word_class)) anchor_phrases["phrases"].push_back(spelling);
  }
  Lexicon anchors = Lexicon::read(anchor_phrases, context.config_path, context.locale,
                                  fmt::format("the class words of rule `{}`", info.id));
  const auto optional_class = [&](const std::string& key) {
    return options.has(key) ? class_index(*classes, options, options.node(key), options.string(key, "")) : -1;
  };
  const int pronouns = optional_class("pronouns");
  const auto phrase_list = [&](const std::string& key) {
    YAML::Node phrases;
    for (const std::string& phrase : options.strings(key)) phrases["phrases"].push_back(phrase);
    return Lexicon::read(phrases, context.config_path, context.locale, fmt::format("`{}` of rule `{}`", key, info.id));
  };
  AdviceRule::Voice voice{optional_class("reader"), optional_class("imperative"), phrase_list("openers")};
  std::vector<int> antecedents;
  for (const std::string& name : options.strings("antecedents")) {
    antecedents.push_back(class_index(*classes, options, options.node("antecedents"), name));
  }
  Lexicon answers = phrase_list("affirmative_answers");
  AdviceRule::Counters counters{
      Lexicon::read(options.node("warnings"), context.config_path, context.locale, "`warnings`"),
      Lexicon::read(options.node("warning_openers"), context.config_path, context.locale, "`warning_openers`"),
      Lexicon::read(options.node("care_advice"), context.config_path, context.locale, "`care_advice`")};
  return std::make_unique<AdviceRule>(std::move(info), classes, std::move(frames), std::move(anchors),
                                      read_cue_option(options, "context", context), pronouns, std::move(antecedents),
                                      std::move(answers), std::move(voice), std::move(counters));
}

}  // namespace medlint
