// Files compiled into the library: the rule docs and the starter
// configuration as they are, the shipped rule packs as YAML images.
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
// The shipped packs' files ("rules/medical/cues.yaml"), sorted by path;
// `bytes` is the YAML image of each (rules/pack_image.h).
const std::vector<EmbeddedFile>& shipped_pack_images();

}  // namespace medlint
