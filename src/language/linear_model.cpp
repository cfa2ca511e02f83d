#include "language/linear_model.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "core/fnv1a.h"

namespace medlint {

std::uint64_t LinearModel::feature_key(std::string_view feature) { return fnv1a(feature); }

namespace {

// A key's first slot: the high bits of the key times 2^64 / phi, which
// spreads keys that differ in few bits.
std::size_t first_slot(std::uint64_t key, int shift) {
  return shift >= 64 ? 0 : static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> shift);
}

}  // namespace

LinearModel::LinearModel(const Weights& weights, double bias, double threshold, double sure_threshold)
    : bias_(bias), threshold_(threshold), sure_threshold_(sure_threshold) {
  std::size_t size = 1;  // at most three quarters full
  for (shift_ = 64; 3 * size < 4 * weights.size(); size *= 2) --shift_;
  slots_.resize(size);
  const std::size_t mask = size - 1;
  for (const auto& [key, weight] : weights) {
    // A weight of 0 is what a missing feature weighs.
    if (weight == 0) continue;
    std::size_t at = first_slot(key, shift_);
    while (slots_[at].weight != 0) at = (at + 1) & mask;
    slots_[at] = {key, weight};
  }
}

double LinearModel::weight_of_key(std::uint64_t key) const {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t at = first_slot(key, shift_);; at = (at + 1) & mask) {
    const Slot& slot = slots_[at];
    if (slot.weight == 0 || slot.key == key) return slot.weight;
  }
}

double LinearModel::score(const std::vector<std::string>& features) const {
  if (features.empty()) return bias_;
  double total = 0;
  for (const std::string& feature : features) total += weight_of(feature);
  // Each feature counts 1/sqrt(n), as in training: a long window does not
  // outscore a short one by having more words.
  return bias_ + total / std::sqrt(static_cast<double>(features.size()));
}

bool LinearModel::may_decide_surely(const std::vector<std::uint64_t>& keys) const {
  if (keys.empty()) return decides_surely(bias_);
  double total = 0;
  double magnitude = 0;
  for (const std::uint64_t key : keys) {
    const double weight = weight_of_key(key);
    total += weight;
    magnitude += std::abs(weight);
  }
  // Sums of the same n terms in two orders differ by less than
  // 2 (n - 1) u times the sum of their magnitudes (u = DBL_EPSILON / 2);
  // the bound is widened past that and the rounding of the sums below.
  const auto n = static_cast<double>(keys.size());
  const double rounding = 4 * (n + 2) * DBL_EPSILON * magnitude + 1e-12;
  return decides_surely(bias_ + (total + rounding) / std::sqrt(n));
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
