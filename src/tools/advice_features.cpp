// Development tool: the features an `advice` rule of the shipped packs
// reads in each file, for training its model (scripts/train-advice-model).
//   advice_features RULE FILE...
// prints, per file, its path, a tab, the kinds of its frames' findings
// (FrameFinding::kind(); "-" for none), a tab, and the union of its
// candidate sentences' features, each list separated by spaces.
#include <fstream>
#include <set>
#include <iostream>
#include <sstream>

#include "medlint/parse.h"
#include "rules/kinds/advice.h"
#include "rules/kinds/kinds.h"
#include "rules/packs.h"

int main(int argc, char** argv) {
  using namespace medlint;
  if (argc < 3) {
    std::cerr << "usage: advice_features RULE FILE...\n";
    return 2;
  }
  const RulePack pack = load_shipped_pack(kRecommendedPack, "advice_features", YAML::Node());
  RuleBuildContext context = build_context(pack);
  std::unique_ptr<Rule> rule;
  for (const RuleSpec& spec : pack.rules) {
    if (spec.info.id != argv[1]) continue;
    context.config_path = spec.path;
    context.pack_path = spec.path;
    rule = make_advice_rule(spec.info, spec.options, context);
  }
  const auto* advice = dynamic_cast<const AdviceRule*>(rule.get());
  if (!advice) {
    std::cerr << "no advice rule `" << argv[1] << "` in the shipped packs\n";
    return 2;
  }
  for (int i = 2; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    const auto format = format_for_path(argv[i]);
    if (!in || !format) {
      std::cerr << "cannot read " << argv[i] << "\n";
      return 2;
    }
    const Document document = parse(std::make_shared<const SourceFile>(argv[i], bytes.str()), *format);
    std::set<std::string> kinds, features;
    advice->each_candidate(document, AdviceRule::Features::All, nullptr, [&](AdviceRule::Candidate&& candidate) {
      if (candidate.frame_finding) kinds.insert(candidate.frame_finding->kind());
      features.insert(candidate.features.begin(), candidate.features.end());
    });
    std::cout << argv[i] << '\t';
    if (kinds.empty()) std::cout << '-';
    for (const std::string& kind : kinds) std::cout << kind << ' ';
    std::cout << '\t';
    for (const std::string& feature : features) std::cout << feature << ' ';
    std::cout << '\n';
  }
  return 0;
}
