// MDX, HTML pages and HTML blocks in Markdown, and the reference forms of
// every markup.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_support.h"

namespace medlint {
namespace {

using namespace medlint::testing;
using ::testing::ElementsAre;

std::vector<std::string> texts_of(const Document& document, BlockKind kind) {
  std::vector<std::string> result;
  for (const Block& block : document.blocks) {
    if (block.kind == kind) result.push_back(block_text(document, block));
  }
  return result;
}

std::vector<std::string> reference_texts(const Document& document) {
  std::vector<std::string> result;
  for (const Reference& reference : document.meta.references) result.push_back(reference.text);
  return result;
}

TEST(MdxTest, EsmAndJsxAreNotProseAndTheMarkdownBetweenIs) {
  const Document document = parse_text(
      "a.mdx",
      "import Admonition from '@theme/Admonition';\nexport const meta = {\n  a: 1,\n};\n\n"
      "Cool the burn.\n\n<Admonition type=\"danger\">\nCall 911 for a large burn.\n</Admonition>\n\n"
      "<Note>Keep it **clean**.</Note>\n\n{/* a comment */}\n");
  EXPECT_THAT(texts_of(document, BlockKind::Paragraph),
              ElementsAre("Cool the burn.", "Call 911 for a large burn.", "Keep it clean."));
  EXPECT_EQ(texts_of(document, BlockKind::Mdx).size(), 6u);  // the ESM block, four tags, the expression
  const std::size_t call = document.text().folded().find("call 911");
  const Span source = document.text().to_source(Span{call, call + 8});
  EXPECT_EQ(source_text(document, source), "Call 911");
  EXPECT_EQ(document.position(source.begin), (Position{9, 1}));
  const std::size_t keep = document.text().folded().find("keep it");
  EXPECT_EQ(document.position(document.text().to_source(Span{keep, keep + 7}).begin), (Position{12, 7}));
}

TEST(MdxTest, ImportInsideCodeIsCode) {
  const Document document = parse_text("a.mdx", "```js\nimport x from 'y';\n```\n");
  EXPECT_TRUE(texts_of(document, BlockKind::Mdx).empty());
  EXPECT_EQ(texts_of(document, BlockKind::Code).size(), 1u);
}

TEST(HtmlTest, PageStructureTextPositionsAndSkippedParts) {
  const Document document = parse_text(
      "a.html",
      "<html><head><title>Nosebleeds | Site</title><style>p{}</style></head>\n"
      "<body><nav>Home</nav><h1>Nosebleeds</h1>\n"
      "<p>Pinch the nose for 10&nbsp;minutes &amp; lean\n   forward.</p>\n"
      "<h2>When to get help</h2><ul><li>Bleeding over <b>20</b> minutes</li><li>After a fall</li></ul>\n"
      "<script>var crack = 1;</script></body></html>\n");
  EXPECT_EQ(document.format(), Format::Html);
  EXPECT_EQ(document.meta.title->value, "Nosebleeds");
  EXPECT_THAT(texts_of(document, BlockKind::Paragraph), ElementsAre("Pinch the nose for 10 minutes & lean forward."));  // the no-break space reads as a space
  EXPECT_THAT(texts_of(document, BlockKind::Heading), ElementsAre("When to get help"));
  EXPECT_THAT(texts_of(document, BlockKind::ListItem), ElementsAre("Bleeding over 20 minutes", "After a fall"));
  EXPECT_EQ(texts_of(document, BlockKind::Html).size(), 3u);  // style, nav, script
  const std::size_t lean = document.text().folded().find("lean forward");
  const Span source = document.text().to_source(Span{lean, lean + 12});
  EXPECT_EQ(source_text(document, source), "lean\n   forward");
  const std::size_t amp = document.text().folded().find('&');
  EXPECT_EQ(source_text(document, document.text().to_source(Span{amp, amp + 1})), "&amp;");
}

TEST(HtmlTest, HtmlBlocksInMarkdownAreRead) {
  const Document document = parse_text(
      "a.md", "# T\n\n<div class=\"alert\">Call 911 if breathing stops.</div>\n\n<p>See a doctor.</p>\n");
  EXPECT_THAT(texts_of(document, BlockKind::Paragraph), ElementsAre("Call 911 if breathing stops.", "See a doctor."));
  const std::size_t call = document.text().folded().find("call 911");
  EXPECT_EQ(document.position(document.text().to_source(Span{call, call + 1}).begin), (Position{3, 20}));
}

TEST(ReferencesTest, FootnoteDefinitionsAreReferences) {
  const Document document = parse_text(
      "a.md", "# T\n\nFever is common.[^1]\n\n[^1]: Pediatric Society. Fever. 2024.\n[^2]: https://example.org/fever\n");
  EXPECT_THAT(reference_texts(document), ElementsAre("Pediatric Society. Fever. 2024.", "https://example.org/fever"));
  EXPECT_EQ(document.position(document.meta.references[0].span.begin), (Position{5, 7}));
}

TEST(ReferencesTest, LabelsInAnyMarkup) {
  EXPECT_THAT(reference_texts(parse_text("a.md", "# T\n\nBody.\n\n**Sources**\n\n- One. 2024.\n- Two. 2025.\n")),
              ElementsAre("One. 2024.", "Two. 2025."));
  EXPECT_THAT(reference_texts(parse_text("a.md", "# T\n\nBody.\n\nSources: CDC. Flu. 2024.\n")),
              ElementsAre("CDC. Flu. 2024."));
  EXPECT_THAT(reference_texts(parse_text("a.md", "# T\n\nBody.\n\n## Further reading\n\n- One.\n\n## Next\n\nMore.\n")),
              ElementsAre("One."));
  EXPECT_THAT(reference_texts(parse_text("a.md", "# T\n\n## References\n\n<ol><li>One. 2024.</li><li>Two.</li></ol>\n")),
              ElementsAre("One. 2024.", "Two."));
}

TEST(ReferencesTest, NumberedLinesAreEachAReference) {
  const Document document =
      parse_text("a.md", "# T\n\n## References\n\n[1] One. 2024.\n[2] Two. 2025.\n[3] Three,\ncontinued. 2026.\n");
  EXPECT_THAT(reference_texts(document), ElementsAre("[1] One. 2024.", "[2] Two. 2025.", "[3] Three,\ncontinued. 2026."));
}

TEST(ReferencesTest, CitationLinksInProseAreKeptApart) {
  const Document document = parse_text(
      "a.md", "# T\n\nA trial [found](https://pubmed.ncbi.nlm.nih.gov/123/) and [this](https://doi.org/10.1000/xyz) "
              "and [not this](https://example.org).\n");
  ASSERT_EQ(document.meta.cited_links.size(), 2u);
  EXPECT_EQ(document.meta.cited_links[0].text, "found");
  EXPECT_EQ(document.meta.cited_links[1].doi, "10.1000/xyz");
  EXPECT_TRUE(document.meta.references.empty());
}

}  // namespace
}  // namespace medlint
