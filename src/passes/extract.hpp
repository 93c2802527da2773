// Pass: read the logical tables into the record — rows by label, columns by header, values
// aligned — and report unknown, missing and duplicate rows and missing columns.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "diag/diagnostics.hpp"
#include "passes/logical_table.hpp"
#include "xxgk/record.hpp"

namespace xxgk::passes {

// What the checks need beyond the record: where rows are, and the subtotals reports add.
struct Extraction {
  std::array<bool, 3> table_found{};  // found and read as this template
  std::string_view other_version;      // a table follows another template version
  std::array<ast::Span, 3> table_span{};
  std::array<ast::Span, kApplicationRows> application_span{};
  struct Subtotal {
    std::string group;  // "denied", "unable", "rejected", "other"
    std::array<Value, kApplicantColumns> values;
    ast::Span span;
  };
  std::vector<Subtotal> subtotals;
  struct LegalSubtotal {  // 法人或其他组织 小计 column
    int row;
    Value value;
    ast::Span span;
  };
  std::vector<LegalSubtotal> legal_subtotals;
};

Extraction extract(const std::vector<LogicalTable>& tables, Record& record, diag::Diagnostics& diags);

// The record's value for a template table's row (its index in table.rows) and column key;
// nullptr if none.
Value* slot(Record& record, const tmpl::TableSpec& table, int row, std::string_view column);

}  // namespace xxgk::passes
