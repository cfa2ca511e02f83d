#include "language/word_classes.h"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>

#include "core/fnv1a.h"
#include "core/scratch.h"
#include "core/varint.h"
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
  std::vector<std::string> lemmas(lemma_ids.size());
  for (auto& [lemma, id] : lemma_ids) lemmas[static_cast<std::size_t>(id)] = lemma;
  classes.index_lemmas(std::move(lemmas));
  classes.order_terms();
  return classes;
}

void WordClasses::order_terms() {
  const auto by_second = [](const Term& a, const Term& b) { return second_word(a) < second_word(b); };
  single_word_terms_.assign(terms_by_first_.size(), 0);
  for (std::size_t first = 0; first < terms_by_first_.size(); ++first) {
    std::vector<Term>& terms = terms_by_first_[first];
    if (!std::is_sorted(terms.begin(), terms.end(), by_second)) std::stable_sort(terms.begin(), terms.end(), by_second);
    single_word_terms_[first] = static_cast<std::uint32_t>(
        std::find_if(terms.begin(), terms.end(), [](const Term& term) { return second_word(term) != -1; }) - terms.begin());
  }
}

bool WordClasses::index_lemmas(std::vector<std::string> lemmas) {
  std::size_t size = 1;
  for (lemma_shift_ = 64; size < 2 * lemmas.size() + 1; size *= 2) --lemma_shift_;
  lemma_slots_.assign(size, {});
  for (std::size_t id = 0; id < lemmas.size(); ++id) {
    std::size_t at = lemma_slot(lemmas[id], lemma_shift_);
    for (; lemma_slots_[at].id >= 0; at = (at + 1) & (size - 1)) {
      if (lemma_slots_[at].lemma == lemmas[id]) return false;
    }
    lemma_slots_[at] = {std::move(lemmas[id]), static_cast<int>(id)};
  }
  return true;
}

namespace {

void append_string(std::string_view text, std::string& out) {
  append_varint(text.size(), out);
  out += text;
}

void append_ids(const std::vector<int>& ids, std::string& out) {
  append_varint(ids.size(), out);
  for (const int id : ids) append_varint(static_cast<std::uint64_t>(id), out);
}

// Reads what image() wrote, failing on bytes it did not write.
class ImageReader {
 public:
  explicit ImageReader(std::string_view image) : in_(image) {}
  bool ok() const { return ok_; }
  bool finished() const { return ok_ && in_.empty(); }

  std::size_t count() {
    std::uint64_t value = 0;
    if (!read_varint(in_, value) || value > in_.size()) ok_ = false;
    return ok_ ? static_cast<std::size_t>(value) : 0;
  }
  int id(std::size_t limit) {
    std::uint64_t value = 0;
    if (!read_varint(in_, value) || value >= limit) ok_ = false;
    return ok_ ? static_cast<int>(value) : 0;
  }
  std::string text() {
    const std::size_t size = count();
    std::string read(in_.substr(0, size));
    in_.remove_prefix(size);
    return read;
  }
  std::vector<int> ids(std::size_t limit) {
    std::vector<int> read(count());
    for (int& value : read) value = id(limit);
    return read;
  }

 private:
  std::string_view in_;
  bool ok_ = true;
};

}  // namespace

// Classes (name, terms), the lemmas in id order, then the terms by their
// first lemma (class, lemma ids before and after a gap); counts, ids and
// lengths as varints.
std::string WordClasses::image() const {
  std::string out;
  append_varint(names_.size(), out);
  for (std::size_t i = 0; i < names_.size(); ++i) {
    append_string(names_[i], out);
    append_varint(terms_[i].size(), out);
    for (const std::string& term : terms_[i]) append_string(term, out);
  }
  std::vector<std::string_view> lemmas;
  for (const LemmaSlot& slot : lemma_slots_) {
    if (slot.id < 0) continue;
    if (static_cast<std::size_t>(slot.id) >= lemmas.size()) lemmas.resize(static_cast<std::size_t>(slot.id) + 1);
    lemmas[static_cast<std::size_t>(slot.id)] = slot.lemma;
  }
  append_varint(lemmas.size(), out);
  for (const std::string_view lemma : lemmas) append_string(lemma, out);
  std::vector<int> firsts;
  for (std::size_t first = 0; first < terms_by_first_.size(); ++first) {
    if (!terms_by_first_[first].empty()) firsts.push_back(static_cast<int>(first));
  }
  append_varint(firsts.size(), out);
  for (const int first : firsts) {
    const std::vector<Term>& terms = terms_by_first_[static_cast<std::size_t>(first)];
    append_varint(static_cast<std::uint64_t>(first), out);
    append_varint(terms.size(), out);
    for (const Term& term : terms) {
      append_varint(static_cast<std::uint64_t>(term.word_class), out);
      append_ids(term.words, out);
      append_ids(term.after, out);
    }
  }
  return out;
}

std::optional<WordClasses> WordClasses::of_image(std::string_view image) {
  ImageReader in(image);
  WordClasses classes;
  classes.names_.resize(in.count());
  classes.terms_.resize(classes.names_.size());
  for (std::size_t i = 0; i < classes.names_.size() && in.ok(); ++i) {
    classes.names_[i] = in.text();
    classes.terms_[i].resize(in.count());
    for (std::string& term : classes.terms_[i]) term = in.text();
  }
  if (!std::is_sorted(classes.names_.begin(), classes.names_.end())) return std::nullopt;
  const std::size_t lemmas = in.count();
  std::vector<std::string> lemma_texts(lemmas);
  for (std::string& lemma : lemma_texts) lemma = in.text();
  if (!in.ok() || !classes.index_lemmas(std::move(lemma_texts))) return std::nullopt;
  classes.terms_by_first_.resize(lemmas);
  const std::size_t groups = in.count();
  for (std::size_t group = 0; group < groups && in.ok(); ++group) {
    std::vector<Term>& terms = classes.terms_by_first_[static_cast<std::size_t>(in.id(lemmas))];
    terms.resize(in.count());
    for (Term& term : terms) {
      term.word_class = in.id(classes.names_.size());
      term.words = in.ids(lemmas);
      term.after = in.ids(lemmas);
      if (term.words.empty()) return std::nullopt;
    }
  }
  if (!in.finished()) return std::nullopt;
  classes.order_terms();
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
  // Reused from call to call, as `longest` below: every sentence read is tagged.
  thread_local std::vector<int> ids, bare;
  ids.assign(tokens.size(), -1);
  bare.assign(tokens.size(), -1);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const std::string_view lemma = tokens[i].lemma;
    ids[i] = lemma_id(lemma);
    if (lemma.size() > 2 && lemma.ends_with("'s")) bare[i] = lemma_id(lemma.substr(0, lemma.size() - 2));
  }
  thread_local std::vector<Hit> hits;  // returned as a copy of its size
  hits.clear();
  // Per class, the longest term starting at a token: (class, last token).
  // Few classes start at any one token; a vector reused across tokens
  // spares a map's allocations.
  thread_local std::vector<std::pair<int, std::size_t>> longest;
  for (std::size_t first = 0; first < tokens.size(); ++first) {
    longest.clear();
    const auto add_term = [&](const Term& term) {
      if (!ids_at(ids, bare, first, term.words)) return;
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
        if (!found) return;
      }
      const auto entry = std::find_if(longest.begin(), longest.end(),
                                      [&](const auto& known) { return known.first == term.word_class; });
      if (entry == longest.end()) {
        longest.emplace_back(term.word_class, last);
      } else {
        entry->second = std::max(entry->second, last);
      }
    };
    for (const int first_id : {ids[first], bare[first]}) {
      if (first_id < 0 || static_cast<std::size_t>(first_id) >= terms_by_first_.size()) continue;
      const std::vector<Term>& terms = terms_by_first_[static_cast<std::size_t>(first_id)];
      // The terms of one word, then only those whose second word may be the next token's.
      const auto longer = terms.begin() + single_word_terms_[static_cast<std::size_t>(first_id)];
      for (auto term = terms.begin(); term != longer; ++term) add_term(*term);
      const auto add_terms_of = [&](int second) {
        auto term = std::partition_point(longer, terms.end(),
                                         [&](const Term& known) { return second_word(known) < second; });
        for (; term != terms.end() && second_word(*term) == second; ++term) add_term(*term);
      };
      if (first + 1 < tokens.size()) {
        if (ids[first + 1] >= 0) add_terms_of(ids[first + 1]);
        if (bare[first + 1] >= 0 && bare[first + 1] != ids[first + 1]) add_terms_of(bare[first + 1]);
      }
    }
    std::sort(longest.begin(), longest.end());
    for (const auto& [word_class, last] : longest) {
      hits.push_back({word_class, static_cast<int>(first), static_cast<int>(last)});
    }
  }
  std::vector<Hit> found(hits.begin(), hits.end());
  for (auto* scratch : {&ids, &bare}) trim_scratch(*scratch);
  trim_scratch(hits);
  trim_scratch(longest);
  return found;
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
