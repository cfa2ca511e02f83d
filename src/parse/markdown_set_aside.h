// Parts of a Markdown body that md4c must not read: footnote definitions
// (md4c has no footnotes, and one that looks like a link definition would
// vanish) and, in MDX, ESM statements, JSX tags and {expressions}.
#pragma once
#include <string_view>
#include <vector>

#include "medlint/document.h"

namespace medlint {

struct SetAside {
  Span span;
  BlockKind kind = BlockKind::Mdx;  // Reference for a footnote definition
};

// The set-aside parts of `text` from byte `body` on, in source order.
// Fenced code is left alone.
std::vector<SetAside> find_set_aside(std::string_view text, std::size_t body, bool mdx);

}  // namespace medlint
