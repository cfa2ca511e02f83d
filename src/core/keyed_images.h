// Byte images by key, as the build step writes them into the binary (the
// shipped packs' phrase tries and cue sets): per image, its key and its
// size (8 bytes each), then the image, padded with zeros to a multiple of 8
// bytes so that every image starts on an 8-byte boundary when the whole
// does (a trie image is read in place).
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/varint.h"

namespace medlint {

inline std::size_t padded_to_8(std::size_t size) { return (size + 7) / 8 * 8; }

inline std::string keyed_images(const std::map<std::uint64_t, std::string>& images) {
  std::string out;
  for (const auto& [key, image] : images) {
    append_number(key, out);
    append_number(image.size(), out);
    out += image;
    out.resize(padded_to_8(out.size()), '\0');
  }
  return out;
}

// The image of `key` in what keyed_images() wrote, or nullopt.
inline std::optional<std::string_view> find_keyed_image(std::string_view images, std::uint64_t key) {
  std::uint64_t found = 0, size = 0;
  while (read_number(images, found) && read_number(images, size) && padded_to_8(size) <= images.size()) {
    if (found == key) return images.substr(0, size);
    images.remove_prefix(padded_to_8(size));
  }
  return std::nullopt;
}

}  // namespace medlint
