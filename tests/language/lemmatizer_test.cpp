#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "language/lemmatizer.h"

namespace medlint::testing {
namespace {

TEST(LemmatizerTest, InflectionsShareALemma) {
  for (const char* form : {"stops", "stopped", "stopping"}) EXPECT_EQ(lemma_of(form), lemma_of("stop")) << form;
  EXPECT_EQ(lemma_of("medications"), lemma_of("medication"));
  EXPECT_EQ(lemma_of("blood"), lemma_of("blood"));
  EXPECT_EQ(lemma_of("babies"), lemma_of("baby"));
  EXPECT_EQ(lemma_of("relieves"), lemma_of("relieve"));
}

TEST(LemmatizerTest, IrregularVerbsMeetTheirBase) {
  EXPECT_EQ(lemma_of("took"), lemma_of("take"));
  EXPECT_EQ(lemma_of("gave"), lemma_of("give"));
  EXPECT_EQ(lemma_of("children"), lemma_of("child"));
  EXPECT_EQ(lemma_of("came"), lemma_of("come"));
}

TEST(LemmatizerTest, IrregularFormsOfABase) {
  EXPECT_THAT(irregular_forms_of("take"), ::testing::UnorderedElementsAre("took", "taken"));
  EXPECT_TRUE(irregular_forms_of("stop").empty());
}

TEST(LemmatizerTest, DerivationsStayApart) {
  // Snowball stems all of these to "medic", "remov", "infect", "quit".
  EXPECT_NE(lemma_of("medical"), lemma_of("medication"));
  EXPECT_NE(lemma_of("removal"), lemma_of("removing"));
  EXPECT_NE(lemma_of("infection"), lemma_of("infected"));
  EXPECT_NE(lemma_of("quite"), lemma_of("quit"));
}

TEST(LemmatizerTest, PossessivesAreNotPlurals) {
  EXPECT_NE(lemma_of("friend's"), lemma_of("friends"));
  EXPECT_EQ(lemma_of("friend's"), lemma_of("friend") + "'s");
}

}  // namespace
}  // namespace medlint::testing
