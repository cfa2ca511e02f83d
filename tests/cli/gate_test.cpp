// The editorial gate: baselines, changed-only linting, the staged-content
// pre-commit hook, `init`, all in temporary git repositories.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <yaml-cpp/yaml.h>

#include "test_support.h"

namespace medlint::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
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

  // A base commit on `main` and a branch `pr` checked out from it.
  void commit_base_and_branch() {
    sh("git add -A && git commit -qm base && git branch -M main && git checkout -qb pr");
  }
  void commit(const std::string& message) { sh(fmt::format("git add -A && git commit -qm '{}'", message)); }

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
const std::string kUnreferenced = "---\ntitle: T\nlast_reviewed: 2026-06-01\n---\n";
const std::string kEscalated = "Call 911 or go to the emergency room if you have:\n\n- chest pain\n- a seizure\n";
const std::string kUnescalated = "Watch for:\n\n- chest pain\n- a seizure\n";
const std::string kRisky = "Chest pain can be a sign of a heart attack.\n";  // a red flag, no advice
const std::string kSafe = "Rest and fluids help.\n";

// Each finding as "path:line:rule" from --format json (file names with
// newlines or tabs stay one entry).
std::vector<std::string> findings_of(const std::string& json_text) {
  std::vector<std::string> found;
  const std::size_t start = json_text.find('{');
  if (start == std::string::npos) return found;
  const YAML::Node report = YAML::Load(json_text.substr(start));
  for (const auto& d : report["diagnostics"]) {
    found.push_back(fmt::format("{}:{}:{}", d["path"].as<std::string>(), d["line"].as<int>(), d["rule"].as<std::string>()));
  }
  return found;
}

TEST_F(GateTest, BaselineHidesRecordedFindingsAcrossEditsAndReportsFixedOnes) {
  write("a.md", kHeader + "Chest pain can be a sign of a heart attack.\n\nA seizure needs attention.\n");
  ASSERT_EQ(sh("medlint --today 2026-11-23 baseline . -o base.json").exit_code, 0);
  EXPECT_EQ(sh("medlint --today 2026-11-23 --baseline base.json .").exit_code, 0);
  // Edit elsewhere (lines move), keep one old finding, add a new one.
  write("a.md", kHeader + "A new first paragraph.\n\nChest pain can be a sign of a heart attack.\n\nFainting is a warning sign.\n");
  const Shell after = sh("medlint --today 2026-11-23 --baseline base.json .");
  EXPECT_EQ(after.exit_code, 1);
  EXPECT_THAT(after.out, HasSubstr("a.md:10:1: error"));
  EXPECT_THAT(after.out, Not(HasSubstr("a.md:8:")));
  EXPECT_THAT(after.out, HasSubstr("1 findings hidden by the baseline; 1 baseline entries no longer occur"));
  EXPECT_THAT(after.out, HasSubstr("fixed: a.md [safety-escalation]"));
}

TEST_F(GateTest, ChangedSinceLintsOnlyChangedArticlesAndLines) {
  write("old.md", kHeader + kRisky);
  write("touched.md", kHeader + kRisky);
  sh("git add . && git commit -qm initial");
  write("touched.md", kHeader + kRisky + "\nFainting is a warning sign.\n");
  write("new.md", kHeader + "Fainting is a warning sign.\n");
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
  write("a.md", kHeader + kRisky);
  sh("git add a.md");
  write("a.md", kHeader + kSafe);  // the fix is not staged
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

// Writes replace files whole: a dangling symlink is not written through,
// a baseline over a missing path is not written (the old one is kept), and
// a failed write leaves no temporary file behind.
TEST_F(GateTest, WritesAreWholeAndNeverThroughSymlinksOrOverUnreadablePaths) {
  fs::create_symlink(dir_ / "elsewhere.yaml", dir_ / ".medlint.yaml");
  EXPECT_EQ(sh("medlint init").exit_code, 2);
  EXPECT_FALSE(fs::exists(dir_ / "elsewhere.yaml"));
  write("a.md", kHeader + "Rest helps.\n");
  write(".medlint-baseline.json", "old baseline");
  const Shell missing = sh("medlint baseline a.md missing.md -o .medlint-baseline.json");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_THAT(missing.out, HasSubstr("missing.md: cannot read \"missing.md\""));
  EXPECT_EQ(read_file(dir_ / ".medlint-baseline.json"), "old baseline");
  EXPECT_EQ(sh("medlint baseline a.md -o .medlint-baseline.json").exit_code, 0);
  EXPECT_THAT(read_file(dir_ / ".medlint-baseline.json"), HasSubstr("\"medlint_baseline\": 1"));
  EXPECT_EQ(sh("medlint baseline a.md -o no-such-folder/b.json").exit_code, 2);
  std::size_t files = 0;
  for (const auto& entry : fs::directory_iterator(dir_)) files += entry.path().filename().string().find(".medlint-baseline.json.") != std::string::npos;
  EXPECT_EQ(files, 0u);
}


TEST_F(GateTest, NewSinceReportsRemovedEscalationAndReferencesWhereverTheySit) {
  write("content/a.md", kHeader + kEscalated);
  write("content/other.md", kHeader + kRisky);
  commit_base_and_branch();
  write("content/a.md", kUnreferenced + kUnescalated);
  commit("drop the escalation advice and the references");
  const Shell run = sh("medlint --today 2026-11-23 --new-since main --format json content");
  EXPECT_EQ(run.exit_code, 1) << run.out;
  EXPECT_THAT(findings_of(run.out), ElementsAre("content/a.md:2:citations-present", "content/a.md:7:safety-escalation",
                                                "content/a.md:8:safety-escalation"));
  // Changed lines alone cannot see it: the red flags and the front matter were not edited.
  EXPECT_EQ(sh("medlint --today 2026-11-23 --changed-since main --only-changed-lines content").exit_code, 0);
}

TEST_F(GateTest, NewSinceBlamesNeitherTheBaseMovingOnNorRenamesNorDeletions) {
  write("content/a.md", kHeader + kRisky);
  write("content/gone.md", kHeader + kRisky);
  commit_base_and_branch();
  sh("git mv content/a.md content/renamed.md && git rm -q content/gone.md");
  write("content/renamed.md", kHeader + "A new first line.\n\n" + kRisky);
  commit("rename, edit and delete");
  sh("git checkout -q main");
  write("content/main-only.md", kHeader + kRisky);
  commit("main moves on");
  sh("git checkout -q pr");
  const Shell new_since = sh("medlint --today 2026-11-23 --new-since main content");
  EXPECT_EQ(new_since.exit_code, 0) << new_since.out;
  EXPECT_THAT(new_since.out, HasSubstr("1 file checked"));
  const Shell changed = sh("medlint --today 2026-11-23 --changed-since main content");
  EXPECT_THAT(changed.out, HasSubstr("renamed.md:8:1"));
  EXPECT_THAT(changed.out, Not(HasSubstr("main-only.md")));
}

TEST_F(GateTest, ABrokenConfigIsAnErrorInEveryMode) {
  write("content/a.md", kHeader + kSafe);
  commit_base_and_branch();
  write(".medlint.yaml", "rules: [unclosed\n");
  commit("broken config");
  for (const char* mode : {"--changed-since main", "--new-since main", ""}) {
    const Shell run = sh(fmt::format("medlint --today 2026-11-23 {} content", mode));
    EXPECT_EQ(run.exit_code, 2) << mode << run.out;
    EXPECT_THAT(run.out, HasSubstr("configuration error: ")) << mode;
  }
  sh("git reset -q --soft HEAD~1");
  EXPECT_EQ(sh("medlint --staged").exit_code, 2);
}

TEST_F(GateTest, AStricterConfigRelintsEveryArticle) {
  write(".medlint.yaml", "rules:\n  safety-escalation: off\n");
  write("content/a.md", kHeader + kRisky);
  commit_base_and_branch();
  write(".medlint.yaml", "rules:\n  safety-escalation: error\n");
  commit("turn safety-escalation back on");
  EXPECT_THAT(sh("medlint --today 2026-11-23 --changed-since main content").out, HasSubstr("content/a.md:6:1"));
  const Shell run = sh("medlint --today 2026-11-23 --new-since main content");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.out, HasSubstr("content/a.md:6:1"));
  EXPECT_THAT(run.out, HasSubstr("configuration: .medlint.yaml"));
}

TEST_F(GateTest, ANestedConfigThatLoosensTheRulesIsConfigWeakened) {
  write("content/sub/a.md", kHeader + kEscalated);
  commit_base_and_branch();
  write("content/sub/.medlint.yaml", "rules:\n  safety-escalation: off\n  self-treatment: warning\n");
  write("content/sub/a.md", kHeader + kUnescalated + kRisky);
  commit("a nested config");
  const Shell off = sh("medlint --today 2026-11-23 --new-since main content");
  EXPECT_EQ(off.exit_code, 1);
  EXPECT_THAT(off.out, HasSubstr("content/sub/.medlint.yaml:1:1: error: this change weakens the checks against the "
                                 "merge base: turns `safety-escalation` off for 1 article (content/sub/a.md) [config-weakened]"));
  EXPECT_THAT(off.out, HasSubstr("lowers `self-treatment` from error to warning"));
  write("content/sub/.medlint.yaml", "ignore: [\"**\"]\n");
  commit("ignore everything");
  EXPECT_THAT(sh("medlint --today 2026-11-23 --new-since main content").out,
              HasSubstr("stops checking it (`ignore`) for 1 article"));
  // An `include` list that leaves the article out stops checking it too.
  write("content/sub/.medlint.yaml", "include: [\"other/**\"]\n");
  commit("include other files only");
  EXPECT_THAT(sh("medlint --today 2026-11-23 --new-since main content").out,
              HasSubstr("stops checking it (`include`) for 1 article"));
  write("content/sub/.medlint.yaml", "extends: []\n");
  commit("no packs");
  EXPECT_THAT(sh("medlint --today 2026-11-23 --new-since main content").out,
              HasSubstr("drops rule `safety-escalation`"));
}

// A nested configuration that `extends` its parent keeps the parent's
// settings: adding one loosens nothing, and an override in it that turns a
// rule off is compared with the parent's rules at the merge base.
TEST_F(GateTest, ANestedConfigExtendingItsParentIsComparedWithTheParentsRules) {
  write(".medlint.yaml", "rules:\n  citations-present: off\n");
  write("content/sub/a.md", kUnreferenced + kEscalated);
  commit_base_and_branch();
  write("content/sub/.medlint.yaml", "extends: ../../.medlint.yaml\nlocale: en-GB\n");
  commit("a nested config that builds on its parent");
  const Shell same = sh("medlint --today 2026-11-23 --new-since main content");
  EXPECT_EQ(same.exit_code, 0) << same.out;
  EXPECT_THAT(same.out, HasSubstr("configuration: content/sub/.medlint.yaml"));
  write("content/sub/.medlint.yaml",
        "extends: ../../.medlint.yaml\noverrides:\n  - files: [\"a.md\"]\n    rules: {safety-escalation: off}\n");
  commit("an override that turns a rule off");
  const Shell off = sh("medlint --today 2026-11-23 --new-since main content");
  EXPECT_EQ(off.exit_code, 1);
  EXPECT_THAT(off.out, HasSubstr("turns `safety-escalation` off for 1 article (content/sub/a.md)"));
  EXPECT_THAT(off.out, Not(HasSubstr("citations-present")));
}

TEST_F(GateTest, AConfigAboveTheRepositoryRootIsNotApplied) {
  write(".medlint.yaml", "ignore: [\"**\"]\n");
  write("repo/a.md", kHeader + kRisky);
  const Shell run = sh("cd repo && git init -q . && medlint --today 2026-11-23 a.md");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.out, HasSubstr("configuration: medlint:recommended"));
}

TEST_F(GateTest, AShallowCloneIsRefusedNamingFetchDepth) {
  write("content/a.md", kHeader + kSafe);
  commit_base_and_branch();
  write("content/a.md", kHeader + kRisky);
  commit("one");
  sh("git checkout -q main");
  write("content/b.md", kHeader + kSafe);
  commit("two");
  const Shell run = sh("git clone -q --depth 1 --branch pr \"file://$PWD\" shallow && cd shallow && "
                       "git fetch -q --depth 1 origin main:main && medlint --new-since main content");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.out, HasSubstr("fetch-depth: 0"));
}

TEST_F(GateTest, BaselineMatchesFromEveryPathFormAndFromTheHook) {
  write("content/a.md", kHeader + kRisky);
  write(".medlint.yaml", "baseline: .medlint-baseline.json\n");
  ASSERT_EQ(sh("medlint --today 2026-11-23 baseline content -o .medlint-baseline.json").exit_code, 0);
  for (const char* form : {"medlint --today 2026-11-23 content", "medlint --today 2026-11-23 ./content/",
                           "medlint --today 2026-11-23 \"$PWD/content\"", "cd content && medlint --today 2026-11-23 .",
                           "cd content && medlint --today 2026-11-23 --baseline ../.medlint-baseline.json a.md"}) {
    const Shell run = sh(form);
    EXPECT_EQ(run.exit_code, 0) << form << "\n" << run.out;
    EXPECT_THAT(run.out, HasSubstr("1 findings hidden by the baseline")) << form;
  }
  commit_base_and_branch();
  ASSERT_EQ(sh("medlint install-hook").exit_code, 0);
  write("content/a.md", kHeader + "Edited.\n\n" + kRisky);
  EXPECT_EQ(sh("git add -A && git commit -qm 'edit around a baselined finding'").exit_code, 0);
  // After a rename the old entries are orphans: reported, so the baseline can shrink.
  sh("git mv content/a.md content/b.md");
  EXPECT_THAT(sh("medlint --today 2026-11-23 --fail-on never content").out, HasSubstr("fixed: content/a.md [safety-escalation]"));
}

TEST_F(GateTest, InstalledHookRunsMedlintFromPathAndCanPassABaseline) {
  ASSERT_EQ(sh("medlint install-hook --baseline 'base line.json'").exit_code, 0);
  const std::string hook = read_file(dir_ / ".git" / "hooks" / "pre-commit");
  EXPECT_THAT(hook, HasSubstr("exec medlint --staged --quiet --baseline 'base line.json'\n"));
  EXPECT_THAT(hook, Not(HasSubstr(MEDLINT_BINARY)));
}

TEST_F(GateTest, SuppressionsAreVisibleToTheGate) {
  write("content/a.md", kHeader + kSafe + "\n" + kRisky);
  commit_base_and_branch();
  write("content/a.md", kHeader + kSafe + "\n<!-- medlint-disable-next-line safety-escalation -->\n" + kRisky);
  commit("hide a finding");
  const Shell added = sh("medlint --today 2026-11-23 --new-since main content");
  EXPECT_EQ(added.exit_code, 0) << added.out;
  EXPECT_THAT(added.out, HasSubstr("content/a.md:8:1: warning: this change adds a suppression: the suppression of "
                                   "`safety-escalation` hides 1 finding [new-suppression]"));
  EXPECT_EQ(sh("medlint --today 2026-11-23 --new-since main --fail-on warning content").exit_code, 1);
  EXPECT_THAT(sh("medlint --today 2026-11-23 --no-inline-config content").out, HasSubstr("a.md:9:1: error"));
  EXPECT_THAT(sh("medlint --today 2026-11-23 --report-suppressions content").out,
              HasSubstr("a.md:8:1: info: the suppression of `safety-escalation` hides 1 finding [suppression]"));
}

// Inputs a contributor controls: file names, revisions, symlinks, diff text.

TEST_F(GateTest, AFileNamedLikeAnOptionIsLintedNotObeyed) {
  write("--exclude=*.md", kHeader + kRisky);
  write("a.md", kHeader + kRisky);
  // As the pre-commit framework runs the hook: its entry, then the file names.
  const YAML::Node hooks = YAML::LoadFile((source_dir() / ".pre-commit-hooks.yaml").string());
  const std::string entry = hooks[0]["entry"].as<std::string>();
  ASSERT_TRUE(entry.ends_with(" --")) << entry;
  const Shell run = sh(fmt::format("{} '--exclude=*.md' a.md", entry));
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.out, HasSubstr("--exclude=*.md:6:1: error"));
  EXPECT_THAT(run.out, HasSubstr("a.md:6:1: error"));
  fs::create_directories(dir_ / "empty");
  const Shell nothing = sh("medlint -- empty");
  EXPECT_EQ(nothing.exit_code, 2);
  EXPECT_THAT(nothing.out, HasSubstr("no articles to check under empty"));
}

TEST_F(GateTest, AnOptionLookingRevisionIsRefused) {
  write("a.md", kHeader + kSafe);
  commit("base");
  for (const char* option : {"--changed-since=--output=out.txt", "--new-since=--output=out.txt",
                             "--changed-since '-p' --only-changed-lines"}) {
    const Shell run = sh(fmt::format("medlint {}", option));
    EXPECT_EQ(run.exit_code, 2) << option;
    EXPECT_THAT(run.out, HasSubstr("is not a git revision")) << option;
  }
  EXPECT_FALSE(fs::exists(dir_ / "out.txt"));
}

TEST_F(GateTest, AnArticleSwappedForASymlinkIsChecked) {
  write("a.md", kHeader + kSafe);
  write("notes/risky.md", kHeader + kRisky);
  commit("base");
  sh("rm a.md && ln -s notes/risky.md a.md");
  EXPECT_THAT(findings_of(sh("medlint --today 2026-11-23 --format json --changed-since HEAD --exclude 'notes/**'").out),
              ElementsAre("a.md:6:safety-escalation"));
  sh("git add a.md");
  EXPECT_THAT(findings_of(sh("medlint --today 2026-11-23 --format json --staged").out),
              ElementsAre("a.md:6:safety-escalation"));
}

TEST_F(GateTest, OddFileNamesKeepTheirChangedLines) {
  const std::vector<std::string> names = {"with space.md", "with\ttab.md", "with\nnewline.md", "caf\xC3\xA9.md"};
  for (const std::string& name : names) write(name, kHeader + kSafe);
  commit("base");
  for (const std::string& name : names) write(name, kHeader + kSafe + kRisky);
  const Shell run = sh("medlint --today 2026-11-23 --format json --changed-since HEAD --only-changed-lines");
  EXPECT_EQ(run.exit_code, 1);
  std::vector<std::string> expected;
  for (const std::string& name : names) expected.push_back(name + ":7:safety-escalation");
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(findings_of(run.out), expected);
}

TEST_F(GateTest, ADiffHeaderLookalikeInAnArticleDoesNotMoveItsChanges) {
  write("a.md", kHeader + kSafe + "\nMore.\n\nEven more.\n\nAnd more.\n");
  write("decoy.md", kHeader + kSafe);
  commit("base");
  // "++ b/decoy.md" added at the start of a line shows in the diff as
  // "+++ b/decoy.md", which a diff-text parser takes for a new file.
  write("a.md", kHeader + "<!--\n++ b/decoy.md\n-->\n" + kSafe + "\nMore.\n\nEven more.\n\nAnd more.\n" + kRisky);
  const Shell run = sh("medlint --today 2026-11-23 --format json --changed-since HEAD --only-changed-lines");
  EXPECT_THAT(findings_of(run.out), ElementsAre("a.md:16:safety-escalation"));
}

}  // namespace
}  // namespace medlint::testing
