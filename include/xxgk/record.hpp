// The canonical record of one report: what xxgk outputs (schema "xxgk.report/1").
// Plain data, no parser types. See docs/schema.md for every key.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace xxgk {

// A decimal number as written in the source: value = units / 10^scale.
// Counts have scale 0; the fee amount keeps the digits written (0.16 -> {16, 2}).
struct Decimal {
  std::int64_t units = 0;
  int scale = 0;
  friend bool operator==(const Decimal&, const Decimal&) = default;
};

// A cell value: empty when the source has none (blank cell, '/', '-', '—', '无', missing).
using Value = std::optional<Decimal>;

enum class Severity { note, warning, error };

struct Diagnostic {
  Severity severity = Severity::error;
  std::string code;      // stable identifier from src/diag/codes.def, e.g. "missing-column"
  std::string message;   // lowercase, no final period
  std::uint32_t line = 0;    // 1-based; 0 when the diagnostic has no position
  std::uint32_t column = 0;  // 1-based, in characters
  std::uint32_t offset = 0;  // byte offset in the decoded UTF-8 text
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

// 表二 主动公开
struct DocumentCounts {
  Value issued, repealed, in_force;
};
struct ActiveDisclosure {
  DocumentCounts rules, normative_documents;
  Value licensing, penalty, coercion;  // "decisions"
  Value fees;                          // "amount", 万元
};

// 表三 依申请: 25 rows x 7 columns, in template order (see template keys in xxgk/template.hpp).
inline constexpr int kApplicationRows = 25;
inline constexpr int kApplicantColumns = 7;
using ApplicationsTable = std::array<std::array<Value, kApplicantColumns>, kApplicationRows>;

// 表四 复议诉讼: 3 groups x 5 columns.
inline constexpr int kReviewGroups = 3;
inline constexpr int kReviewColumns = 5;
using ReviewTable = std::array<std::array<Value, kReviewColumns>, kReviewGroups>;

struct Record {
  std::string path;
  std::string layout;    // "tsv", "markdown", ...
  std::string encoding;  // encoding the input was decoded from, e.g. "UTF-8", "GB18030"
  std::string agency;
  std::optional<int> year;
  std::string template_version;  // "2021", or "" when no table was recognised

  ActiveDisclosure active_disclosure;
  ApplicationsTable applications{};
  ReviewTable review_litigation{};

  std::vector<Section> sections;
  std::vector<Check> checks;
  std::vector<Diagnostic> diagnostics;

  bool has_errors() const;
  bool checks_pass() const;
};

// Exit status of a parse, as the CLI reports it.
enum class Status {
  ok = 0,        // parsed, every check passed, no error diagnostic
  failed = 1,    // parsed, but a check failed or an error diagnostic was raised
  rejected = 2,  // unreadable, or not a disclosure report
};

}  // namespace xxgk
