// Building one rule from inline YAML and running it on inline text.
#pragma once
#include <yaml-cpp/yaml.h>

#include "medlint/linter.h"
#include "rules/kinds/kinds.h"
#include "test_support.h"

namespace medlint::testing {

struct RuleHarness {
  std::unique_ptr<Rule> rule;

  // `cue_sets`, `word_classes` and `models` are the YAML of a pack's maps
  // of those names.
  RuleHarness(RuleFactory factory, const std::string& options, const std::string& cue_sets = "{}",
              const std::string& locale = "en-US", const std::string& word_classes = "{}",
              const std::string& models = "{}") {
    RuleBuildContext context;
    context.config_path = "test.yaml";
    context.locale.tag = locale;
    if (locale != "en-US" && locale != "en-CA") context.locale.date_order = DateOrder::DayMonthYear;
    for (const auto& entry : YAML::Load(cue_sets)) {
      context.cue_sets[entry.first.as<std::string>()] = {entry.second, "cues.yaml"};
    }
    for (const auto& entry : YAML::Load(word_classes)) {
      context.word_classes[entry.first.as<std::string>()].push_back({entry.second, "classes.yaml"});
    }
    for (const auto& entry : YAML::Load(models)) {
      context.models[entry.first.as<std::string>()] = {entry.second, "models.yaml"};
    }
    rule = factory(RuleInfo{"test-rule", "kind", "", Severity::Error}, YAML::Load(options), context);
  }

  std::vector<Diagnostic> run(const std::string& path, const std::string& text,
                              std::chrono::year_month_day today = std::chrono::year{2026} / 11 / 23) const {
    const Document document = parse_text(path, text);
    std::vector<Diagnostic> out;
    rule->check(RuleContext{document, today}, out);
    return out;
  }

  // The source text each finding points at.
  std::vector<std::string> flagged(const std::string& path, const std::string& text) const {
    std::vector<std::string> result;
    for (const Diagnostic& d : run(path, text)) result.push_back(text.substr(d.span.begin, d.span.size()));
    return result;
  }
};

}  // namespace medlint::testing
