// The evasion matrix: every trick of issue 12, each a fixture in
// tests/evasion, linted through the CLI; each must still be caught.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <regex>

#include "test_support.h"

namespace medlint::testing {
namespace {

namespace fs = std::filesystem;

struct Evasion {
  const char* file;
  std::vector<std::string> rules;  // the findings' rule ids, sorted
};

void PrintTo(const Evasion& evasion, std::ostream* out) { *out << evasion.file; }

const std::vector<std::string> kDisguised = {"hidden-characters", "self-treatment"};
const std::vector<std::string> kReadThrough = {"self-treatment"};
const std::vector<std::string> kUnescalated = {"safety-escalation"};
const std::vector<std::string> kConflictingAndStale = {"review-freshness", "review-freshness"};
const std::vector<std::string> kStale = {"review-freshness"};

const Evasion kEvasions[] = {
    {"hidden-zero-width-space.md", kDisguised},
    {"hidden-zero-width-joiner.md", kDisguised},
    {"hidden-zero-width-non-joiner.md", kDisguised},
    {"hidden-word-joiner.md", kDisguised},
    {"hidden-byte-order-mark.md", kDisguised},
    {"hidden-soft-hyphen.md", kDisguised},
    {"hidden-left-to-right-mark.md", kDisguised},
    {"hidden-invisible-separator.md", kDisguised},
    {"hidden-mongolian-vowel-separator.md", kDisguised},
    {"hidden-combining-grapheme-joiner.md", kDisguised},
    {"hidden-variation-selector.md", kDisguised},
    {"hidden-tag-character.md", kDisguised},
    {"hidden-right-to-left-override.md", kDisguised},
    {"hidden-cyrillic-a.md", kDisguised},
    {"hidden-cyrillic-o-e.md", {"hidden-characters", "hidden-characters", "self-treatment"}},
    {"hidden-greek-omicron.md", kDisguised},
    {"hidden-entity-letter.md", kDisguised},
    {"hidden-entity-inside.md", kDisguised},
    {"hidden-span-inside.md", kDisguised},
    {"hidden-empty-tag-inside.md", kDisguised},
    {"hidden-comment-inside.md", kDisguised},
    {"read-combining-accent.md", kReadThrough},
    {"read-hangul-filler.md", kReadThrough},
    {"read-braille-blank.md", kReadThrough},
    {"region-references-paragraph.md", kReadThrough},
    {"region-references-subheading.md", kReadThrough},
    {"region-further-reading.md", kReadThrough},
    {"region-description.md", kReadThrough},
    {"region-custom-key.md", kReadThrough},
    {"region-link-title.md", kReadThrough},
    {"region-link-definition-title.md", kReadThrough},
    {"escalation-alt-text.md", kUnescalated},
    {"escalation-custom-key.md", kUnescalated},
    {"escalation-hidden-span.md", kUnescalated},
    {"escalation-hidden-div.md", kUnescalated},
    {"escalation-display-none.md", kUnescalated},
    {"escalation-comment.md", kUnescalated},
    {"escalation-unreferenced-footnote.md", kUnescalated},
    {"escalation-phone-number.md", kUnescalated},
    {"escalation-porsche.md", kUnescalated},
    {"escalation-heading-only.md", kUnescalated},
    {"freshness-alias-key.md", kConflictingAndStale},
    {"freshness-map-on.md", kConflictingAndStale},
    {"freshness-duplicate-key.md", kConflictingAndStale},
    {"freshness-hidden-line.md", kStale},
    {"freshness-alt-text.md", kStale},
    {"file-nul-byte.md", {"nul-byte", "self-treatment"}},
    {"file-utf16le.md", kReadThrough},
    {"file-utf16be.txt", {"citations-present", "self-treatment"}},
};

class EvasionTest : public ::testing::TestWithParam<Evasion> {};

TEST_P(EvasionTest, IsCaughtThroughTheCli) {
  const fs::path folder = source_dir() / "tests" / "evasion";
  const ShellResult run = run_shell(fmt::format("cd '{}' && '{}' --today 2026-11-23 --format json '{}' 2>&1",
                                                folder.string(), MEDLINT_BINARY, GetParam().file));
  EXPECT_EQ(run.exit_code, 1) << run.out;
  std::vector<std::string> rules;
  static const std::regex rule(R"re("rule": "([a-z0-9-]+)")re");
  for (std::sregex_iterator it(run.out.begin(), run.out.end(), rule), end; it != end; ++it) rules.push_back((*it)[1]);
  std::sort(rules.begin(), rules.end());
  EXPECT_EQ(rules, GetParam().rules) << run.out;
}

INSTANTIATE_TEST_SUITE_P(Tricks, EvasionTest, ::testing::ValuesIn(kEvasions));

// Every fixture is in the matrix, so none is kept without being checked.
TEST(EvasionMatrixTest, ListsEveryFixture) {
  std::set<std::string> listed;
  for (const Evasion& evasion : kEvasions) listed.insert(evasion.file);
  for (const auto& entry : fs::directory_iterator(source_dir() / "tests" / "evasion")) {
    const std::string name = entry.path().filename().string();
    if (name != "README") {
      EXPECT_TRUE(listed.contains(name)) << name;
    }
  }
}

}  // namespace
}  // namespace medlint::testing
