#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "language/word_classes.h"

namespace medlint::testing {
namespace {

using ::testing::Contains;
using ::testing::Not;

// Each hit as "CLASS:first-last" (token indices).
std::vector<std::string> tag(const WordClasses& classes, const std::string& text) {
  std::vector<std::string> result;
  for (const WordClasses::Hit& hit : classes.tag(tokenize(text, {0, text.size()}))) {
    result.push_back(classes.name(hit.word_class) + ":" + std::to_string(hit.first) + "-" + std::to_string(hit.last));
  }
  return result;
}

const WordClasses kClasses = WordClasses::compile({{"MEDICINE", {"blood thinner", "statin", "pill"}},
                                                    {"STOP", {"stop", "quit", "leave * off", "cold turkey"}},
                                                    {"BORROWED", {"friend's"}}});

TEST(WordClassesTest, AnImageTagsAsTheClassesItWasWrittenFrom) {
  const std::optional<WordClasses> read = WordClasses::of_image(kClasses.image());
  ASSERT_TRUE(read);
  EXPECT_EQ(read->image(), kClasses.image());
  for (const std::string text : {"she stopped her blood thinners", "quitting statins cold turkey",
                                 "leave the pill off", "my friend's statin"}) {
    EXPECT_EQ(tag(*read, text), tag(kClasses, text)) << text;
  }
  EXPECT_FALSE(WordClasses::of_image(kClasses.image() + "x"));
  EXPECT_FALSE(WordClasses::of_image(kClasses.image().substr(0, 20)));
}

TEST(WordClassesTest, MatchesInflectedWordsAndPhrases) {
  EXPECT_THAT(tag(kClasses, "she stopped her blood thinners"), (std::vector<std::string>{"STOP:1-1", "MEDICINE:3-4"}));
  EXPECT_THAT(tag(kClasses, "quitting statins cold turkey"),
              (std::vector<std::string>{"STOP:0-0", "MEDICINE:1-1", "STOP:2-3"}));
}

TEST(WordClassesTest, GappedTermsTakeOneOrTwoWords) {
  EXPECT_THAT(tag(kClasses, "leave it off"), Contains("STOP:0-2"));
  EXPECT_THAT(tag(kClasses, "leave the pill off"), Contains("STOP:0-3"));
  EXPECT_THAT(tag(kClasses, "leave the little white pill off"), Not(Contains("STOP:0-5")));
}

TEST(WordClassesTest, PossessivesMatchOnlyPossessives) {
  EXPECT_THAT(tag(kClasses, "a friend's pill"), Contains("BORROWED:1-1"));
  EXPECT_THAT(tag(kClasses, "my friends"), Not(Contains("BORROWED:1-1")));
}

TEST(WordClassesTest, SpellingsCoverInflectionsAndTheLongerSideOfAGap) {
  const std::vector<std::string> spellings = kClasses.spellings(kClasses.find("STOP"));
  for (const char* form : {"stops", "stopped", "stopping", "quit", "leave", "cold turkey"}) {
    EXPECT_THAT(spellings, Contains(form));
  }
  EXPECT_EQ(kClasses.find("NO-SUCH-CLASS"), -1);
}

TEST(WordClassesTest, SpellingsCoverIrregularFormsTaggingKnows) {
  const WordClasses classes = WordClasses::compile({{"TAKE-IN", {"take", "come off"}}});
  const std::vector<std::string> spellings = classes.spellings(classes.find("TAKE-IN"));
  for (const char* form : {"took", "taken", "came off"}) EXPECT_THAT(spellings, Contains(form));
  EXPECT_THAT(tag(classes, "i came off them"), Contains("TAKE-IN:1-2"));
}

}  // namespace
}  // namespace medlint::testing
