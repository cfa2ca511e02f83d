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

// The description of a rule that is not in the recommended pack.
std::string other_rule_description(const std::string& rule) {
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
  const auto reader = reader_rules.find(rule);
  return reader != reader_rules.end() ? reader->second : "A rule of the project's own rule pack.";
}

// The document's rule list heads it but names every rule that occurs (the
// recommended pack, then user rules and reader findings as they occur), so
// results are spooled until the end of the run.
class SarifReporter final : public Reporter {
 public:
  SarifReporter() {
    for (const RuleDescription& rule : recommended_rules()) {
      rules_.push_back({rule.id, rule.summary, rule.severity, true});
    }
  }

  void begin(std::ostream&) override {}

  void file(const FileResult& file, std::ostream&) override {
    std::ostream& out = results_.stream();
    const std::vector<std::string> prints = fingerprints(file);
    for (std::size_t i = 0; i < file.diagnostics.size(); ++i) {
      const Diagnostic& d = file.diagnostics[i];
      out << (first_ ? "\n      " : ",\n      ");
      first_ = false;
      out << "{\"ruleId\": ";
      write_json_string(out, d.rule);
      out << ", \"ruleIndex\": " << rule_index(d) << ", \"level\": \"" << level(d.severity)
          << "\", \"message\": {\"text\": ";
      write_json_string(out, d.suggestion ? fmt::format("{}\nhelp: {}", d.message, *d.suggestion) : d.message);
      out << "}, \"locations\": [{\"physicalLocation\": {\"artifactLocation\": " << artifact_location(file.path)
          << ", \"region\": {\"startLine\": " << d.start.line << ", \"startColumn\": " << d.start.column
          << ", \"endLine\": " << d.end.line << ", \"endColumn\": " << d.end.column << "}}}]"
          << ", \"partialFingerprints\": {\"medlintFingerprint/v1\": \"" << prints[i] << "\"}}";
    }
  }

  void end(const LintRun& run, const Summary&, std::ostream& out) override {
    out << "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n"
        << "  \"runs\": [{\n    \"tool\": {\"driver\": {\"name\": \"medlint\", \"version\": ";
    write_json_string(out, version());
    out << ", \"informationUri\": \"" << MEDLINT_HOMEPAGE << "\", \"rules\": [";
    for (std::size_t i = 0; i < rules_.size(); ++i) {
      const RuleEntry& rule = rules_[i];
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
    results_.copy_to(out);
    out << (first_ ? "]" : "\n    ]") << ",\n    \"properties\": {\"configs\": [";
    for (std::size_t i = 0; i < run.configs.size(); ++i) {
      if (i) out << ", ";
      write_json_string(out, run.configs[i]);
    }
    out << "]}\n  }]\n}\n";
  }

 private:
  // The index of the finding's rule in the list, added when new.
  std::size_t rule_index(const Diagnostic& d) {
    const auto found = std::find_if(rules_.begin(), rules_.end(), [&](const RuleEntry& e) { return e.id == d.rule; });
    if (found != rules_.end()) return static_cast<std::size_t>(found - rules_.begin());
    rules_.push_back({d.rule, other_rule_description(d.rule), d.severity, false});
    return rules_.size() - 1;
  }

  std::vector<RuleEntry> rules_;
  Spool results_;
  bool first_ = true;  // no result written yet
};

}  // namespace

std::unique_ptr<Reporter> make_sarif_reporter(const ReportOptions&) { return std::make_unique<SarifReporter>(); }

}  // namespace medlint
