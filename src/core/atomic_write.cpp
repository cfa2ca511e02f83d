#include "core/atomic_write.h"

#include <cerrno>
#include <fcntl.h>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace medlint {

namespace fs = std::filesystem;

void write_file_atomically(const fs::path& path, std::string_view bytes, fs::perms permissions) {
  const fs::path folder = path.has_parent_path() ? path.parent_path() : fs::path(".");
  std::string temporary = (folder / ("." + path.filename().string() + ".XXXXXX")).string();
  const int fd = ::mkstemp(temporary.data());
  const auto fail = [&](const char* what, int error) {
    if (fd >= 0) ::close(fd);
    ::unlink(temporary.c_str());
    throw fs::filesystem_error(what, path, std::error_code(error, std::generic_category()));
  };
  if (fd < 0) fail("cannot create a temporary file next to it", errno);
  for (std::size_t written = 0; written < bytes.size();) {
    const ssize_t count = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (count < 0 && errno == EINTR) continue;
    if (count < 0) fail("cannot write", errno);
    written += static_cast<std::size_t>(count);
  }
  if (::fchmod(fd, static_cast<mode_t>(permissions)) != 0) fail("cannot set permissions", errno);
  if (::fsync(fd) != 0) fail("cannot sync to disk", errno);
  if (::close(fd) != 0) {
    const int error = errno;
    ::unlink(temporary.c_str());
    throw fs::filesystem_error("cannot write", path, std::error_code(error, std::generic_category()));
  }
  if (::rename(temporary.c_str(), path.c_str()) != 0) {
    const int error = errno;
    ::unlink(temporary.c_str());
    throw fs::filesystem_error("cannot replace", path, std::error_code(error, std::generic_category()));
  }
}

}  // namespace medlint
