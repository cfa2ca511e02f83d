#include "rules/phrase_trie.h"

#include <cstdint>
#include <cstring>
#include <gtest/gtest.h>
#include <random>
#include <set>
#include <yaml-cpp/yaml.h>

#include "rules/phrase_regex_oracle.h"
#include "rules/phrase_set.h"
#include "test_support.h"

namespace medlint {
namespace {

using testing::phrase_as_regex;
using testing::source_dir;

std::vector<std::string> found(const PhraseTrie& trie, const std::string& text, Span range) {
  std::vector<PhraseTrie::Match> matches;
  trie.find_all(text, range, matches);
  std::vector<std::string> result;
  for (const auto& match : matches) result.push_back(text.substr(match.text.begin, match.text.size()));
  return result;
}

std::vector<std::string> found(const PhraseTrie& trie, const std::string& text) {
  return found(trie, text, {0, text.size()});
}

PhraseTrie trie_of(std::initializer_list<const char*> phrases) {
  PhraseTrie trie;
  int entry = 0;
  for (const char* phrase : phrases) EXPECT_FALSE(trie.add(phrase, entry++));
  return trie;
}

TEST(PhraseTrieTest, WholeWordsOnly) {
  const PhraseTrie trie = trie_of({"er", "pain"});
  EXPECT_TRUE(found(trie, "other painful water").empty());
  EXPECT_EQ(found(trie, "the er, with pain."), (std::vector<std::string>{"er", "pain"}));
  EXPECT_EQ(found(trie, "pain_killer pain-free"), (std::vector<std::string>{"pain"}));  // '_' is a word character
}

TEST(PhraseTrieTest, AnyRunOfWhiteSpaceBetweenWords) {
  const PhraseTrie trie = trie_of({"call  911"});
  EXPECT_EQ(found(trie, "call\r\n\t 911 and call911"), (std::vector<std::string>{"call\r\n\t 911"}));
}

TEST(PhraseTrieTest, ApostrophesAreOptionalAndUpperCaseIsFolded) {
  const PhraseTrie trie = trie_of({"Don't", "old wives' tale"});
  EXPECT_EQ(found(trie, "dont, don't, old wives tale, old wives' tale"),
            (std::vector<std::string>{"dont", "don't", "old wives tale", "old wives' tale"}));
}

// A phrase's first run is found folded, whether it is one word, leads
// more words, or is a prefix ("St'", whose apostrophe is optional).
TEST(PhraseTrieTest, UpperCaseFirstRunsAreFoldedForTheWordFilter) {
  const PhraseTrie trie = trie_of({"Blood THINNER", "COLD", "St'"});
  EXPECT_EQ(found(trie, "blood thinner, a cold, strength"),
            (std::vector<std::string>{"blood thinner", "cold", "st"}));
}

TEST(PhraseTrieTest, EndsThatAreNotWordCharactersNeedNoBoundary) {
  const PhraseTrie trie = trie_of({"a&e", "e.g.", "friends'"});
  EXPECT_EQ(found(trie, "a&e's e.g.x friends'x"), (std::vector<std::string>{"a&e", "e.g.", "friends", "friends'"}));
  EXPECT_TRUE(found(trie, "xa&e xe.g.").empty());  // a word character starts each, so a word must start there
}

TEST(PhraseTrieTest, WordsNoPhraseStartsWithArePassedOverWithoutMissingAMatch) {
  // A walk starts only at a run of word characters some phrase begins
  // with: "st" (then "."), "covid" (then "-"), "blood"; "tis" of "'tis"
  // may start inside a word.
  const PhraseTrie trie = trie_of({"st. john's wort", "covid-19", "'tis", "blood thinner"});
  EXPECT_EQ(found(trie, "bloods blood thinner, st. johns wort, st john's wort, covid-19x, mastis 'tis"),
            (std::vector<std::string>{"blood thinner", "st. johns wort", "tis", "'tis", "tis"}));
}

TEST(PhraseTrieTest, EveryStartAndLengthIsReported) {
  const PhraseTrie trie = trie_of({"chest pain", "pain", "chest pain spreading"});
  EXPECT_EQ(found(trie, "chest pain spreading"), (std::vector<std::string>{"chest pain", "chest pain spreading", "pain"}));
}

TEST(PhraseTrieTest, RangeLimitsMatchesButBoundariesSeeTheWholeText) {
  const PhraseTrie trie = trie_of({"pain"});
  const std::string text = "painful pain";
  EXPECT_TRUE(found(trie, text, {0, 4}).empty());
  EXPECT_TRUE(found(trie, text, {9, 12}).empty());  // "ain": the match would start before the range
  EXPECT_EQ(found(trie, text, {8, 12}), (std::vector<std::string>{"pain"}));
}

TEST(PhraseTrieTest, PhrasesItCannotSpellAreRefused) {
  PhraseTrie trie;
  EXPECT_TRUE(trie.add("  ' ", 0));
  EXPECT_TRUE(trie.add("rock ' roll", 1));
  EXPECT_TRUE(trie.add("''' to", 1));  // apostrophes alone before a word
  EXPECT_TRUE(trie.add("a'b'c'd'e'f'g'h'i'j", 2));
  EXPECT_TRUE(trie.empty());
  EXPECT_FALSE(trie.add("a'b'c'd'e'f'g'h'i", 3));  // 8 apostrophes: 256 spellings
  EXPECT_EQ(found(trie, "abcdefghi a'bc'defgh'i"), (std::vector<std::string>{"abcdefghi", "a'bc'defgh'i"}));
}

// What the build step writes for the shipped word classes' spellings.
TEST(PhraseTrieTest, ATrieReadFromItsImageFindsWhatItFound) {
  const PhraseTrie trie =
      trie_of({"st. john's wort", "covid-19", "'tis", "blood thinner", "St'", "a&e", "call  911", "chest pain", "pain"});
  const std::string image = trie.image();
  const std::optional<PhraseTrie> read = PhraseTrie::from_image(image);
  ASSERT_TRUE(read);
  EXPECT_EQ(read->image(), image);
  const std::string text = "strength: st. johns wort, 'tis a&e's covid-19 chest pain; call \n 911 for blood  thinner";
  EXPECT_EQ(found(*read, text), found(trie, text));
  EXPECT_EQ(found(*read, text), (std::vector<std::string>{"st", "st", "st. johns wort", "'tis", "tis", "a&e", "covid-19",
                                                     "chest pain", "pain", "call \n 911", "blood  thinner"}));
  EXPECT_FALSE(PhraseTrie::from_image(image.substr(0, image.size() - 1)));
  EXPECT_FALSE(PhraseTrie::from_image(image.substr(1)));
  // Read in place from bytes on an 8-byte boundary (none other), and
  // added to, which copies what it read first.
  std::vector<std::uint64_t> aligned(image.size() / 8 + 1);
  std::memcpy(aligned.data(), image.data(), image.size());
  const std::string_view in_place(reinterpret_cast<const char*>(aligned.data()), image.size());
  std::optional<PhraseTrie> viewed = PhraseTrie::in_image(in_place);
  ASSERT_TRUE(viewed);
  EXPECT_EQ(viewed->image(), image);
  EXPECT_EQ(found(*viewed, text), found(trie, text));
  EXPECT_FALSE(viewed->add("strength", 10));
  EXPECT_EQ(found(*viewed, "strength"), (std::vector<std::string>{"st", "strength"}));
  EXPECT_EQ(PhraseTrie::in_image(in_place)->image(), image);
  std::memmove(reinterpret_cast<char*>(aligned.data()) + 1, aligned.data(), image.size());
  EXPECT_FALSE(PhraseTrie::in_image({reinterpret_cast<const char*>(aligned.data()) + 1, image.size()}));
}

void collect_phrases(const YAML::Node& node, bool in_phrases, std::vector<std::string>& out) {
  if (node.IsScalar()) {
    if (in_phrases) out.push_back(node.Scalar());
  } else if (node.IsSequence()) {
    for (const auto& item : node) collect_phrases(item, in_phrases, out);
  } else if (node.IsMap()) {
    for (const auto& entry : node) collect_phrases(entry.second, entry.first.Scalar() == "phrases", out);
  }
}

// Every phrase of the shipped packs, plus awkward ones, against RE2 on
// random text built from their words, separators, apostrophes, upper case
// and non-ASCII letters, in random ranges.
// A form feed or carriage return in a phrase separates words as it does in
// the text (the phrase_set fuzz target found phrase "o\f" missing "o\f").
TEST(PhraseTrieTest, FormFeedInAPhraseIsASpaceAsInTheText) {
  for (const std::string phrases : {"o\f", "o\fp", "o\rp", "cut back on your in\f"}) {
    for (const std::string text : {"o\f", "o\fp", "o p", "o\rp", "cut back on your insulin"}) {
      EXPECT_TRUE(testing::trie_agrees_with_re2(phrases + '\0' + text)) << phrases << " in " << text;
    }
  }
}

// Inputs on which the phrase_set fuzz target found the trie and RE2 apart.
TEST(PhraseTrieTest, FuzzFindingsAgreeWithRe2) {
  for (const auto& entry : std::filesystem::directory_iterator(source_dir() / "tests" / "rules" / "fuzz_regressions")) {
    EXPECT_TRUE(testing::trie_agrees_with_re2(testing::read_file(entry.path()))) << entry.path();
  }
}

// The words of `phrases`, split at spaces: what random texts are made of.
std::vector<std::string> words_of(const std::vector<std::string>& phrases) {
  std::vector<std::string> words;
  for (const std::string& phrase : phrases) {
    std::string word;
    for (char c : phrase + " ") {
      if (c == ' ') {
        if (!word.empty()) words.push_back(word);
        word.clear();
      } else {
        word += c;
      }
    }
  }
  return words;
}

TEST(PhraseTrieTest, FindsWhatRe2FindsForTheSamePhrases) {
  std::vector<std::string> phrases = {"don't", "a&e", "old wives' tale", "'tis", "friends'", "e.g.", "no  one", "911",
                                      "x_y", "café", "it's ok"};
  for (const char* pack : {"cues.yaml", "safety-escalation.yaml", "self-treatment.yaml"}) {
    collect_phrases(YAML::LoadFile((source_dir() / "rules" / "medical" / pack).string()), false, phrases);
  }
  ASSERT_GT(phrases.size(), 300u);
  std::vector<PhraseSet::Entry> as_phrases;
  std::vector<PhraseSet::Entry> as_regexes;
  const std::vector<std::string> words = words_of(phrases);
  for (const std::string& phrase : phrases) {
    as_phrases.push_back({phrase, false});
    as_regexes.push_back({phrase_as_regex(phrase), true});
  }
  const PhraseSet by_trie = PhraseSet::compile(as_phrases);
  const PhraseSet by_re2 = PhraseSet::compile(as_regexes);
  const std::vector<std::string> separators = {" ", "  ", "\n", "\t", "\r\n", ", ", ". ", "-", "'", "", "_", "é ", "Ü"};
  std::mt19937 random(20261125);
  const auto pick = [&](const std::vector<std::string>& from) { return from[random() % from.size()]; };
  int compared_matches = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int length = 1 + static_cast<int>(random() % 12);
    for (int i = 0; i < length; ++i) {
      std::string word = pick(words);
      if (random() % 7 == 0) word.erase(std::remove(word.begin(), word.end(), '\''), word.end());
      if (random() % 9 == 0) word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
      text += word + pick(separators);
    }
    Span range{0, text.size()};
    if (round % 3 == 0) {
      range.begin = random() % (text.size() + 1);
      range.end = range.begin + random() % (text.size() - range.begin + 1);
    }
    const auto trie_matches = by_trie.find_all(text, range);
    const auto re2_matches = by_re2.find_all(text, range);
    ASSERT_EQ(trie_matches.size(), re2_matches.size()) << "text: \"" << text << "\"";
    for (std::size_t i = 0; i < trie_matches.size(); ++i) {
      EXPECT_EQ(trie_matches[i].text, re2_matches[i].text) << "text: \"" << text << "\"";
      EXPECT_EQ(phrases[static_cast<std::size_t>(trie_matches[i].entry)],
                phrases[static_cast<std::size_t>(re2_matches[i].entry)]);
    }
    compared_matches += static_cast<int>(trie_matches.size());
  }
  EXPECT_GT(compared_matches, 1000);
}

// A text named by a text id is scanned from its runs of word characters,
// found once per stretch of 64 KiB and kept for the most recent 32
// stretches: the matches must be those of the scan character by character,
// whole or in ranges, across stretches, and after stretches are dropped.
TEST(PhraseTrieTest, ScansFromATextsRunsFindWhatTheCharacterScanFinds) {
  std::vector<std::string> phrases = {"don't", "a&e", "old wives' tale", "friends'", "e.g.", "911", "x_y", "-- warning",
                                      "it's ok", "'quoted'", "chest pain"};
  for (const char* pack : {"cues.yaml", "safety-escalation.yaml"}) {
    collect_phrases(YAML::LoadFile((source_dir() / "rules" / "medical" / pack).string()), false, phrases);
  }
  const std::vector<std::string> words = words_of(phrases);
  PhraseTrie all;
  for (std::size_t i = 0; i < phrases.size(); ++i) ASSERT_FALSE(all.add(phrases[i], static_cast<int>(i)));
  const PhraseTrie words_only = trie_of({"you", "your", "call", "the person", "st'", "seek"});
  const PhraseTrie anywhere = trie_of({"'tis", "pain"});  // "tis" needs no boundary before it: no runs
  std::mt19937 random(20261201);
  const auto pick = [&](const std::vector<std::string>& from) { return from[random() % from.size()]; };
  const std::vector<std::string> separators = {" ", "  ", "\n", ", ", ". ", "-", "'", "", "_", "é ", "\"", " -- "};
  const auto text_of = [&](std::size_t bytes) {
    std::string text;
    while (text.size() < bytes) text += pick(words) + pick(separators);
    return text;
  };
  int compared = 0;
  for (int round = 0; round < 400; ++round) {
    // Mostly an article's size; now and then past one stretch or past every stretch kept.
    const std::size_t bytes = round % 100 == 99 ? 2300000 : round % 10 == 9 ? 150000 : 1 + random() % 3000;
    const std::string text = text_of(bytes);
    const std::uint64_t id = PhraseTrie::next_text_id();
    for (int ask = 0; ask < 12; ++ask) {
      Span range{0, text.size()};
      if (ask > 0) {
        range.begin = random() % (text.size() + 1);
        range.end = range.begin + random() % (std::min<std::size_t>(text.size() - range.begin, ask % 2 ? 400 : 200000) + 1);
      }
      for (const PhraseTrie* trie : std::initializer_list<const PhraseTrie*>{&all, &words_only, &anywhere}) {
        std::vector<PhraseTrie::Match> by_runs, by_characters;
        trie->find_all(text, range, by_runs, id);
        trie->find_all(text, range, by_characters);
        ASSERT_EQ(by_runs.size(), by_characters.size()) << "range " << range.begin << "-" << range.end;
        for (std::size_t i = 0; i < by_runs.size(); ++i) {
          EXPECT_EQ(by_runs[i].text, by_characters[i].text);
          EXPECT_EQ(by_runs[i].entry, by_characters[i].entry);
        }
        EXPECT_EQ(trie->contains(text, range, id), trie->contains(text, range));
        compared += static_cast<int>(by_runs.size());
      }
    }
  }
  EXPECT_GT(compared, 10000);
}

}  // namespace
}  // namespace medlint
