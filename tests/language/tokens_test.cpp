#include <gtest/gtest.h>
#include <random>
#include <string>

#include "language/tokens.h"

namespace medlint::testing {
namespace {

// The fast path must break words exactly where ICU does: findings depend
// on every token. Random strings over the characters whose joining rules
// differ (letters, digits, . ' , ; and separators), and one sentence of
// each hard case.
TEST(TokensTest, FastWordBreaksAreIcus) {
  const std::vector<std::string> cases = {
      "don't stop taking 1,000 mg of e.g. aspirin.", "a.b.c 1.5.2 a1.5 1a.b 3'000 it's, 'tis ok'",
      "self-harm; 10mg/day (twice) -- x-ray 1;2 a;b", "ends with a dot.", "'quoted' \"double\" \t\ttabs\nlines\r\n",
      "q: a:b 3:15 __init__ snake_case", "caf\xc3\xa9 na\xc3\xafve r\xc3\xb4le"};
  for (const std::string& text : cases) {
    EXPECT_EQ(word_spans(text, {0, text.size()}, WordBreaker::Fastest), word_spans(text, {0, text.size()}, WordBreaker::Icu))
        << text;
  }
  std::vector<std::string> alphabet;
  for (const char c : std::string_view("aZ1 2.',;:-!?()\"/\n\t\r#$%&*+<=>@[\\]^`{|}~")) alphabet.emplace_back(1, c);
  // The characters beyond ASCII the fast path knows, and one it does not.
  for (const char* c : {"\u2019", "\u2018", "\u201c", "\u201d", "\u2013", "\u2014", "\u2212", "\u00b0", "\u00a0",
                        "\u2028", "\u00e9"}) {
    alphabet.emplace_back(c);
  }
  std::mt19937 random(13);
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    for (std::size_t length = random() % 24; length > 0; --length) text += alphabet[random() % alphabet.size()];
    // A range inside the text too: its edges are where ICU's text ends.
    const std::size_t begin = text.empty() ? 0 : random() % text.size();
    for (const Span range : {Span{0, text.size()}, Span{begin, text.size()}}) {
      ASSERT_EQ(word_spans(text, range, WordBreaker::Fastest), word_spans(text, range, WordBreaker::Icu))
          << '"' << text << "\" from " << range.begin;
    }
  }
}

}  // namespace
}  // namespace medlint::testing
