#include <cstdio>
#include <string>
#include <vector>

#include "cli/commands.hpp"

namespace {

constexpr const char* kUsage =
    "usage: xxgk <command> [options] FILE...\n"
    "\n"
    "commands:\n"
    "  parse     parse reports into canonical records (JSON, NDJSON or text)\n"
    "  extract   parse a collection into a dataset (SQLite, CSV, NDJSON) or a summary\n"
    "  test      compare a collection with its expected records (regression test)\n"
    "  debug     debug tree FILE: the document tree a front end builds (for writing front ends)\n"
    "\n"
    "  xxgk --version, -V   print the version\n"
    "\n"
    "xxgk <command> --help shows the command's options. See docs/cli.md.\n";

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    std::fputs(kUsage, args.empty() ? stderr : stdout);
    return args.empty() ? 2 : 0;
  }
  if (args[0] == "--version" || args[0] == "-V") {
    std::puts("xxgk " XXGK_VERSION);
    return 0;
  }
  std::string command = args[0];
  args.erase(args.begin());
  if (command == "parse") return xxgk::cli::run_parse(args);
  if (command == "extract") return xxgk::cli::run_extract(args);
  if (command == "test") return xxgk::cli::run_test(args);
  if (command == "debug") return xxgk::cli::run_debug(args);
  std::fprintf(stderr, "xxgk: unknown command '%s'\n%s", command.c_str(), kUsage);
  return 2;
}
