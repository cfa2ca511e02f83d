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
#include <yaml-cpp/yaml.h>

namespace medlint {

std::string encode_yaml_image(const YAML::Node& node);

struct BadYamlImage : std::runtime_error {
  using std::runtime_error::runtime_error;
};
// Throws BadYamlImage when `image` is not what encode_yaml_image wrote.
YAML::Node decode_yaml_image(std::string_view image);

}  // namespace medlint
