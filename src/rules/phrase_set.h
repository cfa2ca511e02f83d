// A list of phrases and RE2 patterns, compiled once: phrases go to a trie
// (rules/phrase_trie.h), patterns to RE2::Sets scanned in one pass, unless
// a Hyperscan pass over the whole text (rules/pattern_scan.h) has already
// told where they end.
#pragma once

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "medlint/source.h"

namespace medlint {

class PatternHits;
class PhraseTrie;

class PhraseSet {
 public:
  struct Entry {
    // A phrase is matched on word boundaries, case folded, with any run of
    // white space standing for one space and an apostrophe optional
    // ("don't" finds "dont"); a regex is RE2 syntax, matched against the
    // case-folded normalized text as written.
    std::string text;
    bool is_regex = false;
  };
  struct Match {
    Span text;  // in the scanned string
    int entry;  // index into the entries given to compile()
  };
  // Thrown by compile(); `entry` says which entry, `what()` carries RE2's
  // error text or why the trie refuses a phrase.
  struct PatternError : std::runtime_error {
    PatternError(int entry, const std::string& message) : std::runtime_error(message), entry(entry) {}
    int entry;
  };

  PhraseSet();
  ~PhraseSet();
  PhraseSet(PhraseSet&&) noexcept;
  PhraseSet& operator=(PhraseSet&&) noexcept;

  // The phrases' trie is the binary's own when the shipped packs have a set
  // of the same phrases (shipped_phrase_trie_images()).
  static PhraseSet compile(const std::vector<Entry>& entries);
  // A set of `phrases` only, entry i being phrases[i], its trie built here.
  static PhraseSet of_phrases(const std::vector<std::string>& phrases);
  // A set of phrases only, as its trie's image (PhraseTrie::image), and
  // back: nullopt when the set has patterns or the bytes are no image.
  std::optional<std::string> phrase_image() const;
  static std::optional<PhraseSet> of_phrase_image(std::string_view image);
  // The same, the trie read in place (PhraseTrie::in_image): `image` must
  // outlive the set.
  static std::optional<PhraseSet> in_phrase_image(std::string_view image);

  bool empty() const;
  // The regex entries' patterns, in entry order.
  const std::vector<std::string>& patterns() const;
  // Leftmost-longest, non-overlapping matches inside `range` of `text`.
  // `hits`, a scan of all of `text`, spares each pattern it covers the RE2
  // pass that finds whether and where it occurs; the matches are the same.
  std::vector<Match> find_all(std::string_view text, Span range, const PatternHits* hits = nullptr) const;
  // Whether find_all() would find anything, its phrases read only up to the first.
  bool contains(std::string_view text, Span range, const PatternHits* hits = nullptr) const;

 private:
  struct Impl;
  static std::optional<PhraseSet> of_trie(std::optional<PhraseTrie> phrases);
  std::unique_ptr<Impl> impl_;
};


// For the build step: from now on PhraseSet::compile keeps the image of
// each phrase trie it builds, and phrase_trie_images() returns them all.
void keep_phrase_trie_images();
std::string phrase_trie_images();

// The images compiled into the binary at build time (empty in the build
// tool that writes them): the tries of the shipped packs' phrase lists,
// found by a hash of their phrases. Building them was a tenth of a
// one-article run.
std::string_view shipped_phrase_trie_images();

}  // namespace medlint
