#include "language/linear_model.h"

#include <algorithm>
#include <cmath>

namespace medlint {

double LinearModel::score(const std::vector<std::string>& features) const {
  if (features.empty()) return bias_;
  double total = 0;
  for (const std::string& feature : features) {
    if (const auto found = weights_.find(feature); found != weights_.end()) total += found->second;
  }
  // Each feature counts 1/sqrt(n), as in training: a long window does not
  // outscore a short one by having more words.
  return bias_ + total / std::sqrt(static_cast<double>(features.size()));
}

std::vector<std::string> LinearModel::strongest(const std::vector<std::string>& features, std::size_t count) const {
  std::vector<std::pair<double, std::string>> positive;
  for (const std::string& feature : features) {
    const auto found = weights_.find(feature);
    if (found != weights_.end() && found->second > 0) positive.emplace_back(found->second, feature);
  }
  std::sort(positive.begin(), positive.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<std::string> names;
  for (std::size_t i = 0; i < positive.size() && i < count; ++i) names.push_back(positive[i].second);
  return names;
}

}  // namespace medlint
