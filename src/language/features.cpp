#include "language/features.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <iterator>

#include "core/fnv1a.h"
#include "core/scratch.h"

namespace medlint {

namespace {

// A word of at most seven bytes as one number, its length in the top
// byte: two words compare at once.
std::uint64_t packed(std::string_view word) {
  std::uint64_t number = 0;
  std::memcpy(&number, word.data(), word.size());
  return number | (std::uint64_t{word.size()} << 56);
}

// Function words say more about an author's style than about the advice;
// as unigrams they let a model learn who wrote its training passages.
inline bool is_function_word(std::string_view lemma) {
  // Probed for every word of every passage: the longer words (none of
  // these has more than six letters) are not looked up at all, the others
  // as one number in a small open-addressing table.
  if (lemma.size() > 6 || lemma.empty()) return false;
  static constexpr std::string_view kWords[] = {
      "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "and", "or", "so", "as",
      "that", "this", "these", "those", "it", "its", "be", "is", "are", "was", "were", "been", "have", "has",
      "had", "do", "doe", "did", "there", "their", "they", "them", "which", "who", "what", "when", "than",
      "then", "into", "about", "up", "out", "over", "after", "before", "some", "all", "each", "other", "more",
      "most", "such", "also", "can", "may", "will", "would", "could", "should", "one", "two", "he", "she", "his",
      "her", "him", "but", "if", "not", "no"};
  constexpr int kSlotBits = 9;
  const auto slot_of = [](std::uint64_t word) { return (word * 0x9E3779B97F4A7C15ull) >> (64 - kSlotBits); };
  static const std::vector<std::uint64_t> slots = [&] {
    std::vector<std::uint64_t> table(std::size_t{1} << kSlotBits, 0);
    for (const std::string_view word : kWords) {
      std::size_t slot = slot_of(packed(word));
      while (table[slot] != 0) slot = (slot + 1) & ((std::size_t{1} << kSlotBits) - 1);
      table[slot] = packed(word);
    }
    return table;
  }();
  const std::uint64_t word = packed(lemma);
  for (std::size_t slot = slot_of(word);; slot = (slot + 1) & ((std::size_t{1} << kSlotBits) - 1)) {
    if (slots[slot] == word) return true;
    if (slots[slot] == 0) return false;
  }
}

// A word of the sequence features are read from: a lemma, or the name of
// the class of the term covering it, with its keys.
struct SequenceWord {
  std::string_view text;
  const FeatureWordKeys* keys;
};

// A class's keys beside its word's: of "c:" + name, and the hash of
// "p:" + name + "+" to go on over the other class of a pair.
struct ClassKeys {
  FeatureWordKeys word;
  std::uint64_t presence = 0;
  std::uint64_t pair_prefix = 0;
};

// Each feature of window_features(), or with no `classes` those of the
// lemmas alone, the sentences' hits unread (word_features()), with
// repeats, handed to `emit` (unigram(), bigram(), presence(), pair()).
template <typename Emit>
void each_feature(const WordClasses* classes, const std::vector<bool>* feature_classes,
                  const std::vector<TaggedWords>& sentences, Emit& emit) {
  // Reused from call to call: most sentences are read for these features
  // alone, and their words are many.
  thread_local std::vector<WordClasses::Hit> hits;
  thread_local std::vector<SequenceWord> words;
  thread_local std::vector<int> covered_by;
  thread_local std::vector<int> present;
  // The keys of the classes met so far in this window, by class.
  thread_local std::vector<ClassKeys> class_keys;
  thread_local std::vector<bool> class_keyed;
  class_keyed.assign(classes ? classes->size() : 0, false);
  class_keys.resize(class_keyed.size());
  const auto keys_of_class = [&](int word_class) -> const ClassKeys& {
    const auto index = static_cast<std::size_t>(word_class);
    if (!class_keyed[index]) {
      const std::string& name = classes->name(word_class);
      class_keys[index] = {feature_word_keys(name), fnv1a(name, fnv1a("c:")), fnv1a("+", fnv1a(name, fnv1a("p:")))};
      class_keyed[index] = true;
    }
    return class_keys[index];
  };
  for (const TaggedWords& sentence : sentences) {
    hits.clear();
    if (classes) {
      std::copy_if(sentence.hits.begin(), sentence.hits.end(), std::back_inserter(hits),
                   [&](const WordClasses::Hit& hit) { return (*feature_classes)[static_cast<std::size_t>(hit.word_class)]; });
    }
    // Each word stands for the class of the longest term covering it.
    words.clear();
    const std::vector<Token>& tokens = *sentence.tokens;
    covered_by.assign(tokens.size(), -1);
    for (std::size_t i = 0; i < hits.size(); ++i) {
      const WordClasses::Hit& hit = hits[i];
      for (int token = hit.first; token <= hit.last; ++token) {
        int& best = covered_by[static_cast<std::size_t>(token)];
        if (best < 0 || hit.last - hit.first > hits[static_cast<std::size_t>(best)].last -
                                                    hits[static_cast<std::size_t>(best)].first) {
          best = static_cast<int>(i);
        }
      }
    }
    for (std::size_t token = 0; token < tokens.size(); ++token) {
      const int hit = covered_by[token];
      if (hit < 0) {
        words.push_back({tokens[token].lemma, &tokens[token].keys});
        continue;
      }
      // A term of several words is one word of the sequence.
      if (token > 0 && covered_by[token - 1] == hit) continue;
      const int word_class = hits[static_cast<std::size_t>(hit)].word_class;
      words.push_back({classes->name(word_class), &keys_of_class(word_class).word});
    }
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (!is_function_word(words[i].text)) emit.unigram(words[i]);
      if (i + 1 < words.size()) emit.bigram(words[i], words[i + 1]);
    }
    present.clear();
    for (const WordClasses::Hit& hit : hits) present.push_back(hit.word_class);
    // By name, as the pairs are named.
    std::sort(present.begin(), present.end(), [&](int a, int b) { return classes->name(a) < classes->name(b); });
    present.erase(std::unique(present.begin(), present.end()), present.end());
    for (std::size_t i = 0; i < present.size(); ++i) {
      const ClassKeys& keys = keys_of_class(present[i]);
      emit.presence(classes->name(present[i]), keys);
      for (std::size_t j = i + 1; j < present.size(); ++j) emit.pair(classes->name(present[i]), keys, classes->name(present[j]));
    }
  }
  trim_scratch(hits);
  trim_scratch(words);
  trim_scratch(covered_by);
}

// Collected with repeats, then sorted and made unique once.
std::vector<std::string> sorted_unique(std::vector<std::string> features) {
  std::sort(features.begin(), features.end());
  features.erase(std::unique(features.begin(), features.end()), features.end());
  return features;
}

// The features' names.
struct NameEmitter {
  std::vector<std::string> features;
  void add(std::initializer_list<std::string_view> parts) {
    std::string& feature = features.emplace_back();
    for (const std::string_view part : parts) feature += part;
  }
  void unigram(const SequenceWord& word) { add({"u:", word.text}); }
  void bigram(const SequenceWord& first, const SequenceWord& second) { add({"b:", first.text, "_", second.text}); }
  void presence(std::string_view name, const ClassKeys&) { add({"c:", name}); }
  void pair(std::string_view name, const ClassKeys&, std::string_view other) { add({"p:", name, "+", other}); }
};

// The features' keys, each the hash of the name NameEmitter builds,
// continued from the keys of its parts.
struct KeyEmitter {
  std::vector<std::uint64_t> keys;
  void unigram(const SequenceWord& word) { keys.push_back(word.keys->unigram); }
  void bigram(const SequenceWord& first, const SequenceWord& second) {
    keys.push_back(fnv1a(second.text, first.keys->bigram_prefix));
  }
  void presence(std::string_view, const ClassKeys& keys_of_class) { keys.push_back(keys_of_class.presence); }
  void pair(std::string_view, const ClassKeys& keys_of_class, std::string_view other) {
    keys.push_back(fnv1a(other, keys_of_class.pair_prefix));
  }
};

std::vector<std::string> features_of(const WordClasses* classes, const std::vector<bool>* feature_classes,
                                     const std::vector<TaggedWords>& sentences) {
  NameEmitter emitter;
  each_feature(classes, feature_classes, sentences, emitter);
  return sorted_unique(std::move(emitter.features));
}

// `keys` without repeats, in the order first met. Sorting every key of a
// window only to drop repeats cost more than this: the model sums the few
// keys it has weights for in key order (LinearModel::score_by_keys).
std::vector<std::uint64_t> unique_keys(const std::vector<std::uint64_t>& keys) {
  // Open addressing, at most half full; the keys are hashes already. A
  // slot holds a key of this call only if it carries this call's stamp, so
  // the table is not cleared from call to call.
  struct Slot {
    std::uint64_t key = 0;
    std::uint32_t stamp = 0;
  };
  thread_local std::vector<Slot> slots;
  thread_local std::uint32_t stamp = 0;
  const std::size_t size = std::bit_ceil(std::max<std::size_t>(16, 2 * keys.size()));
  if (++stamp == 0 || slots.size() < size) {
    slots.assign(std::max(size, slots.size()), Slot{});
    stamp = 1;
  }
  const int shift = 64 - std::countr_zero(size);
  std::vector<std::uint64_t> unique;
  unique.reserve(keys.size());
  for (const std::uint64_t key : keys) {
    std::size_t at = static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> shift);
    while (slots[at].stamp == stamp && slots[at].key != key) at = (at + 1) & (size - 1);
    if (slots[at].stamp == stamp) continue;
    slots[at] = {key, stamp};
    unique.push_back(key);
  }
  trim_scratch(slots);
  return unique;
}

std::vector<std::uint64_t> feature_keys_of(const WordClasses* classes, const std::vector<bool>* feature_classes,
                                           const std::vector<TaggedWords>& sentences) {
  thread_local KeyEmitter emitter;  // reused: a window's keys with their repeats
  emitter.keys.clear();
  each_feature(classes, feature_classes, sentences, emitter);
  std::vector<std::uint64_t> unique = unique_keys(emitter.keys);
  trim_scratch(emitter.keys);
  return unique;
}

}  // namespace

FeatureWordKeys feature_word_keys(std::string_view word) {
  return {fnv1a(word, fnv1a("u:")), fnv1a("_", fnv1a(word, fnv1a("b:")))};
}

std::vector<std::string> window_features(const WordClasses& classes, const std::vector<bool>& feature_classes,
                                         const std::vector<TaggedWords>& sentences) {
  return features_of(&classes, &feature_classes, sentences);
}

std::vector<std::string> word_features(const std::vector<TaggedWords>& sentences) {
  return features_of(nullptr, nullptr, sentences);
}

std::vector<std::uint64_t> window_feature_keys(const WordClasses& classes, const std::vector<bool>& feature_classes,
                                               const std::vector<TaggedWords>& sentences) {
  return feature_keys_of(&classes, &feature_classes, sentences);
}

std::vector<std::uint64_t> word_feature_keys(const std::vector<TaggedWords>& sentences) {
  return feature_keys_of(nullptr, nullptr, sentences);
}

std::vector<bool> model_classes(const WordClasses& classes, const LinearModel& model) {
  std::vector<bool> known(classes.size());
  for (std::size_t word_class = 0; word_class < classes.size(); ++word_class) {
    const std::string presence = "c:" + classes.name(static_cast<int>(word_class));
    known[word_class] = model.weights().weight(LinearModel::feature_key(presence)) != 0.0;
  }
  return known;
}

}  // namespace medlint
