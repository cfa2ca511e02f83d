// libFuzzer target: the phrase trie against RE2 (see trie_agrees_with_re2
// for the input's shape). A disagreement aborts; add the input to
// tests/rules/fuzz_regressions/, which the tests replay.
#include <cstdlib>
#include <string_view>

#include "rules/phrase_regex_oracle.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (!medlint::testing::trie_agrees_with_re2(std::string_view(reinterpret_cast<const char*>(data), size))) std::abort();
  return 0;
}
