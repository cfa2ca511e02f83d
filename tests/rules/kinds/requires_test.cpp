#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "rules/rule_test_support.h"

namespace medlint::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

const char* kCueSets = R"(
symptoms:
  negated: {before: {phrases: ["does not cause"]}}
advice:
  negated: {before: {phrases: ["don't need to"]}}
)";

const char* kOptions = R"(
trigger_context: symptoms
wording_context: advice
message: 'red flag "{match}" without {missing}'
any_of: [emergency]
triggers:
  - name: chest pain
    phrases: [chest pain]
  - name: anaphylaxis
    all_of: [epinephrine]
    phrases: [anaphylaxis]
satisfied_by:
  emergency:
    describe: call 911
    phrases: [emergency room]
    locales: {en-US: {phrases: ["call 911"]}, en-GB: {phrases: ["call 999"], describe: call 999}}
  epinephrine:
    describe: use an auto-injector
    phrases: [auto-injector]
)";

TEST(RequiresRuleTest, TriggerWithoutWordingIsFlaggedOncePerKind) {
  const RuleHarness harness(&make_requires_rule, kOptions, kCueSets);
  const auto found = harness.run("a.md", "Chest pain can be scary.\n\nMore chest pain talk.\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message, "red flag \"Chest pain\" without call 911");
  EXPECT_EQ(*found[0].suggestion, "tell readers to call 911");
}

TEST(RequiresRuleTest, WordingAnywhereInTheDocumentSatisfies) {
  const RuleHarness harness(&make_requires_rule, kOptions, kCueSets);
  EXPECT_TRUE(harness.run("a.md", "# A\n\nChest pain.\n\n# B\n\nCall 911 now.\n").empty());
}

TEST(RequiresRuleTest, SectionScopeWantsTheWordingInTheSameSection) {
  const RuleHarness harness(&make_requires_rule, std::string(kOptions) + "scope: section\n", kCueSets);
  EXPECT_EQ(harness.run("a.md", "## A\n\nChest pain.\n\n## B\n\nCall 911 now.\n").size(), 1u);
  EXPECT_TRUE(harness.run("a.md", "## A\n\nChest pain.\n\n### A1\n\nCall 911 now.\n").empty());
}

TEST(RequiresRuleTest, NegatedTriggersAndNegatedWordingDoNotCount) {
  const RuleHarness harness(&make_requires_rule, kOptions, kCueSets);
  EXPECT_TRUE(harness.run("a.md", "This rash does not cause chest pain.\n").empty());
  EXPECT_EQ(harness.run("a.md", "Chest pain? You don't need to call 911.\n").size(), 1u);
}

TEST(RequiresRuleTest, AllOfNeedsEveryListedWording) {
  const RuleHarness harness(&make_requires_rule, kOptions, kCueSets);
  const auto found = harness.run("a.md", "Anaphylaxis is serious. Call 911.\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_THAT(found[0].message, HasSubstr("use an auto-injector"));
  EXPECT_TRUE(harness.run("a.md", "Anaphylaxis: use the auto-injector, then call 911.\n").empty());
}

TEST(RequiresRuleTest, LocaleChoosesTheEmergencyNumber) {
  const RuleHarness british(&make_requires_rule, kOptions, kCueSets, "en-GB");
  EXPECT_TRUE(british.run("a.md", "Chest pain: call 999.\n").empty());
  const auto found = british.run("a.md", "Chest pain: call 911.\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(*found[0].suggestion, "tell readers to call 999");
}

TEST(RequiresRuleTest, UnknownWordingListIsAConfigError) {
  EXPECT_THROW(RuleHarness(&make_requires_rule, "{triggers: {phrases: [x]}, satisfied_by: {a: {phrases: [y]}}, any_of: [b]}"),
               ConfigError);
}

const char* kReferenceOptions = R"(
trigger_context: symptoms
any_of: [emergency]
reference_wording: {phrases: [people with, symptoms]}
reader_wording: {phrases: [you, your]}
routine_wording: {phrases: [see your gp]}
triggers:
  - name: chest pain
    disease_feature: true
    phrases: [chest pain]
  - name: poisoning
    phrases: [poisoning]
satisfied_by:
  emergency:
    describe: call 999
    phrases: [call 999]
)";

TEST(RequiresRuleTest, DiseaseFeatureInAReferenceDescriptionIsNoRedFlag) {
  const RuleHarness harness(&make_requires_rule, kReferenceOptions, kCueSets);
  EXPECT_TRUE(harness.run("a.md", "People with this ataxia may also have chest pain.\n").empty());
  EXPECT_EQ(harness.run("a.md", "People with angina know it. If you have chest pain, rest.\n").size(), 1u);
  EXPECT_EQ(harness.run("a.md", "Chest pain after a run is common.\n").size(), 1u);
  // An emergency the symptom belongs to keeps it a red flag.
  EXPECT_EQ(harness.run("a.md", "Symptoms of poisoning include:\n\n- chest pain\n").size(), 2u);
  EXPECT_TRUE(harness.run("a.md", "Symptoms of thymoma include:\n\n- chest pain\n").empty());
}

TEST(RequiresRuleTest, AListIsReadWithItsLine) {
  const RuleHarness harness(&make_requires_rule, kReferenceOptions, kCueSets);
  // Escalation in the heading that leads the list covers its items.
  EXPECT_TRUE(harness.run("a.md", "## Call 999 if you have:\n\n- chest pain\n").empty());
  // Routine care there is the page's advice for them, whatever it says elsewhere.
  const auto found = harness.run("a.md", "## See your GP if:\n\n- you have chest pain\n\nPoisoning? Call 999.\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].start.line, 3);
}

TEST(RequiresRuleTest, AnEmergencyUnderRoutineCareForTheReaderIsNoReference) {
  const RuleHarness harness(&make_requires_rule, kReferenceOptions, kCueSets);
  // A list that speaks to no one makes its items reference; routine care
  // offered to the reader leaves an emergency among them the reader's.
  EXPECT_TRUE(harness.run("a.md", "Symptoms of the tumour include:\n\n- poisoning\n").empty());
  EXPECT_EQ(harness.run("a.md", "Symptoms vary. See your GP if you have any of these:\n\n- poisoning\n").size(), 1u);
}

// The reference options with one more trigger group before `satisfied_by:`.
std::string with_group(const std::string& group) {
  std::string options = kReferenceOptions;
  options.insert(options.find("satisfied_by:"), group);
  return options;
}

// One finding on `line` of `text`, naming `words`.
void expect_one_finding(const RuleHarness& harness, const std::string& text, int line, const std::string& words) {
  const auto found = harness.run("a.md", text);
  ASSERT_EQ(found.size(), 1u) << text;
  EXPECT_EQ(found[0].start.line, line);
  EXPECT_THAT(found[0].message, HasSubstr(words));
}

TEST(RequiresRuleTest, ASignListedAloneReadsWithItsLine) {
  const RuleHarness harness(&make_requires_rule, with_group(R"(  - name: seizures
    patterns: ['(?:has|had) a seizure']
    listed_alone: {phrases: [seizures]}
)"),
                            kCueSets);
  expect_one_finding(harness, "If your child has any of these, see your GP:\n\n- a rash\n-  Seizures.\n", 4, "Seizures");
  // Only the whole item: a sentence that names them is not one.
  EXPECT_TRUE(harness.run("a.md", "If your child has any of these, see your GP:\n\n- seizures treated with diet\n").empty());
  EXPECT_TRUE(harness.run("a.md", "Seizures are managed with medicine.\n").empty());
}

TEST(RequiresRuleTest, SignsListedTogetherAreARedFlagOnTheirItem) {
  const RuleHarness harness(&make_requires_rule, with_group(R"(  - name: fever with confusion
    patterns: ['fever with confusion']
    listed_together: {item: {phrases: [confusion]}, beside: {phrases: [fever]}}
)"),
                            kCueSets);
  // Under a reference list's line that speaks to no one, on the item that names the sign.
  expect_one_finding(harness, "Symptoms of the infection include:\n\n- a fever\n- aches\n- confusion\n", 5, "confusion");
  // Not without the other sign in another item of the same list.
  EXPECT_TRUE(harness.run("a.md", "Symptoms include:\n\n- aches\n- confusion\n").empty());
  EXPECT_TRUE(harness.run("a.md", "Symptoms include:\n\n- confusion with a fever\n").empty());
  EXPECT_TRUE(harness.run("a.md", "- a fever\n\nA paragraph between.\n\n- confusion\n").empty());
  // Escalation anywhere in the article covers it.
  EXPECT_TRUE(harness.run("a.md", "Symptoms include:\n\n- a fever\n- confusion\n\nCall 999 if you notice them.\n").empty());
}

TEST(RequiresRuleTest, ListedTogetherNeedsBothItsItemAndWhatIsBesideIt) {
  EXPECT_THROW(RuleHarness(&make_requires_rule, with_group(R"(  - name: fever with confusion
    listed_together: {item: {phrases: [confusion]}}
)"),
                           kCueSets),
               std::exception);
}

TEST(RequiresRuleTest, ASentenceGoingOnFromTheOneBeforeIsReadWithItsCourse) {
  std::string options = kReferenceOptions;
  options.insert(options.find("    disease_feature: true\n") + std::string("    disease_feature: true\n").size(),
                 "    emergency_when: {phrases: [falls quickly]}\n");
  options.insert(options.find("triggers:"), "continuation_wording: {phrases: [this]}\n");
  const RuleHarness harness(&make_requires_rule, options, kCueSets);
  // The course said in the sentence before makes the features an emergency.
  EXPECT_EQ(harness.run("a.md", "People with it are mostly well. When the level falls quickly, the heart strains. "
                                "This causes symptoms such as chest pain.\n")
                .size(),
            1u);
  // Not without the opening word that goes on from it, nor across paragraphs.
  EXPECT_TRUE(harness.run("a.md", "When the level falls quickly, the heart strains. "
                                  "People with it may have chest pain.\n")
                  .empty());
  EXPECT_TRUE(harness.run("a.md", "When the level falls quickly, the heart strains.\n\n"
                                  "This causes symptoms such as chest pain.\n")
                  .empty());
}

TEST(RequiresRuleTest, ASignPresentedInReferenceStaysARedFlagThere) {
  const char* cues = "{symptoms: {window: 8, reported: {before: {phrases: [may cause]}}}}";
  std::string options = kReferenceOptions;
  options.insert(options.find("reference_wording: {phrases: [") + std::string("reference_wording: {phrases: [").size(),
                 "may cause, ");
  RuleHarness plain(&make_requires_rule, options, cues);
  EXPECT_TRUE(plain.run("a.md", "An ulcer may cause poisoning.\n").empty());
  options.insert(options.find("    phrases: [poisoning]"), "    presented_in_reference: true\n");
  const RuleHarness presented(&make_requires_rule, options, cues);
  EXPECT_EQ(presented.run("a.md", "An ulcer may cause poisoning.\n").size(), 1u);
}

TEST(RequiresRuleTest, AFrequencyTableOfFeaturesIsNoRedFlag) {
  const RuleHarness harness(&make_requires_rule, kReferenceOptions, kCueSets);
  EXPECT_TRUE(harness.run("a.md", "Myopia 90% Poisoning 50% Cataract 7.5% Seizures 5%\n").empty());
}

const char* kNearOptions = R"(
message: 'red flag "{match}" without {missing}'
any_of: [emergency]
triggers:
  - name: chest pain
    near:
      - {classes: [CRUSHING, CHEST], window: 6}
satisfied_by:
  emergency:
    describe: call 911
    phrases: ["call 911"]
)";
const char* kNearClasses = "{CRUSHING: {source: test, terms: [crushing, squeeze]}, CHEST: {source: test, terms: [chest]}}";

TEST(RequiresRuleTest, NearFindsItsClassesInOneClause) {
  const RuleHarness harness(&make_requires_rule, kNearOptions, "{}", "en-US", kNearClasses);
  EXPECT_THAT(harness.flagged("a.md", "It felt like something was squeezing my chest.\n"),
              ElementsAre("squeezing my chest"));
  EXPECT_TRUE(harness.run("a.md", "The crushing news hit hard; my chest was fine.\n").empty());
  EXPECT_TRUE(harness.run("a.md", "Something is squeezing my chest. Call 911.\n").empty());
}

TEST(RequiresRuleTest, NearCannotNameAClassDefinedBesideOtherRules) {
  RuleBuildContext context;
  context.config_path = context.pack_path = "test.yaml";
  for (const auto& entry : YAML::Load(kNearClasses)) {
    context.word_classes[entry.first.as<std::string>()].push_back({entry.second, "other-rules.yaml"});
  }
  context.rule_files = {"test.yaml", "other-rules.yaml"};
  try {
    make_requires_rule(RuleInfo{"test-rule", "requires", "", Severity::Error}, YAML::Load(kNearOptions), context);
    FAIL() << "expected a configuration error";
  } catch (const ConfigError& error) {
    EXPECT_THAT(error.what(), HasSubstr("defined beside other rules"));
  }
}

const char* kModelOptions = R"(
message: 'red flag "{match}" without {missing}'
any_of: [emergency]
triggers:
  - name: chest pain
    phrases: [chest pain]
satisfied_by:
  emergency:
    describe: call 911
    phrases: ["call 911"]
reader_wording: {phrases: [my, your]}
reference_wording: {phrases: [can cause]}
model: signs
model_signs: [SIGN]
)";
const char* kModelClasses = "{SIGN: {source: test, terms: [gasping, chest pain]}}";
const char* kModels = R"(
signs: {source: test, bias: 0.0, threshold: 0.0, sure_threshold: 1.2, weights: "5.0 u:gasp\n5.0 u:gasping\n"}
)";

TEST(RequiresRuleTest, TheModelReadsWindowsItsGatesLetThrough) {
  const RuleHarness harness(&make_requires_rule, kModelOptions, "{}", "en-US", kModelClasses, kModels);
  // On the sign, with the model's reasons.
  const auto found = harness.run("a.md", "My dad is gasping on the sofa.\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message, "red flag \"gasping\" without call 911");
  EXPECT_THAT(*found[0].suggestion, HasSubstr("the model's strongest reasons: u:gasp"));
  // Escalation anywhere in the article, nobody's case, a reference
  // description, a score under the sure threshold: no finding.
  EXPECT_TRUE(harness.run("a.md", "My dad is gasping on the sofa.\n\nCall 911 when in doubt.\n").empty());
  EXPECT_TRUE(harness.run("a.md", "A man is gasping on the sofa.\n").empty());
  EXPECT_TRUE(harness.run("a.md", "Asthma can cause gasping in your child.\n").empty());
  EXPECT_TRUE(harness.run("a.md", "My dad is gasping and wheezing and coughing and sneezing on the sofa again.\n").empty());
  // A block a trigger flagged is the trigger's.
  EXPECT_THAT(harness.flagged("a.md", "My chest pain has me gasping.\n"), ElementsAre("chest pain"));
}

TEST(RequiresRuleTest, AModelNeedsItsSigns) {
  std::string options = kModelOptions;
  options.erase(options.find("model_signs"));
  EXPECT_THROW(RuleHarness(&make_requires_rule, options, "{}", "en-US", kModelClasses, kModels), ConfigError);
  EXPECT_THROW(RuleHarness(&make_requires_rule, options + "model_signs: [NOPE]\n", "{}", "en-US", kModelClasses, kModels),
               ConfigError);
}

}  // namespace
}  // namespace medlint::testing
