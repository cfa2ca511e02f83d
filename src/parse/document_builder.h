// Assembles a Document from blocks and their prose pieces; shared by both
// parsers so that sections, the normalized text and block order are built
// one way.
#pragma once
#include <string_view>
#include <vector>

#include "medlint/document.h"

namespace medlint {

class DocumentBuilder {
 public:
  explicit DocumentBuilder(Document& document);

  // Opens a block; prose blocks then receive their text piece by piece.
  void begin_block(BlockKind kind, Span span, int level = 0);
  // A run of source bytes that is prose as written.
  void add_text(Span source);
  // Text standing for source bytes it does not literally copy (a line
  // break read as a space, a decoded entity).
  void add_synthetic(std::string_view text, Span source);
  // Records markup or a character reference the text read at this point
  // (see NormalizedTextBuilder::note_hidden).
  void note_hidden(HiddenMark::Kind kind, Span source, std::size_t text_size = 0);
  // Takes the open block's text back out: the block turned out not to be
  // prose (a reference entry, an unreferenced footnote).
  void discard_text();
  // Widens the open block's span to cover `source` too.
  void extend_block(Span source);
  void end_block();
  bool block_open() const { return open_; }
  // The open block (valid while block_open()).
  Block& current() { return document_.blocks.back(); }

  // A non-prose block found apart from the reading order (a footnote
  // definition, an MDX line the Markdown parser never saw): placed among
  // the other blocks by its source position when finishing.
  void add_block_in_source_order(BlockKind kind, Span span);

  // Computes sections and block sections, and hands the text to the Document.
  void finish();

 private:
  Document& document_;
  NormalizedTextBuilder text_;
  bool open_ = false;
  bool block_has_text_ = false;
  std::vector<Block> blocks_in_source_order_;
};

// Source span of `text` within `line` after trimming ASCII white space.
Span trim(std::string_view whole, Span span);

// Text pasted from web pages writes list items with a bullet character
// ("• Chest pain") where Markdown would write "-". Length of such a bullet
// and the white space after it at the start of `line` when text follows,
// else 0. Both readers read these lines as list items.
std::size_t pasted_bullet_length(std::string_view line);

}  // namespace medlint
