// What the build step (tools/compile_pattern_database.cpp) keeps of what
// medlint compiles from the shipped packs, to write it into the binary:
// nothing until keep() is called, so a run keeps nothing.
#pragma once
#include <mutex>

namespace medlint {

template <typename Items>
class KeptForBuild {
 public:
  void keep() {
    const std::lock_guard lock(mutex_);
    keeping_ = true;
  }
  // Calls `add` with the items kept so far, once keep() has been called.
  template <typename Add>
  void add(Add&& add) {
    const std::lock_guard lock(mutex_);
    if (keeping_) add(items_);
  }
  Items items() {
    const std::lock_guard lock(mutex_);
    return items_;
  }

 private:
  std::mutex mutex_;
  bool keeping_ = false;
  Items items_;
};

}  // namespace medlint
