#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "rules/rule_test_support.h"

namespace medlint::testing {
namespace {

using ::testing::HasSubstr;

std::string article(const std::string& date_line) {
  return "Title\n\nSummary.\n\nBody.\n\n" + date_line + "\n\nRef one.\n";
}

TEST(ReviewRuleTest, ErrorPastMaximumAgeWithDateAndAge) {
  const RuleHarness harness(&make_review_rule, "{}");
  const auto found = harness.run("a.txt", article("Medically Reviewed on 11/11/2021"));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].severity, Severity::Error);
  EXPECT_EQ(found[0].message, "medical review is 60 months old (reviewed 2021-11-11; limit 36 months)");
  EXPECT_EQ(found[0].start, (Position{7, 23}));
}

TEST(ReviewRuleTest, WarningBetweenWarnAndMaximumAge) {
  const RuleHarness harness(&make_review_rule, "{warn_age_months: 12, max_age_months: 36}");
  const auto found = harness.run("a.txt", article("Last reviewed: 3 March 2025"));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].severity, Severity::Warning);
  EXPECT_THAT(found[0].message, HasSubstr("20 months old"));
}

TEST(ReviewRuleTest, RecentReviewPasses) {
  const RuleHarness harness(&make_review_rule, "{}");
  EXPECT_TRUE(harness.run("a.txt", article("Medically Reviewed on 06/01/2026")).empty());
}

TEST(ReviewRuleTest, LocaleDecidesNumericDateOrder) {
  const std::string text = article("Medically Reviewed on 04/02/2026");
  EXPECT_TRUE(RuleHarness(&make_review_rule, "{}", "{}", "en-US").run("a.txt", text).empty());  // April 2
  EXPECT_TRUE(RuleHarness(&make_review_rule, "{}", "{}", "en-GB").run("a.txt", text).empty());  // 4 February
  const auto us = RuleHarness(&make_review_rule, "{max_age_months: 8, warn_age_months: 8}", "{}", "en-US")
                      .run("a.txt", text);
  const auto gb = RuleHarness(&make_review_rule, "{max_age_months: 8, warn_age_months: 8}", "{}", "en-GB")
                      .run("a.txt", text);
  EXPECT_TRUE(us.empty());
  ASSERT_EQ(gb.size(), 1u);
  EXPECT_THAT(gb[0].message, HasSubstr("reviewed 2026-02-04"));
}

TEST(ReviewRuleTest, DateOrderOptionOverridesLocale) {
  const RuleHarness harness(&make_review_rule, "{date_order: day-month-year, max_age_months: 7, warn_age_months: 7}");
  const auto found = harness.run("a.txt", article("Medically Reviewed on 04/02/2026"));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_THAT(found[0].message, HasSubstr("reviewed 2026-02-04"));
}

TEST(ReviewRuleTest, UpdatedCountsOnlyWhenConfigured) {
  const std::string text = "---\ntitle: T\nupdated: 2026-09-01\n---\nBody.\n";
  EXPECT_THAT(RuleHarness(&make_review_rule, "{}").run("a.md", text).at(0).message, HasSubstr("no medical review date"));
  EXPECT_TRUE(RuleHarness(&make_review_rule, "{accept_updated: true}").run("a.md", text).empty());
}

TEST(ReviewRuleTest, NextReviewDueIsCheckedWhenRequired) {
  const RuleHarness harness(&make_review_rule, "{require_next_review: true}");
  const std::string passed = "---\ntitle: T\nlast_reviewed: 2026-06-01\nnext_review: 2026-10-01\n---\nBody.\n";
  EXPECT_THAT(harness.run("a.md", passed).at(0).message, HasSubstr("was due 2026-10-01"));
  const std::string missing = "---\ntitle: T\nlast_reviewed: 2026-06-01\n---\nBody.\n";
  EXPECT_THAT(harness.run("a.md", missing).at(0).message, HasSubstr("no \"next review due\" date"));
}

TEST(ReviewRuleTest, ConflictingReviewDatesAreAFindingJudgedByTheOldest) {
  const RuleHarness harness(&make_review_rule, "{}");
  const std::string text = "---\ntitle: T\nreviewed: 2020-01-01\nlast_reviewed: 2026-06-01\n---\nBody.\n";
  const auto found = harness.run("a.md", text);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_THAT(found[0].message,
              HasSubstr("conflicting review dates: 2026-06-01 (last_reviewed) and 2020-01-01 (reviewed); judged by the older"));
  EXPECT_THAT(found[1].message, HasSubstr("reviewed 2020-01-01"));
  // The same date stated twice is no conflict.
  EXPECT_TRUE(harness.run("a.md", "---\ntitle: T\nlast_reviewed: 2026-06-01\n---\n*Last reviewed: June 1, 2026*\n").empty());
}

TEST(ReviewRuleTest, BadOptionIsAConfigErrorWithPosition) {
  try {
    RuleHarness(&make_review_rule, "max_age_months: 36\nwarn_age: 3\n");
    FAIL() << "expected ConfigError";
  } catch (const ConfigError& error) {
    EXPECT_EQ(error.position(), (Position{2, 1}));
    EXPECT_THAT(error.what(), HasSubstr("unknown key `warn_age`"));
  }
}

}  // namespace
}  // namespace medlint::testing
