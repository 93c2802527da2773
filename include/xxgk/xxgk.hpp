// xxgk public API: parse a government information-disclosure annual report into a Record.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "xxgk/record.hpp"

namespace xxgk {

// The canonical keys, in template order (the JSON keys of the record).
extern const std::array<const char*, kApplicationRows> kApplicationRowKeys;
extern const std::array<const char*, kApplicantColumns> kApplicantColumnKeys;
extern const std::array<const char*, kReviewGroups> kReviewGroupKeys;
extern const std::array<const char*, kReviewColumns> kReviewColumnKeys;

// Inputs larger than this are rejected (diagnostic too-large) without being parsed.
inline constexpr std::size_t kMaxInputBytes = std::size_t{64} << 20;  // 64 MiB: 100 times the largest real report

struct ParseOptions {
  std::string layout;    // force a layout by name ("tsv", "markdown"); empty = detect
  std::string encoding;  // force an input encoding (iconv name); empty = detect
};

struct ParseResult {
  Record record;
  Status status = Status::ok;
  std::string text;  // the decoded UTF-8 text that diagnostics' offsets refer to
};

// Parse bytes already in memory. `path` is used for messages and the record only.
ParseResult parse_bytes(std::string bytes, std::string path, const ParseOptions& options = {});

// Read and parse a file. An unreadable file gives Status::rejected with a diagnostic.
ParseResult parse_file(const std::string& path, const ParseOptions& options = {});

// Every value of the record's three tables, in template order, as (table, row, column, value).
// table is "active_disclosure", "applications" or "review_litigation"; keys as in the JSON.
using CellVisitor = std::function<void(std::string_view table, std::string_view row,
                                       std::string_view column, const Value& value)>;
void for_each_cell(const Record& record, const CellVisitor& visit);

// Machine-readable output: the canonical JSON record (docs/schema.md).
std::string to_json(const Record& record, bool pretty);
// A number as written: 12, 0.16.
std::string format_decimal(const Decimal& d);

// Human-readable output: the tables on the template grid and the checks with pass/fail.
std::string to_text(const Record& record);

// Diagnostics as a compiler prints them: "file:line:col: severity: message", the source line
// and a caret. `source` is the decoded UTF-8 text the offsets refer to (may be empty).
std::string render_diagnostics(const Record& record, std::string_view source);

const char* severity_name(Severity s);

}  // namespace xxgk
