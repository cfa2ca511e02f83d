#include <algorithm>
#include <cmath>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "language/features.h"
#include "language/linear_model.h"

namespace medlint::testing {
namespace {

TEST(LinearModelTest, ScoresAtUnitLength) {
  const LinearModel model(WeightTable({{LinearModel::feature_key("a"), 2.0}, {LinearModel::feature_key("b"), -1.0}}), 0.5, 1.0, 3.0);
  EXPECT_DOUBLE_EQ(model.score({}), 0.5);
  EXPECT_DOUBLE_EQ(model.score({"a"}), 2.5);
  EXPECT_DOUBLE_EQ(model.score({"a", "b", "unknown", "other"}), 0.5 + 1.0 / 2.0);
  EXPECT_TRUE(model.decides(model.score({"a"})));
  EXPECT_FALSE(model.decides(model.score({"b"})));
  // Sure only from the higher threshold.
  EXPECT_FALSE(model.decides_surely(model.score({"a"})));
  EXPECT_TRUE(model.decides_surely(3.0));
}

TEST(LinearModelTest, StrongestFeaturesComeFirst) {
  const LinearModel model(WeightTable({{LinearModel::feature_key("a"), 0.5}, {LinearModel::feature_key("b"), 3.0}, {LinearModel::feature_key("c"), -2.0}}), 0, 0, 0);
  EXPECT_THAT(model.strongest({"a", "b", "c", "d"}, 5), ::testing::ElementsAre("b", "a"));
}

TEST(LinearModelTest, TheLastWeightOfAFeatureStands) {
  const LinearModel model(WeightTable({{LinearModel::feature_key("a"), 1.0}, {LinearModel::feature_key("b"), 2.0},
                                       {LinearModel::feature_key("a"), -4.0}}),
                          0, 0, 0);
  EXPECT_DOUBLE_EQ(model.score({"a"}), -4.0);
  EXPECT_DOUBLE_EQ(model.score({"b"}), 2.0);
  EXPECT_EQ(model.weights().entries().size(), 2u);
}

TEST(LinearModelTest, FindsEveryWeightOfALargeTable) {
  std::vector<WeightTable::Entry> entries;
  for (int i = 0; i < 5000; ++i) entries.push_back({LinearModel::feature_key("f" + std::to_string(i)), i + 0.5});
  const WeightTable table(entries);
  for (int i = 0; i < 5000; ++i) ASSERT_EQ(table.weight(LinearModel::feature_key("f" + std::to_string(i))), i + 0.5);
  EXPECT_EQ(table.weight(LinearModel::feature_key("absent")), 0.0);
  EXPECT_EQ(WeightTable().weight(1), 0.0);
}

TEST(LinearModelTest, NamesAndKeysScoreTheSame) {
  std::vector<WeightTable::Entry> weights;
  for (int i = 0; i < 200; ++i) weights.push_back({LinearModel::feature_key(std::to_string(i)), (i % 7 - 3) * 0.1137});
  const LinearModel model(WeightTable(weights), -0.2, 0.0, 0.5);
  for (int count = 0; count <= 200; count += 5) {
    std::vector<std::string> features;
    std::vector<std::uint64_t> keys;
    for (int i = 0; i < count; ++i) {
      features.push_back(std::to_string(i * 3 % 200));
      keys.push_back(LinearModel::feature_key(features.back()));
    }
    // The same double, whatever order the names or the keys come in.
    EXPECT_EQ(model.score(features), model.score_by_keys(keys)) << count;
    std::reverse(features.begin(), features.end());
    EXPECT_EQ(model.score(features), model.score_by_keys(keys)) << count;
    std::sort(keys.begin(), keys.end());
    EXPECT_EQ(model.score(features), model.score_by_keys(keys)) << count;
  }
}

TEST(FeaturesTest, KeysAreThoseOfTheWordFeatures) {
  const std::string text = "just stop the tablets. stop them today, stop them now";
  std::vector<TaggedWords> sentences;
  for (const Span sentence : {Span{0, 22}, Span{23, text.size()}}) sentences.push_back({std::make_shared<const std::vector<Token>>(tokenize(text, sentence)), {}});
  std::vector<std::uint64_t> expected;
  for (const std::string& feature : word_features(sentences)) expected.push_back(LinearModel::feature_key(feature));
  EXPECT_THAT(word_feature_keys(sentences), ::testing::UnorderedElementsAreArray(expected));
}

TEST(FeaturesTest, WordsStandForTheirClassesAndClassesPair) {
  const WordClasses classes = WordClasses::compile({{"MEDICINE", {"blood thinner"}}, {"STOP", {"stop"}}});
  const std::string text = "never stop the blood thinner";
  TaggedWords words{std::make_shared<const std::vector<Token>>(tokenize(text, {0, text.size()})), {}};
  words.hits = classes.tag(*words.tokens);
  const std::vector<bool> all_classes(classes.size(), true);
  const std::vector<std::string> features = window_features(classes, all_classes, {words});
  EXPECT_THAT(features, ::testing::IsSupersetOf({"u:never", "u:STOP", "u:MEDICINE", "b:never_STOP", "b:the_MEDICINE",
                                                "c:STOP", "c:MEDICINE", "p:MEDICINE+STOP"}));
  // Function words carry no unigram: they tell who wrote a passage.
  EXPECT_THAT(features, ::testing::Not(::testing::Contains("u:the")));
  std::vector<std::uint64_t> keys;
  for (const std::string& feature : features) keys.push_back(LinearModel::feature_key(feature));
  EXPECT_THAT(window_feature_keys(classes, all_classes, {words}), ::testing::UnorderedElementsAreArray(keys));
}

TEST(FeaturesTest, ClassesAModelDoesNotKnowLeaveTheirWordsAsLemmas) {
  const WordClasses classes = WordClasses::compile({{"MEDICINE", {"blood thinner"}}, {"STOP", {"stop"}}});
  // Trained before STOP was a class: it knows MEDICINE and the lemma "stop".
  const LinearModel model(WeightTable({{LinearModel::feature_key("c:MEDICINE"), 0.5},
                                       {LinearModel::feature_key("u:stop"), 1.0}}),
                          0.0, 0.5, 1.0);
  const std::vector<bool> known = model_classes(classes, model);
  EXPECT_THAT(known, ::testing::ElementsAre(classes.find("MEDICINE") == 0, classes.find("STOP") == 0));
  const std::string text = "never stop the blood thinner";
  TaggedWords words{std::make_shared<const std::vector<Token>>(tokenize(text, {0, text.size()})), {}};
  words.hits = classes.tag(*words.tokens);
  const std::vector<std::string> features = window_features(classes, known, {words});
  EXPECT_THAT(features, ::testing::IsSupersetOf({"u:stop", "b:never_stop", "u:MEDICINE", "c:MEDICINE"}));
  EXPECT_THAT(features, ::testing::Not(::testing::Contains("c:STOP")));
  EXPECT_THAT(features, ::testing::Not(::testing::Contains("p:MEDICINE+STOP")));
}

}  // namespace
}  // namespace medlint::testing
