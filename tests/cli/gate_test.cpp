// The editorial gate: baselines, changed-only linting, the staged-content
// pre-commit hook, `init`, all in temporary git repositories.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_support.h"

namespace medlint::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

using Shell = ShellResult;

class GateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           fmt::format("medlint-gate-{}-{}", ::getpid(), ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    sh("git init -q . && git config user.email editor@example.org && git config user.name Editor");
  }
  void TearDown() override { fs::remove_all(dir_); }

  Shell sh(const std::string& command) {
    return run_shell(fmt::format("cd '{}' && export PATH='{}':\"$PATH\" NO_COLOR=1 && {} 2>&1", dir_.string(),
                                 fs::path(MEDLINT_BINARY).parent_path().string(), command));
  }
  void write(const std::string& relative, const std::string& text) {
    fs::create_directories((dir_ / relative).parent_path());
    std::ofstream(dir_ / relative, std::ios::binary) << text;
  }
  fs::path dir_;
};

const std::string kHeader = "---\ntitle: T\nlast_reviewed: 2026-06-01\nreferences: [a, b]\n---\n";

TEST_F(GateTest, BaselineHidesRecordedFindingsAcrossEditsAndReportsFixedOnes) {
  write("a.md", kHeader + "Crack your own back.\n\nLeftover antibiotics from a previous cold work fine.\n");
  ASSERT_EQ(sh("medlint --today 2026-11-23 baseline . -o base.json").exit_code, 0);
  EXPECT_EQ(sh("medlint --today 2026-11-23 --baseline base.json .").exit_code, 0);
  // Edit elsewhere (lines move), keep one old finding, add a new one.
  write("a.md", kHeader + "A new first paragraph.\n\nCrack your own back.\n\nYou can pop your neck yourself.\n");
  const Shell after = sh("medlint --today 2026-11-23 --baseline base.json .");
  EXPECT_EQ(after.exit_code, 1);
  EXPECT_THAT(after.out, HasSubstr("a.md:10:9: error"));
  EXPECT_THAT(after.out, Not(HasSubstr("a.md:8:")));
  EXPECT_THAT(after.out, HasSubstr("1 findings hidden by the baseline; 1 baseline entries no longer occur"));
  EXPECT_THAT(after.out, HasSubstr("fixed: a.md [self-treatment]"));
}

TEST_F(GateTest, ChangedSinceLintsOnlyChangedArticlesAndLines) {
  write("old.md", kHeader + "Crack your own back.\n");
  write("touched.md", kHeader + "Crack your own back.\n");
  sh("git add . && git commit -qm initial");
  write("touched.md", kHeader + "Crack your own back.\n\nSkip your insulin today.\n");
  write("new.md", kHeader + "Skip your insulin today.\n");
  sh("git add new.md");
  const Shell files = sh("medlint --today 2026-11-23 --changed-since HEAD");
  EXPECT_THAT(files.out, HasSubstr("touched.md:6:1"));
  EXPECT_THAT(files.out, HasSubstr("touched.md:8:1"));
  EXPECT_THAT(files.out, HasSubstr("new.md:6:1"));
  EXPECT_THAT(files.out, Not(HasSubstr("old.md")));
  const Shell lines = sh("medlint --today 2026-11-23 --changed-since HEAD --only-changed-lines");
  EXPECT_EQ(lines.exit_code, 1);
  EXPECT_THAT(lines.out, HasSubstr("touched.md:8:1"));
  EXPECT_THAT(lines.out, Not(HasSubstr("touched.md:6:1")));
  EXPECT_EQ(sh("medlint --changed-since no-such-revision").exit_code, 2);
}

TEST_F(GateTest, InstalledHookLintsStagedContentNotTheWorkingTree) {
  ASSERT_EQ(sh("medlint install-hook").exit_code, 0);
  write("a.md", kHeader + "Crack your own back.\n");
  sh("git add a.md");
  write("a.md", kHeader + "Rest and fluids help.\n");  // the fix is not staged
  const Shell blocked = sh("git commit -qm 'risky advice'");
  EXPECT_NE(blocked.exit_code, 0);
  EXPECT_THAT(blocked.out, HasSubstr("a.md:6:1: error"));
  sh("git add a.md");
  EXPECT_EQ(sh("git commit -qm 'safe advice'").exit_code, 0);
  EXPECT_EQ(sh("medlint install-hook").exit_code, 2);
  EXPECT_EQ(sh("medlint install-hook --force").exit_code, 0);
}

TEST_F(GateTest, InitWritesAStarterConfigThatLoads) {
  ASSERT_EQ(sh("medlint init").exit_code, 0);
  EXPECT_EQ(sh("medlint init").exit_code, 2);
  write("a.md", kHeader + "Rest helps.\n");
  EXPECT_EQ(sh("medlint --today 2026-11-23 a.md").exit_code, 0);
}

}  // namespace
}  // namespace medlint::testing
