// Recognizers for the metadata lines both formats carry in their body:
// review, update and publication lines ("Medically Reviewed on 11/11/2021"),
// bylines, and reference entries and labels.
#pragma once
#include <optional>
#include <string_view>
#include <vector>

#include "medlint/document.h"

namespace medlint {

struct DateLine {
  DateMention::Kind kind = DateMention::Kind::Reviewed;
  std::string_view label;     // "Medically Reviewed on"
  std::string_view date;      // the date as written; empty when the line names only a reviewer
  std::string_view reviewer;  // "Jane Doe, MD"; may be empty
};

// Recognizes a whole line (or short paragraph) that states review, update,
// publication or next-review dates: usually one, sometimes several
// ("Page last reviewed: 15 March 2026 Next review due: 15 March 2029").
// Empty when the line is not such a line. The views point into `line`.
std::vector<DateLine> recognize_date_lines(std::string_view line);

// A label alone on its line whose value is on the next line
// ("Medically reviewed by" then the name, "Updated:" then the date).
struct DateLabel {
  DateMention::Kind kind = DateMention::Kind::Reviewed;
  std::string_view label;
  bool names_person = false;  // the next line is a reviewer's name, not a date
};
std::optional<DateLabel> recognize_date_label(std::string_view line);

// Records a recognized line's date (as a DateMention) and reviewer in the
// document's metadata. `text` is the line as found at source offset `offset`;
// the line's views point into it.
void record_date_line(Document& document, const DateLine& line, std::string_view text, std::size_t offset);

// An author byline ("By Jane Doe, MD", "Written by Jane Doe"): the name, a
// view into `line`.
std::optional<std::string_view> recognize_byline(std::string_view line);

// Fills url, doi, pmid and year of a reference from its text.
void read_reference_fields(Reference& reference);

// Whether a heading names a reference list ("References", "Sources"...).
bool is_reference_heading(std::string_view heading);

// A reference label that starts a line or paragraph ("Sources:",
// "**References**", "Further reading:"): the length of the label with its
// markup, colon and following space, or 0.
std::size_t reference_label_length(std::string_view line);

// Keeps a link in the prose as a citation link when it points to a citable
// record (PubMed, PubMed Central, a DOI).
void record_citation_link(Document& document, const Link& link);

}  // namespace medlint
