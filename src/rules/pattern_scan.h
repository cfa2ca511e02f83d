// One Hyperscan pass per article over the patterns of every scanned lexicon
// of every rule. The pass reports where each pattern's matches end (no
// starts: tracking them makes Hyperscan's compile and scan several times
// slower); PhraseSet::find_all then locates each match with that pattern's
// own RE2 in a window just before a reported end, so a match keeps exactly
// the span RE2 gives. A pattern Hyperscan refuses stays on RE2 alone.
//
// The shipped packs' database is compiled when medlint is built
// (tools/compile_pattern_database.cpp) and loaded at start; other patterns
// are compiled once per run, and cached across runs under
// set_pattern_cache_dir() (medlint/linter.h).
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace medlint {

class PhraseSet;
class PatternScan;
class Rule;

// The phrase sets of every rule's scanned lexicons (Rule::scanned_lexicons).
std::vector<const PhraseSet*> scanned_sets(const std::vector<std::unique_ptr<Rule>>& rules);

// The ends one text's scan reported, by pattern.
class PatternHits {
 public:
  // What a PhraseSet reads: each of its patterns' reported ends, or nullopt
  // for a pattern the scan does not cover (RE2 finds those alone).
  class OfSet {
   public:
    explicit operator bool() const { return hits_ != nullptr; }
    std::optional<std::span<const std::uint32_t>> ends(std::size_t regex) const;
    // The set's patterns the scan found anywhere in the text, by regex
    // number, ascending: a set of many patterns asked about sentence after
    // sentence looks only at these.
    std::span<const std::uint32_t> occurring() const { return occurring_; }
    // Whether the scan covers every pattern of the set (none left to RE2 alone).
    bool covers_all() const { return covers_all_; }

   private:
    friend class PatternHits;
    const PatternHits* hits_ = nullptr;
    const std::vector<int>* expressions_ = nullptr;  // each regex's database expression, -1 if none
    std::span<const std::uint32_t> occurring_;
    bool covers_all_ = false;
  };

  // Empty (falsy) when the scan does not cover `set`.
  OfSet of(const PhraseSet& set) const;
  // The number naming the scanned text for the phrase tries that read it
  // (PhraseTrie::find_all's `text_id`) when `text` is that text, else 0.
  std::uint64_t text_id(std::string_view text) const {
    return text.data() == text_.data() && text.size() == text_.size() ? text_id_ : 0;
  }

 private:
  friend class PatternScan;
  std::string_view text_;
  std::uint64_t text_id_ = 0;
  const PatternScan* scan_ = nullptr;  // null: the scan did not run
  std::vector<std::uint32_t> ends_;    // grouped by expression, ascending in each group
  std::vector<std::uint32_t> starts_;  // expression e's ends are ends_[starts_[e], starts_[e + 1])
  // OfSet::occurring() of the set of index i (PatternScan::SetExpressions)
  // is occurring_[occurring_starts_[i], occurring_starts_[i + 1]).
  std::vector<std::uint32_t> occurring_;
  std::vector<std::uint32_t> occurring_starts_;
};

class PatternScan {
 public:
  struct Database;

  // One database for the distinct patterns of `sets`: the build-time one of
  // the shipped packs when it holds them all, else a cached or newly
  // compiled one (once per run for each distinct list of patterns).
  static std::shared_ptr<const PatternScan> of(const std::vector<const PhraseSet*>& sets);

  ~PatternScan();
  PatternScan(const PatternScan&) = delete;
  PatternScan& operator=(const PatternScan&) = delete;

  // Scans `text` once, on this thread's scratch space.
  PatternHits scan(std::string_view text) const;
  // The patterns Hyperscan refused, left to RE2.
  std::vector<std::string> refused() const;
  // What the build step writes and medlint loads: the database's patterns
  // (sorted, each marked compiled or refused), their hash, and Hyperscan's
  // serialized database.
  std::string image() const;

 private:
  friend class PatternHits;
  explicit PatternScan(std::shared_ptr<const Database> database);
  std::shared_ptr<const Database> database_;
  struct SetExpressions {
    std::vector<int> numbers;  // each regex's database expression, -1 if none
    std::size_t index = 0;     // the set's place among `by_index_`
    bool covers_all = true;    // no number is -1
  };
  std::unordered_map<const PhraseSet*, SetExpressions> expressions_;
  std::vector<const SetExpressions*> by_index_;
};

// Which of one phrase set's patterns occur in a stretch of text (a cue
// list's, asked about sentence after sentence), by a Hyperscan database of
// that set's patterns compiled when medlint is built: compiling an RE2::Set
// and building its first DFA states for the same answer was a third of a
// one-article run. Sets without a shipped database keep their RE2::Sets.
class SetPatternScan {
 public:
  struct Database;
  // The shipped database of `patterns` (a set's patterns in order, found by
  // their hash), or null.
  static std::shared_ptr<const SetPatternScan> shipped(const std::vector<std::string>& patterns);
  // The image of one database for each list of `lists` (for the build step),
  // and the lists the shipped image holds.
  static std::string image(const std::vector<std::vector<std::string>>& lists);
  static std::vector<std::vector<std::string>> shipped_lists();

  SetPatternScan(std::vector<std::string> patterns, std::string_view image);
  ~SetPatternScan();
  // The numbers of the patterns that occur in `text`, read on its own as
  // RE2::Set::Match reads it, ascending; those Hyperscan refused always
  // (RE2 alone locates them, or finds nothing), and all of them when the
  // database cannot be loaded.
  std::vector<int> occurring(std::string_view text) const;

 private:
  std::vector<std::string> patterns_;
  std::string_view image_;
  // Loaded on first use: a one-article run consults a few of the sets.
  mutable std::once_flag loaded_;
  mutable std::unique_ptr<const PatternScan::Database> database_;
};

// The images compiled into the binary at build time (empty in the build tool
// that writes them): the scanned patterns' database, and each other shipped
// set's (SetPatternScan).
std::string_view shipped_pattern_image();
std::string_view shipped_set_pattern_images();

// Whether `pattern` is in the first image: RE2 compiled it when medlint
// was built (the build tool reads the shipped packs as medlint does), so its
// syntax need not be checked again at start.
bool checked_when_built(std::string_view pattern);

// For the build step: from now on PhraseSet::compile keeps the patterns of
// each set it compiles, and kept_set_patterns() returns each list once.
void keep_set_patterns();
void note_set_patterns(const std::vector<std::string>& patterns);
std::vector<std::vector<std::string>> kept_set_patterns();

}  // namespace medlint
