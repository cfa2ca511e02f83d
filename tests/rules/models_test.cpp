#include "rules/models.h"

#include <algorithm>
#include <gtest/gtest.h>

#include "rules/packs.h"

namespace medlint {
namespace {

// A model as a rule's `model:` option names it.
std::shared_ptr<const TrainedModel> model_named(const std::string& name, const RuleBuildContext& context) {
  const Options options(YAML::Load("{model: " + name + "}"), "rule.yaml", "a rule");
  return read_model_option(options, "model", context);
}

// The shipped models are compiled in; each holds what reading the model's
// own YAML gives (the same model in a user's pack).
TEST(ModelsTest, TheShippedModelsHoldWhatTheirYamlSays) {
  const RulePack pack = load_shipped_pack(kRecommendedPack, "", YAML::Node());
  ASSERT_FALSE(shipped_models().empty());
  for (const ShippedModel& shipped : shipped_models()) {
    const std::string name(shipped.name);
    RuleBuildContext context = build_context(pack);
    const auto built_in = model_named(name, context);
    EXPECT_EQ(built_in->weights().entries().data(), shipped.weights.data()) << name;
    context.models.insert_or_assign(name, RuleBuildContext::CueSetSource(context.models.at(name).node(), "/packs/m.yaml"));
    context.compiled_models.clear();
    const auto read = model_named(name, context);
    EXPECT_EQ(read->bias(), built_in->bias()) << name;
    EXPECT_EQ(read->threshold(), built_in->threshold()) << name;
    EXPECT_EQ(read->sure_threshold(), built_in->sure_threshold()) << name;
    EXPECT_EQ(read->veto_below(), built_in->veto_below()) << name;
    EXPECT_TRUE(std::ranges::equal(read->weights().starts(), shipped.weight_starts)) << name;
    ASSERT_EQ(read->weights().entries().size(), shipped.weights.size()) << name;
    for (std::size_t i = 0; i < shipped.weights.size(); ++i) {
      ASSERT_EQ(read->weights().entries()[i].key, shipped.weights[i].key) << name;
      ASSERT_EQ(read->weights().entries()[i].weight, shipped.weights[i].weight) << name;
    }
  }
}

TEST(ModelsTest, AUserPacksModelIsReadFromItsText) {
  RulePack pack;
  read_pack("/packs/model.yaml", YAML::Load("models: {signs: {source: test, bias: -1, weights: \"2.5 u:gasp\\n-1 u:calm\"}}"),
            pack);
  const auto model = model_named("signs", build_context(pack));
  EXPECT_DOUBLE_EQ(model->score({"u:gasp"}), 1.5);
  EXPECT_DOUBLE_EQ(model->score({"u:calm"}), -2.0);
}

}  // namespace
}  // namespace medlint
