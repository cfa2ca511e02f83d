// The lint pipeline through its library API: thread counts and files that
// change between the walk and the read.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "medlint/lint.h"
#include "test_support.h"

namespace medlint::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

std::vector<std::string> findings(const LintRun& run) {
  std::vector<std::string> lines;
  for (const FileResult& file : run.files) {
    for (const Diagnostic& d : file.diagnostics) {
      lines.push_back(fmt::format("{}:{}:{}: {} {}", file.path, d.start.line, d.start.column, d.rule, d.message));
    }
  }
  return lines;
}

LintOptions options_for(std::vector<std::string> paths, int jobs) {
  LintOptions options;
  options.paths = std::move(paths);
  options.jobs = jobs;
  options.context.today = std::chrono::year{2026} / 11 / 23;
  return options;
}

std::string no_stdin(std::size_t) { return {}; }

// One file on many threads shares its rules among them; many files share
// the threads. Either way the findings are those of one thread.
TEST(PipelineTest, ThreadCountsDoNotChangeFindings) {
  const std::string content = (source_dir() / "content").string();
  const auto one_thread = findings(lint_paths(options_for({content}, 1), &no_stdin));
  ASSERT_GE(one_thread.size(), 4u);
  EXPECT_EQ(findings(lint_paths(options_for({content}, 3), &no_stdin)), one_thread);
  for (const auto& entry : fs::directory_iterator(content)) {
    if (!format_for_path(entry.path().string())) continue;
    const std::string file = entry.path().string();
    EXPECT_EQ(findings(lint_paths(options_for({file}, 4), &no_stdin)),
              findings(lint_paths(options_for({file}, 1), &no_stdin)))
        << file;
  }
}

// lint_paths walks the paths, then reads standard input, then reads the
// files: a reader of standard input that deletes a listed file makes it
// vanish between the walk and the read, as another process could.
fs::path vanishing_file;
std::string delete_a_listed_file_then_read_stdin(std::size_t) {
  fs::remove(vanishing_file);
  return "---\ntitle: T\nlast_reviewed: 2020-06-01\nreferences: [a, b]\n---\nRest helps.\n";
}

TEST(PipelineTest, FileRemovedAfterTheWalkIsAnIoErrorAndTheRestIsLinted) {
  const fs::path dir = fs::temp_directory_path() / fmt::format("medlint-pipeline-{}", ::getpid());
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "a.md") << "---\ntitle: T\nlast_reviewed: 2020-06-01\nreferences: [a, b]\n---\nRest.\n";
  std::ofstream(dir / "b.md") << "---\ntitle: T\nlast_reviewed: 2026-06-01\nreferences: [a, b]\n---\nRest.\n";
  vanishing_file = dir / "b.md";
  LintOptions options = options_for({dir.string(), "-"}, 2);
  options.stdin_filename = "piped.md";
  const LintRun run = lint_paths(options, &delete_a_listed_file_then_read_stdin);
  fs::remove_all(dir);

  EXPECT_TRUE(run.io_error);
  EXPECT_EQ(run.files_checked, 2);  // a.md and standard input
  const auto lines = findings(run);
  const auto has = [&](const std::string& part) {
    return std::any_of(lines.begin(), lines.end(), [&](const std::string& line) { return line.find(part) != std::string::npos; });
  };
  EXPECT_TRUE(has("b.md:1:1: io-error cannot read")) << ::testing::PrintToString(lines);
  EXPECT_TRUE(has("No such file or directory")) << ::testing::PrintToString(lines);
  EXPECT_TRUE(has("a.md:3:16: review-freshness")) << ::testing::PrintToString(lines);
  EXPECT_TRUE(has("piped.md:3:16: review-freshness")) << ::testing::PrintToString(lines);
}

}  // namespace
}  // namespace medlint::testing
