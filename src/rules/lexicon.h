// Named groups of phrases and patterns read from a rule pack, compiled into
// one PhraseSet so a text is scanned once for all of them.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>
#include <yaml-cpp/yaml.h>

#include "rules/phrase_set.h"
#include "rules/rule.h"

namespace medlint {

class Lexicon {
 public:
  struct Match {
    Span text;
    int group;
  };

  // Reads a list of groups:
  //   - name: chest pain            # optional for a single anonymous group
  //     phrases: [chest pain, ...]  # matched on word boundaries, case folded
  //     patterns: ['chest (pain|pressure)']   # RE2, on the case-folded text
  //     locales: {en-GB: {phrases: [...], patterns: [...]}}  # added for that locale
  // A map with phrases/patterns (no list) is one group. Throws ConfigError.
  static Lexicon read(const YAML::Node& node, const std::string& path, const Locale& locale,
                      const std::string& what);

  // One anonymous group of plain phrases, built without YAML (word class
  // spellings run to thousands). Throws PhraseSet::PatternError.
  static Lexicon of_phrases(const std::vector<std::string>& phrases);
  // The same from the set of its `phrases` phrases, built already (rules/spelling_lexicon.h).
  static Lexicon of_phrase_set(PhraseSet set, std::size_t phrases);

  bool empty() const { return set_.empty(); }
  const std::vector<std::string>& names() const { return names_; }
  // The YAML node of each group, for kinds that read extra keys (message...).
  const std::vector<YAML::Node>& nodes() const { return nodes_; }
  // `hits`: the scan of all of `text` (PhraseSet::find_all).
  std::vector<Match> find_all(std::string_view text, Span range, const PatternHits* hits = nullptr) const;
  // Whether find_all() would find anything (PhraseSet::contains).
  bool contains(std::string_view text, Span range, const PatternHits* hits = nullptr) const {
    return set_.contains(text, range, hits);
  }
  const PhraseSet& phrase_set() const { return set_; }

  // The lexicon as bytes (its entries, their groups and the groups' names;
  // not its YAML nodes), appended to `out`; and back from the front of
  // `image`, consuming it (nullopt for bytes append_image did not write).
  // A lexicon not read from YAML has no entries to write.
  void append_image(std::string& out) const;
  static std::optional<Lexicon> read_image(std::string_view& image);

 private:
  std::vector<PhraseSet::Entry> entries_;  // as read (empty for of_phrases)
  PhraseSet set_;
  std::vector<int> group_of_entry_;
  std::vector<std::string> names_;
  std::vector<YAML::Node> nodes_;
};

}  // namespace medlint
