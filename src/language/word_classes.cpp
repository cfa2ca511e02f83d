#include "language/word_classes.h"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>

#include "core/fnv1a.h"
#include "language/lemmatizer.h"

namespace medlint {
namespace {

std::string ascii_folded(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Appends `before` + each inflection of `word` (regular, and irregular
// forms the lemmatizer knows) + `after` to
// `out`; over-generating is harmless, since the spellings only choose which
// sentences get tagged. Written straight into `out` (thousands of
// spellings per run), without a list of forms per word.
void append_inflections(std::string_view before, std::string_view word, std::string_view after,
                        std::vector<std::string>& out) {
  const auto add = [&](std::string_view stem, std::string_view ending) {
    std::string& spelling = out.emplace_back();
    spelling.reserve(before.size() + stem.size() + ending.size() + after.size());
    spelling.append(before).append(stem).append(ending).append(after);
  };
  for (const std::string_view ending : {"", "s", "es", "ed", "ing", "'s"}) add(word, ending);
  // "can't" is also spelled "cant" in text messages: the scan must find it.
  if (const std::string bare = dropped_apostrophe(word); !bare.empty()) add(bare, "");
  // "took" for "take": tagging maps it to its base, so the scan must find it.
  for (const std::string_view form : irregular_forms_of(word)) add(form, "");
  if (word.size() < 3) return;
  const char last = word.back();
  const std::string_view stem = word.substr(0, word.size() - 1);
  if (last == 'e') {
    add(word, "d");
    add(stem, "ing");
  }
  if (last == 'y' && !is_vowel(word[word.size() - 2])) {
    add(stem, "ies");
    add(stem, "ied");
  }
  // pop -> popped, popping
  if (!is_vowel(last) && is_vowel(word[word.size() - 2]) && !is_vowel(word[word.size() - 3]) && last != 'w' &&
      last != 'x' && last != 'y') {
    const char doubled[] = {last, 'e', 'd', '\0'};
    add(word, std::string_view(doubled, 3));
    const char doubled_ing[] = {last, 'i', 'n', 'g', '\0'};
    add(word, std::string_view(doubled_ing, 4));
  }
}

// Whether `ids` continue at token `at` of a text's lemma ids; a
// possessive word ("baby's") also stands for its noun (`bare`), so "a
// baby's cough" is about a baby, while a possessive term ("friend's")
// matches only a possessive.
bool ids_at(const std::vector<int>& text, const std::vector<int>& bare, std::size_t at, const std::vector<int>& ids) {
  if (at + ids.size() > text.size()) return false;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (text[at + i] != ids[i] && bare[at + i] != ids[i]) return false;
  }
  return true;
}

// A lemma's first slot in a table of 2^(64 - shift) slots.
std::size_t lemma_slot(std::string_view lemma, int shift) {
  return shift >= 64 ? 0 : static_cast<std::size_t>((fnv1a(lemma) * 0x9E3779B97F4A7C15ull) >> shift);
}

}  // namespace

WordClasses WordClasses::compile(const std::map<std::string, std::vector<std::string>>& terms_by_class) {
  WordClasses classes;
  std::unordered_map<std::string, int> lemma_ids;
  const auto ids_of = [&](std::string_view text) {
    std::vector<int> ids;
    for (const Token& token : tokenize(text, {0, text.size()})) {
      const auto [entry, added] = lemma_ids.emplace(token.lemma, static_cast<int>(lemma_ids.size()));
      ids.push_back(entry->second);
    }
    return ids;
  };
  for (const auto& [name, written] : terms_by_class) {
    const int index = static_cast<int>(classes.names_.size());
    classes.names_.push_back(name);
    std::set<std::string> terms;
    for (const std::string& term : written) terms.insert(ascii_folded(term));
    for (const std::string& term : terms) {
      Term compiled{{}, {}, index};
      if (const std::size_t gap = term.find(" * "); gap != std::string::npos) {
        compiled.words = ids_of(std::string_view(term).substr(0, gap));
        compiled.after = ids_of(std::string_view(term).substr(gap + 3));
        if (compiled.after.empty()) continue;
      } else {
        compiled.words = ids_of(term);
      }
      if (compiled.words.empty()) continue;
      const auto first = static_cast<std::size_t>(compiled.words.front());
      if (first >= classes.terms_by_first_.size()) classes.terms_by_first_.resize(first + 1);
      classes.terms_by_first_[first].push_back(std::move(compiled));
    }
    classes.terms_.emplace_back(terms.begin(), terms.end());
  }
  std::size_t size = 1;
  for (classes.lemma_shift_ = 64; size < 2 * lemma_ids.size() + 1; size *= 2) --classes.lemma_shift_;
  classes.lemma_slots_.resize(size);
  for (auto& [lemma, id] : lemma_ids) {
    std::size_t at = lemma_slot(lemma, classes.lemma_shift_);
    while (classes.lemma_slots_[at].id >= 0) at = (at + 1) & (size - 1);
    classes.lemma_slots_[at] = {lemma, id};
  }
  return classes;
}

int WordClasses::lemma_id(std::string_view lemma) const {
  const std::size_t mask = lemma_slots_.size() - 1;
  for (std::size_t at = lemma_slot(lemma, lemma_shift_);; at = (at + 1) & mask) {
    const LemmaSlot& slot = lemma_slots_[at];
    if (slot.id < 0 || slot.lemma == lemma) return slot.id;
  }
}

int WordClasses::find(std::string_view name) const {
  const auto found = std::find(names_.begin(), names_.end(), name);
  return found == names_.end() ? -1 : static_cast<int>(found - names_.begin());
}

std::vector<WordClasses::Hit> WordClasses::tag(const std::vector<Token>& tokens) const {
  std::vector<int> ids(tokens.size()), bare(tokens.size(), -1);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const std::string_view lemma = tokens[i].lemma;
    ids[i] = lemma_id(lemma);
    if (lemma.size() > 2 && lemma.ends_with("'s")) bare[i] = lemma_id(lemma.substr(0, lemma.size() - 2));
  }
  std::vector<Hit> hits;
  // Per class, the longest term starting at a token: (class, last token).
  // Few classes start at any one token; a vector reused across tokens
  // spares a map's allocations.
  std::vector<std::pair<int, std::size_t>> longest;
  for (std::size_t first = 0; first < tokens.size(); ++first) {
    longest.clear();
    for (const int first_id : {ids[first], bare[first]}) {
    if (first_id < 0 || static_cast<std::size_t>(first_id) >= terms_by_first_.size()) continue;
    for (const Term& term : terms_by_first_[static_cast<std::size_t>(first_id)]) {
      if (!ids_at(ids, bare, first, term.words)) continue;
      std::size_t last = first + term.words.size() - 1;
      if (!term.after.empty()) {
        bool found = false;
        for (std::size_t gap = 1; gap <= 2 && !found; ++gap) {
          const std::size_t after = last + 1 + gap;
          if (ids_at(ids, bare, after, term.after)) {
            last = after + term.after.size() - 1;
            found = true;
          }
        }
        if (!found) continue;
      }
      const auto entry = std::find_if(longest.begin(), longest.end(),
                                      [&](const auto& known) { return known.first == term.word_class; });
      if (entry == longest.end()) {
        longest.emplace_back(term.word_class, last);
      } else {
        entry->second = std::max(entry->second, last);
      }
    }
    }
    std::sort(longest.begin(), longest.end());
    for (const auto& [word_class, last] : longest) {
      hits.push_back({word_class, static_cast<int>(first), static_cast<int>(last)});
    }
  }
  return hits;
}

std::vector<std::string> WordClasses::spellings(int word_class) const {
  std::vector<std::string> spellings;
  for (const std::string& written : terms_[static_cast<std::size_t>(word_class)]) {
    std::string_view term = written;
    // A gapped term is found by its longer side: "back" for "your * back".
    if (const std::size_t gap = term.find(" * "); gap != std::string_view::npos) {
      const std::string_view before = term.substr(0, gap), after = term.substr(gap + 3);
      term = before.size() > after.size() ? before : after;
    }
    // Inflect the first and the last word: "stop taking", "blood thinner".
    const std::size_t first_end = term.find(' ');
    const std::size_t last_begin = term.rfind(' ');
    if (first_end == std::string_view::npos) {
      append_inflections({}, term, {}, spellings);
      continue;
    }
    append_inflections({}, term.substr(0, first_end), term.substr(first_end), spellings);
    append_inflections(term.substr(0, last_begin + 1), term.substr(last_begin + 1), {}, spellings);
  }
  std::sort(spellings.begin(), spellings.end());
  spellings.erase(std::unique(spellings.begin(), spellings.end()), spellings.end());
  return spellings;
}

}  // namespace medlint
