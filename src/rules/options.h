// Typed, validated access to a YAML map of options: every wrong type or
// unknown key is a ConfigError at the node's line and column.
#pragma once
#include <fmt/format.h>
#include <initializer_list>
#include <map>
#include <memory>
#include <string>
#include <vector>
#include <yaml-cpp/yaml.h>

#include "medlint/linter.h"

namespace medlint {

// A ConfigError at a node of the file `path`.
ConfigError config_error(const std::string& path, const YAML::Node& node, const std::string& message);

class Options {
 public:
  Options(const YAML::Node& map, std::string path, std::string what);

  // Rejects keys other than `known`, naming the ones allowed.
  void allow_only(std::initializer_list<std::string_view> known) const;

  bool has(const std::string& key) const { return static_cast<bool>(node(key)); }
  // The value of `key`; an undefined node when absent (or when there is no map).
  YAML::Node node(const std::string& key) const;
  std::string string(const std::string& key, std::string fallback) const;
  int integer(const std::string& key, int fallback, int min, int max) const;
  double number(const std::string& key, double fallback) const;
  bool boolean(const std::string& key, bool fallback) const;
  // A string or a list of strings.
  std::vector<std::string> strings(const std::string& key) const;
  // One of `choices`.
  std::string choice(const std::string& key, std::string fallback, std::initializer_list<std::string_view> choices) const;
  Options child(const std::string& key) const;

  const std::string& path() const { return path_; }
  ConfigError error(const YAML::Node& node, const std::string& message) const {
    return config_error(path_, node, message);
  }

 private:
  YAML::Node map_;
  std::string path_;
  std::string what_;  // "options of rule `self-treatment`", for messages
};

// What option `key` names among a pack's `entries` (cue sets, models...),
// built by `build(entry, name)` on first use and kept in `built`, so rules
// sharing one build it once; null when the option is absent. Throws
// ConfigError on a name no pack defines.
template <typename T, typename Entries, typename Build>
std::shared_ptr<const T> read_named_entry(const Options& options, const std::string& key, const Entries& entries,
                                          std::map<std::string, std::shared_ptr<const T>>& built,
                                          std::string_view what, std::string_view section, Build build) {
  if (!options.has(key)) return nullptr;
  const std::string name = options.string(key, "");
  const auto found = entries.find(name);
  if (found == entries.end()) {
    throw options.error(options.node(key),
                        fmt::format("unknown {} `{}`; define it under `{}:` of a rule pack", what, name, section));
  }
  auto& entry = built[name];
  if (!entry) entry = build(found->second, name);
  return entry;
}

}  // namespace medlint
