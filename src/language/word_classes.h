// Word classes: named lists of terms (MEDICINE, REMEDY, CARE, CHILD...)
// matched on lemmas, so "stopped", "stopping" and "stops" are all "stop"
// and "blood thinners" is "blood thinner". The lists are data (a rule
// pack's `word_classes:`, read by rules/word_class_sets.h); this class
// compiles and applies them.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
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

  // The compiled classes as bytes, and back (null for bytes image() did
  // not write): how the shipped packs' classes are compiled when medlint
  // is built (rules/word_class_sets.h).
  std::string image() const;
  static std::optional<WordClasses> of_image(std::string_view image);

  // Index of a class by name, or -1. Classes are numbered in name order.
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
  // A class's terms, case folded, sorted: what its spellings derive from.
  const std::vector<std::string>& terms(int word_class) const { return terms_[static_cast<std::size_t>(word_class)]; }

 private:
  // A term as lemma ids; a gapped term has words after its gap too.
  struct Term {
    std::vector<int> words;  // before the gap, or the whole term
    std::vector<int> after;  // after the gap (gapped terms only)
    int word_class;
  };
  // The id of a lemma among the terms' lemmas, or -1: most words of a
  // text are in no term, and one lookup per word says so.
  int lemma_id(std::string_view lemma) const;
  // Indexes the terms' lemmas, given in id order; false when one is given twice.
  bool index_lemmas(std::vector<std::string> lemmas);
  // Orders each first lemma's terms by their second lemma (see second_word()).
  void order_terms();
  // A term's second lemma, or -1 for a term of one word before its gap:
  // the terms that may match at a token are those of -1 and those of the
  // next token's lemma, found by a binary search.
  static int second_word(const Term& term) { return term.words.size() > 1 ? term.words[1] : -1; }

  std::vector<std::string> names_;  // sorted
  std::vector<std::vector<std::string>> terms_;  // per class, as written (folded)
  // The ids by lemma in an open-addressing table (linear probing, a
  // power-of-two size at most half full, an id of -1 ending a probe): it
  // is probed for every word of every sentence tagged.
  struct LemmaSlot {
    std::string lemma;
    int id = -1;
  };
  std::vector<LemmaSlot> lemma_slots_;
  int lemma_shift_ = 64;  // 64 - log2(lemma_slots_.size())
  // Terms by the id of their first lemma, in order of second_word().
  std::vector<std::vector<Term>> terms_by_first_;
  // How many of each first lemma's terms have no second word (they come
  // first): tag() reads them at every token with that lemma, without a search.
  std::vector<std::uint32_t> single_word_terms_;
};

}  // namespace medlint
