// `medlint server`: the Language Server Protocol over a pair of streams, so
// editors show findings as the writer types.
#pragma once

#include <chrono>
#include <filesystem>
#include <iosfwd>
#include <optional>

namespace medlint {

struct ServerOptions {
  // One configuration for every document (--config); else each document's
  // nearest .medlint.yaml, as on the command line.
  std::optional<std::filesystem::path> config;
  // The date review ages are judged against; default: the local date at each lint.
  std::optional<std::chrono::year_month_day> today;
  // Quiet time after an edit before the document is linted: typing
  // produces one lint, of the latest text, not one per keystroke.
  std::chrono::milliseconds debounce{150};
};

// Serves LSP (JSON-RPC with Content-Length framing) on `in` and `out` until
// the client sends `exit` or closes `in`. Returns the process exit code the
// protocol asks for: 0 when `shutdown` came first, 1 otherwise.
int serve_language_server(std::istream& in, std::ostream& out, const ServerOptions& options);

}  // namespace medlint
