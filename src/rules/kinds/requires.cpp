// Kind `requires`: when a trigger occurs, wording from one of the named
// `satisfied_by` lists must appear in the trigger's scope. Used for red-flag
// symptoms that need escalation advice. An optional linear model (rule
// data, trained by scripts/train-advice-model) finds red flags the
// triggers miss, in a paragraph or list item that passes its gates.
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>

#include "language/co_occurrence.h"
#include "language/features.h"
#include "language/sentence_words.h"
#include "rules/context.h"
#include "rules/kinds/kinds.h"
#include "rules/model_reader.h"
#include "rules/models.h"
#include "rules/scopes.h"
#include "rules/spelling_lexicon.h"
#include "rules/word_class_sets.h"

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
  // A symptom that is also a lasting feature of many diseases ("chest
  // pain", "trouble breathing") is no red flag in a third-person reference
  // description of a disease, unless that disease is an emergency.
  bool disease_feature = false;
  // A sign that is an emergency in any text stays one where a reference
  // description lists it among a disease's effects ("a bleeding ulcer may
  // cause black, sticky stools").
  bool presented_in_reference = false;
  // A group's red flag may also be written as word classes near each other
  // (`near:`): a body part with a word of severity, a verb of collapse.
  std::vector<CoOccurrence> near;
  // Wording in the sentence or the list's line that names the red flag as
  // something other than a sign the reader faces now: what a long-term
  // condition brings ("If you have asthma, you might also:"), a medicine's
  // side effect, a risk to prevent. An emergency named there still counts.
  Lexicon not_presented_by;
  // Wording in the sentence or the list's line that makes this lasting
  // feature an emergency where a page describes it (trouble breathing in a
  // newborn, a coma "in acute cases"): no reference description then.
  Lexicon emergency_when;
  // A sign's bare name that is a red flag only as the whole of a list
  // item, read with the list's line ("Check with your child's doctor if
  // your child has any of the following: - Seizures."): in a sentence the
  // same word more often names a condition's feature or its treatment.
  Lexicon listed_alone;
  // Signs that are a red flag together, each in an item of one list
  // ("- fever above 101F ... - mental changes or confusion"): the list item
  // with a `listed_item` word is the red flag where another item of its list
  // holds a `listed_beside` word.
  Lexicon listed_item;
  Lexicon listed_beside;
};

// The wording around a red flag that tells how a page presents it.
struct PresentingWording {
  // A disease described for reference ("People with X often have...").
  Lexicon reference;
  // Speaking to or of the reader or someone in their care.
  Lexicon reader;
  // Routine care offered for a list ("See your GP if:").
  Lexicon routine;
  // The opening words of a sentence that goes on from the one before it.
  Lexicon continuation;
};

// The trigger groups written as word classes, and the spellings of their
// first classes: the sentences worth tagging.
struct ClassTriggers {
  std::shared_ptr<const WordClasses> classes;
  Lexicon anchors;
};

// The model that reads a paragraph or list item no trigger found a red
// flag in, and the classes of words that name a sign (`model_signs`): a
// window without one is not read, and a finding sits on them. It reads the
// words themselves (word_features()): with the rule's classes standing for
// them it did no better out of fold (cross-validated precision 0.91
// against 0.94) nor on labelled sets it never saw. The classes only gate.
struct WindowModel {
  std::shared_ptr<const TrainedModel> model;
  std::shared_ptr<const WordClasses> classes;
  std::vector<bool> visible;  // the classes the rule reads (visible_word_classes)
  std::vector<int> signs;
  // The rule's `trigger_context`: a sign it calls negated or reported
  // ("four years since my overdose") is not read.
  std::shared_ptr<const ContextCues> cues;
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Whether wording that is a number ("911") stands as that number: not part
// of a longer one ("1-800-911-4455", "9115", "1,000") and not a model name after a
// proper noun in mid-sentence ("Porsche 911"). A capital that opens the
// sentence or a clause after a colon is no name ("When to get help: Call 999").
bool is_standalone_number(const Document& document, Span match) {
  const CasedText cased = document.text().cased();
  const auto digit_at = [&](std::size_t offset) { return offset < cased.size() && is_digit(cased[offset]); };
  const auto joins_digits = [](char c) { return c == '-' || c == '.' || c == '/' || c == ')' || c == '(' || c == ','; };
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
  std::size_t before_word = word_begin;
  while (before_word > 0 && cased[before_word - 1] == ' ') --before_word;
  if (before_word > 0 && cased[before_word - 1] == ':') return true;
  const Span sentence = sentence_range(document, match.begin);
  return word_begin <= sentence.begin;
}

// Escalation wording counts only where a reader takes it as advice: in the
// text of a paragraph, list item or the like (a heading alone promises
// advice it may not give, unless it heads the list it is read with; a
// front-matter key medlint does not know may never be shown), and a number
// only as that number.
bool reads_as_advice(const Document& document, Span match, bool heading_counts) {
  const int block = document.block_at(match.begin);
  if (block >= 0) {
    const BlockKind kind = document.blocks[static_cast<std::size_t>(block)].kind;
    if (kind == BlockKind::FrontMatterText) return false;
    if (!heading_counts && (kind == BlockKind::Heading || kind == BlockKind::Title)) return false;
  }
  const std::string_view text = std::string_view(document.text().folded()).substr(match.begin, match.size());
  return !std::all_of(text.begin(), text.end(), is_digit) || is_standalone_number(document, match);
}

bool in_title(const Document& document, std::size_t offset) {
  const int block = document.block_at(offset);
  return block >= 0 && document.blocks[static_cast<std::size_t>(block)].kind == BlockKind::Title;
}

// A red flag that is all of a parenthesis names the words before it, as
// reference pages gloss a description with its term ("the membrane
// covering the brain (meningitis)"): those words are the mention.
bool is_gloss(const std::string& folded, Span match) {
  return match.begin > 0 && match.end < folded.size() && folded[match.begin - 1] == '(' && folded[match.end] == ')';
}

// A table of a condition's features with how often each occurs ("Seizures
// 7.5% Retinal detachment 90% ... Status epilepticus - Visual impairment -"),
// however the page flattened it: its entries describe the condition, none
// is presented to the reader.
bool in_frequency_table(const Document& document, std::size_t offset) {
  constexpr int kPercentages = 3;
  constexpr int kUnknownFrequencies = 3;  // " - " where the table has no figure
  const int block = document.block_at(offset);
  if (block < 0) return false;
  const Span span = document.blocks[static_cast<std::size_t>(block)].text;
  const std::string_view text = std::string_view(document.text().folded()).substr(span.begin, span.size());
  int percentages = 0;
  int unknown = 0;
  for (std::size_t at = 1; at < text.size(); ++at) {
    if (text[at] == '%' && is_digit(text[at - 1])) ++percentages;
    if (text[at] == '-' && text[at - 1] == ' ' && at + 1 < text.size() && text[at + 1] == ' ') ++unknown;
  }
  return percentages >= kPercentages || unknown >= kUnknownFrequencies;
}

class RequiresRule final : public Rule, public ModelReader {
 public:
  RequiresRule(RuleInfo info, Scope scope, Lexicon triggers, std::vector<Trigger> trigger_info,
               std::vector<Requirement> requirements, std::vector<int> default_any, std::string message,
               std::shared_ptr<const ContextCues> wording_cues, PresentingWording presenting, ClassTriggers class_triggers,
               WindowModel window_model)
      : Rule(std::move(info)), scope_(scope), triggers_(std::move(triggers)), trigger_info_(std::move(trigger_info)),
        class_triggers_(std::move(class_triggers)),
        requirements_(std::move(requirements)), default_any_(std::move(default_any)), message_(std::move(message)),
        wording_cues_(std::move(wording_cues)), presenting_(std::move(presenting)), window_model_(std::move(window_model)) {
    for (std::size_t group = 0; group < trigger_info_.size(); ++group) {
      if (!trigger_info_[group].listed_alone.empty()) listed_alone_groups_.push_back(static_cast<int>(group));
      if (!trigger_info_[group].listed_item.empty()) listed_together_groups_.push_back(static_cast<int>(group));
    }
  }

  std::vector<const Lexicon*> scanned_lexicons() const override {
    std::vector<const Lexicon*> lexicons = {&triggers_,        &class_triggers_.anchors, &presenting_.reference,
                                            &presenting_.reader, &presenting_.routine, &presenting_.continuation};
    for (const Requirement& requirement : requirements_) lexicons.push_back(&requirement.wording);
    return lexicons;
  }

  void check(const RuleContext& context, std::vector<Diagnostic>& out) const override {
    std::optional<SentenceWords> own_words;
    Reading reading(context.words ? *context.words : own_words.emplace(context.document.text().folded()));
    check_triggers(context, reading, out);
    if (!window_model_.model) return;
    for (const Window& window : gated_windows(context, reading)) {
      const double score = window_model_.model->score_by_keys(word_feature_keys(window.sentences));
      if (!window_model_.model->decides_surely(score)) continue;
      const std::vector<std::string> features = word_features(window.sentences);
      const std::string needed = fmt::format("{}", fmt::join(describe(default_any_), ", or "));
      const Document& document = context.document;
      const std::string matched = document.text().cased().substr(window.sign.begin, window.sign.size());
      out.push_back(finding(document, document.text().to_source(window.sign),
                            fill_template(message_, {{"match", matched}, {"missing", needed}}),
                            fmt::format("tell readers to {}; the model's strongest reasons: {} (score {:.2f})", needed,
                                        fmt::join(window_model_.model->strongest(features, 4), ", "), score)));
    }
  }

  // Every window's features; the kind "read" when the gates that need no
  // score let the model read one, and "unescalated" when they would but
  // for the rule's own finding there: the model's sure threshold is set
  // among the latter, a sample of the windows it reads that holds the
  // positives the triggers find as well as those they miss.
  Example model_example(const Document& document, std::string_view model_option) const override {
    if (model_option != "model") throw std::invalid_argument("a `requires` rule reads only its `model`");
    Example example;
    if (!window_model_.classes) return example;
    const RuleContext context{document, {}, nullptr};
    SentenceWords words(document.text().folded());
    Reading reading(words);
    std::vector<Diagnostic> ignored;
    check_triggers(context, reading, ignored);
    if (!gated_windows(context, reading).empty()) example.kinds.insert("read");
    reading.flagged_blocks.clear();
    if (!gated_windows(context, reading).empty()) example.kinds.insert("unescalated");
    for (const int block : prose_blocks(document)) {
      const std::vector<std::string> features = word_features(tagged_sentences(document, words, block));
      example.features.insert(features.begin(), features.end());
    }
    return example;
  }

 private:
  // What one reading of a document keeps.
  struct Reading {
    explicit Reading(SentenceWords& words) : words(words) {}
    SentenceWords& words;  // the document's sentences' words, as in RuleContext
    // Whether requirement r appears in a range; ranges repeat across triggers.
    std::map<std::tuple<int, std::size_t, std::size_t>, bool> present;
    // The blocks a trigger found an unescalated red flag in: the model
    // reads none of them.
    std::set<int> flagged_blocks;
    // Where a `listed_together` red flag starts.
    std::set<std::size_t> listed_together;
  };

  // A paragraph or list item the model reads, its sentences tagged, and its
  // first word of a sign, where a finding sits.
  struct Window {
    std::vector<TaggedWords> sentences;
    Span sign;
  };

  bool appears(const RuleContext& context, Reading& reading, int requirement, Span range, bool heading_counts) const {
    const Document& document = context.document;
    const std::string& folded = document.text().folded();
    const auto key = std::make_tuple(requirement, range.begin, range.end);
    if (auto found = reading.present.find(key); found != reading.present.end()) return found->second;
    bool result = false;
    for (const Lexicon::Match& match :
         requirements_[static_cast<std::size_t>(requirement)].wording.find_all(folded, range, context.hits)) {
      if (!reads_as_advice(document, match.text, heading_counts)) continue;
      // "You don't need to call 911" is no escalation advice.
      const Cue cue = wording_cues_
                          ? wording_cues_->classify(folded, sentence_range(document, match.text.begin), match.text).cue
                          : Cue::None;
      if (cue != Cue::Negated) {
        result = true;
        break;
      }
    }
    reading.present.emplace(key, result);
    return result;
  }

  std::vector<std::string> describe(const std::vector<int>& requirements) const {
    std::vector<std::string> described;
    for (int requirement : requirements) described.push_back(requirements_[static_cast<std::size_t>(requirement)].describe);
    return described;
  }

  // The triggers' findings.
  void check_triggers(const RuleContext& context, Reading& reading, std::vector<Diagnostic>& out) const {
    const Document& document = context.document;
    const std::string& folded = document.text().folded();
    const auto appears = [&](int requirement, Span range, bool heading_counts) {
      return this->appears(context, reading, requirement, range, heading_counts);
    };
    // One finding per red flag and scope: its first unescalated mention.
    std::set<std::pair<int, std::size_t>> reported;
    // And one per sentence: "chest pain can be a sign of a heart attack"
    // lacks one piece of advice, not two.
    std::set<std::size_t> reported_sentences;
    for (const Span range : scanned_ranges(document, Scope::Document)) {
      for (const Lexicon::Match& match : trigger_matches(context, reading, range)) {
        // "This rash does not cause chest pain" raises no red flag, nor does
        // a frequency in a table of a condition's features.
        const Trigger& trigger = trigger_info_[static_cast<std::size_t>(match.group)];
        // A link's text names a page ("- [Meningitis](/conditions/...)",
        // "Suicide prevention"), not the reader's symptom.
        if (in_link_text(document, match.text)) continue;
        // The title names the page's topic; the finding belongs on the
        // article's own mention, where an editor adds the advice.
        if (in_title(document, match.text.begin)) continue;
        if (in_frequency_table(document, match.text.begin)) continue;
        if (is_gloss(folded, match.text)) continue;
        const Span sentence = sentence_range(document, match.text.begin);
        const Span lead_in = list_lead_in(document, match.text.begin);
        if (trigger.cues) {
          // A question about a red flag still presents it ("Chest pain on
          // your run?"): its cues decide, not its question mark.
          Span asked = sentence;
          if (asked.end > match.text.end && folded[asked.end - 1] == '?') --asked.end;
          const CueVerdict verdict = trigger.cues->classify(folded, asked, match.text);
          // A reference cue ("Signs and symptoms in infants may include")
          // yields to what makes the feature an emergency there, and to a
          // sign that is one in any text.
          const bool reference_cue = verdict.cue == Cue::Reported &&
                                     presenting_.reference.contains(verdict.text, {0, verdict.text.size()}) &&
                                     (trigger.presented_in_reference ||
                                      (trigger.disease_feature && made_emergency(trigger, context, sentence, lead_in)));
          if (verdict.cue == Cue::Negated || (verdict.cue == Cue::Reported && !reference_cue)) continue;
        }
        // A disease's feature described for reference is no red flag; an
        // emergency is, except as an item of a reference list
        // ("Complications are rare but can include: - meningitis") that
        // nothing makes an emergency there (a baby's fever under "Children
        // with UTIs may also:").
        if (trigger.disease_feature ? described_for_reference(context, trigger, sentence, lead_in)
                                    : !reading.listed_together.count(match.text.begin) &&
                                          listed_to_others(context, lead_in) &&
                                          !made_emergency(trigger, context, sentence, lead_in)) {
          continue;
        }
        if ((found(trigger.not_presented_by, context, sentence) || found(trigger.not_presented_by, context, lead_in)) &&
            !names_emergency(context, sentence, match.group) && !names_emergency(context, lead_in, match.group)) {
          continue;
        }
        // Advice in the list's line covers its items ("Call 999 if you
        // have:"); routine advice there ("See your GP if:") is what the
        // page offers for them, whatever it says elsewhere.
        const auto satisfied = [&](int requirement) {
          if (!lead_in.empty() && appears(requirement, lead_in, true)) return true;
          const bool routine = !lead_in.empty() && presenting_.routine.contains(folded, lead_in, context.hits);
          return !routine && appears(requirement, enclosing_range(document, scope_, match.text.begin), false);
        };
        std::vector<std::string> missing;
        const bool any = trigger.any_of.empty() ||
                         std::any_of(trigger.any_of.begin(), trigger.any_of.end(), satisfied);
        if (!any) missing.push_back(fmt::format("{}", fmt::join(describe(trigger.any_of), ", or ")));
        for (int requirement : trigger.all_of) {
          if (!satisfied(requirement)) missing.push_back(requirements_[static_cast<std::size_t>(requirement)].describe);
        }
        if (!missing.empty()) reading.flagged_blocks.insert(document.block_at(match.text.begin));
        const std::size_t scope_begin = enclosing_range(document, scope_, match.text.begin).begin;
        // A sentence already reported for another red flag does not use up
        // this one's finding: its next mention still gets it.
        if (missing.empty() || reported_sentences.count(sentence.begin) > 0 ||
            !reported.emplace(match.group, scope_begin).second) {
          continue;
        }
        reported_sentences.insert(sentence.begin);
        const std::string matched = document.text().cased().substr(match.text.begin, match.text.size());
        const std::string needed = fmt::format("{}", fmt::join(missing, "; and "));
        out.push_back(finding(document, document.text().to_source(match.text),
                              fill_template(trigger.message, {{"match", matched}, {"missing", needed}}),
                              fmt::format("tell readers to {}", needed)));
      }
    }
  }

  // The paragraphs and list items the model reads (the unit a story of
  // symptoms is told in), with no escalation in the rule's scope or the
  // list's line, no unescalated red flag a trigger found (a red flag the
  // rule dismissed as reference or negated may still be the reader's, in
  // wording its cues misread), wording about the reader or someone in
  // their care, no reference wording in it or its list's line, and a word
  // of a sign.
  std::vector<Window> gated_windows(const RuleContext& context, Reading& reading) const {
    const Document& document = context.document;
    std::vector<Window> windows;
    for (const int block : prose_blocks(document)) {
      const Span text = document.blocks[static_cast<std::size_t>(block)].text;
      // Escalation already found in the rule's scope (by the triggers'
      // reading, say: a document-wide scope is one range for every block)
      // closes the window before its wording is read. Only a known answer
      // is looked up: asking appears() first cost real articles more than
      // the wording it spared.
      const Span scope = enclosing_range(document, scope_, text.begin);
      if (std::any_of(default_any_.begin(), default_any_.end(), [&](int requirement) {
            const auto known = reading.present.find(std::make_tuple(requirement, scope.begin, scope.end));
            return known != reading.present.end() && known->second;
          })) {
        continue;
      }
      // A window that describes a disease for reference ("Anemia can make
      // you feel dizzy") tells no one's case, nor does a link's text.
      if (reading.flagged_blocks.count(block) > 0 || !found(presenting_.reader, context, text) ||
          found(presenting_.reference, context, text) || in_link_text(document, text)) {
        continue;
      }
      const Span lead_in = list_lead_in(document, text.begin);
      if (listed_for_reference(context, lead_in)) continue;
      const bool escalated = std::any_of(default_any_.begin(), default_any_.end(), [&](int requirement) {
        return (!lead_in.empty() && appears(context, reading, requirement, lead_in, true)) ||
               appears(context, reading, requirement, scope, false);
      });
      if (escalated) continue;
      Window window{tagged_sentences(document, reading.words, block), {}};
      const std::optional<Span> sign = first_sign(window.sentences);
      if (!sign) continue;
      if (window_model_.cues) {
        const Cue cue =
            window_model_.cues->classify(document.text().folded(), sentence_range(document, sign->begin), *sign).cue;
        if (cue == Cue::Negated || cue == Cue::Reported) continue;
      }
      window.sign = *sign;
      windows.push_back(std::move(window));
    }
    return windows;
  }

  // Each sentence of a block, its words tagged with the classes the rule reads.
  std::vector<TaggedWords> tagged_sentences(const Document& document, SentenceWords& words, int block) const {
    std::vector<TaggedWords> sentences;
    for (const Sentence& sentence : document.block_sentences(block)) {
      TaggedWords tagged{words.tokens(sentence.text), *words.hits(sentence.text, *window_model_.classes)};
      std::erase_if(tagged.hits, [&](const WordClasses::Hit& hit) {
        return !window_model_.visible[static_cast<std::size_t>(hit.word_class)];
      });
      sentences.push_back(std::move(tagged));
    }
    return sentences;
  }

  // The words of the first sign (`model_signs`) of a window.
  std::optional<Span> first_sign(const std::vector<TaggedWords>& sentences) const {
    for (const TaggedWords& sentence : sentences) {
      for (const WordClasses::Hit& hit : sentence.hits) {
        if (std::find(window_model_.signs.begin(), window_model_.signs.end(), hit.word_class) ==
            window_model_.signs.end()) {
          continue;
        }
        return Span{(*sentence.tokens)[static_cast<std::size_t>(hit.first)].text.begin,
                    (*sentence.tokens)[static_cast<std::size_t>(hit.last)].text.end};
      }
    }
    return std::nullopt;
  }

  bool found(const Lexicon& lexicon, const RuleContext& context, Span range) const {
    return !range.empty() && lexicon.contains(context.document.text().folded(), range, context.hits);
  }

  // The red flags of `range` in text order: the groups' phrases and
  // patterns, and the groups written as word classes near each other, read
  // only in sentences holding a word of a first class.
  std::vector<Lexicon::Match> trigger_matches(const RuleContext& context, Reading& reading, Span range) const {
    SentenceWords& words = reading.words;
    const Document& document = context.document;
    const std::string& folded = document.text().folded();
    std::vector<Lexicon::Match> matches = triggers_.find_all(folded, range, context.hits);
    add_listed_alone(context, range, matches);
    add_listed_together(context, range, matches, reading.listed_together);
    std::set<std::size_t> tagged_sentences;
    for (const Lexicon::Match& anchor : class_triggers_.anchors.find_all(folded, range, context.hits)) {
      const Span sentence = sentence_range(document, anchor.text.begin);
      if (!tagged_sentences.insert(sentence.begin).second) continue;
      const ClausedWords claused(folded, *words.tokens(sentence), *words.hits(sentence, *class_triggers_.classes));
      for (std::size_t group = 0; group < trigger_info_.size(); ++group) {
        for (const CoOccurrence& near : trigger_info_[group].near) {
          for (const CoOccurrenceMatch& found : find_co_occurrences(claused, near)) {
            const Span found_words{claused.tokens[static_cast<std::size_t>(found.first)].text.begin,
                                   claused.tokens[static_cast<std::size_t>(found.last)].text.end};
            matches.push_back({found_words, static_cast<int>(group)});
          }
        }
      }
    }
    std::stable_sort(matches.begin(), matches.end(),
                     [](const Lexicon::Match& a, const Lexicon::Match& b) { return a.text.begin < b.text.begin; });
    return matches;
  }

  // The list items in `range` that are wholly a group's `listed_alone`
  // name, but for spaces and the punctuation that ends an item, under a
  // list's line that speaks to or of the reader: a bare name is no sign
  // anyone faces where the line does not say so ("Signs of the tumour
  // can include: - seizures").
  void add_listed_alone(const RuleContext& context, Span range, std::vector<Lexicon::Match>& matches) const {
    if (listed_alone_groups_.empty()) return;
    const Document& document = context.document;
    const std::string& folded = document.text().folded();
    for (const Block& block : document.blocks) {
      if (block.kind != BlockKind::ListItem || block.text.end <= range.begin || block.text.begin >= range.end) continue;
      Span item = block.text;
      while (item.begin < item.end && std::isspace(static_cast<unsigned char>(folded[item.begin]))) ++item.begin;
      while (item.end > item.begin && (std::isspace(static_cast<unsigned char>(folded[item.end - 1])) ||
                                       folded[item.end - 1] == '.' || folded[item.end - 1] == ';' ||
                                       folded[item.end - 1] == ',')) {
        --item.end;
      }
      for (const int group : listed_alone_groups_) {
        const auto names = trigger_info_[static_cast<std::size_t>(group)].listed_alone.find_all(folded, item);
        const bool whole = std::any_of(names.begin(), names.end(), [&](const Lexicon::Match& name) {
          return name.text.begin == item.begin && name.text.end == item.end;
        });
        if (whole && found(presenting_.reader, context, list_lead_in(document, block.text.begin))) {
          matches.push_back({item, group});
        }
      }
    }
  }

  // The `listed_item` words of a group in `range` whose list holds a
  // `listed_beside` word in another of its items, their starts noted in
  // `starts`: a pair that is an emergency together stays one under a
  // reference list's line. A list is a run of list items with no other
  // block between them.
  void add_listed_together(const RuleContext& context, Span range, std::vector<Lexicon::Match>& matches,
                           std::set<std::size_t>& starts) const {
    if (listed_together_groups_.empty()) return;
    const std::vector<Block>& blocks = context.document.blocks;
    const std::string& folded = context.document.text().folded();
    for (std::size_t first = 0; first < blocks.size();) {
      if (blocks[first].kind != BlockKind::ListItem) {
        ++first;
        continue;
      }
      std::size_t end = first + 1;
      while (end < blocks.size() && blocks[end].kind == BlockKind::ListItem) ++end;
      for (const int group : listed_together_groups_) {
        const Trigger& trigger = trigger_info_[static_cast<std::size_t>(group)];
        // The items holding a `beside` word: one other than the item itself will do.
        std::vector<std::size_t> beside;
        for (std::size_t item = first; item < end && beside.size() < 2; ++item) {
          if (!trigger.listed_beside.find_all(folded, blocks[item].text).empty()) beside.push_back(item);
        }
        if (beside.empty()) continue;
        for (std::size_t item = first; item < end; ++item) {
          const Span text = blocks[item].text;
          if (text.end <= range.begin || text.begin >= range.end) continue;
          if (beside.size() == 1 && beside.front() == item) continue;
          const auto named = trigger.listed_item.find_all(folded, text);
          if (named.empty()) continue;
          matches.push_back({named.front().text, group});
          starts.insert(named.front().text.begin);
        }
      }
      first = end;
    }
  }

  // Whether a list's line reads as reference ("Signs of the condition
  // include:") and does not speak to the reader. "Check with your doctor if
  // you have any of the following:" speaks to the reader only to offer
  // routine care for the disease described.
  bool listed_for_reference(const RuleContext& context, Span lead_in) const {
    return found(presenting_.reference, context, lead_in) &&
           !(found(presenting_.reader, context, lead_in) && !found(presenting_.routine, context, lead_in));
  }

  // Whether a list's line reads as reference and speaks to no one: routine
  // care offered to the reader for the list ("Check with your child's
  // doctor if your child has any of the following:") leaves an emergency
  // among its items the reader's to face ("- Seizures.").
  bool listed_to_others(const RuleContext& context, Span lead_in) const {
    return found(presenting_.reference, context, lead_in) && !found(presenting_.reader, context, lead_in);
  }

  // Whether a symptom in `sentence` (a list item read with `lead_in`) is a
  // disease's feature described for reference ("People with Friedreich's
  // ataxia may also have chest pain", "Signs of the condition include:"):
  // its paragraph or list reads as reference, neither the sentence nor the
  // list's line speaks to or of the reader, and the sentence, its short
  // paragraph or the list names no emergency the symptom belongs to ("Diabetic ketoacidosis develops
  // when... Symptoms include... fruity breath") and nothing that makes the
  // feature an emergency there (the group's `emergency_when`).
  bool described_for_reference(const RuleContext& context, const Trigger& trigger, Span sentence,
                               Span lead_in) const {
    const Document& document = context.document;
    // A short paragraph is about one thing: an emergency it names is the
    // one its symptoms belong to. A long reference paragraph names many.
    constexpr std::size_t kShortParagraph = 600;
    const int block = document.block_at(sentence.begin);
    const Span paragraph = block < 0 ? sentence : Span(document.blocks[static_cast<std::size_t>(block)].text);
    const Span topic = paragraph.size() <= kShortParagraph ? paragraph : sentence;
    const bool reference = lead_in.empty() ? found(presenting_.reference, context, paragraph)
                                           : listed_for_reference(context, lead_in) ||
                                                 (found(presenting_.reference, context, paragraph) &&
                                                  !found(presenting_.reader, context, lead_in));
    if (!reference || found(presenting_.reader, context, sentence) || made_emergency(trigger, context, sentence, lead_in)) {
      return false;
    }
    return !names_emergency(context, topic) && !names_emergency(context, lead_in);
  }

  // Whether the sentence or its list's line holds the group's
  // `emergency_when` wording: a young baby, an acute course. (A paragraph
  // names too much: "is not itself life-threatening" two sentences away.)
  bool made_emergency(const Trigger& trigger, const RuleContext& context, Span sentence, Span lead_in) const {
    if (trigger.emergency_when.empty()) return false;
    return found(trigger.emergency_when, context, sentence) || found(trigger.emergency_when, context, lead_in) ||
           found(trigger.emergency_when, context, continued_sentence(context, sentence));
  }

  // The sentence before `sentence` in its paragraph, where `sentence` goes
  // on from it (`continuation_wording` at its start: "This causes...",
  // "Signs include..."): the course said there ("When sodium falls quickly,
  // the brain swells.") is the one its features belong to.
  Span continued_sentence(const RuleContext& context, Span sentence) const {
    const Document& document = context.document;
    const std::string& folded = document.text().folded();
    std::size_t start = sentence.begin;
    while (start < sentence.end && !std::isalnum(static_cast<unsigned char>(folded[start]))) ++start;
    const auto opening = presenting_.continuation.find_all(folded, {start, sentence.end}, context.hits);
    if (opening.empty() || opening.front().text.begin != start) return {};
    std::size_t before = sentence.begin;
    while (before > 0 && std::isspace(static_cast<unsigned char>(folded[before - 1]))) --before;
    if (before == 0 || document.block_at(before - 1) != document.block_at(sentence.begin)) return {};
    return sentence_range(document, before - 1);
  }

  // Whether `range` names a red flag that is an emergency in any text, not
  // also a lasting feature of diseases, other than those of `own_group`.
  // An emergency its cues rule out names none: "chest pain that may feel
  // like a heart attack" in a list of achalasia's symptoms stays
  // reference, while "a severe reaction called anaphylaxis" still names
  // the emergency its list of signs belongs to.
  bool names_emergency(const RuleContext& context, Span range, int own_group = -1) const {
    if (range.empty()) return false;
    const Document& document = context.document;
    const std::string& folded = document.text().folded();
    const auto matches = triggers_.find_all(folded, range, context.hits);
    return std::any_of(matches.begin(), matches.end(), [&](const Lexicon::Match& match) {
      const Trigger& trigger = trigger_info_[static_cast<std::size_t>(match.group)];
      if (match.group == own_group || trigger.disease_feature) return false;
      if (!trigger.cues) return true;
      const Cue cue = trigger.cues->classify(folded, sentence_range(document, match.text.begin), match.text).cue;
      return cue != Cue::Negated;
    });
  }

  Scope scope_;
  Lexicon triggers_;
  std::vector<Trigger> trigger_info_;
  std::vector<int> listed_alone_groups_;  // the groups with `listed_alone` names
  std::vector<int> listed_together_groups_;  // the groups with `listed_together` signs
  ClassTriggers class_triggers_;
  std::vector<Requirement> requirements_;
  std::vector<int> default_any_;
  std::string message_;
  std::shared_ptr<const ContextCues> wording_cues_;
  PresentingWording presenting_;
  WindowModel window_model_;
};

}  // namespace

std::unique_ptr<Rule> make_requires_rule(RuleInfo info, const YAML::Node& node, const RuleBuildContext& context) {
  const std::string& path = context.config_path;
  const Options options(node, path, fmt::format("options of rule `{}`", info.id));
  options.allow_only({"scope", "triggers", "satisfied_by", "any_of", "all_of", "message", "trigger_context",
                      "wording_context", "reference_wording", "reader_wording", "routine_wording",
                      "continuation_wording", "model", "model_signs"});
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
  ClassTriggers class_triggers;
  std::vector<int> anchor_classes;  // the first class of each `near` group
  const auto read_near = [&](const YAML::Node& node, const RuleBuildContext& build, ClassTriggers& into) {
    // near: [{classes: [A, B], window: 7, unless: [C], ordered: true}, ...]
    const Options near(node, path, fmt::format("`near` of a trigger group of rule `{}`", info.id));
    near.allow_only({"classes", "unless", "window", "ordered"});
    if (!into.classes) into.classes = read_word_classes(build);
    const std::vector<bool> visible = visible_word_classes(build, *into.classes);
    const auto class_ids = [&](const std::string& key) {
      std::vector<int> ids;
      for (const std::string& name : near.strings(key)) {
        const int id = into.classes->find(name);
        if (id < 0) throw near.error(near.node(key), fmt::format("`{}` names `{}`, which no `word_classes:` defines", key, name));
        if (!visible[static_cast<std::size_t>(id)]) {
          throw near.error(near.node(key), fmt::format("`{}` names `{}`, a class defined beside other rules; define it "
                                                       "in this file or in a file of word classes alone",
                                                       key, name));
        }
        ids.push_back(id);
      }
      return ids;
    };
    CoOccurrence co;
    co.classes = class_ids("classes");
    if (co.classes.empty()) throw near.error(node, "`near` needs `classes`: the word classes that occur together");
    co.unless = class_ids("unless");
    co.window = near.integer("window", co.window, 1, 20);
    co.ordered = near.boolean("ordered", false);
    anchor_classes.push_back(co.classes.front());
    return co;
  };
  for (const YAML::Node& group_node : triggers.nodes()) {
    const Options group(group_node, path, fmt::format("a trigger group of rule `{}`", info.id));
    group.allow_only(
        {"name", "phrases", "patterns", "locales", "any_of", "all_of", "message", "context", "disease_feature", "near",
         "not_presented_by", "emergency_when", "listed_alone", "listed_together", "presented_in_reference"});
    Trigger trigger;
    trigger.any_of = group.has("any_of") ? names_to_indices(group, "any_of") : default_any;
    trigger.all_of = group.has("all_of") ? names_to_indices(group, "all_of") : default_all;
    trigger.message = group.string("message", message);
    trigger.cues = group.has("context") ? read_cue_option(group, "context", context) : trigger_cues;
    trigger.disease_feature = group.boolean("disease_feature", false);
    trigger.presented_in_reference = group.boolean("presented_in_reference", false);
    if (group.has("not_presented_by")) {
      trigger.not_presented_by = Lexicon::read(group.node("not_presented_by"), path, context.locale,
                                               fmt::format("`not_presented_by` of a trigger group of rule `{}`", info.id));
    }
    if (group.has("emergency_when")) {
      trigger.emergency_when = Lexicon::read(group.node("emergency_when"), path, context.locale,
                                             fmt::format("`emergency_when` of a trigger group of rule `{}`", info.id));
    }
    if (group.has("listed_alone")) {
      trigger.listed_alone = Lexicon::read(group.node("listed_alone"), path, context.locale,
                                           fmt::format("`listed_alone` of a trigger group of rule `{}`", info.id));
    }
    if (group.has("listed_together")) {
      // listed_together: {item: LEXICON, beside: LEXICON}
      const Options together(group.node("listed_together"), path,
                             fmt::format("`listed_together` of a trigger group of rule `{}`", info.id));
      together.allow_only({"item", "beside"});
      if (!together.has("item") || !together.has("beside")) {
        throw together.error(group.node("listed_together"),
                             "`listed_together` needs `item` (the red flag's words) and `beside` (the sign "
                             "another item of the same list must name)");
      }
      trigger.listed_item = Lexicon::read(together.node("item"), path, context.locale,
                                          fmt::format("`listed_together.item` of a trigger group of rule `{}`", info.id));
      trigger.listed_beside = Lexicon::read(together.node("beside"), path, context.locale,
                                            fmt::format("`listed_together.beside` of a trigger group of rule `{}`", info.id));
    }
    if (const YAML::Node near = group.node("near")) {
      if (!near.IsSequence()) throw group.error(near, "`near` must be a list of word classes that occur together");
      for (const YAML::Node& entry : near) trigger.near.push_back(read_near(entry, context, class_triggers));
    }
    trigger_info.push_back(std::move(trigger));
  }
  if (!anchor_classes.empty()) class_triggers.anchors = spelling_lexicon(*class_triggers.classes, anchor_classes);
  const auto optional_lexicon = [&](const std::string& key) {
    return options.has(key) ? Lexicon::read(options.node(key), path, context.locale,
                                            fmt::format("`{}` of rule `{}`", key, info.id))
                            : Lexicon();
  };
  PresentingWording presenting{optional_lexicon("reference_wording"), optional_lexicon("reader_wording"),
                                optional_lexicon("routine_wording"), optional_lexicon("continuation_wording")};
  WindowModel window_model;
  window_model.model = read_model_option(options, "model", context);
  // `model_signs` without a `model` lets the training tool read the
  // windows of a rule whose model is yet to be trained.
  if (window_model.model || options.has("model_signs")) {
    if (!options.has("model_signs")) {
      throw options.error(node, fmt::format("rule `{}` has a `model` but no `model_signs`: the word classes of the "
                                            "signs whose windows it reads",
                                            info.id));
    }
    window_model.classes = class_triggers.classes ? class_triggers.classes : read_word_classes(context);
    window_model.visible = visible_word_classes(context, *window_model.classes);
    window_model.cues = trigger_cues;
    for (const std::string& name : options.strings("model_signs")) {
      const int id = window_model.classes->find(name);
      if (id < 0 || !window_model.visible[static_cast<std::size_t>(id)]) {
        throw options.error(options.node("model_signs"),
                            fmt::format("`model_signs` names `{}`, which is no word class this rule reads", name));
      }
      window_model.signs.push_back(id);
    }
  }
  return std::make_unique<RequiresRule>(std::move(info), scope, std::move(triggers), std::move(trigger_info),
                                        std::move(requirements), default_any, message,
                                        read_cue_option(options, "wording_context", context),
                                        std::move(presenting),
                                        std::move(class_triggers), std::move(window_model));
}

}  // namespace medlint
