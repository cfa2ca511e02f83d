// Advice frames: word classes that together make a piece of advice, such as
// a STOP verb with a MEDICINE ("just quit the statin"), within a window of
// words and in any order. Frames are data (the options of an `advice`
// rule); this file matches one against a sentence's class hits.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "language/word_classes.h"

namespace medlint {

struct Frame {
  std::string name;
  // Each slot is filled by a hit of any of its classes; slots take
  // different words (though one may lie inside another's longer term).
  std::vector<std::vector<int>> slots;
  // No hit of these classes may sit between the slots' words.
  std::vector<int> blocked_by;
  // A hit whose words are also those of a hit of one of these classes
  // fills no slot: "stop taking paracetamol" stops an as-needed reliever,
  // no prescribed medicine.
  std::vector<int> not_filled_by;
  int window = 12;  // most tokens from the first slot's word to the last's
  // Slots in the order listed ("double the dose", not "the dose doubles
  // your risk"): each slot's words start after the previous slot's start.
  bool ordered = false;
};

struct FrameMatch {
  std::vector<WordClasses::Hit> slots;  // one hit per slot, in slot order
  int first = 0;                        // token range covered, inclusive
  int last = 0;
};

// The word classes of a sentence's hits: most frames tried on a sentence
// leave a slot empty, told from this without reading the hits again.
class ClassesPresent {
 public:
  explicit ClassesPresent(const std::vector<WordClasses::Hit>& hits);
  // Whether each of the frame's slots has a class present.
  bool fill_every_slot(const Frame& frame) const;

 private:
  bool has(int word_class) const {
    const auto at = static_cast<std::size_t>(word_class);
    return at / 64 < bits_.size() && (bits_[at / 64] >> (at % 64)) & 1;
  }
  std::vector<std::uint64_t> bits_;
};

// The tightest way `frame` fills its slots from `hits` (class hits of
// `tokens`), or nullopt. `present`: the classes of `hits`, for a sentence
// many frames are tried on.
std::optional<FrameMatch> match_frame(const Frame& frame, const std::vector<Token>& tokens,
                                      const std::vector<WordClasses::Hit>& hits);
std::optional<FrameMatch> match_frame(const Frame& frame, const std::vector<Token>& tokens,
                                      const std::vector<WordClasses::Hit>& hits, const ClassesPresent& present);

}  // namespace medlint
