#include "rules/spelling_lexicon.h"

#include <gtest/gtest.h>

namespace medlint {
namespace {

std::vector<std::string> found(const Lexicon& lexicon, const std::string& text) {
  std::vector<std::string> result;
  for (const Lexicon::Match& match : lexicon.find_all(text, {0, text.size()})) {
    result.push_back(text.substr(match.text.begin, match.text.size()));
  }
  return result;
}

TEST(SpellingLexiconTest, FindsTheSpellingsOfTheClassesInOrder) {
  const WordClasses classes =
      WordClasses::compile({{"MEDICINE", {"blood thinner", "ibuprofen"}}, {"STOP", {"stop", "leave * off"}}});
  const std::vector<int> ids = {classes.find("STOP"), classes.find("MEDICINE")};
  std::vector<std::string> spellings = classes.spellings(ids[0]);
  for (const std::string& spelling : classes.spellings(ids[1])) spellings.push_back(spelling);
  const std::string text = "she stopped her blood thinners, left them off and stops ibuprofen";
  EXPECT_EQ(found(spelling_lexicon(classes, ids), text), found(Lexicon::of_phrases(spellings), text));
  EXPECT_EQ(found(spelling_lexicon(classes, ids), text),
            (std::vector<std::string>{"stopped", "blood thinners", "left", "stops", "ibuprofen"}));
}

TEST(SpellingLexiconTest, KeepsImagesThatFindTheSame) {
  keep_spelling_lexicon_images();
  const WordClasses classes = WordClasses::compile({{"CARE", {"gp", "urgent care", "a&e"}}});
  const Lexicon built = spelling_lexicon(classes, {0});
  EXPECT_FALSE(spelling_lexicon_images().empty());
  const std::optional<std::string> image = built.phrase_set().phrase_image();
  ASSERT_TRUE(image);
  std::optional<PhraseSet> read = PhraseSet::of_phrase_image(*image);
  ASSERT_TRUE(read);
  // Every spelling is a phrase of the set (a group index is read for each match).
  const Lexicon loaded = Lexicon::of_phrase_set(std::move(*read), classes.spellings(0).size());
  const std::string text = "see your gp or gps, urgent  care, a&e";
  EXPECT_EQ(found(loaded, text), found(built, text));
}

// The shipped packs' spelling tries are compiled into medlint.
TEST(SpellingLexiconTest, TheShippedPacksTriesAreBuiltIn) {
  EXPECT_GT(shipped_spelling_lexicon_images().size(), 1000000u);
}

}  // namespace
}  // namespace medlint
