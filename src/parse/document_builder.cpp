#include "parse/document_builder.h"

#include <algorithm>

#include "core/release_slack.h"

namespace medlint {

Span trim(std::string_view whole, Span span) {
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; };
  while (span.begin < span.end && is_space(whole[span.begin])) ++span.begin;
  while (span.end > span.begin && is_space(whole[span.end - 1])) --span.end;
  return span;
}

std::size_t pasted_bullet_length(std::string_view line) {
  // •, ·, ▪, ◦, ●, ‣, ■
  static constexpr std::string_view kBullets[] = {"\u2022", "\u00B7", "\u25AA", "\u25E6", "\u25CF", "\u2023", "\u25A0"};
  const auto bullet = std::find_if(std::begin(kBullets), std::end(kBullets), [&](std::string_view b) { return line.starts_with(b); });
  if (bullet == std::end(kBullets)) return 0;
  std::size_t end = bullet->size();
  // Pasted text often has a no-break space after the bullet.
  static constexpr std::string_view kNoBreakSpace = "\u00A0";
  while (end < line.size()) {
    if (line[end] == ' ' || line[end] == '\t') {
      ++end;
    } else if (line.substr(end).starts_with(kNoBreakSpace)) {
      end += kNoBreakSpace.size();
    } else {
      break;
    }
  }
  const bool text_follows = end < line.size() && line[end] != '\n' && line[end] != '\r';
  return end > bullet->size() && text_follows ? end : 0;
}

DocumentBuilder::DocumentBuilder(Document& document) : document_(document), text_(document.source()) {}

void DocumentBuilder::begin_block(BlockKind kind, Span span, int level) {
  if (open_) end_block();
  // Blocks come in source order: a large article's bytes before this one
  // are read.
  if (span.begin < document_.source().text().size()) document_.source().release_before(span.begin);
  Block block;
  block.kind = kind;
  block.span = span;
  block.level = level;
  block.text = {text_.size(), text_.size()};
  document_.blocks.push_back(block);
  open_ = true;
  block_has_text_ = false;
}

void DocumentBuilder::add_text(Span source) {
  if (!open_ || !is_prose(current().kind) || source.empty()) return;
  text_.append_source(source);
  block_has_text_ = true;
}

void DocumentBuilder::add_synthetic(std::string_view text, Span source) {
  if (!open_ || !is_prose(current().kind)) return;
  // White space before a block's first text separates nothing.
  const bool blank = text.find_first_not_of(" \t\n") == std::string_view::npos;
  if (blank && !block_has_text_) return;
  text_.append_synthetic(text, source);
  block_has_text_ = block_has_text_ || !blank;
}

void DocumentBuilder::note_hidden(HiddenMark::Kind kind, Span source, std::size_t text_size) {
  if (!open_ || !is_prose(current().kind) || !block_has_text_) return;
  text_.note_hidden(kind, source, text_size);
}

void DocumentBuilder::discard_text() {
  if (!open_) return;
  text_.truncate(current().text.begin);
  block_has_text_ = false;
}

void DocumentBuilder::extend_block(Span source) {
  if (!open_) return;
  Block& block = current();
  if (block.span.empty()) {
    block.span = source;
  } else {
    block.span = {std::min<std::size_t>(block.span.begin, source.begin), std::max<std::size_t>(block.span.end, source.end)};
  }
}

void DocumentBuilder::end_block() {
  if (!open_) return;
  Block& block = current();
  block.text.end = text_.size();
  if (block.text.empty()) block.text.begin = block.text.end;
  // A break keeps patterns from matching across two blocks.
  if (block_has_text_) text_.append_break(block.span.end);
  open_ = false;
}

void DocumentBuilder::add_block_in_source_order(BlockKind kind, Span span) {
  Block block;
  block.kind = kind;
  block.span = span;
  blocks_in_source_order_.push_back(block);
}

void DocumentBuilder::finish() {
  end_block();
  auto& blocks = document_.blocks;
  for (Block& block : blocks_in_source_order_) {
    const auto at = std::find_if(blocks.begin(), blocks.end(), [&](const Block& b) { return b.span.begin > block.span.begin; });
    // An empty text range where the next block's text starts keeps the
    // blocks ordered by text offset too.
    const std::size_t text_at = at == blocks.end() ? text_.size() : at->text.begin;
    block.text = {text_at, text_at};
    blocks.insert(at, block);
  }
  auto& sections = document_.sections;
  std::vector<int> open_sections;  // stack of section indices, outermost first
  auto close_until = [&](int level, std::size_t text_end) {
    while (!open_sections.empty() && sections[open_sections.back()].level >= level) {
      sections[open_sections.back()].text.end = text_end;
      open_sections.pop_back();
    }
  };
  std::size_t last_text_end = 0;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    Block& block = blocks[i];
    if (block.kind == BlockKind::Heading) {
      close_until(block.level, last_text_end);
      Section section;
      section.heading_block = static_cast<int>(i);
      section.level = block.level;
      section.parent = open_sections.empty() ? -1 : open_sections.back();
      section.text = {block.text.begin, block.text.end};
      sections.push_back(section);
      open_sections.push_back(static_cast<int>(sections.size()) - 1);
    }
    block.section = open_sections.empty() ? -1 : open_sections.back();
    if (!block.text.empty()) last_text_end = block.text.end;
  }
  close_until(0, last_text_end);
  release_slack(blocks);
  release_slack(sections);
  document_.set_text(std::move(text_).finish());
}

}  // namespace medlint
