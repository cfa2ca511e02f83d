// The medlint command line: parses options and wires the library's parts.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <sstream>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <iostream>
#include <iterator>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "core/atomic_write.h"
#include "core/bounded_read.h"
#include "core/closest.h"
#include "lint/git.h"
#include "medlint/baseline.h"
#include "medlint/date.h"
#include "medlint/inspect.h"
#include "medlint/lint.h"
#include "medlint/parse.h"
#include "medlint/report.h"
#include "medlint/server.h"
#include "report/reporters.h"

namespace {

using namespace medlint;

// The report format, which also decides how standard error is escaped.
std::string active_format = "pretty";

// Writes a line to standard error. User text in it (paths, messages,
// baseline entries) cannot start a GitHub workflow command with --format
// github (escaped as in stdout, and "::" broken), nor drive a terminal
// (control characters shown as \xNN).
void say(std::string_view line) {
  std::string shown;
  for (const char c : line) {
    if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') {
      shown += fmt::format("\\x{:02X}", static_cast<unsigned char>(c));
    } else {
      shown.push_back(c);
    }
  }
  if (active_format == "github") {
    shown = escape_workflow_command(shown, false);
    for (std::size_t at = shown.find("::"); at != std::string::npos; at = shown.find("::", at)) shown.replace(at + 1, 1, "%3A");
  }
  std::cerr << shown << '\n';
}



constexpr int kExitClean = 0;
constexpr int kExitFindings = 1;
constexpr int kExitUsage = 2;

std::optional<std::chrono::year_month_day> parse_today(const std::string& text) {
  int year = 0;
  unsigned month = 0;
  unsigned day = 0;
  char tail = 0;
  if (std::sscanf(text.c_str(), "%4d-%2u-%2u%c", &year, &month, &day, &tail) != 3 || text.size() != 10) {
    return std::nullopt;
  }
  const std::chrono::year_month_day date{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
  if (!date.ok()) return std::nullopt;
  return date;
}

// Reads --today (empty when not given); false, after saying why, when it
// is not a date.
bool read_today(const std::string& text, std::optional<std::chrono::year_month_day>& today) {
  if (text.empty()) return true;
  today = parse_today(text);
  if (!today) say(fmt::format("medlint: --today must be a real date as YYYY-MM-DD, not \"{}\"", text));
  return today.has_value();
}

std::string read_stdin(std::size_t limit) { return read_at_most(std::cin, limit); }

bool use_color(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  return isatty(STDOUT_FILENO) && !(no_color && *no_color);
}

// Writes `text` to `path` unless a file (or a symlink, even a dangling
// one) is there, or `force`; all at once (see write_file_atomically).
int write_new_file(const std::string& path, std::string_view text, bool force, std::string_view what,
                   std::filesystem::perms permissions) {
  std::error_code error;
  if (!force && std::filesystem::exists(std::filesystem::symlink_status(path, error))) {
    say(fmt::format("medlint: {} already exists; not overwriting it{}", path,
                    what == "hook" ? " (use --force to replace it)" : ""));
    return kExitUsage;
  }
  try {
    write_file_atomically(path, text, permissions);
  } catch (const std::filesystem::filesystem_error& failure) {
    say(fmt::format("medlint: cannot write {}: {}", path, failure.code().message()));
    return kExitUsage;
  }
  std::cout << fmt::format("medlint: wrote {}\n", path);
  return kExitClean;
}

int init_config(bool force) {
  using std::filesystem::perms;
  return write_new_file(".medlint.yaml", *starter_config(), force, "config",
                        perms::owner_read | perms::owner_write | perms::group_read | perms::others_read);
}

// A single-quoted word for a POSIX shell script.
std::string shell_word(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

// A plain git pre-commit hook that lints what the commit will contain. It
// runs the `medlint` on PATH (so it survives rebuilds and moves of this
// binary) and names no baseline unless asked: a `baseline:` in
// .medlint.yaml applies without one.
int install_hook(bool force, const std::string& baseline) {
  std::string hooks;
  try {
    hooks = run_git({"rev-parse", "--git-path", "hooks"});
  } catch (const GitError&) {
    say("medlint: not inside a git repository");
    return kExitUsage;
  }
  while (!hooks.empty() && (hooks.back() == '\n' || hooks.back() == '\r')) hooks.pop_back();
  std::error_code error;
  std::filesystem::create_directories(hooks, error);
  const std::string hook = hooks + "/pre-commit";
  const std::string script = fmt::format(
      "#!/bin/sh\n"
      "# Installed by `medlint install-hook`: lints the staged content of staged\n"
      "# articles (what the commit will contain) and blocks the commit on errors.\n"
      "# Skip once with `git commit --no-verify`.\n"
      "if ! command -v medlint >/dev/null 2>&1; then\n"
      "  echo 'medlint pre-commit hook: medlint is not on PATH; install it or skip with --no-verify' >&2\n"
      "  exit 1\n"
      "fi\n"
      "exec medlint --staged --quiet{}\n",
      baseline.empty() ? "" : " --baseline " + shell_word(baseline));
  using std::filesystem::perms;
  return write_new_file(hook, script, force, "hook", perms::owner_all | perms::group_read | perms::group_exec |
                                                         perms::others_read | perms::others_exec);
}

// The rules the configuration of the current folder (or --config) uses.
int list_rules(const std::optional<std::filesystem::path>& config) {
  auto resolver = ConfigResolver::create(config);
  for (const RuleDescription& rule : resolver->rules_for("article.md")) {
    std::cout << fmt::format("{:<20} {:<11} {:<8} {}\n", rule.id, rule.kind,
                             rule.enabled ? to_string(rule.severity) : "off", rule.summary);
  }
  return kExitClean;
}

// What the readers understood of one file ("-": standard input, named by
// --stdin-filename), read as its configuration says.
int inspect_file(const std::string& file, const std::string& stdin_filename,
                 const std::optional<std::filesystem::path>& config, const std::string& format) {
  const std::string path = file == "-" && !stdin_filename.empty() ? stdin_filename : file;
  const std::size_t limit = LintOptions{}.max_file_size;
  std::string bytes;
  if (file == "-") {
    bytes = read_stdin(limit);
  } else {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      say(fmt::format("medlint: cannot read \"{}\"", file));
      return kExitUsage;
    }
    bytes = read_at_most(in, limit);
  }
  if (bytes.size() > limit) {
    say(fmt::format("medlint: {} is over the {} byte limit", path, limit));
    return kExitUsage;
  }
  auto resolver = ConfigResolver::create(config);
  auto source = std::make_shared<SourceFile>(path, std::move(bytes));
  const Document document =
      parse(source, format_for_path(path).value_or(Format::PlainText), resolver->reader_options_for(path));
  write_inspection(document, format == "json" ? InspectFormat::Json : InspectFormat::Text, std::cout);
  return kExitClean;
}

int explain(const std::string& rule) {
  if (auto doc = rule_documentation(rule)) {
    std::cout << *doc;
    return kExitClean;
  }
  std::vector<std::string_view> ids;
  const std::vector<RuleDescription> rules = recommended_rules();
  for (const RuleDescription& known : rules) ids.push_back(known.id);
  say(fmt::format("medlint: no rule named \"{}\"{}; `medlint rules` lists them", rule, did_you_mean(rule, ids)));
  return kExitUsage;
}

// The language server on standard input and output; the defaults the
// command line would use (--config, --today) apply to every document.
int serve(const std::string& config, const std::string& today) {
  ServerOptions options;
  if (!config.empty()) options.config = config;
  if (!read_today(today, options.today)) return kExitUsage;
  std::ios::sync_with_stdio(false);
  return serve_language_server(std::cin, std::cout, options);
}

// What a lint run writes, fed file by file as the run lints them: the
// reports, the --statistics table, the counts the exit code depends on, and
// for `medlint baseline` the baseline and the paths it could not read.
class RunOutputs final : public FileListener {
 public:
  RunOutputs(std::optional<std::string> baseline_output, bool statistics) {
    if (baseline_output) baseline_.emplace(*baseline_output);
    if (statistics) statistics_.emplace();
  }

  void add_report(std::unique_ptr<Reporter> reporter, std::ostream& out) {
    reports_.push_back({std::move(reporter), &out});
  }

  void started(const LintRun& run) override {
    for (const std::string& notice : run.notices) say("medlint: notice: " + notice);
    for (auto& [reporter, out] : reports_) reporter->begin(*out);
  }

  void file(const FileResult& file) override {
    summary_.add(file);
    for (const Diagnostic& diagnostic : file.diagnostics) {
      if (!worst_ || diagnostic.severity > *worst_) worst_ = diagnostic.severity;
      if (baseline_ && diagnostic.rule == kIoErrorRule) {
        io_errors_.push_back(fmt::format("{}: {}", file.path, diagnostic.message));
      }
    }
    if (baseline_) baseline_->add(file);
    if (statistics_) statistics_->add(file);
    for (auto& [reporter, out] : reports_) reporter->file(file, *out);
  }

  void end(const LintRun& run, const Summary& summary) {
    for (auto& [reporter, out] : reports_) reporter->end(run, summary, *out);
  }

  // The findings counted by severity (not the files).
  const Summary& summary() const { return summary_; }
  // The most severe finding's severity.
  std::optional<Severity> worst() const { return worst_; }
  const std::vector<std::string>& io_errors() const { return io_errors_; }
  void write_baseline() const { baseline_->write(); }
  void write_statistics(std::ostream& out) const { statistics_->write(out); }

 private:
  struct Report {
    std::unique_ptr<Reporter> reporter;
    std::ostream* out;
  };
  std::vector<Report> reports_;
  Summary summary_;
  std::optional<Severity> worst_;
  std::optional<BaselineRecorder> baseline_;
  std::vector<std::string> io_errors_;
  std::optional<Statistics> statistics_;
};

}  // namespace

int main(int argc, char** argv) {
#ifdef __GLIBC__
  // A large article's tables (its text, blocks, a rule's matches) are each
  // mapped on their own and handed back when freed; glibc's adaptive
  // threshold would move them into the heap, which keeps what is freed.
  mallopt(M_MMAP_THRESHOLD, 1024 * 1024);
#endif
  CLI::App app{"medlint: a linter for medical and health articles"};
  app.set_version_flag("--version", std::string(medlint::version()));

  LintOptions options;
  std::string format = "pretty";
  std::string today;
  std::string config;
  std::string fail_on = "error";
  std::string color = "auto";
  std::string stdin_filename;
  bool quiet = false;
  bool statistics = false;
  int max_warnings = -1;
  app.add_option("paths", options.paths, "Files and folders to check; - reads standard input");
  app.add_option("--format", format, "Report format")->check(CLI::IsMember(report_formats()));
  app.add_option("--today", today, "Date review freshness is judged against (YYYY-MM-DD; default: today)");
  app.add_option("--config", config, "Configuration file (default: nearest .medlint.yaml)")->check(CLI::ExistingFile);
  app.add_option("--exclude", options.excludes, "Skip paths matching this glob (repeatable)")->allow_extra_args(false);
  app.add_option("--stdin-filename", stdin_filename, "Path (and format) reported for standard input");
  app.add_option("--fail-on", fail_on, "Lowest severity that fails the run")
      ->check(CLI::IsMember({"error", "warning", "warn", "info", "never"}));
  app.add_flag("--quiet,-q", quiet, "Report errors only, without the summary line");
  app.add_option("--color", color, "Colour the report")->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_option("--max-warnings", max_warnings, "Fail when there are more warnings than this")
      ->check(CLI::NonNegativeNumber);
  app.add_flag("--statistics", statistics, "Print a table of findings per rule");
  std::string baseline;
  std::string changed_since;
  std::string new_since;
  std::vector<std::string> outputs;
  app.add_option("--baseline", baseline, "Report only findings not recorded in this baseline file")
      ->check(CLI::ExistingFile);
  app.add_option("--changed-since", changed_since,
                 "Lint only articles changed since the merge base of this git revision and HEAD");
  app.add_option("--new-since", new_since,
                 "Report findings that are new against the merge base of this git revision and HEAD (pull requests)");
  app.add_flag("--only-changed-lines", options.only_changed_lines,
               "With --changed-since: report findings on changed lines only (blind to document-level findings)");
  app.add_option("--output", outputs, "Also write the report as FORMAT to FILE (FORMAT=FILE, repeatable)")
      ->allow_extra_args(false);
  app.add_flag("--no-inline-config", [&](std::int64_t) { options.context.inline_config = false; },
               "Ignore suppression comments and front-matter disables");
  app.add_flag("--report-suppressions", options.context.report_suppressions,
               "List each suppression that hides a finding (`suppression`, info)");
  app.add_flag("--staged", options.staged, "Lint the staged content of staged articles (pre-commit)");
  app.add_flag("--report-unused-disables", options.context.report_unused_disables,
               "Report suppression comments that suppress nothing");
  app.add_option("--jobs,-j", options.jobs, "Files checked in parallel (default: one per CPU)")->check(CLI::NonNegativeNumber);
  app.add_option("--max-file-size", options.max_file_size, "Largest file checked, in bytes (at most 1 GiB)")
      ->check(CLI::Range(std::size_t{1}, kLargestFileSizeLimit));
  app.add_flag("--follow-symlinks", options.follow_symlinks, "Follow symlinks that lead outside the repository");
  std::string cache_dir;
  app.add_option("--cache-dir", cache_dir,
                 "Keep the compiled patterns of your own rule packs here between runs (by a hash of their patterns)");

  std::string explained_rule;
  std::string baseline_output;
  std::vector<std::string> baseline_paths;
  bool force = false;
  CLI::App* init_command = app.add_subcommand("init", "Write a commented starter .medlint.yaml");
  init_command->add_flag("--force", force, "Overwrite an existing .medlint.yaml");
  std::string hook_baseline;
  CLI::App* hook_command = app.add_subcommand("install-hook", "Install a git pre-commit hook that runs medlint");
  hook_command->add_flag("--force", force, "Replace an existing pre-commit hook");
  hook_command->add_option("--baseline", hook_baseline, "Baseline the hook passes (relative to the repository root)");
  CLI::App* baseline_command = app.add_subcommand("baseline", "Record today's findings as a baseline");
  baseline_command->add_option("paths", baseline_paths, "Files and folders to record")->required();
  baseline_command->add_option("-o,--output", baseline_output, "Baseline file to write")->required();
  baseline_command->fallthrough();
  CLI::App* rules_command = app.add_subcommand("rules", "List the rules in use here (the project's packs and severities)");
  rules_command->fallthrough();
  std::string inspected_file;
  std::string inspect_format = "text";
  CLI::App* inspect_command = app.add_subcommand("inspect", "Show what the readers understood of a file");
  inspect_command->add_option("file", inspected_file, "Article file; - reads standard input")->required();
  inspect_command->add_option("--format", inspect_format, "Output format")->check(CLI::IsMember({"text", "json"}));
  inspect_command->fallthrough();
  CLI::App* explain_command = app.add_subcommand("explain", "Print a rule's documentation");
  explain_command->add_option("rule", explained_rule, "Rule id")->required();
  CLI::App* server_command =
      app.add_subcommand("server", "Serve the Language Server Protocol on standard input and output (for editors)");
  server_command->fallthrough();

  try {
    app.parse(argc, argv);
    active_format = format;
  } catch (const CLI::ParseError& error) {
    // A failed parse sets no option, so the format is looked up in the
    // arguments; the message (it quotes arguments) is escaped for it.
    for (int i = 1; i < argc; ++i) {
      const std::string_view argument = argv[i];
      if (argument == "--format" && i + 1 < argc) active_format = argv[i + 1];
      if (argument.starts_with("--format=")) active_format = argument.substr(9);
    }
    std::ostringstream message;
    const int code = app.exit(error, std::cout, message);
    std::string text = message.str();
    if (text.ends_with('\n')) text.pop_back();
    if (!text.empty()) say(text);
    return code == 0 ? kExitClean : kExitUsage;
  }

  try {
    if (!cache_dir.empty()) set_pattern_cache_dir(std::filesystem::path(cache_dir));
    if (rules_command->parsed()) return list_rules(config.empty() ? std::nullopt : std::optional<std::filesystem::path>(config));
    if (explain_command->parsed()) return explain(explained_rule);
    if (inspect_command->parsed()) {
      return inspect_file(inspected_file, stdin_filename, config.empty() ? std::nullopt : std::optional<std::filesystem::path>(config),
                          inspect_format);
    }
    if (init_command->parsed()) return init_config(force);
    if (hook_command->parsed()) return install_hook(force, hook_baseline);
    if (server_command->parsed()) return serve(config, today);
    if (baseline_command->parsed()) {
      options.paths = baseline_paths;
      options.apply_baselines = false;
    }
    if (!changed_since.empty()) options.changed_since = changed_since;
    if (!new_since.empty()) options.new_since = new_since;
    if (!baseline.empty()) options.baseline = baseline;
    if (int(options.staged) + int(options.changed_since.has_value()) + int(options.new_since.has_value()) > 1) {
      say("medlint: choose one of --staged, --changed-since and --new-since");
      return kExitUsage;
    }
    if (options.only_changed_lines && !options.changed_since) {
      say("medlint: --only-changed-lines needs --changed-since REV");
      return kExitUsage;
    }
    std::vector<std::pair<std::string, std::string>> extra_reports;  // format, file
    for (const std::string& output : outputs) {
      const std::size_t equals = output.find('=');
      const std::string output_format = output.substr(0, equals);
      const auto& formats = report_formats();
      if (equals == std::string::npos || equals + 1 == output.size() ||
          std::find(formats.begin(), formats.end(), output_format) == formats.end()) {
        say(fmt::format("medlint: --output takes FORMAT=FILE with FORMAT one of {}; got \"{}\"",
                                 fmt::join(report_formats(), ", "), output));
        return kExitUsage;
      }
      extra_reports.emplace_back(output_format, output.substr(equals + 1));
    }
    if (options.paths.empty() && (options.staged || options.changed_since || options.new_since)) {
      options.paths.push_back(".");
    }
    if (options.paths.empty()) {
      say("medlint: no paths given; try `medlint content/` or `medlint --help`");
      return kExitUsage;
    }
    std::optional<std::chrono::year_month_day> given_today;
    if (!read_today(today, given_today)) return kExitUsage;
    options.context.today = given_today.value_or(local_today());
    if (!config.empty()) options.config = config;
    if (!stdin_filename.empty()) options.stdin_filename = stdin_filename;

    // Each report and what it is written to: standard output, or an
    // --output file.
    std::vector<std::unique_ptr<std::ofstream>> files;
    RunOutputs outputs_of_run(baseline_command->parsed() ? std::optional<std::string>(baseline_output) : std::nullopt,
                              statistics);
    if (!baseline_command->parsed()) {
      outputs_of_run.add_report(make_reporter(format, {use_color(color), quiet}), std::cout);
      for (const auto& [output_format, file] : extra_reports) {
        files.push_back(std::make_unique<std::ofstream>(file, std::ios::binary | std::ios::trunc));
        outputs_of_run.add_report(make_reporter(output_format, {false, quiet}), *files.back());
      }
    }
    const auto started = std::chrono::steady_clock::now();
    // The compiled packs are left for the process's end to reclaim: freeing
    // them cost a one-article run an eighth of its time. Reachable from
    // here, so leak checkers do not count them.
    static ConfigResolver* const resolver = ConfigResolver::create(options.config).release();
    const LintRun run = lint_paths(options, &read_stdin, *resolver, outputs_of_run);
    Summary summary = outputs_of_run.summary();
    summary.files = run.files_checked;
    summary.elapsed_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (baseline_command->parsed()) {
      // A baseline recording an unreadable path as a finding would hide
      // that path's real findings later: nothing is written.
      if (run.io_error) {
        for (const std::string& error : outputs_of_run.io_errors()) say(fmt::format("medlint: {}", error));
        say(fmt::format("medlint: {} not written: a path could not be read", baseline_output));
        return kExitUsage;
      }
      outputs_of_run.write_baseline();
      say(fmt::format("medlint: recorded {} findings of {} files in {}",
                               summary.errors + summary.warnings + summary.infos, summary.files, baseline_output));
      return kExitClean;
    }
    if (!run.baseline_fixed.empty() || run.baseline_suppressed > 0) {
      say(fmt::format("medlint: {} findings hidden by the baseline; {} baseline entries no longer occur{}",
                               run.baseline_suppressed, run.baseline_fixed.size(),
                               run.baseline_fixed.empty() ? "" : " (fixed: run `medlint baseline` to shrink it)"));
      for (const FixedFinding& fixed : run.baseline_fixed) {
        say(fmt::format("  fixed: {} [{}] {}", fixed.path, fixed.rule, fixed.message));
      }
    }
    for (const std::string& note : run.notes) say("medlint: " + note);
    outputs_of_run.end(run, summary);
    for (std::size_t i = 0; i < files.size(); ++i) {
      files[i]->flush();
      if (!*files[i]) {
        say(fmt::format("medlint: cannot write \"{}\"", extra_reports[i].second));
        return kExitUsage;
      }
    }
    // Machine formats keep standard output parseable.
    if (statistics) outputs_of_run.write_statistics(format == "pretty" ? std::cout : std::cerr);
    std::cout.flush();

    if (run.io_error) return kExitUsage;
    if (max_warnings >= 0 && summary.warnings > max_warnings) {
      say(fmt::format("medlint: {} warnings, more than --max-warnings {}", summary.warnings, max_warnings));
      return kExitFindings;
    }
    const std::optional<Severity> threshold = parse_severity(fail_on);
    if (threshold && outputs_of_run.worst() && *outputs_of_run.worst() >= *threshold) return kExitFindings;
    return kExitClean;
  } catch (const ConfigError& error) {
    say(fmt::format("medlint: configuration error: {}", error.what()));
    return kExitUsage;
  } catch (const UsageError& error) {
    say(fmt::format("medlint: {}", error.what()));
    return kExitUsage;
  }
}
