// xxgk_bench: throughput and memory of the whole pipeline on a large collection built from the
// corpus. Not a test: it prints figures (docs/performance.md).
//
//   xxgk_bench [CORPUS_DIR] [REPORTS] [--jobs N] [--repeat R] [--xxgk PATH] [--keep]
//
// 1. Writes REPORTS files (default 20000) into a temporary directory, cycling over the corpus's
//    reports (every text layout it has), 1000 files per subdirectory.
// 2. End to end: runs the real `xxgk extract DIR -o out.ndjson` (read, parse, map, check, write
//    NDJSON) with -j1 and with all cores, and once on a tenth of the files to show that memory
//    does not grow with the number of reports; then the SQLite and CSV outputs for comparison.
//    Wall time, CPU time and peak RSS come from wait4(2)'s rusage of the child.
// 3. In process, one thread, inputs already in memory: decoding alone; parse-only (decode,
//    layout detection, grammar -> AST); the whole parse_bytes (parse + passes: normalise,
//    reassemble, map rows, align, extract, checks, locate diagnostics); to_json. Passes-only is
//    the difference of the last two.
// 4. The corpus's PDFs, Word files and HTML pages (not in the collection): parse_bytes per file,
//    and pdftotext -layout on the same PDFs for scale.
// Every measurement is repeated R times (default 3) and the fastest run is shown: on a shared
// machine the slower runs measure the neighbours.
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "cli/collect.hpp"
#include "io/decode.hpp"
#include "parse/layouts.hpp"
#include "xxgk/xxgk.hpp"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

struct Input {
  std::string name;
  std::string bytes;
  std::string layout;
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The 1-minute load average: figures taken while other work runs are lower than the machine can do.
std::string load_average() {
  std::ifstream in("/proc/loadavg");
  std::string one;
  in >> one;
  return one.empty() ? "?" : one;
}

// How busy the machine's CPUs are with other work: the share of non-idle time over one second,
// from /proc/stat, before the benchmark starts.
std::string busy_before() {
  auto sample = [] {
    std::ifstream in("/proc/stat");
    std::string cpu;
    in >> cpu;
    std::vector<unsigned long long> v;
    for (unsigned long long x; v.size() < 8 && in >> x;) v.push_back(x);
    return v;
  };
  auto a = sample();
  std::this_thread::sleep_for(std::chrono::seconds(1));
  auto b = sample();
  if (a.size() < 5 || b.size() < 5) return "?";
  unsigned long long total = 0, idle = 0;
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) total += b[i] - a[i];
  idle = (b[3] - a[3]) + (b[4] - a[4]);
  if (total == 0) return "?";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f%%", 100.0 * static_cast<double>(total - idle) / static_cast<double>(total));
  return buf;
}

std::string cpu_model() {
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("model name", 0) == 0) return line.substr(line.find(':') + 2);
  return "unknown CPU";
}

struct RunResult {
  int status = -1;
  double wall = 0, cpu = 0;  // seconds
  long max_rss_kb = 0;
};

// Runs argv with stdout/stderr to files; wall time, CPU time and peak RSS of the child.
RunResult run(const std::vector<std::string>& argv, const fs::path& log) {
  RunResult r;
  auto t0 = Clock::now();
  pid_t pid = fork();
  if (pid < 0) {
    std::perror("fork");
    std::exit(2);
  }
  if (pid == 0) {
    int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) {
      ::dup2(fd, 1);
      ::dup2(fd, 2);
    }
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    ::execv(args[0], args.data());
    std::perror("execv");
    _exit(127);
  }
  int st = 0;
  rusage ru{};
  ::wait4(pid, &st, 0, &ru);
  r.wall = std::chrono::duration<double>(Clock::now() - t0).count();
  r.cpu = static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
          static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
  r.max_rss_kb = ru.ru_maxrss;
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
  return r;
}

void usage() {
  std::fputs(
      "usage: xxgk_bench [CORPUS_DIR] [REPORTS] [--jobs N] [--repeat R] [--xxgk PATH] [--keep]\n"
      "  CORPUS_DIR   reports to copy (default: the source tree's corpus/)\n"
      "  REPORTS      how many files to build (default 20000)\n"
      "  --jobs N     threads for the all-cores runs (default: all cores)\n"
      "  --repeat R   run each measurement R times and keep the fastest (default 3)\n"
      "  --xxgk PATH  the xxgk binary to run (default: the one built beside this benchmark)\n"
      "  --keep       keep the temporary directory\n",
      stderr);
}

}  // namespace

int main(int argc, char** argv) {
  fs::path corpus = XXGK_SOURCE_DIR "/corpus";
  std::size_t reports = 20000;
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
  std::string xxgk = XXGK_BINARY;
  bool keep = false;
  int repeat = 3;
  int positional = 0;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--jobs" && i + 1 < argc) jobs = static_cast<unsigned>(std::max(1, std::atoi(argv[++i])));
    else if (a == "--xxgk" && i + 1 < argc) xxgk = argv[++i];
    else if (a == "--repeat" && i + 1 < argc) repeat = std::max(1, std::atoi(argv[++i]));
    else if (a == "--keep") keep = true;
    else if (a == "-h" || a == "--help") return usage(), 0;
    else if (!a.empty() && a[0] == '-') return usage(), 2;
    else if (positional++ == 0) corpus = a;
    else reports = static_cast<std::size_t>(std::max(1L, std::atol(a.c_str())));
  }

  // The corpus's reports: every input extract would take that parses as a report; the text ones
  // make the collection, the other formats are measured on their own (section 4).
  std::vector<Input> inputs;
  std::map<std::string, std::vector<Input>> other_formats;  // by format: pdf, docx, html
  for (const auto& f : xxgk::cli::collect_inputs({corpus.string()}).files) {
    Input in{f, slurp(f), ""};
    auto r = xxgk::parse_bytes(in.bytes, f);
    if (r.status == xxgk::Status::rejected) continue;
    in.layout = r.record.layout;
    (r.record.format == "text" ? inputs : other_formats[r.record.format]).push_back(std::move(in));
  }
  for (auto& in : inputs) in.name = fs::path(in.name).filename().string();
  if (inputs.empty()) {
    std::fprintf(stderr, "xxgk_bench: no report under %s\n", corpus.c_str());
    return 2;
  }

  char tmpl[] = "/tmp/xxgk-bench-XXXXXX";
  if (!::mkdtemp(tmpl)) {
    std::perror("mkdtemp");
    return 2;
  }
  const fs::path dir = tmpl;
  const fs::path data = dir / "reports";
  const fs::path tenth = dir / "reports-tenth";
  std::uint64_t total_bytes = 0, tenth_bytes = 0;
  std::map<std::string, std::size_t> per_layout;
  for (std::size_t i = 0; i < reports; ++i) {
    const auto& in = inputs[i % inputs.size()];
    char sub[32], name[32];
    std::snprintf(sub, sizeof sub, "d%03zu", i / 1000);
    std::snprintf(name, sizeof name, "%06zu_", i);
    const bool in_tenth = i < (reports + 9) / 10;
    for (const auto& root : in_tenth ? std::vector<fs::path>{data, tenth} : std::vector<fs::path>{data}) {
      fs::create_directories(root / sub);
      std::ofstream(root / sub / (name + in.name), std::ios::binary) << in.bytes;
    }
    total_bytes += in.bytes.size();
    if (in_tenth) tenth_bytes += in.bytes.size();
    ++per_layout[in.layout];
  }
  const std::size_t tenth_reports = (reports + 9) / 10;

  std::printf("xxgk_bench: %zu reports (%.1f MB) built from %zu corpus reports in %s\n", reports,
              static_cast<double>(total_bytes) / 1e6, inputs.size(), corpus.c_str());
  std::printf("  layouts:");
  for (const auto& [layout, n] : per_layout) std::printf(" %s %zu", layout.c_str(), n);
  std::printf("\n  machine: %s, %u hardware threads, load average %s, CPUs busy with other work: %s\n\n",
              cpu_model().c_str(), std::thread::hardware_concurrency(), load_average().c_str(), busy_before().c_str());

  // End to end through the real command line.
  std::printf("End to end: xxgk extract DIR -o OUT (read, parse, map, check, write), files in the page cache,\n"
              "fastest of %d runs; CPU time and peak RSS of that run\n", repeat);
  std::printf("  %-34s %9s %10s %8s %12s %13s %10s\n", "run", "reports", "reports/s", "MB/s", "reports/s/core",
              "reports/CPU-s", "peak RSS");
  double per_core_rate = 0;
  bool failed = false;
  auto e2e = [&](const std::string& label, const fs::path& in, const std::string& out, unsigned j, std::size_t n,
                 std::uint64_t bytes) {
    RunResult r;
    for (int k = 0; k < repeat; ++k) {
      fs::remove(dir / out);
      auto rk = run({xxgk, "extract", in.string(), "-o", (dir / out).string(), "-j", std::to_string(j), "-q"},
                    dir / (out + ".log"));
      if (k == 0 || rk.status > 1 || rk.wall < r.wall) r = rk;
      if (rk.status > 1) break;
    }
    if (r.status != 0 && r.status != 1) {
      std::printf("  %-34s failed with exit status %d (see %s)\n", label.c_str(), r.status, (dir / (out + ".log")).c_str());
      failed = true;
      keep = true;
      return r;
    }
    const double rate = static_cast<double>(n) / r.wall;
    std::printf("  %-34s %9zu %10.0f %8.1f %12.0f %13.0f %7.1f MB\n", label.c_str(), n, rate,
                static_cast<double>(bytes) / 1e6 / r.wall, rate / j, static_cast<double>(n) / r.cpu,
                static_cast<double>(r.max_rss_kb) / 1024);
    std::fflush(stdout);
    return r;
  };
  // A first pass warms the page cache and the binary.
  run({xxgk, "extract", tenth.string(), "-o", (dir / "warm.ndjson").string(), "-q"}, dir / "warm.log");
  auto one = e2e("ndjson, -j1", data, "out-j1.ndjson", 1, reports, total_bytes);
  per_core_rate = static_cast<double>(reports) / one.wall;
  auto all = e2e("ndjson, -j" + std::to_string(jobs), data, "out.ndjson", jobs, reports, total_bytes);
  auto small = e2e("ndjson, -j" + std::to_string(jobs) + ", a tenth of the files", tenth, "tenth.ndjson", jobs,
                   tenth_reports, tenth_bytes);
  e2e("csv, -j" + std::to_string(jobs), data, "out.csv", jobs, reports, total_bytes);
  e2e("sqlite, -j" + std::to_string(jobs), data, "out.sqlite", jobs, reports, total_bytes);
  std::printf("  peak RSS with %zu reports: %.1f MB; with %zu: %.1f MB\n", tenth_reports,
              static_cast<double>(small.max_rss_kb) / 1024, reports, static_cast<double>(all.max_rss_kb) / 1024);
  const double per_cpu_second = static_cast<double>(reports) / one.cpu;
  std::printf("  target >= 10000 reports/s per core end to end: %s (-j1: %.0f reports/s wall, %.0f per CPU-second)\n",
              std::max(per_core_rate, per_cpu_second) >= 10000 ? "met" : "NOT met", per_core_rate, per_cpu_second);
  std::printf("  load average now %s\n\n", load_average().c_str());

  // Stages, in process, one thread, inputs in memory.
  std::printf("Stages (one thread, in memory, %zu reports, fastest of %d)\n", reports, repeat);
  std::printf("  %-46s %10s %10s %8s\n", "stage", "us/report", "reports/s", "MB/s");
  auto stage = [&](const char* label, double seconds) {
    std::printf("  %-46s %10.1f %10.0f %8.1f\n", label, seconds * 1e6 / static_cast<double>(reports),
                static_cast<double>(reports) / seconds, static_cast<double>(total_bytes) / 1e6 / seconds);
  };
  auto time_loop = [&](auto&& body) {
    double best = 0;
    for (int k = 0; k < repeat; ++k) {
      auto t0 = Clock::now();
      for (std::size_t i = 0; i < reports; ++i) body(inputs[i % inputs.size()]);
      const double t = std::chrono::duration<double>(Clock::now() - t0).count();
      if (k == 0 || t < best) best = t;
    }
    return best;
  };
  std::size_t sink = 0;
  const double t_decode = time_loop([&](const Input& in) { sink += xxgk::io::decode(in.bytes).text.size(); });
  const double t_parse = time_loop([&](const Input& in) {
    auto d = xxgk::io::decode(in.bytes);
    const auto& layout = xxgk::parse::detect_layout(d.text);
    auto doc = layout.parse(d.text);
    sink += doc.blocks.size();
  });
  std::vector<xxgk::Record> records;
  std::map<std::string, std::pair<double, std::size_t>> by_layout;
  const double t_pipeline = time_loop([&](const Input& in) {
    auto t0 = Clock::now();
    auto r = xxgk::parse_bytes(in.bytes, in.name);
    auto& bl = by_layout[in.layout];
    bl.first += std::chrono::duration<double>(Clock::now() - t0).count();
    ++bl.second;
    if (records.size() < inputs.size()) records.push_back(std::move(r.record));
  });
  std::size_t k = 0;
  const double t_json = time_loop([&](const Input&) { sink += xxgk::to_json(records[k++ % records.size()], false).size(); });
  stage("decode (detect encoding, to UTF-8)", t_decode);
  stage("parse-only (decode, layout, grammar -> tree)", t_parse);
  stage("passes-only (parse_bytes minus parse-only)", t_pipeline - t_parse);
  stage("parse_bytes (parse + passes)", t_pipeline);
  stage("to_json (compact)", t_json);
  stage("parse_bytes + to_json", t_pipeline + t_json);
  for (const auto& [layout, v] : by_layout)
    std::printf("  parse_bytes, %-8s layout: %zu reports, %.1f us/report, %.0f reports/s (mean of the runs)\n",
                layout.c_str(), v.second / static_cast<std::size_t>(repeat), v.first * 1e6 / static_cast<double>(v.second),
                static_cast<double>(v.second) / v.first);

  // 4. Each other format: the whole parse_bytes of each corpus file of it, in process; for PDFs,
  // the same files through `pdftotext -layout` (poppler-utils, when installed), the usual first
  // step of a PDF pipeline.
  for (const auto& [format, files] : other_formats) {
    double t = 1e300;
    std::size_t bytes = 0;
    for (const auto& in : files) bytes += in.bytes.size();
    for (int k = 0; k < repeat; ++k) {
      const auto t0 = Clock::now();
      for (const auto& in : files) sink += xxgk::parse_bytes(in.bytes, in.name).record.diagnostics.size();
      t = std::min(t, std::chrono::duration<double>(Clock::now() - t0).count());
    }
    const double n = static_cast<double>(files.size());
    std::printf("\n%s (one thread, in memory, the corpus's %zu files, %.0f KB each on average, fastest of %d)\n",
                format.c_str(), files.size(), static_cast<double>(bytes) / n / 1e3, repeat);
    std::printf("  parse_bytes                              %8.2f ms/report %8.1f reports/s\n", t * 1e3 / n, n / t);
    if (format == "pdf" && std::system("command -v pdftotext >/dev/null 2>&1") == 0) {
      double tp = 1e300;
      for (int k = 0; k < repeat; ++k) {
        const auto t0 = Clock::now();
        for (const auto& in : files) {
          const std::string cmd = "pdftotext -layout '" + in.name + "' /dev/null";
          if (std::system(cmd.c_str()) != 0) std::fprintf(stderr, "xxgk_bench: %s failed\n", cmd.c_str());
        }
        tp = std::min(tp, std::chrono::duration<double>(Clock::now() - t0).count());
      }
      std::printf("  pdftotext -layout (a process per file)   %8.2f ms/report %8.1f reports/s\n", tp * 1e3 / n, n / tp);
    }
  }
  if (sink == 42) std::puts("");  // keep the results alive

  if (keep) std::printf("\nkept %s\n", dir.c_str());
  else fs::remove_all(dir);
  return failed ? 1 : 0;
}
