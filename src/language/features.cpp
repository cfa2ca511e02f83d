#include "language/features.h"

#include <algorithm>
#include <set>
#include <unordered_set>

#include "core/fnv1a.h"

namespace medlint {

namespace {

// Function words say more about an author's style than about the advice;
// as unigrams they let a model learn who wrote its training passages.
bool is_function_word(std::string_view lemma) {
  // Probed for every word of every passage: hashed, and the longer words
  // (none of these has more than six letters) not looked up at all.
  if (lemma.size() > 6) return false;
  static const std::unordered_set<std::string_view> words = {
      "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "and", "or", "so", "as",
      "that", "this", "these", "those", "it", "its", "be", "is", "are", "was", "were", "been", "have", "has",
      "had", "do", "doe", "did", "there", "their", "they", "them", "which", "who", "what", "when", "than",
      "then", "into", "about", "up", "out", "over", "after", "before", "some", "all", "each", "other", "more",
      "most", "such", "also", "can", "may", "will", "would", "could", "should", "one", "two", "he", "she", "his",
      "her", "him", "but", "if", "not", "no"};
  return words.count(lemma) > 0;
}

// Each feature of window_features(), or with no `classes` those of the
// lemmas alone, the sentences' hits unread (word_features()), with
// repeats, handed to `emit` as the parts its name joins.
template <typename Emit>
void each_feature(const WordClasses* classes, const std::vector<TaggedWords>& sentences, Emit&& emit) {
  static const std::vector<WordClasses::Hit> kNoHits;
  for (const TaggedWords& sentence : sentences) {
    const std::vector<WordClasses::Hit>& hits = classes ? sentence.hits : kNoHits;
    // Each word stands for the class of the longest term covering it.
    std::vector<std::string_view> words;
    std::vector<int> covered_by(sentence.tokens.size(), -1);
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
    for (std::size_t token = 0; token < sentence.tokens.size(); ++token) {
      const int hit = covered_by[token];
      if (hit < 0) {
        words.push_back(sentence.tokens[token].lemma);
        continue;
      }
      // A term of several words is one word of the sequence.
      if (token > 0 && covered_by[token - 1] == hit) continue;
      words.push_back(classes->name(hits[static_cast<std::size_t>(hit)].word_class));
    }
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (!is_function_word(words[i])) emit({"u:", words[i]});
      if (i + 1 < words.size()) emit({"b:", words[i], "_", words[i + 1]});
    }
    std::set<std::string_view> present;
    for (const WordClasses::Hit& hit : hits) present.insert(classes->name(hit.word_class));
    for (const std::string_view name : present) {
      emit({"c:", name});
      for (const std::string_view other : present) {
        if (name < other) emit({"p:", name, "+", other});
      }
    }
  }
}

using FeatureParts = std::initializer_list<std::string_view>;

// Collected with repeats, then sorted and made unique once.
template <typename Feature>
std::vector<Feature> sorted_unique(std::vector<Feature> features) {
  std::sort(features.begin(), features.end());
  features.erase(std::unique(features.begin(), features.end()), features.end());
  return features;
}

std::vector<std::string> features_of(const WordClasses* classes, const std::vector<TaggedWords>& sentences) {
  std::vector<std::string> features;
  each_feature(classes, sentences, [&](FeatureParts parts) {
    std::string& feature = features.emplace_back();
    for (const std::string_view part : parts) feature += part;
  });
  return sorted_unique(std::move(features));
}

}  // namespace

std::vector<std::string> window_features(const WordClasses& classes, const std::vector<TaggedWords>& sentences) {
  return features_of(&classes, sentences);
}

std::vector<std::string> word_features(const std::vector<TaggedWords>& sentences) {
  return features_of(nullptr, sentences);
}

std::vector<std::uint64_t> word_feature_keys(const std::vector<TaggedWords>& sentences) {
  std::vector<std::uint64_t> keys;
  each_feature(nullptr, sentences, [&](FeatureParts parts) {
    std::uint64_t key = kFnv1aBasis;
    for (const std::string_view part : parts) key = fnv1a(part, key);
    keys.push_back(key);
  });
  return sorted_unique(std::move(keys));
}

}  // namespace medlint
