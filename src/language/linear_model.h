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
  LinearModel(Weights weights, double bias, double threshold, double sure_threshold)
      : weights_(std::move(weights)), bias_(bias), threshold_(threshold), sure_threshold_(sure_threshold) {}
  // A feature's key among the weights: its name's FNV-1a hash, so a model
  // of tens of thousands of features is loaded and read without a string
  // per feature.
  static std::uint64_t feature_key(std::string_view feature);

  double score(const std::vector<std::string>& features) const;
  // Whether a score decides for the class the model was trained to find.
  bool decides(double score) const { return score >= threshold_; }
  // Whether it decides with the precision training's cross-validation
  // found at the model's `sure_threshold`, for windows that give it less
  // to go on.
  bool decides_surely(double score) const { return score >= sure_threshold_; }
  // The features that pushed the score up most, strongest first.
  std::vector<std::string> strongest(const std::vector<std::string>& features, std::size_t count) const;

 private:
  double weight_of(std::string_view feature) const;

  Weights weights_;
  double bias_;
  double threshold_;
  double sure_threshold_;
};

}  // namespace medlint
