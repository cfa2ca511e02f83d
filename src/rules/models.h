// Linear models shipped as rule data: a pack's `models:` maps names to
//   source: how the model was trained (provenance; required)
//   bias: -0.4
//   threshold: 0.0       # score at or above which the model decides
//   weights: |            # one "WEIGHT FEATURE" line each
//     -1.2 u:never
//     0.8 p:MEDICINE+STOP
//   veto_below: {plain: -2.4, endorsed: -3.9}  # optional, see TrainedModel
// A rule names one in an option; each is compiled once per configuration.
#pragma once
#include <map>
#include <memory>
#include <span>
#include <string_view>
#include <utility>
#include <string>

#include "language/linear_model.h"
#include "rules/options.h"
#include "rules/rule.h"

namespace medlint {

// A linear model with the scores, set by its training's cross-validation,
// below which it vetoes a finding another part of the rule made, by the
// kind of that finding (for an `advice` rule: "plain", "endorsed"): the
// score from which down the out-of-fold share of negatives reaches the
// precision the training asked of a veto.
class TrainedModel : public LinearModel {
 public:
  TrainedModel(LinearModel model, std::map<std::string, double> veto_below)
      : LinearModel(std::move(model)), veto_below_(std::move(veto_below)) {}
  // Whether the model vetoes a finding of `kind` it scores `score`; a kind
  // training set no veto for is never vetoed.
  bool vetoes(const std::string& kind, double score) const {
    const auto veto = veto_below_.find(kind);
    return veto != veto_below_.end() && score < veto->second;
  }
  const std::map<std::string, double>& veto_below() const { return veto_below_; }

 private:
  std::map<std::string, double> veto_below_;
};

// A shipped model, compiled into the binary when medlint is built
// (tools/compile_pattern_database.cpp) from the pack images it carries, so
// a start-up neither decodes it nor reads its weights' text.
struct ShippedModel {
  std::string_view path;   // of its pack file, as read_pack names it: "medlint:recommended/x.yaml"
  std::string_view name;
  std::size_t image_size;  // of its entry's image (RuleBuildContext::CueSetSource::image)
  double bias, threshold, sure_threshold;
  std::span<const std::pair<std::string_view, double>> veto_below;
  std::span<const WeightTable::Entry> weights;
  std::span<const std::uint32_t> weight_starts;  // WeightTable::bucket_starts(weights)
};
// Empty in the build tool that writes them.
std::span<const ShippedModel> shipped_models();

// The model named by option `key`, or null when the option is absent.
// Throws ConfigError on an unknown name or a malformed model.
std::shared_ptr<const TrainedModel> read_model_option(const Options& options, const std::string& key,
                                                     const RuleBuildContext& context);

}  // namespace medlint
