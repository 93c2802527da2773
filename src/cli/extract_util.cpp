#include "cli/extract_util.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "cli/collect.hpp"
#include "emit/sqlite.hpp"
#include "xxgk/xxgk.hpp"

namespace xxgk::cli {

namespace {

std::string lower(std::string s) {
  for (auto& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// Tabs and line ends would break the line's columns.
void put_field(std::string& out, std::string_view s) {
  if (s.empty()) {
    out += '-';
    return;
  }
  for (char c : s) out += c == '\t' || c == '\n' || c == '\r' ? ' ' : c;
}

}  // namespace

Format format_from_name(std::string_view name) {
  if (name == "sqlite") return Format::sqlite;
  if (name == "csv") return Format::csv;
  if (name == "ndjson" || name == "jsonl") return Format::ndjson;
  return Format::none;
}

Format format_from_extension(const std::string& path) {
  const auto ext = lower(std::filesystem::path(path).extension().string());
  if (ext == ".sqlite" || ext == ".sqlite3" || ext == ".db") return Format::sqlite;
  if (ext == ".csv") return Format::csv;
  if (ext == ".ndjson" || ext == ".jsonl") return Format::ndjson;
  return Format::none;
}

std::string summary_line(const Record& r, Status status) {
  std::string line;
  put_field(line, r.path);
  line += '\t';
  put_field(line, r.agency);
  line += '\t';
  put_field(line, r.year ? std::to_string(*r.year) : std::string());
  line += '\t';
  put_field(line, r.layout);
  line += '\t';
  line += sqlite::status_name(status);
  line += '\t';
  std::string problems;
  auto sep = [&] {
    if (!problems.empty()) problems += "; ";
  };
  if (status == Status::rejected) {
    for (const auto& d : r.diagnostics)
      if (d.severity == Severity::error) {
        sep();
        problems += d.code + ": " + d.message;
      }
  } else {
    for (const auto& c : r.checks)
      if (!c.pass) {
        sep();
        problems += fmt::format("{}[{}] {}≠{}", c.rule, c.scope, c.lhs, c.rhs);
      }
    for (const auto& d : r.diagnostics)
      if (d.severity == Severity::error && d.code != "check-failed") {  // the failed checks are listed above
        sep();
        problems += d.code;
      }
  }
  put_field(line, problems);
  line += '\n';
  return line;
}

std::string rejection_line(const Record& r) {
  std::string out;
  for (const auto& d : r.diagnostics)
    if (d.severity == Severity::error) out += fmt::format("xxgk extract: {}: error: {} [{}]\n", r.path, d.message, d.code);
  if (out.empty()) out = fmt::format("xxgk extract: {}: rejected\n", r.path);
  return out;
}

void Counts::add(Status s) {
  ++files;
  switch (s) {
    case Status::ok: ++ok; break;
    case Status::failed: ++failed; break;
    case Status::rejected: ++rejected; break;
  }
}

std::string unsupported_format(const Record& r) {
  for (const auto& d : r.diagnostics)
    if (d.code == "unsupported-format") return r.format;
  return {};
}

void Counts::add(Status s, std::string_view format) {
  add(s);
  if (format.empty()) return;
  auto it = std::find_if(unsupported.begin(), unsupported.end(), [&](const auto& u) { return u.first == format; });
  if (it == unsupported.end()) unsupported.emplace_back(format, 1);
  else ++it->second;
}

int Counts::exit_status() const {
  if (rejected || unreadable_dirs) return 2;
  if (failed) return 1;
  return 0;
}

std::string final_summary(const Counts& c, const std::string& output) {
  const double rate = c.seconds > 0 ? static_cast<double>(c.files) / c.seconds : 0;
  std::string s = fmt::format(
      "xxgk extract: {} files in {:.2f} s ({:.0f} reports/s, {:.1f} MB/s): {} parsed ({} ok, {} with failed checks or "
      "errors), {} rejected (unreadable or not a report)\n",
      c.files, c.seconds, rate, c.seconds > 0 ? static_cast<double>(c.bytes) / 1e6 / c.seconds : 0.0, c.ok + c.failed,
      c.ok, c.failed, c.rejected);
  if (!c.unsupported.empty()) {
    std::string kinds;
    for (const auto& [format, n] : c.unsupported) kinds += fmt::format("{}{} {}", kinds.empty() ? "" : ", ", n, format);
    s += fmt::format("xxgk extract: not read, in formats xxgk does not read yet: {}\n", kinds);
  }
  if (!c.not_reports.empty()) {
    std::string names;
    for (std::size_t i = 0; i < c.not_reports.size() && i < 5; ++i) names += (i ? ", " : "") + c.not_reports[i];
    if (c.not_reports.size() > 5) names += fmt::format(", … ({} more)", c.not_reports.size() - 5);
    s += fmt::format("xxgk extract: {} skipped (not reports): {}\n", c.not_reports.size(), names);
  }
  if (c.skipped) {
    std::string exts;
    for (auto e : kInputExtensions) {
      if (!exts.empty()) exts += ' ';
      exts += e;
    }
    s += fmt::format("xxgk extract: {} other files skipped (inputs are {})\n", c.skipped, exts);
  }
  if (c.unreadable_dirs) s += fmt::format("xxgk extract: {} directories could not be read\n", c.unreadable_dirs);
  if (!output.empty()) {
    s += fmt::format("xxgk extract: wrote {}", output);
    if (c.replaced) s += fmt::format(" ({} reports replaced by path)", c.replaced);
    s += '\n';
  }
  return s;
}

}  // namespace xxgk::cli
