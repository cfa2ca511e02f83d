#include "language/word_classes.h"

#include <algorithm>
#include <set>

namespace medlint {
namespace {

std::string ascii_folded(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// A term's lemmas joined by spaces, the key it is found by.
std::string lemma_key(const std::vector<Token>& tokens, std::size_t first, std::size_t count) {
  std::string key;
  for (std::size_t i = first; i < first + count; ++i) {
    if (i > first) key += ' ';
    key += tokens[i].lemma;
  }
  return key;
}

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Regular inflections of one word; over-generating is harmless, since the
// spellings only choose which sentences get tagged.
std::vector<std::string> inflections(const std::string& word) {
  std::vector<std::string> forms = {word, word + "s", word + "es", word + "ed", word + "ing", word + "'s"};
  if (word.size() < 3) return forms;
  const char last = word.back();
  if (last == 'e') {
    forms.push_back(word + "d");
    forms.push_back(word.substr(0, word.size() - 1) + "ing");
  }
  if (last == 'y' && !is_vowel(word[word.size() - 2])) {
    forms.push_back(word.substr(0, word.size() - 1) + "ies");
    forms.push_back(word.substr(0, word.size() - 1) + "ied");
  }
  // pop -> popped, popping
  if (!is_vowel(last) && is_vowel(word[word.size() - 2]) && !is_vowel(word[word.size() - 3]) && last != 'w' &&
      last != 'x' && last != 'y') {
    forms.push_back(word + last + "ed");
    forms.push_back(word + last + "ing");
  }
  return forms;
}

}  // namespace

WordClasses WordClasses::compile(const std::map<std::string, std::vector<std::string>>& terms_by_class) {
  WordClasses classes;
  for (const auto& [name, written] : terms_by_class) {
    const int index = static_cast<int>(classes.names_.size());
    classes.names_.push_back(name);
    std::set<std::string> terms;
    for (const std::string& term : written) terms.insert(ascii_folded(term));
    for (const std::string& term : terms) {
      if (const std::size_t gap = term.find(" * "); gap != std::string::npos) {
        GappedTerm gapped{{}, {}, index};
        for (const Token& token : tokenize(term, {0, gap})) gapped.before.push_back(token.lemma);
        for (const Token& token : tokenize(term, {gap + 3, term.size()})) gapped.after.push_back(token.lemma);
        if (!gapped.before.empty() && !gapped.after.empty()) classes.gapped_.push_back(std::move(gapped));
        continue;
      }
      const std::vector<Token> tokens = tokenize(term, {0, term.size()});
      if (tokens.empty()) continue;
      std::vector<int>& owners = classes.classes_of_[lemma_key(tokens, 0, tokens.size())];
      if (std::find(owners.begin(), owners.end(), index) == owners.end()) owners.push_back(index);
      classes.longest_term_ = std::max(classes.longest_term_, static_cast<int>(tokens.size()));
    }
    classes.terms_.emplace_back(terms.begin(), terms.end());
  }
  return classes;
}

int WordClasses::find(std::string_view name) const {
  const auto found = std::find(names_.begin(), names_.end(), name);
  return found == names_.end() ? -1 : static_cast<int>(found - names_.begin());
}

namespace {

bool lemmas_at(const std::vector<Token>& tokens, std::size_t at, const std::vector<std::string>& lemmas) {
  if (at + lemmas.size() > tokens.size()) return false;
  for (std::size_t i = 0; i < lemmas.size(); ++i) {
    if (tokens[at + i].lemma != lemmas[i]) return false;
  }
  return true;
}

}  // namespace

std::vector<WordClasses::Hit> WordClasses::tag(const std::vector<Token>& tokens) const {
  std::vector<Hit> hits;
  for (const GappedTerm& term : gapped_) {
    for (std::size_t first = 0; first < tokens.size(); ++first) {
      if (!lemmas_at(tokens, first, term.before)) continue;
      for (std::size_t gap = 1; gap <= 2; ++gap) {
        const std::size_t after = first + term.before.size() + gap;
        if (!lemmas_at(tokens, after, term.after)) continue;
        hits.push_back({term.word_class, static_cast<int>(first), static_cast<int>(after + term.after.size() - 1)});
        break;
      }
    }
  }
  std::vector<bool> found(names_.size());
  for (std::size_t first = 0; first < tokens.size(); ++first) {
    std::fill(found.begin(), found.end(), false);
    const std::size_t longest = std::min<std::size_t>(static_cast<std::size_t>(longest_term_), tokens.size() - first);
    for (std::size_t count = longest; count >= 1; --count) {
      const auto owners = classes_of_.find(lemma_key(tokens, first, count));
      if (owners == classes_of_.end()) continue;
      for (const int word_class : owners->second) {
        if (found[static_cast<std::size_t>(word_class)]) continue;
        found[static_cast<std::size_t>(word_class)] = true;
        hits.push_back({word_class, static_cast<int>(first), static_cast<int>(first + count - 1)});
      }
    }
  }
  return hits;
}

std::vector<std::string> WordClasses::spellings(int word_class) const {
  std::set<std::string> spellings;
  for (std::string term : terms_[static_cast<std::size_t>(word_class)]) {
    // A gapped term is found by its longer side: "back" for "your * back".
    if (const std::size_t gap = term.find(" * "); gap != std::string::npos) {
      const std::string before = term.substr(0, gap), after = term.substr(gap + 3);
      term = before.size() > after.size() ? before : after;
    }
    // Inflect the first and the last word: "stop taking", "blood thinner".
    const std::size_t first_end = term.find(' ');
    const std::size_t last_begin = term.rfind(' ');
    if (first_end == std::string::npos) {
      for (const std::string& form : inflections(term)) spellings.insert(form);
      continue;
    }
    for (const std::string& form : inflections(term.substr(0, first_end))) spellings.insert(form + term.substr(first_end));
    for (const std::string& form : inflections(term.substr(last_begin + 1))) {
      spellings.insert(term.substr(0, last_begin + 1) + form);
    }
  }
  return {spellings.begin(), spellings.end()};
}

}  // namespace medlint
