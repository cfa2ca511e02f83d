// Turning a file's bytes into the Document model.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "medlint/document.h"
#include "medlint/source.h"

namespace medlint {

// .md and .markdown are Markdown, .mdx MDX, .html and .htm HTML, .txt a
// plain-text export; nullopt otherwise.
std::optional<Format> format_for_path(std::string_view path);

// Front matter keys that hold each field, as dotted paths for nested keys
// ("medically_reviewed.date"); tried before the built-in keys.
struct FrontMatterKeys {
  std::vector<std::string> review_date;
  std::vector<std::string> reviewer;
  std::vector<std::string> references;
  std::vector<std::string> updated;
};

// What the project's configuration tells the readers.
struct ReaderOptions {
  FrontMatterKeys front_matter_keys;
};

// Parses a file of any format. Never throws on bad input: problems with
// the input (invalid UTF-8, malformed front matter...) become
// Document::problems and the rest of the file is still read.
Document parse(std::shared_ptr<const SourceFile> source, Format format, const ReaderOptions& options = {});

Document parse_markdown(std::shared_ptr<const SourceFile> source, const ReaderOptions& options = {});
Document parse_mdx(std::shared_ptr<const SourceFile> source, const ReaderOptions& options = {});
Document parse_html(std::shared_ptr<const SourceFile> source);
Document parse_plain_text(std::shared_ptr<const SourceFile> source);

}  // namespace medlint
