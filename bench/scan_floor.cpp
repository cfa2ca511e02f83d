// The scan floor: the recommended pack's scanned patterns (every rule's
// scanned lexicons: trigger and wording lists, advice anchors, phrase
// targets), scanned as medlint scans them (one Hyperscan pass per file for
// the patterns, each match located by its RE2; the phrase tries), over the
// case-folded bytes of each file with nothing else: no parsing, no
// normalizing, no analysis. bench/run times it beside medlint and rg, so the gap between
// the floor and medlint is what parsing and analysis cost.
//   medlint_scan_floor [-j N] PATH...
// Prints the files, bytes and matches it saw.
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "core/parallel.h"
#include "rules/lexicon.h"
#include "rules/packs.h"
#include "rules/pattern_scan.h"

namespace fs = std::filesystem;

namespace medlint {
namespace {

std::vector<fs::path> articles(const std::vector<std::string>& paths) {
  std::vector<fs::path> files;
  const auto wanted = [](const fs::path& path) { return path.extension() == ".md" || path.extension() == ".txt"; };
  for (const std::string& path : paths) {
    if (!fs::is_directory(path)) {
      files.emplace_back(path);
      continue;
    }
    for (const auto& entry : fs::recursive_directory_iterator(path)) {
      if (entry.is_regular_file() && wanted(entry.path())) files.push_back(entry.path());
    }
  }
  return files;
}

std::string folded_contents(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  std::string text = std::move(bytes).str();
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
  }
  return text;
}

int run(int argc, char** argv) {
  std::size_t threads = std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    const std::string argument = argv[i];
    if (argument == "-j" && i + 1 < argc) {
      threads = static_cast<std::size_t>(std::max(1, std::atoi(argv[++i])));
    } else {
      paths.push_back(argument);
    }
  }
  if (paths.empty()) {
    std::fputs("usage: medlint_scan_floor [-j N] PATH...\n", stderr);
    return 2;
  }
  const std::vector<std::unique_ptr<Rule>> rules =
      build_pack_rules(load_shipped_pack(kRecommendedPack, "", YAML::Node()));
  std::vector<const Lexicon*> lexicons;
  for (const auto& rule : rules) {
    for (const Lexicon* lexicon : rule->scanned_lexicons()) lexicons.push_back(lexicon);
  }
  const std::shared_ptr<const PatternScan> scan = PatternScan::of(scanned_sets(rules));
  const std::vector<fs::path> files = articles(paths);
  std::atomic<std::size_t> bytes{0}, matches{0};
  run_in_parallel(files.size(), threads, [&](std::size_t i) {
    const std::string text = folded_contents(files[i]);
    std::size_t found = 0;
    const PatternHits hits = scan ? scan->scan(text) : PatternHits();
    for (const Lexicon* lexicon : lexicons) found += lexicon->find_all(text, {0, text.size()}, &hits).size();
    bytes += text.size();
    matches += found;
  });
  fmt::print("{} files, {} bytes, {} matches\n", files.size(), bytes.load(), matches.load());
  return 0;
}

}  // namespace
}  // namespace medlint

int main(int argc, char** argv) { return medlint::run(argc, argv); }
