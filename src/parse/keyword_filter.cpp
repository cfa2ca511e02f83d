#include "parse/keyword_filter.h"

#include <algorithm>
#include <cctype>

namespace medlint {

bool may_contain_keyword(std::string_view text, std::initializer_list<std::string_view> keywords) {
  if (text.find("\u212A") != std::string_view::npos || text.find("\u017F") != std::string_view::npos) return true;
  const auto same_letter = [](char in_text, char in_keyword) {
    return std::tolower(static_cast<unsigned char>(in_text)) == static_cast<unsigned char>(in_keyword);
  };
  return std::any_of(keywords.begin(), keywords.end(), [&](std::string_view keyword) {
    return std::search(text.begin(), text.end(), keyword.begin(), keyword.end(), same_letter) != text.end();
  });
}

}  // namespace medlint
