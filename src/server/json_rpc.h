// JSON-RPC 2.0 as LSP carries it: each message is a header block
// ("Content-Length: N", blank line) and N bytes of JSON.
#pragma once

#include <cstddef>
#include <istream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace medlint::lsp {

using nlohmann::json;

// Error codes of JSON-RPC and LSP.
inline constexpr int kParseError = -32700;
inline constexpr int kInvalidRequest = -32600;
inline constexpr int kMethodNotFound = -32601;
inline constexpr int kInvalidParams = -32602;
inline constexpr int kInternalError = -32603;
inline constexpr int kServerNotInitialized = -32002;

// Reads message bodies from a stream, one at a time.
class FrameReader {
 public:
  // Unties `in` from its output stream (std::cin flushes std::cout before
  // each read): only the FrameWriter may touch the output, under its lock.
  explicit FrameReader(std::istream& in) : in_(in) { in_.tie(nullptr); }

  // The next message body; nullopt at the end of input. A header block
  // without a usable Content-Length, or a body over the size limit, is
  // skipped and described in `problem` (the client gets no reply: there is
  // no id to reply to).
  std::optional<std::string> next(std::string& problem);

 private:
  // One header line without its terminator; nullopt at the end of input.
  std::optional<std::string> header_line();

  std::istream& in_;
};

// Writes messages; several threads may send at once (the reader thread
// answers requests while the lint thread publishes diagnostics).
class FrameWriter {
 public:
  explicit FrameWriter(std::ostream& out) : out_(out) {}
  void send(const json& message);

 private:
  std::mutex mutex_;
  std::ostream& out_;
};

json response(const json& id, json result);
json error_response(const json& id, int code, const std::string& message);
json notification(const std::string& method, json params);

}  // namespace medlint::lsp
