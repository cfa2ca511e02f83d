// Replacing a file all at once: a full disk or a crash leaves either the old
// file or the new one, never a broken mix, and a symlink at the path is
// replaced, not written through.
#pragma once
#include <filesystem>
#include <string_view>

namespace medlint {

// Writes `bytes` to a temporary file in the folder of `path`, syncs it to
// disk, gives it `permissions` and renames it over `path`. Throws
// std::filesystem::filesystem_error (the temporary file removed) on failure.
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes,
                           std::filesystem::perms permissions = std::filesystem::perms::owner_read |
                                                                std::filesystem::perms::owner_write |
                                                                std::filesystem::perms::group_read |
                                                                std::filesystem::perms::others_read);

}  // namespace medlint
