#include "language/sentence_words.h"

namespace medlint {

SentenceWords::Entry& SentenceWords::entry(Span range) {
  auto [found, added] = by_start_.try_emplace(range.begin);
  Entry& entry = found->second;
  if (!added && entry.range == range) return entry;
  if (added) {
    starts_.push_back(range.begin);
    if (starts_.size() > kCapacity) {
      by_start_.erase(starts_.front());
      starts_.pop_front();
    }
  }
  // A range seen for the first time, or another range from the same start.
  entry = Entry{range, std::make_shared<const std::vector<Token>>(tokenize(folded_, range)), nullptr, nullptr};
  return entry;
}

SharedTokens SentenceWords::tokens(Span range) {
  std::lock_guard lock(mutex_);
  return entry(range).tokens;
}

SentenceWords::Hits SentenceWords::hits(Span range, const WordClasses& classes) {
  std::lock_guard lock(mutex_);
  Entry& found = entry(range);
  if (found.tagged_by != &classes) {
    found.hits = std::make_shared<const std::vector<WordClasses::Hit>>(classes.tag(*found.tokens));
    found.tagged_by = &classes;
  }
  return found.hits;
}

}  // namespace medlint
