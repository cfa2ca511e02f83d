// Kind `advice`: risky advice found by frames over word classes (a STOP
// verb with a MEDICINE, a REMEDY in place of a TREATMENT...) and read in
// context: a cue set says whether the text endorses the act, warns against
// it, negates it, reports it or puts it under a clinician; an optional
// linear model (rule data, trained by scripts/train-advice-model) weighs
// the words of the sentence and its neighbours. Scan-first: one phrase scan
// finds the sentences holding a word of a frame's anchor slot; only those
// are tokenized and tagged.
//
// Declared here, not only in its source file, so the training tool
// (src/tools/model_features.cpp) reads the same features the rule scores.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string_view>

#include "language/features.h"
#include "language/frames.h"
#include "language/linear_model.h"
#include "rules/context.h"
#include "rules/model_reader.h"
#include "rules/rule.h"

namespace medlint {

class AdviceRule final : public Rule, public ModelReader {
 public:
  enum class FlagWhen {
    Affirmed,  // flagged unless warned against, negated, supervised or only asked about
    Always,    // the frame carries its own stance ("no need to see a doctor")
  };
  struct FrameRule {
    Frame frame;
    FlagWhen flag_when = FlagWhen::Affirmed;
    // A statement with no endorsing cue is advice only when it speaks to
    // or as the reader ("you", "I", an imperative), not when it describes
    // what clinicians do ("the dose is lowered slowly").
    bool addressed = true;
    // A frame whose classes carry the stance on their own, in wording the
    // model was never trained on, is not the model's to veto.
    bool model_veto = true;
    std::vector<int> needs_nearby;   // one of these classes in the sentence or the two before
    std::vector<int> unless_nearby;  // none of these there
    // The slot whose words the scan looks for (the rarest, so few
    // sentences are tokenized); 0-based here, 1-based in YAML.
    int anchor = 0;
    std::string message;
    std::string suggest;
  };
  // What speaks against advice after it: the rest of its sentence or the
  // next sentence ("..., but camphor can cause seizures"). Care advice
  // ("see a GP if it's deep") speaks against frames that discourage care.
  struct Counters {
    Lexicon warnings;
    Lexicon warning_openers;  // only at the start of the next sentence
    Lexicon care_advice;
    Lexicon warning_headings;  // at the start of the heading of the advice's section
    // At the end of a list's lead-in ("Low blood sugar can happen if you:"):
    // its items complete a condition or a cause, they are not instructions.
    Lexicon condition_lead_ins;
    // A story told as a warning, its moral or its bad end anywhere in the
    // advice's block, before it too ("PSA from someone who learned the
    // hard way", "... Worst month of my life.").
    Lexicon cautionary_tales;
  };
  struct Voice {
    int reader = -1;      // class of words addressing or speaking as the reader
    int imperative = -1;  // class of verbs that open an instruction
    Lexicon openers;      // words an instruction may start with ("just", "simply")
  };
  struct Settings {
    std::shared_ptr<const WordClasses> classes;
    std::vector<bool> visible_classes;  // the classes this rule reads (visible_word_classes)
    std::vector<bool> model_classes;    // of those, the ones `model` knows (medlint::model_classes)
    std::vector<FrameRule> frames;
    Lexicon anchors;  // spellings of the frames' anchor-slot classes
    std::shared_ptr<const ContextCues> cues;
    int pronouns = -1;
    Lexicon pronoun_words;  // the pronoun class's spellings, to find sentences worth tagging
    std::vector<int> antecedents;
    std::vector<int> question_antecedents;  // named only in a question right before
    // "Coming off your antidepressants? Drop to every other day, then
    // stop.": what a question right before names fills a frame's slot of
    // these classes in an instruction that names none.
    std::vector<int> question_topics;
    // "My GP increased it": a clinician right before the act does it, or
    // one of these pronouns with a clinician named before it.
    int clinicians = -1;
    int clinician_pronouns = -1;
    // "Label says 2, but I take 4": a count taken (`taking` then a number)
    // above a count stated before it (a number right after a `stated_after`
    // word, in the sentence or the one before) is a word of class `as`;
    // not a number of `durations` ("take 2 for 3 days").
    struct RaisedCount {
      int as = -1;
      int taking = -1;
      std::vector<int> stated_after;
      int durations = -1;
      std::vector<std::string> fillers;  // lemmas of words that may sit before the count ("dose is 10", "give myself 20")
    } raised_count;
    Lexicon affirmative_answers;
    Lexicon inner_negations;  // negations between a frame's words
    Voice voice;
    Counters counters;
    // It vetoes a frame's finding it scores below its cross-validated
    // `veto_below` for the finding's kind (plain or endorsed; instructions
    // stand whatever the score), and keeps advice said to no one in
    // particular only when it decides surely.
    std::shared_ptr<const TrainedModel> model;
    // A second reading, of the paragraphs and list items where neither the
    // frames nor `model` found advice: a model of their words alone,
    // trained on passages, that decides only at its sure threshold and
    // only where the cues state its strongest words as advice.
    std::shared_ptr<const TrainedModel> passage_model;
    // The model finds advice on its own only in a window naming one of
    // these acts and one of these objects.
    std::vector<int> model_acts;
    std::vector<int> model_objects;
    // Of those, the classes that may be the focus alone, with no word of
    // the other kind in the sentence; the model then decides only at its
    // cross-validated sure threshold.
    std::vector<int> model_one_slot;
    // A word inside a longer term of an `outer` class is that term's, not
    // a word of an `inner` class: "eye drops" is a medicine, not dropping
    // one; "cut back" is no cut.
    struct InsideTerms {
      std::vector<int> outer;
      std::vector<int> inner;
    };
    std::vector<InsideTerms> inside_terms;
    // "If you drink, here's how to cut back": a sentence naming one of these
    // habits is no one-slot advice of the model's (the act is on the habit).
    std::vector<int> habits;
    // "For allergy relief you can buy antihistamine drops": over-the-counter
    // medicine bought for a minor problem is self-care, not advice the model
    // may find on its own, unless the sentence names a medicine that needs a
    // prescription or a source outside the prescribing system (`unless`).
    struct SelfCare {
      Lexicon purchases;
      std::vector<int> unless;
    } self_care;
  };

  // What the frames and cues found in a sentence.
  struct FrameFinding {
    Diagnostic diagnostic;
    bool outright = false;  // an instruction: no model may veto it
    bool endorsed = false;  // endorsed by a cue: only a strong model score vetoes it
    bool unaddressed = false;  // no cue and not said to the reader: only the model's decision keeps it
    // How its advice is stated, as the model's `veto_below` and training
    // name it: outright, endorsed, unaddressed or plain.
    const char* kind() const {
      return outright ? "outright" : endorsed ? "endorsed" : unaddressed ? "unaddressed" : "plain";
    }
  };

  // A sentence holding a word of a frame's anchor slot, as the rule read it.
  struct Candidate {
    Span sentence;
    // Where a finding of the model points: the closest act and object
    // words of the sentence (see Settings::model_acts), if it has both;
    // else its first act, else its first object (see one_slot_of()).
    std::optional<Span> focus;
    bool one_slot = false;  // the focus is one word, not an act and its object: the model decides only when sure
    std::vector<std::uint64_t> feature_keys;  // what the model scores: LinearModel::feature_key() of each feature
    std::vector<std::string> features;        // their names, built only where read (a finding's reasons, training)
    std::optional<FrameFinding> frame_finding;
    // With no frame's finding: the model's score, and whether it decides
    // for a sentence that states its act and object as advice (see
    // stated_as_advice()).
    double score = 0;
    bool model_may_flag = false;
  };

  AdviceRule(RuleInfo info, Settings settings) : Rule(std::move(info)), settings_(std::move(settings)) {}

  std::vector<const Lexicon*> scanned_lexicons() const override { return {&settings_.anchors}; }
  void check(const RuleContext& context, std::vector<Diagnostic>& out) const override;

  // Every candidate sentence of a document, handed to `visit` in text
  // order as it is read: a long article's candidates are never all held
  // at once. `hits` as in RuleContext. Features::All reads every
  // candidate's features (for training), not only those the model scores.
  enum class Features { WhenScored, All };
  // What the passage model's first reading of a block told: nothing yet,
  // that it is not sure of the block (too few words, or a score below its
  // sure threshold), or that it is.
  enum class PassageVerdict : std::uint8_t { Unread, Unsure, Sure };
  struct PassageReading {
    std::vector<PassageVerdict> verdicts;  // one per block
    // The blocks found so far to hold a finding or a sentence the model
    // weighed: the passage model reads none of them, so needs no verdict.
    const std::set<int>* found = nullptr;
  };
  // `passages` (or null): the passage model's verdicts on the prose blocks
  // the rule reads sentences of, from the words read for the rule.
  // `words`: the document's sentences' words, as in RuleContext.
  void each_candidate(const Document& document, SentenceWords& words, Features features, const PatternHits* hits,
                      const std::function<void(Candidate&&)>& visit, PassageReading* passages = nullptr) const;
  // For `model`: the kinds of the frames' findings (FrameFinding::kind())
  // and the union of every candidate's features. For `passage_model`: the
  // union of every passage's features, and the kind "read" when a passage
  // with no finding of the rule passes the gates that need no score.
  Example model_example(const Document& document, std::string_view model_option) const override;

 private:
  struct Tagged;
  struct Passage;
  // Each sentence's words and class hits, read once per document.
  struct WordCache {
    explicit WordCache(SentenceWords& words) : words(words) {}
    SentenceWords& words;  // tokenized and tagged once for every rule
    std::map<std::size_t, TaggedWords> by_start;
    // When set (a check with a passage model): the words of a prose
    // block's sentences the rule reads are kept while it is one of the last
    // few blocks read. Dropping a block none of whose sentences was found,
    // the cache reads its other sentences and keeps the passage model's
    // verdict on it: its words are not read again for the model.
    PassageReading* passages = nullptr;
    struct BlockWords {
      std::vector<Span> sentences;
      std::vector<TaggedWords> words;  // of each sentence, no classes
      std::vector<bool> read;          // whether `words` holds the sentence's yet
    };
    std::map<int, BlockWords> block_words;
    // A sentence's words with the hits of the classes the rule reads,
    // less the words inside a longer term (Settings::inside_terms).
    const TaggedWords& of(const Document& document, const Settings& settings, Span sentence);
    // Sentences are read in text order and look back two: older ones are
    // dropped, so a long article's cache stays small.
    void forget_before(std::size_t sentence_start);
    // Drops the kept blocks (the verdicts kept as above).
    void drop_blocks(const Settings& settings);

   private:
    SharedTokens words_of(const Document& document, const Settings& settings, Span sentence);
    void drop_block(const Settings& settings, std::map<int, BlockWords>::iterator kept);
  };
  Tagged tag(const Document& document, Span sentence, WordCache& cache) const;
  // One sentence read: its frames, and the model's features and score when it scores.
  Candidate candidate_of(const Document& document, Span sentence, WordCache& cache, Features features) const;
  void resolve_pronouns(Tagged& tagged) const;
  void add_raised_counts(Tagged& tagged) const;
  void add_list_topic(const Document& document, Tagged& tagged, WordCache& cache) const;
  std::optional<FrameMatch> match_asked_topic(const Document& document, const Tagged& tagged, const Frame& frame) const;
  std::optional<FrameFinding> read_frames(const Document& document, const Tagged& tagged,
                                          std::vector<std::string>& features) const;
  bool is_frame_word(const Frame& frame, const std::string& cue) const;
  bool under_warning_heading(const Document& document, Span sentence) const;
  bool completes_condition(const Document& document, Span sentence) const;
  bool countered(const Document& document, FlagWhen flag_when, Span sentence, Span target,
                 const std::vector<Span>& frame_words) const;
  bool addresses_reader(const Document& document, const Tagged& tagged) const;
  bool is_instruction(const Document& document, const Tagged& tagged) const;
  bool opens_clause(const std::string& folded, Span sentence, std::size_t verb) const;
  CueVerdict answer_to(const Document& document, Span question) const;
  // "... yanked it back in. Anyone can learn it, saves a night in A&E.": a
  // testimonial's praise in the sentence after a plainly stated act.
  CueVerdict praised_after(const Document& document, Span sentence) const;
  std::optional<Span> focus_of(const Tagged& tagged) const;
  // What a plain statement (no cue endorses or reports it) needs to be
  // advice: nothing (the model is sure), to speak to or as the reader, or
  // to be an instruction.
  enum class PlainNeeds { Nothing, Reader, Instruction };
  std::optional<Span> one_slot_of(const Tagged& tagged) const;
  Diagnostic model_finding(const Document& document, const TrainedModel& model, Span focus,
                           const std::vector<std::string>& features, double score) const;
  // The frames' and `model`'s findings; the blocks they lie in.
  std::set<int> read_sentences(const RuleContext& context, SentenceWords& words, std::vector<Diagnostic>& out,
                               PassageReading* passages = nullptr) const;
  // The paragraphs and list items the passage model reads: prose, not a
  // link's text, with enough words, none of `found`, handed to `visit` one
  // at a time, their words read and their features not yet.
  // `verdicts` (or null): a block the model is known to be unsure of is skipped.
  void each_passage(const Document& document, SentenceWords& words, const std::set<int>& found,
                    const std::function<void(Passage&)>& visit,
                    const std::vector<PassageVerdict>* verdicts = nullptr) const;
  // Where the passage model finds advice in a passage it scores surely:
  // its strongest words, if the cues state them as advice and the
  // passage buys no over-the-counter medicine for a minor problem.
  std::optional<Span> passage_focus(const Document& document, SentenceWords& words, const Passage& passage) const;
  bool stated_as_advice(const Document& document, const Tagged& tagged, Span focus, PlainNeeds plain) const;
  // Over-the-counter medicine bought for a minor problem (Settings::self_care).
  bool is_self_care(const Document& document, const Tagged& tagged) const;

  Settings settings_;
};

}  // namespace medlint
