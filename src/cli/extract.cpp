// xxgk extract: placeholder until the collection command lands (issue 3).
#include <cstdio>

#include "cli/commands.hpp"

namespace xxgk::cli {

int run_extract(const std::vector<std::string>&) {
  std::fputs("xxgk extract: not available in this build\n", stderr);
  return 2;
}

}  // namespace xxgk::cli
