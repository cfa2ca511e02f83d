// Runs the built medlint binary the way users and CI do.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <fcntl.h>
#include <regex>
#include <yaml-cpp/yaml.h>

#include "test_support.h"

namespace medlint::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

using CommandResult = ShellResult;

// Runs `medlint ARGS` from `dir` through the shell.
CommandResult medlint(const std::string& args, const fs::path& dir = source_dir(), const std::string& stdin_text = "") {
  const fs::path input = fs::temp_directory_path() / fmt::format("medlint-stdin-{}", ::getpid());
  std::ofstream(input, std::ios::binary) << stdin_text;
  const CommandResult run = run_shell(
      fmt::format("cd '{}' && NO_COLOR= '{}' {} < '{}' 2>&1", dir.string(), MEDLINT_BINARY, args, input.string()));
  fs::remove(input);
  return run;
}

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           fmt::format("medlint-cli-{}-{}", ::getpid(), ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  void write(const std::string& relative, const std::string& text) {
    fs::create_directories((dir_ / relative).parent_path());
    std::ofstream(dir_ / relative, std::ios::binary) << text;
  }
  fs::path dir_;
};

constexpr const char* kGood = "---\ntitle: T\nlast_reviewed: 2026-06-01\nreferences: [a, b]\n---\nRest and fluids help.\n";
std::string kHeader() { return "---\ntitle: T\nlast_reviewed: 2026-06-01\nreferences: [a, b]\n---\n"; }
constexpr const char* kStale = "---\ntitle: T\nlast_reviewed: 2020-06-01\nreferences: [a, b]\n---\nRest helps.\n";

TEST_F(CliTest, ExitCodesFollowFindings) {
  write("good.md", kGood);
  write("stale.md", kStale);
  EXPECT_EQ(medlint("--today 2026-11-23 good.md", dir_).exit_code, 0);
  const CommandResult stale = medlint("--today 2026-11-23 stale.md", dir_);
  EXPECT_EQ(stale.exit_code, 1);
  EXPECT_THAT(stale.out, HasSubstr("stale.md:3:16: error: medical review is 77 months old"));
  EXPECT_THAT(stale.out, HasSubstr("[review-freshness]"));
  EXPECT_EQ(medlint("--today 2026-11-23 --fail-on never stale.md", dir_).exit_code, 0);
}

TEST_F(CliTest, FailOnWarningCountsWarnings) {
  write("aging.md", "---\ntitle: T\nlast_reviewed: 2024-06-01\nreferences: [a, b]\n---\nRest helps.\n");
  EXPECT_EQ(medlint("--today 2026-11-23 aging.md", dir_).exit_code, 0);
  EXPECT_EQ(medlint("--today 2026-11-23 --fail-on warning aging.md", dir_).exit_code, 1);
}

TEST_F(CliTest, MaxWarningsAndStatistics) {
  write("aging.md", "---\ntitle: T\nlast_reviewed: 2024-06-01\nreferences: [a, b]\n---\nRest helps.\n");
  write("aging2.md", "---\ntitle: T\nlast_reviewed: 2024-05-01\nreferences: [a]\n---\nRest helps.\n");
  EXPECT_EQ(medlint("--today 2026-11-23 --fail-on never --max-warnings 2 .", dir_).exit_code, 0);
  const CommandResult over = medlint("--today 2026-11-23 --fail-on never --max-warnings 1 --statistics .", dir_);
  EXPECT_EQ(over.exit_code, 1);
  EXPECT_THAT(over.out, HasSubstr("2 warnings, more than --max-warnings 1"));
  EXPECT_THAT(over.out, HasSubstr("      2  warning  review-freshness\n      1  error    citations-present\n"));
}

TEST_F(CliTest, MissingPathIsAnErrorButOtherFilesAreLinted) {
  write("stale.md", kStale);
  const CommandResult run = medlint("--today 2026-11-23 nowhere.md stale.md", dir_);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.out, HasSubstr("cannot read \"nowhere.md\": No such file or directory"));
  EXPECT_THAT(run.out, HasSubstr("stale.md:3:16"));
}

TEST_F(CliTest, WalksFoldersInSortedOrderSkippingHiddenAndExcluded) {
  write("b/two.txt", "Title\n\nSummary.\n\nBody.\n\nMedically Reviewed on 01/01/2020\n\nR1.\n\nR2.\n");
  write("a/one.md", kStale);
  write("a/skip.md", kStale);
  write(".hidden/x.md", kStale);
  write("notes.rst", "not an article");
  const CommandResult run = medlint("--today 2026-11-23 --exclude 'skip.md' .", dir_);
  const auto first = run.out.find("./a/one.md:");
  const auto second = run.out.find("./b/two.txt:");
  ASSERT_NE(first, std::string::npos) << run.out;
  ASSERT_NE(second, std::string::npos) << run.out;
  EXPECT_LT(first, second);
  EXPECT_THAT(run.out, Not(HasSubstr("skip.md")));
  EXPECT_THAT(run.out, Not(HasSubstr(".hidden")));
  EXPECT_THAT(run.out, HasSubstr("2 files checked"));
}

TEST_F(CliTest, StandardInputWithStdinFilename) {
  const CommandResult run = medlint("--today 2026-11-23 --stdin-filename piped.txt -", dir_,
                          "Title\n\nSummary.\n\nBody.\n\nMedically Reviewed on 01/01/2020\n\nR1.\n\nR2.\n");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.out, HasSubstr("piped.txt:7:23: error: medical review is 82 months old"));
}

TEST_F(CliTest, BadInputGetsFindingsNotCrashes) {
  write("binary.md", std::string("\x89PNG\r\n\x1a\n\0\0\0", 11));
  write("empty.md", "");
  write("broken.md", "---\ntitle: [oops\n---\nBody.\n");
  write("open.md", "---\ntitle: x\nBody.\n");
  write("latin1.txt", "Title\n\nCaf\xE9 au lait.\n");
  write("big.md", std::string(2000, 'a'));
  const CommandResult run = medlint("--today 2026-11-23 --max-file-size 1000 .", dir_);
  EXPECT_EQ(run.exit_code, 1) << run.out;
  EXPECT_THAT(run.out, HasSubstr("binary.md:3:1: error: the file contains 3 NUL bytes: it is not plain text; the rest was checked [nul-byte]"));
  EXPECT_THAT(run.out, HasSubstr("empty.md:1:1: warning: the file is empty"));
  EXPECT_THAT(run.out, HasSubstr("broken.md:3:1: error: malformed front matter"));
  EXPECT_THAT(run.out, HasSubstr("open.md:1:1: error: front matter is not closed"));
  EXPECT_THAT(run.out, HasSubstr("latin1.txt:3:4: warning: invalid UTF-8 at byte 10"));
  EXPECT_THAT(run.out, HasSubstr("big.md:1:1: error: file is 2000 bytes, over the 1000 byte limit"));
  // Unreadable metadata is reported once, not as every rule's missing field.
  EXPECT_THAT(run.out, Not(HasSubstr("broken.md:1:1")));
  EXPECT_THAT(run.out, Not(HasSubstr("empty.md:1:1: error")));
}

// The bad-input matrix: each case gets a clear finding or error, in bounded
// time and memory (ctest's timeout catches a hang), and the healthy file
// beside it is still linted.
struct BadInput {
  const char* name;
  std::string (*make)();
  const char* expected;
};

class BadInputTest : public CliTest, public ::testing::WithParamInterface<BadInput> {};

TEST_P(BadInputTest, GetsAClearFindingAndOtherFilesAreLinted) {
  write("healthy.md", kStale);
  write(GetParam().name, GetParam().make());
  const CommandResult run = medlint("--today 2026-11-23 --fail-on never .", dir_);
  EXPECT_THAT(run.out, HasSubstr(GetParam().expected));
  EXPECT_THAT(run.out, HasSubstr("healthy.md:3:16: error: medical review is 77 months old"));
}

std::string yaml_alias_bomb() {
  std::string yaml = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  std::string previous = "a";
  for (const char* name : {"b", "c", "d", "e", "f", "g", "h", "i"}) {
    yaml += fmt::format("{}: &{} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n", name, name,
                        fmt::arg("p", previous));
    previous = name;
  }
  return yaml + "references: *i\ntitle: *i\n";
}

INSTANTIATE_TEST_SUITE_P(
    Matrix, BadInputTest,
    ::testing::Values(
        BadInput{"nul.md", [] { return std::string("Title\0\0body", 11); }, "nul.md:1:6: error: the file contains 2 NUL bytes"},
        BadInput{"long-line.md", [] { return "# T\n\n" + std::string(1'000'000, 'x') + " chest pain.\n"; },
                 "long-line.md:3:1000002: error: red flag \"chest pain\""},
        BadInput{"nested-list.md",
                 [] {
                   std::string text = "# T\n\n";
                   for (int i = 0; i < 10'000; ++i) text += std::string(static_cast<std::size_t>(i % 40) * 2, ' ') + "- item\n";
                   return text;
                 },
                 "nested-list.md:1:3: error: no references"},
        BadInput{"deep-list.md", [] { std::string text = "# T\n\n"; for (int i = 0; i < 10'000; ++i) text += "- "; return text + "x\n"; },
                 "deep-list.md:1:3: error: no references"},
        BadInput{"alias-bomb.md", [] { return "---\n" + yaml_alias_bomb() + "---\nBody.\n"; },
                 "alias-bomb.md:9:4: error: `references` must be a single value"},
        BadInput{"deep-yaml.md",
                 [] { return "---\ntitle: " + std::string(100'000, '[') + std::string(100'000, ']') + "\n---\nBody.\n"; },
                 "deep-yaml.md:2:"}));

TEST_F(CliTest, HundredMegabyteFileIsRefusedWithoutReadingIt) {
  write("healthy.md", kStale);
  std::ofstream(dir_ / "huge.md").close();
  fs::resize_file(dir_ / "huge.md", 100'000'000);
  const CommandResult run = medlint("--today 2026-11-23 .", dir_);
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.out, HasSubstr("huge.md:1:1: error: file is 100000000 bytes, over the 16777216 byte limit"));
  EXPECT_THAT(run.out, HasSubstr("healthy.md:3:16"));
}

TEST_F(CliTest, AliasBombAndDeepNestingInConfigAreConfigErrors) {
  write("good.md", kGood);
  write(".medlint.yaml", yaml_alias_bomb());
  EXPECT_EQ(medlint("--today 2026-11-23 good.md", dir_).exit_code, 2);
  write(".medlint.yaml", "rules: " + std::string(100'000, '[') + std::string(100'000, ']') + "\n");
  const CommandResult deep = medlint("--today 2026-11-23 good.md", dir_);
  EXPECT_EQ(deep.exit_code, 2);
  EXPECT_THAT(deep.out, HasSubstr("configuration error"));
}

TEST_F(CliTest, CatastrophicPatternInAUserPackRunsInLinearTime) {
  write("pack.yaml", "rules:\n  - id: nested-plus\n    kind: phrases\n    options: {targets: {patterns: ['(a+)+$']}}\n");
  write(".medlint.yaml", "extends: [medlint:recommended, pack.yaml]\n");
  write("a.md", kHeader() + std::string(50'000, 'a') + "b\n");
  const CommandResult run = medlint("--today 2026-11-23 a.md", dir_);
  EXPECT_EQ(run.exit_code, 0) << run.out.substr(0, 500);
}

// A pack's own patterns make a Hyperscan database of their own: compiled
// once, kept in --cache-dir, and loaded from there by the next run.
TEST_F(CliTest, CacheDirKeepsTheCompiledPatternsOfAUserPack) {
  write("pack.yaml", "rules:\n  - id: no-miracle-cures\n    kind: phrases\n    severity: warning\n    summary: No hype.\n"
                     "    options: {targets: {patterns: ['miracle\\s+cures?']}, message: 'hype: \"{match}\"'}\n");
  write(".medlint.yaml", "extends: [medlint:recommended, pack.yaml]\n");
  write("a.md", kHeader() + "A miracle cure.\n");
  const CommandResult first = medlint("--today 2026-11-23 --format json --cache-dir cache a.md", dir_);
  std::vector<fs::path> cached;
  for (const auto& entry : fs::directory_iterator(dir_ / "cache")) cached.push_back(entry.path());
  ASSERT_EQ(cached.size(), 1u);
  EXPECT_EQ(cached[0].extension(), ".hsdb");
  const auto written = fs::last_write_time(cached[0]);
  const CommandResult second = medlint("--today 2026-11-23 --format json --cache-dir cache a.md", dir_);
  EXPECT_EQ(fs::last_write_time(cached[0]), written);
  EXPECT_THAT(first.out, HasSubstr(R"("rule": "no-miracle-cures")"));
  EXPECT_EQ(first.out, second.out);
}

TEST_F(CliTest, DanglingSymlinkIsAnIoErrorNamingThePath) {
  write("healthy.md", kStale);
  fs::create_symlink(dir_ / "gone.md", dir_ / "link.md");
  const CommandResult run = medlint("--today 2026-11-23 link.md healthy.md", dir_);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.out, HasSubstr("cannot read \"link.md\": No such file or directory"));
  EXPECT_THAT(run.out, HasSubstr("healthy.md:3:16"));
}

TEST_F(CliTest, DirectorySymlinkLoopEnds) {
  write("a/stale.md", kStale);
  fs::create_directory_symlink(".", dir_ / "a" / "loop");
  const CommandResult run = medlint("--today 2026-11-23 a", dir_);
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.out, HasSubstr("1 file checked"));
}

// A symlink out of the linted folder (or the repository holding it) would
// print another file's lines (/etc/passwd) as excerpts: it is refused
// unless asked for.
TEST_F(CliTest, SymlinksLeadingOutsideAreFollowedOnlyWhenAsked) {
  write("outside/secret.md", "---\ntitle: Secret\n---\nroot:x:0:0\n");
  write("site/good.md", kGood);
  fs::create_symlink(dir_ / "outside" / "secret.md", dir_ / "site" / "linked.md");
  fs::create_directory_symlink(dir_ / "outside", dir_ / "site" / "linked-folder");
  const CommandResult refused = medlint("--today 2026-11-23 site site/linked.md", dir_);
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_THAT(refused.out, HasSubstr("site/linked.md:1:1: error: symlink points outside the repository; not followed"));
  EXPECT_THAT(refused.out, HasSubstr("site/linked-folder:1:1: error: symlink points outside"));
  EXPECT_THAT(refused.out, Not(HasSubstr("root:x")));
  const CommandResult followed = medlint("--today 2026-11-23 --follow-symlinks site", dir_);
  EXPECT_THAT(followed.out, HasSubstr("3 files checked"));
}

// User text on standard error cannot inject GitHub workflow commands (a
// path or baseline entry with a line break and "::error::") nor terminal
// escapes.
TEST_F(CliTest, StandardErrorEscapesUserTextForTheFormat) {
  write("good.md", kGood);
  const CommandResult github =
      medlint("--format github --config \"$(printf 'evil\\n::stop-commands::x\\033[2J')\" good.md", dir_);
  EXPECT_EQ(github.exit_code, 2);
  EXPECT_THAT(github.out, HasSubstr("evil%0A:%3Astop-commands:%3Ax\\x1B[2J"));
  EXPECT_THAT(github.out, Not(HasSubstr("\n::")));
  const CommandResult pretty = medlint("--config \"$(printf 'evil\\033[2J')\" good.md", dir_);
  EXPECT_THAT(pretty.out, HasSubstr("evil\\x1B[2J"));
}

// Permissions do not stop root, so as root the run drops to nobody
// (setpriv, util-linux); the test skips where neither is possible.
TEST_F(CliTest, UnreadableFileAndFolderAreIoErrorsAndTheRestIsLinted) {
  std::string runner;
  if (::geteuid() == 0) {
    runner = "setpriv --reuid=65534 --regid=65534 --clear-groups";
    if (run_shell(fmt::format("{} '{}' --version >/dev/null 2>&1", runner, MEDLINT_BINARY)).exit_code != 0) {
      GTEST_SKIP() << "running as root without a way to drop privileges to nobody";
    }
  }
  write("healthy.md", kStale);
  write("locked.md", kStale);
  write("closed/inside.md", kStale);
  fs::permissions(dir_ / "locked.md", fs::perms::none);
  fs::permissions(dir_ / "closed", fs::perms::none);
  const CommandResult run = run_shell(fmt::format("cd '{}' && {} '{}' --today 2026-11-23 . 2>&1", dir_.string(), runner,
                                                  MEDLINT_BINARY));
  fs::permissions(dir_ / "closed", fs::perms::owner_all);
  EXPECT_EQ(run.exit_code, 2) << run.out;
  EXPECT_THAT(run.out, HasSubstr("locked.md:1:1: error: cannot read \"./locked.md\": Permission denied"));
  EXPECT_THAT(run.out, HasSubstr("closed:1:1: error: cannot read folder: Permission denied"));
  EXPECT_THAT(run.out, HasSubstr("healthy.md:3:16: error: medical review is 77 months old"));
}

// Waits until process `pid` is blocked reading its standard input, as
// /proc/PID/syscall shows it ("0 0x0 ...": read on descriptor 0).
bool wait_until_reading_stdin(pid_t pid) {
  for (int attempt = 0; attempt < 2000; ++attempt) {
    std::ifstream syscall(fmt::format("/proc/{}/syscall", pid));
    if (!syscall) return false;
    std::string number;  // "running" while it runs
    std::string descriptor;
    syscall >> number >> descriptor;
    if (number == "0" && descriptor == "0x0") return true;
    ::usleep(5000);
  }
  return false;
}

// medlint lists the paths, then reads standard input, then reads the
// files: a file removed while it waits on standard input has vanished
// between the walk and the read.
TEST_F(CliTest, FileRemovedMidRunIsAnIoErrorAndTheRestIsLinted) {
  write("a.md", kStale);
  write("b.md", kStale);
  int input[2];
  ASSERT_EQ(::pipe(input), 0);
  const fs::path output = dir_ / "output.txt";
  const pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    const int out = ::open(output.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (out < 0 || ::chdir(dir_.c_str()) != 0) ::_exit(126);
    ::dup2(input[0], STDIN_FILENO);
    ::dup2(out, STDOUT_FILENO);
    ::dup2(out, STDERR_FILENO);
    ::close(input[1]);
    ::execl(MEDLINT_BINARY, "medlint", "--today", "2026-11-23", "--stdin-filename", "piped.md", ".", "-", nullptr);
    ::_exit(127);
  }
  ::close(input[0]);
  const bool waited = wait_until_reading_stdin(pid);
  if (waited) fs::remove(dir_ / "b.md");
  const std::string piped = kStale;
  EXPECT_EQ(::write(input[1], piped.data(), piped.size()), static_cast<ssize_t>(piped.size()));
  ::close(input[1]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  if (!waited) GTEST_SKIP() << "/proc/PID/syscall is not readable here";
  const std::string out = read_file(output);
  EXPECT_EQ(WEXITSTATUS(status), 2) << out;
  EXPECT_THAT(out, HasSubstr("b.md:1:1: error: cannot read \"./b.md\": No such file or directory"));
  EXPECT_THAT(out, HasSubstr("a.md:3:16: error: medical review is 77 months old"));
  EXPECT_THAT(out, HasSubstr("piped.md:3:16: error: medical review is 77 months old"));
}

TEST_F(CliTest, RulesListsTheProjectsRulesAndSeverities) {
  write("house.yaml", "rules:\n  - id: no-miracle-cures\n    kind: phrases\n    severity: warning\n"
                      "    summary: No hype.\n    options: {targets: {phrases: [miracle cure]}}\n");
  write(".medlint.yaml", "extends: [medlint:recommended, house.yaml]\nrules: {citations-present: off, self-treatment: info}\n");
  const CommandResult run = medlint("rules", dir_);
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_THAT(run.out, HasSubstr("no-miracle-cures     phrases     warning  No hype."));
  EXPECT_THAT(run.out, HasSubstr("citations-present    references  off"));
  EXPECT_THAT(run.out, HasSubstr("self-treatment       advice      info"));
}

TEST_F(CliTest, ConfigErrorsExitTwoWithPosition) {
  write(".medlint.yaml", "rules:\n  no-such-rule: off\n");
  write("good.md", kGood);
  const CommandResult run = medlint("--today 2026-11-23 good.md", dir_);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.out, HasSubstr(".medlint.yaml:2:3: unknown rule `no-such-rule`"));
}

TEST_F(CliTest, UsageErrorsExitTwo) {
  EXPECT_EQ(medlint("--today 2026-02-30 x.md", dir_).exit_code, 2);
  EXPECT_EQ(medlint("--format yaml x.md", dir_).exit_code, 2);
  EXPECT_EQ(medlint("", dir_).exit_code, 2);
  EXPECT_EQ(medlint("--help", dir_).exit_code, 0);
}

TEST(CliCommandsTest, VersionRulesAndExplain) {
  EXPECT_THAT(medlint("--version").out, HasSubstr(MEDLINT_VERSION));
  const CommandResult rules = medlint("rules");
  EXPECT_EQ(rules.exit_code, 0);
  for (const char* id : {"review-freshness", "citations-present", "safety-escalation", "self-treatment"}) {
    EXPECT_THAT(rules.out, HasSubstr(id));
  }
  const CommandResult explained = medlint("explain review-freshness");
  EXPECT_EQ(explained.exit_code, 0);
  EXPECT_THAT(explained.out, HasSubstr("# review-freshness"));
  EXPECT_EQ(medlint("explain no-such-rule").exit_code, 2);
}

TEST(CliCommandsTest, ContentLibraryDemonstratesEachRule) {
  const CommandResult run = medlint("--today 2026-11-23 --format json content");
  EXPECT_EQ(run.exit_code, 1);
  for (const char* rule : {"review-freshness", "citations-present", "safety-escalation", "self-treatment"}) {
    EXPECT_THAT(run.out, HasSubstr(fmt::format("\"rule\": \"{}\"", rule)));
  }
}

TEST(CliCommandsTest, SeedArticleHasExactlyOneFinding) {
  const auto shared = shared_dir();
  if (!shared) GTEST_SKIP() << "../shared is absent";
  const CommandResult run = medlint(fmt::format("--today 2026-11-23 --format json '{}'", (*shared / "seed" / "article.txt").string()));
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.out, HasSubstr("\"rule\": \"review-freshness\""));
  EXPECT_THAT(run.out, HasSubstr("reviewed 2021-11-11"));
  EXPECT_THAT(run.out, HasSubstr("\"summary\": {\"files\": 1, \"errors\": 1, \"warnings\": 0, \"infos\": 0}"));
}

// Golden files pin every report format; regenerate them with
// tests/golden/update after an intended change.
std::string masked_time(std::string text) {
  text = std::regex_replace(text, std::regex(R"(\(\d+\.\d\ds\))"), "(TIME)");
  return std::regex_replace(text, std::regex(R"re(time="\d+\.\d+")re"), "time=\"TIME\"");
}

class ReportGoldenTest : public ::testing::TestWithParam<std::string> {};

TEST_P(ReportGoldenTest, MatchesTheGoldenFile) {
  const CommandResult run = medlint(fmt::format("--today 2026-11-23 --color never --format {} input", GetParam()),
                                    source_dir() / "tests" / "golden");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(masked_time(run.out), read_file(source_dir() / "tests" / "golden" / ("report." + GetParam())));
}

INSTANTIATE_TEST_SUITE_P(Formats, ReportGoldenTest,
                         ::testing::Values("pretty", "json", "sarif", "github", "junit", "gitlab", "markdown"));

// What code scanning needs from SARIF, checked without the official schema
// (the schema check is tests/sarif_schema_test.py, when ../shared is present).
TEST(SarifTest, CarriesRulesLocationsAndFingerprints) {
  const CommandResult run = medlint("--today 2026-11-23 --format sarif input", source_dir() / "tests" / "golden");
  const YAML::Node sarif = YAML::Load(run.out);
  EXPECT_EQ(sarif["version"].as<std::string>(), "2.1.0");
  const YAML::Node run_node = sarif["runs"][0];
  EXPECT_EQ(run_node["columnKind"].as<std::string>(), "unicodeCodePoints");
  const YAML::Node rules = run_node["tool"]["driver"]["rules"];
  ASSERT_GE(rules.size(), 4u);
  EXPECT_TRUE(rules[0]["helpUri"].IsDefined());
  const YAML::Node results = run_node["results"];
  ASSERT_EQ(results.size(), 6u);
  for (const auto& result : results) {
    const auto index = result["ruleIndex"].as<std::size_t>();
    EXPECT_EQ(rules[index]["id"].as<std::string>(), result["ruleId"].as<std::string>());
    EXPECT_GE(result["locations"][0]["physicalLocation"]["region"]["startLine"].as<int>(), 1);
    EXPECT_EQ(result["partialFingerprints"]["medlintFingerprint/v1"].as<std::string>().size(), 16u);
  }
}

// Which files are articles: extensions, project files, node_modules,
// .gitignore, `include` and `ignore` with negation.
TEST_F(CliTest, WalkingFindsArticlesOnly) {
  for (const char* file : {"README.md", "CHANGELOG.md", "LICENSE.txt", "CONTRIBUTING.md", "requirements.txt",
                           "node_modules/pkg/guide.md", "build/out.md", "content/a.md", "content/b.mdx",
                           "content/c.html", "content/d.txt"}) {
    write(file, kStale);
  }
  write(".gitignore", "build/\n");
  ASSERT_EQ(run_shell(fmt::format("cd '{}' && git init -q .", dir_.string())).exit_code, 0);
  const CommandResult run = medlint("--today 2026-11-23 --fail-on never .", dir_);
  EXPECT_THAT(run.out, HasSubstr("4 files checked"));
  for (const char* skipped : {"README", "CHANGELOG", "LICENSE", "CONTRIBUTING", "requirements", "node_modules", "build"}) {
    EXPECT_THAT(run.out, Not(HasSubstr(skipped)));
  }
}

TEST_F(CliTest, IncludeAndNegatedIgnoreChooseTheArticles) {
  write("content/a.md", kStale);
  write("content/notes.rst", kStale);
  write("drafts/b.md", kStale);
  write(".medlint.yaml", "ignore: [\"**\", \"!content/**\"]\n");
  EXPECT_THAT(medlint("--today 2026-11-23 --fail-on never .", dir_).out, HasSubstr("1 file checked"));
  write(".medlint.yaml", "include: [\"content/**\"]\n");
  EXPECT_THAT(medlint("--today 2026-11-23 --fail-on never .", dir_).out, HasSubstr("2 files checked"));
}

TEST_F(CliTest, NamedFilesThatAreNotCheckedGetANotice) {
  write("README.md", kStale);
  write("notes.rst", kStale);
  write("drafts/b.md", kStale);
  write("build/out.md", kStale);
  write(".gitignore", "build/\n");
  write(".medlint.yaml", "ignore: [\"drafts/**\"]\n");
  ASSERT_EQ(run_shell(fmt::format("cd '{}' && git init -q .", dir_.string())).exit_code, 0);
  const CommandResult run = medlint("--today 2026-11-23 README.md notes.rst drafts/b.md build/out.md", dir_);
  EXPECT_THAT(run.out, HasSubstr("notice: README.md: not checked: a project file"));
  EXPECT_THAT(run.out, HasSubstr("notice: notes.rst: not checked: not an article"));
  EXPECT_THAT(run.out, HasSubstr("notice: drafts/b.md: not checked: the configuration's `ignore` covers it"));
  EXPECT_THAT(run.out, HasSubstr("notice: build/out.md: not checked: git ignores it"));
  EXPECT_THAT(run.out, HasSubstr("0 files checked"));
}

// A nested configuration builds on its parent and sets its own locale.
TEST_F(CliTest, ExtendsAParentConfigurationAndOverridesSetLocale) {
  // 01/12/2024: 1 December in en-GB (23 months before the run's date, no
  // finding), 12 January in en-US (34 months, a warning).
  const std::string article = "---\ntitle: T\nlast_reviewed: 01/12/2024\n---\nRest helps.\n";
  write(".medlint.yaml", "rules:\n  citations-present: off\n");
  write("uk/.medlint.yaml", "extends: ../.medlint.yaml\nlocale: en-GB\n");
  write("uk/a.md", article);
  write("us/a.md", article);
  write("us/.medlint.yaml", "extends: ../.medlint.yaml\noverrides:\n  - files: [\"a.md\"]\n    locale: en-GB\n");
  const CommandResult british = medlint("--today 2026-11-23 --fail-on warning uk/a.md us/a.md", dir_);
  EXPECT_EQ(british.exit_code, 0) << british.out;
  write("us/.medlint.yaml", "extends: ../.medlint.yaml\n");
  const CommandResult american = medlint("--today 2026-11-23 --fail-on warning us/a.md", dir_);
  EXPECT_THAT(american.out, HasSubstr("us/a.md:3:16: warning: medical review is 34 months old"));
  // The parent's `citations-present: off` still holds.
  EXPECT_THAT(american.out, Not(HasSubstr("citations-present")));
}

// A parent's `baseline:` holds for a nested configuration that extends it
// (a nested one that does not extend it starts afresh).
TEST_F(CliTest, ExtendsKeepsTheParentsBaseline) {
  write("uk/a.md", "---\ntitle: T\nlast_reviewed: 2026-06-01\nreferences: [a, b]\n---\n"
                   "Chest pain can be a sign of a heart attack.\n");
  write(".medlint.yaml", "baseline: base.json\n");
  write("uk/.medlint.yaml", "extends: ../.medlint.yaml\nlocale: en-GB\n");
  ASSERT_EQ(medlint("--today 2026-11-23 baseline . -o base.json", dir_).exit_code, 0);
  const CommandResult extended = medlint("--today 2026-11-23 .", dir_);
  EXPECT_EQ(extended.exit_code, 0) << extended.out;
  EXPECT_THAT(extended.out, HasSubstr("1 findings hidden by the baseline"));
  write("uk/.medlint.yaml", "locale: en-GB\n");
  EXPECT_EQ(medlint("--today 2026-11-23 .", dir_).exit_code, 1);
}

TEST_F(CliTest, ExtendsCycleIsAConfigurationError) {
  write("a/.medlint.yaml", "extends: ../b/.medlint.yaml\n");
  write("b/.medlint.yaml", "extends: ../a/.medlint.yaml\n");
  write("a/x.md", kStale);
  const CommandResult run = medlint("a/x.md", dir_);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.out, HasSubstr("`extends` goes round in a cycle"));
}

TEST_F(CliTest, UpdateDateAloneNamesTheKeyToMap) {
  write("a.md", "---\ntitle: T\nlastmod: 2026-06-01\nreferences: [a, b]\n---\nRest helps.\n");
  EXPECT_THAT(medlint("--today 2026-11-23 a.md", dir_).out,
              HasSubstr("a.md:3:10: error: no medical review date: `lastmod` is an update date"));
  write(".medlint.yaml", "fields:\n  review_date: lastmod\n");
  EXPECT_EQ(medlint("--today 2026-11-23 a.md", dir_).exit_code, 0);
}

TEST(CliCommandsTest, InspectPrintsWhatTheReadersUnderstood) {
  const CommandResult run = medlint("inspect tests/fixtures/sites/nhs/hay-fever.txt");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_THAT(run.out, HasSubstr("review date: \"15 March 2023\" at 16:21"));
  EXPECT_EQ(medlint("inspect no-such-file.md").exit_code, 2);
}

TEST_F(CliTest, MisspeltNamesGetADidYouMean) {
  write("a.md", kGood);
  const auto config_error = [&](const std::string& config) {
    write(".medlint.yaml", config);
    return medlint("--today 2026-11-23 a.md", dir_);
  };
  EXPECT_THAT(config_error("rules:\n  self-treatmnt: error\n").out,
              HasSubstr(".medlint.yaml:2:3: unknown rule `self-treatmnt` (did you mean `self-treatment`?)"));
  EXPECT_THAT(config_error("ignroe: []\n").out, HasSubstr("unknown key `ignroe` in the configuration (did you mean `ignore`?)"));
  EXPECT_THAT(config_error("rules:\n  self-treatment: warnng\n").out, HasSubstr("(did you mean `warning`?)"));
  // An option key is reported on its own line, not at 1:1.
  EXPECT_THAT(config_error("rules:\n  review-freshness:\n    severity: warn\n    max_age_monts: 3\n").out,
              HasSubstr(".medlint.yaml:4:20: unknown key `max_age_monts` in options of rule `review-freshness` "
                        "(did you mean `max_age_months`?)"));
  const CommandResult warn = config_error("rules:\n  self-treatment: warn\n");
  EXPECT_EQ(warn.exit_code, 0) << warn.out;
  fs::remove(dir_ / ".medlint.yaml");
  EXPECT_THAT(medlint("explain self-treatmen", dir_).out, HasSubstr("(did you mean `self-treatment`?)"));
  write("b.md", std::string(kGood) + "<!-- medlint-disable-next-line self-treatmnt -->\nRest.\n");
  EXPECT_THAT(medlint("--today 2026-11-23 --report-unused-disables b.md", dir_).out,
              HasSubstr("no rule is named `self-treatmnt` (did you mean `self-treatment`?)"));
  EXPECT_THAT(medlint("rules --fail-on warn", dir_).exit_code, 0);
}

TEST_F(CliTest, ReportsCountAndLocateCorrectly) {
  write("aging.md", "---\ntitle: T\nlast_reviewed: 2024-06-01\nreferences: [a]\n---\nRest helps.\n");
  write("good.md", kGood);
  // One failed test case per file with findings, however many findings.
  EXPECT_THAT(medlint("--today 2026-11-23 --format junit .", dir_).out, HasSubstr("tests=\"2\" failures=\"1\""));
  write("stale.md", std::string(kStale) + "<!-- medlint-disable-next-line safety-escalation -->\nChest pain can mean a heart attack.\n");
  const CommandResult statistics =
      medlint("--today 2026-11-23 --fail-on never --statistics --report-suppressions aging.md stale.md", dir_);
  EXPECT_THAT(statistics.out, HasSubstr("      1  warning  review-freshness\n"));
  EXPECT_THAT(statistics.out, HasSubstr("      1  error    review-freshness\n"));
  EXPECT_THAT(statistics.out, HasSubstr("2 files checked: 2 errors, 1 warning, 1 info ("));
  const CommandResult sarif =
      medlint(fmt::format("--today 2026-11-23 --format sarif '{}' stale.md", (dir_ / "aging.md").string()), dir_);
  EXPECT_THAT(sarif.out, HasSubstr(fmt::format("{{\"uri\": \"file://{}\"}}", (dir_ / "aging.md").string())));
  EXPECT_THAT(sarif.out, HasSubstr("{\"uri\": \"stale.md\", \"uriBaseId\": \"%SRCROOT%\"}"));
  EXPECT_THAT(sarif.out, HasSubstr("\"properties\": {\"configs\": [\"medlint:recommended\"]}"));
}

}  // namespace
}  // namespace medlint::testing
