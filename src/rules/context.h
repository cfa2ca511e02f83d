// ConText-style reading of the words around a target phrase: is the act
// being endorsed, warned against, negated, reported as a myth, or asked
// about? Cue lexicons are data (a rule pack's `cue_sets:`); this class only
// applies them.
//
// The approach follows NegEx (Chapman et al. 2001) and ConText / medspaCy:
// cues are looked for before and after the target within the sentence,
// capped at a window of words; a termination cue ("but", "however") ends the
// scope; pseudo-cues ("don't hesitate to") shadow the shorter cues they
// contain. Any warning, negation, report, condition or supervision cue
// outranks an endorsement (a linter that cries wolf is switched off); among
// those the nearest cue decides. A cue group marked `adjacent: true` counts
// only when at most one word separates it from the target ("if you skip a
// dose", "never see a doctor"), for short cues that are too common to reach
// across a clause ("if the pain does not improve, see a doctor"). One addition for consumer text: after a
// termination cue, a clause that opens with an anaphor ("but this can tear
// an artery") still speaks about the target.
#pragma once
#include <optional>
#include <string>

#include "rules/lexicon.h"
#include "rules/options.h"

namespace medlint {

enum class Cue {
  None,         // no cue: the act is stated plainly
  Discouraged,  // "avoid", "never", "... is dangerous"
  Negated,      // "no need to", "you don't have to"
  Reported,     // "some people", "it is a myth that"
  Hypothetical, // "if you stop taking ..." right before the act: a condition, not advice
  Supervised,   // "unless your doctor", "as the label directs"
  Endorsed,     // "you can", "it's safe to", "simply"
  Question,     // the sentence asks rather than advises
};

struct CueVerdict {
  Cue cue = Cue::None;
  std::string text;  // the cue as written (normalized), empty for None and Question
};

class ContextCues {
 public:
  // Reads a cue set:
  //   window: 8                    # words each side of the target
  //   discouraged: {before: {phrases: [...], patterns: [...]}, after: {...}}
  //                # before/after may also be a list of such groups, each
  //                # optionally `adjacent: true`
  //   negated: ...  reported: ...  hypothetical: ...  supervised: ...  endorsed: ...
  //   pseudo: {phrases: [...]}      terminate: {phrases: [...]}
  //   anaphora: {phrases: [...]}    rhetorical: {phrases: [...]}
  static ContextCues read(const YAML::Node& node, const std::string& path, const Locale& locale,
                          const std::string& name);
  // The cue set as bytes, and back (nullopt for bytes image() did not
  // write): the shipped packs' cue sets are read when medlint is built.
  std::string image() const;
  static std::optional<ContextCues> of_image(std::string_view image);

  // Classifies the target at `target` within `sentence` (both ranges of the
  // case-folded text `text`).
  CueVerdict classify(std::string_view text, Span sentence, Span target) const;
  // Whether a pseudo-cue ("don't overdo it", "no need to worry") starts at
  // `at` in `range`: a warning word there is none.
  bool pseudo_at(std::string_view text, Span range, std::size_t at) const;
  // Whether `word` lies within a pseudo-cue in `range` ("risks" in "be
  // gentle to avoid potential risks").
  bool within_pseudo(std::string_view text, Span range, Span word) const;

 private:
  struct Category {
    Cue cue;
    Lexicon before;
    Lexicon after;
    std::vector<bool> before_adjacent;  // per group of `before`
  };
  bool rhetorical(std::string_view text, Span sentence) const;
  Span before_scope(std::string_view text, Span sentence, Span target) const;
  Span after_scope(std::string_view text, Span sentence, Span target) const;

  // Each member below is written by image() and read by of_image() too.
  std::vector<Category> categories_;  // in tie-break order
  Lexicon pseudo_;
  Lexicon terminate_;
  // Clauses that end before the target and are not what the words before
  // them say of it ("if you're not eating, skip your insulin"); after the
  // target such a clause is still about it ("..., as the haematologist
  // said").
  Lexicon leading_clauses_;
  // A question opening or ending with one of these asks nothing: "Why wait
  // for a doctor...?", "... better high than low, right?".
  Lexicon rhetorical_;
  Lexicon anaphora_;
  int window_ = 8;
};

}  // namespace medlint

namespace medlint {

// Compiles the cue set named by option `key` (a name from a pack's
// `cue_sets:`), compiled once per build; null when the option is absent.
// A cue set the binary has compiled (shipped_cue_set_images) is read from
// its image: decoding its YAML and reading it was a tenth of a one-article run.
std::shared_ptr<const ContextCues> read_cue_option(const Options& options, const std::string& key,
                                                   const RuleBuildContext& context);

// For the build step: from now on read_cue_option keeps the image of each
// cue set it reads, and cue_set_images() returns them all.
void keep_cue_set_images();
std::string cue_set_images();

// The images compiled into the binary at build time (empty in the build
// tool that writes them), found by a hash of the cue set's pack image and
// the locale.
std::string_view shipped_cue_set_images();

}  // namespace medlint
