#include "language/co_occurrence.h"

#include <algorithm>

namespace medlint {
namespace {

bool contains(const std::vector<int>& classes, int word_class) {
  return std::find(classes.begin(), classes.end(), word_class) != classes.end();
}

}  // namespace

// "my chest is fine but I can't breathe" pairs nothing across the "but".
ClausedWords::ClausedWords(std::string_view folded, std::vector<Token> words, std::vector<WordClasses::Hit> word_hits)
    : tokens(std::move(words)), hits(std::move(word_hits)), clause(tokens.size(), 0) {
  for (std::size_t i = 1; i < tokens.size(); ++i) {
    const std::string_view between =
        folded.substr(tokens[i - 1].text.end, tokens[i].text.begin - tokens[i - 1].text.end);
    const bool breaks = between.find_first_of(".;:!?()") != std::string_view::npos ||
                        between.find("\xe2\x80\x94") != std::string_view::npos ||  // em dash
                        between.find(" - ") != std::string_view::npos || tokens[i].lemma == "but";
    clause[i] = clause[i - 1] + (breaks ? 1 : 0);
  }
}

std::vector<CoOccurrenceMatch> find_co_occurrences(const ClausedWords& words, const CoOccurrence& co) {
  std::vector<CoOccurrenceMatch> matches;
  if (co.classes.empty()) return matches;
  const std::vector<WordClasses::Hit>& hits = words.hits;
  const std::vector<int>& clause = words.clause;
  const auto same_clause = [&](const WordClasses::Hit& a, const WordClasses::Hit& b) {
    return clause[static_cast<std::size_t>(std::min(a.first, b.first))] ==
           clause[static_cast<std::size_t>(std::max(a.last, b.last))];
  };
  const auto distance = [](const WordClasses::Hit& a, const WordClasses::Hit& b) {
    return std::max(a.last, b.last) - std::min(a.first, b.first) + 1;
  };
  for (const WordClasses::Hit& anchor : hits) {
    if (anchor.word_class != co.classes.front()) continue;
    CoOccurrenceMatch match{anchor.first, anchor.last};
    bool complete = true;
    for (std::size_t c = 1; c < co.classes.size() && complete; ++c) {
      const WordClasses::Hit* nearest = nullptr;
      const int previous_last = match.last;
      for (const WordClasses::Hit& hit : hits) {
        // Another word than the anchor's: "swallow" is no pairing of itself.
        if (hit.word_class != co.classes[c] || (hit.first <= anchor.last && anchor.first <= hit.last)) continue;
        if (co.ordered && hit.first <= previous_last) continue;
        if (!same_clause(anchor, hit) || distance(anchor, hit) > co.window) continue;
        if (!nearest || distance(anchor, hit) < distance(anchor, *nearest)) nearest = &hit;
      }
      complete = nearest != nullptr;
      if (complete) {
        match.first = std::min(match.first, nearest->first);
        match.last = std::max(match.last, nearest->last);
      }
    }
    if (!complete || match.last - match.first + 1 > co.window) continue;
    const bool cancelled = std::any_of(hits.begin(), hits.end(), [&](const WordClasses::Hit& hit) {
      return contains(co.unless, hit.word_class) && same_clause(anchor, hit) && distance(anchor, hit) <= co.window;
    });
    if (!cancelled) matches.push_back(match);
  }
  return matches;
}

}  // namespace medlint
