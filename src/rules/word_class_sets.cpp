#include "rules/word_class_sets.h"

#include <algorithm>
#include <cstring>
#include <fmt/format.h>
#include <optional>

#include "core/fnv1a.h"
#include "rules/options.h"

namespace medlint {

namespace {

using TermsByClass = std::map<std::string, std::vector<std::string>>;

TermsByClass terms_by_class(const RuleBuildContext& context) {
  TermsByClass terms_by_class;
  for (const auto& [name, definitions] : context.word_classes) {
    std::vector<std::string>& terms = terms_by_class[name];
    for (const RuleBuildContext::CueSetSource& definition : definitions) {
      const Options options(definition.node(), definition.path, fmt::format("word class `{}`", name));
      options.allow_only({"source", "terms"});
      if (options.string("source", "").empty()) {
        throw options.error(definition.node(), fmt::format("word class `{}` needs a `source:` saying where its terms come from", name));
      }
      const std::vector<std::string> written = options.strings("terms");
      terms.insert(terms.end(), written.begin(), written.end());
    }
  }
  return terms_by_class;
}

// What the classes in use compile from: each class's name and the images
// of its definitions (the lemmatizer is the code's, the same in the build
// that wrote an image). A shipped pack's definitions are hashed in their
// image, not decoded.
std::uint64_t definitions_hash(const RuleBuildContext& context) {
  std::uint64_t hash = kFnv1aBasis;
  for (const auto& [name, definitions] : context.word_classes) {
    hash = fnv1a({name.data(), name.size() + 1}, hash);
    for (const RuleBuildContext::CueSetSource& definition : definitions) hash = fnv1a(definition.image(), hash);
  }
  return hash;
}

// An image: the hash of the definitions (8 bytes), then WordClasses::image().
std::string image_with_hash(std::uint64_t hash, const WordClasses& classes) {
  std::string image(reinterpret_cast<const char*>(&hash), sizeof hash);
  return image + classes.image();
}

std::optional<WordClasses> shipped_word_classes(std::uint64_t hash) {
  const std::string_view image = shipped_word_classes_image();
  std::uint64_t shipped_hash = 0;
  if (image.size() < sizeof shipped_hash) return std::nullopt;
  std::memcpy(&shipped_hash, image.data(), sizeof shipped_hash);
  if (shipped_hash != hash) return std::nullopt;
  return WordClasses::of_image(image.substr(sizeof hash));
}

}  // namespace

std::shared_ptr<const WordClasses> read_word_classes(const RuleBuildContext& context) {
  if (context.compiled_word_classes) return context.compiled_word_classes;
  std::optional<WordClasses> classes = shipped_word_classes(definitions_hash(context));
  if (!classes) classes = WordClasses::compile(terms_by_class(context));
  context.compiled_word_classes = std::make_shared<const WordClasses>(std::move(*classes));
  return context.compiled_word_classes;
}

std::string word_classes_image(const RuleBuildContext& context, const WordClasses& classes) {
  return image_with_hash(definitions_hash(context), classes);
}

std::vector<bool> visible_word_classes(const RuleBuildContext& context, const WordClasses& classes) {
  std::vector<bool> visible(classes.size(), false);
  // Both are in name order: walked together, with no lookup of each class
  // for each rule built.
  std::size_t word_class = 0;
  for (const auto& [name, definitions] : context.word_classes) {
    while (word_class < classes.size() && classes.name(static_cast<int>(word_class)) < name) ++word_class;
    if (word_class == classes.size() || classes.name(static_cast<int>(word_class)) != name) continue;
    visible[word_class] =
        std::any_of(definitions.begin(), definitions.end(), [&](const RuleBuildContext::CueSetSource& definition) {
          return definition.path == context.pack_path || !context.rule_files.contains(definition.path);
        });
  }
  return visible;
}

}  // namespace medlint
