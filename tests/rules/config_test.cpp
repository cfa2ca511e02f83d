// .medlint.yaml: discovery, extends, rule settings, overrides, ignore,
// locale, and errors that point at the offending line and column.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "medlint/linter.h"
#include "test_support.h"

namespace medlint::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

class ConfigTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / fmt::format("medlint-config-{}-{}", ::getpid(),
                                                    ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(root_); }

  fs::path write(const std::string& relative, const std::string& text) {
    const fs::path path = root_ / relative;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  std::vector<Diagnostic> lint(ConfigResolver& resolver, const fs::path& file) {
    const Document document = parse_text(file.string(), read_file(file));
    LintContext context;
    context.today = std::chrono::year{2026} / 11 / 23;
    return resolver.linter_for(file)->lint(document, context);
  }

  static std::vector<std::string> rules_of(const std::vector<Diagnostic>& found) {
    std::vector<std::string> rules;
    for (const Diagnostic& d : found) rules.push_back(fmt::format("{}:{}", d.rule, to_string(d.severity)));
    return rules;
  }

  fs::path root_;
};

// An article that breaks review-freshness and citations-present.
constexpr const char* kStaleUncited = "---\ntitle: T\nlast_reviewed: 2020-01-01\n---\nBody.\n";

TEST_F(ConfigTest, WithoutConfigTheRecommendedPackApplies) {
  const fs::path article = write("a.md", kStaleUncited);
  auto resolver = ConfigResolver::create(std::nullopt);
  EXPECT_THAT(rules_of(lint(*resolver, article)),
              ::testing::ElementsAre("citations-present:error", "review-freshness:error"));
}

TEST_F(ConfigTest, NearestConfigWinsAndSettingsApply) {
  write(".medlint.yaml", "rules:\n  citations-present: off\n");
  write("sub/.medlint.yaml", "rules:\n  review-freshness: {severity: warning, max_age_months: 120, warn_age_months: 60}\n");
  const fs::path top = write("a.md", kStaleUncited);
  const fs::path nested = write("sub/deeper/b.md", kStaleUncited);
  auto resolver = ConfigResolver::create(std::nullopt);
  EXPECT_THAT(rules_of(lint(*resolver, top)), ::testing::ElementsAre("review-freshness:error"));
  EXPECT_THAT(rules_of(lint(*resolver, nested)),
              ::testing::ElementsAre("citations-present:error", "review-freshness:warning"));
}

TEST_F(ConfigTest, RootTrueIsAcceptedAndTheNearestConfigStillAppliesAlone) {
  write(".medlint.yaml", "rules:\n  citations-present: off\n");
  write("sub/.medlint.yaml", "root: true\n");
  const fs::path nested = write("sub/b.md", kStaleUncited);
  auto resolver = ConfigResolver::create(std::nullopt);
  EXPECT_THAT(rules_of(lint(*resolver, nested)),
              ::testing::ElementsAre("citations-present:error", "review-freshness:error"));
}

TEST_F(ConfigTest, OverridesApplyToMatchingFiles) {
  write(".medlint.yaml",
        "overrides:\n  - files: [\"archive/**\"]\n    rules: {review-freshness: off}\n"
        "  - files: [\"*.txt\"]\n    rules: {citations-present: info}\n");
  auto resolver = ConfigResolver::create(std::nullopt);
  EXPECT_THAT(rules_of(lint(*resolver, write("archive/2019/a.md", kStaleUncited))),
              ::testing::ElementsAre("citations-present:error"));
  EXPECT_THAT(rules_of(lint(*resolver, write("b.md", kStaleUncited))),
              ::testing::ElementsAre("citations-present:error", "review-freshness:error"));
}

TEST_F(ConfigTest, IgnoreGlobsAreRelativeToTheConfig) {
  write(".medlint.yaml", "ignore: [\"drafts/\", \"*.tmp.md\"]\n");
  auto resolver = ConfigResolver::create(std::nullopt);
  EXPECT_TRUE(resolver->ignored(write("drafts/x/a.md", "")));
  EXPECT_TRUE(resolver->ignored(write("x/b.tmp.md", "")));
  EXPECT_FALSE(resolver->ignored(write("x/b.md", "")));
}

TEST_F(ConfigTest, UsersAddRulesOfExistingKindsInYaml) {
  write("house.yaml",
        "rules:\n  - id: no-miracle-cures\n    kind: phrases\n    severity: warning\n    summary: No hype.\n"
        "    options: {targets: {phrases: [miracle cure]}, message: 'hype: \"{match}\"'}\n");
  write(".medlint.yaml", "extends: [medlint:recommended, house.yaml]\n");
  const fs::path article =
      write("a.md", "---\ntitle: T\nlast_reviewed: 2026-06-01\nreferences: [a, b]\n---\nA miracle cure.\n");
  auto resolver = ConfigResolver::create(std::nullopt);
  const auto found = lint(*resolver, article);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].rule, "no-miracle-cures");
  EXPECT_EQ(found[0].message, "hype: \"miracle cure\"");
}

TEST_F(ConfigTest, LocaleChangesDateOrder) {
  write(".medlint.yaml", "locale: en-GB\nrules: {citations-present: off}\n");
  const fs::path article = write("a.txt", "T\n\nS.\n\nBody.\n\nMedically Reviewed on 12/01/2024\n");
  auto resolver = ConfigResolver::create(std::nullopt);
  const auto found = lint(*resolver, article);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_THAT(found[0].message, HasSubstr("reviewed 2024-01-12"));
}

struct BadConfig {
  const char* yaml;
  Position position;
  const char* message;
};

class BadConfigTest : public ConfigTest, public ::testing::WithParamInterface<BadConfig> {};

TEST_P(BadConfigTest, IsAnErrorAtTheRightPlace) {
  const fs::path config = write(".medlint.yaml", GetParam().yaml);
  try {
    auto resolver = ConfigResolver::create(config);
    FAIL() << "expected a ConfigError";
  } catch (const ConfigError& error) {
    EXPECT_EQ(error.path(), config.string());
    EXPECT_EQ(error.position(), GetParam().position) << error.what();
    EXPECT_THAT(error.what(), HasSubstr(GetParam().message));
  }
}

INSTANTIATE_TEST_SUITE_P(
    Config, BadConfigTest,
    ::testing::Values(BadConfig{"rules:\n  no-such-rule: error\n", {2, 3}, "unknown rule `no-such-rule`"},
                      BadConfig{"rulez: {}\n", {1, 1}, "unknown key `rulez`"},
                      BadConfig{"rules:\n  self-treatment: loud\n", {2, 19}, "expected off, info, warning or error"},
                      BadConfig{"locale: fr-FR\n", {1, 9}, "must be one of"},
                      BadConfig{"root: maybe\n", {1, 7}, "must be true or false"},
                      BadConfig{"extends: medlint:nothing\n", {1, 10}, "unknown rule pack"},
                      BadConfig{"rules: [\n", {2, 1}, "invalid YAML"},
                      BadConfig{"rules:\n  self-treatment: {warnings: {patterns: ['(unclosed']}}\n", {2, 42},
                                "missing )"},
                      BadConfig{"rules:\n  review-freshness: {max_age_months: soon}\n",
                                {2, 38}, "must be a whole number"}));

}  // namespace
}  // namespace medlint::testing
