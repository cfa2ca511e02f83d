// file: URIs as editors send them, and the paths they name.
#pragma once

#include <filesystem>
#include <optional>
#include <string_view>

namespace medlint::lsp {

// The path of a file: URI (percent-decoded); nullopt for other schemes
// (an editor's unsaved "untitled:" buffers).
std::optional<std::filesystem::path> path_from_uri(std::string_view uri);

}  // namespace medlint::lsp
