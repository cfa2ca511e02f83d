#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "rules/rule_test_support.h"

namespace medlint::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

const char* kCueSets = R"(
advice:
  discouraged: {before: {phrases: [never, "don't"]}}
  supervised: {before: {phrases: ["your doctor may"]}}
  endorsed: {before: {phrases: ["you can"]}}
)";

const char* kClasses = R"(
MEDICINE: {source: test, terms: [statin, antibiotic, blood thinner, pill]}
STOP: {source: test, terms: [stop, quit, leave * off]}
READER: {source: test, terms: [you, i]}
IMPERATIVE: {source: test, terms: [stop, quit, leave]}
PRONOUN: {source: test, terms: [it, them]}
NO-NEED: {source: test, terms: [no need]}
CARE: {source: test, terms: [doctor, er]}
DANGER-SIGN: {source: test, terms: [chest pain]}
MINOR: {source: test, terms: [bruise]}
)";

const char* kOptions = R"(
context: advice
pronouns: PRONOUN
antecedents: [MEDICINE]
reader: READER
imperative: IMPERATIVE
openers: [just]
affirmative_answers: ["yes"]
warnings: {phrases: ["can be deadly"]}
frames:
  - name: medication change
    slots: [STOP, MEDICINE]
    anchor: 2
    message: 'stops a medicine: "{match}"'
    suggest: 'ask a doctor first'
  - name: care discouraged
    slots: [NO-NEED, CARE]
    ordered: true
    flag_when: always
    addressed: false
    needs_nearby: [DANGER-SIGN]
    unless_nearby: [MINOR]
    message: 'discourages care: "{match}"'
)";

RuleHarness harness(const std::string& options = kOptions, const std::string& models = "{}") {
  return RuleHarness(&make_advice_rule, options, kCueSets, "en-US", kClasses, models);
}

std::string article(const std::string& body) { return "# T\n\n" + body + "\n"; }

TEST(AdviceRuleTest, FlagsEndorsedAndInstructedFramesWithTheWordsThatDecided) {
  const auto found = harness().run("a.md", article("You can stop your statin whenever you like."));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message, "stops a medicine: \"stop your statin\"");
  EXPECT_THAT(found[0].suggestion.value_or(""),
              HasSubstr("medication change: STOP \"stop\", MEDICINE \"statin\"; endorsed by \"you can\"; ask a doctor first"));
  EXPECT_EQ(harness().run("a.md", article("Quit the blood thinner.")).size(), 1u);
}

TEST(AdviceRuleTest, WarningsNegationsAndSupervisionAreNotFindings) {
  for (const char* text : {"Never stop your statin on your own.", "Your doctor may stop the statin.",
                           "I stopped my blood thinner. It can be deadly.", "Can I stop my statin?"}) {
    EXPECT_THAT(harness().run("a.md", article(text)), IsEmpty()) << text;
  }
}

TEST(AdviceRuleTest, ADescriptionIsNotAdviceUnlessItSpeaksToTheReader) {
  EXPECT_THAT(harness().run("a.md", article("Doctors stop the statin before surgery.")), IsEmpty());
  EXPECT_EQ(harness().run("a.md", article("I stop the statin before surgery.")).size(), 1u);
}

TEST(AdviceRuleTest, PronounsStandForTheMedicineBefore) {
  const auto found = harness().run("a.md", article("The statin made my legs ache. Just leave it off for a week."));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_THAT(found[0].suggestion.value_or(""), HasSubstr("MEDICINE \"it\" (\"statin\")"));
}

TEST(AdviceRuleTest, AClinicianOrAPronounForOneDoesTheAct) {
  std::string options = kOptions;
  options.insert(options.find("frames:"), "clinicians: CARE\nclinician_pronouns: PRONOUN\n");
  const RuleHarness rule = harness(options);
  for (const char* text : {"I saw the doctor and it stopped my statin.", "I rang the doctor. It may need to stop the statin."}) {
    EXPECT_THAT(rule.run("a.md", article(text)), IsEmpty()) << text;
  }
  // Not a pronoun for no clinician, nor one four words or a clause away.
  for (const char* text : {"I read up and then it said stop the statin.",
                           "I saw the doctor and it made me so angry I stopped my statin."}) {
    EXPECT_EQ(rule.run("a.md", article(text)).size(), 1u) << text;
  }
}

TEST(AdviceRuleTest, AQuestionAnsweredYesIsAdvice) {
  EXPECT_EQ(harness().run("a.md", article("Can I stop my antibiotic early? Yes, once you feel better.")).size(), 1u);
}

TEST(AdviceRuleTest, CareDiscouragementNeedsADangerSignAndNoMinorProblem) {
  EXPECT_EQ(harness().run("a.md", article("Chest pain after a run? No need to see a doctor.")).size(), 1u);
  EXPECT_THAT(harness().run("a.md", article("No need to see a doctor about it.")), IsEmpty());
  EXPECT_THAT(harness().run("a.md", article("A bruise with chest pain? No need to see a doctor.")), IsEmpty());
}

TEST(AdviceRuleTest, TheModelVetoesWeakFindingsButNotInstructions) {
  const std::string with_model = std::string(kOptions) + "model: strict\n";
  const char* models = R"(
strict: {source: test, bias: -5.0, threshold: 10.0, veto_below: {plain: 0.0}, weights: "0.5 u:MEDICINE\n"}
)";
  // Plain first-person statement: the model's low score vetoes it.
  EXPECT_THAT(harness(with_model, models).run("a.md", article("I stop the statin before surgery.")), IsEmpty());
  // An instruction stands whatever the model says.
  EXPECT_EQ(harness(with_model, models).run("a.md", article("Stop the statin.")).size(), 1u);
}

TEST(AdviceRuleTest, BadOptionsAreConfigErrors) {
  EXPECT_THROW(harness(std::string(kOptions) + "model: missing\n"), ConfigError);
  EXPECT_THROW(RuleHarness(&make_advice_rule, "frames: [{slots: [NOPE]}]", kCueSets, "en-US", kClasses), ConfigError);
  EXPECT_THROW(RuleHarness(&make_advice_rule, "frames: [{slots: [STOP]}]", kCueSets, "en-US",
                           "STOP: {terms: [stop]}"),
               ConfigError);  // a class needs its source
  // Each line of a model's weights is "WEIGHT FEATURE".
  const std::string with_model = std::string(kOptions) + "model: strict\n";
  for (const char* weights : {"0.5 u:MEDICINE\\nheavy u:MEDICINE", "0.5", "u:MEDICINE 0.5"}) {
    EXPECT_THROW(harness(with_model, fmt::format("strict: {{source: test, weights: \"{}\\n\"}}", weights)), ConfigError)
        << weights;
  }
  EXPECT_NO_THROW(harness(with_model, "strict: {source: test, weights: \"0.5 u:MEDICINE\\n\\n-1e-2  u:STOP\\n\"}"));
}

}  // namespace
}  // namespace medlint::testing
