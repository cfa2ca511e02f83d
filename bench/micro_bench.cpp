// Google Benchmark micro-benchmarks of the parsers and each shipped rule.
//   ./build/bench/medlint_micro_bench [--benchmark_filter=Rule]
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include "medlint/linter.h"
#include "medlint/parse.h"
#include "rules/packs.h"

namespace medlint {
namespace {

// About 16 KB of article: sections of ordinary prose with one red flag, its
// escalation, and one warning against a risky act, as most articles have.
std::string article(Format format) {
  std::string text = format == Format::Markdown
                         ? "---\ntitle: \"Back pain\"\nlast_reviewed: 2026-03-14\nreferences: [\"One.\", \"Two.\"]\n---\n"
                         : "Back pain\nWhat helps with back pain.\n\n";
  for (int section = 0; section < 24; ++section) {
    text += format == Format::Markdown ? fmt::format("## Section {}\n\n", section) : fmt::format("Section {}\n\n", section);
    text +=
        "Most back pain improves within a few weeks with gentle activity. Keeping a short diary of what helps can "
        "guide your next visit. An over-the-counter pain reliever, taken as the label directs, can ease the "
        "discomfort. Warm compresses and rest are safe first steps.\n\n";
    text += format == Format::Markdown ? "- Walk a little every day.\n- Sleep on a firm mattress.\n\n"
                                       : "  \u2022 Walk a little every day.\n  \u2022 Sleep on a firm mattress.\n\n";
  }
  text += "Do not try to crack your own back. Chest pain with back pain needs care: call 911 right away.\n\n";
  if (format == Format::PlainText) text += "Medically Reviewed on 03/14/2026\n\nOne.\n\nTwo.\n";
  return text;
}

void BM_Parse(benchmark::State& state, Format format) {
  const auto source = std::make_shared<SourceFile>("a", article(format));
  for (auto _ : state) benchmark::DoNotOptimize(parse(source, format));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * source->text().size()));
}
BENCHMARK_CAPTURE(BM_Parse, markdown, Format::Markdown);
BENCHMARK_CAPTURE(BM_Parse, plain_text, Format::PlainText);

// One shipped rule on a parsed article (parsing excluded).
void BM_Rule(benchmark::State& state, std::string rule_id) {
  RulePack pack = load_shipped_pack(kRecommendedPack, "", YAML::Node());
  RuleBuildContext context;
  context.cue_sets = pack.cue_sets;
  std::unique_ptr<Rule> rule;
  for (const RuleSpec& spec : pack.rules) {
    context.config_path = spec.path;
    if (spec.info.id == rule_id) rule = find_rule_kind(spec.info.kind)->factory(spec.info, spec.options, context);
  }
  const auto source = std::make_shared<SourceFile>("a.md", article(Format::Markdown));
  for (auto _ : state) {
    // A fresh Document each time: sentence segmentation is cached inside.
    state.PauseTiming();
    const Document document = parse(source, Format::Markdown);
    state.ResumeTiming();
    std::vector<Diagnostic> out;
    rule->check(RuleContext{document, std::chrono::year{2026} / 11 / 23}, out);
    benchmark::DoNotOptimize(out);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * source->text().size()));
}
BENCHMARK_CAPTURE(BM_Rule, review_freshness, std::string("review-freshness"));
BENCHMARK_CAPTURE(BM_Rule, citations_present, std::string("citations-present"));
BENCHMARK_CAPTURE(BM_Rule, safety_escalation, std::string("safety-escalation"));
BENCHMARK_CAPTURE(BM_Rule, self_treatment, std::string("self-treatment"));

// What a pre-commit hook pays before the first file: packs read and compiled.
void BM_CompileRecommendedPack(benchmark::State& state) {
  for (auto _ : state) {
    auto resolver = ConfigResolver::create(std::nullopt);
    benchmark::DoNotOptimize(resolver->linter_for("a.md"));
  }
}
BENCHMARK(BM_CompileRecommendedPack)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace medlint

BENCHMARK_MAIN();
