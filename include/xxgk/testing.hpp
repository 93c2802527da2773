// Regression testing of a collection of reports against their expected records: what `xxgk test`
// and the project's corpus test do (docs/testing.md).
//
// Beside each report REPORT are kept REPORT.expected.json, its canonical record as `xxgk parse`
// writes it (canonical_record), and REPORT.status, its exit status (0, 1 or 2) on one line. A
// report is parsed under a name (the record's source.path), compared key by key with the expected
// record, and every difference is given with its key, both values and, for a table value, where
// the actual value was read.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "xxgk/xxgk.hpp"

namespace xxgk::testing {

// REPORT.expected.json and REPORT.status.
std::string expected_record_path(std::string_view report);
std::string expected_status_path(std::string_view report);

// The expected record as it is written: the canonical record, pretty-printed, and a newline.
std::string canonical_record(const Record& record);

// The name a report is parsed under: its path relative to `base` ("corpus/pdf/x.pdf"), lexically
// (no symbolic link resolved), '/'-separated; `base` empty: the current directory.
std::string report_name(std::string_view file, std::string_view base = {});

// Which keys are compared. Keys (docs/testing.md): "status", "json", "source.path", "agency",
// "year", "template", "templates.applications", "applications.new_received.total" (every value of
// the tables, as in the JSON), "sections.3.text", "checks.applications.balance[total]",
// "diagnostics.row-shifted", "diagnostics.row-shifted.message".
//
// A key is compared when it matches an `only` pattern (every key when there is none) and no
// `ignore` pattern. A pattern matches a key when it matches the whole key or the key's beginning
// up to a '.' or '[' ("applications" matches "applications.granted.total"); '*' matches any run
// of characters, '.' included, '?' one character. The pattern "values" stands for the tables'
// keys ("active_disclosure", "applications", "review_litigation").
class KeyFilter {
 public:
  void only(std::string_view pattern);
  void ignore(std::string_view pattern);
  bool selects(std::string_view key) const;
  bool empty() const { return only_.empty() && ignore_.empty(); }
  // Does `pattern` match `key` (whole, or up to a '.' or '[')?
  static bool matches(std::string_view pattern, std::string_view key);

 private:
  std::vector<std::string> only_, ignore_;
};

// One difference between the expected and the actual record.
struct Difference {
  std::string key;       // as above
  std::string expected;  // the value as JSON (a long text: the part around the first difference), "(none)" when absent
  std::string actual;
  Location at;           // where the actual value was read (a table value, a diagnostic's message); unknown otherwise
};

// What a report's test found.
enum class Outcome {
  pass,        // the expected record exists and every compared key matches
  differs,     // a compared key differs, or the expected record cannot be read
  new_report,  // no expected record beside the report
};

const char* outcome_name(Outcome o);  // "pass", "differs", "new"

struct ReportCheck {
  std::string file;  // the report file
  std::string name;  // the name it was parsed under: the record's source.path
  Outcome outcome = Outcome::new_report;
  std::vector<Difference> differences;  // the compared keys that differ, in the record's order
  std::string record;  // the actual record, canonical (what --update writes)
  int status = 0;      // the actual exit status
};

// Compare a parse of `file` (made with ParseOptions::positions, for the values' positions) with
// the expected record and status beside `file`. REPORT.status is compared when it exists.
ReportCheck check_report(const std::string& file, const ParseResult& actual, const KeyFilter& filter);

// Read `file`, parse it under `name` (with positions) and check it.
ReportCheck test_report(const std::string& file, const std::string& name, const KeyFilter& filter,
                        ParseOptions options = {});

// Write REPORT.expected.json and REPORT.status from the actual record and status. The error
// ("FILE: reason") when a file cannot be written, "" otherwise.
std::string write_expected(const ReportCheck& check);

// For a person: "differs  NAME" (the outcome, padded) and a newline, then for each difference
//   "  KEY  (at NAME:64:5)" / "    expected: 12" / "    actual:   13".
std::string render(const ReportCheck& check);

// "NAME:64:5", "NAME: page 3, line 2, column 7", "NAME: table 2, row 5, cell 3"; "" when unknown.
std::string describe_position(std::string_view name, const Location& at);

}  // namespace xxgk::testing
