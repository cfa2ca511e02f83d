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

// The fix scaffolds a list in the front matter's own language: YAML before
// the closing "---", TOML at the top of the "+++" block (before any table).
TEST(ReferencesRuleTest, ScaffoldFixIsWrittenInTheFrontMattersLanguage) {
  const std::string yaml = "---\ntitle: T\n---\nBody.\n";
  const auto in_yaml = RuleHarness(&make_references_rule, "{min_references: 1}").run("a.mdx", yaml);
  ASSERT_EQ(in_yaml.size(), 1u);
  ASSERT_TRUE(in_yaml[0].fix);
  EXPECT_EQ(in_yaml[0].fix->span.begin, yaml.find("---\nBody"));
  EXPECT_EQ(in_yaml[0].fix->replacement, "references:\n  - title: \"\"\n    url: \"\"\n");
  const std::string toml = "+++\ntitle = \"T\"\n[params]\nx = 1\n+++\nBody.\n";
  const auto in_toml = RuleHarness(&make_references_rule, "{}").run("a.md", toml);
  ASSERT_EQ(in_toml.size(), 1u);
  ASSERT_TRUE(in_toml[0].fix);
  EXPECT_EQ(in_toml[0].fix->span.begin, 4u);
  EXPECT_EQ(in_toml[0].fix->replacement, "references = [\n  {title = \"\", url = \"\"},\n  {title = \"\", url = \"\"},\n]\n");
  // An existing (empty) list key, a TOML table or a bibliography: no second key.
  for (const char* text : {"+++\ntitle = \"T\"\nreferences = []\n+++\nBody.\n", "+++\n[[references]]\ntitle = \"\"\n+++\nBody.\n",
                           "---\nbibliography: []\n---\nBody.\n"}) {
    const auto found = RuleHarness(&make_references_rule, "{}").run("a.md", text);
    ASSERT_EQ(found.size(), 1u) << text;
    EXPECT_FALSE(found[0].fix) << text;
  }
  // HTML and plain text have no front matter to scaffold.
  EXPECT_FALSE(RuleHarness(&make_references_rule, "{}").run("a.html", "<p>Body.</p>\n").at(0).fix);
}

// Empty scaffold entries cite nothing; citation links count when asked to.
TEST(ReferencesRuleTest, EmptyEntriesDoNotCountButCitationLinksMay) {
  const std::string text = "---\ntitle: T\nreferences:\n  - title: \"\"\n    url: \"\"\n---\n"
                           "See [a trial](https://pubmed.ncbi.nlm.nih.gov/123/) and [a review](https://doi.org/10.1/x).\n";
  const auto without = RuleHarness(&make_references_rule, "{}").run("a.md", text);
  ASSERT_EQ(without.size(), 1u);
  EXPECT_THAT(without[0].message, HasSubstr("no references"));
  EXPECT_TRUE(RuleHarness(&make_references_rule, "{count_citation_links: true}").run("a.md", text).empty());
}

}  // namespace
}  // namespace medlint::testing
