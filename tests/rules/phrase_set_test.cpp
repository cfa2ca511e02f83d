#include "rules/phrase_set.h"

#include <gtest/gtest.h>

namespace medlint {
namespace {

std::vector<std::string> found(const PhraseSet& set, const std::string& text) {
  std::vector<std::string> result;
  for (const auto& match : set.find_all(text, {0, text.size()})) {
    result.push_back(text.substr(match.text.begin, match.text.size()));
  }
  return result;
}

TEST(PhraseSetTest, PhrasesMatchWholeWordsAcrossAnyWhiteSpace) {
  const PhraseSet set = PhraseSet::compile({{"call 911", false}, {"er", false}});
  EXPECT_EQ(found(set, "please call\n 911 now"), (std::vector<std::string>{"call\n 911"}));
  EXPECT_TRUE(found(set, "other water").empty());
  EXPECT_EQ(found(set, "go to the er."), (std::vector<std::string>{"er"}));
}

TEST(PhraseSetTest, ApostropheIsOptionalInPhrases) {
  const PhraseSet set = PhraseSet::compile({{"don't", false}});
  EXPECT_EQ(found(set, "dont and don't"), (std::vector<std::string>{"dont", "don't"}));
}

TEST(PhraseSetTest, LeftmostLongestWithoutOverlap) {
  const PhraseSet set = PhraseSet::compile({{"chest pain", false}, {"pain", false}, {"chest pain spreading", false}});
  EXPECT_EQ(found(set, "chest pain spreading and pain"), (std::vector<std::string>{"chest pain spreading", "pain"}));
}

TEST(PhraseSetTest, RegexEntriesUseRe2Syntax) {
  const PhraseSet set = PhraseSet::compile({{R"(coughing (?:up )?blood)", true}});
  EXPECT_EQ(found(set, "coughing up blood"), (std::vector<std::string>{"coughing up blood"}));
  EXPECT_EQ(found(set, "coughing blood"), (std::vector<std::string>{"coughing blood"}));
}

TEST(PhraseSetTest, PatternsDoNotMatchAcrossABlockBreak) {
  const PhraseSet set = PhraseSet::compile(
      {{"chest pain", false}, {R"(pain(?:\W+\w+){0,6}?\W+spreads? to (?:your|the) arm)", true}});
  // Across the break the pattern's leftmost match would start in the
  // title and hide "chest pain"; in its own block it starts later, and
  // the leftmost match wins.
  EXPECT_EQ(found(set, "neck pain\n\nchest pain that spreads to your arm"), (std::vector<std::string>{"chest pain"}));
  EXPECT_EQ(found(set, "pain\n\nspreads to the arm, and pain spreads to the arm"),
            (std::vector<std::string>{"pain spreads to the arm"}));
  EXPECT_EQ(found(set, "pain spreads to the arm\n\npain spreads to your arm"),
            (std::vector<std::string>{"pain spreads to the arm", "pain spreads to your arm"}));
}

TEST(PhraseSetTest, RangeLimitsTheScanButKeepsWordBoundaries) {
  const PhraseSet set = PhraseSet::compile({{"pain", false}});
  const std::string text = "painful pain";
  EXPECT_TRUE(set.find_all(text, {0, 4}).empty());  // "pain" of "painful" is not a word
  EXPECT_EQ(set.find_all(text, {8, 12}).size(), 1u);
}

TEST(PhraseSetTest, ContainsIsWhetherAnyMatchIsFound) {
  const PhraseSet set = PhraseSet::compile({{"pain", false}, {R"(short(?:ness)? of breath)", true}});
  const std::string text = "painful, then shortness of breath and pain";
  for (const Span range : {Span{0, 7}, Span{0, 8}, Span{7, 33}, Span{14, text.size()}, Span{34, text.size()},
                           Span{text.size() - 4, text.size()}, Span{3, 3}}) {
    EXPECT_EQ(set.contains(text, range), !set.find_all(text, range).empty()) << range.begin << "-" << range.end;
  }
  EXPECT_FALSE(set.contains(text, {0, 7}));
  EXPECT_TRUE(set.contains(text, {7, 33}));
}

TEST(PhraseSetTest, BadPatternReportsItsEntryAndRe2Error) {
  try {
    PhraseSet::compile({{"fine", false}, {"(unclosed", true}});
    FAIL() << "expected a PatternError";
  } catch (const PhraseSet::PatternError& error) {
    EXPECT_EQ(error.entry, 1);
    EXPECT_NE(std::string(error.what()).find("missing )"), std::string::npos) << error.what();
  }
}

}  // namespace
}  // namespace medlint
