#include "medlint/document.h"

#include <gtest/gtest.h>

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
