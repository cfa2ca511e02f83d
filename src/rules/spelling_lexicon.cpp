#include "rules/spelling_lexicon.h"

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>

#include "core/fnv1a.h"
#include "core/kept_for_build.h"
#include "core/varint.h"

namespace medlint {

namespace {

// What the spellings of `class_ids` derive from: the classes' terms in
// order (the inflections are the code's, the same in the build that
// wrote an image).
std::uint64_t terms_hash(const WordClasses& classes, const std::vector<int>& class_ids) {
  std::uint64_t hash = kFnv1aBasis;
  for (const int word_class : class_ids) {
    for (const std::string& term : classes.terms(word_class)) hash = fnv1a({term.data(), term.size() + 1}, hash);
    hash = fnv1a("\x01", hash);
  }
  return hash;
}

// An image of lexicons: per lexicon, the hash of its classes' terms, its
// number of phrases, and its set's image (PhraseSet::phrase_image), each
// size and number as 8 bytes.
using KeptImages = KeptForBuild<std::map<std::uint64_t, std::pair<std::uint64_t, std::string>>>;

KeptImages& kept_images() {
  static KeptImages kept;
  return kept;
}

// The shipped lexicon for `hash`, if the binary has one.
std::optional<Lexicon> shipped_lexicon(std::uint64_t hash) {
  std::string_view images = shipped_spelling_lexicon_images();
  std::uint64_t key = 0, phrases = 0, size = 0;
  while (read_number(images, key) && read_number(images, phrases) && read_number(images, size) &&
         size <= images.size()) {
    if (key == hash) {
      // The images are compiled into the binary: read in place.
      std::optional<PhraseSet> set = PhraseSet::in_phrase_image(images.substr(0, size));
      if (!set) return std::nullopt;
      return Lexicon::of_phrase_set(std::move(*set), static_cast<std::size_t>(phrases));
    }
    images.remove_prefix(static_cast<std::size_t>(size));
  }
  return std::nullopt;
}

}  // namespace

Lexicon spelling_lexicon(const WordClasses& classes, const std::vector<int>& class_ids) {
  const std::uint64_t hash = terms_hash(classes, class_ids);
  if (std::optional<Lexicon> shipped = shipped_lexicon(hash)) return std::move(*shipped);
  std::vector<std::string> spellings;
  for (const int word_class : class_ids) {
    std::vector<std::string> of_class = classes.spellings(word_class);
    spellings.insert(spellings.end(), std::make_move_iterator(of_class.begin()), std::make_move_iterator(of_class.end()));
  }
  Lexicon lexicon = Lexicon::of_phrases(spellings);
  kept_images().add([&](auto& by_hash) {
    if (std::optional<std::string> image = lexicon.phrase_set().phrase_image()) {
      by_hash[hash] = {spellings.size(), std::move(*image)};
    }
  });
  return lexicon;
}

void keep_spelling_lexicon_images() { kept_images().keep(); }

std::string spelling_lexicon_images() {
  std::string images;
  for (const auto& [hash, lexicon] : kept_images().items()) {
    append_number(hash, images);
    append_number(lexicon.first, images);
    append_number(lexicon.second.size(), images);
    images += lexicon.second;
  }
  return images;
}

}  // namespace medlint
