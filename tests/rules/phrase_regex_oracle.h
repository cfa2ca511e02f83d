// The RE2 pattern a phrase stands for: the meaning PhraseSet documents,
// written as a regex. Tests and the phrase_set fuzz target check that the
// phrase trie finds what RE2 finds with it.
#pragma once
#include <cctype>
#include <re2/re2.h>
#include <string>
#include <string_view>

namespace medlint::testing {

inline std::string phrase_as_regex(std::string_view phrase) {
  std::string regex;
  bool pending_space = false;
  for (char c : phrase) {
    if (c == ' ' || c == '\t' || c == '\n') {
      pending_space = !regex.empty();
      continue;
    }
    if (pending_space) regex += R"(\s+)";
    pending_space = false;
    if (c == '\'') {
      regex += "'?";
    } else {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      regex += RE2::QuoteMeta(re2::StringPiece(&c, 1));
    }
  }
  const auto is_word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  const std::string_view trimmed = phrase.substr(phrase.find_first_not_of(" \t\n"));
  const bool word_start = is_word(trimmed.front());
  const bool word_end = is_word(phrase[phrase.find_last_not_of(" \t\n")]);
  return std::string(word_start ? R"(\b)" : "") + regex + (word_end ? R"(\b)" : "");
}

}  // namespace medlint::testing
