#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "medlint/linter.h"
#include "test_support.h"

namespace medlint::testing {
namespace {

std::vector<std::string> lint(const std::string& text, bool report_unused = false) {
  const Document document = parse_text("a.md", text);
  LintContext context;
  context.today = std::chrono::year{2026} / 11 / 23;
  context.report_unused_disables = report_unused;
  std::vector<std::string> result;
  auto resolver = ConfigResolver::create(std::nullopt);
  for (const Diagnostic& d : resolver->linter_for("a.md")->lint(document, context)) {
    result.push_back(fmt::format("{}:{}", d.start.line, d.rule));
  }
  return result;
}

constexpr const char* kHeader = "---\ntitle: T\nlast_reviewed: 2026-06-01\nreferences: [a, b]\n---\n";

TEST(SuppressionsTest, NextLineSuppressesOnlyThatLineAndRule) {
  const std::string text = std::string(kHeader) +
                           "<!-- medlint-disable-next-line self-treatment -->\n"
                           "Crack your own back.\n\nCrack your own back.\n";
  EXPECT_THAT(lint(text), ::testing::ElementsAre("9:self-treatment"));
}

TEST(SuppressionsTest, DisableEnableRegion) {
  const std::string text = std::string(kHeader) +
                           "<!-- medlint-disable self-treatment -- quoting a reader -->\n\n"
                           "Crack your own back.\n\n<!-- medlint-enable self-treatment -->\n\nCrack your own back.\n";
  EXPECT_THAT(lint(text), ::testing::ElementsAre("12:self-treatment"));
}

TEST(SuppressionsTest, DisableWithoutRulesCoversEveryRule) {
  const std::string text = std::string(kHeader) + "<!-- medlint-disable -->\n\nCrack your own back.\n";
  EXPECT_TRUE(lint(text).empty());
}

TEST(SuppressionsTest, FrontMatterDisable) {
  const std::string text = "---\ntitle: T\nlast_reviewed: 2026-06-01\nmedlint: {disable: [citations-present]}\n---\nBody.\n";
  EXPECT_TRUE(lint(text).empty());
}

TEST(SuppressionsTest, UnusedSuppressionsAreReportedOnRequest) {
  const std::string text = std::string(kHeader) + "<!-- medlint-disable-next-line self-treatment -->\nRest helps.\n";
  EXPECT_TRUE(lint(text).empty());
  EXPECT_THAT(lint(text, true), ::testing::ElementsAre("6:unused-disable"));
}

TEST(SuppressionsTest, CommentsInCodeAreNotDirectives) {
  const std::string text = std::string(kHeader) + "```\n<!-- medlint-disable -->\n```\n\nCrack your own back.\n";
  EXPECT_THAT(lint(text), ::testing::ElementsAre("10:self-treatment"));
}

}  // namespace
}  // namespace medlint::testing
