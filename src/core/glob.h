// Shell-style path globs as .gitignore users expect them: `*` stays within
// a path segment, `**` crosses segments, and a glob without `/` matches the
// file name at any depth.
#pragma once
#include <memory>
#include <string>
#include <string_view>

namespace medlint {

class Glob {
 public:
  explicit Glob(std::string_view pattern);
  ~Glob();
  Glob(Glob&&) noexcept;
  Glob& operator=(Glob&&) noexcept;
  // `path` uses '/' separators and is relative to the glob's base directory.
  bool matches(std::string_view path) const;
  const std::string& pattern() const { return pattern_; }

 private:
  struct Impl;
  std::string pattern_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace medlint
