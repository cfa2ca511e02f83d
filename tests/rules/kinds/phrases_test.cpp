#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "rules/rule_test_support.h"

namespace medlint::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

const char* kCueSets = R"(
advice:
  discouraged: {before: {phrases: [avoid, never]}}
  negated: {before: {phrases: ["no need to"]}}
  endorsed: {before: {phrases: ["you can"]}}
  pseudo: {phrases: ["no need to wait"]}
)";

const char* kOptions = R"(
context: advice
targets:
  - name: self-manipulation
    patterns: ['crack(?:ing)? your own back']
    message: 'risky: "{match}"'
    suggest: 'send readers to a doctor'
  - name: care
    flag_when: negated
    phrases: [see a doctor]
    message: 'discourages care: "{match}"'
)";

TEST(PhrasesRuleTest, FlagsEndorsedAndPlainActsButNotWarnings) {
  const RuleHarness harness(&make_phrases_rule, kOptions, kCueSets);
  const std::string text =
      "# T\n\nYou can crack your own back.\n\nCrack your own back daily.\n\nAvoid cracking your own back.\n";
  const auto found = harness.run("a.md", text);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].message, "risky: \"crack your own back\"");
  EXPECT_EQ(found[0].start, (Position{3, 9}));
  EXPECT_EQ(*found[0].suggestion, "endorsed by \"you can\"; send readers to a doctor");
  EXPECT_EQ(*found[1].suggestion, "stated as advice, with no warning against it; send readers to a doctor");
}

TEST(PhrasesRuleTest, CareTargetsAreFlaggedOnlyWhenNegated) {
  const RuleHarness harness(&make_phrases_rule, kOptions, kCueSets);
  EXPECT_THAT(harness.flagged("a.md", "There is no need to see a doctor.\n\nSee a doctor today.\n\n"
                                      "There is no need to wait to see a doctor.\n"),
              ElementsAre("see a doctor"));
}

TEST(PhrasesRuleTest, FindingPointsAtOriginalBytesThroughNormalization) {
  const RuleHarness harness(&make_phrases_rule, kOptions, kCueSets);
  const std::string text = "You can CRACK your\xC2\xA0own back.\n";  // no-break space, capitals
  EXPECT_THAT(harness.flagged("a.txt", "Title\n\n" + text), ElementsAre("CRACK your\xC2\xA0own back"));
}

TEST(PhrasesRuleTest, ScopeLimitsWhichBlocksAreRead) {
  const RuleHarness harness(&make_phrases_rule, "{scope: title, targets: {phrases: [miracle cure]}}");
  EXPECT_THAT(harness.flagged("a.md", "# A miracle cure\n\nNo miracle cure here.\n"), ElementsAre("miracle cure"));
}

TEST(PhrasesRuleTest, NonProseIsNeverRead) {
  const RuleHarness harness(&make_phrases_rule, "{targets: {phrases: [miracle cure]}}");
  EXPECT_TRUE(harness.run("a.md", "```\nmiracle cure\n```\n\n<script>miracle cure</script>\n\n<!-- miracle cure -->\n").empty());
}

TEST(PhrasesRuleTest, ConfigErrorsNameTheProblem) {
  EXPECT_THROW(RuleHarness(&make_phrases_rule, "{targets: {patterns: ['(bad']}}"), ConfigError);
  EXPECT_THROW(RuleHarness(&make_phrases_rule, "{targets: {phrases: [x]}, context: nowhere}"), ConfigError);
  EXPECT_THROW(RuleHarness(&make_phrases_rule, "{targets: {phrases: [x], flag_when: sometimes}}"), ConfigError);
  try {
    RuleHarness(&make_phrases_rule, "targets:\n  patterns: ['ok', '(bad']\n");
  } catch (const ConfigError& error) {
    EXPECT_EQ(error.position(), (Position{2, 20}));
    EXPECT_THAT(error.what(), HasSubstr("invalid pattern \"(bad\""));
    EXPECT_THAT(error.what(), HasSubstr("missing )"));
  }
}

}  // namespace
}  // namespace medlint::testing
