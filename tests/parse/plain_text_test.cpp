#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_support.h"

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
  EXPECT_NE(broken.text().cased().find("Bad \xEF\xBF\xBD byte."), std::string::npos);
}

// The scraped article that defines the export shape.
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
