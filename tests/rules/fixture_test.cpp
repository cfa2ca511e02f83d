// Runs every rule fixture: the fixture is the spec of its rule.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "fixture_support.h"
#include "test_support.h"

namespace medlint::testing {
namespace {

class RuleFixtureTest : public ::testing::TestWithParam<std::filesystem::path> {};

TEST_P(RuleFixtureTest, FindsExactlyTheExpectedFindings) {
  const Fixture fixture = read_fixture(GetParam());
  const Comparison result = compare(fixture, lint_fixture(fixture));
  for (const Expectation& missing : result.missing) {
    ADD_FAILURE() << fmt::format("{}:{}: expected a {} finding{}{}", GetParam().string(), missing.line, missing.rule,
                                 missing.column ? fmt::format(" at column {}", *missing.column) : "",
                                 missing.message_part ? fmt::format(" saying \"{}\"", *missing.message_part) : "");
  }
  for (const Diagnostic& extra : result.unexpected) {
    ADD_FAILURE() << fmt::format("{}:{}:{}: unexpected finding: {} [{}]", GetParam().string(), extra.start.line,
                                 extra.start.column, extra.message, extra.rule);
  }
}

std::string fixture_name(const ::testing::TestParamInfo<std::filesystem::path>& info) {
  std::string name = info.param.parent_path().filename().string() + "_" + info.param.filename().string();
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Rules, RuleFixtureTest,
                         ::testing::ValuesIn(fixture_files(source_dir() / "tests" / "fixtures" / "rules")),
                         fixture_name);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(RuleFixtureTest);

}  // namespace
}  // namespace medlint::testing
