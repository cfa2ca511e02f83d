// libFuzzer target: the plain-text export reader.
#include "medlint/parse.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto source = std::make_shared<medlint::SourceFile>("fuzz.txt", std::string(reinterpret_cast<const char*>(data), size));
  const medlint::Document document = medlint::parse_plain_text(source);
  for (const medlint::Sentence& sentence : document.sentences()) {
    (void)document.position(document.text().to_source(sentence.text).end);
  }
  return 0;
}
