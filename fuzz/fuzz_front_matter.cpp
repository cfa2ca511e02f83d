// libFuzzer target: YAML front matter, always wrapped in its fences so every
// input reaches yaml-cpp and the metadata reader.
#include "medlint/parse.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text = "---\n";
  text.append(reinterpret_cast<const char*>(data), size);
  text += "\n---\nBody.\n";
  (void)medlint::parse_markdown(std::make_shared<medlint::SourceFile>("fuzz.md", std::move(text)));
  return 0;
}
