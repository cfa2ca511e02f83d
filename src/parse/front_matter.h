// Front matter of Markdown and MDX articles: YAML between "---" lines (read
// with yaml-cpp) or TOML between "+++" lines (read with toml++), at the top
// of the file.
#pragma once
#include "medlint/document.h"
#include "medlint/parse.h"
#include "parse/document_builder.h"

namespace medlint {

// Reads the front matter at the top of the document's source, if any, into
// Document::meta (title and summary also become blocks), looking for each
// field under the configured keys first, then the common ones
// (docs/formats.md). Malformed front matter becomes a problem at its line
// and column. Returns the byte offset where the body starts.
std::size_t read_front_matter(Document& document, DocumentBuilder& builder, const FrontMatterKeys& keys);

}  // namespace medlint
