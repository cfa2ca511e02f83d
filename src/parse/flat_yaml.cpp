// Flat YAML front matter without yaml-cpp: most sites write nothing but
// `key: value` lines and simple lists, and building a yaml-cpp tree for
// them cost more than reading the rest of the article. The reader answers
// only where it is sure to agree with yaml-cpp and gives up otherwise.
#include <unicode/utf8.h>

#include "parse/meta_tree.h"

namespace medlint {
namespace {

bool is_key_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
bool is_key_char(char c) { return is_key_start(c) || c == '-' || c == '.' || c == '/'; }

bool is_null_word(std::string_view text) { return text == "~" || text == "null" || text == "Null" || text == "NULL"; }

// The length of "key:" at the start of `text` when it is a plain key
// followed by a colon and then a space or the end; 0 otherwise.
std::size_t key_length(std::string_view text) {
  if (text.empty() || !is_key_start(text[0])) return 0;
  std::size_t end = 1;
  while (end < text.size() && is_key_char(text[end])) ++end;
  if (end == text.size() || text[end] != ':' || is_null_word(text.substr(0, end))) return 0;
  if (end + 1 < text.size() && text[end + 1] != ' ') return 0;
  return end + 1;
}

void append_utf8(std::string& out, UChar32 code_point) {
  char bytes[U8_MAX_LENGTH];
  int32_t length = 0;
  U8_APPEND_UNSAFE(bytes, length, code_point);
  out.append(bytes, static_cast<std::size_t>(length));
}

// A double-quoted scalar's value, for the escapes JSON also has; nullopt
// for any other escape or anything after the closing quote.
std::optional<std::string> double_quoted(std::string_view text) {
  std::string value;
  for (std::size_t i = 1; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') return i + 1 == text.size() ? std::optional(std::move(value)) : std::nullopt;
    if (c != '\\') {
      value += c;
      continue;
    }
    if (++i == text.size()) return std::nullopt;
    const char escaped = text[i];
    if (escaped == '"' || escaped == '\\' || escaped == '/') {
      value += escaped;
    } else if (escaped == 'u' && i + 4 < text.size()) {
      UChar32 code_point = 0;
      for (std::size_t digit = 1; digit <= 4; ++digit) {
        const char h = text[i + digit];
        const int nibble = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
        if (nibble < 0) return std::nullopt;
        code_point = code_point * 16 + nibble;
      }
      if (code_point == 0 || U_IS_SURROGATE(code_point)) return std::nullopt;
      append_utf8(value, code_point);
      i += 4;
    } else {
      return std::nullopt;
    }
  }
  return std::nullopt;
}

// A plain scalar yaml-cpp reads as written: no indicator first, no ": " or
// " #" inside, no trailing colon.
bool is_simple_plain(std::string_view text) {
  static constexpr std::string_view kIndicators = "-?:,[]{}#&*!|>'\"%@`";
  return !text.empty() && kIndicators.find(text[0]) == std::string_view::npos &&
         text.find(": ") == std::string_view::npos && text.find(" #") == std::string_view::npos && !text.ends_with(':');
}

// Front matter with characters yaml-cpp treats specially anywhere (tabs,
// carriage returns, control characters, Unicode line breaks and byte-order
// marks, invalid UTF-8) is left to yaml-cpp.
bool has_only_plain_characters(std::string_view text) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c < 0 || (c < 0x20 && c != '\n') || c == 0x7F || c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xFEFF) return false;
  }
  return true;
}

class FlatYamlReader {
 public:
  explicit FlatYamlReader(const Positions& positions) : positions_(positions), text_(positions.source().text()) {}

  std::optional<MetaValue> read() {
    if (!split_lines()) return std::nullopt;
    MetaValue root;
    if (lines_.empty()) return root;
    if (!map(lines_.front().indent, 0, root) || next_ != lines_.size()) return std::nullopt;
    return root;
  }

 private:
  struct Line {
    std::size_t indent;  // spaces before the content
    std::size_t begin;   // the content's first byte in the source
    std::size_t end;     // the end of the line, trailing spaces left out
  };

  std::string_view content(const Line& line) const { return text_.substr(line.begin, line.end - line.begin); }

  bool is_item(const Line& line) const {
    const std::string_view text = content(line);
    return text.starts_with('-') && (text.size() == 1 || text[1] == ' ');
  }

  // Lines with content, comments left out.
  bool split_lines() {
    const Span whole = positions_.content();
    if (!has_only_plain_characters(text_.substr(whole.begin, whole.size()))) return false;
    for (std::size_t begin = whole.begin; begin < whole.end;) {
      std::size_t end = text_.find('\n', begin);
      if (end == std::string_view::npos || end > whole.end) end = whole.end;
      std::size_t first = begin;
      while (first < end && text_[first] == ' ') ++first;
      std::size_t last = end;
      while (last > first && text_[last - 1] == ' ') --last;
      const std::string_view line = text_.substr(first, last - first);
      // A document marker starts another YAML document.
      if (first == begin && (line.starts_with("---") || line.starts_with("..."))) return false;
      if (!line.empty() && line[0] != '#') lines_.push_back({first - begin, first, last});
      begin = end + 1;
    }
    return true;
  }

  // A block map whose keys stand at `indent`.
  bool map(std::size_t indent, int depth, MetaValue& out) {
    out.type = MetaValue::Type::Map;
    out.span = positions_.line_rest(lines_[next_].begin);
    while (next_ < lines_.size() && lines_[next_].indent == indent) {
      const Line line = lines_[next_++];
      const std::string_view text = content(line);
      const std::size_t key_end = key_length(text);
      if (key_end == 0) return false;
      std::size_t value_begin = key_end;
      while (value_begin < text.size() && text[value_begin] == ' ') ++value_begin;
      MetaValue value;
      if (value_begin < text.size()) {
        if (!scalar(text.substr(value_begin), line.begin + value_begin, value) || deeper_than(indent)) return false;
      } else if (deeper_than(indent) || (next_ < lines_.size() && lines_[next_].indent == indent && is_item(lines_[next_]))) {
        const std::size_t child_indent = lines_[next_].indent;
        if (!(is_item(lines_[next_]) ? list(child_indent, depth + 1, value) : map(child_indent, depth + 1, value))) return false;
      }
      out.entries.emplace_back(std::string(text.substr(0, key_end - 1)), std::move(value));
    }
    if (depth == kDeepestMetaLevel) out.entries.clear();
    return true;
  }

  // A block list whose dashes stand at `indent`; an item is a scalar or a
  // map whose first key follows its dash.
  bool list(std::size_t indent, int depth, MetaValue& out) {
    out.type = MetaValue::Type::List;
    out.span = positions_.line_rest(lines_[next_].begin);
    while (next_ < lines_.size() && lines_[next_].indent == indent && is_item(lines_[next_])) {
      Line& line = lines_[next_];
      const std::string_view text = content(line);
      std::size_t item_begin = 1;
      while (item_begin < text.size() && text[item_begin] == ' ') ++item_begin;
      if (item_begin == text.size()) return false;
      MetaValue item;
      if (key_length(text.substr(item_begin)) > 0) {
        // The item's map starts on the dash's line: read that line as if
        // its first key stood alone at its column.
        line.indent += item_begin;
        line.begin += item_begin;
        if (!map(line.indent, depth + 1, item)) return false;
      } else {
        ++next_;
        if (!scalar(text.substr(item_begin), line.begin + item_begin, item) || deeper_than(indent)) return false;
      }
      out.items.push_back(std::move(item));
    }
    if (depth == kDeepestMetaLevel) out.items.clear();
    return true;
  }

  // Whether the next line is indented past `indent` (after a scalar, that
  // would continue it over several lines).
  bool deeper_than(std::size_t indent) const { return next_ < lines_.size() && lines_[next_].indent > indent; }

  bool scalar(std::string_view text, std::size_t begin, MetaValue& out) const {
    std::string value;
    if (text[0] == '"') {
      std::optional<std::string> unescaped = double_quoted(text);
      if (!unescaped) return false;
      value = std::move(*unescaped);
    } else if (text[0] == '\'') {
      if (text.size() < 2 || !text.ends_with('\'') || text.substr(1, text.size() - 2).find('\'') != std::string_view::npos) {
        return false;
      }
      value = std::string(text.substr(1, text.size() - 2));
    } else {
      if (!is_simple_plain(text)) return false;
      if (is_null_word(text)) return true;
      value = std::string(text);
    }
    out.type = MetaValue::Type::Scalar;
    out.span = positions_.scalar_span(begin, value);
    out.scalar = std::move(value);
    return true;
  }

  const Positions& positions_;
  std::string_view text_;
  std::vector<Line> lines_;
  std::size_t next_ = 0;
};

}  // namespace

std::optional<MetaValue> flat_yaml_tree(const Positions& positions) { return FlatYamlReader(positions).read(); }

}  // namespace medlint
