#include "language/features.h"

#include <algorithm>
#include <set>

namespace medlint {

namespace {

// Function words say more about an author's style than about the advice;
// as unigrams they let a model learn who wrote its training passages.
bool is_function_word(std::string_view lemma) {
  static const std::set<std::string_view> words = {
      "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "and", "or", "so", "as",
      "that", "this", "these", "those", "it", "its", "be", "is", "are", "was", "were", "been", "have", "has",
      "had", "do", "doe", "did", "there", "their", "they", "them", "which", "who", "what", "when", "than",
      "then", "into", "about", "up", "out", "over", "after", "before", "some", "all", "each", "other", "more",
      "most", "such", "also", "can", "may", "will", "would", "could", "should", "one", "two", "he", "she", "his",
      "her", "him", "but", "if", "not", "no"};
  return words.count(lemma) > 0;
}

// The features of window_features(), or with no `classes` those of the
// lemmas alone, the sentences' hits unread (word_features()).
std::vector<std::string> features_of(const WordClasses* classes, const std::vector<TaggedWords>& sentences) {
  static const std::vector<WordClasses::Hit> kNoHits;
  // Collected with repeats, then sorted and made unique once.
  std::vector<std::string> features;
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
    const auto joined = [](std::initializer_list<std::string_view> parts) {
      std::string feature;
      for (const std::string_view part : parts) feature += part;
      return feature;
    };
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (!is_function_word(words[i])) features.push_back(joined({"u:", words[i]}));
      if (i + 1 < words.size()) features.push_back(joined({"b:", words[i], "_", words[i + 1]}));
    }
    std::set<std::string_view> present;
    for (const WordClasses::Hit& hit : hits) present.insert(classes->name(hit.word_class));
    for (const std::string_view name : present) {
      features.push_back(joined({"c:", name}));
      for (const std::string_view other : present) {
        if (name < other) features.push_back(joined({"p:", name, "+", other}));
      }
    }
  }
  std::sort(features.begin(), features.end());
  features.erase(std::unique(features.begin(), features.end()), features.end());
  return features;
}

}  // namespace

std::vector<std::string> window_features(const WordClasses& classes, const std::vector<TaggedWords>& sentences) {
  return features_of(&classes, sentences);
}

std::vector<std::string> word_features(const std::vector<TaggedWords>& sentences) {
  return features_of(nullptr, sentences);
}

}  // namespace medlint
