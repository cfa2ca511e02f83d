// Baselines: adopting the gate on a legacy library by recording today's
// findings and reporting only new ones.
#pragma once
#include <filesystem>
#include <functional>

#include "medlint/lint.h"

namespace medlint {

// Baselines record paths relative to their root: the repository holding the
// baseline file, else the baseline's folder. So a baseline matches whatever
// the current folder or the form the paths were given in.

// Writes every finding of `run` as the baseline file `path` (JSON, sorted,
// stable). Throws UsageError when it cannot be written.
void write_baseline(const LintRun& run, const std::filesystem::path& path);

// Removes the findings the baseline at `path` records from the files of
// `run` it applies to (all by default), counting them, and lists the
// entries that no longer occur: of files linted, and of files that no longer
// exist (renamed or deleted). Throws UsageError when it cannot be read.
void apply_baseline(const std::filesystem::path& path, LintRun& run,
                    const std::function<bool(const FileResult&)>& applies = {});

}  // namespace medlint
