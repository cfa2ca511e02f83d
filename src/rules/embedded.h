// The shipped rule packs and rule docs, compiled into the library.
#pragma once
#include <string_view>
#include <vector>

namespace medlint {

struct EmbeddedFile {
  std::string_view path;  // relative to the project root: "rules/medical/pack.yaml"
  std::string_view bytes;
};

// Sorted by path.
const std::vector<EmbeddedFile>& embedded_files();

}  // namespace medlint
