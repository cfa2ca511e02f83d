// The medlint command line: parses options and wires the library's parts.
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <fmt/format.h>
#include <iostream>
#include <iterator>
#include <unistd.h>

#include "medlint/lint.h"
#include "medlint/report.h"

namespace {

using namespace medlint;

constexpr int kExitClean = 0;
constexpr int kExitFindings = 1;
constexpr int kExitUsage = 2;

std::chrono::year_month_day local_today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return std::chrono::year{local.tm_year + 1900} / (local.tm_mon + 1) / local.tm_mday;
}

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

std::string read_stdin() {
  return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
}

bool use_color(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  return isatty(STDOUT_FILENO) && !(no_color && *no_color);
}

int list_rules() {
  for (const RuleDescription& rule : recommended_rules()) {
    std::cout << fmt::format("{:<20} {:<11} {:<8} {}\n", rule.id, rule.kind, to_string(rule.severity), rule.summary);
  }
  return kExitClean;
}

int explain(const std::string& rule) {
  if (auto doc = rule_documentation(rule)) {
    std::cout << *doc;
    return kExitClean;
  }
  std::cerr << fmt::format("medlint: no rule named \"{}\"; `medlint rules` lists them\n", rule);
  return kExitUsage;
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
      ->check(CLI::IsMember({"error", "warning", "info", "never"}));
  app.add_flag("--quiet,-q", quiet, "Report errors only, without the summary line");
  app.add_option("--color", color, "Colour the report")->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_option("--max-warnings", max_warnings, "Fail when there are more warnings than this")
      ->check(CLI::NonNegativeNumber);
  app.add_flag("--statistics", statistics, "Print a table of findings per rule");
  app.add_flag("--report-unused-disables", options.context.report_unused_disables,
               "Report suppression comments that suppress nothing");
  app.add_option("--jobs,-j", options.jobs, "Files checked in parallel (default: one per CPU)")->check(CLI::NonNegativeNumber);
  app.add_option("--max-file-size", options.max_file_size, "Largest file checked, in bytes")->check(CLI::PositiveNumber);

  std::string explained_rule;
  CLI::App* rules_command = app.add_subcommand("rules", "List the rules of the recommended pack");
  CLI::App* explain_command = app.add_subcommand("explain", "Print a rule's documentation");
  explain_command->add_option("rule", explained_rule, "Rule id")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int code = app.exit(error);
    return code == 0 ? kExitClean : kExitUsage;
  }

  try {
    if (rules_command->parsed()) return list_rules();
    if (explain_command->parsed()) return explain(explained_rule);
    if (options.paths.empty()) {
      std::cerr << "medlint: no paths given; try `medlint content/` or `medlint --help`\n";
      return kExitUsage;
    }
    if (today.empty()) {
      options.context.today = local_today();
    } else if (auto parsed = parse_today(today)) {
      options.context.today = *parsed;
    } else {
      std::cerr << fmt::format("medlint: --today must be a real date as YYYY-MM-DD, not \"{}\"\n", today);
      return kExitUsage;
    }
    if (!config.empty()) options.config = config;
    if (!stdin_filename.empty()) options.stdin_filename = stdin_filename;

    const auto started = std::chrono::steady_clock::now();
    const LintRun run = lint_paths(options, &read_stdin);
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const Summary summary = summarize(run, elapsed);
    make_reporter(format, {use_color(color), quiet})->report(run, summary, std::cout);
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
  }
}
