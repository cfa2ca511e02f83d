#include "rules/pack_image.h"

#include <gtest/gtest.h>
#include <set>

#include "rules/embedded.h"
#include "test_support.h"

namespace medlint {
namespace {

// Same types, scalars and order, all the way down.
::testing::AssertionResult same_tree(const YAML::Node& a, const YAML::Node& b, const std::string& where = "root") {
  if (a.Type() != b.Type()) return ::testing::AssertionFailure() << where << ": node types differ";
  if (a.IsScalar() && a.Scalar() != b.Scalar()) {
    return ::testing::AssertionFailure() << where << ": \"" << a.Scalar() << "\" vs \"" << b.Scalar() << "\"";
  }
  if (!a.IsSequence() && !a.IsMap()) return ::testing::AssertionSuccess();
  if (a.size() != b.size()) return ::testing::AssertionFailure() << where << ": sizes differ";
  auto left = a.begin();
  auto right = b.begin();
  for (std::size_t i = 0; left != a.end(); ++left, ++right, ++i) {
    const std::string at = where + "/" + std::to_string(i);
    ::testing::AssertionResult same = a.IsMap() ? same_tree(left->first, right->first, at + "(key)")
                                                : same_tree(*left, *right, at);
    if (same && a.IsMap()) same = same_tree(left->second, right->second, at);
    if (!same) return same;
  }
  return ::testing::AssertionSuccess();
}

TEST(PackImageTest, EveryShippedPackFileIsCompiledInAsItsYaml) {
  namespace fs = std::filesystem;
  std::set<std::string> on_disk;
  for (const auto& folder : fs::directory_iterator(testing::source_dir() / "rules")) {
    if (!folder.is_directory()) continue;
    for (const auto& file : fs::directory_iterator(folder.path())) {
      if (file.path().extension() == ".yaml") {
        on_disk.insert(fs::relative(file.path(), testing::source_dir()).generic_string());
      }
    }
  }
  std::set<std::string> compiled_in;
  for (const EmbeddedFile& image : shipped_pack_images()) {
    compiled_in.insert(std::string(image.path));
    const YAML::Node source = YAML::LoadFile((testing::source_dir() / image.path).string());
    EXPECT_TRUE(same_tree(decode_yaml_image(image.bytes), source)) << image.path;
  }
  EXPECT_EQ(compiled_in, on_disk);
  EXPECT_FALSE(on_disk.empty());
}

TEST(PackImageTest, RoundTripKeepsTypesScalarsAndOrder) {
  const YAML::Node awkward = YAML::Load(
      "z: first\n"
      "a: [1, 'null', null, ~, '', [], {}]\n"
      "? [complex, key]\n"
      ": value\n"
      "long: " + std::string(300, 'x') + "\n"
      "unicode: \"caf\\u00e9 \\u2014 \\U0001F600\"\n"
      "nested: {b: {c: {d: [e]}}}\n");
  EXPECT_TRUE(same_tree(decode_yaml_image(encode_yaml_image(awkward)), awkward));
  const YAML::Node scalar = YAML::Load("just text");
  EXPECT_TRUE(same_tree(decode_yaml_image(encode_yaml_image(scalar)), scalar));
}

// Decoding builds each child inside its parent: a repeated key, as yaml-cpp
// keeps it when forced in, stays a pair of its own, and a sequence of nulls
// and empty collections keeps every item.
TEST(PackImageTest, RepeatedKeysAndEmptyItemsSurviveTheRoundTrip) {
  YAML::Node repeated(YAML::NodeType::Map);
  repeated.force_insert("same", "first");
  repeated.force_insert("same", "second");
  repeated.force_insert("items", YAML::Load("[~, [], {}, [~], x]"));
  const YAML::Node decoded = decode_yaml_image(encode_yaml_image(repeated));
  EXPECT_TRUE(same_tree(decoded, repeated));
  EXPECT_EQ(decoded.size(), 3u);
  EXPECT_EQ(decoded["items"].size(), 5u);
}

TEST(PackImageTest, MalformedImagesAreRefused) {
  const std::string image = encode_yaml_image(YAML::Load("{a: [b, c], d: long scalar}"));
  for (std::size_t cut = 0; cut < image.size(); ++cut) {
    EXPECT_THROW(decode_yaml_image(image.substr(0, cut)), BadYamlImage) << cut;
  }
  EXPECT_THROW(decode_yaml_image(image + "N"), BadYamlImage);
  EXPECT_THROW(decode_yaml_image("X"), BadYamlImage);
  EXPECT_THROW(decode_yaml_image(std::string(1000, 'Q') + std::string(1000, '\x01')), BadYamlImage);
  EXPECT_THROW(decode_yaml_image("S\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01"), BadYamlImage);
}

}  // namespace
}  // namespace medlint
