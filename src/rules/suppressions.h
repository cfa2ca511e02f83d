// Suppression comments in Markdown (`<!-- medlint-disable RULE -->` and
// kin) and front matter `medlint: {disable: [RULE]}`.
#pragma once
#include <string_view>
#include <vector>

#include "medlint/diagnostic.h"
#include "medlint/document.h"

namespace medlint {

// The rule id of the findings that list suppressions in use.
inline constexpr const char* kSuppressionRule = "suppression";

// Removes the findings that the document's suppressions cover. With
// `report_unused`, adds an `unused-disable` warning for each suppression
// that covered nothing (suggesting the nearest of `rule_ids` for a name no
// rule has); with `report_used`, a `suppression` info at each suppression
// that hid something. Findings about the input itself (rule ids of
// Document::problems) are never suppressed.
std::vector<Diagnostic> apply_suppressions(const Document& document, std::vector<Diagnostic> findings,
                                           const std::vector<std::string_view>& rule_ids, bool report_unused,
                                           bool report_used);

}  // namespace medlint
