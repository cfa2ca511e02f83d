// The RE2 pattern a phrase stands for: the meaning PhraseSet documents,
// written as a regex. Tests and the phrase_set fuzz target check that the
// phrase trie finds what RE2 finds with it.
#pragma once
#include <cctype>
#include <re2/re2.h>
#include <string>
#include <string_view>
#include <vector>

#include "rules/phrase_set.h"
#include "rules/phrase_trie.h"

namespace medlint::testing {

inline std::string phrase_as_regex(std::string_view phrase) {
  std::string regex;
  bool pending_space = false;
  for (char c : phrase) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r') {
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
  const std::string_view trimmed = phrase.substr(phrase.find_first_not_of(" \t\n\f\r"));
  const bool word_start = is_word(trimmed.front());
  const bool word_end = is_word(phrase[phrase.find_last_not_of(" \t\n\f\r")]);
  return std::string(word_start ? R"(\b)" : "") + regex + (word_end ? R"(\b)" : "");
}

// The phrase_set fuzz target's check, also replayed by the tests on what it
// found: `input` is phrases, one per line, then a NUL byte, then the text.
// Whether every match the trie finds (as PhraseSet picks among them) is
// what RE2 finds with the regex each phrase stands for, over the whole
// text and over a range of it.
inline bool trie_agrees_with_re2(std::string_view input) {
  const std::size_t split = input.find('\0');
  if (split == std::string_view::npos) return true;
  std::vector<PhraseSet::Entry> phrases;
  std::vector<PhraseSet::Entry> regexes;
  std::size_t line_start = 0;
  while (line_start < split && phrases.size() < 32) {
    std::size_t line_end = input.find('\n', line_start);
    if (line_end == std::string_view::npos || line_end > split) line_end = split;
    const std::string phrase(input.substr(line_start, line_end - line_start));
    line_start = line_end + 1;
    if (PhraseTrie().add(phrase, 0)) continue;  // a phrase the trie refuses
    const std::string regex = phrase_as_regex(phrase);
    if (!RE2(regex, RE2::Quiet).ok()) continue;  // not UTF-8: RE2 refuses the pattern
    phrases.push_back({phrase, false});
    regexes.push_back({regex, true});
  }
  if (phrases.empty()) return true;
  const std::string text(input.substr(split + 1));
  const auto by_trie = PhraseSet::compile(phrases);
  const auto by_re2 = PhraseSet::compile(regexes);
  const std::size_t begin = text.empty() ? 0 : static_cast<unsigned char>(input[0]) % (text.size() + 1);
  for (const Span range : {Span{0, text.size()}, Span{begin, text.size()}}) {
    const auto trie_matches = by_trie.find_all(text, range);
    const auto re2_matches = by_re2.find_all(text, range);
    if (trie_matches.size() != re2_matches.size()) return false;
    // contains() stops at the first match, and says whether there is one.
    if (by_trie.contains(text, range) == trie_matches.empty()) return false;
    if (by_re2.contains(text, range) == re2_matches.empty()) return false;
    for (std::size_t i = 0; i < trie_matches.size(); ++i) {
      if (trie_matches[i].text != re2_matches[i].text ||
          phrases[static_cast<std::size_t>(trie_matches[i].entry)].text !=
              phrases[static_cast<std::size_t>(re2_matches[i].entry)].text) {
        return false;
      }
    }
  }
  return true;
}

}  // namespace medlint::testing
