#include "rules/models.h"

#include <fmt/format.h>
#include <sstream>

namespace medlint {

std::shared_ptr<const LinearModel> read_model_option(const Options& options, const std::string& key,
                                                     const RuleBuildContext& context) {
  if (!options.has(key)) return nullptr;
  const std::string name = options.string(key, "");
  const auto found = context.models.find(name);
  if (found == context.models.end()) {
    throw options.error(options.node(key), fmt::format("unknown model `{}`; define it under `models:` of a rule pack", name));
  }
  auto& compiled = context.compiled_models[name];
  if (compiled) return compiled;
  const Options model(found->second.node, found->second.path, fmt::format("model `{}`", name));
  model.allow_only({"source", "bias", "threshold", "weights", "cross_validation"});
  if (model.string("source", "").empty()) {
    throw model.error(found->second.node, fmt::format("model `{}` needs a `source:` saying how it was trained", name));
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
  compiled = std::make_shared<const LinearModel>(std::move(weights), model.number("bias", 0.0),
                                                  model.number("threshold", 0.0));
  return compiled;
}

}  // namespace medlint
