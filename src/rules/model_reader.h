// A rule whose linear model (rule data, src/rules/models.h) reads windows
// of an article: what the training tool (src/tools/model_features.cpp) asks
// of it, so that training reads the features the rule scores.
#pragma once
#include <set>
#include <string>
#include <string_view>
#include <vector>

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
  // What the model the rule's option `model_option` names reads in a
  // document ("model"; an `advice` rule's "passage_model"). Throws
  // std::invalid_argument for an option naming no model the rule reads.
  virtual Example model_example(const Document& document, std::string_view model_option) const = 0;
};

// The blocks a model of paragraphs reads: paragraphs, list items and
// quoted paragraphs (a heading or title names a topic, not a case; code is
// no prose).
std::vector<int> prose_blocks(const Document& document);
// Whether `block` is one of those.
bool read_as_prose(const Block& block);

// Whether text lies within a link's text.
bool in_link_text(const Document& document, Span text);

}  // namespace medlint
