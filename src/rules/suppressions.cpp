#include "rules/suppressions.h"

#include <fmt/format.h>
#include <re2/re2.h>

#include "core/closest.h"

namespace medlint {
namespace {

struct Directive {
  enum class Type { Disable, Enable, DisableNextLine, DisableLine, FrontMatter };
  Type type;
  std::vector<std::string> rules;  // empty: every rule
  Span span;
  int line = 0;  // line the directive applies to, for the line forms
  std::vector<int> used;  // findings hidden, per rule (or one entry for "every rule")
};

std::vector<Directive> read_directives(const Document& document) {
  // `medlint-disable self-treatment, citations-present -- reason`
  static const RE2 pattern(R"(^medlint-(disable-next-line|disable-line|disable|enable)(?:\s+([^-][^\n]*?))?\s*(?:--.*)?$)");
  std::vector<Directive> directives;
  for (const Comment& comment : document.comments) {
    std::string type;
    std::string list;
    if (!RE2::FullMatch(comment.text, pattern, &type, &list)) continue;
    Directive directive;
    directive.type = type == "disable-next-line" ? Directive::Type::DisableNextLine
                     : type == "disable-line"    ? Directive::Type::DisableLine
                     : type == "disable"         ? Directive::Type::Disable
                                                 : Directive::Type::Enable;
    directive.span = comment.span;
    const int line = document.position(comment.span.end).line;
    directive.line = directive.type == Directive::Type::DisableNextLine ? line + 1 : line;
    for (std::size_t at = 0; at < list.size();) {
      const std::size_t end = list.find_first_of(", \t", at);
      const std::string rule = list.substr(at, end == std::string::npos ? std::string::npos : end - at);
      if (!rule.empty()) directive.rules.push_back(rule);
      if (end == std::string::npos) break;
      at = end + 1;
    }
    directives.push_back(std::move(directive));
  }
  for (const Field& rule : document.meta.disabled_rules) {
    directives.push_back({Directive::Type::FrontMatter, {rule.value}, rule.span, 0, {}});
  }
  for (Directive& directive : directives) directive.used.assign(std::max<std::size_t>(directive.rules.size(), 1), 0);
  return directives;
}

// Index of the directive's entry that names `rule`, or -1.
int entry_for(const Directive& directive, const std::string& rule) {
  if (directive.rules.empty()) return 0;
  for (std::size_t i = 0; i < directive.rules.size(); ++i) {
    if (directive.rules[i] == rule) return static_cast<int>(i);
  }
  return -1;
}

// Marks and returns whether some directive covers the finding.
bool suppress(std::vector<Directive>& directives, const Diagnostic& finding) {
  Directive* region = nullptr;  // the last disable/enable before the finding that names its rule
  for (Directive& directive : directives) {
    const int entry = entry_for(directive, finding.rule);
    if (entry < 0) continue;
    switch (directive.type) {
      case Directive::Type::FrontMatter:
        ++directive.used[static_cast<std::size_t>(entry)];
        return true;
      case Directive::Type::DisableNextLine:
      case Directive::Type::DisableLine:
        if (directive.line == finding.start.line) {
          ++directive.used[static_cast<std::size_t>(entry)];
          return true;
        }
        break;
      case Directive::Type::Disable:
      case Directive::Type::Enable:
        if (directive.span.end <= finding.span.begin) region = &directive;
        break;
    }
  }
  if (region && region->type == Directive::Type::Disable) {
    ++region->used[static_cast<std::size_t>(entry_for(*region, finding.rule))];
    return true;
  }
  return false;
}

}  // namespace

std::vector<Diagnostic> apply_suppressions(const Document& document, std::vector<Diagnostic> findings,
                                           const std::vector<std::string_view>& rule_ids, bool report_unused,
                                           bool report_used) {
  std::vector<Directive> directives = read_directives(document);
  if (directives.empty()) return findings;
  const auto is_problem = [&](const Diagnostic& finding) {
    return std::any_of(document.problems.begin(), document.problems.end(),
                       [&](const Diagnostic& problem) { return problem.rule == finding.rule; });
  };
  std::vector<Diagnostic> kept;
  for (Diagnostic& finding : findings) {
    if (is_problem(finding) || !suppress(directives, finding)) kept.push_back(std::move(finding));
  }
  for (const Directive& directive : directives) {
    if (directive.type == Directive::Type::Enable) continue;
    for (std::size_t i = 0; i < directive.used.size(); ++i) {
      const std::string what = directive.rules.empty() ? "this suppression" : fmt::format("the suppression of `{}`", directive.rules[i]);
      const int hidden = directive.used[i];
      if (hidden == 0 && report_unused) {
        const bool unknown = !directive.rules.empty() &&
                             std::find(rule_ids.begin(), rule_ids.end(), directive.rules[i]) == rule_ids.end();
        kept.push_back(make_diagnostic(
            document.source(), "unused-disable", Severity::Warning, directive.span,
            fmt::format("{} suppresses nothing{}", what,
                        unknown ? fmt::format(": no rule is named `{}`{}", directive.rules[i],
                                              did_you_mean(directive.rules[i], rule_ids))
                                : std::string()),
            "remove it"));
      } else if (hidden > 0 && report_used) {
        kept.push_back(make_diagnostic(document.source(), kSuppressionRule, Severity::Info, directive.span,
                                       fmt::format("{} hides {} finding{}", what, hidden, hidden == 1 ? "" : "s"),
                                       "`--no-inline-config` reports what it hides"));
      }
    }
  }
  return kept;
}

}  // namespace medlint
