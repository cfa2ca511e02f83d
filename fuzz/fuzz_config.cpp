// libFuzzer target: .medlint.yaml loading, pack merging and rule compilation.
// Configuration errors are expected; crashes, hangs and leaks are not.
#include <cstdio>
#include <fstream>
#include <unistd.h>

#include "medlint/linter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string path = "/tmp/medlint-fuzz-config-" + std::to_string(::getpid()) + ".yaml";
  std::ofstream(path, std::ios::binary | std::ios::trunc).write(reinterpret_cast<const char*>(data),
                                                                 static_cast<std::streamsize>(size));
  try {
    auto resolver = medlint::ConfigResolver::create(path);
    (void)resolver->linter_for("a.md");
  } catch (const medlint::ConfigError&) {
  }
  // Removed after every input, so no run leaves it behind however it ends
  // (libFuzzer's exit skips destructors).
  std::remove(path.c_str());
  return 0;
}
