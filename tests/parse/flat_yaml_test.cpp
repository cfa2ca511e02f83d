#include <gtest/gtest.h>

#include <filesystem>

#include "parse/front_matter.h"
#include "parse/meta_tree.h"
#include "test_support.h"

namespace medlint {
namespace {

using namespace medlint::testing;

// Both readers over the front matter of `text` (which opens with a fence).
struct BothTrees {
  std::optional<MetaValue> flat;
  std::optional<MetaValue> general;  // nullopt when yaml-cpp rejects it
};

BothTrees read_both(const SourceFile& source) {
  const std::optional<FrontMatterBounds> bounds = find_front_matter(source);
  if (!bounds || bounds->language != FrontMatterLanguage::Yaml) return {};
  const Positions positions(source, bounds->content);
  BothTrees trees{flat_yaml_tree(positions), std::nullopt};
  try {
    trees.general = yaml_tree(positions);
  } catch (const MetaTreeError&) {
  }
  return trees;
}

BothTrees read_both(const std::string& yaml) {
  static std::vector<std::unique_ptr<SourceFile>> sources;  // the trees' spans point into them
  sources.push_back(std::make_unique<SourceFile>("a.md", "---\n" + yaml + "---\nBody.\n"));
  return read_both(*sources.back());
}

TEST(FlatYamlTest, ReadsFlatFrontMatterAsYamlCppDoes) {
  for (const char* yaml : {
           "title: Migraine\n",
           "title: \"Scarlet fever\"\ndescription: \"It\\u2019s easily treated.\"\n",
           "title: 'Single quoted'\nsummary: \"A \\\"quoted\\\" word, a \\\\ and a \\/\"\n",
           "title: Caf\xC3\xA9 au lait spots, a guide\nlastupdate: 2018-02-13\norder: 23\n",
           "description:\nempty: \"\"\nnothing: ~\nnull_word: null\ntrailing: value   \n",
           "aliases:\n  - /health-care/\n  - \"/quoted/\"\nnext: value\n",
           "aliases:\n- /same-indent/\n- two\nnext: value\n",
           "references:\n  - title: \"A study\"\n    url: \"https://example.org/a\"\n    year: 2025\n  - \"A plain citation. 2024;22(4):301-318\"\n",
           "medically_reviewed:\n  by: Ana Ruiz, MD\n  date: 2026-03-01\n",
           "# a comment\ntitle: T\n  # an indented comment\n\nlayout: page\nlayout: page\n",
           "a:\n  b:\n    c:\n      d: too deep\n      e: also\n    f: kept\n",
           "related:\n  - heading: Benefits\n    links:\n    - url: /disability/\n      title: Disability\n",
           "key-with.dots_and-dashes: value with [brackets], {braces}, commas and 'quotes'\n",
           "  indented_root: yes\n  second: no\n",
       }) {
    const BothTrees trees = read_both(yaml);
    ASSERT_TRUE(trees.flat.has_value()) << yaml;
    ASSERT_TRUE(trees.general.has_value()) << yaml;
    EXPECT_EQ(*trees.flat, *trees.general) << yaml;
  }
}

TEST(FlatYamlTest, LeavesEverythingElseToYamlCpp) {
  for (const char* yaml : {
           "tags: [a, b]\n", "map: {a: 1}\n", "anchor: &a value\nalias: *a\n", "tagged: !!str 2026\n",
           "text: |\n  block\n", "folded: >\n  block\n", "plain: over\n  two lines\n", "quoted: \"over\n  two lines\"\n",
           "tab:\tvalue\n", "crlf: value\r\n", "comment: value # note\n", "escape: \"line\\nbreak\"\n",
           "odd: 'it''s'\n", "? complex key\n: value\n", "- a list at the root\n", "\"quoted key\": value\n",
           "key with spaces: value\n", "colon: a: b\n", "dash: -starts\n", "%YAML 1.2\n", "--- inline\n",
           "list:\n  -\n    nested: x\n", "bad:\n    deeper: x\n  between: y\n",
       }) {
    EXPECT_FALSE(read_both(yaml).flat.has_value()) << yaml;
  }
}

// Over every real and project article with YAML front matter: wherever the
// flat reader answers, yaml-cpp gives the same tree; and it answers for
// most of them (else the fast path would be dead weight).
TEST(FlatYamlTest, AgreesWithYamlCppOnEveryArticle) {
  std::vector<std::filesystem::path> roots{source_dir() / "content", source_dir() / "tests" / "fixtures"};
  if (const auto shared = shared_dir()) roots.push_back(*shared / "corpus");
  int with_front_matter = 0;
  int answered = 0;
  for (const auto& root : roots) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
      if (!entry.is_regular_file() || entry.path().extension() != ".md") continue;
      const SourceFile source(entry.path().string(), read_file(entry.path()));
      const BothTrees trees = read_both(source);
      if (!trees.general) continue;
      ++with_front_matter;
      if (!trees.flat) continue;
      ++answered;
      EXPECT_EQ(*trees.flat, *trees.general) << entry.path();
    }
  }
  EXPECT_GT(answered, with_front_matter * 9 / 10);
}

}  // namespace
}  // namespace medlint
