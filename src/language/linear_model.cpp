#include "language/linear_model.h"

#include <algorithm>
#include <cmath>

#include "core/fnv1a.h"

namespace medlint {

std::uint64_t LinearModel::feature_key(std::string_view feature) { return fnv1a(feature); }

double LinearModel::weight_of(std::string_view feature) const {
  const auto found = weights_.find(feature_key(feature));
  return found == weights_.end() ? 0.0 : found->second;
}

double LinearModel::score(const std::vector<std::string>& features) const {
  if (features.empty()) return bias_;
  double total = 0;
  for (const std::string& feature : features) total += weight_of(feature);
  // Each feature counts 1/sqrt(n), as in training: a long window does not
  // outscore a short one by having more words.
  return bias_ + total / std::sqrt(static_cast<double>(features.size()));
}

std::vector<std::string> LinearModel::strongest(const std::vector<std::string>& features, std::size_t count) const {
  std::vector<std::pair<double, std::string>> positive;
  for (const std::string& feature : features) {
    if (const double weight = weight_of(feature); weight > 0) positive.emplace_back(weight, feature);
  }
  std::sort(positive.begin(), positive.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<std::string> names;
  for (std::size_t i = 0; i < positive.size() && i < count; ++i) names.push_back(positive[i].second);
  return names;
}

}  // namespace medlint
