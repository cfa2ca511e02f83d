#include "rules/pattern_scan.h"

#include <algorithm>
#include <filesystem>
#include <gtest/gtest.h>
#include <re2/re2.h>
#include <re2/set.h>
#include <set>

#include "medlint/linter.h"
#include "medlint/normalized_text.h"
#include "rules/lexicon.h"
#include "rules/packs.h"
#include "test_support.h"

namespace medlint {
namespace {

using testing::parse_text;
using testing::read_file;
using testing::shared_dir;
using testing::source_dir;

std::vector<std::string> found(const PhraseSet& set, const std::string& text, const PatternHits* hits) {
  std::vector<std::string> result;
  for (const auto& match : set.find_all(text, {0, text.size()}, hits)) {
    result.push_back(text.substr(match.text.begin, match.text.size()));
  }
  return result;
}

// Debian's vectorscan 5.4.9 reports no match here: its AVX2 and AVX-512
// routines drop a match ending near the end of a text of this length. A
// library that loses matches would lose findings.
TEST(PatternScanTest, FindsAMatchAtTheEndOfTheText) {
  const PhraseSet set = PhraseSet::compile({{R"(a\s+(?:\w+\s+)?seizure)", true}});
  const auto scan = PatternScan::of({&set});
  ASSERT_TRUE(scan);
  for (const std::string text : {"xxxxxxxxxxxxxxxx a seizure", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx a seizure"}) {
    const PatternHits hits = scan->scan(text);
    const auto ends = hits.of(set).ends(0);
    ASSERT_TRUE(ends);
    EXPECT_EQ(std::vector<std::uint32_t>(ends->begin(), ends->end()), std::vector<std::uint32_t>{uint32_t(text.size())})
        << text;
    EXPECT_EQ(found(set, text, &hits), std::vector<std::string>{"a seizure"});
  }
}

TEST(PatternScanTest, LocatesMatchesAsRe2Does) {
  const PhraseSet set = PhraseSet::compile({{R"(chest (?:pain|pressure))", true},
                                            {R"(pain\s+(?:\w+\s+){0,3}arm)", true},
                                            {"chest pain", false}});
  const auto scan = PatternScan::of({&set});
  ASSERT_TRUE(scan);
  for (const std::string text : {"chest pain that spreads to your arm, and chest pressure",
                                 "neck pain\n\nchest pain that spreads to your arm", "pain\n\narm pain in the arm"}) {
    const PatternHits hits = scan->scan(text);
    EXPECT_EQ(found(set, text, &hits), found(set, text, nullptr)) << text;
  }
}

TEST(PatternScanTest, PatternsHyperscanRefusesStayOnRe2) {
  // Matching the empty string, Hyperscan refuses it.
  const PhraseSet set = PhraseSet::compile({{R"(x*)", true}, {R"(chest pain)", true}});
  const auto scan = PatternScan::of({&set});
  ASSERT_TRUE(scan);
  EXPECT_EQ(scan->refused(), std::vector<std::string>{"x*"});
  const std::string text = "xx chest pain";
  const PatternHits hits = scan->scan(text);
  EXPECT_FALSE(hits.of(set).ends(0));
  EXPECT_TRUE(hits.of(set).ends(1));
  EXPECT_EQ(found(set, text, &hits), found(set, text, nullptr));
}

TEST(PatternScanTest, CachesCompiledPatternsByTheirHash) {
  const auto dir = std::filesystem::temp_directory_path() / ("medlint-pattern-cache-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  set_pattern_cache_dir(dir);
  const PhraseSet set = PhraseSet::compile({{R"(cached\s+pattern\s+\d+)", true}});
  ASSERT_TRUE(PatternScan::of({&set}));
  set_pattern_cache_dir(std::nullopt);
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) files.push_back(entry.path());
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].extension(), ".hsdb");
  std::filesystem::remove_all(dir);
}

// The shipped packs' scanned patterns over every article at hand: every end
// of every match RE2 finds is among the ends the Hyperscan pass reports
// (which is what locating matches near those ends relies on), and every
// scanned lexicon finds the same matches with the scan as without it.
// A start checks no syntax RE2 checked when medlint was built: the shipped
// packs' scanned patterns are in the build-time image (their RE2 sets are
// built on first use, which AgreesWithRe2OnEveryArticle reads without the
// scan). A pattern of the user's is checked when it is read.
TEST(PatternScanTest, OnlyPatternsNotCheckedWhenBuiltAreCheckedWhenRead) {
  const auto rules = build_pack_rules(load_shipped_pack(kRecommendedPack, "", YAML::Node()));
  const std::vector<const PhraseSet*> sets = scanned_sets(rules);
  ASSERT_FALSE(sets.empty());
  for (const PhraseSet* set : sets) {
    for (const std::string& pattern : set->patterns()) EXPECT_TRUE(checked_when_built(pattern)) << pattern;
  }
  EXPECT_FALSE(checked_when_built(R"(no shipped (?:pattern) reads this)"));
  EXPECT_THROW(PhraseSet::compile({{"chest (pain", true}}), PhraseSet::PatternError);
}

TEST(PatternScanTest, AgreesWithRe2OnEveryArticle) {
  const auto rules = build_pack_rules(load_shipped_pack(kRecommendedPack, "", YAML::Node()));
  const std::vector<const PhraseSet*> sets = scanned_sets(rules);
  const auto scan = PatternScan::of(sets);
  ASSERT_TRUE(scan);
  EXPECT_TRUE(scan->refused().empty());
  // Each distinct pattern once, with where the scan files its ends.
  struct Pattern {
    std::unique_ptr<RE2> re2;
    const PhraseSet* set;
    std::size_t regex;
  };
  std::vector<Pattern> patterns;
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(int64_t{256} << 20);
  RE2::Set occurring(options, RE2::UNANCHORED);
  std::set<std::string> seen;
  for (const PhraseSet* set : sets) {
    for (std::size_t regex = 0; regex < set->patterns().size(); ++regex) {
      if (!seen.insert(set->patterns()[regex]).second) continue;
      ASSERT_GE(occurring.Add(set->patterns()[regex], nullptr), 0);
      patterns.push_back({std::make_unique<RE2>(set->patterns()[regex], options), set, regex});
    }
  }
  ASSERT_TRUE(occurring.Compile());

  std::vector<std::filesystem::path> roots{source_dir() / "content", source_dir() / "tests" / "fixtures"};
  if (const auto shared = shared_dir()) roots.push_back(*shared / "corpus");
  std::size_t articles = 0, ends_checked = 0;
  for (const auto& root : roots) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
      const auto extension = entry.path().extension();
      if (!entry.is_regular_file() || (extension != ".md" && extension != ".txt")) continue;
      const Document document = parse_text(entry.path().string(), read_file(entry.path()));
      const std::string& text = document.text().folded();
      const PatternHits hits = scan->scan(text);
      ++articles;
      std::vector<int> present;
      const re2::StringPiece whole(text);
      if (!occurring.Match(whole, &present)) continue;
      for (const int number : present) {
        const Pattern& pattern = patterns[static_cast<std::size_t>(number)];
        const auto ends = hits.of(*pattern.set).ends(pattern.regex);
        ASSERT_TRUE(ends);
        re2::StringPiece match;
        for (std::size_t position = 0;
             position <= text.size() && pattern.re2->Match(whole, position, text.size(), RE2::UNANCHORED, &match, 1);) {
          const auto end = static_cast<std::uint32_t>(match.data() - text.data() + match.size());
          EXPECT_TRUE(std::binary_search(ends->begin(), ends->end(), end))
              << pattern.re2->pattern() << " ends at " << end << " in " << entry.path();
          ++ends_checked;
          position = match.empty() ? end + 1 : end;
        }
      }
      for (const PhraseSet* set : sets) {
        const auto with_scan = set->find_all(text, {0, text.size()}, &hits);
        const auto without = set->find_all(text, {0, text.size()});
        ASSERT_EQ(with_scan.size(), without.size()) << entry.path();
        for (std::size_t i = 0; i < without.size(); ++i) {
          EXPECT_EQ(with_scan[i].text, without[i].text) << entry.path();
          EXPECT_EQ(with_scan[i].entry, without[i].entry) << entry.path();
        }
      }
    }
  }
  // The project's own articles and fixtures alone give about 700 match ends
  // (../shared/corpus adds tens of thousands): enough that a scan reporting
  // nothing cannot pass.
  EXPECT_GT(articles, 100u);
  EXPECT_GT(ends_checked, 500u);
}

// A set's shipped database may name more patterns than occur (RE2 then
// finds nothing), never fewer: each one RE2::Set finds in a paragraph of an
// article, read on its own, is among those the database says occur.
TEST(PatternScanTest, ShippedSetDatabasesMissNoPatternRe2Finds) {
  const std::vector<std::vector<std::string>> lists = SetPatternScan::shipped_lists();
  ASSERT_FALSE(lists.empty());
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(int64_t{256} << 20);
  struct Checked {
    std::shared_ptr<const SetPatternScan> scan;
    std::unique_ptr<RE2::Set> re2;
  };
  std::vector<Checked> sets;
  for (const std::vector<std::string>& patterns : lists) {
    Checked set{SetPatternScan::shipped(patterns), std::make_unique<RE2::Set>(options, RE2::UNANCHORED)};
    ASSERT_TRUE(set.scan);
    for (const std::string& pattern : patterns) ASSERT_GE(set.re2->Add(pattern, nullptr), 0) << pattern;
    ASSERT_TRUE(set.re2->Compile());
    sets.push_back(std::move(set));
  }
  std::size_t paragraphs = 0, found = 0;
  for (const auto& root : {source_dir() / "content", source_dir() / "tests" / "fixtures"}) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
      if (!entry.is_regular_file() || entry.path().extension() != ".md") continue;
      const Document document = parse_text(entry.path().string(), read_file(entry.path()));
      const std::string_view text = document.text().folded();
      for (std::size_t begin = 0; begin < text.size(); ++paragraphs) {
        const std::size_t end = std::min(text.find(NormalizedText::kBlockBreak, begin), text.size());
        const std::string_view paragraph = text.substr(begin, end - begin);
        for (const Checked& set : sets) {
          std::vector<int> present;
          if (!set.re2->Match(re2::StringPiece(paragraph.data(), paragraph.size()), &present)) continue;
          const std::vector<int> occurring = set.scan->occurring(paragraph);
          for (const int pattern : present) {
            EXPECT_TRUE(std::binary_search(occurring.begin(), occurring.end(), pattern)) << entry.path();
            ++found;
          }
        }
        begin = end + NormalizedText::kBlockBreak.size();
      }
    }
  }
  // About 2,000 paragraphs with about 1,900 patterns found in them: enough
  // that a database reporting nothing cannot pass.
  EXPECT_GT(paragraphs, 1000u);
  EXPECT_GT(found, 1000u);
}

}  // namespace
}  // namespace medlint
