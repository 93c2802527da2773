// xxgk public API: parse a government information-disclosure annual report into a Record.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "xxgk/record.hpp"
#include "xxgk/template.hpp"

namespace xxgk {

// Inputs larger than this are rejected (diagnostic too-large) without being parsed.
inline constexpr std::size_t kMaxInputBytes = std::size_t{64} << 20;  // 64 MiB: 100 times the largest real report

struct ParseOptions {
  std::string layout;    // force a text layout by name ("tsv", "markdown"); empty = detect
  std::string encoding;  // force an input encoding (iconv name); empty = detect
  bool positions = false;  // fill TableRecord::sources: where each value was read
};

struct ParseResult {
  Record record;
  Status status = Status::ok;
  // The source text diagnostics' offsets refer to: the decoded text of a text source (for other
  // formats, the text their front end renders of it).
  std::string text;
};

// What is wrong with the options ("unknown layout 'csv' (the layouts: …)", "unknown encoding
// 'FOO' …"), or "" when nothing: a caller's usage error, said before any input is read.
std::string check_options(const ParseOptions& options);

// Parse bytes already in memory, whatever their format (sniffed: text, PDF, HTML, DOCX, …).
// `path` is used for messages and the record only.
ParseResult parse_bytes(std::string bytes, std::string path, const ParseOptions& options = {});

// Read and parse a file. An unreadable file gives Status::rejected with a diagnostic.
ParseResult parse_file(const std::string& path, const ParseOptions& options = {});

// The template table record.tables[table] follows (xxgk/template.hpp), and one of its values
// (null when the record has none, as a rejected record).
const TemplateTable& table_shape(const Record& record, std::size_t table);
const Value& table_value(const Record& record, std::size_t table, std::size_t index);

// Give the record every table of template `version` (the newest when empty), all values null:
// a record to fill by hand (tests, converters).
void init_tables(Record& record, std::string_view version = {});

// Every value of the record's tables, in template order, as (table, row, column, value), keys
// as in the JSON: ("applications", "new_received", "total", 12).
using CellVisitor = std::function<void(std::string_view table, std::string_view row,
                                       std::string_view column, const Value& value)>;
void for_each_cell(const Record& record, const CellVisitor& visit);

// Machine-readable output: the canonical JSON record (docs/schema.md). With `positions`, each
// table also gives where each of its values was read.
std::string to_json(const Record& record, bool pretty, bool positions = false);
// An agency's name for grouping: no blanks, full-width letters, digits and brackets half-width,
// no 《》〈〉 or quotes ("三门峡市 科学技术局" and "三门峡市科学技术局" alike). The record keeps
// the name as written; the SQLite output has both (reports.agency_key).
std::string normalise_agency(std::string_view agency);

// A number as written: 12, 0.16.
std::string format_decimal(const Decimal& d);

// Human-readable output: the tables on the template grid and the checks with pass/fail.
std::string to_text(const Record& record);

// Diagnostics as a compiler prints them: "file:line:col: severity: message" (for a PDF
// "file: page 3, line 12: …"), the source line and a caret. `source` is ParseResult::text.
std::string render_diagnostics(const Record& record, std::string_view source);

// Where a location is, as the diagnostics print it: "12:5", "page 3, line 12, column 4",
// "table 2, row 5, cell 3", "paragraph 14"; "" when unknown.
std::string describe(const Location& at);

const char* severity_name(Severity s);

}  // namespace xxgk
