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
  EXPECT_EQ(text.cased().substr(), "Don't \"Wait\" - Call 911");
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

// Only the folded text is stored: the cased one is read back from it and
// the bytes folding changed, across words of the change bitset.
TEST(NormalizedTextTest, CasedTextReadsBackEveryByteAsWritten) {
  const std::string written =
      "The \xC3\x89TAT of ABC Clinic. \xCE\xA9mega-3 and NSAIDs, Dr. Lee of the U.S. said; OK? "
      "Then \xC3\x89" "COLE and \xC3\xA9" "cole again, ZZZ at the 64th byte and past it.";
  SourceFile file("a.md", written);
  const NormalizedText text = normalize(file);
  ASSERT_EQ(text.cased().size(), written.size());
  EXPECT_EQ(text.cased().substr(), written);
  for (std::size_t i = 0; i < written.size(); ++i) EXPECT_EQ(text.cased()[i], written[i]) << "byte " << i;
  for (std::size_t begin = 0; begin < written.size(); begin += 7) {
    EXPECT_EQ(text.cased().substr(begin, 70), written.substr(begin, 70));
  }
}

TEST(NormalizedTextTest, TruncatingTakesBackTheCaseOfTheBytesRemoved) {
  SourceFile file("a.md", "AAAA\xC3\x89 BBBB CCCC DDDD EEEE FFFF GGGG HHHH IIII JJJJ KKKK LLLL MMMM NNNN OOOO PPPP qqqq");
  NormalizedTextBuilder builder(file);
  builder.append_source({0, file.text().size()});
  builder.truncate(3);
  builder.append_source({file.text().size() - 4, file.text().size()});
  const NormalizedText text = std::move(builder).finish();
  EXPECT_EQ(text.folded(), "aaaqqqq");
  EXPECT_EQ(text.cased().substr(), "AAAqqqq");
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

namespace medlint {
namespace {

TEST(NormalizedTextTest, InvisibleCharactersAreRemovedAndBlanksAreSpaces) {
  // "cr<ZWSP>ack<HANGUL FILLER>your<BRAILLE BLANK>own<RLO>neck"
  SourceFile file("a.md", "cr\xE2\x80\x8B" "ack\xE3\x85\xA4your\xE2\xA0\x80own n\xE2\x80\xAE" "eck");
  const NormalizedText text = normalize(file);
  EXPECT_EQ(text.folded(), "crack your own neck");
  // "crack" maps back to its exact source bytes, the invisible one included.
  EXPECT_EQ(file.slice(text.to_source(Span{0, 5})), "cr\xE2\x80\x8B" "ack");
  const std::vector<HiddenMark> hidden = text.hidden_in_words();
  ASSERT_EQ(hidden.size(), 2u);
  EXPECT_EQ(file.slice(hidden[0].source), "\xE2\x80\x8B");
  EXPECT_EQ(file.slice(hidden[1].source), "\xE2\x80\xAE");
}

TEST(NormalizedTextTest, LookAlikesFoldToTheirLatinSkeletonInMixedWordsOnly) {
  // "crаck" with a Cyrillic а, and "сон" wholly Cyrillic.
  SourceFile file("a.md", "cr\xD0\xB0" "ck \xD1\x81\xD0\xBE\xD0\xBD");
  const NormalizedText text = normalize(file);
  EXPECT_EQ(text.folded(), "crack co\xD0\xBD");  // "н" looks like no Latin letter
  EXPECT_EQ(file.slice(text.to_source(Span{2, 3})), "\xD0\xB0");
  const std::vector<HiddenMark> hidden = text.hidden_in_words();
  ASSERT_EQ(hidden.size(), 1u);
  EXPECT_EQ(hidden[0].kind, HiddenMark::Kind::LookAlike);
  EXPECT_EQ(file.slice(hidden[0].source), "\xD0\xB0");
}

TEST(NormalizedTextTest, AccentsOnLatinLettersAndControlCharactersAreDropped) {
  SourceFile file("a.md", std::string("cra\xCC\x81" "ck n\0eck", 13));
  const NormalizedText text = normalize(file);
  EXPECT_EQ(text.folded(), "crack neck");
  ASSERT_EQ(text.hidden_in_words().size(), 1u);
}

}  // namespace
}  // namespace medlint
