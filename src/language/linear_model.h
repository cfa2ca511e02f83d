// A linear model over named features (logistic regression weights trained
// offline, shipped as rule data): a window of text scores as the bias plus
// the sum of its features' weights, each feature valued 1/sqrt(n) for n
// features (unit length, so windows of any length compare).
#pragma once
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace medlint {

// A model's weights by feature key (LinearModel::feature_key), sorted by
// key: built from a model's text, or a view of a table compiled into the
// binary (rules/models.h), so loading a shipped model costs nothing. A
// lookup goes straight to the few entries that share the key's top bits
// (where each such bucket starts is kept beside the entries): as fast as a
// hash table, with no table to build.
class WeightTable {
 public:
  struct Entry {
    std::uint64_t key;
    double weight;
  };
  WeightTable() = default;
  // Sorts `entries`; of entries with one key, the last stands.
  explicit WeightTable(std::vector<Entry> entries);
  // A table sorted, with one entry per key, and its bucket_starts(), both
  // outliving this one.
  static WeightTable view(std::span<const Entry> sorted, std::span<const std::uint32_t> starts);

  // The weight of `key`, or 0 when the model has none.
  double weight(std::uint64_t key) const;
  std::span<const Entry> entries() const { return entries_; }
  // Where each bucket of `sorted` begins, and one past the last: a bucket
  // holds the keys with the same top bits, a bucket for about each entry.
  static std::vector<std::uint32_t> bucket_starts(std::span<const Entry> sorted);
  std::span<const std::uint32_t> starts() const { return starts_; }

 private:
  struct Owned {
    std::vector<Entry> entries;
    std::vector<std::uint32_t> starts;
  };
  std::shared_ptr<const Owned> owned_;
  std::span<const Entry> entries_;
  std::span<const std::uint32_t> starts_;
};

class LinearModel {
 public:
  LinearModel(WeightTable weights, double bias, double threshold, double sure_threshold)
      : weights_(std::move(weights)), bias_(bias), threshold_(threshold), sure_threshold_(sure_threshold) {}
  // A feature's key among the weights: its name's FNV-1a hash, so a model
  // of tens of thousands of features is loaded and read without a string
  // per feature.
  static std::uint64_t feature_key(std::string_view feature);

  // The score of features by their keys (feature_key() of each, in any
  // order): the weights are summed in key order, so a window scores the
  // same double whether its features' names were built or only their keys.
  double score_by_keys(const std::vector<std::uint64_t>& keys) const;
  double score(const std::vector<std::string>& features) const;
  // Whether a score decides for the class the model was trained to find.
  bool decides(double score) const { return score >= threshold_; }
  // Whether it decides with the precision training's cross-validation
  // found at the model's `sure_threshold`, for windows that give it less
  // to go on.
  bool decides_surely(double score) const { return score >= sure_threshold_; }
  // The features that pushed the score up most, strongest first.
  std::vector<std::string> strongest(const std::vector<std::string>& features, std::size_t count) const;
  const WeightTable& weights() const { return weights_; }
  double bias() const { return bias_; }
  double threshold() const { return threshold_; }
  double sure_threshold() const { return sure_threshold_; }

 private:
  double weight_of(std::string_view feature) const { return weights_.weight(feature_key(feature)); }

  WeightTable weights_;
  double bias_;
  double threshold_;
  double sure_threshold_;
};

}  // namespace medlint
