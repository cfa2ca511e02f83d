#include "language/linear_model.h"

#include <algorithm>
#include <bit>
#include <cmath>

#include "core/fnv1a.h"
#include "core/scratch.h"

namespace medlint {

namespace {

// The bits of a key that choose its bucket, for `size` entries.
int bucket_bits(std::size_t size) { return std::max(1, static_cast<int>(std::bit_width(size))); }

}  // namespace

WeightTable::WeightTable(std::vector<Entry> entries) {
  // Stable, so the last of a key's entries is the last of its run.
  std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.key < b.key; });
  auto owned = std::make_shared<Owned>();
  owned->entries.reserve(entries.size());
  for (const Entry& entry : entries) {
    if (!owned->entries.empty() && owned->entries.back().key == entry.key) {
      owned->entries.back() = entry;
    } else {
      owned->entries.push_back(entry);
    }
  }
  owned->starts = bucket_starts(owned->entries);
  entries_ = owned->entries;
  starts_ = owned->starts;
  owned_ = std::move(owned);
}

WeightTable WeightTable::view(std::span<const Entry> sorted, std::span<const std::uint32_t> starts) {
  WeightTable table;
  table.entries_ = sorted;
  table.starts_ = starts;
  return table;
}

std::vector<std::uint32_t> WeightTable::bucket_starts(std::span<const Entry> sorted) {
  const int shift = 64 - bucket_bits(sorted.size());
  std::vector<std::uint32_t> starts((std::size_t{1} << (64 - shift)) + 1);
  std::size_t at = 0;
  for (std::size_t bucket = 0; bucket < starts.size(); ++bucket) {
    while (at < sorted.size() && (sorted[at].key >> shift) < bucket) ++at;
    starts[bucket] = static_cast<std::uint32_t>(at);
  }
  return starts;
}

double WeightTable::weight(std::uint64_t key) const {
  if (entries_.empty()) return 0.0;
  const std::size_t bucket = key >> (64 - bucket_bits(entries_.size()));
  for (std::uint32_t at = starts_[bucket]; at < starts_[bucket + 1]; ++at) {
    if (entries_[at].key == key) return entries_[at].weight;
  }
  return 0.0;
}

std::uint64_t LinearModel::feature_key(std::string_view feature) { return fnv1a(feature); }

double LinearModel::score_by_keys(const std::vector<std::uint64_t>& keys) const {
  if (keys.empty()) return bias_;
  // The weights are summed in key order, so that the same features give the
  // same double in any order. Only the keys with a weight are sorted: a key
  // without one adds 0.0, which leaves a sum as it was.
  thread_local std::vector<WeightTable::Entry> weighted;
  weighted.clear();
  for (const std::uint64_t key : keys) {
    if (const double weight = weights_.weight(key); weight != 0.0) weighted.push_back({key, weight});
  }
  std::sort(weighted.begin(), weighted.end(),
            [](const WeightTable::Entry& a, const WeightTable::Entry& b) { return a.key < b.key; });
  double total = 0;
  for (const WeightTable::Entry& entry : weighted) total += entry.weight;
  trim_scratch(weighted);
  // Each feature counts 1/sqrt(n), as in training: a long window does not
  // outscore a short one by having more words.
  return bias_ + total / std::sqrt(static_cast<double>(keys.size()));
}

double LinearModel::score(const std::vector<std::string>& features) const {
  std::vector<std::uint64_t> keys;
  keys.reserve(features.size());
  for (const std::string& feature : features) keys.push_back(feature_key(feature));
  return score_by_keys(keys);
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
