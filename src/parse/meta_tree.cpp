#include "parse/meta_tree.h"

#include <algorithm>
#include <fmt/format.h>
#include <toml++/toml.h>
#include <yaml-cpp/yaml.h>

#include "parse/document_builder.h"

namespace medlint {

MetaValue::MetaValue() = default;
MetaValue::MetaValue(const MetaValue&) = default;
MetaValue::MetaValue(MetaValue&&) noexcept = default;
MetaValue& MetaValue::operator=(const MetaValue&) = default;
MetaValue& MetaValue::operator=(MetaValue&&) noexcept = default;
MetaValue::~MetaValue() = default;

bool operator==(const MetaValue& a, const MetaValue& b) {
  return a.type == b.type && a.scalar == b.scalar && a.span == b.span && a.entries == b.entries && a.items == b.items;
}

const MetaValue* MetaValue::find(std::string_view key) const {
  for (const auto& [name, value] : entries) {
    if (name == key) return &value;
  }
  return nullptr;
}

const MetaValue* MetaValue::at(std::string_view path) const {
  const MetaValue* node = this;
  while (node && !path.empty()) {
    const std::size_t dot = path.find('.');
    node = node->type == Type::Map ? node->find(path.substr(0, dot)) : nullptr;
    path = dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1);
  }
  return node;
}

std::vector<const MetaValue*> MetaValue::all_at(std::string_view path) const {
  const std::size_t dot = path.rfind('.');
  const MetaValue* parent = dot == std::string_view::npos ? this : at(path.substr(0, dot));
  const std::string_view key = dot == std::string_view::npos ? path : path.substr(dot + 1);
  std::vector<const MetaValue*> values;
  if (!parent || parent->type != Type::Map) return values;
  for (const auto& [name, value] : parent->entries) {
    if (name == key) values.push_back(&value);
  }
  return values;
}

std::size_t Positions::offset(int line, int column) const {
  const int first_line = source_.position(content_.begin).line;
  const Span span = source_.line_span(std::min(first_line + std::max(line, 0), source_.line_count()));
  const std::string_view text = source_.text();
  std::size_t offset = span.begin;
  for (int i = 0; i < column && offset < span.end; ++i) {
    ++offset;
    while (offset < span.end && (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80) ++offset;
  }
  return std::min(offset, content_.end);
}

Span Positions::scalar_span(std::size_t begin, std::string_view value) const {
  const std::string_view rest = source_.text().substr(begin);
  if (!value.empty() && rest.starts_with(value)) return {begin, begin + value.size()};
  if (!rest.empty() && (rest[0] == '"' || rest[0] == '\'') && rest.substr(1).starts_with(value)) {
    return {begin + 1, begin + 1 + value.size()};
  }
  return line_rest(begin);
}

Span Positions::line_rest(std::size_t begin) const {
  const int line = source_.position(begin).line;
  return {begin, std::max(begin, source_.line_span(line).end)};
}

namespace {

MetaValue from_yaml(const YAML::Node& node, const Positions& positions, int depth = 0) {
  MetaValue value;
  const YAML::Mark mark = node.Mark();
  const std::size_t begin = mark.is_null() ? 0 : positions.offset(mark.line, mark.column);
  if (node.IsScalar()) {
    value.type = MetaValue::Type::Scalar;
    value.scalar = node.Scalar();
    value.span = positions.scalar_span(begin, value.scalar);
  } else if (node.IsMap()) {
    value.type = MetaValue::Type::Map;
    value.span = positions.line_rest(begin);
    if (depth == kDeepestMetaLevel) return value;
    for (const auto& entry : node) {
      value.entries.emplace_back(entry.first.as<std::string>(""), from_yaml(entry.second, positions, depth + 1));
    }
  } else if (node.IsSequence()) {
    value.type = MetaValue::Type::List;
    value.span = positions.line_rest(begin);
    if (depth == kDeepestMetaLevel) return value;
    for (const auto& item : node) value.items.push_back(from_yaml(item, positions, depth + 1));
  }
  return value;
}

MetaValue from_toml(const toml::node& node, const Positions& positions, int depth = 0) {
  MetaValue value;
  const toml::source_region& region = node.source();
  const std::size_t begin = positions.offset(static_cast<int>(region.begin.line) - 1, static_cast<int>(region.begin.column) - 1);
  if (const toml::table* table = node.as_table()) {
    value.type = MetaValue::Type::Map;
    value.span = positions.line_rest(begin);
    if (depth == kDeepestMetaLevel) return value;
    for (const auto& [key, child] : *table) {
      value.entries.emplace_back(std::string(key.str()), from_toml(child, positions, depth + 1));
    }
  } else if (const toml::array* array = node.as_array()) {
    value.type = MetaValue::Type::List;
    value.span = positions.line_rest(begin);
    if (depth == kDeepestMetaLevel) return value;
    for (const toml::node& item : *array) value.items.push_back(from_toml(item, positions, depth + 1));
  } else if (const auto* text = node.as_string()) {
    value.type = MetaValue::Type::Scalar;
    value.scalar = text->get();
    value.span = positions.scalar_span(begin, value.scalar);
  } else {
    // Dates, times, numbers and booleans: their text as written.
    value.type = MetaValue::Type::Scalar;
    const std::size_t end = positions.offset(static_cast<int>(region.end.line) - 1, static_cast<int>(region.end.column) - 1);
    value.span = trim(positions.source().text(), {begin, std::max(begin, end)});
    value.scalar = std::string(positions.source().slice(value.span));
  }
  return value;
}

}  // namespace

MetaValue yaml_tree(const Positions& positions) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(positions.source().slice(positions.content())));
  } catch (const YAML::ParserException& error) {
    throw MetaTreeError{error.mark.is_null() ? positions.content().begin : positions.offset(error.mark.line, error.mark.column),
                        fmt::format("malformed front matter: {}", error.msg)};
  }
  if (root.IsNull()) return MetaValue{};
  if (!root.IsMap()) {
    throw MetaTreeError{positions.offset(root.Mark().line, root.Mark().column), "front matter must be a mapping of keys to values"};
  }
  return from_yaml(root, positions);
}

MetaValue toml_tree(const Positions& positions) {
  try {
    return from_toml(toml::parse(positions.source().slice(positions.content())), positions);
  } catch (const toml::parse_error& error) {
    const toml::source_position begin = error.source().begin;
    throw MetaTreeError{positions.offset(static_cast<int>(begin.line) - 1, static_cast<int>(begin.column) - 1),
                        fmt::format("malformed front matter: {}", error.description())};
  }
}

}  // namespace medlint
