// Pass: a table's rows as read -> its values in the record (by the template's description),
// with where each came from; and what the checks read beyond the record: where each template
// row was, the subtotal rows and the columns the record does not store. Reports missing rows.
#pragma once

#include <vector>

#include "passes/rows.hpp"
#include "xxgk/record.hpp"

namespace xxgk::passes {

inline constexpr doc::Span kNowhere{UINT32_MAX, UINT32_MAX};

struct TableFacts {
  const tmpl::TableSpec* spec = nullptr;
  doc::Span span;                      // the table (its first fragment)
  std::vector<doc::Span> row_spans;    // per template row: where it was read; kNowhere if not
  std::vector<doc::Span> value_spans;  // per value of the record's table: its cell; kNowhere if none
  struct Unstored {                    // a value of a column the record does not store (小计)
    int row;
    std::string_view column;  // its leaf key
    Value value;
    doc::Span span;
  };
  std::vector<Unstored> unstored;
  struct Subtotal {
    std::string_view group;
    std::vector<std::pair<std::string_view, Value>> values;  // by leaf key
    doc::Span span;
  };
  std::vector<Subtotal> subtotals;
  bool has_lost = false;  // a data row has a lost or missing cell (passes/lost_cells.hpp)
};

TableFacts write_table(const ReadTable& table, TableRecord& out, diag::Diagnostics& diags);

}  // namespace xxgk::passes
