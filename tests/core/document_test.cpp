#include "medlint/document.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace medlint {
namespace {

Document one_paragraph(std::string text) {
  auto file = std::make_shared<SourceFile>("a.md", std::move(text));
  Document document(file, Format::Markdown);
  NormalizedTextBuilder builder(*file);
  builder.append_source({0, file->text().size()});
  document.blocks.push_back({BlockKind::Paragraph, {0, file->text().size()}, 0, -1, {0, file->text().size()}});
  document.set_text(std::move(builder).finish());
  return document;
}

std::vector<std::string> sentence_texts(const Document& document) {
  std::vector<std::string> result;
  for (const Sentence& s : document.sentences()) {
    result.emplace_back(document.text().cased().substr(s.text.begin, s.text.size()));
  }
  return result;
}

TEST(DocumentTest, SentencesDoNotBreakAfterCommonAbbreviations) {
  const Document document = one_paragraph(
      "Dr. Lee says rest helps, e.g. lying down. The U.S. Centers for Disease Control agree. Call now.");
  EXPECT_EQ(sentence_texts(document),
            (std::vector<std::string>{"Dr. Lee says rest helps, e.g. lying down.",
                                      "The U.S. Centers for Disease Control agree.", "Call now."}));
}

// A paragraph with no full stop (hostile input) is read in pieces of at
// most 8 KB, cut at line breaks where there are some, else at spaces.
TEST(DocumentTest, OverlongSentencesAreReadInPiecesCutBetweenWords) {
  std::string lines;
  for (int i = 0; i < 2'000; ++i) lines += "rest and fluids help\n";
  std::string words;
  for (int i = 0; i < 5'000; ++i) words += "rest ";
  for (const std::string& text : {lines, words}) {
    const Document document = one_paragraph(text);
    const std::vector<std::string> pieces = sentence_texts(document);
    ASSERT_GT(pieces.size(), 1u);
    std::string joined;
    for (const std::string& piece : pieces) {
      EXPECT_LE(piece.size(), 8192u);
      EXPECT_TRUE(piece.starts_with("rest")) << piece.substr(0, 20);
      EXPECT_TRUE(piece.ends_with(text == lines ? "help" : "rest")) << piece.substr(piece.size() - 20);
      joined += piece;
    }
    const auto letters = [](const std::string& s) { return std::count_if(s.begin(), s.end(), ::isalpha); };
    EXPECT_EQ(letters(joined), letters(text));
  }
}

TEST(DocumentTest, FindsTheSentenceAndBlockOfAnOffset) {
  const Document document = one_paragraph("First one. Second one.");
  const auto sentence = document.sentence_at(14);
  ASSERT_TRUE(sentence);
  EXPECT_EQ(sentence->text, (Span{11, 22}));
  EXPECT_EQ(document.block_at(14), 0);
  EXPECT_EQ(document.block_at(99), -1);
}

}  // namespace
}  // namespace medlint
