// The lint pipeline through its library API: thread counts and files that
// change between the walk and the read.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "medlint/lint.h"
#include "medlint/linter.h"
#include "test_support.h"

namespace medlint::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

std::string finding_line(const FileResult& file, const Diagnostic& d) {
  return fmt::format("{}:{} {}", file.path, d.start.line, d.rule);
}

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

// Records what a streaming run hands its listener.
class RecordingListener final : public FileListener {
 public:
  void started(const LintRun& run) override {
    ++starts;
    files_before_start = paths.size();
    notices = run.notices;
  }
  void file(const FileResult& file) override {
    paths.push_back(file.path);
    for (const Diagnostic& d : file.diagnostics) findings.push_back(finding_line(file, d));
  }
  int starts = 0;
  std::size_t files_before_start = 0;
  std::vector<std::string> notices;
  std::vector<std::string> paths;
  std::vector<std::string> findings;
};

// Reports stream: files reach the listener one by one in the order reports
// list them (by path as a string, which is not the walk's order: "a-b/"
// sorts before "a/"), whatever order the threads finish them in. A large
// article first keeps one thread busy while the other runs ahead through
// the small ones, further than the buffer of files finished early holds.
TEST(PipelineTest, FilesReachTheListenerInPathOrderWhateverFinishesFirst) {
  const fs::path dir = fs::temp_directory_path() / fmt::format("medlint-stream-{}", ::getpid());
  fs::remove_all(dir);
  fs::create_directories(dir / "a");
  fs::create_directories(dir / "a-b");
  const std::string header = "---\ntitle: T\nlast_reviewed: 2020-06-01\n---\n";
  std::string large = header;
  while (large.size() < 2'000'000) large += "Rest and fluids help. See a doctor if the fever lasts more than three days.\n\n";
  std::ofstream(dir / "a" / "000-large.md") << large;
  for (int i = 0; i < 150; ++i) std::ofstream(dir / "a" / fmt::format("{:03}-small.md", i + 1)) << header << "Rest.\n";
  std::ofstream(dir / "a-b" / "one.md") << header << "Rest.\n";
  std::ofstream(dir / "a.md") << header << "Rest.\n";
  LintOptions options = options_for({(dir / "a").string(), dir.string(), (dir / "README.md").string()}, 2);
  options.max_file_size = 4'000'000;
  std::ofstream(dir / "README.md") << "Not an article.\n";

  RecordingListener listener;
  auto resolver = ConfigResolver::create(std::nullopt);
  const LintRun streamed = lint_paths(options, &no_stdin, *resolver, listener);
  const LintRun collected = lint_paths(options, &no_stdin);
  fs::remove_all(dir);

  EXPECT_EQ(listener.starts, 1);
  EXPECT_EQ(listener.files_before_start, 0u);
  ASSERT_EQ(listener.notices.size(), 1u);
  EXPECT_THAT(listener.notices[0], HasSubstr("README.md: not checked"));
  EXPECT_TRUE(streamed.files.empty());
  std::vector<std::string> sorted = listener.paths;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(listener.paths, sorted);
  ASSERT_EQ(listener.paths.size(), 153u);  // the folder `a` walked once, though named twice
  EXPECT_THAT(listener.paths[0], HasSubstr("a-b/one.md"));
  EXPECT_THAT(listener.paths[2], HasSubstr("a/000-large.md"));
  EXPECT_EQ(streamed.files_checked, collected.files_checked);
  std::vector<std::string> collected_paths;
  for (const FileResult& file : collected.files) collected_paths.push_back(file.path);
  EXPECT_EQ(listener.paths, collected_paths);
  std::vector<std::string> collected_findings;
  for (const FileResult& file : collected.files) {
    for (const Diagnostic& d : file.diagnostics) collected_findings.push_back(finding_line(file, d));
  }
  EXPECT_EQ(listener.findings, collected_findings);
  EXPECT_GE(listener.findings.size(), 153u);
}

}  // namespace
}  // namespace medlint::testing
