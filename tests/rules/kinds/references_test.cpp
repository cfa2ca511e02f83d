#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "rules/rule_test_support.h"

namespace medlint::testing {
namespace {

using ::testing::HasSubstr;

const char* kTwoReferences =
    "---\ntitle: T\nreferences:\n  - \"Society. Page.\"\n  - {title: Guide, url: \"https://x.org/g\", year: 2009}\n---\nBody.\n";

TEST(ReferencesRuleTest, CountsReferencesAgainstMinimum) {
  EXPECT_TRUE(RuleHarness(&make_references_rule, "{}").run("a.md", kTwoReferences).empty());
  const auto found = RuleHarness(&make_references_rule, "{min_references: 3}").run("a.md", kTwoReferences);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message, "only 2 references (at least 3 required)");
}

TEST(ReferencesRuleTest, RequireSourceFlagsEntriesWithoutUrlDoiOrPmid) {
  const auto found = RuleHarness(&make_references_rule, "{require_source: true}").run("a.md", kTwoReferences);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message, "reference has no URL, DOI or PMID");
  EXPECT_EQ(found[0].start.line, 4);
}

TEST(ReferencesRuleTest, MaxAgeFlagsOldEntries) {
  const auto found = RuleHarness(&make_references_rule, "{max_reference_age_years: 10}").run("a.md", kTwoReferences);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_THAT(found[0].message, HasSubstr("reference from 2009 is 17 years old"));
}

TEST(ReferencesRuleTest, PlainTextReferenceBlockCounts) {
  const std::string text = "T\n\nS.\n\nBody.\n\nMedically Reviewed on 06/01/2026\n\nOne.\n\nTwo.\n";
  EXPECT_TRUE(RuleHarness(&make_references_rule, "{}").run("a.txt", text).empty());
}

}  // namespace
}  // namespace medlint::testing
