// xxgk parse: one canonical record per input file.
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "cli/colour.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "xxgk/xxgk.hpp"

namespace xxgk::cli {

namespace {

struct Args {
  std::vector<std::string> files;
  std::string format = "json";
  ParseOptions options;
  bool quiet = false;
  std::string output;
  std::string colour = "auto";
};

int parse(const Args& a) {
  const auto& files = a.files;
  const auto& format = a.format;
  const auto& options = a.options;
  const bool positions = options.positions;
  const auto& output = a.output;
  ColourMode colour = ColourMode::auto_;
  parse_colour_mode(a.colour, colour);
  std::FILE* out = stdout;
  if (!output.empty() && output != "-") {
    out = std::fopen(output.c_str(), "wb");
    if (!out) {
      std::fprintf(stderr, "xxgk: %s: cannot write: %s\n", output.c_str(), std::strerror(errno));
      return 2;
    }
  }
  const bool coloured = use_colour(colour, stderr);
  int status = 0;
  const bool pretty = files.size() == 1;
  // The text record lists the diagnostics: where it and stderr are one terminal, say them once.
  const bool listed = format == "text" && out == stdout && ::isatty(STDOUT_FILENO) && ::isatty(STDERR_FILENO);
  for (const auto& f : files) {
    // A file that does not exist or cannot be opened: one line, no record.
    if (f != "-") {
      std::error_code ec;
      std::string problem;
      if (!std::filesystem::exists(f, ec)) problem = std::strerror(ec ? ec.value() : ENOENT);
      else if (std::filesystem::is_directory(f, ec)) problem = "is a directory (xxgk extract reads directories)";
      else if (::access(f.c_str(), R_OK) != 0) problem = std::strerror(errno);
      if (!problem.empty()) {
        std::fprintf(stderr, "xxgk: %s: %s\n", f.c_str(), problem.c_str());
        status = 2;
        continue;
      }
    }
    auto r = f == "-" ? parse_bytes([] {
      std::string s;
      char buf[1 << 16];
      std::size_t n;
      while ((n = std::fread(buf, 1, sizeof buf, stdin)) > 0) s.append(buf, n);
      return s;
    }(), "-", options)
                      : parse_file(f, options);
    std::string text = format == "json" ? to_json(r.record, pretty, positions) : to_text(r.record);
    text += '\n';
    std::fwrite(text.data(), 1, text.size(), out);
    if (!a.quiet && !listed) {
      auto d = render_diagnostics(r.record, r.text);
      if (coloured) d = colourise_diagnostics(d);
      std::fwrite(d.data(), 1, d.size(), stderr);
    }
    status = std::max(status, static_cast<int>(r.status));
  }
  if (std::fflush(out) != 0 || std::ferror(out) || (out != stdout && std::fclose(out) != 0)) {
    std::fprintf(stderr, "xxgk: %s: write error: %s\n", out == stdout ? "stdout" : output.c_str(), std::strerror(errno));
    return 2;
  }
  return status;
}

}  // namespace

Run add_parse(CLI::App& xxgk) {
  auto a = std::make_shared<Args>();
  auto* app = xxgk.add_subcommand("parse",
                                  "parse reports into canonical records (JSON, NDJSON or text)\n"
                                  "\n"
                                  "Each report's canonical record (docs/schema.md) on stdout, its diagnostics on stderr.");
  app->add_option("FILE", a->files, "a report: text, PDF, Word (.docx) or HTML page; - reads standard input")
      ->required()
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  add_choice(*app, "--format", a->format, {"json", "text"},
             "json (default): the canonical record; one file is pretty-printed, several are written one compact "
             "record per line (NDJSON). text: the tables on the template grid, the failed checks, the diagnostics");
  app->add_flag("--positions", a->options.positions, "json: also say where each value was read (\"positions\")");
  add_layout_and_encoding(*app, a->options.layout, a->options.encoding);
  add_output(*app, a->output, "write the records to FILE instead of stdout (- is stdout)");
  app->add_flag("-q,--quiet", a->quiet, "do not print diagnostics on stderr");
  add_colour(*app, a->colour);
  app->footer(
      "An option's value is given as --name VALUE or --name=VALUE (-oFILE); -- ends the options.\n"
      "\n"
      "exit status: 0 every file parsed and every check passed; 1 an error diagnostic was raised (a\n"
      "check failed, a value could not be read, ...); 2 a usage error, a file that could not be read or\n"
      "is not a disclosure report");
  return [a] { return parse(*a); };
}

}  // namespace xxgk::cli
