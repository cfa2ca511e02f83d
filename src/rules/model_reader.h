// A rule whose linear model (rule data, src/rules/models.h) reads windows
// of an article: what the training tool (src/tools/model_features.cpp) asks
// of it, so that training reads the features the rule scores.
#pragma once
#include <set>
#include <string>

#include "medlint/document.h"

namespace medlint {

class ModelReader {
 public:
  struct Example {
    // What the rule's own reading made of the article, by kind (an advice
    // frame's finding "plain"; a window a `requires` rule's gates let its
    // model read "read"): training sets thresholds per kind.
    std::set<std::string> kinds;
    // The union of the features of the windows the model reads.
    std::set<std::string> features;
  };
  virtual ~ModelReader() = default;
  virtual Example model_example(const Document& document) const = 0;
};

}  // namespace medlint
