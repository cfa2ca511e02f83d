// libFuzzer target: the Markdown reader (front matter, md4c body, comments).
#include "medlint/parse.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto source = std::make_shared<medlint::SourceFile>("fuzz.md", std::string(reinterpret_cast<const char*>(data), size));
  const medlint::Document document = medlint::parse_markdown(source);
  // Sentences and positions exercise the offset map on every block.
  for (const medlint::Sentence& sentence : document.sentences()) {
    (void)document.position(document.text().to_source(sentence.text).end);
  }
  return 0;
}
