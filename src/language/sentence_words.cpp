#include "language/sentence_words.h"

namespace medlint {

SentenceWords::Entry& SentenceWords::entry(Span range) {
  auto [found, added] = by_start_.try_emplace(range.begin);
  if (!added && found->second.range == range) return found->second;
  // A range seen for the first time, or another range from the same start.
  if (added) {
    starts_.push_back(range.begin);
  } else {
    tokens_held_ -= found->second.tokens->size();
  }
  found->second = Entry{range, std::make_shared<const std::vector<Token>>(tokenize(folded_, range)), nullptr, nullptr};
  tokens_held_ += found->second.tokens->size();
  // The oldest dropped, never the one just read.
  while (tokens_held_ > kTokensHeld && starts_.front() != range.begin) {
    const auto oldest = by_start_.find(starts_.front());
    tokens_held_ -= oldest->second.tokens->size();
    by_start_.erase(oldest);
    starts_.pop_front();
  }
  return found->second;
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
