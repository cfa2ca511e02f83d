// Turning a file's bytes into the Document model.
#pragma once

#include <memory>
#include <optional>
#include <string_view>

#include "medlint/document.h"
#include "medlint/source.h"

namespace medlint {

// .md and .markdown are Markdown, .txt is a plain-text export; nullopt otherwise.
std::optional<Format> format_for_path(std::string_view path);

// Parses a file of either format. Never throws on bad input: problems with
// the input (invalid UTF-8, malformed front matter...) become
// Document::problems and the rest of the file is still read.
Document parse(std::shared_ptr<const SourceFile> source, Format format);

// Where a Markdown file's YAML front matter sits: the lines between its
// "---" fences, and the closing fence line. nullopt when the file opens with
// no front matter, or the front matter is never closed.
struct FrontMatterBounds {
  Span content;        // from the first line after "---" to the start of the closing fence
  Span closing_fence;  // the closing "---" (or "...") line, without its terminator
};
std::optional<FrontMatterBounds> find_front_matter(const SourceFile& source);

Document parse_markdown(std::shared_ptr<const SourceFile> source);
Document parse_plain_text(std::shared_ptr<const SourceFile> source);

}  // namespace medlint
