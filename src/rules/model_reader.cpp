#include "rules/model_reader.h"

#include <algorithm>

namespace medlint {

std::vector<int> prose_blocks(const Document& document) {
  std::vector<int> blocks;
  for (std::size_t i = 0; i < document.blocks.size(); ++i) {
    if (read_as_prose(document.blocks[i])) blocks.push_back(static_cast<int>(i));
  }
  return blocks;
}

bool read_as_prose(const Block& block) {
  const bool prose = block.kind == BlockKind::Paragraph || block.kind == BlockKind::ListItem ||
                     block.kind == BlockKind::BlockQuote;
  return prose && !block.text.empty();
}

bool in_link_text(const Document& document, Span text) {
  const Span source = document.text().to_source(text);
  return std::any_of(document.links.begin(), document.links.end(), [&](const Link& link) {
    return link.span.begin <= source.begin && source.end <= link.span.end;
  });
}

}  // namespace medlint
