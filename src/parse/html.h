// HTML read with gumbo (Google's HTML5 parser, as browsers parse it): whole
// pages, and HTML blocks inside Markdown.
#pragma once
#include "medlint/document.h"
#include "parse/document_builder.h"

namespace medlint {

struct HtmlReading {
  // Whether the region lies under a "References" heading already (an HTML
  // list below a Markdown heading): its items are references.
  bool in_references = false;
  // Whether HTML comments become Document::comments (a Markdown reader
  // collects them itself).
  bool keep_comments = false;
};

// Reads the HTML in `region` of the document's source into blocks:
// headings, paragraphs, list items, table cells and quotes with their text
// at its exact source bytes (entities decoded, white space runs read as one
// space); scripts, styles and navigation become non-prose blocks; links are
// kept, as are review lines, bylines and reference lists.
void read_html(Document& document, DocumentBuilder& builder, Span region, const HtmlReading& reading);

// Whether an element's `style` keeps it from being displayed
// (`display: none`, `visibility: hidden`): a reader never sees its text.
bool style_hides(std::string_view style);

}  // namespace medlint
