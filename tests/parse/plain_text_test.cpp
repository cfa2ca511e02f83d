#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_support.h"
#include <fmt/format.h>

namespace medlint {
namespace {

using ::testing::ElementsAre;
using namespace medlint::testing;

std::vector<const Block*> blocks_of(const Document& document, BlockKind kind) {
  std::vector<const Block*> result;
  for (const Block& block : document.blocks) {
    if (block.kind == kind) result.push_back(&block);
  }
  return result;
}

constexpr const char* kArticle =
    "Ankle sprains\n"
    "Most sprains heal at home within weeks\n"
    "\n"
    "A sprain stretches the ligaments around a joint.\n"
    "\n"
    "When should you see a doctor?\n"
    "\n"
    "See a doctor if you cannot put weight on the foot.\n"
    "\n"
    "Home care\n"
    "\n"
    "  \xE2\x80\xA2 Rest the ankle.\n"
    "  - Use an ice pack\n"
    "    for 15 minutes.\n"
    "1. Raise the foot.\n"
    "\n"
    "8 Signs of a Broken Bone See Slideshow\n"
    "\n"
    "Health Solutions From Our Sponsors\n"
    "\n"
    "Medically Reviewed on 03/04/2026\n"
    "Image Source: Stock Photos\n"
    "\n"
    "Orthopedic Society. Ankle sprains. https://example.org/ankle 2024\n"
    "\n"
    "Sports Medicine Journal. Rehab after sprain. doi:10.1000/abc.12 PMID: 123456\n";

TEST(PlainTextTest, InfersTitleSummaryHeadingsListsAndMetadata) {
  const Document document = parse_text("ankle.txt", kArticle);
  ASSERT_EQ(document.meta.title->value, "Ankle sprains");
  EXPECT_EQ(document.meta.summary->value, "Most sprains heal at home within weeks");
  const auto headings = blocks_of(document, BlockKind::Heading);
  ASSERT_EQ(headings.size(), 2u);
  EXPECT_EQ(block_text(document, *headings[0]), "When should you see a doctor?");
  EXPECT_EQ(headings[0]->level, 2);  // question headings sit above noun phrases
  EXPECT_EQ(block_text(document, *headings[1]), "Home care");
  EXPECT_EQ(headings[1]->level, 3);
  const auto items = blocks_of(document, BlockKind::ListItem);
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(block_text(document, *items[0]), "Rest the ankle.");
  EXPECT_EQ(block_text(document, *items[1]), "Use an ice pack for 15 minutes.");
  EXPECT_EQ(block_text(document, *items[2]), "Raise the foot.");
  EXPECT_EQ(items[1]->section, 1);
  EXPECT_EQ(blocks_of(document, BlockKind::NonEditorial).size(), 2u);
  EXPECT_EQ(blocks_of(document, BlockKind::Credit).size(), 1u);
  ASSERT_EQ(document.meta.dates.size(), 1u);
  EXPECT_EQ(document.meta.dates[0].raw, "03/04/2026");
  EXPECT_EQ(document.meta.dates[0].label, "Medically Reviewed");
  EXPECT_EQ(document.position(document.meta.dates[0].span.begin), (Position{21, 23}));
  ASSERT_EQ(document.meta.references.size(), 2u);
  EXPECT_EQ(document.meta.references[0].url, "https://example.org/ankle");
  EXPECT_EQ(document.meta.references[0].year, 2024);
  EXPECT_EQ(document.meta.references[1].doi, "10.1000/abc.12");
  EXPECT_EQ(document.meta.references[1].pmid, "123456");
  EXPECT_TRUE(document.problems.empty());
}

TEST(PlainTextTest, ReferencesFollowAReferencesHeading) {
  const Document document = parse_text("a.txt",
                                       "Title\n\nSummary here.\n\nBody text.\n\nSources\n\nFirst source.\nSecond source.\n");
  ASSERT_EQ(document.meta.references.size(), 2u);
  EXPECT_EQ(document.meta.references[1].text, "Second source.");
}

TEST(PlainTextTest, ReviewLinesWithReviewerAndVariousDateForms) {
  const Document document = parse_text(
      "a.txt", "Title\n\nSummary.\n\nBody.\n\nReviewed by Ana Ruiz, MD, on Nov. 15, 2019\n\nNext review due: March 2027\n");
  ASSERT_EQ(document.meta.dates.size(), 2u);
  EXPECT_EQ(document.meta.dates[0].raw, "Nov. 15, 2019");
  EXPECT_EQ(document.meta.reviewer->value, "Ana Ruiz, MD");
  EXPECT_EQ(document.meta.dates[1].kind, DateMention::Kind::NextReview);
  EXPECT_EQ(document.meta.dates[1].raw, "March 2027");
}

TEST(PlainTextTest, PositionsSurviveBomCrlfAndMultibyteText) {
  const Document document =
      parse_text("a.txt", "\xEF\xBB\xBFTitle\r\n\r\nSummary \xE2\x80\x94 short.\r\n\r\nFever \xE2\x80\x9C" "high\xE2\x80\x9D here.\r\n");
  const Block& paragraph = *blocks_of(document, BlockKind::Paragraph).at(0);
  EXPECT_EQ(block_text(document, paragraph), "Fever \"high\" here.");
  const std::size_t high = document.text().folded().find("high");
  const Span source = document.text().to_source(Span{high, high + 4});
  EXPECT_EQ(source_text(document, source), "high");
  EXPECT_EQ(document.position(source.begin), (Position{5, 8}));
  EXPECT_EQ(document.meta.title->value, "Title");
  EXPECT_EQ(document.position(document.meta.title->span.begin), (Position{1, 1}));
}

TEST(PlainTextTest, BlankAndInvalidFilesAreProblemsNotCrashes) {
  EXPECT_EQ(parse_text("a.txt", "").problems.at(0).rule, "empty-file");
  EXPECT_EQ(parse_text("a.txt", "\n \n").problems.at(0).rule, "empty-file");
  const Document broken = parse_text("a.txt", "Title\n\nBad \xFF byte.\n");
  ASSERT_EQ(broken.problems.size(), 1u);
  EXPECT_EQ(broken.problems[0].rule, "invalid-utf8");
  EXPECT_EQ(broken.problems[0].start, (Position{3, 5}));
  EXPECT_NE(broken.text().cased().substr().find("Bad \xEF\xBF\xBD byte."), std::string::npos);
}

// A byline or review line above the body is metadata; the body after it is
// still prose, and only the references at the end count.
TEST(PlainTextTest, BylinesAtTheTopDoNotEndTheBody) {
  const Document document = parse_text(
      "a.txt",
      "Neck cracking\n"
      "Medically Reviewed By William C. Lloyd III, MD, FACS\n"
      "Medically Reviewed on 03/01/2026\n"
      "By Jane Doe\n"
      "\n"
      "Neck cracking is a popping sound.\n"
      "\n"
      "What are the risks?\n"
      "\n"
      "Twisting hard strains the neck muscles and ligaments. Doing it often loosens them over time, and a therapist "
      "can show safer stretches.\n"
      "\n"
      "Sources\n"
      "\n"
      "Spine Society. Neck manipulation. 2024.\n"
      "\n"
      "Related Articles\n"
      "Back pain\n"
      "\n"
      "Disclaimer: this page is not a substitute for professional medical advice.\n"
      "\n"
      "\xC2\xA9 2026 Example Health. All rights reserved.\n");
  EXPECT_EQ(document.meta.reviewer->value, "William C. Lloyd III, MD, FACS");
  EXPECT_EQ(document.meta.author->value, "Jane Doe");
  ASSERT_EQ(document.meta.dates.size(), 1u);
  EXPECT_EQ(document.meta.dates[0].raw, "03/01/2026");
  EXPECT_EQ(document.meta.summary->value, "Neck cracking is a popping sound.");
  EXPECT_EQ(blocks_of(document, BlockKind::Heading).size(), 2u);
  EXPECT_EQ(blocks_of(document, BlockKind::Paragraph).size(), 1u);
  ASSERT_EQ(document.meta.references.size(), 1u);
  EXPECT_EQ(document.meta.references[0].text, "Spine Society. Neck manipulation. 2024.");
  EXPECT_EQ(blocks_of(document, BlockKind::NonEditorial).size(), 4u);  // related label and title, disclaimer, copyright
}

TEST(PlainTextTest, ReviewLabelsInEveryForm) {
  struct Case {
    const char* lines;
    DateMention::Kind kind;
    const char* raw;
  };
  for (const Case& c : {Case{"Reviewed At February 7, 2023", DateMention::Kind::Reviewed, "February 7, 2023"},
                        Case{"Updated: February 7, 2023", DateMention::Kind::Updated, "February 7, 2023"},
                        Case{"Updated:\nFebruary 7, 2023", DateMention::Kind::Updated, "February 7, 2023"},
                        Case{"Last updated 2026-02-07", DateMention::Kind::Updated, "2026-02-07"},
                        Case{"Published March 3, 2025", DateMention::Kind::Published, "March 3, 2025"}}) {
    const Document document = parse_text("a.txt", fmt::format("Title\n\nSummary.\n\nBody.\n\n{}\n", c.lines));
    ASSERT_EQ(document.meta.dates.size(), 1u) << c.lines;
    EXPECT_EQ(document.meta.dates[0].kind, c.kind) << c.lines;
    EXPECT_EQ(document.meta.dates[0].raw, c.raw) << c.lines;
    EXPECT_EQ(source_text(document, document.meta.dates[0].span), c.raw) << c.lines;
  }
  const Document next_line = parse_text("a.txt", "Title\n\nSummary.\n\nBody.\n\nMedically reviewed by\nAna Ruiz, MD\n");
  ASSERT_TRUE(next_line.meta.reviewer);
  EXPECT_EQ(next_line.meta.reviewer->value, "Ana Ruiz, MD");
}

TEST(PlainTextTest, NhsFooterGivesReviewAndNextReviewDates) {
  const Document document =
      parse_text("a.txt", "Hay fever\n\nSummary.\n\nPage last reviewed: 15 March 2026 Next review due: 15 March 2029\n");
  ASSERT_EQ(document.meta.dates.size(), 2u);
  EXPECT_EQ(document.meta.dates[0].kind, DateMention::Kind::Reviewed);
  EXPECT_EQ(document.meta.dates[0].raw, "15 March 2026");
  EXPECT_EQ(document.meta.dates[1].kind, DateMention::Kind::NextReview);
  EXPECT_EQ(document.meta.dates[1].raw, "15 March 2029");
  EXPECT_EQ(document.position(document.meta.dates[1].span.begin), (Position{5, 52}));
}

TEST(PlainTextTest, SourcesLabelWithBulletsAndInlineSources) {
  const Document bullets = parse_text(
      "a.txt", "Title\n\nSummary.\n\nBody.\n\nSources\n\xE2\x80\xA2 CDC. Flu. 2024.\n\xE2\x80\xA2 NIH. Flu. 2025.\n");
  ASSERT_EQ(bullets.meta.references.size(), 2u);
  EXPECT_EQ(bullets.meta.references[1].text, "NIH. Flu. 2025.");
  const Document inline_sources = parse_text("a.txt", "Title\n\nSummary.\n\nBody.\n\nSources: CDC flu pages, 2024.\n");
  ASSERT_EQ(inline_sources.meta.references.size(), 1u);
  EXPECT_EQ(inline_sources.meta.references[0].text, "CDC flu pages, 2024.");
}

// The scraped article that defines the export shape.
// Both readers read pasted bullets ("•", "·", "▪", "◦", "●", "‣", "■") as
// list items under the line before them.
TEST(PlainTextTest, PastedBulletsReadAsInMarkdown) {
  const std::string body =
      "Go to the ER if your child has:\n\xE2\x80\xA2 a rash that does not fade\n\xE2\x97\x8F\xC2\xA0" "blue lips\n"
      "\xE2\x96\xA0 cold hands\nMost children recover.\n";
  const Document text = parse_text("a.txt", "Title\n\nSummary.\n\n" + body);
  const Document markdown = parse_text("a.md", "# Title\n\nSummary.\n\n" + body);
  EXPECT_THAT(prose_blocks(text), ElementsAre("title 0: Title", "summary 0: Summary.", "paragraph 0: Go to the ER if your child has:",
                                              "list-item 1: a rash that does not fade", "list-item 1: blue lips",
                                              "list-item 1: cold hands", "paragraph 0: Most children recover."));
  const auto after_title = [](std::vector<std::string> blocks) { return std::vector<std::string>(blocks.begin() + 2, blocks.end()); };
  EXPECT_EQ(after_title(prose_blocks(text)), after_title(prose_blocks(markdown)));
}

TEST(PlainTextTest, SeedArticleParsesIntoItsParts) {
  const auto shared = shared_dir();
  if (!shared) GTEST_SKIP() << "../shared is absent";
  const Document document = parse_text("article.txt", read_file(*shared / "seed" / "article.txt"));
  EXPECT_TRUE(document.meta.title.has_value());
  EXPECT_TRUE(document.meta.summary.has_value());
  EXPECT_EQ(blocks_of(document, BlockKind::Heading).size(), 6u);
  EXPECT_EQ(blocks_of(document, BlockKind::ListItem).size(), 10u);
  ASSERT_EQ(document.meta.dates.size(), 1u);
  const DateResult date = parse_date(document.meta.dates[0].raw, DateOrder::MonthDayYear);
  ASSERT_TRUE(date.value);
  EXPECT_EQ(to_iso(date.value->date), "2021-11-11");
  EXPECT_EQ(document.meta.references.size(), 3u);
  EXPECT_EQ(blocks_of(document, BlockKind::NonEditorial).size(), 2u);
  for (const Block* block : blocks_of(document, BlockKind::NonEditorial)) {
    EXPECT_TRUE(block->text.empty()) << "non-editorial text must not reach the rules";
  }
  EXPECT_TRUE(document.problems.empty());
}

}  // namespace
}  // namespace medlint
