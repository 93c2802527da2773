// xxgk test: parse a collection and compare every report with its expected record, beside it
// (REPORT.expected.json, REPORT.status); --update writes them. See docs/testing.md.
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <stdexcept>
#include <optional>
#include <string>
#include <vector>

#include "cli/batch.hpp"
#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/test_run.hpp"
#include "xxgk/testing.hpp"

namespace xxgk::cli {

namespace {

constexpr const char* kHelp =
    "usage: xxgk test [options] PATH...\n"
    "\n"
    "Parse every report under the directories given (recursively) and every file given, and\n"
    "compare each with its expected record beside it: REPORT.expected.json (the canonical record)\n"
    "and REPORT.status (the exit status). A report is parsed under its path relative to the\n"
    "current directory. Under a directory, a report is a file with an expected record, or a file\n"
    "with a report extension (.txt .md .pdf .docx .html ...) but a README without one (new).\n"
    "One line per report: pass, differs (then each difference: key, expected and actual value,\n"
    "where the value was read) or new.\n"
    "\n"
    "  --update             write the expected record and status of each report that differs or\n"
    "                       is new (review them with git diff)\n"
    "  --only PATTERN       compare only the keys PATTERN matches (repeatable): a key or its\n"
    "                       beginning, '*' any characters: values, applications, '*.total',\n"
    "                       checks, diagnostics, status\n"
    "  --ignore PATTERN     do not compare the keys PATTERN matches (repeatable):\n"
    "                       'diagnostics.*.message' (the diagnostics' wording)\n"
    "  -j, --jobs N         parse on N threads (default: all cores)\n"
    "  -q, --quiet          no line for the reports that pass\n"
    "\n"
    "exit status: 0 every report matches (with --update: every record written); 1 a report\n"
    "differs or is new (without --update), or an expected record has no report; 2 usage error,\n"
    "a path that does not exist, no report found, or an expected record could not be written\n";

struct Options {
  std::vector<std::string> paths;
  bool update = false;
  bool quiet = false;
  unsigned jobs = 0;
  testing::KeyFilter filter;
};

// 0: parsed; 1: exit with 0 (help); 2: usage error (message printed).
int parse_args(const std::vector<std::string>& args, Options& o) {
  auto usage = [](const std::string& msg) {
    std::fprintf(stderr, "xxgk test: %s\n(xxgk test --help shows the options)\n", msg.c_str());
    return 2;
  };
  for (ArgReader r(args, "j"); r.next();) {
    const std::string& a = r.arg();
    const std::string& name = r.name();
    if (r.operand()) {
      o.paths.push_back(a);
    } else if (a == "--help" || a == "-h") {
      std::fputs(kHelp, stdout);
      return 1;
    } else if (a == "--update") {
      o.update = true;
    } else if (a == "--quiet" || a == "-q") {
      o.quiet = true;
    } else if (name == "--only" || name == "--ignore") {
      auto v = r.value();
      if (!v || v->empty()) return usage(name + " needs a key pattern (values, applications, 'diagnostics.*.message', ...)");
      if (name == "--only") o.filter.only(*v);
      else o.filter.ignore(*v);
    } else if (name == "-j" || name == "--jobs") {
      const auto n = jobs_value(r.value());
      if (!n) return usage(name + " needs a number of threads (1 to 1024)");
      o.jobs = *n;
    } else {
      return usage("unknown option '" + a + "'");
    }
  }
  if (o.paths.empty()) return usage("no directory or report to test");
  return 0;
}

void out(const std::string& s) {
  if (std::fwrite(s.data(), 1, s.size(), stdout) != s.size())
    throw std::runtime_error(std::string("stdout: write error: ") + std::strerror(errno));
}

}  // namespace

int run_test(const std::vector<std::string>& args) {
  Options o;
  if (int rc = parse_args(args, o)) return rc == 1 ? 0 : 2;

  TestInputs inputs = find_test_inputs(o.paths);
  for (const auto& e : inputs.errors) std::fprintf(stderr, "xxgk test: %s\n", e.c_str());
  if (!inputs.errors.empty()) return 2;
  if (inputs.reports.empty() && inputs.missing.empty()) {
    std::fputs("xxgk test: no report found (a report has REPORT.expected.json beside it, or a report extension)\n", stderr);
    return 2;
  }

  TestConfig config;
  config.jobs = o.jobs ? o.jobs : hardware_jobs();
  config.filter = o.filter;
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

}  // namespace xxgk::cli
