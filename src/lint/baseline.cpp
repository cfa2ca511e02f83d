#include "medlint/baseline.h"

#include <fmt/format.h>
#include <set>
#include <tuple>
#include <yaml-cpp/yaml.h>

#include "lint/filter_findings.h"
#include "medlint/fingerprint.h"
#include "medlint/report.h"
#include "report/json_writer.h"

namespace medlint {
namespace {

std::string normal_path(const std::string& path) {
  return std::filesystem::path(path).lexically_normal().generic_string();
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

void write_baseline(const LintRun& run, std::ostream& out) {
  std::set<Entry> entries;
  for (const FileResult& file : run.files) {
    const std::vector<std::string> prints = fingerprints(file);
    for (std::size_t i = 0; i < file.diagnostics.size(); ++i) {
      entries.insert({normal_path(file.path), file.diagnostics[i].rule, prints[i], file.diagnostics[i].message});
    }
  }
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
}

void apply_baseline(const std::filesystem::path& path, LintRun& run) {
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
  std::set<Entry> seen;
  std::set<std::string> linted;
  for (FileResult& file : run.files) {
    const std::string file_path = normal_path(file.path);
    linted.insert(file_path);
    const std::vector<std::string> prints = fingerprints(file);
    filter_findings(file, [&](std::size_t i) {
      const auto found = recorded.find(Entry{file_path, file.diagnostics[i].rule, prints[i], {}});
      if (found == recorded.end()) return true;
      seen.insert(*found);
      ++run.baseline_suppressed;
      return false;
    });
  }
  for (const Entry& entry : recorded) {
    if (linted.count(entry.path) && !seen.count(entry)) run.baseline_fixed.push_back({entry.path, entry.rule, entry.message});
  }
}

}  // namespace medlint
