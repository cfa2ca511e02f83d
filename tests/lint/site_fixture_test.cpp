// Fixture sites in the shapes editorial repositories take (Hugo with TOML,
// Jekyll, Docusaurus MDX, a saved HTML page, NHS- and MedicineNet-style
// plain-text exports): every finding of every rule is written inline, and
// `medlint inspect` of each file is pinned by a golden file.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "fixture_support.h"
#include "medlint/linter.h"
#include "test_support.h"

namespace medlint::testing {
namespace {

namespace fs = std::filesystem;

fs::path sites_dir() { return source_dir() / "tests" / "fixtures" / "sites"; }

// All findings, with the configuration the site's .medlint.yaml gives.
std::vector<Diagnostic> lint_site_file(const Fixture& fixture) {
  auto resolver = ConfigResolver::create(std::nullopt);
  auto source = std::make_shared<SourceFile>(fixture.path.string(), fixture.text);
  const Document document = parse(source, *format_for_path(fixture.path.string()),
                                  resolver->reader_options_for(fixture.path));
  LintContext context;
  context.today = std::chrono::year{2026} / 11 / 23;
  return resolver->linter_for(fixture.path)->lint(document, context);
}

// tests/golden/inspect/SITE-FILE.txt
fs::path golden_of(const fs::path& file) {
  const fs::path relative = file.lexically_relative(sites_dir());
  return source_dir() / "tests" / "golden" / "inspect" / (relative.begin()->string() + "-" + file.filename().string() + ".txt");
}

class SiteFixtureTest : public ::testing::TestWithParam<fs::path> {};

TEST_P(SiteFixtureTest, FindsExactlyTheExpectedFindings) {
  const Fixture fixture = read_fixture(GetParam());
  const Comparison result = compare(fixture, lint_site_file(fixture));
  for (const Expectation& missing : result.missing) {
    ADD_FAILURE() << fmt::format("{}:{}: expected a {} finding", GetParam().string(), missing.line, missing.rule);
  }
  for (const Diagnostic& extra : result.unexpected) {
    ADD_FAILURE() << fmt::format("{}:{}:{}: unexpected finding: {} [{}]", GetParam().string(), extra.start.line,
                                 extra.start.column, extra.message, extra.rule);
  }
}

// Inspects the fixture as linted: expectation comments blanked.
ShellResult inspect(const fs::path& file, const std::string& options) {
  const fs::path blanked = fs::temp_directory_path() / fmt::format("medlint-inspect-{}", ::getpid());
  std::ofstream(blanked, std::ios::binary) << read_fixture(file).text;
  const ShellResult run = run_shell(fmt::format("cd '{}' && '{}' inspect {} --stdin-filename '{}' - < '{}' 2>&1",
                                                source_dir().string(), MEDLINT_BINARY, options,
                                                file.lexically_relative(source_dir()).string(), blanked.string()));
  fs::remove(blanked);
  return run;
}

TEST_P(SiteFixtureTest, InspectMatchesTheGoldenFile) {
  const ShellResult run = inspect(GetParam(), "");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out, read_file(golden_of(GetParam()))) << "regenerate with tests/golden/update";
}

std::string site_file_name(const ::testing::TestParamInfo<fs::path>& info) {
  std::string name = info.param.lexically_relative(sites_dir()).string();
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Sites, SiteFixtureTest, ::testing::ValuesIn(fixture_files(sites_dir())), site_file_name);

TEST(SiteInspectTest, JsonCarriesPositionsAndOrigins) {
  const ShellResult run = inspect(sites_dir() / "hugo" / "content" / "health" / "heat-exhaustion.md", "--format json");
  ASSERT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out, read_file(source_dir() / "tests" / "golden" / "inspect" / "hugo-heat-exhaustion.md.json"));
}

}  // namespace
}  // namespace medlint::testing
