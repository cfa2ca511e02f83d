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

}  // namespace
}  // namespace medlint
