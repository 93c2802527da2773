// xxgk COMMAND [options] ...: the command line (docs/cli.md). The commands are defined in their
// own files (src/cli/commands.hpp); this is the application they are added to, and --version.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "cli/commands.hpp"
#include "cli/options.hpp"

int main(int argc, char** argv) {
  using namespace xxgk::cli;
  CLI::App xxgk("Chinese government information-disclosure annual reports (政府信息公开工作年度报告) to records.",
                "xxgk");
  configure(xxgk);
  bool version = false;
  xxgk.add_flag("-V,--version", version, "print the version: xxgk " XXGK_VERSION);
  const std::vector<std::pair<std::string, Run>> commands = {
      {"parse", add_parse(xxgk)}, {"extract", add_extract(xxgk)}, {"test", add_test(xxgk)}, {"debug", add_debug(xxgk)}};
  xxgk.footer("xxgk <command> --help shows the command's options. See docs/cli.md.");  // after: not the commands'

  std::vector<std::string> args(argv + 1, argv + argc);
  for (const auto& [name, run] : commands)
    if (!args.empty() && args[0] == name) {
      // The command is parsed on its own: as a CLI11 (2.1) subcommand, a "--" after one of its
      // operands would end the command rather than its options.
      const int rc = parse_command_line(*xxgk.get_subcommand(name), {args.begin() + 1, args.end()});
      return rc >= 0 ? rc : run();
    }
  if (const int rc = parse_command_line(xxgk, args); rc >= 0) return rc;
  if (!version) {  // no command
    std::fputs(xxgk.help().c_str(), stderr);
    return 2;
  }
  std::puts("xxgk " XXGK_VERSION);
  return 0;
}
