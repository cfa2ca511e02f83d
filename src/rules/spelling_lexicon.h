// The lexicon of some word classes' spellings (WordClasses::spellings),
// which the language rules scan for to find the sentences worth tagging.
// The advice rule's anchors run to 30,000 spellings: deriving them and
// building their trie was over a third of a one-article run. So the tries
// of the shipped packs' classes are built when medlint is built
// (tools/compile_pattern_database.cpp) and loaded at start, found by a
// hash of the classes' terms; other classes' are built as before.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "language/word_classes.h"
#include "rules/lexicon.h"

namespace medlint {

// One anonymous group of the spellings of each class of `class_ids`, in
// that order. Throws PhraseSet::PatternError.
Lexicon spelling_lexicon(const WordClasses& classes, const std::vector<int>& class_ids);

// For the build step: from now on, spelling_lexicon keeps the image of each
// lexicon it builds, and spelling_lexicon_images() returns them all.
void keep_spelling_lexicon_images();
std::string spelling_lexicon_images();

// The images compiled into the binary at build time (empty in the build
// tool that writes them).
std::string_view shipped_spelling_lexicon_images();

}  // namespace medlint
