#include "core/bounded_read.h"

#include <fmt/format.h>
#include <fstream>
#include <stdexcept>

namespace medlint {

std::string read_at_most(std::istream& in, std::size_t limit) {
  std::string bytes;
  constexpr std::size_t kChunk = 64 * 1024;
  while (in && bytes.size() <= limit) {
    const std::size_t old_size = bytes.size();
    bytes.resize(old_size + std::min(kChunk, limit + 1 - old_size));
    in.read(bytes.data() + old_size, static_cast<std::streamsize>(bytes.size() - old_size));
    bytes.resize(old_size + static_cast<std::size_t>(in.gcount()));
  }
  return bytes;
}

std::string read_config_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::ios_base::failure(fmt::format("cannot read \"{}\"", path.string()));
  std::string bytes = read_at_most(in, kMaxConfigBytes);
  if (in.bad()) throw std::ios_base::failure(fmt::format("cannot read \"{}\"", path.string()));
  if (bytes.size() > kMaxConfigBytes) {
    throw std::length_error(fmt::format("over the {} byte limit of configuration files", kMaxConfigBytes));
  }
  return bytes;
}

}  // namespace medlint
