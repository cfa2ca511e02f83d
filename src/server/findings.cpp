#include "server/findings.h"

#include <algorithm>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <set>

#include "lint/targets.h"
#include "medlint/parse.h"

namespace medlint::lsp {
namespace {

json to_json(TextPosition position) { return {{"line", position.line}, {"character", position.character}}; }
json to_json(TextRange range) { return {{"start", to_json(range.start)}, {"end", to_json(range.end)}}; }

int lsp_severity(Severity severity) {
  switch (severity) {
    case Severity::Error: return 1;
    case Severity::Warning: return 2;
    case Severity::Info: return 3;
  }
  return 1;
}

json diagnostic_json(const Finding& finding) {
  const Diagnostic& d = finding.diagnostic;
  json diagnostic = {{"range", to_json(finding.range)},
                     {"severity", lsp_severity(d.severity)},
                     {"code", d.rule},
                     {"source", "medlint"},
                     // The help text is what decided the finding (the cue
                     // that endorsed, the wording that is missing): editors
                     // show only the message.
                     {"message", d.suggestion ? fmt::format("{}\nhelp: {}", d.message, *d.suggestion) : d.message}};
  if (const auto url = rule_documentation_url(d.rule)) diagnostic["codeDescription"] = {{"href", *url}};
  return diagnostic;
}

// Whether two ranges share a position; an empty range touches its ends.
bool touches(TextRange a, TextRange b) { return a.start <= b.end && b.start <= a.end; }

json text_edit(TextRange range, std::string new_text) {
  return {{"range", to_json(range)}, {"newText", std::move(new_text)}};
}

json workspace_edit(const LintedText& linted, json edit, EditSupport support) {
  if (support.document_changes) {
    return {{"documentChanges",
             json::array({{{"textDocument", {{"uri", linted.uri}, {"version", linted.version}}},
                           {"edits", json::array({std::move(edit)})}}})}};
  }
  return {{"changes", {{linted.uri, json::array({std::move(edit)})}}}};
}

json command_action(const std::string& title, const Finding& finding, const char* command, json arguments) {
  return {{"title", title},
          {"kind", "quickfix"},
          {"diagnostics", json::array({diagnostic_json(finding)})},
          {"command", {{"title", title}, {"command", command}, {"arguments", std::move(arguments)}}}};
}

json edit_action(const std::string& title, const LintedText& linted, const Finding& finding, json edit,
                 EditSupport support) {
  return {{"title", title},
          {"kind", "quickfix"},
          {"diagnostics", json::array({diagnostic_json(finding)})},
          {"edit", workspace_edit(linted, std::move(edit), support)}};
}

// How a Markdown, MDX or HTML article turns one rule off around one
// finding: a comment on the line before, or (for findings inside the front matter,
// where a comment would break the YAML or TOML) the front matter's own
// `medlint` key in its language, unless it already has one to extend by hand.
std::optional<json> markdown_suppression(const LintedText& linted, const Finding& finding, EditSupport support) {
  const SourceFile& source = *linted.source;
  const std::string& rule = finding.diagnostic.rule;
  const LineIndex lines(source.text());
  if (const auto front_matter = find_front_matter(source);
      front_matter && finding.diagnostic.span.begin < front_matter->closing_fence.end) {
    if (front_matter_has_key(source, *front_matter, "medlint")) return std::nullopt;
    if (front_matter->language == FrontMatterLanguage::Toml) {
      // At the top, before any [table] header that would claim the key.
      const TextPosition top = lines.position(front_matter->content.begin);
      return edit_action(fmt::format("Disable {} for this article (front matter)", rule), linted, finding,
                         text_edit({top, top}, fmt::format("medlint = {{disable = [\"{}\"]}}\n", rule)), support);
    }
    const TextPosition fence = lines.position(front_matter->closing_fence.begin);
    return edit_action(fmt::format("Disable {} for this article (front matter)", rule), linted, finding,
                       text_edit({fence, fence}, fmt::format("medlint: {{disable: [{}]}}\n", rule)), support);
  }
  const TextPosition line_start{finding.range.start.line, 0};
  const std::size_t begin = lines.offset(line_start);
  const std::string_view line = source.text().substr(begin);
  const std::string_view indent = line.substr(0, line.find_first_not_of(" \t"));
  const std::size_t line_end = line.find_first_of("\r\n");
  const bool crlf = line_end != std::string_view::npos && line.substr(line_end).starts_with("\r\n");
  return edit_action(fmt::format("Suppress {} on this line", rule), linted, finding,
                     text_edit({line_start, line_start},
                               fmt::format("{}<!-- medlint-disable-next-line {} -->{}", indent, rule, crlf ? "\r\n" : "\n")),
                     support);
}

// Whether the workspace's configuration counts the file as an article, as
// a walk of its folder would (`ignore`, `include`, no README or
// node_modules). A buffer whose extension is no article's is read as the
// editor's language says.
bool is_article(ConfigResolver& resolver, const std::filesystem::path& path) {
  if (resolver.ignored(path)) return false;
  const std::optional<bool> included = resolver.included(path);
  if (!included && !format_for_path(path.filename().string())) return true;
  return !not_an_article(path, included);
}

}  // namespace

LintedText lint_text(ConfigResolver& resolver, const std::filesystem::path& path, Format format, std::string uri,
                     int version, const std::string& text, const LintContext& context) {
  LintedText linted{std::move(uri), version, format, std::make_shared<SourceFile>(path.string(), text), {}};
  std::vector<Diagnostic> diagnostics;
  try {
    if (is_article(resolver, path)) {
      diagnostics = resolver.linter_for(path)->lint(parse(linted.source, format, resolver.reader_options_for(path)), context);
    }
  } catch (const ConfigError& error) {
    diagnostics.push_back(make_diagnostic(*linted.source, kConfigErrorRule, Severity::Error, {0, 0},
                                          fmt::format("configuration error: {}", error.what()),
                                          "fix the configuration; this article's findings return once it loads"));
  }
  const LineIndex lines(linted.source->text());
  for (Diagnostic& diagnostic : diagnostics) {
    Finding finding{std::move(diagnostic), {}, std::nullopt};
    finding.range = {lines.position(finding.diagnostic.span.begin), lines.position(finding.diagnostic.span.end)};
    if (const auto& fix = finding.diagnostic.fix) {
      finding.fix_range = TextRange{lines.position(fix->span.begin), lines.position(fix->span.end)};
    }
    linted.findings.push_back(std::move(finding));
  }
  return linted;
}

json diagnostics_params(const LintedText& linted) {
  json diagnostics = json::array();
  for (const Finding& finding : linted.findings) diagnostics.push_back(diagnostic_json(finding));
  return {{"uri", linted.uri}, {"version", linted.version}, {"diagnostics", std::move(diagnostics)}};
}

json hover(const LintedText& linted, TextPosition position, const std::vector<RuleDescription>& rules) {
  std::vector<std::string> parts;
  std::optional<TextRange> covered;
  for (const Finding& finding : linted.findings) {
    if (!touches(finding.range, {position, position})) continue;
    const Diagnostic& d = finding.diagnostic;
    const auto rule = std::find_if(rules.begin(), rules.end(), [&](const RuleDescription& r) { return r.id == d.rule; });
    std::string part = fmt::format("**{}** ({})", d.rule, to_string(d.severity));
    if (rule != rules.end()) part += fmt::format(": {}", rule->summary);
    part += fmt::format("\n\n{}", d.message);
    if (d.suggestion) part += fmt::format("\n\n*Why, and what to do:* {}", *d.suggestion);
    if (const auto url = rule_documentation_url(d.rule)) part += fmt::format("\n\n[Rule documentation]({})", url.value());
    parts.push_back(std::move(part));
    covered = covered ? TextRange{std::min(covered->start, finding.range.start), std::max(covered->end, finding.range.end)}
                      : finding.range;
  }
  if (parts.empty()) return nullptr;
  return {{"contents", {{"kind", "markdown"}, {"value", fmt::format("{}", fmt::join(parts, "\n\n---\n\n"))}}},
          {"range", to_json(*covered)}};
}

json code_actions(const LintedText& linted, TextRange range, EditSupport support) {
  json actions = json::array();
  std::set<std::string> titles;  // two findings of one rule on a line need one suppression
  const auto add = [&](json action) {
    if (titles.insert(action["title"].get<std::string>()).second) actions.push_back(std::move(action));
  };
  for (const Finding& finding : linted.findings) {
    if (!touches(finding.range, range)) continue;
    const Diagnostic& d = finding.diagnostic;
    if (d.fix && finding.fix_range) {
      json action = edit_action(d.fix->title, linted, finding, text_edit(*finding.fix_range, d.fix->replacement), support);
      action["isPreferred"] = true;
      add(std::move(action));
    }
    if (d.rule != kConfigErrorRule) {
      if (linted.format != Format::PlainText) {
        if (auto action = markdown_suppression(linted, finding, support)) add(std::move(*action));
      } else {
        // Plain-text exports have no comments: the configuration's
        // `overrides` turn a rule off for a file.
        const std::string file = std::filesystem::path(linted.source->path()).filename().string();
        add(command_action(fmt::format("Turn {} off for {} in .medlint.yaml…", d.rule, file), finding,
                           kShowOverrideHintCommand, json::array({d.rule, file})));
      }
    }
    if (const auto url = rule_documentation_url(d.rule)) {
      add(command_action(fmt::format("Open the documentation of {}", d.rule), finding, kOpenDocumentationCommand,
                         json::array({*url})));
    }
  }
  return actions;
}

}  // namespace medlint::lsp
