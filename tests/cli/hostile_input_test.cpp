// Hostile input through the CLI: each case large enough that quadratic
// time or unbounded reading would not finish, and quick when linear.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_support.h"

namespace medlint::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

// How many findings of `rule` a JSON report holds.
std::size_t findings_of(const std::string& json, const std::string& rule) {
  const std::string key = fmt::format("\"rule\": \"{}\"", rule);
  std::size_t count = 0;
  for (std::size_t at = json.find(key); at != std::string::npos; at = json.find(key, at + 1)) ++count;
  return count;
}

class HostileInputTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / fmt::format("medlint-hostile-{}-{}", ::getpid(),
                                                   ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  ShellResult medlint(const std::string& args) {
    return run_shell(fmt::format("cd '{}' && '{}' {} 2>&1", dir_.string(), MEDLINT_BINARY, args));
  }
  fs::path dir_;
};

// 50,000 findings on one line: each finding's column and excerpt window
// are found from nearby checkpoints (a walk from the line start per
// finding took 196 s for 100,000 of them).
TEST_F(HostileInputTest, ManyFindingsOnOneLineCostTheirNumber) {
  std::string line;
  for (int i = 0; i < 50'000; ++i) line += "cr\xE2\x80\x8B" "ack ";
  std::ofstream(dir_ / "a.md", std::ios::binary)
      << "---\ntitle: T\nlast_reviewed: 2026-06-01\nreferences: [a, b]\n---\n" << line << "\n";
  const ShellResult run = medlint("--today 2026-11-23 --format json a.md");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(findings_of(run.out, "hidden-characters"), 50'000u);
  EXPECT_THAT(run.out, HasSubstr("\"line\": 6, \"column\": 349996"));
}

// 20,000 findings of a language rule in one paragraph on one line: each
// sentence looks at the two after it, not on through the paragraph (32 s
// before).
TEST_F(HostileInputTest, ManySentenceFindingsInOneParagraphCostTheirNumber) {
  std::string line;
  for (int i = 0; i < 20'000; ++i) line += "You can crack your own back. ";
  std::ofstream(dir_ / "a.md", std::ios::binary)
      << "---\ntitle: T\nlast_reviewed: 2026-06-01\nreferences: [a, b]\n---\n" << line << "\n";
  const ShellResult run = medlint("--today 2026-11-23 --format json a.md");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(findings_of(run.out, "self-treatment"), 20'000u);
}

// A paragraph of a million anchor words and no full stop, then the risky
// sentence: read a stretch of sentences at a time, in pieces of at most
// 8 KB, with each act's search for its object stopped early (the first
// version compared every word with 512 neighbours and held every match).
TEST_F(HostileInputTest, AParagraphOfAnchorWordsDoesNotHideTheAdviceAfterIt) {
  std::string line;
  for (int i = 0; i < 1'000'000; ++i) line += "crack ";
  std::ofstream(dir_ / "a.md", std::ios::binary)
      << "---\ntitle: T\nlast_reviewed: 2026-06-01\nreferences: [a, b]\n---\n"
      << line << "\nYou can crack your own neck at home to relieve the pain.\n";
  const ShellResult run = medlint("--today 2026-11-23 --max-file-size 10000000 --format json a.md");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(findings_of(run.out, "self-treatment"), 1u);
  EXPECT_THAT(run.out, HasSubstr("\"line\": 7"));
}

// Standard input is read no further than --max-file-size.
TEST_F(HostileInputTest, EndlessStandardInputIsCutAtTheSizeLimit) {
  const ShellResult run = medlint("--max-file-size 1000000 - < /dev/zero");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.out, HasSubstr("input is over the 1000000 byte limit; it was not checked [file-too-large]"));
}

// A configuration is read no further than its limit (/dev/zero once read
// 2.1 GB and aborted).
TEST_F(HostileInputTest, EndlessConfigurationIsAConfigurationError) {
  std::ofstream(dir_ / "a.md") << "---\ntitle: T\n---\nRest.\n";
  const ShellResult run = medlint("--config /dev/zero a.md");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.out, HasSubstr("the file is not a configuration: over the 4194304 byte limit"));
}

}  // namespace
}  // namespace medlint::testing
