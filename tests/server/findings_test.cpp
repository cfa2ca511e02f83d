// What the language server computes for one document: the readers'
// configuration applies, files that are no articles get no findings, and
// suppressions inside TOML front matter are written in TOML.
#include "server/findings.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fmt/format.h>
#include <fstream>
#include <unistd.h>

#include "medlint/parse.h"

namespace medlint::lsp {
namespace {

namespace fs = std::filesystem;
using ::testing::Contains;
using ::testing::Not;

class ServerFindingsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           fmt::format("medlint-findings-{}-{}", ::getpid(), ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / ".git");  // discovery stops here
  }
  void TearDown() override { fs::remove_all(dir_); }

  void write(const std::string& relative, const std::string& text) {
    fs::create_directories((dir_ / relative).parent_path());
    std::ofstream(dir_ / relative, std::ios::binary) << text;
  }
  LintedText lint(const std::string& relative, const std::string& text) {
    const auto resolver = ConfigResolver::create(std::nullopt);
    LintContext context;
    context.today = std::chrono::year{2026} / 11 / 23;
    const fs::path path = dir_ / relative;
    return lint_text(*resolver, path, format_for_path(path.string()).value_or(Format::PlainText), "file://" + path.string(), 1,
                     text, context);
  }
  static std::vector<std::string> rules_of(const LintedText& linted) {
    std::vector<std::string> rules;
    for (const Finding& finding : linted.findings) rules.push_back(finding.diagnostic.rule);
    return rules;
  }
  fs::path dir_;
};

const std::string kStaleToml = "+++\ntitle = \"T\"\nlast_reviewed = 2020-01-01\nreferences = [\"a\", \"b\"]\n\n[params]\nx = 1\n+++\nRest helps.\n";

TEST_F(ServerFindingsTest, FrontMatterFieldsOfTheConfigurationApply) {
  const std::string article = "---\ntitle: T\nlastmod: 2026-06-01\nreferences: [a, b]\n---\nRest helps.\n";
  EXPECT_THAT(rules_of(lint("a.md", article)), Contains("review-freshness"));
  write(".medlint.yaml", "fields:\n  review_date: lastmod\n");
  EXPECT_THAT(rules_of(lint("a.md", article)), Not(Contains("review-freshness")));
}

TEST_F(ServerFindingsTest, FilesThatAreNoArticlesGetNoFindings) {
  const std::string article = "---\ntitle: T\n---\nRest helps.\n";
  EXPECT_FALSE(lint("a.md", article).findings.empty());
  EXPECT_TRUE(lint("README.md", article).findings.empty());
  EXPECT_TRUE(lint("node_modules/pkg/a.md", article).findings.empty());
  write(".medlint.yaml", "include: [\"content/**\"]\n");
  EXPECT_TRUE(lint("a.md", article).findings.empty());
  EXPECT_FALSE(lint("content/a.md", article).findings.empty());
}

TEST_F(ServerFindingsTest, SuppressionInTomlFrontMatterIsTomlAtItsTop) {
  const LintedText linted = lint("a.md", kStaleToml);
  const auto stale = std::find_if(linted.findings.begin(), linted.findings.end(),
                                  [](const Finding& f) { return f.diagnostic.rule == "review-freshness"; });
  ASSERT_NE(stale, linted.findings.end());
  const json actions = code_actions(linted, stale->range, EditSupport{});
  const json* disable = nullptr;
  for (const json& action : actions) {
    if (action["title"] == "Disable review-freshness for this article (front matter)") disable = &action;
  }
  ASSERT_NE(disable, nullptr) << actions.dump();
  const json& edit = (*disable)["edit"]["changes"][linted.uri][0];
  EXPECT_EQ(edit["range"]["start"], (json{{"line", 1}, {"character", 0}}));
  EXPECT_EQ(edit["newText"], "medlint = {disable = [\"review-freshness\"]}\n");
  // Applied, the TOML still reads and the rule is off for the article.
  std::string fixed = kStaleToml;
  fixed.insert(4, edit["newText"].get<std::string>());
  EXPECT_THAT(rules_of(lint("a.md", fixed)), Not(Contains("review-freshness")));
  EXPECT_THAT(rules_of(lint("a.md", fixed)), Not(Contains("front-matter")));
}

}  // namespace
}  // namespace medlint::lsp
