#include "language/linear_model.h"

#include <algorithm>
#include <cmath>

#include "core/fnv1a.h"

namespace medlint {

WeightTable::WeightTable(std::vector<Entry> entries) {
  // Stable, so the last of a key's entries is the last of its run.
  std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.key < b.key; });
  std::vector<Entry> unique;
  unique.reserve(entries.size());
  for (const Entry& entry : entries) {
    if (!unique.empty() && unique.back().key == entry.key) {
      unique.back() = entry;
    } else {
      unique.push_back(entry);
    }
  }
  owned_ = std::make_shared<const std::vector<Entry>>(std::move(unique));
  entries_ = *owned_;
}

WeightTable WeightTable::view(std::span<const Entry> sorted) {
  WeightTable table;
  table.entries_ = sorted;
  return table;
}

double WeightTable::weight(std::uint64_t key) const {
  const auto found = std::lower_bound(entries_.begin(), entries_.end(), key,
                                      [](const Entry& entry, std::uint64_t wanted) { return entry.key < wanted; });
  return found != entries_.end() && found->key == key ? found->weight : 0.0;
}

std::uint64_t LinearModel::feature_key(std::string_view feature) { return fnv1a(feature); }

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
