#include "rules/context.h"

#include <gtest/gtest.h>
#include <optional>
#include <utility>
#include <vector>

#include "rules/packs.h"

namespace medlint {
namespace {

const char* kCues = R"(
window: 6
discouraged:
  before: {phrases: [avoid, never, "rather than"]}
  after: {patterns: ['(?:is|can be) dangerous']}
negated:
  before:
    - phrases: ["no need to"]
    - adjacent: true
      phrases: ["don't"]
reported: {before: {phrases: ["some people", "told me to"]}}
hypothetical: {before: {adjacent: true, phrases: ["if you"]}, after: {phrases: [when]}}
supervised: {before: {phrases: ["my gp told"]}, after: {phrases: ["as my gp said"]}}
endorsed:
  before: {phrases: ["you can"]}
  after: {phrases: [safely]}
pseudo: {phrases: ["don't hesitate to"]}
terminate: {phrases: [but]}
leading_clauses: {patterns: ['\bonce\b[^,]{1,40},']}
anaphora: {phrases: [this]}
)";

CueVerdict classify(const std::string& sentence, const std::string& target) {
  const ContextCues cues = ContextCues::read(YAML::Load(kCues), "cues.yaml", Locale{}, "test");
  const std::size_t at = sentence.find(target);
  return cues.classify(sentence, {0, sentence.size()}, {at, at + target.size()});
}

TEST(ContextCuesTest, PlainStatementHasNoCue) {
  EXPECT_EQ(classify("crack your own back daily.", "crack your own back").cue, Cue::None);
}

TEST(ContextCuesTest, EndorsementNamesItsCue) {
  const CueVerdict verdict = classify("you can crack your own back safely.", "crack your own back");
  EXPECT_EQ(verdict.cue, Cue::Endorsed);
  EXPECT_EQ(verdict.text, "you can");
}

TEST(ContextCuesTest, WarningsOutrankEndorsements) {
  EXPECT_EQ(classify("never crack your own back, even if you can.", "crack your own back").cue, Cue::Discouraged);
  EXPECT_EQ(classify("you can try, but cracking your own back is dangerous.", "cracking your own back").cue,
            Cue::Discouraged);
}

TEST(ContextCuesTest, TerminationEndsScopeUnlessAnAnaphorContinues) {
  EXPECT_EQ(classify("crack your own back but nothing is dangerous.", "crack your own back").cue, Cue::None);
  EXPECT_EQ(classify("some people crack their own back, but this is dangerous.", "crack their own back").cue,
            Cue::Reported);
  EXPECT_EQ(classify("people crack their own back, but this can be dangerous.", "crack their own back").cue,
            Cue::Discouraged);
}

TEST(ContextCuesTest, LeadingClausesEndTheScopeBeforeTheTargetOnly) {
  // "never" sits in a condition that ends before the act.
  EXPECT_EQ(classify("once you never feel it, stop the pills.", "stop the pills").cue, Cue::None);
  // After the target such a clause is still about it.
  EXPECT_EQ(classify("stop the pills once you feel fine, as my gp said.", "stop the pills").cue, Cue::Supervised);
}

TEST(ContextCuesTest, AClinicianOutranksANearerReportOrCondition) {
  EXPECT_EQ(classify("my gp told me to stop the pills.", "stop the pills").cue, Cue::Supervised);
  EXPECT_EQ(classify("stop the pills when it heals, as my gp said.", "stop the pills").cue, Cue::Supervised);
  EXPECT_EQ(classify("some people stop the pills.", "stop the pills").cue, Cue::Reported);
}

TEST(ContextCuesTest, PseudoCuesShadowTheirShorterLookAlikes) {
  EXPECT_EQ(classify("don't hesitate to see a doctor.", "see a doctor").cue, Cue::None);
  EXPECT_EQ(classify("don't see a doctor.", "see a doctor").cue, Cue::Negated);
}

TEST(ContextCuesTest, AdjacentCuesOnlyCountRightBeforeTheTarget) {
  EXPECT_EQ(classify("if it don't improve soon enough, see a doctor.", "see a doctor").cue, Cue::None);
  EXPECT_EQ(classify("if you skip a dose, take it later.", "skip a dose").cue, Cue::Hypothetical);
  EXPECT_EQ(classify("if your back is stuck, you can crack your own back.", "crack your own back").cue, Cue::Endorsed);
}

TEST(ContextCuesTest, AdjacentAfterATargetIsRefused) {
  // Read anywhere in the window, an `adjacent` after the target would be silently ignored.
  EXPECT_THROW(ContextCues::read(YAML::Load("reported: {after: {adjacent: true, phrases: [trust]}}"), "cues.yaml",
                                 Locale{}, "test"),
               std::exception);
}

TEST(ContextCuesTest, WindowLimitsHowFarCuesReach) {
  EXPECT_EQ(classify("avoid one two three four five six seven crack your own back.", "crack your own back").cue,
            Cue::None);
}

TEST(ContextCuesTest, QuestionsAreNotAdvice) {
  EXPECT_EQ(classify("can you safely crack your own back?", "crack your own back").cue, Cue::Question);
  EXPECT_EQ(classify("why should you never crack your own back?", "crack your own back").cue, Cue::Discouraged);
}

}  // namespace
}  // namespace medlint

namespace medlint {
namespace {

// Found on a real corpus: a sentence break inside a matched phrase once
// produced an inverted scan range.
TEST(ContextCuesTest, TargetRunningPastItsSentenceIsHandled) {
  const ContextCues cues = ContextCues::read(YAML::Load(kCues), "cues.yaml", Locale{}, "test");
  const std::string text = "stop. taking your pills is fine.";
  EXPECT_EQ(cues.classify(text, {0, 5}, {0, 18}).cue, Cue::None);
}

}  // namespace
}  // namespace medlint

namespace medlint {
namespace {

// A cue set read back from its image (the shipped ones are, at start)
// classifies as the one read from YAML, adjacent groups and all.
TEST(ContextCuesTest, ImageReadsBackTheSameCues) {
  const ContextCues cues = ContextCues::read(YAML::Load(kCues), "cues.yaml", Locale{}, "test");
  const std::optional<ContextCues> copy = ContextCues::of_image(cues.image());
  ASSERT_TRUE(copy);
  EXPECT_EQ(copy->image(), cues.image());
  for (const auto& [sentence, target] : std::vector<std::pair<std::string, std::string>>{
           {"you can crack your own back", "crack your own back"},
           {"don't crack your own back", "crack your own back"},
           {"don't ever crack your own back", "crack your own back"},
           {"don't hesitate to crack your own back", "crack your own back"},
           {"never do it, but crack your own back", "crack your own back"},
           {"cracking your own back is dangerous", "cracking your own back"},
           {"once you never feel it, stop the pills.", "stop the pills"}}) {
    const std::size_t at = sentence.find(target);
    const CueVerdict expected = cues.classify(sentence, {0, sentence.size()}, {at, at + target.size()});
    const CueVerdict read_back = copy->classify(sentence, {0, sentence.size()}, {at, at + target.size()});
    EXPECT_EQ(read_back.cue, expected.cue) << sentence;
    EXPECT_EQ(read_back.text, expected.text) << sentence;
  }
  EXPECT_FALSE(ContextCues::of_image(cues.image() + "x"));
  EXPECT_FALSE(ContextCues::of_image(cues.image().substr(0, cues.image().size() / 2)));
}

TEST(ContextCuesTest, EveryShippedCueSetReadsBackFromItsImage) {
  const RuleBuildContext context = build_context(load_shipped_pack(kRecommendedPack, "", YAML::Node()));
  ASSERT_FALSE(context.cue_sets.empty());
  for (const auto& [name, source] : context.cue_sets) {
    const ContextCues cues = ContextCues::read(source.node(), source.path, context.locale, name);
    const std::optional<ContextCues> copy = ContextCues::of_image(cues.image());
    ASSERT_TRUE(copy) << name;
    EXPECT_EQ(copy->image(), cues.image()) << name;
  }
}

}  // namespace
}  // namespace medlint
