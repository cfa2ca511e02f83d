// Development tool: the features the model of a rule of the shipped packs
// (an `advice` or `requires` rule with a `model`) reads in each file, for
// training it (scripts/train-advice-model).
//   model_features RULE FILE...
// prints, per file, its path, a tab, the kinds of what the rule's own
// reading made of it (ModelReader::Example; "-" for none), a tab, and the
// union of the features of its model's windows, each list separated by
// spaces.
#include <fstream>
#include <iostream>
#include <sstream>

#include "medlint/parse.h"
#include "rules/model_reader.h"
#include "rules/packs.h"

int main(int argc, char** argv) {
  using namespace medlint;
  if (argc < 3) {
    std::cerr << "usage: model_features RULE FILE...\n";
    return 2;
  }
  const RulePack pack = load_shipped_pack(kRecommendedPack, "model_features", YAML::Node());
  RuleBuildContext context = build_context(pack);
  std::unique_ptr<Rule> rule;
  for (const RuleSpec& spec : pack.rules) {
    if (spec.info.id != argv[1]) continue;
    context.config_path = spec.path;
    context.pack_path = spec.path;
    rule = find_rule_kind(spec.info.kind)->factory(spec.info, spec.options, context);
  }
  const auto* reader = dynamic_cast<const ModelReader*>(rule.get());
  if (!reader) {
    std::cerr << "no rule `" << argv[1] << "` with a model in the shipped packs\n";
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
    const ModelReader::Example example = reader->model_example(document);
    std::cout << argv[i] << '\t';
    if (example.kinds.empty()) std::cout << '-';
    for (const std::string& kind : example.kinds) std::cout << kind << ' ';
    std::cout << '\t';
    for (const std::string& feature : example.features) std::cout << feature << ' ';
    std::cout << '\n';
  }
  return 0;
}
