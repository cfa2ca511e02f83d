// Linear models shipped as rule data: a pack's `models:` maps names to
//   source: how the model was trained (provenance; required)
//   bias: -0.4
//   threshold: 0.0       # score at or above which the model decides
//   weights: |            # one "WEIGHT FEATURE" line each
//     -1.2 u:never
//     0.8 p:MEDICINE+STOP
// A rule names one in an option; each is compiled once per configuration.
#pragma once
#include <memory>
#include <string>

#include "language/linear_model.h"
#include "rules/options.h"
#include "rules/rule.h"

namespace medlint {

// The model named by option `key`, or null when the option is absent.
// Throws ConfigError on an unknown name or a malformed model.
std::shared_ptr<const LinearModel> read_model_option(const Options& options, const std::string& key,
                                                     const RuleBuildContext& context);

}  // namespace medlint
