#include "parse/markdown_set_aside.h"

#include <cctype>

namespace medlint {
namespace {

struct LineCursor {
  std::string_view text;
  std::size_t begin = 0;  // of the current line
  std::size_t end = 0;    // of the current line, before its newline

  bool at_end() const { return begin >= text.size(); }
  void next() {
    begin = end < text.size() ? end + 1 : text.size();
    const std::size_t newline = text.find('\n', begin);
    end = newline == std::string_view::npos ? text.size() : newline;
  }
  std::string_view line() const { return text.substr(begin, end - begin); }
};

std::size_t indent_of(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && line[i] == ' ') ++i;
  return i;
}

bool is_blank(std::string_view line) { return line.find_first_not_of(" \t\r") == std::string_view::npos; }

// A code fence opening or closing: ``` or ~~~ (three or more), indented at most three spaces.
std::string_view fence_of(std::string_view line) {
  const std::size_t indent = indent_of(line);
  if (indent > 3 || indent >= line.size() || (line[indent] != '`' && line[indent] != '~')) return {};
  std::size_t end = indent;
  while (end < line.size() && line[end] == line[indent]) ++end;
  return end - indent >= 3 ? line.substr(indent, end - indent) : std::string_view();
}

// "[^label]: text".
bool is_footnote_definition(std::string_view line) {
  const std::size_t indent = indent_of(line);
  if (indent > 3 || !line.substr(indent).starts_with("[^")) return false;
  const std::size_t close = line.find("]:", indent + 2);
  return close != std::string_view::npos && close > indent + 2 && line.find(']', indent + 2) == close;
}

bool is_esm(std::string_view line) {
  for (std::string_view keyword : {"import", "export"}) {
    if (line.starts_with(keyword) && line.size() > keyword.size() &&
        (line[keyword.size()] == ' ' || line[keyword.size()] == '{' || line[keyword.size()] == '*')) {
      return true;
    }
  }
  return false;
}

// Where a JSX tag or {expression} that starts at `at` ends (one past its
// last byte), following quotes and nested braces across lines.
std::size_t markup_end(std::string_view text, std::size_t at) {
  const char close = text[at] == '<' ? '>' : '}';
  int braces = text[at] == '{' ? 1 : 0;
  char quote = 0;
  for (std::size_t i = at + 1; i < text.size(); ++i) {
    const char c = text[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      if (close == '>' && braces == 0) quote = c;
    } else if (c == '{') {
      ++braces;
    } else if (c == '}') {
      if (--braces == 0 && close == '}') return i + 1;
    } else if (c == '>' && close == '>' && braces == 0) {
      return i + 1;
    }
  }
  return text.size();
}

bool starts_markup(std::string_view text, std::size_t at) {
  if (text[at] == '{') return true;
  if (text[at] != '<' || at + 1 >= text.size()) return false;
  const char next = text[at + 1];
  return std::isalpha(static_cast<unsigned char>(next)) || next == '/' || next == '>';
}

}  // namespace

std::vector<SetAside> find_set_aside(std::string_view text, std::size_t body, bool mdx) {
  std::vector<SetAside> found;
  // Most Markdown has neither footnotes nor MDX: no line-by-line scan then.
  if (!mdx && text.find("[^", body) == std::string_view::npos) return found;
  LineCursor cursor{text, body, body};
  cursor.end = text.find('\n', body);
  if (cursor.end == std::string_view::npos) cursor.end = text.size();
  std::string_view open_fence;
  for (; !cursor.at_end(); cursor.next()) {
    const std::string_view line = cursor.line();
    if (const std::string_view fence = fence_of(line); !fence.empty()) {
      if (open_fence.empty()) {
        open_fence = fence;
      } else if (fence[0] == open_fence[0] && fence.size() >= open_fence.size()) {
        open_fence = {};
      }
      continue;
    }
    if (!open_fence.empty()) continue;
    if (is_footnote_definition(line)) {
      // Indented lines below continue the definition.
      const std::size_t begin = cursor.begin + indent_of(line);
      while (cursor.end < text.size()) {
        LineCursor ahead = cursor;
        ahead.next();
        if (is_blank(ahead.line()) || indent_of(ahead.line()) < 2) break;
        cursor = ahead;
      }
      found.push_back({{begin, cursor.end}, BlockKind::Reference});
      continue;
    }
    if (!mdx) continue;
    if (is_esm(line)) {
      // An ESM block runs to the next blank line.
      const std::size_t begin = cursor.begin;
      while (cursor.end < text.size()) {
        LineCursor ahead = cursor;
        ahead.next();
        if (is_blank(ahead.line())) break;
        cursor = ahead;
      }
      found.push_back({{begin, cursor.end}, BlockKind::Mdx});
      continue;
    }
    std::size_t at = cursor.begin + indent_of(line);
    if (at >= cursor.end || !starts_markup(text, at)) continue;
    // A line led by JSX: every tag and expression on it is set aside, the
    // text between them is Markdown.
    while (at < cursor.end) {
      if (starts_markup(text, at)) {
        const std::size_t end = markup_end(text, at);
        found.push_back({{at, end}, BlockKind::Mdx});
        at = end;
        // A tag that crossed lines moves the cursor to the line it ended on.
        while (cursor.end < at && cursor.end < text.size()) cursor.next();
      } else {
        ++at;
      }
    }
  }
  return found;
}

}  // namespace medlint
