// A document's findings as the editor sees them: LSP diagnostics, hovers
// and code actions, computed from one lint of one version of its text.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "medlint/diagnostic.h"
#include "medlint/document.h"
#include "medlint/linter.h"
#include "medlint/source.h"
#include "server/json_rpc.h"
#include "server/text_positions.h"

namespace medlint::lsp {

// The rule id of a finding that stands for a configuration that cannot be
// loaded: the document shows why it has no other findings.
inline constexpr const char* kConfigErrorRule = "config-error";

// Commands the server carries out for its code actions.
inline constexpr const char* kOpenDocumentationCommand = "medlint.openRuleDocumentation";
inline constexpr const char* kShowOverrideHintCommand = "medlint.showOverrideHint";

struct Finding {
  Diagnostic diagnostic;
  TextRange range;
  std::optional<TextRange> fix_range;
};

// One lint of one version of a document.
struct LintedText {
  std::string uri;
  int version = 0;
  Format format = Format::Markdown;
  std::shared_ptr<const SourceFile> source;
  std::vector<Finding> findings;
};

// Lints a document's text as the file at `path` would be (its
// configuration, ignores and format); a configuration that cannot be
// loaded becomes one `config-error` finding.
LintedText lint_text(ConfigResolver& resolver, const std::filesystem::path& path, Format format, std::string uri,
                     int version, const std::string& text, const LintContext& context);

// textDocument/publishDiagnostics parameters.
json diagnostics_params(const LintedText& linted);

// textDocument/hover result at a position: every finding there, with its
// rule's summary (from `rules`) and why it fired; null when there is none.
json hover(const LintedText& linted, TextPosition position, const std::vector<RuleDescription>& rules);

struct EditSupport {
  // The client takes versioned edits (`documentChanges`): it refuses an
  // edit computed for a version it no longer has.
  bool document_changes = false;
};

// textDocument/codeAction result for the findings a range touches.
json code_actions(const LintedText& linted, TextRange range, EditSupport support);

}  // namespace medlint::lsp
