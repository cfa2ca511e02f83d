// Development tool: the features the model of a rule of the shipped packs
// (an `advice` or `requires` rule with a `model`) reads in each file, for
// training it (scripts/train-advice-model).
//   model_features RULE[:OPTION] FILE...
// (OPTION: the rule's option naming the model, `model` by default; an
// `advice` rule's `passage_model`) prints, per file, its path, a tab, the kinds of what the rule's own
// reading made of it (ModelReader::Example; "-" for none), a tab, and the
// union of the features of its model's windows, each list separated by
// spaces.
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string_view>

#include "medlint/parse.h"
#include "rules/model_reader.h"
#include "rules/packs.h"

int main(int argc, char** argv) {
  using namespace medlint;
  if (argc < 3) {
    std::cerr << "usage: model_features RULE[:OPTION] FILE...\n";
    return 2;
  }
  const std::string_view named = argv[1];
  const std::string rule_id(named.substr(0, named.find(':')));
  const std::string model_option(named.find(':') == std::string_view::npos ? "model" : named.substr(named.find(':') + 1));
  const RulePack pack = load_shipped_pack(kRecommendedPack, "model_features", YAML::Node());
  RuleBuildContext context = build_context(pack);
  std::unique_ptr<Rule> rule;
  for (const RuleSpec& spec : pack.rules) {
    if (spec.info.id != rule_id) continue;
    context.config_path = spec.path;
    context.pack_path = spec.path;
    rule = find_rule_kind(spec.info.kind)->factory(spec.info, spec.options, context);
  }
  const auto* reader = dynamic_cast<const ModelReader*>(rule.get());
  if (!reader) {
    std::cerr << "no rule `" << rule_id << "` with a model in the shipped packs\n";
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
    ModelReader::Example example;
    try {
      example = reader->model_example(document, model_option);
    } catch (const std::invalid_argument& error) {
      std::cerr << error.what() << "\n";
      return 2;
    }
    std::cout << argv[i] << '\t';
    if (example.kinds.empty()) std::cout << '-';
    for (const std::string& kind : example.kinds) std::cout << kind << ' ';
    std::cout << '\t';
    for (const std::string& feature : example.features) std::cout << feature << ' ';
    std::cout << '\n';
  }
  return 0;
}
