// The one Document model both parsers produce and every rule reads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "medlint/diagnostic.h"
#include "medlint/normalized_text.h"
#include "medlint/source.h"

namespace medlint {

enum class Format { Markdown, Mdx, Html, PlainText };

std::string_view to_string(Format format);

enum class BlockKind : std::uint8_t {
  Title,         // plain text: first line; Markdown: first level-1 heading when no front matter title
  Summary,       // plain text: the paragraph after the title; Markdown: front matter summary
  Heading,
  Paragraph,
  ListItem,
  BlockQuote,    // a paragraph inside a block quote
  TableCell,
  ReviewLine,    // "Medically Reviewed on 11/11/2021" and kin (not prose)
  Credit,        // "Image Source: ..." (not prose)
  Reference,     // one entry of the reference list (not prose)
  NonEditorial,  // sponsor blocks, slideshow teasers (not prose)
  Code,          // code blocks (not prose)
  Html,          // HTML that is not text: markup, scripts, styles (not prose)
  Byline,        // "By Jane Doe, MD" (not prose)
  Mdx,           // MDX import/export statements and JSX tag lines (not prose)
  FrontMatterText,  // prose under front-matter keys medlint does not know; a site may or may not show it
};

std::string_view to_string(BlockKind kind);
// Whether a block of this kind is article prose that content rules read.
bool is_prose(BlockKind kind);

// A large article has a block per hundred bytes or so: 28 bytes each.
struct Block {
  BlockKind kind = BlockKind::Paragraph;
  CompactSpan span;  // exact source bytes of the whole block
  int level = 0;     // heading level 1..6; list nesting depth (1 = top) for list items
  int section = -1;  // index into Document::sections; -1 before the first heading
  CompactSpan text;  // range in Document::text; empty for non-prose blocks
};

struct Section {
  int heading_block = -1;  // index into Document::blocks
  int level = 0;
  int parent = -1;         // enclosing section, -1 for top level
  CompactSpan text;        // range in Document::text: the heading and everything up to the
                           // next heading of the same or a higher level (subsections included)
};

// A date an article states about itself, as written; rules interpret it.
struct DateMention {
  enum class Kind { Reviewed, Updated, Published, NextReview };
  Kind kind = Kind::Reviewed;
  std::string raw;    // the date text exactly as written, e.g. "11/11/2021"
  std::string label;  // front matter key, or the body label, e.g. "Medically Reviewed on"
  Span span;          // source bytes of the date text
  bool from_front_matter = false;
};

std::string_view to_string(DateMention::Kind kind);

struct Reference {
  std::string text;  // the entry as written (or its front matter title)
  std::string url;
  std::string doi;
  std::string pmid;
  std::optional<int> year;
  Span span;
};

// A short metadata value and where it came from.
struct Field {
  std::string value;
  Span span;
  std::string origin;  // the front matter key, or the body line's label ("first line", "byline")
};

struct Metadata {
  std::optional<Field> title;
  std::optional<Field> summary;
  std::optional<Field> reviewer;
  std::optional<Field> author;
  std::vector<DateMention> dates;
  std::vector<Reference> references;
  // Links in the prose to a citable record (PubMed, PubMed Central, a DOI);
  // the references rule may count them.
  std::vector<Reference> cited_links;
  // Rule ids listed under front matter `medlint: {disable: [...]}`.
  std::vector<Field> disabled_rules;
};

// A Markdown link: its text's source bytes and its destination.
struct Link {
  Span span;  // source bytes of the link text
  std::string url;
};

// An HTML comment in Markdown (suppression directives live there).
struct Comment {
  std::string text;  // between "<!--" and "-->", trimmed
  Span span;         // the whole comment
};

struct Sentence {
  Span text;  // range in Document::text, trailing white space excluded
  int block = -1;
};

class Document {
 public:
  Document(std::shared_ptr<const SourceFile> source, Format format);

  const SourceFile& source() const { return *source_; }
  const std::shared_ptr<const SourceFile>& source_ptr() const { return source_; }
  Format format() const { return format_; }

  Metadata meta;
  std::vector<Block> blocks;
  std::vector<Section> sections;
  std::vector<Comment> comments;
  std::vector<Link> links;
  // Findings about the input itself (invalid UTF-8, malformed front matter...).
  std::vector<Diagnostic> problems;

  // The normalized prose: every prose block's text, blocks separated by breaks.
  const NormalizedText& text() const { return text_; }
  void set_text(NormalizedText text);

  // Sentences (ICU sentence breaks with abbreviation exceptions), computed
  // per block on first use: most text matches no rule and never needs
  // segmenting. Safe to call from several threads (a file's rules may run
  // in parallel).
  std::vector<Sentence> sentences() const;
  // The sentences of one prose block (a copy: the cache keeps them compact).
  std::vector<Sentence> block_sentences(int block) const;
  // The sentence containing a text offset, if that offset is in a prose block.
  std::optional<Sentence> sentence_at(std::size_t text_offset) const;
  // The prose block containing a text offset, or -1.
  int block_at(std::size_t text_offset) const;

  // Line:column of a source byte offset.
  Position position(std::size_t source_offset) const { return source_->position(source_offset); }

 private:
  std::shared_ptr<const SourceFile> source_;
  Format format_;
  NormalizedText text_;
  // Sentences per block, filled on demand; shared by copies of the same text.
  struct SentenceCache;
  // Reads block `block`'s sentences into the cache unless it holds them
  // (the caller holds the cache's lock); returns where they are in it.
  std::pair<std::size_t, std::size_t> cached_sentences(int block) const;
  std::shared_ptr<SentenceCache> sentence_cache_;
};

}  // namespace medlint
