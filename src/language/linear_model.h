// A linear model over named features (logistic regression weights trained
// offline, shipped as rule data): a window of text scores as the bias plus
// the sum of its features' weights, each feature valued 1/sqrt(n) for n
// features (unit length, so windows of any length compare).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace medlint {

class LinearModel {
 public:
  // Weights by feature name: see feature_key().
  using Weights = std::unordered_map<std::uint64_t, double>;
  LinearModel(const Weights& weights, double bias, double threshold, double sure_threshold);
  // A feature's key among the weights: its name's FNV-1a hash, so a model
  // of tens of thousands of features is loaded and read without a string
  // per feature.
  static std::uint64_t feature_key(std::string_view feature);

  double score(const std::vector<std::string>& features) const;
  // Whether the features with these keys (feature_key() of each, sorted,
  // without repeats) may score at or above the sure threshold: false only
  // when score() of their names surely does not, whatever order it sums
  // them in, so a caller may skip building the names.
  bool may_decide_surely(const std::vector<std::uint64_t>& keys) const;
  // Whether a score decides for the class the model was trained to find.
  bool decides(double score) const { return score >= threshold_; }
  // Whether it decides with the precision training's cross-validation
  // found at the model's `sure_threshold`, for windows that give it less
  // to go on.
  bool decides_surely(double score) const { return score >= sure_threshold_; }
  // The features that pushed the score up most, strongest first.
  std::vector<std::string> strongest(const std::vector<std::string>& features, std::size_t count) const;

 private:
  double weight_of(std::string_view feature) const { return weight_of_key(feature_key(feature)); }
  double weight_of_key(std::uint64_t key) const;

  // The nonzero weights in an open-addressing table (linear probing, a
  // power-of-two size at most three quarters full), a slot of weight 0
  // ending a probe: a model is read once per feature of every window, and
  // a node-based map's pointer chase and division per look-up were a
  // tenth of a run's time.
  struct Slot {
    std::uint64_t key = 0;
    double weight = 0;
  };
  std::vector<Slot> slots_;
  int shift_ = 64;  // 64 - log2(slots_.size())
  double bias_;
  double threshold_;
  double sure_threshold_;
};

}  // namespace medlint
