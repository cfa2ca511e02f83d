// Prints precision and recall of each rule over its fixture folder: a
// finding on a line marked `expect` is a true positive, an unmarked finding
// a false positive, a marked line without its finding a false negative.
#include <fmt/format.h>
#include <map>

#include "fixture_support.h"
#include "test_support.h"

int main(int argc, char** argv) {
  using namespace medlint::testing;
  const std::filesystem::path root =
      argc > 1 ? std::filesystem::path(argv[1]) : source_dir() / "tests" / "fixtures" / "rules";
  struct Counts {
    int files = 0, true_positives = 0, false_positives = 0, false_negatives = 0;
  };
  std::map<std::string, Counts> by_rule;
  for (const auto& path : fixture_files(root)) {
    const Fixture fixture = read_fixture(path);
    const Comparison result = compare(fixture, lint_fixture(fixture));
    Counts& counts = by_rule[fixture.rule];
    ++counts.files;
    counts.true_positives += result.matched;
    counts.false_positives += static_cast<int>(result.unexpected.size());
    counts.false_negatives += static_cast<int>(result.missing.size());
  }
  fmt::print("{:<20} {:>5} {:>4} {:>4} {:>4} {:>9} {:>7}\n", "rule", "files", "TP", "FP", "FN", "precision", "recall");
  for (const auto& [rule, c] : by_rule) {
    const auto ratio = [](int part, int whole) { return whole == 0 ? 1.0 : static_cast<double>(part) / whole; };
    fmt::print("{:<20} {:>5} {:>4} {:>4} {:>4} {:>9.3f} {:>7.3f}\n", rule, c.files, c.true_positives, c.false_positives,
               c.false_negatives, ratio(c.true_positives, c.true_positives + c.false_positives),
               ratio(c.true_positives, c.true_positives + c.false_negatives));
  }
  return 0;
}
