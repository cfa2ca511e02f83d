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

enum class FrontMatterLanguage { Yaml, Toml };

// Where a Markdown or MDX file's front matter sits: the lines between its
// fences ("---" for YAML, "+++" for TOML), and the closing fence line.
// nullopt when the file opens with no front matter, or the front matter is
// never closed.
struct FrontMatterBounds {
  Span content;        // from the first line after the opening fence to the start of the closing fence
  Span closing_fence;  // the closing "---" (or "...") or "+++" line, without its terminator
  FrontMatterLanguage language = FrontMatterLanguage::Yaml;
};
std::optional<FrontMatterBounds> find_front_matter(const SourceFile& source);
// Whether the front matter writes `key` at its top level ("key:" in YAML,
// "key =" or a "[key]" table in TOML), as the text has it: an edit that
// adds the key would write it twice.
bool front_matter_has_key(const SourceFile& source, const FrontMatterBounds& bounds, std::string_view key);

Document parse_markdown(std::shared_ptr<const SourceFile> source, const ReaderOptions& options = {});
Document parse_mdx(std::shared_ptr<const SourceFile> source, const ReaderOptions& options = {});
Document parse_html(std::shared_ptr<const SourceFile> source);
Document parse_plain_text(std::shared_ptr<const SourceFile> source);

}  // namespace medlint
