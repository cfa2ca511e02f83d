#include "medlint/diagnostic.h"

#include <tuple>

namespace medlint {

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::Info: return "info";
    case Severity::Warning: return "warning";
    case Severity::Error: return "error";
  }
  return "error";
}

std::optional<Severity> parse_severity(std::string_view text) {
  if (text == "info") return Severity::Info;
  if (text == "warning" || text == "warn") return Severity::Warning;
  if (text == "error") return Severity::Error;
  return std::nullopt;
}

Diagnostic make_diagnostic(const SourceFile& source, std::string rule, Severity severity, Span span,
                           std::string message, std::optional<std::string> suggestion) {
  Diagnostic diagnostic;
  diagnostic.rule = std::move(rule);
  diagnostic.severity = severity;
  diagnostic.span = span;
  diagnostic.start = source.position(span.begin);
  diagnostic.end = source.position(span.end);
  diagnostic.message = std::move(message);
  diagnostic.suggestion = std::move(suggestion);
  return diagnostic;
}

bool diagnostic_less(const Diagnostic& a, const Diagnostic& b) {
  return std::tie(a.start, a.rule, a.message) < std::tie(b.start, b.rule, b.message);
}

}  // namespace medlint
