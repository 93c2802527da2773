// The canonical record of one report: what xxgk outputs (schema "xxgk.report/1").
// Plain data, no parser types. The tables' values are addressed by the template's description
// (xxgk/template.hpp): docs/schema.md lists every key of both template versions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace xxgk {

// A decimal number as written in the source: value = units / 10^scale.
// Counts have scale 0; amounts keep the digits written (0.16 -> {16, 2}).
struct Decimal {
  std::int64_t units = 0;
  int scale = 0;
  friend bool operator==(const Decimal&, const Decimal&) = default;
};

// A cell value: empty when the source has none (blank cell, '/', '-', '—', '无', missing).
using Value = std::optional<Decimal>;

enum class Severity { note, warning, error };

// Where something stands in the source, counted the way the source is read (docs/schema.md):
//   text and HTML: line, and column in characters, of the decoded text;
//   PDF: page, and line and column on that page (lines as xxgk rebuilds them from the text boxes);
//   DOCX: the body's paragraph, or table, row and cell (all 1-based).
// Fields that do not apply are 0; all 0: no position.
struct Location {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::uint32_t page = 0;
  std::uint32_t paragraph = 0;
  std::uint32_t table = 0, row = 0, cell = 0;
  bool known() const { return line || page || paragraph || table; }
  friend bool operator==(const Location&, const Location&) = default;
};

struct Diagnostic {
  Severity severity = Severity::error;
  std::string code;      // stable identifier from src/diag/codes.def, e.g. "missing-column"
  std::string message;   // lowercase, no final period
  Location at;           // where; unknown when the diagnostic is about the whole input
  std::uint32_t offset = 0;  // byte offset in the source text (ParseResult::text) the caret starts at
  std::uint32_t length = 0;  // bytes covered (for the caret range)
};

struct Check {
  std::string rule;   // e.g. "applications.balance"
  std::string scope;  // column, row or group key the check is about
  bool pass = false;
  std::int64_t lhs = 0;
  std::int64_t rhs = 0;
};

struct Section {
  int number = 0;        // 1..6
  std::string heading;   // as written, markdown '#' removed, e.g. "一、总体情况"
  std::string text;      // the paragraphs of the section (tables excluded), one per line
};

// The values of one template table, in the order of its description:
// find_template(version)->tables[i] for record.tables[i] (xxgk/template.hpp).
struct TableRecord {
  std::string version;            // the template version the table follows: "2021", "2019"
  std::vector<Value> values;      // one per cell of the description, in its order
  std::vector<Location> sources;  // with ParseOptions::positions: where each value was read (unknown for a value not read); else empty
};

struct Record {
  std::string path;
  std::string format;    // how the source was read: "text" (later "pdf", "html", "docx"); "" when not read
  std::string layout;    // the text layout: "tsv", "markdown"; "" for other formats
  std::string encoding;  // encoding the input was decoded from, e.g. "UTF-8", "GB18030"
  std::string agency;
  std::optional<int> year;
  std::string published;     // publication date (YYYY-MM-DD) when the source states it (发布日期, 成文日期)
  std::string index_number;  // 索引号 when the source states it
  std::string template_version;  // the version most of its tables follow; "" when no table was recognised

  std::vector<TableRecord> tables;  // one per table of the template, in its order

  std::vector<Section> sections;
  std::vector<Check> checks;
  std::vector<Diagnostic> diagnostics;

  bool has_errors() const;
  bool checks_pass() const;
  // The value of (table, row, column), by their keys ("applications", "new_received", "total");
  // nullptr when the record's template has no such cell.
  const Value* find(std::string_view table, std::string_view row, std::string_view column) const;
  Value* find(std::string_view table, std::string_view row, std::string_view column);
};

// Exit status of a parse, as the CLI reports it.
enum class Status {
  ok = 0,        // parsed, every check passed, no error diagnostic
  failed = 1,    // parsed, but a check failed or an error diagnostic was raised
  rejected = 2,  // unreadable, not a disclosure report, or a format xxgk does not read
};

}  // namespace xxgk
