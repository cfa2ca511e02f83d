#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_support.h"
#include <fmt/format.h>

namespace medlint {
namespace {

using namespace medlint::testing;

Document parse_with_keys(const std::string& text, FrontMatterKeys keys) {
  ReaderOptions options;
  options.front_matter_keys = std::move(keys);
  return parse(std::make_shared<SourceFile>("a.md", text), Format::Markdown, options);
}

const DateMention* date_of(const Document& document, DateMention::Kind kind) {
  for (const DateMention& date : document.meta.dates) {
    if (date.kind == kind) return &date;
  }
  return nullptr;
}

TEST(FrontMatterTest, CommonNestedKeysNeedNoConfiguration) {
  for (const char* yaml : {"reviewed_on: 2026-03-01\n", "review:\n  date: 2026-03-01\n",
                           "medicalReview:\n  date: 2026-03-01\n",
                           "medically_reviewed:\n  by: Ana Ruiz, MD\n  date: 2026-03-01\n"}) {
    const Document document = parse_text("a.md", fmt::format("---\ntitle: T\n{}---\nBody.\n", yaml));
    EXPECT_TRUE(document.problems.empty()) << yaml;
    const DateMention* reviewed = date_of(document, DateMention::Kind::Reviewed);
    ASSERT_NE(reviewed, nullptr) << yaml;
    EXPECT_EQ(source_text(document, reviewed->span), "2026-03-01");
  }
}

TEST(FrontMatterTest, DocusaurusLastUpdateIsAnUpdateAndItsAuthor) {
  const Document document =
      parse_text("a.mdx", "---\ntitle: T\nlast_update:\n  date: 2026-02-01\n  author: Jane Doe\n---\nBody.\n");
  EXPECT_TRUE(document.problems.empty());
  const DateMention* updated = date_of(document, DateMention::Kind::Updated);
  ASSERT_NE(updated, nullptr);
  EXPECT_EQ(updated->label, "last_update.date");
  EXPECT_EQ(date_of(document, DateMention::Kind::Reviewed), nullptr);
  EXPECT_EQ(document.meta.author->value, "Jane Doe");
  EXPECT_EQ(document.meta.author->origin, "last_update.author");
}

TEST(FrontMatterTest, ConfiguredKeysComeFirstAndAreNotAlsoUpdates) {
  FrontMatterKeys keys;
  keys.review_date = {"lastmod"};
  keys.reviewer = {"clinical.reviewer"};
  keys.references = {"further"};
  const Document document = parse_with_keys(
      "---\nlastmod: 2026-05-01\nclinical:\n  reviewer: Dr Lee\nfurther:\n  - One. 2024.\n  - Two. 2025.\n---\nBody.\n", keys);
  EXPECT_TRUE(document.problems.empty());
  ASSERT_EQ(document.meta.dates.size(), 1u);
  EXPECT_EQ(document.meta.dates[0].kind, DateMention::Kind::Reviewed);
  EXPECT_EQ(document.meta.reviewer->value, "Dr Lee");
  EXPECT_EQ(document.meta.references.size(), 2u);
}

TEST(FrontMatterTest, ConfiguredKeyOfTheWrongShapeIsAnError) {
  FrontMatterKeys keys;
  keys.review_date = {"review"};
  const Document document = parse_with_keys("---\nreview:\n  date: 2026-05-01\n---\nBody.\n", keys);
  ASSERT_EQ(document.problems.size(), 1u);
  EXPECT_THAT(document.problems[0].message, ::testing::HasSubstr("`review` (set in the configuration's `fields`)"));
}

TEST(FrontMatterTest, TomlFrontMatterWithExactPositions) {
  const Document document = parse_text(
      "a.md",
      "+++\ntitle = \"Heat\"\nlastmod = 2026-06-01T10:00:00Z\nreferences = [\"One. 2024.\", \"Two. 2025.\"]\n"
      "[medically_reviewed]\ndate = 2026-04-20\nby = \"Ana Ruiz\"\n+++\nBody.\n");
  EXPECT_TRUE(document.problems.empty());
  EXPECT_EQ(document.meta.title->value, "Heat");
  EXPECT_EQ(document.position(document.meta.title->span.begin), (Position{2, 10}));
  const DateMention* reviewed = date_of(document, DateMention::Kind::Reviewed);
  ASSERT_NE(reviewed, nullptr);
  EXPECT_EQ(document.position(reviewed->span.begin), (Position{6, 8}));
  EXPECT_EQ(date_of(document, DateMention::Kind::Updated)->raw, "2026-06-01T10:00:00Z");
  EXPECT_EQ(document.meta.reviewer->value, "Ana Ruiz");
  EXPECT_EQ(document.meta.references.size(), 2u);
}

TEST(FrontMatterTest, MalformedTomlIsAnErrorAtItsLine) {
  const Document document = parse_text("a.md", "+++\ntitle = \"ok\"\ndate = = 3\n+++\nBody.\n");
  ASSERT_EQ(document.problems.size(), 1u);
  EXPECT_EQ(document.problems[0].rule, "front-matter");
  EXPECT_EQ(document.problems[0].start.line, 3);
  EXPECT_THAT(document.problems[0].suggestion.value_or(""), ::testing::HasSubstr("TOML"));
}

}  // namespace
}  // namespace medlint
