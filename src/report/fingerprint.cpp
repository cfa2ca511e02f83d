#include "medlint/fingerprint.h"

#include <cctype>
#include <filesystem>
#include <fmt/format.h>
#include <map>

#include "core/fnv1a.h"

namespace medlint {
namespace {

// Case and white space do not make a finding new.
std::string normalized(std::string_view text) {
  std::string result;
  bool space = false;
  for (unsigned char c : text) {
    if (std::isspace(c)) {
      space = !result.empty();
      continue;
    }
    if (space) result.push_back(' ');
    space = false;
    result.push_back(static_cast<char>(std::tolower(c)));
  }
  return result;
}

}  // namespace

std::vector<std::string> fingerprints(const FileResult& file, std::optional<std::string_view> hashed_path) {
  const std::string path = std::filesystem::path(hashed_path.value_or(file.path)).lexically_normal().generic_string();
  std::vector<std::string> result;
  std::map<std::string, int> occurrences;
  for (std::size_t i = 0; i < file.diagnostics.size(); ++i) {
    const Diagnostic& diagnostic = file.diagnostics[i];
    const std::string& excerpt = file.excerpts[i].text;
    const std::string text = excerpt.empty() ? diagnostic.message : normalized(excerpt);
    const std::string key = fmt::format("{}\x1f{}\x1f{}", diagnostic.rule, path, text);
    const int occurrence = occurrences[key]++;
    result.push_back(fmt::format("{:016x}", fnv1a(fmt::format("{}\x1f{}", key, occurrence))));
  }
  return result;
}

}  // namespace medlint
