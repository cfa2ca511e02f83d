// Baselines: adopting the gate on a legacy library by recording today's
// findings and reporting only new ones.
#pragma once
#include <filesystem>
#include <ostream>

#include "medlint/lint.h"

namespace medlint {

// Writes every finding of `run` as a baseline (JSON, sorted, stable).
void write_baseline(const LintRun& run, std::ostream& out);

// Removes the findings the baseline at `path` records from `run`, counting
// them, and lists the baseline entries of linted files that no longer occur.
// Throws UsageError when the file cannot be read.
void apply_baseline(const std::filesystem::path& path, LintRun& run);

}  // namespace medlint
