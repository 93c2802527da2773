// The conventions every command's options follow, shared by their definitions (CLI11, one
// definition per command in its own file): how --help is laid out, how a usage error is said
// (one line and a hint to --help, exit status 2), and the checks of the values several commands
// take (-j N, --layout, --encoding, --color, a word among a few).
//
// An option's value is given as "--name VALUE" or "--name=VALUE", a short option's also as
// "-xVALUE"; "--" ends the options; "-" is an operand (standard input, where a command reads it).
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <vector>

namespace xxgk::cli {

// The help layout and the defaults of options (a repeated option: the last one counts) for the
// application and the commands added to it afterwards.
void configure(CLI::App& app);

// "xxgk parse", "xxgk debug tree": the words that name `app` on the command line.
std::string command_path(const CLI::App& app);

// Parse `args` (what follows the command's name) with the command's definition `app`.
// -1: parsed, run the command; 0: --help was printed on stdout; 2: a usage error was printed on
// stderr ("xxgk parse: MESSAGE" and the hint "(xxgk parse --help shows the options)").
int parse_command_line(CLI::App& app, std::vector<std::string> args);

// An option whose value is one of `choices`; its help shows them as "a|b|c", or `value_name`.
CLI::Option* add_choice(CLI::App& app, const std::string& names, std::string& value, std::vector<std::string> choices,
                        const std::string& description, const std::string& value_name = "");

// -o FILE, --output FILE: a file name, not empty.
CLI::Option* add_output(CLI::App& app, std::string& file, const std::string& description);
// -j N, --jobs N: a number of threads from 1 to 1024.
CLI::Option* add_jobs(CLI::App& app, unsigned& jobs);
// --layout NAME (a layout xxgk has) and --encoding NAME (one iconv knows).
void add_layout_and_encoding(CLI::App& app, std::string& layout, std::string& encoding);
// --color WHEN (also --colour): auto, always or never.
CLI::Option* add_colour(CLI::App& app, std::string& when);

}  // namespace xxgk::cli
