// xxgk extract: parse a whole collection into one dataset (SQLite, CSV, NDJSON) and/or a
// summary, in parallel, in path order. See docs/extract.md.
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "cli/batch.hpp"
#include "cli/collect.hpp"
#include "cli/colour.hpp"
#include "cli/commands.hpp"
#include "cli/extract_util.hpp"
#include "cli/options.hpp"
#include "cli/out_file.hpp"
#include "cli/progress.hpp"
#include "emit/csv.hpp"
#include "emit/sqlite.hpp"
#include "xxgk/xxgk.hpp"

namespace fs = std::filesystem;

namespace xxgk::cli {

namespace {

struct Options {
  std::vector<std::string> paths;
  std::string output;
  std::string format_name;
  Format format = Format::none;
  bool summary = false;
  unsigned jobs = 0;
  bool excel = false;
  bool verbose = false;
  bool quiet = false;
  bool stats = false;
  int progress = -1;  // -1 detect, 0 off, 1 on
  std::string colour = "auto";
  ParseOptions parse;
};

// What the options say together, once each is valid: the format and the output; a usage error
// (CLI::ValidationError) when they do not go together.
void settle(Options& o) {
  auto usage = [](const std::string& msg) { throw CLI::ValidationError(msg); };
  o.format = format_from_name(o.format_name);
  if (!o.output.empty() && o.format == Format::none) {
    o.format = format_from_extension(o.output);
    if (o.format == Format::none)
      usage("cannot tell the format of '" + o.output +
            "' from its extension (.sqlite .sqlite3 .db .csv .ndjson .jsonl); use --format");
  }
  if (o.format != Format::none && o.output.empty()) o.output.assign(1, '-');  // not = "-": g++ 12 -Wrestrict false positive
  if (o.format == Format::none && !o.summary) usage("nothing to write: give -o FILE, --format or --summary");
  if (o.output == "-" && o.format == Format::sqlite) usage("SQLite output needs a file (-o FILE.sqlite)");
  if (o.output == "-" && o.summary) usage("--summary and the dataset cannot both go to stdout");
  if (o.excel && o.format != Format::csv) usage("--excel is for CSV output");
  if (std::find(o.paths.begin(), o.paths.end(), "-") != o.paths.end())
    usage("extract reads files, not stdin ('-'); use xxgk parse -");
}

// Is `output` one of the inputs (an output named like a report inside the input directory)?
void drop_output_from_inputs(const std::string& output, std::vector<std::string>& files) {
  if (output.empty() || output == "-") return;
  std::error_code ec;
  auto out = fs::weakly_canonical(output, ec);
  if (ec) return;
  const auto name = fs::path(output).filename();
  std::erase_if(files, [&](const std::string& f) {
    if (fs::path(f).filename() != name) return false;
    std::error_code ec2;
    auto p = fs::weakly_canonical(f, ec2);
    return !ec2 && p == out;
  });
}

int extract(const Options& o) {
  Inputs inputs = collect_inputs(o.paths);
  drop_output_from_inputs(o.output, inputs.files);
  const std::size_t n = inputs.files.size();
  const unsigned jobs = o.jobs ? o.jobs : hardware_jobs();

  Progress::Mode mode = o.quiet || o.progress == 0 ? Progress::Mode::off
                        : o.progress == 1          ? Progress::Mode::bar
                                                   : Progress::detect(stderr);
  for (const auto& e : inputs.errors)
    if (!o.quiet) std::fprintf(stderr, "xxgk extract: %s\n", e.c_str());
  if (n == 0 && !o.quiet) {
    // Say what was found, and why none of it is parsed.
    std::string found;
    for (const auto& [ext, k] : inputs.skipped_kinds)
      found += (found.empty() ? "" : ", ") + std::to_string(k) + " " + (ext.empty() ? std::string("without extension") : ext);
    if (!inputs.not_reports.empty())
      found += (found.empty() ? "" : ", ") + std::to_string(inputs.not_reports.size()) + " README or hidden";
    const std::size_t total = inputs.skipped + inputs.not_reports.size();
    std::string exts;
    for (auto e : kInputExtensions) exts += (exts.empty() ? "" : " ") + std::string(e);
    if (total == 0) std::fprintf(stderr, "xxgk extract: no files found: nothing to parse\n");
    else
      std::fprintf(stderr, "xxgk extract: nothing to parse: found %zu file%s, none a report: %s (reports are the files named %s, but READMEs and hidden files)\n",
                   total, total == 1 ? "" : "s", found.c_str(), exts.c_str());
  } else if (mode == Progress::Mode::lines)
    std::fprintf(stderr, "xxgk extract: %zu files to parse on %zu threads\n", n, std::min<std::size_t>(jobs, std::max<std::size_t>(n, 1)));

  Counts counts;
  counts.skipped = inputs.skipped;
  counts.not_reports = inputs.not_reports;
  counts.unreadable_dirs = inputs.errors.size();
  try {
    std::unique_ptr<sqlite::Writer> db;
    std::unique_ptr<OutFile> file;
    if (o.format == Format::sqlite) db = std::make_unique<sqlite::Writer>(o.output);
    if (o.format == Format::csv || o.format == Format::ndjson) {
      file = std::make_unique<OutFile>(o.output);
      if (o.format == Format::csv) {
        if (o.excel) file->write(std::string(csv::kUtf8Bom));
        file->write(std::string(csv::kHeader));
      }
    }

    BatchConfig config;
    config.jobs = jobs;
    config.parse = o.parse;
    config.parse.positions = o.format == Format::sqlite;  // the database stores where each value was read
    config.sha256 = o.format == Format::sqlite;
    ColourMode colour = ColourMode::auto_;
    parse_colour_mode(o.colour, colour);
    const bool coloured = use_colour(colour, stderr);
    config.prepare = [&o, coloured](BatchItem& item) {
      const auto& rec = item.result.record;
      if (o.format == Format::ndjson) {
        item.payload = to_json(rec, false);  // the '\n' is written apart: no copy of the record
      } else if (o.format == Format::csv && item.result.status != Status::rejected) {
        csv::append_rows(item.payload, rec);
      }
      if (o.summary) item.summary = summary_line(rec, item.result.status);
      item.unsupported_format = unsupported_format(rec);
      if (o.verbose) item.messages = render_diagnostics(rec, item.result.text);
      else if (item.result.status == Status::rejected) item.messages = rejection_line(rec);
      if (coloured && !item.messages.empty()) item.messages = colourise_diagnostics(item.messages);
    };
    config.keep_text = o.verbose;
    config.keep_record = o.format == Format::sqlite;  // the other outputs are made in `prepare`

    Progress progress(mode, n);
    const bool summary_on_terminal = o.summary && mode == Progress::Mode::bar && ::isatty(STDOUT_FILENO);
    run_batch(
        inputs.files, config,
        [&](BatchItem& item) {
          counts.add(item.result.status, item.unsupported_format);
          counts.bytes += item.bytes;
          if (db) db->add(item.result.record, item.result.status, item.sha256,
                          item.bytes || !item.sha256.empty() ? std::optional<std::uint64_t>(item.bytes) : std::nullopt);
          if (file) {
            file->write(std::move(item.payload));
            if (o.format == Format::ndjson) file->write("\n");
          }
          if (o.summary && !item.summary.empty()) {
            if (summary_on_terminal) {
              progress.print(item.summary, stdout);  // keep the bar below the lines
            } else if (std::fwrite(item.summary.data(), 1, item.summary.size(), stdout) != item.summary.size()) {
              throw std::runtime_error(std::string("stdout: write error: ") + std::strerror(errno));
            }
          }
          if (!o.quiet && !item.messages.empty()) progress.print(item.messages);
        },
        [&](std::size_t done) { progress.update(done); });
    progress.finish();
    if (db) db->commit();
    if (file) file->close();
    if (o.summary && std::fflush(stdout) != 0)
      throw std::runtime_error(std::string("stdout: write error: ") + std::strerror(errno));
    counts.seconds = progress.elapsed_seconds();
    counts.replaced = db ? db->replaced() : 0;
  } catch (const std::exception& e) {
    std::fflush(stdout);
    std::fprintf(stderr, "xxgk extract: %s\n", e.what());
    return 2;
  }
  if (o.stats) {
    // Where the CPU went: the calling thread writes the output, the workers parse.
    auto secs = [](const rusage& u) {
      return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
             static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
    };
    rusage self{}, writer{};
    ::getrusage(RUSAGE_SELF, &self);
    ::getrusage(RUSAGE_THREAD, &writer);
    std::fprintf(stderr, "xxgk extract: CPU %.2f s: writer thread %.2f s, %zu workers %.2f s; peak RSS %.1f MB\n",
                 secs(self), secs(writer), std::min<std::size_t>(jobs, std::max<std::size_t>(n, 1)),
                 secs(self) - secs(writer), static_cast<double>(self.ru_maxrss) / 1024);
  }
  if (!o.quiet) {
    auto line = final_summary(counts, o.format == Format::none || o.output == "-" ? std::string() : o.output);
    std::fputs(line.c_str(), stderr);
  }
  return counts.exit_status();
}

}  // namespace

Run add_extract(CLI::App& xxgk) {
  auto o = std::make_shared<Options>();
  auto* app = xxgk.add_subcommand(
      "extract",
      "parse a collection into a dataset (SQLite, CSV, NDJSON) or a summary\n"
      "\n"
      "Parse every report under the directories given (recursively: .txt .md .markdown .tsv .pdf .docx\n"
      ".html .htm .shtml; .doc .wps .odt .rtf are rejected, counted by format) and every file given,\n"
      "in parallel, into one dataset written in path order (docs/extract.md).");
  app->add_option("PATH", o->paths, "a directory to walk, or a file")
      ->required()
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  add_output(*app, o->output,
             "write the dataset to FILE; the format follows the extension: .sqlite .sqlite3 .db SQLite, .csv CSV, "
             ".ndjson .jsonl NDJSON (- is stdout, for CSV and NDJSON)");
  add_choice(*app, "--format", o->format_name, {"sqlite", "csv", "ndjson", "jsonl"},
             "the output format, whatever the extension; without -o, CSV or NDJSON go to stdout");
  app->add_flag("--summary", o->summary,
                "one line per report on stdout: path, agency, year, layout, status, failed checks (tab-separated)");
  add_jobs(*app, o->jobs);
  app->add_flag("--excel", o->excel, "CSV: begin with a UTF-8 byte order mark, for Excel");
  add_layout_and_encoding(*app, o->parse.layout, o->parse.encoding);
  auto* progress = app->add_flag("--progress")->description("a progress bar even when stderr is not a terminal");
  auto* no_progress = app->add_flag("--no-progress")->description("no progress output");
  app->add_flag("-v,--verbose", o->verbose, "print every report's diagnostics on stderr");
  app->add_flag("-q,--quiet", o->quiet, "print nothing on stderr but fatal errors");
  add_colour(*app, o->colour);
  app->add_flag("--stats", o->stats, "print the CPU time of the writer and of the workers, and the peak memory");
  app->footer(
      "An option's value is given as --name VALUE or --name=VALUE (-oFILE, -j4); -- ends the options.\n"
      "\n"
      "exit status: 0 every report parsed and every check passed; 1 an error diagnostic was raised (a\n"
      "check failed, ...); 2 a file could not be read or is not a disclosure report (the other files are\n"
      "still written), or the command could not run (a usage error, an output that cannot be written)");
  app->callback([o, app, progress, no_progress] {
    for (const auto* given : app->parse_order())  // the last of --progress and --no-progress
      if (given == progress || given == no_progress) o->progress = given == progress;
    settle(*o);
  });
  return [o] { return extract(*o); };
}

}  // namespace xxgk::cli
