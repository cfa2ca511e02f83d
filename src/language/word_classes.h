// Word classes: named lists of terms (MEDICINE, REMEDY, CARE, CHILD...)
// matched on lemmas, so "stopped", "stopping" and "stops" are all "stop"
// and "blood thinners" is "blood thinner". The lists are data (a rule
// pack's `word_classes:`, read by rules/word_class_sets.h); this class
// compiles and applies them.
#pragma once
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "language/tokens.h"

namespace medlint {

class WordClasses {
 public:
  struct Hit {
    int word_class;
    int first;  // token indices, inclusive
    int last;
  };

  // Classes by name, each with its terms (case-folded words or phrases).
  // A `*` in a term stands for one or two words: "leave * off" finds
  // "leave it off" and "leave the inhaler off".
  static WordClasses compile(const std::map<std::string, std::vector<std::string>>& terms_by_class);

  // Index of a class by name, or -1.
  int find(std::string_view name) const;
  const std::string& name(int word_class) const { return names_[static_cast<std::size_t>(word_class)]; }
  std::size_t size() const { return names_.size(); }

  // Every occurrence of every class in `tokens` (a term may belong to
  // several classes; at each token, the longest term of each class).
  std::vector<Hit> tag(const std::vector<Token>& tokens) const;

  // The spellings of a class's terms with their common inflections
  // ("crack" -> cracks, cracked, cracking), for a phrase scan that finds
  // the sentences worth tagging.
  std::vector<std::string> spellings(int word_class) const;

 private:
  std::vector<std::string> names_;
  std::vector<std::vector<std::string>> terms_;  // per class, as written (folded)
  // Lemmas of a term joined by spaces -> the classes it belongs to.
  std::unordered_map<std::string, std::vector<int>> classes_of_;
  int longest_term_ = 1;  // in tokens
  struct GappedTerm {
    std::vector<std::string> before;  // lemmas before the gap
    std::vector<std::string> after;   // lemmas after it
    int word_class;
  };
  std::vector<GappedTerm> gapped_;
};

}  // namespace medlint
