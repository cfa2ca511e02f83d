// A finding: what a rule (or the reader) reports about a span of a file.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "medlint/source.h"

namespace medlint {

enum class Severity { Info, Warning, Error };

std::string_view to_string(Severity severity);
// Parses "info", "warning" (or "warn") or "error"; nullopt otherwise.
std::optional<Severity> parse_severity(std::string_view text);

// An edit that resolves a finding, when its rule knows the replacement
// (editors offer it as a quick fix).
struct Fix {
  std::string title;        // what the edit does, e.g. "Write the date as 2026-03-11"
  Span span;                // source bytes replaced (empty: an insertion)
  std::string replacement;
};

struct Diagnostic {
  std::string rule;      // rule id, e.g. "review-freshness"
  Severity severity = Severity::Error;
  Span span;             // byte span in the SourceFile
  Position start;        // resolved from span.begin
  Position end;          // resolved from span.end (exclusive column)
  std::string message;
  std::optional<std::string> suggestion;  // shown as `help:`; how to fix, or why
  std::optional<Fix> fix;
};

// Resolves start/end of a diagnostic from its span.
Diagnostic make_diagnostic(const SourceFile& source, std::string rule, Severity severity,
                           Span span, std::string message,
                           std::optional<std::string> suggestion = std::nullopt);

// Order used by every report: line, column, rule, then message.
bool diagnostic_less(const Diagnostic& a, const Diagnostic& b);

}  // namespace medlint
