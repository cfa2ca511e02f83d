// Reads the `word_classes:` of the packs in use into one compiled
// WordClasses, once per configuration. A class is written:
//   MEDICINE:
//     source: where the terms come from (provenance; required)
//     terms: [statin, blood thinner, ...]
// and may be extended by several pack files.
#pragma once
#include <memory>

#include "language/word_classes.h"
#include "rules/rule.h"

namespace medlint {

// Throws ConfigError on a malformed class.
std::shared_ptr<const WordClasses> read_word_classes(const RuleBuildContext& context);

// Which of those classes (by index) the rule being built reads: the ones
// defined in files of word classes alone, and those of its own file. So
// the classes one rule's pack adds for itself (safety-escalation's
// RED-FLAG-*) do not change what another rule's frames and model read.
std::vector<bool> visible_word_classes(const RuleBuildContext& context, const WordClasses& classes);

}  // namespace medlint
