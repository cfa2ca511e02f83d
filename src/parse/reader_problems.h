// Findings about a file's bytes that every format reports the same way.
#pragma once
#include "medlint/document.h"

namespace medlint {

// Adds invalid-utf8 (at most a few per file), nul-byte and empty-file problems.
void add_reader_problems(Document& document);

}  // namespace medlint
