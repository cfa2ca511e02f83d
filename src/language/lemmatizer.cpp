#include "language/lemmatizer.h"

#include <algorithm>
#include <libstemmer.h>
#include <memory>
#include <unordered_map>
#include <utility>
#include <vector>

namespace medlint {
namespace {

// Irregular English verb forms that advice is written in; the stemmer maps
// regular inflections, so only these need listing.
const std::unordered_map<std::string_view, std::string_view>& irregular_forms() {
  static const std::unordered_map<std::string_view, std::string_view> forms = {
      {"took", "take"},     {"taken", "take"},    {"gave", "give"},     {"given", "give"},   {"went", "go"},
      {"gone", "go"},       {"did", "do"},        {"done", "do"},       {"does", "do"},      {"made", "make"},
      {"got", "get"},       {"gotten", "get"},    {"put", "put"},       {"cut", "cut"},      {"quit", "quit"},
      {"let", "let"},       {"set", "set"},       {"left", "leave"},    {"kept", "keep"},    {"brought", "bring"},
      {"bought", "buy"},    {"found", "find"},    {"felt", "feel"},     {"told", "tell"},    {"said", "say"},
      {"saw", "see"},       {"seen", "see"},      {"ran", "run"},       {"drank", "drink"},  {"drunk", "drink"},
      {"ate", "eat"},       {"eaten", "eat"},     {"swallowed", "swallow"}, {"threw", "throw"}, {"thrown", "throw"},
      {"fell", "fall"},     {"fallen", "fall"},   {"broke", "break"},   {"broken", "break"}, {"stuck", "stick"},
      {"dug", "dig"},       {"sewed", "sew"},     {"sewn", "sew"},      {"bled", "bleed"},   {"lent", "lend"},
      {"swore", "swear"},   {"sworn", "swear"},   {"chose", "choose"},  {"chosen", "choose"}, {"woke", "wake"},
      {"is", "be"},         {"are", "be"},        {"was", "be"},        {"were", "be"},      {"been", "be"},
      {"am", "be"},         {"has", "have"},      {"had", "have"},      {"children", "child"}, {"kids", "kid"},
      {"feet", "foot"},     {"teeth", "tooth"},   {"men", "man"},       {"women", "woman"},  {"people", "person"},
      {"lice", "louse"},    {"mice", "mouse"},
      {"came", "come"},     {"became", "become"}, {"drove", "drive"},   {"driven", "drive"}, {"forgot", "forget"},
      {"forgotten", "forget"}, {"held", "hold"},  {"lost", "lose"},     {"paid", "pay"},     {"sent", "send"},
      {"spent", "spend"},   {"stood", "stand"},   {"taught", "teach"},  {"thought", "think"}, {"wore", "wear"},
      {"worn", "wear"},     {"wrote", "write"},   {"written", "write"}, {"shook", "shake"},  {"shaken", "shake"},
      {"slept", "sleep"},   {"sold", "sell"},     {"stole", "steal"},   {"stolen", "steal"}, {"began", "begin"},
      {"begun", "begin"},   {"bit", "bite"},      {"bitten", "bite"},   {"blew", "blow"},    {"blown", "blow"},
      {"grew", "grow"},     {"grown", "grow"},    {"knew", "know"},     {"known", "know"},   {"led", "lead"},
      {"meant", "mean"},    {"sat", "sit"},       {"tore", "tear"},     {"torn", "tear"},    {"froze", "freeze"},
      {"frozen", "freeze"}, {"hid", "hide"},      {"hidden", "hide"},   {"fought", "fight"}, {"caught", "catch"},
      // Words Snowball merges with another word by dropping a final e.
      {"quite", "quite+e"},
  };
  return forms;
}

}  // namespace

namespace {

// Contractions whose apostrophe-less spelling is no other common word.
constexpr std::string_view kContractions[] = {
    "can't",    "won't",   "don't",   "doesn't", "didn't", "isn't",   "wasn't",  "aren't",  "weren't", "couldn't",
    "wouldn't", "shouldn't", "hasn't", "haven't", "hadn't", "mustn't", "i'm",     "i've",    "she's",   "he's",
    "you're",   "they're", "you've",  "they've", "that's", "there's", "what's",  "who's",   "let's"};

std::string without_apostrophe(std::string_view word) {
  std::string bare;
  for (const char c : word) {
    if (c != '\'') bare.push_back(c);
  }
  return bare;
}

}  // namespace

std::string_view informal_contraction(std::string_view folded_word) {
  static const std::unordered_map<std::string, std::string_view> by_bare = [] {
    std::unordered_map<std::string, std::string_view> map;
    for (const std::string_view contraction : kContractions) map.emplace(without_apostrophe(contraction), contraction);
    return map;
  }();
  if (folded_word.find('\'') != std::string_view::npos) return {};
  const auto found = by_bare.find(std::string(folded_word));
  return found == by_bare.end() ? std::string_view() : found->second;
}

std::string dropped_apostrophe(std::string_view folded_word) {
  const bool known = std::find(std::begin(kContractions), std::end(kContractions), folded_word) != std::end(kContractions);
  return known ? without_apostrophe(folded_word) : std::string();
}

std::vector<std::string_view> irregular_forms_of(std::string_view base) {
  static const std::unordered_multimap<std::string_view, std::string_view> by_base = [] {
    std::unordered_multimap<std::string_view, std::string_view> inverted;
    for (const auto& [form, lemma] : irregular_forms()) inverted.emplace(lemma, form);
    return inverted;
  }();
  std::vector<std::string_view> forms;
  const auto [first, last] = by_base.equal_range(base);
  for (auto form = first; form != last; ++form) forms.push_back(form->second);
  return forms;
}

namespace {

bool ends_with(std::string_view text, std::string_view ending) {
  return text.size() >= ending.size() && text.substr(text.size() - ending.size()) == ending;
}

// What the stemmer removed beyond an inflection, as "+suffix", or "".
std::string derivational_part(std::string_view word, std::string_view stem) {
  // Stems that rewrite letters ("babies" -> "babi") are inflections.
  if (!word.starts_with(stem)) return "";
  std::string_view removed = word.substr(stem.size());
  for (const std::string_view inflection : {"ing", "ed", "es", "s", "d"}) {
    if (ends_with(removed, inflection)) {
      removed.remove_suffix(inflection.size());
      break;
    }
  }
  // "stopped" -> "stop" + "p" + "ed"; "relieve" -> "reliev" + "e".
  if (removed == "e" || (removed.size() == 1 && !stem.empty() && removed[0] == stem.back())) removed = "";
  if (removed.empty()) return "";
  std::string part = "+";  // appended, not `"+" + std::string(removed)`: GCC 12 warns falsely of that inlined
  part += removed;
  return part;
}

struct StemmerDeleter {
  void operator()(sb_stemmer* stemmer) const { sb_stemmer_delete(stemmer); }
};

}  // namespace

namespace {

std::string compute_lemma(std::string_view folded_word);

}  // namespace

const KeyedLemma& keyed_lemma_of(std::string_view folded_word) {
  // Words repeat: the stemmer runs once per distinct word and thread. A
  // two-way cache (two slots per hash, the word used less recently
  // replaced) finds a word with one or two probes, keeps two words that
  // share a hash, and a hostile text of unique words cannot grow it past
  // kMostPairs. It starts small and grows as words fill it: made whole at
  // once, its 1.5 MB cost a one-article run about 300 page faults.
  struct Cached {
    std::string word;
    KeyedLemma lemma;
    bool filled = false;
  };
  struct Pair {
    Cached slots[2];
    std::uint8_t newest = 0;
  };
  constexpr std::size_t kFirstPairs = std::size_t{1} << 9, kMostPairs = std::size_t{1} << 13;
  thread_local std::vector<Pair> cache(kFirstPairs);
  thread_local std::size_t filled = 0;
  const auto pair_of = [](std::string_view word) -> Pair& {
    return cache[std::hash<std::string_view>()(word) & (cache.size() - 1)];
  };
  Pair* pair = &pair_of(folded_word);
  for (std::uint8_t way = 0; way < 2; ++way) {
    const Cached& slot = pair->slots[way];
    if (slot.filled && slot.word == folded_word) {
      pair->newest = way;
      return slot.lemma;
    }
  }
  // Grown while a quarter of its slots at most are filled, so that a third
  // word of a pair seldom pushes out one still in use.
  if (filled * 2 >= cache.size() && cache.size() < kMostPairs) {
    std::vector<Pair> smaller = std::exchange(cache, std::vector<Pair>(cache.size() * 4));
    for (Pair& old : smaller) {
      for (Cached& kept : old.slots) {
        if (!kept.filled) continue;
        Pair& moved_to = pair_of(kept.word);
        moved_to.newest ^= 1;
        moved_to.slots[moved_to.newest] = std::move(kept);
      }
    }
    filled = 0;
    for (const Pair& now : cache) filled += static_cast<std::size_t>(now.slots[0].filled) + now.slots[1].filled;
    pair = &pair_of(folded_word);
  }
  pair->newest ^= 1;
  Cached& slot = pair->slots[pair->newest];
  filled += slot.filled ? 0 : 1;
  slot.lemma.lemma = compute_lemma(folded_word);
  slot.lemma.keys = feature_word_keys(slot.lemma.lemma);
  slot.word.assign(folded_word);
  slot.filled = true;
  return slot.lemma;
}

std::string lemma_of(std::string_view folded_word) { return keyed_lemma_of(folded_word).lemma; }

namespace {

std::string compute_lemma(std::string_view folded_word) {
  // A possessive is not a plural: "friend's" is not "friends".
  if (folded_word.size() > 2 && folded_word.ends_with("'s")) {
    return compute_lemma(folded_word.substr(0, folded_word.size() - 2)) + "'s";
  }
  if (const auto found = irregular_forms().find(folded_word); found != irregular_forms().end()) {
    return std::string(found->second);
  }
  // "cant", "shes": the contraction a text message left its apostrophe off.
  if (const std::string_view contraction = informal_contraction(folded_word); !contraction.empty()) {
    return compute_lemma(contraction);
  }
  // A Snowball stemmer keeps state between calls: one per thread.
  thread_local std::unique_ptr<sb_stemmer, StemmerDeleter> stemmer(sb_stemmer_new("english", "UTF_8"));
  const sb_symbol* stem = sb_stemmer_stem(stemmer.get(), reinterpret_cast<const sb_symbol*>(folded_word.data()),
                                          static_cast<int>(folded_word.size()));
  if (!stem) return std::string(folded_word);  // out of memory: the word itself still matches itself
  const std::string stemmed(reinterpret_cast<const char*>(stem), static_cast<std::size_t>(sb_stemmer_length(stemmer.get())));
  return stemmed + derivational_part(folded_word, stemmed);
}

}  // namespace

}  // namespace medlint
