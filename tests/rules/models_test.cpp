#include "rules/models.h"

#include <gtest/gtest.h>

#include "rules/packs.h"

namespace medlint {
namespace {

// A model as a rule's `model:` option names it.
std::shared_ptr<const TrainedModel> model_named(const std::string& name, const RuleBuildContext& context) {
  const Options options(YAML::Load("{model: " + name + "}"), "rule.yaml", "a rule");
  return read_model_option(options, "model", context);
}

// The shipped models' weights are compiled in; each table holds what
// reading the model's own text gives (the same model in a user's pack).
TEST(ModelsTest, TheShippedWeightTablesHoldTheirModelsText) {
  const RulePack pack = load_shipped_pack(kRecommendedPack, "", YAML::Node());
  ASSERT_FALSE(shipped_model_weights().empty());
  for (const ShippedWeights& shipped : shipped_model_weights()) {
    const std::string name(shipped.model);
    RuleBuildContext context = build_context(pack);
    const auto built_in = model_named(name, context);
    EXPECT_EQ(built_in->weights().entries().data(), shipped.entries.data()) << name;
    context.models.at(name).path = "/packs/" + name + ".yaml";
    context.compiled_models.clear();
    const auto read = model_named(name, context);
    ASSERT_EQ(read->weights().entries().size(), shipped.entries.size()) << name;
    for (std::size_t i = 0; i < shipped.entries.size(); ++i) {
      ASSERT_EQ(read->weights().entries()[i].key, shipped.entries[i].key) << name;
      ASSERT_EQ(read->weights().entries()[i].weight, shipped.entries[i].weight) << name;
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
