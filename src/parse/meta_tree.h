// Front matter as a tree, whichever language it was written in, with the
// source bytes of every value: the readers (yaml-cpp, toml++, and a fast
// reader for flat YAML) build it; the field reader reads it.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "medlint/source.h"

namespace medlint {

struct MetaValue {
  enum class Type { Null, Scalar, Map, List };
  Type type = Type::Null;
  std::string scalar;  // a scalar's value (dates as written)
  Span span;           // exact for one-line scalars; else from the value's start to the end of its line
  std::vector<std::pair<std::string, MetaValue>> entries;
  std::vector<MetaValue> items;

  // Declared here and defined in the .cpp, where MetaValue is complete:
  // clang will not instantiate pair<string, MetaValue> for an incomplete type.
  MetaValue();
  MetaValue(const MetaValue&);
  MetaValue(MetaValue&&) noexcept;
  MetaValue& operator=(const MetaValue&);
  MetaValue& operator=(MetaValue&&) noexcept;
  ~MetaValue();
  friend bool operator==(const MetaValue&, const MetaValue&);

  const MetaValue* find(std::string_view key) const;
  // A dotted path ("medically_reviewed.date").
  const MetaValue* at(std::string_view path) const;
  // Every value at a dotted path: a key written twice has two (a second
  // review date is evidence, not something to overwrite silently).
  std::vector<const MetaValue*> all_at(std::string_view path) const;
};

// The deepest level any field is read at (root > references > item > url):
// deeper values are not converted, so an alias bomb is never expanded.
constexpr int kDeepestMetaLevel = 3;

// Maps positions the parsers report (line and column in characters,
// counted from the front matter's first line) to source offsets, and
// gives each value its span.
class Positions {
 public:
  Positions(const SourceFile& source, Span content) : source_(source), content_(content) {}

  std::size_t offset(int line, int column) const;
  // The bytes of a scalar that starts at `begin`: exact when the value is
  // written as is, plainly or quoted; else from `begin` to the end of its line.
  Span scalar_span(std::size_t begin, std::string_view value) const;
  Span line_rest(std::size_t begin) const;

  const SourceFile& source() const { return source_; }
  Span content() const { return content_; }

 private:
  const SourceFile& source_;
  Span content_;
};

// Malformed front matter: where, and what a person should read.
struct MetaTreeError {
  std::size_t offset;
  std::string message;
};

// The YAML front matter `positions.content()` as a tree (any YAML; null
// when it holds nothing). Throws MetaTreeError when it is malformed or is
// not a mapping.
MetaValue yaml_tree(const Positions& positions);

// The same tree for flat YAML, read without yaml-cpp: `key: scalar` lines,
// block lists and nested maps of plain or simply quoted scalars, full-line
// comments. Anything else (flow collections, anchors, tags, block scalars,
// scalars over several lines, rare escapes) is nullopt: read it with
// yaml_tree. Where it answers, the answer equals yaml_tree's (tested
// against yaml-cpp, on real front matter and by a fuzz target).
std::optional<MetaValue> flat_yaml_tree(const Positions& positions);

// The TOML front matter as a tree. Throws MetaTreeError when malformed.
MetaValue toml_tree(const Positions& positions);

}  // namespace medlint
