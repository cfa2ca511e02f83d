// Helpers shared by the unit tests.
#pragma once
#include <filesystem>
#include <fmt/format.h>
#include <sys/wait.h>
#include <unistd.h>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>

#include "medlint/document.h"
#include "medlint/date.h"
#include "medlint/parse.h"

namespace medlint::testing {

inline std::filesystem::path source_dir() { return MEDLINT_SOURCE_DIR; }

// The shared workspace beside the project (seed article, corpus); absent on
// users' machines, so tests that need it skip.
inline std::optional<std::filesystem::path> shared_dir() {
  const auto dir = source_dir().parent_path() / "shared";
  if (std::filesystem::is_directory(dir)) return dir;
  return std::nullopt;
}

struct ShellResult {
  int exit_code = -1;
  std::string out;  // standard output and error, as the command redirects them
};

// Runs a shell command and collects its output and exit status.
inline ShellResult run_shell(const std::string& command) {
  ShellResult result;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return result;
  char buffer[4096];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) result.out.append(buffer, n);
  const int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline Document parse_text(std::string path, std::string text) {
  const auto format = format_for_path(path).value_or(Format::PlainText);
  return parse(std::make_shared<SourceFile>(std::move(path), std::move(text)), format);
}

// The prose of a block as rules see it (normalized, case kept).
inline std::string block_text(const Document& document, const Block& block) {
  return document.text().cased().substr(block.text.begin, block.text.size());
}

inline std::string source_text(const Document& document, Span span) {
  return std::string(document.source().slice(span));
}

// Each prose block as "kind level: text", in order.
inline std::vector<std::string> prose_blocks(const Document& document) {
  std::vector<std::string> result;
  for (const Block& block : document.blocks) {
    if (is_prose(block.kind)) result.push_back(std::string(to_string(block.kind)) + " " + std::to_string(block.level) + ": " + block_text(document, block));
  }
  return result;
}

}  // namespace medlint::testing
