// --format sarif: SARIF 2.1.0, for GitHub code scanning and other tools.
#include <algorithm>
#include <fmt/format.h>
#include <map>

#include "medlint/fingerprint.h"
#include "report/json_writer.h"
#include "report/reporters.h"

namespace medlint {
namespace {

std::string_view level(Severity severity) {
  switch (severity) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info: return "note";
  }
  return "error";
}

// A relative path as a URI reference: bytes outside the unreserved set
// (and '/') are percent-encoded.
std::string to_uri(std::string_view path) {
  std::string uri;
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      uri.push_back(static_cast<char>(c));
    } else {
      uri += fmt::format("%{:02X}", c);
    }
  }
  return uri;
}

// An artifact location: an absolute path as a file:// URI, a relative one
// relative to the checkout (`%SRCROOT%`, which code scanning resolves).
std::string artifact_location(const std::string& path) {
  if (!path.empty() && path[0] == '/') return fmt::format("{{\"uri\": \"file://{}\"}}", to_uri(path));
  return fmt::format("{{\"uri\": \"{}\", \"uriBaseId\": \"%SRCROOT%\"}}", to_uri(path));
}

struct RuleEntry {
  std::string id;
  std::string description;
  Severity severity;
  bool documented;  // has a page under docs/rules/
};

// The rules to describe: the recommended pack, plus any other id that
// occurs (user rules, reader findings).
std::vector<RuleEntry> rule_entries(const LintRun& run) {
  static const std::map<std::string, std::string, std::less<>> reader_rules = {
      {"invalid-utf8", "The file contains bytes that are not valid UTF-8."},
      {"empty-file", "The file is empty."},
      {"nul-byte", "The file contains NUL bytes; the rest was checked."},
      {"file-too-large", "The file is over the size limit and was skipped."},
      {"front-matter", "The YAML front matter cannot be read."},
      {"io-error", "A path is missing or unreadable."},
      {"unused-disable", "A suppression comment suppresses nothing."},
      {"suppression", "A suppression comment or front-matter disable hides findings."},
      {"new-suppression", "The change adds a suppression that hides findings."},
      {"config-weakened", "The change weakens the configuration that applies to articles."}};
  std::vector<RuleEntry> entries;
  for (const RuleDescription& rule : recommended_rules()) {
    entries.push_back({rule.id, rule.summary, rule.severity, true});
  }
  for (const FileResult& file : run.files) {
    for (const Diagnostic& d : file.diagnostics) {
      if (std::any_of(entries.begin(), entries.end(), [&](const RuleEntry& e) { return e.id == d.rule; })) continue;
      const auto reader = reader_rules.find(d.rule);
      entries.push_back({d.rule, reader != reader_rules.end() ? reader->second : "A rule of the project's own rule pack.",
                         d.severity, false});
    }
  }
  return entries;
}

class SarifReporter final : public Reporter {
 public:
  void report(const LintRun& run, const Summary&, std::ostream& out) const override {
    const std::vector<RuleEntry> rules = rule_entries(run);
    out << "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n"
        << "  \"runs\": [{\n    \"tool\": {\"driver\": {\"name\": \"medlint\", \"version\": ";
    write_json_string(out, version());
    out << ", \"informationUri\": \"" << MEDLINT_HOMEPAGE << "\", \"rules\": [";
    for (std::size_t i = 0; i < rules.size(); ++i) {
      const RuleEntry& rule = rules[i];
      out << (i ? ",\n      " : "\n      ") << "{\"id\": ";
      write_json_string(out, rule.id);
      out << ", \"shortDescription\": {\"text\": ";
      write_json_string(out, rule.description);
      out << "}, \"fullDescription\": {\"text\": ";
      write_json_string(out, rule.description);
      out << "}, \"defaultConfiguration\": {\"level\": \"" << level(rule.severity) << "\"}";
      if (const auto url = rule.documented ? rule_documentation_url(rule.id) : std::nullopt) {
        out << ", \"helpUri\": ";
        write_json_string(out, *url);
      }
      out << "}";
    }
    out << "]}},\n    \"columnKind\": \"unicodeCodePoints\",\n    \"results\": [";
    bool first = true;
    for (const FileResult& file : run.files) {
      const std::vector<std::string> prints = fingerprints(file);
      for (std::size_t i = 0; i < file.diagnostics.size(); ++i) {
        const Diagnostic& d = file.diagnostics[i];
        const auto index = std::find_if(rules.begin(), rules.end(), [&](const RuleEntry& e) { return e.id == d.rule; }) -
                           rules.begin();
        out << (first ? "\n      " : ",\n      ");
        first = false;
        out << "{\"ruleId\": ";
        write_json_string(out, d.rule);
        out << ", \"ruleIndex\": " << index << ", \"level\": \"" << level(d.severity) << "\", \"message\": {\"text\": ";
        write_json_string(out, d.suggestion ? fmt::format("{}\nhelp: {}", d.message, *d.suggestion) : d.message);
        out << "}, \"locations\": [{\"physicalLocation\": {\"artifactLocation\": " << artifact_location(file.path)
            << ", \"region\": {\"startLine\": " << d.start.line << ", \"startColumn\": " << d.start.column
            << ", \"endLine\": " << d.end.line << ", \"endColumn\": " << d.end.column << "}}}]"
            << ", \"partialFingerprints\": {\"medlintFingerprint/v1\": \"" << prints[i] << "\"}}";
      }
    }
    out << (first ? "]" : "\n    ]") << ",\n    \"properties\": {\"configs\": [";
    for (std::size_t i = 0; i < run.configs.size(); ++i) {
      if (i) out << ", ";
      write_json_string(out, run.configs[i]);
    }
    out << "]}\n  }]\n}\n";
  }
};

}  // namespace

std::unique_ptr<Reporter> make_sarif_reporter(const ReportOptions&) { return std::make_unique<SarifReporter>(); }

}  // namespace medlint
