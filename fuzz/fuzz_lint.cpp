// libFuzzer target: the whole pipeline on one article (parse, every rule of
// the recommended pack, suppressions), in both formats.
#include "medlint/linter.h"
#include "medlint/parse.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto resolver = medlint::ConfigResolver::create(std::nullopt);
  static const auto linter = resolver->linter_for("a.md");
  if (size == 0) return 0;
  // The first byte picks the format, so one corpus covers both readers.
  const medlint::Format format = data[0] % 2 ? medlint::Format::Markdown : medlint::Format::PlainText;
  auto source = std::make_shared<medlint::SourceFile>(
      "fuzz", std::string(reinterpret_cast<const char*>(data + 1), size - 1));
  medlint::LintContext context;
  context.today = std::chrono::year{2026} / 11 / 23;
  context.report_unused_disables = true;
  (void)linter->lint(medlint::parse(source, format), context);
  return 0;
}
