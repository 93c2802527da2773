// Pass: map columns from the header and align each row's values with them, even when the row
// is shifted one cell left or right or its label swallowed a value cell.
#pragma once

#include <string>
#include <vector>

#include "ast/ast.hpp"
#include "diag/diagnostics.hpp"
#include "template/template.hpp"

namespace xxgk::passes {

// Column key ("natural_person", or "review.upheld" where the table has column groups) by cell
// index, read from one block of header rows.
struct ColumnMap {
  std::vector<std::pair<int, std::string>> columns;
  int position(std::string_view key) const;  // -1 when the header has no such column
  bool empty() const { return columns.empty(); }
};

ColumnMap read_header(const std::vector<const ast::Row*>& header_rows, const tmpl::TableSpec& spec);

struct Placed {
  enum class State { value, blank, absent, lost, missing, invalid } state = State::absent;
  Value value;
  const ast::Cell* cell = nullptr;  // the cell read (value, blank, invalid) or in the way (lost)
};

struct Alignment {
  int shift = 0;
  std::vector<Placed> placed;                 // one per column asked for
  std::vector<const ast::Cell*> extra;        // non-empty cells left over: values outside the columns
  double cost = 0;
  bool identities_hold = true;
};

// Where to point at a row: its label (the last label cell), else the whole row.
ast::Span row_anchor(const ast::Row& row, int label_end);

// Identities a row's values must satisfy: in each group, total = the sum of the other columns.
struct RowIdentity {
  int total = -1;
  std::vector<int> parts;
};
std::vector<RowIdentity> row_identities(const std::vector<std::string_view>& columns);

// Align `row` (label cells up to `label_end`) with `positions` (cell index per column; -1 for a
// column the header does not have). Tries shifts -1, 0, +1 and keeps the cheapest: no value
// dropped, no column lost, identities satisfied, no shift. Reports shifts, ambiguity, inferred
// and lost values, invalid and extra cells as diagnostics naming `row_name`.
// `ids` = row_identities(columns), computed once per kind of row by the caller.
Alignment align_row(const ast::Row& row, int label_end, const std::vector<int>& positions,
                    const std::vector<std::string_view>& columns, const std::vector<RowIdentity>& ids,
                    std::string_view row_name, diag::Diagnostics& diags);

}  // namespace xxgk::passes
