// Pieces of `xxgk extract` kept apart from the command for tests: output formats, the summary
// line of a report, the closing summary of a run and its exit status.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "xxgk/record.hpp"

namespace xxgk::cli {

enum class Format { none, sqlite, csv, ndjson };

// "sqlite", "csv", "ndjson" (also "jsonl"); Format::none otherwise.
Format format_from_name(std::string_view name);
// .sqlite .sqlite3 .db -> sqlite; .csv -> csv; .ndjson .jsonl -> ndjson (any case); none otherwise.
Format format_from_extension(const std::string& path);

// One line per report, tab-separated, '-' for an empty field:
//   path  agency  year  layout  status  problems
// problems: the failed checks "rule[scope] lhs≠rhs" and the codes of error diagnostics,
// separated by "; "; for a rejected report its error "code: message".
std::string summary_line(const Record& record, Status status);

// The format of a report rejected because xxgk does not read it yet ("pdf"); "" otherwise.
std::string unsupported_format(const Record& record);

// "xxgk extract: PATH: error: MESSAGE [code]" for each error diagnostic of a rejected report.
std::string rejection_line(const Record& record);

struct Counts {
  std::size_t files = 0, ok = 0, failed = 0, rejected = 0;
  std::vector<std::pair<std::string, std::size_t>> unsupported;  // rejected files by format xxgk does not read yet
  std::size_t skipped = 0;          // files under the directories that are not inputs
  std::size_t unreadable_dirs = 0;  // directories that could not be listed
  std::vector<std::string> not_reports;  // files skipped as plainly not reports (README*, dotfiles)
  std::size_t replaced = 0;         // SQLite: reports replaced by path
  std::uint64_t bytes = 0;
  double seconds = 0;
  void add(Status s);
  void add(Status s, std::string_view unsupported_format);  // add(s), and a format xxgk does not read yet counted
  // 0 all ok; 1 a check failed or an error diagnostic; 2 a file or directory unreadable or not
  // a report.
  int exit_status() const;
};

// The closing lines on stderr: how many parsed, with failed checks, rejected; time and rate.
std::string final_summary(const Counts& counts, const std::string& output);

}  // namespace xxgk::cli
