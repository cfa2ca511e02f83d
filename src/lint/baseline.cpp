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

struct BaselineRecorder::Entries {
  std::set<Entry> entries;
};

BaselineRecorder::BaselineRecorder(fs::path path)
    : path_(std::move(path)), root_(baseline_root(path_)), entries_(std::make_unique<Entries>()) {}

BaselineRecorder::~BaselineRecorder() = default;

void BaselineRecorder::add(const FileResult& file) {
  const std::string recorded_path = path_from_root(file.path, root_);
  const std::vector<std::string> prints = fingerprints(file, recorded_path);
  for (std::size_t i = 0; i < file.diagnostics.size(); ++i) {
    entries_->entries.insert({recorded_path, file.diagnostics[i].rule, prints[i], file.diagnostics[i].message});
  }
}

void BaselineRecorder::write() const {
  std::ostringstream out;
  out << "{\"medlint_baseline\": 1, \"version\": ";
  write_json_string(out, version());
  out << ", \"findings\": [";
  bool first = true;
  for (const Entry& entry : entries_->entries) {
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
    write_file_atomically(path_, out.str());
  } catch (const fs::filesystem_error& error) {
    throw UsageError(fmt::format("cannot write \"{}\": {}", path_.string(), error.code().message()));
  }
}

struct BaselineFilter::State {
  fs::path root;
  std::set<Entry> recorded;
  std::set<std::string> recorded_paths;
  std::set<Entry> seen;
  std::set<std::string> linted;  // of the recorded paths, those filtered
};

BaselineFilter::BaselineFilter(const fs::path& path) : state_(std::make_unique<State>()) {
  try {
    const YAML::Node root = YAML::LoadFile(path.string());
    for (const auto& item : root["findings"]) {
      state_->recorded.insert({item["path"].as<std::string>(), item["rule"].as<std::string>(),
                               item["fingerprint"].as<std::string>(), item["message"].as<std::string>("")});
    }
  } catch (const YAML::Exception& error) {
    throw UsageError(fmt::format("cannot read baseline \"{}\": {}", path.string(), error.what()));
  }
  state_->root = baseline_root(path);
  for (const Entry& entry : state_->recorded) state_->recorded_paths.insert(entry.path);
}

BaselineFilter::BaselineFilter(BaselineFilter&&) noexcept = default;
BaselineFilter::~BaselineFilter() = default;

int BaselineFilter::filter(FileResult& file) {
  const std::string file_path = path_from_root(file.path, state_->root);
  if (!state_->recorded_paths.count(file_path)) return 0;
  state_->linted.insert(file_path);
  const std::vector<std::string> prints = fingerprints(file, file_path);
  int suppressed = 0;
  filter_findings(file, [&](std::size_t i) {
    const auto found = state_->recorded.find(Entry{file_path, file.diagnostics[i].rule, prints[i], {}});
    if (found == state_->recorded.end()) return true;
    state_->seen.insert(*found);
    ++suppressed;
    return false;
  });
  return suppressed;
}

std::vector<FixedFinding> BaselineFilter::fixed() const {
  std::vector<FixedFinding> fixed;
  std::error_code error;
  for (const Entry& entry : state_->recorded) {
    if (state_->seen.count(entry)) continue;
    if (state_->linted.count(entry.path) || !fs::exists(state_->root / entry.path, error)) {
      fixed.push_back({entry.path, entry.rule, entry.message});
    }
  }
  return fixed;
}

}  // namespace medlint
