// Reading input whose size medlint does not control (articles, standard
// input, configuration): at most one byte past a limit is read, so
// /dev/zero or an endless pipe costs bounded memory and time.
#pragma once
#include <cstddef>
#include <filesystem>
#include <istream>
#include <string>

namespace medlint {

// The bytes of `in` up to `limit` + 1: more than `limit` means over the limit.
std::string read_at_most(std::istream& in, std::size_t limit);

// Configuration files and rule packs are a few KiB; anything near this is
// not one.
inline constexpr std::size_t kMaxConfigBytes = 4 * 1024 * 1024;

// The bytes of a configuration file or rule pack; throws std::length_error
// past kMaxConfigBytes and std::ios_base::failure when it cannot be read.
std::string read_config_bytes(const std::filesystem::path& path);

}  // namespace medlint
