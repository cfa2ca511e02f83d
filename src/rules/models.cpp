#include "rules/models.h"

#include <fmt/format.h>
#include <sstream>

namespace medlint {

namespace {

std::shared_ptr<const LinearModel> read_model(const RuleBuildContext::CueSetSource& source, const std::string& name) {
  const Options model(source.node, source.path, fmt::format("model `{}`", name));
  model.allow_only({"source", "bias", "threshold", "weights", "cross_validation"});
  if (model.string("source", "").empty()) {
    throw model.error(source.node, fmt::format("model `{}` needs a `source:` saying how it was trained", name));
  }
  // `weights` is one text of "weight feature" lines (see
  // scripts/train-advice-model).
  std::unordered_map<std::string, double> weights;
  std::istringstream lines(model.string("weights", ""));
  std::string line;
  for (int number = 1; std::getline(lines, line); ++number) {
    if (line.empty()) continue;
    std::istringstream fields(line);
    double weight = 0;
    std::string feature;
    if (!(fields >> weight >> feature)) {
      throw model.error(model.node("weights"),
                        fmt::format("line {} of the weights of model `{}` is not \"WEIGHT FEATURE\"", number, name));
    }
    weights[feature] = weight;
  }
  return std::make_shared<const LinearModel>(std::move(weights), model.number("bias", 0.0),
                                             model.number("threshold", 0.0));
}

}  // namespace

std::shared_ptr<const LinearModel> read_model_option(const Options& options, const std::string& key,
                                                     const RuleBuildContext& context) {
  return read_named_entry(options, key, context.models, context.compiled_models, "model", "models", &read_model);
}

}  // namespace medlint
