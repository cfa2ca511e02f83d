#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_support.h"

namespace medlint {
namespace {

using namespace medlint::testing;

std::vector<std::string> texts_of(const Document& document, BlockKind kind) {
  std::vector<std::string> result;
  for (const Block& block : document.blocks) {
    if (block.kind == kind) result.push_back(block_text(document, block));
  }
  return result;
}

constexpr const char* kArticle =
    "---\n"
    "title: \"Fever in children\"\n"
    "summary: When a fever needs a doctor.\n"
    "last_reviewed: 2026-03-14\n"
    "reviewer: {name: \"Ana Ruiz, MD\"}\n"
    "references:\n"
    "  - \"Pediatric Society. Fever. 2024.\"\n"
    "  - title: Fever guide\n"
    "    url: https://example.org/fever\n"
    "    year: 2023\n"
    "medlint: {disable: [self-treatment]}\n"
    "---\n"
    "# Fever in children\n"
    "\n"
    "A fever is a *sign* of infection &amp; usually\n"
    "harmless. <!-- medlint-disable-next-line safety-escalation -->\n"
    "\n"
    "## When to call\n"
    "\n"
    "- Babies under 3 months\n"
    "- A stiff `neck`\n"
    "  - nested item\n"
    "\n"
    "> Quoted advice here.\n"
    "\n"
    "| Age | Action |\n"
    "|-----|--------|\n"
    "| 2 m | Call now |\n"
    "\n"
    "```\n"
    "code <!-- not a comment -->\n"
    "```\n"
    "\n"
    "## Sources\n"
    "\n"
    "1. [Health Agency. Fevers.](https://agency.example/fevers) 2022\n";

TEST(MarkdownTest, ReadsFrontMatter) {
  const Document document = parse_text("fever.md", kArticle);
  EXPECT_EQ(document.meta.title->value, "Fever in children");
  EXPECT_EQ(document.position(document.meta.title->span.begin), (Position{2, 9}));
  EXPECT_EQ(document.meta.summary->value, "When a fever needs a doctor.");
  ASSERT_EQ(document.meta.dates.size(), 1u);
  EXPECT_EQ(document.meta.dates[0].raw, "2026-03-14");
  EXPECT_TRUE(document.meta.dates[0].from_front_matter);
  EXPECT_EQ(document.position(document.meta.dates[0].span.begin), (Position{4, 16}));
  EXPECT_EQ(document.meta.reviewer->value, "Ana Ruiz, MD");
  ASSERT_EQ(document.meta.disabled_rules.size(), 1u);
  EXPECT_EQ(document.meta.disabled_rules[0].value, "self-treatment");
  ASSERT_EQ(document.meta.references.size(), 3u);
  EXPECT_EQ(document.meta.references[0].year, 2024);
  EXPECT_EQ(document.meta.references[1].url, "https://example.org/fever");
  EXPECT_EQ(document.meta.references[2].url, "https://agency.example/fevers");
  EXPECT_EQ(document.meta.references[2].text, "Health Agency. Fevers. 2022");
}

TEST(MarkdownTest, BlocksKeepKindsLevelsAndProseOnly) {
  const Document document = parse_text("fever.md", kArticle);
  EXPECT_THAT(texts_of(document, BlockKind::Paragraph),
              ::testing::ElementsAre("A fever is a sign of infection & usually harmless. "));
  EXPECT_THAT(texts_of(document, BlockKind::Heading), ::testing::ElementsAre("Fever in children", "When to call", "Sources"));
  EXPECT_THAT(texts_of(document, BlockKind::ListItem),
              ::testing::ElementsAre("Babies under 3 months", "A stiff ", "nested item"));
  EXPECT_THAT(texts_of(document, BlockKind::BlockQuote), ::testing::ElementsAre("Quoted advice here."));
  EXPECT_THAT(texts_of(document, BlockKind::TableCell),
              ::testing::ElementsAre("Age", "Action", "2 m", "Call now"));
  ASSERT_EQ(document.comments.size(), 1u);
  EXPECT_EQ(document.comments[0].text, "medlint-disable-next-line safety-escalation");
  EXPECT_EQ(document.position(document.comments[0].span.begin), (Position{16, 11}));
  EXPECT_EQ(document.text().folded().find("not a comment"), std::string::npos);
}

TEST(MarkdownTest, ProseOffsetsMapToTheExactSourceBytes) {
  const Document document = parse_text("fever.md", kArticle);
  const std::size_t at = document.text().folded().find("harmless");
  const Span source = document.text().to_source(Span{at, at + 8});
  EXPECT_EQ(source_text(document, source), "harmless");
  EXPECT_EQ(document.position(source.begin), (Position{16, 1}));
}

// Text pasted from web pages writes list items with bullet characters;
// they are list items as "- " would make them, under the same lead-in.
TEST(MarkdownTest, PastedBulletLinesAreListItemsUnderTheirLeadIn) {
  const Document pasted = parse_text(
      "a.md", "# T\n\nGo to the ER if your child has:\n\xE2\x80\xA2 a rash that does not fade\n  \xC2\xB7\xC2\xA0" "blue lips\n");
  const Document marked = parse_text("a.md", "# T\n\nGo to the ER if your child has:\n\n- a rash that does not fade\n- blue lips\n");
  EXPECT_THAT(prose_blocks(pasted), ::testing::ElementsAre("title 1: T", "paragraph 0: Go to the ER if your child has:",
                                                           "list-item 1: a rash that does not fade", "list-item 1: blue lips"));
  EXPECT_EQ(prose_blocks(pasted), prose_blocks(marked));
  const Block& first = pasted.blocks[2];
  const Block& second = pasted.blocks[3];
  EXPECT_EQ(source_text(pasted, first.span), "a rash that does not fade");
  EXPECT_EQ(pasted.position(first.span.begin), (Position{4, 3}));
  EXPECT_EQ(source_text(pasted, second.span), "blue lips");
  EXPECT_EQ(pasted.position(second.span.begin), (Position{5, 5}));
  EXPECT_EQ(source_text(pasted, pasted.blocks[1].span), "Go to the ER if your child has:");
}

TEST(MarkdownTest, PastedBulletsOfEveryKindAndOnTheirOwnParagraphs) {
  const Document document = parse_text(
      "a.md", "\xE2\x96\xAA dry mouth\n\n\xE2\x97\xA6 little urine\n\n\xE2\x97\x8F sunken eyes\n\n> \xE2\x80\xA3 cold hands\n");
  EXPECT_THAT(texts_of(document, BlockKind::ListItem), ::testing::ElementsAre("dry mouth", "little urine", "sunken eyes", "cold hands"));
}

// A bullet inside a line is prose; a line after the items starts a
// paragraph again unless it is indented under the item.
TEST(MarkdownTest, BulletsInsideProseAndLinesAfterPastedItems) {
  const Document prose = parse_text("a.md", "Rest \xE2\x80\xA2 fluids \xC2\xB7 sleep.\nThen \xE2\x80\xA2 walk.\n");
  EXPECT_THAT(prose_blocks(prose), ::testing::ElementsAre("paragraph 0: Rest \xE2\x80\xA2 fluids \xC2\xB7 sleep. Then \xE2\x80\xA2 walk."));
  const Document after = parse_text("a.md", "Signs:\n\xE2\x80\xA2 a fever\n  that lasts\n\xE2\x80\xA2 a cough\nMost get better.\n");
  EXPECT_THAT(prose_blocks(after), ::testing::ElementsAre("paragraph 0: Signs:", "list-item 1: a fever that lasts",
                                                          "list-item 1: a cough", "paragraph 0: Most get better."));
  const Document bare = parse_text("a.md", "\xE2\x80\xA2\n\n\xE2\x80\xA2no space\n");
  EXPECT_TRUE(texts_of(bare, BlockKind::ListItem).empty());
}

TEST(MarkdownTest, PastedBulletsUnderASourcesLabelAreEntries) {
  const Document document = parse_text("a.md", "Body.\n\nSources:\n\xE2\x80\xA2 CDC. Flu. 2024.\n\xE2\x80\xA2 NIH. Flu. 2025.\n");
  ASSERT_EQ(document.meta.references.size(), 2u);
  EXPECT_EQ(document.meta.references[0].text, "CDC. Flu. 2024.");
  EXPECT_EQ(document.meta.references[1].text, "NIH. Flu. 2025.");
}

TEST(MarkdownTest, LinksKeepTheirTextSpanAndUrl) {
  const Document document = parse_text("a.md", "# T\n\nSee [the **CDC** page](https://cdc.example/x) today.\n");
  ASSERT_EQ(document.links.size(), 1u);
  EXPECT_EQ(document.links[0].url, "https://cdc.example/x");
  EXPECT_EQ(source_text(document, document.links[0].span), "the **CDC** page");
}

TEST(MarkdownTest, SectionsNestByHeadingLevel) {
  const Document document = parse_text("a.md", "# T\n\n## A\n\ntext a\n\n### A1\n\ntext a1\n\n## B\n\ntext b\n");
  ASSERT_EQ(document.sections.size(), 3u);
  EXPECT_EQ(document.sections[1].parent, 0);
  const std::string a = document.text().cased().substr(document.sections[0].text.begin, document.sections[0].text.size());
  EXPECT_NE(a.find("text a1"), std::string::npos);
  EXPECT_EQ(a.find("text b"), std::string::npos);
}

TEST(MarkdownTest, MalformedFrontMatterIsAnErrorAtItsLineAndColumn) {
  const Document document = parse_text("a.md", "---\ntitle: ok\nreferences: [unclosed\n---\nBody.\n");
  ASSERT_FALSE(document.problems.empty());
  EXPECT_EQ(document.problems[0].rule, "front-matter");
  EXPECT_EQ(document.problems[0].severity, Severity::Error);
  EXPECT_GE(document.problems[0].start.line, 3);
}

TEST(MarkdownTest, WrongTypeInFrontMatterNamesTheKey) {
  const Document document = parse_text("a.md", "---\nreferences: just one\n---\nBody.\n");
  ASSERT_EQ(document.problems.size(), 1u);
  EXPECT_EQ(document.problems[0].start, (Position{2, 13}));
  EXPECT_THAT(document.problems[0].message, ::testing::HasSubstr("`references` must be a list"));
}

TEST(MarkdownTest, EmptyFrontMatterValuesAreIgnored) {
  const Document document = parse_text("a.md", "---\ntitle: T\ndescription:\nreferences:\n---\nBody.\n");
  EXPECT_TRUE(document.problems.empty());
  EXPECT_FALSE(document.meta.summary.has_value());
}

TEST(MarkdownTest, TextUnderUnknownFrontMatterKeysIsProse) {
  const Document document = parse_text(
      "a.md",
      "---\ntitle: T\nlayout: article\nslug: neck-pain\ncanonical: https://example.org/a b\n"
      "callout:\n  body: Rest your neck for a day.\n  image_alt: A man holding his neck\n"
      "faq:\n  - answer: Most neck pain eases within a week.\ntags: [neck pain, sleep]\n"
      "reviewer: Dr Ann Lee\nlast_reviewed: 2026-01-02\n---\nBody.\n");
  EXPECT_TRUE(document.problems.empty());
  // Identifiers, links, alt text and the keys medlint reads as metadata are not prose.
  EXPECT_THAT(texts_of(document, BlockKind::FrontMatterText),
              ::testing::ElementsAre("Rest your neck for a day.", "Most neck pain eases within a week.", "neck pain"));
}

TEST(MarkdownTest, UnterminatedFrontMatterIsReported) {
  const Document document = parse_text("a.md", "---\ntitle: x\n\nBody text.\n");
  ASSERT_EQ(document.problems.size(), 1u);
  EXPECT_EQ(document.problems[0].start, (Position{1, 1}));
  EXPECT_THAT(document.problems[0].message, ::testing::HasSubstr("not closed"));
}

TEST(MarkdownTest, ReviewLineInTheBody) {
  const Document document = parse_text("a.md", "# T\n\nBody.\n\n*Last reviewed: 3 March 2026*\n");
  ASSERT_EQ(document.meta.dates.size(), 1u);
  EXPECT_EQ(document.meta.dates[0].raw, "3 March 2026");
  EXPECT_EQ(document.position(document.meta.dates[0].span.begin), (Position{5, 17}));
}

}  // namespace
}  // namespace medlint

namespace medlint {
namespace {

using namespace medlint::testing;

// md4c 0.4.8 is quadratic in the lines of a paragraph of links (300,000
// lines: minutes); parsed in parts of at most 1,000 lines it is linear.
// Positions still map to the exact source bytes after the inserted breaks.
TEST(MarkdownHostileTest, ParagraphOfManyLinkLinesIsParsedInParts) {
  std::string text = "---\ntitle: T\n---\n";
  for (int i = 0; i < 300'000; ++i) text += fmt::format("[link {}](https://example.org/{})\n", i, i);
  const Document document = parse_text("a.md", text);
  ASSERT_EQ(document.links.size(), 300'000u);
  for (const Block& block : document.blocks) {
    ASSERT_LE(document.position(block.span.end).line - document.position(block.span.begin).line, 1000);
  }
  EXPECT_EQ(source_text(document, document.links[123'456].span), "link 123456");
  EXPECT_EQ(document.links[123'456].url, "https://example.org/123456");
}

// 100,000 comments among 200,000 blocks: suppression comments are found
// in one pass, not one pass over the blocks per comment (2e10 steps).
TEST(MarkdownHostileTest, ManyCommentsAmongManyBlocksAreReadInOnePass) {
  std::string text;
  for (int i = 0; i < 100'000; ++i) text += "<!-- note -->\n\nParagraph.\n\n```\n<!-- in code -->\n```\n\n";
  const Document document = parse_text("a.md", text);
  EXPECT_EQ(document.comments.size(), 100'000u);
}

}  // namespace
}  // namespace medlint
