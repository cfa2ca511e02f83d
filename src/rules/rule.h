// What every rule kind implements, and what the engine hands it.
// Internal to the library: users add rules in YAML, not C++.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "medlint/date.h"
#include "medlint/diagnostic.h"
#include "medlint/document.h"

namespace medlint {

class ContextCues;
class Lexicon;
class PatternHits;
class SentenceWords;
class TrainedModel;
class WordClasses;

struct Locale {
  std::string tag = "en-US";  // en-US, en-GB, en-IE, en-AU, en-CA
  DateOrder date_order = DateOrder::MonthDayYear;
};

struct RuleInfo {
  std::string id;       // "review-freshness"
  std::string kind;     // "review"
  std::string summary;  // one line, for `medlint rules`
  Severity severity = Severity::Error;
};

struct RuleContext {
  const Document& document;
  std::chrono::year_month_day today;
  // The scan of the document's folded text for every rule's scanned
  // lexicons, when the engine ran one: pass it to their find_all.
  const PatternHits* hits = nullptr;
  // The words of the document's sentences, shared by the rules that read
  // them (language/sentence_words.h); a rule given none reads its own.
  SentenceWords* words = nullptr;
};

class Rule {
 public:
  explicit Rule(RuleInfo info) : info_(std::move(info)) {}
  virtual ~Rule() = default;
  const RuleInfo& info() const { return info_; }

  // Appends this rule's findings; severity and rule id come from info().
  virtual void check(const RuleContext& context, std::vector<Diagnostic>& out) const = 0;

  // The lexicons this rule looks for across the prose (not only around a
  // match): their patterns go to the engine's one scan per document
  // (rules/pattern_scan.h), and bench/scan_floor runs that scan alone.
  virtual std::vector<const Lexicon*> scanned_lexicons() const { return {}; }

 protected:
  // A finding of this rule at a source span.
  Diagnostic finding(const Document& document, Span source_span, std::string message,
                     std::optional<std::string> suggestion = std::nullopt) const {
    return make_diagnostic(document.source(), info_.id, info_.severity, source_span,
                           std::move(message), std::move(suggestion));
  }

 private:
  RuleInfo info_;
};

// What a kind's factory gets besides its own options: where the options came
// from (for ConfigError positions) and the locale.
struct RuleBuildContext {
  std::string config_path;  // file the options were read from
  Locale locale;
  // An entry of a rule pack (a cue set, a word class's definition, a model)
  // with the file that defines it. A shipped pack's entry stays in the
  // pack's image (rules/pack_image.h) until a rule reads it: decoding them
  // all was a quarter of a one-article run.
  class CueSetSource {
   public:
    CueSetSource() : CueSetSource(YAML::Node(), {}) {}
    CueSetSource(YAML::Node node, std::string path);
    static CueSetSource of_image(std::string_view image, std::string path);
    // Decoded on first use, once for every copy.
    const YAML::Node& node() const;
    // Its image (encoded on first use for one read as YAML): what a
    // compilation made when medlint was built is checked against.
    std::string_view image() const;

    std::string path;  // file that defines it

   private:
    struct Entry;
    CueSetSource(std::shared_ptr<Entry> entry, std::string path);
    std::shared_ptr<Entry> entry_;
  };
  // The `cue_sets:` of the rule packs in use, by name, so rules can share
  // negation and escalation lexicons.
  std::map<std::string, CueSetSource> cue_sets;
  // Cue sets compiled so far, so rules sharing one compile it once.
  mutable std::map<std::string, std::shared_ptr<const ContextCues>> compiled_cue_sets;
  // The `word_classes:` of the rule packs in use: each class with its
  // definitions (a class may be extended by several files).
  std::map<std::string, std::vector<CueSetSource>> word_classes;
  // The pack files that define rules, and the one that defines the rule
  // being built: a class defined beside rules belongs to those rules, a
  // class in a file of classes alone to every rule (word_class_sets.h).
  std::set<std::string> rule_files;
  std::string pack_path;
  // Compiled on first use, shared by every rule of the configuration.
  mutable std::shared_ptr<const WordClasses> compiled_word_classes;
  // The `models:` of the rule packs in use, by name, and those compiled so far.
  std::map<std::string, CueSetSource> models;
  mutable std::map<std::string, std::shared_ptr<const TrainedModel>> compiled_models;
};

// Builds a rule of one kind from its YAML options. Compiles every pattern
// here, once; throws ConfigError (with the option's line and column) on bad
// options.
using RuleFactory = std::unique_ptr<Rule> (*)(RuleInfo info, const YAML::Node& options,
                                              const RuleBuildContext& context);

}  // namespace medlint
