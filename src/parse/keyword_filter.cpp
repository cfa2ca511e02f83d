#include "parse/keyword_filter.h"

#include <algorithm>
#include <string>

namespace medlint {

bool may_contain_keyword(std::string_view text, std::initializer_list<std::string_view> keywords) {
  if (text.find("\u212A") != std::string_view::npos || text.find("\u017F") != std::string_view::npos) return true;
  // Lower-cased once (a loop the compiler vectorizes), then searched with
  // the library's find: asked of every paragraph, this must cost less than
  // the pattern's own pass.
  thread_local std::string lowered;
  lowered.resize(text.size());
  std::transform(text.begin(), text.end(), lowered.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c; });
  return std::any_of(keywords.begin(), keywords.end(),
                     [&](std::string_view keyword) { return lowered.find(keyword) != std::string::npos; });
}

}  // namespace medlint
