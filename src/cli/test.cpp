// xxgk test: parse a collection and compare every report with its expected record, beside it
// (REPORT.expected.json, REPORT.status); --update writes them. See docs/testing.md.
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "cli/batch.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/test_run.hpp"
#include "xxgk/testing.hpp"

namespace xxgk::cli {

namespace {

struct Options {
  std::vector<std::string> paths;
  bool update = false;
  bool quiet = false;
  unsigned jobs = 0;
  std::vector<std::string> only, ignore;
};

void out(const std::string& s) {
  if (std::fwrite(s.data(), 1, s.size(), stdout) != s.size())
    throw std::runtime_error(std::string("stdout: write error: ") + std::strerror(errno));
}

int test(const Options& o) {
  TestInputs inputs = find_test_inputs(o.paths);
  for (const auto& e : inputs.errors) std::fprintf(stderr, "xxgk test: %s\n", e.c_str());
  if (!inputs.errors.empty()) return 2;
  if (inputs.reports.empty() && inputs.missing.empty()) {
    std::fputs("xxgk test: no report found (a report has REPORT.expected.json beside it, or a report extension)\n", stderr);
    return 2;
  }

  TestConfig config;
  config.jobs = o.jobs ? o.jobs : hardware_jobs();
  for (const auto& p : o.only) config.filter.only(p);
  for (const auto& p : o.ignore) config.filter.ignore(p);
  std::size_t pass = 0, differs = 0, fresh = 0, written = 0;
  std::size_t only_path = 0;  // reports that differ in source.path alone: named from another directory?
  std::vector<std::string> write_errors;
  try {
    run_tests(inputs.reports, config, [&](testing::ReportCheck& c) {
      switch (c.outcome) {
        case testing::Outcome::pass: ++pass; break;
        case testing::Outcome::differs:
          ++differs;
          only_path += c.differences.size() == 1 && c.differences.front().key == "source.path";
          break;
        case testing::Outcome::new_report: ++fresh; break;
      }
      if (c.outcome == testing::Outcome::pass && o.quiet) return;
      std::string text = testing::render(c);
      if (o.update && c.outcome != testing::Outcome::pass) {
        auto error = testing::write_expected(c);
        if (error.empty()) {
          ++written;
          text += "  written: " + testing::expected_record_path(c.file) + ", " + testing::expected_status_path(c.file) + "\n";
        } else {
          write_errors.push_back(error);
          text += "  not written: " + error + "\n";
        }
      }
      out(text);
    });
    for (const auto& m : inputs.missing)
      out("missing  " + testing::report_name(m.substr(0, m.size() - std::string_view(".expected.json").size())) +
          "  (" + m + " has no report beside it)\n");
    std::string summary = std::to_string(inputs.reports.size()) + (inputs.reports.size() == 1 ? " report: " : " reports: ") +
                          std::to_string(pass) + " pass";
    if (differs) summary += ", " + std::to_string(differs) + " differ" + (differs == 1 ? "s" : "");
    if (fresh) summary += ", " + std::to_string(fresh) + " new";
    if (!inputs.missing.empty()) summary += ", " + std::to_string(inputs.missing.size()) + " expected record" + (inputs.missing.size() == 1 ? "" : "s") + " without a report";
    if (o.update) summary += "; " + std::to_string(written) + " expected record" + (written == 1 ? "" : "s") + " written" +
                             (written ? " (review: git diff)" : "");
    out(summary + "\n");
    if (only_path && only_path == differs && !o.update)
      std::fputs("xxgk test: the reports that differ differ only in source.path: run xxgk test from the directory the\n"
                 "expected records were written from (reports are named relative to the current directory), or\n"
                 "--ignore source.path\n", stderr);
    if (std::fflush(stdout) != 0) throw std::runtime_error(std::string("stdout: write error: ") + std::strerror(errno));
  } catch (const std::exception& e) {
    std::fflush(stdout);
    std::fprintf(stderr, "xxgk test: %s\n", e.what());
    return 2;
  }
  for (const auto& e : write_errors) std::fprintf(stderr, "xxgk test: %s\n", e.c_str());
  if (!write_errors.empty()) return 2;
  if (!inputs.missing.empty()) return 1;
  if (o.update) return 0;
  return differs || fresh ? 1 : 0;
}

}  // namespace

Run add_test(CLI::App& xxgk) {
  auto o = std::make_shared<Options>();
  auto* app = xxgk.add_subcommand(
      "test",
      "compare a collection with its expected records (regression test)\n"
      "\n"
      "Parse every report under the directories given (recursively) and every file given, and\n"
      "compare each with its expected record beside it: REPORT.expected.json (the canonical record)\n"
      "and REPORT.status (the exit status). A report is parsed under its path relative to the\n"
      "current directory. Under a directory, a report is a file with an expected record, or a file\n"
      "with a report extension (.txt .md .pdf .docx .html ...) but a README without one (new).\n"
      "One line per report: pass, differs (then each difference: key, expected and actual value,\n"
      "where the value was read) or new (docs/testing.md).");
  app->add_option("PATH", o->paths, "a directory of reports, or a report")
      ->required()
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app->add_flag("--update", o->update,
                "write the expected record and status of each report that differs or is new (review them with git "
                "diff)");
  auto pattern = CLI::Validator([](std::string& v) { return v.empty() ? std::string("needs a key pattern") : std::string(); },
                                "", "pattern");
  app->add_option("--only", o->only,
                  "compare only the keys PATTERN matches (repeatable): a key or its beginning, '*' any characters: "
                  "values, applications, '*.total', checks, diagnostics, status")
      ->type_name("PATTERN")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->check(pattern);
  app->add_option("--ignore", o->ignore,
                  "do not compare the keys PATTERN matches (repeatable): 'diagnostics.*.message' (the diagnostics' "
                  "wording)")
      ->type_name("PATTERN")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->check(pattern);
  add_jobs(*app, o->jobs);
  app->add_flag("-q,--quiet", o->quiet, "no line for the reports that pass");
  app->footer(
      "An option's value is given as --name VALUE or --name=VALUE (-j4); -- ends the options.\n"
      "\n"
      "exit status: 0 every report matches (with --update: every record written); 1 a report differs\n"
      "or is new (without --update), or an expected record has no report; 2 a usage error, a path that\n"
      "does not exist, no report found, or an expected record could not be written");
  return [o] { return test(*o); };
}

}  // namespace xxgk::cli
