// Phrases matched without a regex engine: a trie of their characters,
// walked from each place a phrase could start.
//
// A phrase means what PhraseSet documents: ASCII letters in any case
// (the text is already case folded), any run of white space where the
// phrase has white space, an optional apostrophe where it has one, and
// word boundaries at ends that are word characters. Building the trie takes
// microseconds where compiling the same phrases with RE2 took milliseconds,
// and cue lists of hundreds of phrases are read around only a few matches
// per article: the cost a one-article pre-commit run pays.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "medlint/source.h"

namespace medlint {

class PhraseTrie {
 public:
  struct Match {
    Span text;
    int entry;
  };

  PhraseTrie();

  // Adds `phrase` under the caller's `entry` number. Returns why a phrase
  // cannot be matched: it has no character besides spaces and apostrophes,
  // an apostrophe stands alone, or it has more than 8 apostrophes.
  std::optional<std::string> add(std::string_view phrase, int entry);

  bool empty() const { return space_.size() == 1; }

  // Appends every match lying inside `range` of `text`: each start, each
  // phrase, overlapping or not (PhraseSet chooses among them). Word
  // boundaries look at the text on both sides of the range.
  // `text_id`, when not 0, names `text` among every text a run scans
  // (next_text_id()): its runs of word characters and their hashes are then
  // found once per stretch of it on this thread, for every trie that scans
  // it, rather than by each trie (an article is scanned by the rules'
  // anchors, triggers and wording lists, whole and paragraph by paragraph).
  // The matches are the same either way.
  void find_all(std::string_view text, Span range, std::vector<Match>& out, std::uint64_t text_id = 0) const;
  // Whether find_all() would append a match: the text is read only up to
  // the first (a rule asking whether a paragraph holds a phrase).
  bool contains(std::string_view text, Span range, std::uint64_t text_id = 0) const;
  // A number no other text of this run is given (never 0).
  static std::uint64_t next_text_id();

  // The trie as bytes, and back (nullopt for bytes that are no image): a
  // trie of thousands of word-class spellings is built when medlint is
  // built (rules/spelling_lexicon.h), and loading it costs a fraction of
  // building it. The bytes are meant for the same build of medlint only.
  std::string image() const;
  static std::optional<PhraseTrie> from_image(std::string_view image);
  // The same, reading the image's arrays where they are instead of copying
  // them: for an image compiled into the binary, which outlives the trie
  // (the shipped tries run to megabytes, most of which a run never reads).
  // Null also when the image does not start on an 8-byte boundary.
  static std::optional<PhraseTrie> in_image(std::string_view image);

  PhraseTrie(PhraseTrie&&) noexcept = default;
  PhraseTrie& operator=(PhraseTrie&&) noexcept = default;
  // Its views would still read the arrays of the trie copied.
  PhraseTrie(const PhraseTrie&) = delete;
  PhraseTrie& operator=(const PhraseTrie&) = delete;

 private:
  // find_all(), stopping after the first start with a match when `first_only`.
  void find(std::string_view text, Span range, bool first_only, std::vector<Match>& out) const;
  // The same from the text's runs (find_all's `text_id`), for a trie none
  // of whose phrases starts inside a word; false when it cannot.
  bool find_by_runs(std::string_view text, Span range, bool first_only, std::vector<Match>& out,
                    std::uint64_t text_id) const;
  // Padding spelled out and zero: an image holds these as they are in memory.
  struct Ending {
    int entry;
    bool boundary_before;  // the phrase starts with a word character
    bool boundary_after;   // ... ends with one
    std::uint8_t padding[2] = {};
  };
  // A walk steps through one node per character of text, and most nodes
  // of a large trie (thousands of word-class spellings) are cold in cache:
  // what a step reads is kept in flat arrays, and the edges of all nodes in
  // one hash table, so a step costs a probe or two rather than a scan of
  // the node's edges.
  struct Edge {
    int target = -1;
    bool ends = false;  // phrases end at `target`: only then are its endings read
    std::uint8_t padding[3] = {};
  };
  struct EdgeSlot {
    std::uint32_t key = 0;  // node * 256 + character; 0 is empty (the root's edges are first_)
    Edge edge;
  };

  // One spelling: the phrase with each optional apostrophe kept or dropped.
  void add_spelling(std::string_view spelling, Ending ending);
  // Appends the matches starting at `start` (`starts_word`: at a word
  // boundary or a character that is not a word's).
  void walk(std::string_view text, Span range, std::size_t start, bool starts_word, std::vector<Match>& out) const;
  // The edge from `node` by `c`, or null.
  const Edge* edge(int node, char c) const;
  Edge& add_edge(int node, char c, int target);
  int add_node(bool in_space);

  // The phrases that end at each node, as a list through `endings_` (one
  // array for all nodes: a large trie would otherwise allocate per node).
  struct EndingLink {
    Ending ending;
    int next;  // the node's next ending, or -1
  };
  // The arrays a walk reads are views: of `owned_`, which add() builds and
  // from_image() fills, or of an image read in place.
  struct Arrays {
    std::vector<int> space;
    std::vector<char> in_space;
    std::vector<int> first_ending;
    std::vector<EndingLink> endings;
    std::vector<EdgeSlot> edges;
    std::vector<std::uint64_t> leading_runs;
    std::vector<std::uint64_t> leading_run_hashes;
  };
  Arrays owned_;
  // Copies the viewed arrays into `owned_` unless they are its: before add() changes them.
  void own();
  // Points the views at `owned_`.
  void view_owned();

  std::span<const int> space_;      // per node: the node through a run of white space, or -1
  std::span<const char> in_space_;  // per node: reached through `space_` (more white space stays there)
  std::span<const int> first_ending_;  // per node, or -1
  std::span<const EndingLink> endings_;
  std::span<const EdgeSlot> edges_;  // open addressing, power-of-two size
  int edge_shift_;                   // for edge_slot(): 64 less the bits of edges_.size()
  std::size_t edge_count_ = 0;
  std::array<Edge, 256> first_{};  // the root's edges, by byte
  // Whether some phrase starting with this byte needs no word boundary
  // before it ("tis" spelled from "'tis"), so a start inside a word counts.
  std::array<bool, 256> starts_anywhere_{};
  bool any_starts_anywhere_ = false;
  // Whether some phrase starts with a character that is not a word's (a
  // quote, a dash): without one, a scan passes such characters by.
  bool any_starts_outside_words_ = false;

  // A phrase that starts with a word character matches only where the
  // text's run of word characters is the phrase's first run ("st" of
  // "st. john's wort", "dont" and "don" of "don't"): the phrase ends on a
  // word boundary or goes on with a character that ends the run. The
  // hashes of those runs, as bits, let a walk skip the words no phrase
  // starts with (most words of a text, for a large trie) after one lookup.
  // A phrase that is one run and ends with no boundary after it ("st'",
  // whose apostrophe is optional) also matches the start of a longer run
  // ("st" of "strength"): such runs are kept apart and compared as prefixes.
  // `hash`: run_hash() of `run`, taken as the scan found the run's end.
  bool may_lead(std::string_view run, std::uint64_t hash) const;
  // The same from the top 32 bits of the run's hash times the Fibonacci
  // constant (what a stretch of runs keeps of each).
  bool may_lead_by_bits(std::string_view run, std::uint32_t bits) const;
  // Whether `run` starts with one of `prefix_runs_` (out of line: rare).
  bool leads_by_prefix(std::string_view run) const;
  void add_leading_run(std::string_view run);
  std::vector<std::string> prefix_runs_;
  std::array<bool, 256> prefix_run_firsts_{};  // the first characters of `prefix_runs_`: most runs start with none
  std::span<const std::uint64_t> leading_runs_;        // bitset, a power of two of bits
  std::span<const std::uint64_t> leading_run_hashes_;  // each added run's hash, to refill a grown bitset
};

}  // namespace medlint
