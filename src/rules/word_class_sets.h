// Reads the `word_classes:` of the packs in use into one compiled
// WordClasses, once per configuration. A class is written:
//   MEDICINE:
//     source: where the terms come from (provenance; required)
//     terms: [statin, blood thinner, ...]
// and may be extended by several pack files.
#pragma once
#include <memory>
#include <string>
#include <string_view>

#include "language/word_classes.h"
#include "rules/rule.h"

namespace medlint {

// Throws ConfigError on a malformed class. The shipped packs' classes are
// compiled when medlint is built (compiling their terms' lemmas was a fifth
// of a one-article run) and loaded from that image when the classes in use
// hash the same; other classes are compiled from their terms.
std::shared_ptr<const WordClasses> read_word_classes(const RuleBuildContext& context);

// The image of `classes` as read_word_classes finds it, for the build step.
std::string word_classes_image(const RuleBuildContext& context, const WordClasses& classes);
// The image compiled in (empty in the build tool that writes it).
std::string_view shipped_word_classes_image();

// Which of those classes (by index) the rule being built reads: the ones
// defined in files of word classes alone, and those of its own file. So
// the classes one rule's pack adds for itself (safety-escalation's
// RED-FLAG-*) do not change what another rule's frames and model read.
std::vector<bool> visible_word_classes(const RuleBuildContext& context, const WordClasses& classes);

}  // namespace medlint
