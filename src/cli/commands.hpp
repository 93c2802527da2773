// The commands of the xxgk command line. Each add_* defines its command's options on `xxgk`
// (CLI11: options, their help, their checks; src/cli/options.hpp) and returns the function that
// runs the command once its command line is parsed, giving the process exit status.
#pragma once

#include <functional>

namespace CLI {
class App;
}

namespace xxgk::cli {

using Run = std::function<int()>;

Run add_parse(CLI::App& xxgk);
Run add_extract(CLI::App& xxgk);
Run add_test(CLI::App& xxgk);
Run add_debug(CLI::App& xxgk);

}  // namespace xxgk::cli
