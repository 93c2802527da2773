// Pass: a logical table's rows -> (template row, values under its columns, source). Rows are
// mapped by their labels (passes/map_rows.hpp), columns by the header above them
// (passes/header.hpp), values aligned (passes/align.hpp). Reports unknown, duplicate and
// subtotal rows, a missing header and missing columns.
#pragma once

#include <deque>
#include <vector>

#include "passes/align.hpp"
#include "passes/glued_cells.hpp"
#include "passes/logical_table.hpp"

namespace xxgk::passes {

struct ReadRow {
  enum class Kind : std::uint8_t { data, subtotal } kind = Kind::data;
  int row = -1;               // data: the template row (index into spec.rows)
  std::string_view group;     // subtotal: the group it sums
  const Columns* columns = nullptr;
  std::vector<Placed> values;  // one per columns->keys
  doc::Span span;
  // Glued cells cut in several ways that satisfy the row (values in state glued): the table's
  // identities choose (passes/lost_cells.hpp).
  std::vector<Split> ways{};
  std::string glued{};  // the glued digits, for messages
};

struct ReadTable {
  const tmpl::TableSpec* spec = nullptr;
  doc::Span span;
  std::deque<Columns> columns;  // the column sets the rows point to
  std::vector<ReadRow> rows;    // source order; each template row at most once
};

ReadTable read_rows(const LogicalTable& table, diag::Diagnostics& diags);

}  // namespace xxgk::passes
