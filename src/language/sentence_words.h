// The words of a document's sentences, tokenized once per lint of the
// document and tagged with word classes on first request, for every rule
// that reads them: self-treatment and safety-escalation read many of the
// same sentences. Analysis state derived from one document: the engine
// makes one per document and hands it to the rules in their context, and a
// rule reads the same words whether or not another rule read them first.
#pragma once
#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "language/word_classes.h"

namespace medlint {

class SentenceWords {
 public:
  using Hits = std::shared_ptr<const std::vector<WordClasses::Hit>>;

  // `folded`: the document's case-folded text, outliving this.
  explicit SentenceWords(std::string_view folded) : folded_(folded) {}

  // tokenize() of a range of the text (a sentence, or any other range).
  SharedTokens tokens(Span range);
  // classes.tag() of those tokens: every class, the caller keeps those it reads.
  Hits hits(Span range, const WordClasses& classes);

 private:
  struct Entry {
    Span range;
    SharedTokens tokens;
    Hits hits;
    const WordClasses* tagged_by = nullptr;
  };
  // The entry of `range`, or null; the caller holds the lock.
  Entry* find(Span range);
  // The entry of `range`, holding `tokens` unless it holds that range's
  // already; the caller holds the lock.
  Entry& add(Span range, SharedTokens tokens);

  // Tokens kept at most (a few hundred KB), the oldest sentences' dropped
  // first: a long article's words are never all held at once, while an
  // article of up to about 20 KB of prose (all but the longest real ones) is
  // read once for every rule; a longer one shares what its rules read
  // close together.
  static constexpr std::size_t kTokensHeld = std::size_t{1} << 12;

  std::string_view folded_;
  // A file's rules may run in parallel: the lock is held to look up and
  // add, not while words are read, so neither rule waits on the other's reading.
  std::mutex mutex_;
  std::unordered_map<std::size_t, Entry> by_start_;
  std::deque<std::size_t> starts_;  // in the order they were added
  std::size_t tokens_held_ = 0;
};

}  // namespace medlint
