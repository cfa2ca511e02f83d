#include "rules/word_class_sets.h"

#include <algorithm>
#include <fmt/format.h>

#include "rules/options.h"

namespace medlint {

std::shared_ptr<const WordClasses> read_word_classes(const RuleBuildContext& context) {
  if (context.compiled_word_classes) return context.compiled_word_classes;
  std::map<std::string, std::vector<std::string>> terms_by_class;
  for (const auto& [name, definitions] : context.word_classes) {
    std::vector<std::string>& terms = terms_by_class[name];
    for (const RuleBuildContext::CueSetSource& definition : definitions) {
      const Options options(definition.node, definition.path, fmt::format("word class `{}`", name));
      options.allow_only({"source", "terms"});
      if (options.string("source", "").empty()) {
        throw options.error(definition.node, fmt::format("word class `{}` needs a `source:` saying where its terms come from", name));
      }
      const std::vector<std::string> written = options.strings("terms");
      terms.insert(terms.end(), written.begin(), written.end());
    }
  }
  context.compiled_word_classes = std::make_shared<const WordClasses>(WordClasses::compile(terms_by_class));
  return context.compiled_word_classes;
}

std::vector<bool> visible_word_classes(const RuleBuildContext& context, const WordClasses& classes) {
  std::vector<bool> visible(classes.size(), false);
  for (const auto& [name, definitions] : context.word_classes) {
    const int word_class = classes.find(name);
    if (word_class < 0) continue;
    visible[static_cast<std::size_t>(word_class)] =
        std::any_of(definitions.begin(), definitions.end(), [&](const RuleBuildContext::CueSetSource& definition) {
          return definition.path == context.pack_path || !context.rule_files.contains(definition.path);
        });
  }
  return visible;
}

}  // namespace medlint
