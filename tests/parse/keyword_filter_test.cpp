#include <gtest/gtest.h>

#include <re2/re2.h>

#include "parse/keyword_filter.h"

namespace medlint {
namespace {

TEST(KeywordFilter, FindsKeywordsIgnoringAsciiCase) {
  EXPECT_TRUE(may_contain_keyword("Medically REVIEWED on 11/11/2021", {"review"}));
  EXPECT_TRUE(may_contain_keyword("Last modified", {"updat", "modif"}));
  EXPECT_FALSE(may_contain_keyword("Medically", {"review"}));
  EXPECT_FALSE(may_contain_keyword("", {"review"}));
}

// RE2's (?i) matches the Kelvin sign for k and the long s for s, so a line
// with either is never turned away.
TEST(KeywordFilter, KeepsLettersRe2FoldsIntoAscii) {
  for (const char* line : {"\u017Fponsored", "Boo\u212A now"}) {
    EXPECT_TRUE(RE2::PartialMatch(line, R"((?i)sponsored|book)")) << line;
    EXPECT_TRUE(may_contain_keyword(line, {"sponsor", "book"})) << line;
  }
}

}  // namespace
}  // namespace medlint
