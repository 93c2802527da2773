// xxgk parse: one canonical record per input file.
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "cli/colour.hpp"
#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "xxgk/xxgk.hpp"

namespace xxgk::cli {

namespace {

constexpr const char* kHelp =
    "usage: xxgk parse [options] FILE...\n"
    "\n"
    "  --format json|text   json (default): the canonical record; one file is pretty-printed,\n"
    "                       several are written one compact record per line (NDJSON)\n"
    "  --positions          json: also say where each value was read (\"positions\")\n"
    "  --layout NAME        do not detect the text layout: tsv, markdown, cell-lines, aligned, glued\n"
    "  --encoding NAME      do not detect the encoding (an iconv name: GB18030, UTF-16LE, ...)\n"
    "  -o, --output FILE    write the records to FILE instead of stdout\n"
    "  -q, --quiet          do not print diagnostics on stderr\n"
    "  --color WHEN         colour the diagnostics: auto (default: when stderr is a terminal and\n"
    "                       NO_COLOR is not set), always, never\n"
    "  -                    as FILE: read standard input\n"
    "\n"
    "Options take their value as '--name VALUE' or '--name=VALUE'.\n"
    "\n"
    "exit status: 0 every file parsed and every check passed; 1 a check failed or an error\n"
    "diagnostic was raised; 2 a usage error, a file that could not be read or is not a disclosure\n"
    "report\n";

}  // namespace

int run_parse(const std::vector<std::string>& args) {
  std::string format = "json";
  ParseOptions options;
  bool quiet = false, positions = false;
  std::vector<std::string> files;
  std::string output;
  ColourMode colour = ColourMode::auto_;
  auto usage = [](const std::string& msg) {
    std::fprintf(stderr, "xxgk parse: %s\n(xxgk parse --help shows the options)\n", msg.c_str());
    return 2;
  };
  for (ArgReader r(args, "o"); r.next();) {
    const std::string& a = r.arg();
    const std::string& name = r.name();
    auto value = [&] { return r.value(); };
    if (r.operand()) {
      files.push_back(a);
    } else if (a == "--help" || a == "-h") {
      std::fputs(kHelp, stdout);
      return 0;
    } else if (name == "--format") {
      auto v = value();
      if (!v) return usage("--format needs a value: json, text");
      format = *v;
      if (format != "json" && format != "text") return usage("unknown format '" + format + "' (json, text)");
    } else if (name == "--layout") {
      auto v = value();
      if (!v) return usage("--layout needs a value");
      options.layout = *v;
    } else if (name == "--encoding") {
      auto v = value();
      if (!v) return usage("--encoding needs a value");
      options.encoding = *v;
    } else if (name == "-o" || name == "--output") {
      auto v = value();
      if (!v || v->empty()) return usage(name + " needs a file name");
      output = *v;
    } else if (name == "--color" || name == "--colour") {
      auto v = value();
      if (!v || !parse_colour_mode(*v, colour)) return usage(name + " needs auto, always or never");
    } else if (a == "--quiet" || a == "-q") {
      quiet = true;
    } else if (a == "--positions") {
      positions = options.positions = true;
    } else {
      return usage("unknown option '" + a + "'");
    }
  }
  if (files.empty()) {
    std::fputs(kHelp, stderr);
    return 2;
  }
  if (auto msg = check_options(options); !msg.empty()) return usage(msg);
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
    if (!quiet && !listed) {
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

}  // namespace xxgk::cli
