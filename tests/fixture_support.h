// Rule fixtures: article files whose expected findings are written inline,
// at the end of the line that triggers them:
//   Crack your own back daily. <!-- expect: self-treatment -->
//   ... <!-- expect: review-freshness @23 "67 months old" -->
// The comment is blanked with spaces before linting, so lines and columns
// stay as written. A fixture folder tests/fixtures/rules/RULE/ checks RULE;
// its optional .medlint.yaml configures the run.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "medlint/diagnostic.h"

namespace medlint::testing {

struct Expectation {
  int line = 0;
  std::string rule;
  std::optional<int> column;
  std::optional<std::string> message_part;
};

struct Fixture {
  std::filesystem::path path;
  std::string rule;  // the folder name
  std::string text;  // with expectation comments blanked
  std::vector<Expectation> expected;
};

Fixture read_fixture(const std::filesystem::path& path);

// Every fixture file under `root` (tests/fixtures/rules), sorted.
std::vector<std::filesystem::path> fixture_files(const std::filesystem::path& root);

// The findings of the fixture's rule, linted as of 2026-11-23.
std::vector<Diagnostic> lint_fixture(const Fixture& fixture);

struct Comparison {
  std::vector<Expectation> missing;      // expected, not found
  std::vector<Diagnostic> unexpected;    // found, not expected
  int matched = 0;
};

Comparison compare(const Fixture& fixture, const std::vector<Diagnostic>& found);

}  // namespace medlint::testing
