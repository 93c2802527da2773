// Subcommands of the xxgk command line. Each returns the process exit status.
#pragma once

#include <string>
#include <vector>

namespace xxgk::cli {

int run_parse(const std::vector<std::string>& args);
int run_extract(const std::vector<std::string>& args);
int run_debug(const std::vector<std::string>& args);
int run_test(const std::vector<std::string>& args);

}  // namespace xxgk::cli
