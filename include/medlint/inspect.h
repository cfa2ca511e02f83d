// What the readers understood of one file (`medlint inspect`): users see
// why a rule fired or not, tests compare it with golden files.
#pragma once
#include <ostream>

#include "medlint/document.h"

namespace medlint {

enum class InspectFormat { Text, Json };

// Format, title, metadata with where each value came from, dates (the
// review date with its source line), sections and levels, list items,
// references, citation links, and what was set aside as not prose.
void write_inspection(const Document& document, InspectFormat format, std::ostream& out);

}  // namespace medlint
