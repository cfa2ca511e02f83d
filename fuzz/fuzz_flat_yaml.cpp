// libFuzzer target: wherever the flat front-matter reader answers, its tree
// must equal yaml-cpp's (and yaml-cpp must accept the text).
#include <cstdlib>

#include "parse/front_matter.h"
#include "parse/meta_tree.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text = "---\n";
  text.append(reinterpret_cast<const char*>(data), size);
  text += "\n---\nBody.\n";
  const medlint::SourceFile source("fuzz.md", std::move(text));
  const auto bounds = medlint::find_front_matter(source);
  if (!bounds) return 0;
  const medlint::Positions positions(source, bounds->content);
  const std::optional<medlint::MetaValue> flat = medlint::flat_yaml_tree(positions);
  if (!flat) return 0;
  try {
    if (!(*flat == medlint::yaml_tree(positions))) std::abort();
  } catch (const medlint::MetaTreeError&) {
    std::abort();
  }
  return 0;
}
