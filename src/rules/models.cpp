#include "rules/models.h"

#include <algorithm>
#include <charconv>
#include <fmt/format.h>

namespace medlint {

namespace {

// The model compiled in for a shipped pack's entry, or null. A user pack's
// path is a file's ("medlint:" never starts one), and the model was
// compiled from the very pack image this binary reads, so path and name
// identify it; the size of its image guards against one left from another
// build.
std::shared_ptr<const TrainedModel> shipped_model(const RuleBuildContext::CueSetSource& source, std::string_view name) {
  if (!source.path.starts_with("medlint:")) return nullptr;
  for (const ShippedModel& shipped : shipped_models()) {
    if (shipped.path == source.path && shipped.name == name && shipped.image_size == source.image().size()) {
      std::map<std::string, double> veto_below;
      for (const auto& [kind, score] : shipped.veto_below) veto_below.emplace(kind, score);
      return std::make_shared<const TrainedModel>(
          LinearModel(WeightTable::view(shipped.weights, shipped.weight_starts), shipped.bias, shipped.threshold, shipped.sure_threshold),
          std::move(veto_below));
    }
  }
  return nullptr;
}

// `weights` is one text of "weight feature" lines (see
// scripts/train-advice-model), read without streams: a model has
// thousands of lines.
WeightTable read_weights(const Options& model, const std::string& name, std::string_view text) {
  std::vector<WeightTable::Entry> weights;
  weights.reserve(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; };
  int number = 0;
  for (std::size_t begin = 0; begin < text.size();) {
    const std::size_t end = std::min(text.find('\n', begin), text.size());
    ++number;
    const char* at = text.data() + begin;
    const char* const line_end = text.data() + end;
    begin = end + 1;
    if (at == line_end) continue;
    while (at < line_end && is_space(*at)) ++at;
    if (at < line_end && *at == '+') ++at;
    double weight = 0;
    const auto [weight_end, error] = std::from_chars(at, line_end, weight);
    at = weight_end;
    while (at < line_end && is_space(*at)) ++at;
    const char* feature_end = at;
    while (feature_end < line_end && !is_space(*feature_end)) ++feature_end;
    if (error != std::errc() || feature_end == at) {
      throw model.error(model.node("weights"),
                        fmt::format("line {} of the weights of model `{}` is not \"WEIGHT FEATURE\"", number, name));
    }
    weights.push_back({LinearModel::feature_key(std::string_view(at, static_cast<std::size_t>(feature_end - at))), weight});
  }
  return WeightTable(std::move(weights));
}

std::shared_ptr<const TrainedModel> read_model(const RuleBuildContext::CueSetSource& source, const std::string& name) {
  if (auto shipped = shipped_model(source, name)) return shipped;
  const Options model(source.node(), source.path, fmt::format("model `{}`", name));
  model.allow_only({"source", "bias", "threshold", "sure_threshold", "weights", "cross_validation", "veto_below"});
  if (model.string("source", "").empty()) {
    throw model.error(source.node(), fmt::format("model `{}` needs a `source:` saying how it was trained", name));
  }
  WeightTable weights = read_weights(model, name, model.string("weights", ""));
  std::map<std::string, double> veto_below;
  if (model.has("veto_below")) {
    const Options vetoes(model.node("veto_below"), source.path, fmt::format("`veto_below` of model `{}`", name));
    for (const auto& entry : model.node("veto_below")) {
      const std::string kind = entry.first.as<std::string>();
      veto_below[kind] = vetoes.number(kind, 0.0);
    }
  }
  const double threshold = model.number("threshold", 0.0);
  return std::make_shared<const TrainedModel>(
      LinearModel(std::move(weights), model.number("bias", 0.0), threshold, model.number("sure_threshold", threshold)),
      std::move(veto_below));
}

}  // namespace

std::shared_ptr<const TrainedModel> read_model_option(const Options& options, const std::string& key,
                                                     const RuleBuildContext& context) {
  return read_named_entry(options, key, context.models, context.compiled_models, "model", "models", &read_model);
}

}  // namespace medlint
