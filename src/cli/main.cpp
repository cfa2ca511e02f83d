// The medlint command line: parses options and wires the library's parts.
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <iostream>
#include <iterator>
#include <unistd.h>

#include "core/closest.h"
#include "lint/git.h"
#include "medlint/baseline.h"
#include "medlint/date.h"
#include "medlint/inspect.h"
#include "medlint/lint.h"
#include "medlint/parse.h"
#include "medlint/report.h"
#include "medlint/server.h"

namespace {

using namespace medlint;

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
  if (!today) std::cerr << fmt::format("medlint: --today must be a real date as YYYY-MM-DD, not \"{}\"\n", text);
  return today.has_value();
}

std::string read_stdin() {
  return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
}

bool use_color(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  return isatty(STDOUT_FILENO) && !(no_color && *no_color);
}

// Writes `text` to `path` unless a file is there (or `force`).
int write_new_file(const std::string& path, std::string_view text, bool force, std::string_view what) {
  if (!force && std::filesystem::exists(path)) {
    std::cerr << fmt::format("medlint: {} already exists; not overwriting it{}\n", path,
                             what == "hook" ? " (use --force to replace it)" : "");
    return kExitUsage;
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out) {
    std::cerr << fmt::format("medlint: cannot write {}\n", path);
    return kExitUsage;
  }
  std::cout << fmt::format("medlint: wrote {}\n", path);
  return kExitClean;
}

int init_config(bool force) {
  return write_new_file(".medlint.yaml", *starter_config(), force, "config");
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
    std::cerr << "medlint: not inside a git repository\n";
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
  const int result = write_new_file(hook, script, force, "hook");
  if (result == kExitClean) std::filesystem::permissions(hook, std::filesystem::perms::owner_exec |
                                                                   std::filesystem::perms::group_exec |
                                                                   std::filesystem::perms::others_exec,
                                                         std::filesystem::perm_options::add, error);
  return result;
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
  std::string bytes;
  if (file == "-") {
    bytes = read_stdin();
  } else {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      std::cerr << fmt::format("medlint: cannot read \"{}\"\n", file);
      return kExitUsage;
    }
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
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
  std::cerr << fmt::format("medlint: no rule named \"{}\"{}; `medlint rules` lists them\n", rule, did_you_mean(rule, ids));
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

}  // namespace

int main(int argc, char** argv) {
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
  app.add_option("--max-file-size", options.max_file_size, "Largest file checked, in bytes")->check(CLI::PositiveNumber);

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
  } catch (const CLI::ParseError& error) {
    const int code = app.exit(error);
    return code == 0 ? kExitClean : kExitUsage;
  }

  try {
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
      std::cerr << "medlint: choose one of --staged, --changed-since and --new-since\n";
      return kExitUsage;
    }
    if (options.only_changed_lines && !options.changed_since) {
      std::cerr << "medlint: --only-changed-lines needs --changed-since REV\n";
      return kExitUsage;
    }
    std::vector<std::pair<std::string, std::string>> extra_reports;  // format, file
    for (const std::string& output : outputs) {
      const std::size_t equals = output.find('=');
      const std::string output_format = output.substr(0, equals);
      if (equals == std::string::npos || equals + 1 == output.size() || !make_reporter(output_format, {})) {
        std::cerr << fmt::format("medlint: --output takes FORMAT=FILE with FORMAT one of {}; got \"{}\"\n",
                                 fmt::join(report_formats(), ", "), output);
        return kExitUsage;
      }
      extra_reports.emplace_back(output_format, output.substr(equals + 1));
    }
    if (options.paths.empty() && (options.staged || options.changed_since || options.new_since)) {
      options.paths.push_back(".");
    }
    if (options.paths.empty()) {
      std::cerr << "medlint: no paths given; try `medlint content/` or `medlint --help`\n";
      return kExitUsage;
    }
    std::optional<std::chrono::year_month_day> given_today;
    if (!read_today(today, given_today)) return kExitUsage;
    options.context.today = given_today.value_or(local_today());
    if (!config.empty()) options.config = config;
    if (!stdin_filename.empty()) options.stdin_filename = stdin_filename;

    const auto started = std::chrono::steady_clock::now();
    const LintRun run = lint_paths(options, &read_stdin);
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const Summary summary = summarize(run, elapsed);
    for (const std::string& notice : run.notices) std::cerr << "medlint: notice: " << notice << '\n';
    if (baseline_command->parsed()) {
      write_baseline(run, baseline_output);
      std::cerr << fmt::format("medlint: recorded {} findings of {} files in {}\n",
                               summary.errors + summary.warnings + summary.infos, summary.files, baseline_output);
      return kExitClean;
    }
    if (!run.baseline_fixed.empty() || run.baseline_suppressed > 0) {
      std::cerr << fmt::format("medlint: {} findings hidden by the baseline; {} baseline entries no longer occur{}\n",
                               run.baseline_suppressed, run.baseline_fixed.size(),
                               run.baseline_fixed.empty() ? "" : " (fixed: run `medlint baseline` to shrink it)");
      for (const FixedFinding& fixed : run.baseline_fixed) {
        std::cerr << fmt::format("  fixed: {} [{}] {}\n", fixed.path, fixed.rule, fixed.message);
      }
    }
    for (const std::string& note : run.notes) std::cerr << "medlint: " << note << '\n';
    make_reporter(format, {use_color(color), quiet})->report(run, summary, std::cout);
    for (const auto& [output_format, file] : extra_reports) {
      std::ofstream out(file, std::ios::binary | std::ios::trunc);
      make_reporter(output_format, {false, quiet})->report(run, summary, out);
      if (!out) {
        std::cerr << fmt::format("medlint: cannot write \"{}\"\n", file);
        return kExitUsage;
      }
    }
    // Machine formats keep standard output parseable.
    if (statistics) write_statistics(run, format == "pretty" ? std::cout : std::cerr);
    std::cout.flush();

    if (run.io_error) return kExitUsage;
    if (max_warnings >= 0 && summary.warnings > max_warnings) {
      std::cerr << fmt::format("medlint: {} warnings, more than --max-warnings {}\n", summary.warnings, max_warnings);
      return kExitFindings;
    }
    const std::optional<Severity> threshold = parse_severity(fail_on);
    if (!threshold) return kExitClean;
    for (const FileResult& file : run.files) {
      for (const Diagnostic& diagnostic : file.diagnostics) {
        if (diagnostic.severity >= *threshold) return kExitFindings;
      }
    }
    return kExitClean;
  } catch (const ConfigError& error) {
    std::cerr << "medlint: configuration error: " << error.what() << '\n';
    return kExitUsage;
  } catch (const UsageError& error) {
    std::cerr << "medlint: " << error.what() << '\n';
    return kExitUsage;
  }
}
