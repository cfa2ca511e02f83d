// YAML front matter of Markdown articles: the metadata block between "---"
// lines at the top of the file, read with yaml-cpp.
#pragma once
#include "medlint/document.h"
#include "parse/document_builder.h"

namespace medlint {

// Reads the front matter at the top of the document's source, if any, into
// Document::meta (title and summary also become blocks). Malformed front
// matter becomes a problem at its line and column. Returns the byte offset
// where the Markdown body starts.
std::size_t read_front_matter(Document& document, DocumentBuilder& builder);

}  // namespace medlint
