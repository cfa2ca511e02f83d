#include "language/frames.h"

#include <algorithm>
#include <functional>

namespace medlint {
namespace {

// Slots take different words; a word inside a longer term of another class
// may still fill a slot ("old pills" is BORROWED, its "pills" MEDICINE).
bool same_words(const WordClasses::Hit& a, const WordClasses::Hit& b) { return a.first == b.first && a.last == b.last; }

}  // namespace

ClassesPresent::ClassesPresent(const std::vector<WordClasses::Hit>& hits) {
  for (const WordClasses::Hit& hit : hits) {
    const auto at = static_cast<std::size_t>(hit.word_class);
    if (at / 64 >= bits_.size()) bits_.resize(at / 64 + 1);
    bits_[at / 64] |= std::uint64_t{1} << (at % 64);
  }
}

bool ClassesPresent::fill_every_slot(const Frame& frame) const {
  return std::all_of(frame.slots.begin(), frame.slots.end(), [&](const std::vector<int>& classes) {
    return std::any_of(classes.begin(), classes.end(), [&](int word_class) { return has(word_class); });
  });
}

std::optional<FrameMatch> match_frame(const Frame& frame, const std::vector<Token>& tokens,
                                      const std::vector<WordClasses::Hit>& hits) {
  return match_frame(frame, tokens, hits, ClassesPresent(hits));
}

std::optional<FrameMatch> match_frame(const Frame& frame, const std::vector<Token>& tokens,
                                      const std::vector<WordClasses::Hit>& hits, const ClassesPresent& present) {
  // Most sentences a frame is tried on leave a slot of it empty: told
  // before anything is allocated.
  if (!present.fill_every_slot(frame)) return std::nullopt;
  // Two slots of one class name two different things ("co-codamol and
  // paracetamol"), not one word said twice.
  const auto same_lemmas = [&](const WordClasses::Hit& a, const WordClasses::Hit& b) {
    if (a.last - a.first != b.last - b.first) return false;
    for (int i = 0; i <= a.last - a.first; ++i) {
      if (tokens[static_cast<std::size_t>(a.first + i)].lemma != tokens[static_cast<std::size_t>(b.first + i)].lemma) {
        return false;
      }
    }
    return true;
  };
  const auto fills = [&](std::size_t slot, const WordClasses::Hit& hit) {
    const auto& classes = frame.slots[slot];
    return std::find(classes.begin(), classes.end(), hit.word_class) != classes.end();
  };
  const auto kept_out = [&](const WordClasses::Hit& candidate) {
    if (frame.not_filled_by.empty()) return false;
    return std::any_of(hits.begin(), hits.end(), [&](const WordClasses::Hit& hit) {
      return hit.first <= candidate.first && candidate.last <= hit.last &&
             std::find(frame.not_filled_by.begin(), frame.not_filled_by.end(), hit.word_class) !=
                 frame.not_filled_by.end();
    });
  };
  std::vector<std::vector<const WordClasses::Hit*>> candidates(frame.slots.size());
  for (std::size_t slot = 0; slot < frame.slots.size(); ++slot) {
    for (const WordClasses::Hit& hit : hits) {
      if (fills(slot, hit) && !kept_out(hit)) candidates[slot].push_back(&hit);
    }
  }
  std::vector<const WordClasses::Hit*> chosen(frame.slots.size());
  // A blocking word between the slots' words, not inside them ("cut back
  // on your insulin": "on" belongs to the verb).
  const auto blocked = [&](int first, int last) {
    return std::any_of(hits.begin(), hits.end(), [&](const WordClasses::Hit& hit) {
      if (hit.first < first || hit.last > last) return false;
      if (std::find(frame.blocked_by.begin(), frame.blocked_by.end(), hit.word_class) == frame.blocked_by.end()) {
        return false;
      }
      return std::none_of(chosen.begin(), chosen.end(), [&](const WordClasses::Hit* slot) {
        return slot->first <= hit.first && hit.last <= slot->last;
      });
    });
  };
  std::optional<FrameMatch> best;
  // Slots are few (two or three) and a sentence's hits of a class fewer
  // still: trying every combination is cheap.
  const std::function<void(std::size_t)> fill = [&](std::size_t slot) {
    if (slot == chosen.size()) {
      int first = chosen[0]->first, last = chosen[0]->last;
      for (const WordClasses::Hit* hit : chosen) {
        first = std::min(first, hit->first);
        last = std::max(last, hit->last);
      }
      if (last - first + 1 > frame.window || blocked(first, last)) return;
      if (best && last - first >= best->last - best->first) return;
      best = FrameMatch{{}, first, last};
      for (const WordClasses::Hit* hit : chosen) best->slots.push_back(*hit);
      return;
    }
    for (const WordClasses::Hit* hit : candidates[slot]) {
      const bool taken = std::any_of(chosen.begin(), chosen.begin() + static_cast<std::ptrdiff_t>(slot),
                                     [&](const WordClasses::Hit* other) {
                                       return same_words(*hit, *other) ||
                                              (hit->word_class == other->word_class && same_lemmas(*hit, *other));
                                     });
      // In order: each slot's words start after the previous slot's start
      // (an object may sit inside a gapped verb: "leave it off").
      if (taken || (frame.ordered && slot > 0 && hit->first <= chosen[slot - 1]->first)) continue;
      chosen[slot] = hit;
      fill(slot + 1);
    }
  };
  fill(0);
  return best;
}

}  // namespace medlint
