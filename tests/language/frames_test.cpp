#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "language/frames.h"

namespace medlint::testing {
namespace {

const WordClasses kClasses = WordClasses::compile({{"MEDICINE", {"statin", "paracetamol", "co-codamol", "dose"}},
                                                    {"STOP", {"stop", "cut back on"}},
                                                    {"PREPOSITION", {"with", "on"}},
                                                    {"AS-NEEDED", {"paracetamol"}}});

std::optional<FrameMatch> match(const Frame& frame, const std::string& text) {
  const std::vector<Token> tokens = tokenize(text, {0, text.size()});
  return match_frame(frame, tokens, kClasses.tag(tokens));
}

Frame frame_of(std::vector<std::string> slots, int window = 8) {
  Frame frame;
  frame.window = window;
  for (const std::string& slot : slots) frame.slots.push_back({kClasses.find(slot)});
  return frame;
}

TEST(FramesTest, FillsSlotsInAnyOrderWithinTheWindow) {
  const Frame frame = frame_of({"STOP", "MEDICINE"});
  ASSERT_TRUE(match(frame, "just stop your statin"));
  EXPECT_TRUE(match(frame, "your statin? stop it"));
  EXPECT_FALSE(match(frame, "stop and think about the many reasons why a long list of things matter for a statin"));
  EXPECT_FALSE(match(frame, "your statin matters"));
}

TEST(FramesTest, OrderedSlotsKeepTheirOrder) {
  Frame frame = frame_of({"STOP", "MEDICINE"});
  frame.ordered = true;
  EXPECT_TRUE(match(frame, "stop your statin"));
  EXPECT_FALSE(match(frame, "statins stop heart attacks"));
}

TEST(FramesTest, TwoSlotsOfOneClassNeedTwoDifferentWords) {
  const Frame frame = frame_of({"MEDICINE", "MEDICINE"});
  EXPECT_TRUE(match(frame, "co-codamol and paracetamol together"));
  EXPECT_FALSE(match(frame, "paracetamol, or more paracetamol"));
}

TEST(FramesTest, BlockingWordsBetweenSlotsButNotInsideThem) {
  Frame frame = frame_of({"STOP", "MEDICINE"});
  frame.ordered = true;
  frame.blocked_by = {kClasses.find("PREPOSITION")};
  EXPECT_FALSE(match(frame, "stop the pain with a statin"));
  EXPECT_TRUE(match(frame, "cut back on your statin"));
}

TEST(FramesTest, AHitAlsoOfANotFillingClassFillsNoSlot) {
  Frame frame = frame_of({"STOP", "MEDICINE"});
  frame.not_filled_by = {kClasses.find("AS-NEEDED")};
  EXPECT_FALSE(match(frame, "stop taking paracetamol"));
  EXPECT_TRUE(match(frame, "stop taking your statin"));
  EXPECT_TRUE(match(frame, "stop the paracetamol and the statin"));
}

TEST(FramesTest, TheTightestFillIsReported) {
  const auto found = match(frame_of({"STOP", "MEDICINE"}), "stop worrying, and stop your dose");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->first, 3);
  EXPECT_EQ(found->last, 5);
}

}  // namespace
}  // namespace medlint::testing
