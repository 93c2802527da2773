// xxgk parse: one canonical record per input file.
#include <unistd.h>

#include <cstdio>
#include <string>
#include <vector>

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
    "  --layout NAME        do not detect the text layout: tsv, markdown, cell-lines\n"
    "  --encoding NAME      do not detect the encoding (an iconv name: GB18030, UTF-16LE, ...)\n"
    "  --quiet              do not print diagnostics on stderr\n"
    "\n"
    "exit status: 0 every file parsed and every check passed; 1 a check failed or an error\n"
    "diagnostic was raised; 2 a file could not be read or is not a disclosure report\n";

}  // namespace

int run_parse(const std::vector<std::string>& args) {
  std::string format = "json";
  ParseOptions options;
  bool quiet = false, positions = false;
  std::vector<std::string> files;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const auto& a = args[i];
    auto value = [&](const char* name) -> const std::string* {
      if (i + 1 >= args.size()) {
        std::fprintf(stderr, "xxgk parse: %s needs a value\n", name);
        return nullptr;
      }
      return &args[++i];
    };
    if (a == "--help" || a == "-h") {
      std::fputs(kHelp, stdout);
      return 0;
    } else if (a == "--format") {
      auto v = value("--format");
      if (!v) return 2;
      format = *v;
      if (format != "json" && format != "text") {
        std::fprintf(stderr, "xxgk parse: unknown format '%s' (json, text)\n", format.c_str());
        return 2;
      }
    } else if (a == "--layout") {
      auto v = value("--layout");
      if (!v) return 2;
      options.layout = *v;
    } else if (a == "--encoding") {
      auto v = value("--encoding");
      if (!v) return 2;
      options.encoding = *v;
    } else if (a == "--quiet" || a == "-q") {
      quiet = true;
    } else if (a == "--positions") {
      positions = options.positions = true;
    } else if (a.size() > 1 && a[0] == '-' && a != "-") {
      std::fprintf(stderr, "xxgk parse: unknown option '%s'\n%s", a.c_str(), kHelp);
      return 2;
    } else {
      files.push_back(a);
    }
  }
  if (files.empty()) {
    std::fputs(kHelp, stderr);
    return 2;
  }
  int status = 0;
  const bool pretty = files.size() == 1;
  // The text record lists the diagnostics: where it and stderr are one terminal, say them once.
  const bool listed = format == "text" && ::isatty(STDOUT_FILENO) && ::isatty(STDERR_FILENO);
  for (const auto& f : files) {
    auto r = f == "-" ? parse_bytes([] {
      std::string s;
      char buf[1 << 16];
      std::size_t n;
      while ((n = std::fread(buf, 1, sizeof buf, stdin)) > 0) s.append(buf, n);
      return s;
    }(), "-", options)
                      : parse_file(f, options);
    std::string out = format == "json" ? to_json(r.record, pretty, positions) : to_text(r.record);
    out += '\n';
    std::fwrite(out.data(), 1, out.size(), stdout);
    if (!quiet && !listed) {
      auto d = render_diagnostics(r.record, r.text);
      std::fwrite(d.data(), 1, d.size(), stderr);
    }
    status = std::max(status, static_cast<int>(r.status));
  }
  return status;
}

}  // namespace xxgk::cli
