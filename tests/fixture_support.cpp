#include "fixture_support.h"

#include <algorithm>
#include <fstream>
#include <regex>
#include <sstream>

#include "medlint/linter.h"
#include "medlint/parse.h"

namespace medlint::testing {

namespace fs = std::filesystem;

Fixture read_fixture(const fs::path& path) {
  Fixture fixture;
  fixture.path = path;
  fixture.rule = path.parent_path().filename().string();
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  fixture.text = text.str();
  static const std::regex pattern(R"re(<!--\s*expect:\s*([a-z0-9-]+)(?:\s+@(\d+))?(?:\s+"([^"]*)")?\s*-->)re");
  int line = 1;
  std::size_t line_start = 0;
  for (std::sregex_iterator it(fixture.text.begin(), fixture.text.end(), pattern), end; it != end; ++it) {
    const auto offset = static_cast<std::size_t>(it->position());
    line += static_cast<int>(std::count(fixture.text.begin() + static_cast<std::ptrdiff_t>(line_start),
                                        fixture.text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
    line_start = offset;
    Expectation expectation;
    expectation.line = line;
    expectation.rule = (*it)[1];
    if ((*it)[2].matched) expectation.column = std::stoi((*it)[2]);
    if ((*it)[3].matched) expectation.message_part = (*it)[3];
    fixture.expected.push_back(expectation);
  }
  // Blank the comments in place so positions do not move.
  std::string blanked = fixture.text;
  for (std::sregex_iterator it(fixture.text.begin(), fixture.text.end(), pattern), end; it != end; ++it) {
    std::fill_n(blanked.begin() + it->position(), it->length(), ' ');
  }
  fixture.text = std::move(blanked);
  return fixture;
}

std::vector<fs::path> fixture_files(const fs::path& root) {
  std::vector<fs::path> files;
  std::error_code error;
  for (fs::recursive_directory_iterator it(root, error), end; !error && it != end; it.increment(error)) {
    if (it->is_regular_file() && format_for_path(it->path().string())) files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<Diagnostic> lint_fixture(const Fixture& fixture) {
  const fs::path config = fixture.path.parent_path() / ".medlint.yaml";
  auto resolver = ConfigResolver::create(fs::exists(config) ? std::optional<fs::path>(config) : std::nullopt);
  auto source = std::make_shared<SourceFile>(fixture.path.string(), fixture.text);
  const Document document = parse(source, *format_for_path(fixture.path.string()));
  LintContext context;
  context.today = std::chrono::year{2026} / 11 / 23;
  context.report_unused_disables = true;
  std::vector<Diagnostic> found;
  for (Diagnostic& diagnostic : resolver->linter_for(fixture.path)->lint(document, context)) {
    if (diagnostic.rule == fixture.rule) found.push_back(std::move(diagnostic));
  }
  return found;
}

Comparison compare(const Fixture& fixture, const std::vector<Diagnostic>& found) {
  Comparison comparison;
  std::vector<bool> used(found.size(), false);
  for (const Expectation& expected : fixture.expected) {
    bool matched = false;
    for (std::size_t i = 0; i < found.size() && !matched; ++i) {
      const Diagnostic& diagnostic = found[i];
      if (used[i] || diagnostic.start.line != expected.line || diagnostic.rule != expected.rule) continue;
      if (expected.column && diagnostic.start.column != *expected.column) continue;
      if (expected.message_part && diagnostic.message.find(*expected.message_part) == std::string::npos) continue;
      used[i] = matched = true;
    }
    if (matched) {
      ++comparison.matched;
    } else {
      comparison.missing.push_back(expected);
    }
  }
  for (std::size_t i = 0; i < found.size(); ++i) {
    if (!used[i]) comparison.unexpected.push_back(found[i]);
  }
  return comparison;
}

}  // namespace medlint::testing
