// Baselines: adopting the gate on a legacy library by recording today's
// findings and reporting only new ones.
#pragma once
#include <filesystem>
#include <memory>
#include <vector>

#include "medlint/lint.h"

namespace medlint {

// Baselines record paths relative to their root: the repository holding the
// baseline file, else the baseline's folder. So a baseline matches whatever
// the current folder or the form the paths were given in.

// Records every finding of the files added as the baseline file `path`
// (JSON, sorted, stable), file by file as a run lints them.
class BaselineRecorder {
 public:
  explicit BaselineRecorder(std::filesystem::path path);
  ~BaselineRecorder();
  void add(const FileResult& file);
  // Throws UsageError when the file cannot be written.
  void write() const;

 private:
  struct Entries;
  std::filesystem::path path_;
  std::filesystem::path root_;
  std::unique_ptr<Entries> entries_;
};

// The baseline at `path`, applied to files one by one as a run lints them.
class BaselineFilter {
 public:
  // Throws UsageError when it cannot be read.
  explicit BaselineFilter(const std::filesystem::path& path);
  BaselineFilter(BaselineFilter&&) noexcept;
  ~BaselineFilter();
  // Removes the findings the baseline records from `file`; returns how many.
  int filter(FileResult& file);
  // The entries that no longer occur: of files filtered, and of files that
  // no longer exist (renamed or deleted).
  std::vector<FixedFinding> fixed() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace medlint
