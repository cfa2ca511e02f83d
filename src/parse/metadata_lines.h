// Recognizers for the metadata lines both formats carry in their body:
// review lines ("Medically Reviewed on 11/11/2021") and reference entries.
#pragma once
#include <optional>
#include <string_view>

#include "medlint/document.h"

namespace medlint {

struct DateLine {
  DateMention::Kind kind = DateMention::Kind::Reviewed;
  std::string_view label;     // "Medically Reviewed on"
  std::string_view date;      // the date as written; empty when the line names only a reviewer
  std::string_view reviewer;  // "Jane Doe, MD"; may be empty
};

// Recognizes a whole line (or short paragraph) that states a review, update
// or next-review date. The views point into `line`.
std::optional<DateLine> recognize_date_line(std::string_view line);

// Records a recognized line's date (as a DateMention) and reviewer in the
// document's metadata. `text` is the line as found at source offset `offset`;
// the line's views point into it.
void record_date_line(Document& document, const DateLine& line, std::string_view text, std::size_t offset);

// Fills url, doi, pmid and year of a reference from its text.
void read_reference_fields(Reference& reference);

// Whether a heading names a reference list ("References", "Sources"...).
bool is_reference_heading(std::string_view heading);

}  // namespace medlint
