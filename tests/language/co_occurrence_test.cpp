#include <gtest/gtest.h>

#include "language/co_occurrence.h"

namespace medlint::testing {
namespace {

const WordClasses kClasses = WordClasses::compile({{"CHEST", {"chest"}},
                                                    {"CRUSHING", {"crush", "squeeze"}},
                                                    {"BLOOD", {"blood"}},
                                                    {"BRING-UP", {"cough up"}},
                                                    {"OTHER", {"blood test"}}});

// The words of each match of `co` in `text`.
std::vector<std::string> find(const std::string& text, const CoOccurrence& co) {
  const std::vector<Token> tokens = tokenize(text, {0, text.size()});
  std::vector<std::string> found;
  for (const CoOccurrenceMatch& match : find_co_occurrences(ClausedWords(text, tokens, kClasses.tag(tokens)), co)) {
    const std::size_t begin = tokens[static_cast<std::size_t>(match.first)].text.begin;
    found.push_back(text.substr(begin, tokens[static_cast<std::size_t>(match.last)].text.end - begin));
  }
  return found;
}

CoOccurrence near(std::vector<std::string> names, int window) {
  CoOccurrence co;
  for (const std::string& name : names) co.classes.push_back(kClasses.find(name));
  co.window = window;
  return co;
}

TEST(CoOccurrenceTest, FindsClassesWithinTheWindowInEitherOrder) {
  const CoOccurrence co = near({"CRUSHING", "CHEST"}, 8);
  EXPECT_EQ(find("a heavy squeeze settled in the middle of my chest", co),
            (std::vector<std::string>{"squeeze settled in the middle of my chest"}));
  EXPECT_EQ(find("my chest feels crushed", co), (std::vector<std::string>{"chest feels crushed"}));
  EXPECT_TRUE(find("a squeeze of lemon, then a long walk, and later some pain in the chest", co).empty());
}

TEST(CoOccurrenceTest, StaysInOneClause) {
  const CoOccurrence co = near({"CRUSHING", "CHEST"}, 8);
  EXPECT_TRUE(find("squeeze the tube; my chest is fine", co).empty());
  EXPECT_TRUE(find("squeeze the tube but my chest is fine", co).empty());
  EXPECT_TRUE(find("squeeze the lemon (chest of drawers)", co).empty());
}

TEST(CoOccurrenceTest, OrderedClassesFollowEachOther) {
  CoOccurrence co = near({"BRING-UP", "BLOOD"}, 9);
  co.ordered = true;
  EXPECT_EQ(find("he coughed up a mouthful of blood", co), (std::vector<std::string>{"coughed up a mouthful of blood"}));
  co.classes = {kClasses.find("BLOOD"), kClasses.find("BRING-UP")};
  EXPECT_TRUE(find("he coughed up a mouthful of blood", co).empty());
}

TEST(CoOccurrenceTest, AnotherSenseNearbyCancels) {
  CoOccurrence co = near({"BRING-UP", "BLOOD"}, 9);
  co.unless = {kClasses.find("OTHER")};
  EXPECT_TRUE(find("she coughed up phlegm before her blood test", co).empty());
}

}  // namespace
}  // namespace medlint::testing
