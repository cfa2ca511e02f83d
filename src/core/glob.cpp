#include "core/glob.h"

#include <re2/re2.h>

namespace medlint {

struct Glob::Impl {
  explicit Impl(const std::string& regex) : regex(regex) {}
  RE2 regex;
};

namespace {

std::string glob_to_regex(std::string_view glob) {
  std::string body;
  const bool anywhere = glob.find('/') == std::string_view::npos;
  if (glob.starts_with("/")) glob.remove_prefix(1);
  for (std::size_t i = 0; i < glob.size(); ++i) {
    const char c = glob[i];
    if (c == '*' && i + 1 < glob.size() && glob[i + 1] == '*') {
      const bool slash = i + 2 < glob.size() && glob[i + 2] == '/';
      body += slash ? "(?:.*/)?" : ".*";
      i += slash ? 2 : 1;
    } else if (c == '*') {
      body += "[^/]*";
    } else if (c == '?') {
      body += "[^/]";
    } else if (c == '[') {
      const std::size_t close = glob.find(']', i + 1);
      if (close == std::string_view::npos) {
        body += "\\[";
      } else {
        std::string set(glob.substr(i + 1, close - i - 1));
        if (!set.empty() && set[0] == '!') set[0] = '^';
        body += "[" + set + "]";
        i = close;
      }
    } else {
      const char one[2] = {c, 0};
      body += RE2::QuoteMeta(one);
    }
  }
  // A directory glob ("drafts/") covers everything below it.
  if (!body.empty() && body.back() == '/') body += ".*";
  return (anywhere ? "(?:.*/)?" : "") + body + "(?:/.*)?";
}

}  // namespace

Glob::Glob(std::string_view pattern)
    : pattern_(pattern), impl_(std::make_unique<Impl>(glob_to_regex(pattern))) {}
Glob::~Glob() = default;
Glob::Glob(Glob&&) noexcept = default;
Glob& Glob::operator=(Glob&&) noexcept = default;

bool Glob::matches(std::string_view path) const {
  if (path.starts_with("./")) path.remove_prefix(2);
  return impl_->regex.ok() && RE2::FullMatch(path, impl_->regex);
}

}  // namespace medlint
