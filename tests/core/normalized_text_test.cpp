#include "medlint/normalized_text.h"

#include <gtest/gtest.h>

namespace medlint {
namespace {

NormalizedText normalize(const SourceFile& file) {
  NormalizedTextBuilder builder(file);
  builder.append_source({0, file.text().size()});
  return std::move(builder).finish();
}

TEST(NormalizedTextTest, FoldsCaseAndStraightensQuotesAndDashes) {
  SourceFile file("a.md", "Don\xE2\x80\x99t \xE2\x80\x9CWait\xE2\x80\x9D \xE2\x80\x94 Call 911");
  const NormalizedText text = normalize(file);
  EXPECT_EQ(text.cased(), "Don't \"Wait\" - Call 911");
  EXPECT_EQ(text.folded(), "don't \"wait\" - call 911");
}

TEST(NormalizedTextTest, OffsetsMapBackToExactSourceBytes) {
  SourceFile file("a.md", "Don\xE2\x80\x99t call");
  const NormalizedText text = normalize(file);
  const std::size_t call = text.folded().find("call");
  EXPECT_EQ(file.slice(text.to_source(Span{call, call + 4})), "call");
  // The apostrophe (1 byte in the text) covers its 3 source bytes.
  EXPECT_EQ(file.slice(text.to_source(Span{3, 4})), "\xE2\x80\x99");
}

TEST(NormalizedTextTest, NfkcExpandsLigaturesAndKeepsMapping) {
  SourceFile file("a.md", "\xEF\xAC\x81rst aid");  // "ﬁrst aid"
  const NormalizedText text = normalize(file);
  EXPECT_EQ(text.folded(), "first aid");
  EXPECT_EQ(file.slice(text.to_source(Span{0, 5})), "\xEF\xAC\x81rst");
  EXPECT_EQ(file.slice(text.to_source(Span{6, 9})), "aid");
}

TEST(NormalizedTextTest, NonAsciiLettersFoldWithSameLength) {
  SourceFile file("a.md", "\xC3\x89TAT");  // "ÉTAT"
  const NormalizedText text = normalize(file);
  EXPECT_EQ(text.folded(), "\xC3\xA9tat");
  EXPECT_EQ(text.cased().size(), text.folded().size());
}

TEST(NormalizedTextTest, InvalidBytesBecomeReplacementCharacters) {
  SourceFile file("a.md", "a\xFF" "b");
  const NormalizedText text = normalize(file);
  EXPECT_EQ(text.folded(), "a\xEF\xBF\xBD" "b");
  EXPECT_EQ(file.slice(text.to_source(Span{4, 5})), "b");
}

TEST(NormalizedTextTest, BreaksAndSyntheticTextMapToTheirSourceOffsets) {
  SourceFile file("a.md", "one\ntwo");
  NormalizedTextBuilder builder(file);
  builder.append_source({0, 3});
  builder.append_synthetic(" ", {3, 4});
  builder.append_source({4, 7});
  builder.append_break(7);
  const NormalizedText text = std::move(builder).finish();
  EXPECT_EQ(text.folded(), "one two\n\n");
  EXPECT_EQ(text.to_source(Span{0, 7}), (Span{0, 7}));
  EXPECT_EQ(text.to_source(std::size_t{7}), 7u);
}

}  // namespace
}  // namespace medlint
