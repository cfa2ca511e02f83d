#include "language/sentence_words.h"

namespace medlint {

SentenceWords::Entry* SentenceWords::find(Span range) {
  const auto found = by_start_.find(range.begin);
  return found != by_start_.end() && found->second.range == range ? &found->second : nullptr;
}

SentenceWords::Entry& SentenceWords::add(Span range, SharedTokens tokens) {
  if (Entry* known = find(range)) return *known;
  auto [found, added] = by_start_.try_emplace(range.begin);
  // A range seen for the first time, or another range from the same start.
  if (added) {
    starts_.push_back(range.begin);
  } else {
    tokens_held_ -= found->second.tokens->size();
  }
  found->second = Entry{range, std::move(tokens), nullptr, nullptr};
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
  {
    std::lock_guard lock(mutex_);
    if (const Entry* known = find(range)) return known->tokens;
  }
  auto read = std::make_shared<const std::vector<Token>>(tokenize(folded_, range));
  std::lock_guard lock(mutex_);
  return add(range, std::move(read)).tokens;
}

SentenceWords::Hits SentenceWords::hits(Span range, const WordClasses& classes) {
  SharedTokens tokens;
  {
    std::lock_guard lock(mutex_);
    if (const Entry* known = find(range)) {
      if (known->tagged_by == &classes) return known->hits;
      tokens = known->tokens;
    }
  }
  if (!tokens) tokens = std::make_shared<const std::vector<Token>>(tokenize(folded_, range));
  auto tagged = std::make_shared<const std::vector<WordClasses::Hit>>(classes.tag(*tokens));
  std::lock_guard lock(mutex_);
  Entry& entry = add(range, std::move(tokens));
  entry.hits = std::move(tagged);
  entry.tagged_by = &classes;
  return entry.hits;
}

}  // namespace medlint
