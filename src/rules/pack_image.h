// A YAML document as a compact byte image. The shipped rule packs are
// parsed by yaml-cpp when medlint is built and compiled in as images, since
// parsing their YAML took about 3 ms of a one-article run (what a pre-commit
// hook pays) and rebuilding the nodes from an image takes about 0.5 ms.
// Node types, scalars and order are kept; positions (marks) are not, which
// is safe because the test suite checks the shipped packs, so no
// configuration error points into them.
#pragma once
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>
#include <yaml-cpp/yaml.h>

namespace medlint {

std::string encode_yaml_image(const YAML::Node& node);

struct BadYamlImage : std::runtime_error {
  using std::runtime_error::runtime_error;
};
// Throws BadYamlImage when `image` is not what encode_yaml_image wrote.
YAML::Node decode_yaml_image(std::string_view image);

// The entries of an image's top map (none for a null document), each
// key's text with its value's image, decoded later or never: a shipped
// pack's word classes, cue sets and models are decoded only when a rule
// reads them. Throws BadYamlImage, also for a key that is no scalar.
std::vector<std::pair<std::string_view, std::string_view>> yaml_image_map(std::string_view image);

}  // namespace medlint
