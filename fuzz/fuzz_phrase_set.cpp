// libFuzzer target: the phrase trie against RE2. The input is phrases, one
// per line, then a NUL byte, then the text; every match the trie finds (as
// PhraseSet picks among them) must be what RE2 finds with the regex each
// phrase stands for, over the whole text and over a range of it.
#include <cstdlib>
#include <string>
#include <vector>

#include "rules/phrase_regex_oracle.h"
#include "rules/phrase_set.h"
#include "rules/phrase_trie.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  const std::size_t split = input.find('\0');
  if (split == std::string::npos) return 0;
  std::vector<medlint::PhraseSet::Entry> phrases;
  std::vector<medlint::PhraseSet::Entry> regexes;
  std::size_t line_start = 0;
  while (line_start < split && phrases.size() < 32) {
    std::size_t line_end = input.find('\n', line_start);
    if (line_end == std::string::npos || line_end > split) line_end = split;
    const std::string phrase = input.substr(line_start, line_end - line_start);
    line_start = line_end + 1;
    if (medlint::PhraseTrie().add(phrase, 0)) continue;  // a phrase the trie refuses
    const std::string regex = medlint::testing::phrase_as_regex(phrase);
    if (!RE2(regex).ok()) continue;  // not UTF-8: RE2 refuses the pattern
    phrases.push_back({phrase, false});
    regexes.push_back({regex, true});
  }
  if (phrases.empty()) return 0;
  const std::string text = input.substr(split + 1);
  const auto by_trie = medlint::PhraseSet::compile(phrases);
  const auto by_re2 = medlint::PhraseSet::compile(regexes);
  const std::size_t begin = text.empty() ? 0 : static_cast<unsigned char>(input[0]) % (text.size() + 1);
  for (const medlint::Span range : {medlint::Span{0, text.size()}, medlint::Span{begin, text.size()}}) {
    const auto trie_matches = by_trie.find_all(text, range);
    const auto re2_matches = by_re2.find_all(text, range);
    if (trie_matches.size() != re2_matches.size()) std::abort();
    for (std::size_t i = 0; i < trie_matches.size(); ++i) {
      if (trie_matches[i].text != re2_matches[i].text ||
          phrases[static_cast<std::size_t>(trie_matches[i].entry)].text !=
              phrases[static_cast<std::size_t>(re2_matches[i].entry)].text) {
        std::abort();
      }
    }
  }
  return 0;
}
