#include "core/sentence_breaks.h"

#include <gtest/gtest.h>
#include <random>
#include <string>

namespace medlint::testing {
namespace {

// The fast path must break sentences exactly where ICU does: every
// language rule reads sentences. Random strings over characters of each
// class the rules tell apart, and one text of each hard case.
TEST(SentenceBreaksTest, FastSentenceBreaksAreIcus) {
  const std::vector<std::string> cases = {
      "Dr. Lee said so. Then he left! Why? Because.", "It costs $1.50 (approx.) each. e.g. this one. U.S. law.",
      "\"Stop.\" she said. 'Go!' he said.\n\nNext para\r\nline", "ends with a dot.", "a.b. c. d.) e. (F.) G",
      "x. - y. 3. 4.5: ok? no; a!, b", "tabs\tand\ttabs. More\t\ttext", ""};
  for (const std::string& text : cases) {
    EXPECT_EQ(sentence_ends(text, SentenceBreaker::Fastest), sentence_ends(text, SentenceBreaker::Icu)) << text;
  }
  // Mostly the characters the rules tell apart; then any printable ASCII.
  std::string printable;
  for (char c = 0x20; c < 0x7F; ++c) printable += c;
  std::mt19937 random(29);
  for (const std::string& alphabet : {std::string("aZaZ1  ..!?,-:;\"'()[]{}\n\r\t#/&"), printable + "\n\r\t"}) {
    for (int round = 0; round < 50000; ++round) {
      std::string text(random() % 32, ' ');
      for (char& c : text) c = alphabet[random() % alphabet.size()];
      ASSERT_EQ(sentence_ends(text, SentenceBreaker::Fastest), sentence_ends(text, SentenceBreaker::Icu))
          << '"' << text << '"';
    }
  }
}

}  // namespace
}  // namespace medlint::testing
