#include "rules/options.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/closest.h"

namespace medlint {

ConfigError config_error(const std::string& path, const YAML::Node& node, const std::string& message) {
  const YAML::Mark mark = node.Mark();
  const Position position = mark.is_null() ? Position{1, 1} : Position{mark.line + 1, mark.column + 1};
  return ConfigError(path, position, message);
}

Options::Options(const YAML::Node& map, std::string path, std::string what)
    : map_(map), path_(std::move(path)), what_(std::move(what)) {
  if (map_ && !map_.IsNull() && !map_.IsMap()) throw error(map_, fmt::format("{} must be a map", what_));
}

YAML::Node Options::node(const std::string& key) const {
  // Indexing a const map never inserts; a missing key gives an undefined node.
  static const YAML::Node no_map(YAML::NodeType::Map);
  const YAML::Node& map = map_ && map_.IsMap() ? map_ : no_map;
  return map[key];
}

void Options::allow_only(std::initializer_list<std::string_view> known) const {
  if (!map_ || !map_.IsMap()) return;
  for (const auto& entry : map_) {
    const std::string key = entry.first.as<std::string>("");
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      // A key copied into a merged map (a rule's options from the
      // configuration) lost its position; its value kept it.
      const YAML::Node& located = entry.first.Mark().is_null() ? entry.second : entry.first;
      throw error(located, fmt::format("unknown key `{}` in {}{}; expected one of: {}", key, what_,
                                       did_you_mean(key, std::vector<std::string_view>(known)), fmt::join(known, ", ")));
    }
  }
}

std::string Options::string(const std::string& key, std::string fallback) const {
  const YAML::Node value = node(key);
  if (!value) return fallback;
  if (!value.IsScalar()) throw error(value, fmt::format("`{}` in {} must be a string", key, what_));
  return value.Scalar();
}

int Options::integer(const std::string& key, int fallback, int min, int max) const {
  const YAML::Node value = node(key);
  if (!value) return fallback;
  int result = 0;
  if (!value.IsScalar() || !YAML::convert<int>::decode(value, result) || result < min || result > max) {
    throw error(value, fmt::format("`{}` in {} must be a whole number from {} to {}", key, what_, min, max));
  }
  return result;
}

double Options::number(const std::string& key, double fallback) const {
  const YAML::Node value = node(key);
  if (!value) return fallback;
  double result = 0;
  if (!value.IsScalar() || !YAML::convert<double>::decode(value, result)) {
    throw error(value, fmt::format("`{}` in {} must be a number", key, what_));
  }
  return result;
}

bool Options::boolean(const std::string& key, bool fallback) const {
  const YAML::Node value = node(key);
  if (!value) return fallback;
  bool result = false;
  if (!value.IsScalar() || !YAML::convert<bool>::decode(value, result)) {
    throw error(value, fmt::format("`{}` in {} must be true or false", key, what_));
  }
  return result;
}

std::vector<std::string> Options::strings(const std::string& key) const {
  const YAML::Node value = node(key);
  std::vector<std::string> result;
  if (!value || value.IsNull()) return result;
  if (value.IsScalar()) return {value.Scalar()};
  if (!value.IsSequence()) throw error(value, fmt::format("`{}` in {} must be a string or a list of strings", key, what_));
  for (const auto& item : value) {
    if (!item.IsScalar()) throw error(item, fmt::format("`{}` in {} must list strings", key, what_));
    result.push_back(item.Scalar());
  }
  return result;
}

std::string Options::choice(const std::string& key, std::string fallback,
                            std::initializer_list<std::string_view> choices) const {
  std::string value = string(key, std::move(fallback));
  if (std::find(choices.begin(), choices.end(), value) == choices.end()) {
    throw error(node(key), fmt::format("`{}` in {} must be one of: {}; got \"{}\"", key, what_,
                                       fmt::join(choices, ", "), value));
  }
  return value;
}

Options Options::child(const std::string& key) const {
  return Options(node(key), path_, fmt::format("`{}` of {}", key, what_));
}

}  // namespace medlint
