// The protocol side of `medlint server`: lifecycle, open documents, and a
// lint thread, so reading the client's messages never waits for a lint.
#include <chrono>
#include <condition_variable>
#include <fmt/format.h>
#include <map>
#include <mutex>
#include <thread>

#include "medlint/date.h"
#include "medlint/parse.h"
#include "medlint/report.h"
#include "medlint/server.h"
#include "server/findings.h"
#include "server/json_rpc.h"
#include "server/uri.h"

namespace medlint {
namespace {

namespace fs = std::filesystem;
using lsp::json;
using Clock = std::chrono::steady_clock;

// MessageType of window/logMessage and window/showMessage.
constexpr int kMessageWarning = 2;
constexpr int kMessageInfo = 3;

// A request's error reply, thrown by a handler.
struct RequestError {
  int code;
  std::string message;
};

struct OpenDocument {
  fs::path path;  // where its configuration is looked up
  Format format = Format::Markdown;
  int version = 0;
  std::shared_ptr<const std::string> text;
  std::shared_ptr<const lsp::LintedText> linted;  // the latest lint published
};

lsp::TextPosition position_of(const json& position) {
  return {position.at("line").get<int>(), position.at("character").get<int>()};
}

lsp::TextRange range_of(const json& range) { return {position_of(range.at("start")), position_of(range.at("end"))}; }

// Whether a watched file can change what a configuration says: a
// .medlint.yaml, or a YAML file that may be one of its rule packs.
bool may_be_configuration(const std::string& uri) {
  const fs::path path = lsp::path_from_uri(uri).value_or(fs::path(uri));
  const std::string extension = path.extension().string();
  return path.filename() == ".medlint.yaml" || extension == ".yaml" || extension == ".yml";
}

class LanguageServer {
 public:
  LanguageServer(std::istream& in, std::ostream& out, const ServerOptions& options)
      : reader_(in), writer_(out), options_(options), root_(fs::current_path()),
        resolver_(ConfigResolver::create(options.config)), linter_thread_([this] { lint_loop(); }) {}

  ~LanguageServer() { stop_linting(); }

  int run() {
    std::string problem;
    while (const std::optional<std::string> body = reader_.next(problem)) {
      if (!problem.empty()) {
        log(kMessageWarning, problem);
        continue;
      }
      const json message = json::parse(*body, nullptr, false);
      if (message.is_discarded()) {
        writer_.send(lsp::error_response(nullptr, lsp::kParseError, "the message is not JSON"));
        continue;
      }
      try {
        if (handle(message)) break;
      } catch (const json::exception& error) {
        // A member of the wrong type where the envelope is read ("jsonrpc": 2).
        writer_.send(lsp::error_response(nullptr, lsp::kInvalidRequest, error.what()));
      }
    }
    return shutdown_ ? 0 : 1;
  }

 private:
  // Handles one message; true when it was `exit`.
  bool handle(const json& message) {
    if (!message.is_object() || message.value("jsonrpc", "") != "2.0") {
      writer_.send(lsp::error_response(nullptr, lsp::kInvalidRequest, "not a JSON-RPC 2.0 message"));
      return false;
    }
    const auto method = message.find("method");
    const auto id = message.find("id");
    if (method == message.end()) {
      // A reply to one of the server's own requests (registerCapability,
      // showDocument): nothing waits for it.
      if (id != message.end() && (message.contains("result") || message.contains("error"))) return false;
      writer_.send(lsp::error_response(id != message.end() ? *id : json(nullptr), lsp::kInvalidRequest,
                                       "a request needs a method"));
      return false;
    }
    if (!method->is_string() || (id != message.end() && !id->is_number_integer() && !id->is_string())) {
      writer_.send(lsp::error_response(nullptr, lsp::kInvalidRequest, "method must be a string, id a number or string"));
      return false;
    }
    const std::string name = method->get<std::string>();
    const json params = message.value("params", json::object());
    if (id == message.end()) return notify(name, params);
    try {
      writer_.send(lsp::response(*id, request(name, params)));
    } catch (const RequestError& error) {
      writer_.send(lsp::error_response(*id, error.code, error.message));
    } catch (const json::exception& error) {
      writer_.send(lsp::error_response(*id, lsp::kInvalidParams, fmt::format("invalid params: {}", error.what())));
    } catch (const std::exception& error) {
      writer_.send(lsp::error_response(*id, lsp::kInternalError, error.what()));
    }
    return false;
  }

  json request(const std::string& method, const json& params) {
    if (method == "initialize") {
      if (initialized_) throw RequestError{lsp::kInvalidRequest, "initialize was already called"};
      json result = initialize(params);
      initialized_ = true;
      return result;
    }
    if (!initialized_) throw RequestError{lsp::kServerNotInitialized, "initialize first"};
    if (shutdown_) throw RequestError{lsp::kInvalidRequest, "the server is shut down; only exit is accepted"};
    if (method == "shutdown") {
      shutdown_ = true;
      stop_linting();
      return nullptr;
    }
    if (method == "textDocument/hover") return hover(params);
    if (method == "textDocument/codeAction") return code_action(params);
    if (method == "workspace/executeCommand") return execute_command(params);
    throw RequestError{lsp::kMethodNotFound, fmt::format("unknown method {}", method)};
  }

  // Handles a notification; true for `exit`. Unknown ones are ignored, as
  // the protocol asks; so is everything before initialize and after shutdown.
  bool notify(const std::string& method, const json& params) {
    if (method == "exit") return true;
    if (!initialized_ || shutdown_) return false;
    try {
      if (method == "initialized") register_watchers();
      else if (method == "textDocument/didOpen") did_open(params.at("textDocument"));
      else if (method == "textDocument/didChange") did_change(params);
      else if (method == "textDocument/didSave") did_save(params);
      else if (method == "textDocument/didClose") did_close(params.at("textDocument").at("uri").get<std::string>());
      else if (method == "workspace/didChangeWatchedFiles") did_change_watched_files(params.at("changes"));
    } catch (const json::exception& error) {
      log(kMessageWarning, fmt::format("{} ignored: invalid params: {}", method, error.what()));
    }
    return false;
  }

  json initialize(const json& params) {
    const json& capabilities = params.value("capabilities", json::object());
    const json workspace = capabilities.value("workspace", json::object());
    edit_support_.document_changes =
        workspace.value("workspaceEdit", json::object()).value("documentChanges", false);
    watch_registration_ =
        workspace.value("didChangeWatchedFiles", json::object()).value("dynamicRegistration", false);
    show_document_ = capabilities.value("window", json::object()).value("showDocument", json::object()).value("support", false);
    if (params.contains("rootUri") && params["rootUri"].is_string()) {
      if (auto root = lsp::path_from_uri(params["rootUri"].get<std::string>())) root_ = *root;
    }
    return {{"capabilities",
             {{"positionEncoding", "utf-16"},
              {"textDocumentSync", {{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}}},
              {"hoverProvider", true},
              {"codeActionProvider", {{"codeActionKinds", {"quickfix"}}}},
              {"executeCommandProvider",
               {{"commands", {lsp::kOpenDocumentationCommand, lsp::kShowOverrideHintCommand}}}}}},
            {"serverInfo", {{"name", "medlint"}, {"version", std::string(version())}}}};
  }

  // Asks the client to report changes to configurations and packs, when
  // it lets servers choose what to watch (VS Code's extension also
  // watches them itself).
  void register_watchers() {
    if (!watch_registration_) return;
    const json watchers = json::array({{{"globPattern", "**/.medlint.yaml"}}, {{"globPattern", "**/*.{yaml,yml}"}}});
    writer_.send({{"jsonrpc", "2.0"},
                  {"id", fmt::format("medlint-{}", next_request_id_++)},
                  {"method", "client/registerCapability"},
                  {"params",
                   {{"registrations", json::array({{{"id", "medlint-configuration"},
                                                    {"method", "workspace/didChangeWatchedFiles"},
                                                    {"registerOptions", {{"watchers", watchers}}}}})}}}});
  }

  void did_open(const json& document) {
    const std::string uri = document.at("uri").get<std::string>();
    const std::string language = document.value("languageId", "");
    OpenDocument open;
    // An unsaved buffer is linted as a file of its language in the
    // workspace, so it gets the workspace's configuration.
    open.path = lsp::path_from_uri(uri).value_or(root_ / (language == "plaintext" ? "untitled.txt"
                                                          : language == "mdx"     ? "untitled.mdx"
                                                          : language == "html"    ? "untitled.html"
                                                                                  : "untitled.md"));
    open.format = format_for_path(open.path.string())
                      .value_or(language == "markdown" ? Format::Markdown
                                : language == "mdx"    ? Format::Mdx
                                : language == "html"   ? Format::Html
                                                       : Format::PlainText);
    open.version = document.at("version").get<int>();
    open.text = std::make_shared<const std::string>(document.at("text").get<std::string>());
    std::lock_guard lock(mutex_);
    documents_[uri] = std::move(open);
    schedule(uri, Clock::now());
  }

  void did_change(const json& params) {
    const std::string uri = params.at("textDocument").at("uri").get<std::string>();
    const int version = params.at("textDocument").at("version").get<int>();
    std::shared_ptr<const std::string> text;
    {
      std::lock_guard lock(mutex_);
      const auto found = documents_.find(uri);
      if (found == documents_.end()) return;
      if (version <= found->second.version) {
        log(kMessageWarning, fmt::format("ignored a change to version {} of {}: it already is at version {}", version,
                                         uri, found->second.version));
        return;
      }
      text = found->second.text;
    }
    // The edits are applied outside the lock: a large document's copy
    // must not hold up the lint thread's publishing.
    std::string edited = *text;
    for (const json& change : params.at("contentChanges")) {
      if (!change.contains("range")) {
        edited = change.at("text").get<std::string>();
        continue;
      }
      const lsp::LineIndex lines(edited);
      const lsp::TextRange range = range_of(change.at("range"));
      const std::size_t begin = lines.offset(range.start);
      const std::size_t end = std::max(begin, lines.offset(range.end));
      edited.replace(begin, end - begin, change.at("text").get<std::string>());
    }
    std::lock_guard lock(mutex_);
    const auto found = documents_.find(uri);
    if (found == documents_.end()) return;
    found->second.text = std::make_shared<const std::string>(std::move(edited));
    found->second.version = version;
    schedule(uri, Clock::now() + options_.debounce);
  }

  void did_save(const json& params) {
    std::lock_guard lock(mutex_);
    const std::string uri = params.at("textDocument").at("uri").get<std::string>();
    if (documents_.contains(uri)) schedule(uri, Clock::now());
  }

  void did_close(const std::string& uri) {
    std::lock_guard lock(mutex_);
    if (documents_.erase(uri) == 0) return;
    due_.erase(uri);
    // Under the lock, so a lint finishing now cannot publish after this.
    writer_.send(lsp::notification("textDocument/publishDiagnostics",
                                   {{"uri", uri}, {"diagnostics", json::array()}}));
  }

  void did_change_watched_files(const json& changes) {
    const bool reload = std::any_of(changes.begin(), changes.end(), [](const json& change) {
      return may_be_configuration(change.at("uri").get<std::string>());
    });
    if (!reload) return;
    std::lock_guard lock(mutex_);
    resolver_ = ConfigResolver::create(options_.config);
    for (const auto& [uri, document] : documents_) schedule(uri, Clock::now());
    log(kMessageInfo, "configuration changed: relinting the open documents");
  }

  // The latest lint of a document; throws for a document that is not open.
  std::pair<std::shared_ptr<const lsp::LintedText>, fs::path> latest_lint(const json& params) {
    const std::string uri = params.at("textDocument").at("uri").get<std::string>();
    std::lock_guard lock(mutex_);
    const auto found = documents_.find(uri);
    if (found == documents_.end()) throw RequestError{lsp::kInvalidParams, fmt::format("{} is not open", uri)};
    return {found->second.linted, found->second.path};
  }

  json hover(const json& params) {
    const auto [linted, path] = latest_lint(params);
    if (!linted) return nullptr;
    std::vector<RuleDescription> rules;
    std::shared_ptr<ConfigResolver> resolver;
    {
      std::lock_guard lock(mutex_);
      resolver = resolver_;
    }
    try {
      rules = resolver->rules_for(path);
    } catch (const ConfigError&) {
      // The finding says what is wrong with the configuration.
    }
    return lsp::hover(*linted, position_of(params.at("position")), rules);
  }

  json code_action(const json& params) {
    const auto [linted, path] = latest_lint(params);
    if (!linted) return json::array();
    return lsp::code_actions(*linted, range_of(params.at("range")), edit_support_);
  }

  json execute_command(const json& params) {
    const std::string command = params.at("command").get<std::string>();
    const json arguments = params.value("arguments", json::array());
    if (command == lsp::kOpenDocumentationCommand) {
      const std::string url = arguments.at(0).get<std::string>();
      if (show_document_) {
        writer_.send({{"jsonrpc", "2.0"},
                      {"id", fmt::format("medlint-{}", next_request_id_++)},
                      {"method", "window/showDocument"},
                      {"params", {{"uri", url}, {"external", true}}}});
      } else {
        show(kMessageInfo, fmt::format("medlint rule documentation: {}", url));
      }
      return nullptr;
    }
    if (command == lsp::kShowOverrideHintCommand) {
      const std::string rule = arguments.at(0).get<std::string>();
      const std::string file = arguments.at(1).get<std::string>();
      show(kMessageInfo, fmt::format("Plain-text exports have no comments to suppress a finding. To turn {0} off for "
                                     "this file, add to the nearest .medlint.yaml:\n"
                                     "overrides:\n  - files: [\"{1}\"]\n    rules: {{{0}: off}}",
                                     rule, file));
      return nullptr;
    }
    throw RequestError{lsp::kInvalidParams, fmt::format("unknown command {}", command)};
  }

  // Lints `uri` at `when` (later edits push it back). Holds mutex_.
  void schedule(const std::string& uri, Clock::time_point when) {
    due_[uri] = when;
    wake_.notify_one();
  }

  void lint_loop() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
      const auto next = std::min_element(due_.begin(), due_.end(),
                                         [](const auto& a, const auto& b) { return a.second < b.second; });
      if (next == due_.end()) {
        wake_.wait(lock);
        continue;
      }
      if (next->second > Clock::now()) {
        wake_.wait_until(lock, next->second);
        continue;
      }
      const std::string uri = next->first;
      due_.erase(next);
      const auto found = documents_.find(uri);
      if (found == documents_.end()) continue;
      const OpenDocument document = found->second;
      const std::shared_ptr<ConfigResolver> resolver = resolver_;
      lock.unlock();
      LintContext context;
      context.today = options_.today.value_or(local_today());
      auto linted = std::make_shared<const lsp::LintedText>(
          lsp::lint_text(*resolver, document.path, document.format, uri, document.version, *document.text, context));
      lock.lock();
      // Latest version wins: a document closed, changed or due again
      // meanwhile has a newer lint coming (or none wanted).
      const auto current = documents_.find(uri);
      if (current == documents_.end() || current->second.version != document.version || due_.contains(uri)) continue;
      current->second.linted = linted;
      writer_.send(lsp::notification("textDocument/publishDiagnostics", lsp::diagnostics_params(*linted)));
    }
  }

  void stop_linting() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
      wake_.notify_one();
    }
    if (linter_thread_.joinable()) linter_thread_.join();
  }

  void log(int type, const std::string& message) {
    writer_.send(lsp::notification("window/logMessage", {{"type", type}, {"message", message}}));
  }

  void show(int type, const std::string& message) {
    writer_.send(lsp::notification("window/showMessage", {{"type", type}, {"message", message}}));
  }

  lsp::FrameReader reader_;
  lsp::FrameWriter writer_;
  const ServerOptions options_;

  // Only the reader thread touches these.
  bool initialized_ = false;
  bool shutdown_ = false;
  bool watch_registration_ = false;
  bool show_document_ = false;
  lsp::EditSupport edit_support_;
  int next_request_id_ = 1;
  fs::path root_;  // the workspace, where unsaved buffers are taken to be

  // Shared with the lint thread, under mutex_.
  std::mutex mutex_;
  std::condition_variable wake_;
  std::shared_ptr<ConfigResolver> resolver_;
  std::map<std::string, OpenDocument> documents_;
  std::map<std::string, Clock::time_point> due_;  // documents to lint, and when
  bool stopping_ = false;
  std::thread linter_thread_;  // last: starts once the rest is constructed
};

}  // namespace

int serve_language_server(std::istream& in, std::ostream& out, const ServerOptions& options) {
  LanguageServer server(in, out, options);
  return server.run();
}

}  // namespace medlint
