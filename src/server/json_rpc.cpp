#include "server/json_rpc.h"

#include <algorithm>
#include <charconv>
#include <istream>
#include <ostream>

namespace medlint::lsp {
namespace {

// A header line longer than this is not LSP: it is read and dropped
// rather than held in memory.
constexpr std::size_t kMaxHeaderLine = 8192;
// The largest body read: a 16 MiB article (the command line's file size
// limit) with every byte escaped fits.
constexpr std::size_t kMaxBody = 128 * 1024 * 1024;

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](char x, char y) { return std::tolower(static_cast<unsigned char>(x)) ==
                                                std::tolower(static_cast<unsigned char>(y)); });
}

}  // namespace

std::optional<std::string> FrameReader::header_line() {
  std::string line;
  for (int c = in_.get(); c != std::char_traits<char>::eof(); c = in_.get()) {
    if (c == '\n') {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      return line;
    }
    if (line.size() < kMaxHeaderLine) line.push_back(static_cast<char>(c));
  }
  return std::nullopt;
}

std::optional<std::string> FrameReader::next(std::string& problem) {
  std::optional<std::size_t> length;
  bool bad_length = false;
  bool any_header = false;
  for (;;) {
    const std::optional<std::string> line = header_line();
    if (!line) return std::nullopt;
    if (line->empty()) {
      if (any_header) break;
      continue;  // blank lines between messages
    }
    any_header = true;
    const std::size_t colon = line->find(':');
    if (colon == std::string::npos || !equal_ignoring_case(std::string_view(*line).substr(0, colon), "Content-Length")) {
      continue;  // Content-Type and unknown headers
    }
    std::string_view value = std::string_view(*line).substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
    std::size_t parsed = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), parsed);
    bad_length = error != std::errc() || end != value.data() + value.size();
    if (!bad_length) length = parsed;
  }
  if (!length || bad_length) {
    problem = "message header without a valid Content-Length; skipped";
    return std::string();
  }
  if (*length > kMaxBody) {
    in_.ignore(static_cast<std::streamsize>(*length));
    if (!in_) return std::nullopt;
    problem = "message of " + std::to_string(*length) + " bytes is over the size limit; skipped";
    return std::string();
  }
  std::string body(*length, '\0');
  in_.read(body.data(), static_cast<std::streamsize>(*length));
  if (static_cast<std::size_t>(in_.gcount()) != *length) return std::nullopt;
  problem.clear();
  return body;
}

void FrameWriter::send(const json& message) {
  // Rule messages quote the article; a stray invalid byte must not stop the reply.
  const std::string body = message.dump(-1, ' ', false, json::error_handler_t::replace);
  std::lock_guard lock(mutex_);
  out_ << "Content-Length: " << body.size() << "\r\n\r\n" << body;
  out_.flush();
}

json response(const json& id, json result) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}};
}

json error_response(const json& id, int code, const std::string& message) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}};
}

json notification(const std::string& method, json params) {
  return {{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
}

}  // namespace medlint::lsp
