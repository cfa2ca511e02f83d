#include "rules/word_class_sets.h"

#include <gtest/gtest.h>

#include "rules/packs.h"

namespace medlint {
namespace {

// A pack of three files: shared classes alone, and two files that each
// define a rule and a class of their own.
RulePack three_file_pack() {
  RulePack pack;
  read_pack("classes.yaml", YAML::Load("word_classes: {SHARED: {source: test, terms: [pill]}}"), pack);
  read_pack("first.yaml", YAML::Load("word_classes: {FIRST-ONLY: {source: test, terms: [chest]}}\n"
                                     "rules: [{id: first-rule, kind: advice}]"),
            pack);
  read_pack("second.yaml", YAML::Load("word_classes: {SECOND-ONLY: {source: test, terms: [crack]}}\n"
                                      "rules: [{id: second-rule, kind: advice}]"),
            pack);
  return pack;
}

TEST(WordClassSetsTest, ARuleReadsSharedClassesAndItsOwnFilesClassesOnly) {
  RuleBuildContext context = build_context(three_file_pack());
  context.pack_path = "first.yaml";
  const auto classes = read_word_classes(context);
  const std::vector<bool> visible = visible_word_classes(context, *classes);
  EXPECT_TRUE(visible[static_cast<std::size_t>(classes->find("SHARED"))]);
  EXPECT_TRUE(visible[static_cast<std::size_t>(classes->find("FIRST-ONLY"))]);
  EXPECT_FALSE(visible[static_cast<std::size_t>(classes->find("SECOND-ONLY"))]);
}

TEST(WordClassSetsTest, AClassExtendedInASharedFileIsShared) {
  RulePack pack = three_file_pack();
  read_pack("more-classes.yaml", YAML::Load("word_classes: {SECOND-ONLY: {source: test, terms: [pop]}}"), pack);
  RuleBuildContext context = build_context(pack);
  context.pack_path = "first.yaml";
  const auto classes = read_word_classes(context);
  EXPECT_TRUE(visible_word_classes(context, *classes)[static_cast<std::size_t>(classes->find("SECOND-ONLY"))]);
}

// The shipped packs' classes are compiled in, and a pack that adds a class
// compiles its own.
TEST(WordClassSetsTest, TheShippedClassesAreBuiltInAndOthersCompiled) {
  RulePack pack = load_shipped_pack(kRecommendedPack, "", YAML::Node());
  const auto shipped = read_word_classes(build_context(pack));
  ASSERT_GT(shipped_word_classes_image().size(), 8u);
  EXPECT_EQ(shipped->image(), shipped_word_classes_image().substr(8));
  read_pack("/packs/classes.yaml", YAML::Load("word_classes: {MY-CLASS: {source: test, terms: [pop]}}"), pack);
  const auto extended = read_word_classes(build_context(pack));
  EXPECT_GE(extended->find("MY-CLASS"), 0);
  EXPECT_EQ(extended->size(), shipped->size() + 1);
}

}  // namespace
}  // namespace medlint
