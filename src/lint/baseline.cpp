#include "medlint/baseline.h"

#include <fmt/format.h>
#include <fstream>
#include <set>
#include <sstream>
#include <tuple>
#include <yaml-cpp/yaml.h>

#include "core/atomic_write.h"
#include "lint/filter_findings.h"
#include "medlint/fingerprint.h"
#include "medlint/report.h"
#include "report/json_writer.h"

namespace medlint {
namespace {

namespace fs = std::filesystem;

// The folder baseline paths are relative to: the repository holding the
// baseline file, else its folder.
fs::path baseline_root(const fs::path& baseline) {
  const fs::path folder = fs::absolute(baseline).parent_path().lexically_normal();
  std::error_code error;
  for (fs::path dir = folder;; dir = dir.parent_path()) {
    if (fs::exists(dir / ".git", error)) return dir;
    if (!dir.has_parent_path() || dir.parent_path() == dir) return folder;
  }
}

// A linted file's path as a baseline records it.
std::string path_from_root(const std::string& path, const fs::path& root) {
  return (fs::absolute(path).lexically_normal()).lexically_relative(root).generic_string();
}

struct Entry {
  std::string path;
  std::string rule;
  std::string fingerprint;
  std::string message;
  friend bool operator<(const Entry& a, const Entry& b) {
    return std::tie(a.path, a.fingerprint, a.rule) < std::tie(b.path, b.fingerprint, b.rule);
  }
};

}  // namespace

void write_baseline(const LintRun& run, const fs::path& path) {
  const fs::path root = baseline_root(path);
  std::set<Entry> entries;
  for (const FileResult& file : run.files) {
    const std::string recorded_path = path_from_root(file.path, root);
    const std::vector<std::string> prints = fingerprints(file, recorded_path);
    for (std::size_t i = 0; i < file.diagnostics.size(); ++i) {
      entries.insert({recorded_path, file.diagnostics[i].rule, prints[i], file.diagnostics[i].message});
    }
  }
  std::ostringstream out;
  out << "{\"medlint_baseline\": 1, \"version\": ";
  write_json_string(out, version());
  out << ", \"findings\": [";
  bool first = true;
  for (const Entry& entry : entries) {
    out << (first ? "\n  " : ",\n  ") << "{\"path\": ";
    first = false;
    write_json_string(out, entry.path);
    out << ", \"rule\": ";
    write_json_string(out, entry.rule);
    out << ", \"fingerprint\": \"" << entry.fingerprint << "\", \"message\": ";
    write_json_string(out, entry.message);
    out << "}";
  }
  out << (first ? "]}\n" : "\n]}\n");
  try {
    write_file_atomically(path, out.str());
  } catch (const fs::filesystem_error& error) {
    throw UsageError(fmt::format("cannot write \"{}\": {}", path.string(), error.code().message()));
  }
}

void apply_baseline(const fs::path& path, LintRun& run, const std::function<bool(const FileResult&)>& applies) {
  std::set<Entry> recorded;
  try {
    const YAML::Node root = YAML::LoadFile(path.string());
    for (const auto& item : root["findings"]) {
      recorded.insert({item["path"].as<std::string>(), item["rule"].as<std::string>(),
                       item["fingerprint"].as<std::string>(), item["message"].as<std::string>("")});
    }
  } catch (const YAML::Exception& error) {
    throw UsageError(fmt::format("cannot read baseline \"{}\": {}", path.string(), error.what()));
  }
  const fs::path root = baseline_root(path);
  std::set<Entry> seen;
  std::set<std::string> linted;
  for (FileResult& file : run.files) {
    if (applies && !applies(file)) continue;
    const std::string file_path = path_from_root(file.path, root);
    linted.insert(file_path);
    const std::vector<std::string> prints = fingerprints(file, file_path);
    filter_findings(file, [&](std::size_t i) {
      const auto found = recorded.find(Entry{file_path, file.diagnostics[i].rule, prints[i], {}});
      if (found == recorded.end()) return true;
      seen.insert(*found);
      ++run.baseline_suppressed;
      return false;
    });
  }
  std::error_code error;
  for (const Entry& entry : recorded) {
    if (seen.count(entry)) continue;
    if (linted.count(entry.path) || !fs::exists(root / entry.path, error)) {
      run.baseline_fixed.push_back({entry.path, entry.rule, entry.message});
    }
  }
}

}  // namespace medlint
