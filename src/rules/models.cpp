#include "rules/models.h"

#include <fmt/format.h>

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
  std::unordered_map<std::string, double> weights;
  const YAML::Node weight_nodes = model.node("weights");
  if (weight_nodes && !weight_nodes.IsMap()) throw model.error(weight_nodes, "`weights` must map features to numbers");
  for (const auto& entry : weight_nodes) {
    try {
      weights[entry.first.as<std::string>()] = entry.second.as<double>();
    } catch (const YAML::Exception&) {
      throw model.error(entry.second, fmt::format("the weight of `{}` must be a number", entry.first.as<std::string>("")));
    }
  }
  compiled = std::make_shared<const LinearModel>(std::move(weights), model.number("bias", 0.0),
                                                  model.number("threshold", 0.0));
  return compiled;
}

}  // namespace medlint
