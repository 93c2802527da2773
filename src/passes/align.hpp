// Pass: align a row's values with the columns of its header, even when the row is shifted one
// cell left or right or its label swallowed a value cell; then read each value as its column
// wants it (a count, a signed count, an amount in the column's unit).
#pragma once

#include <string>
#include <vector>

#include "diag/diagnostics.hpp"
#include "passes/grid.hpp"
#include "template/template.hpp"

namespace xxgk::passes {

using tmpl::RowIdentity;
using tmpl::row_identities;

// The columns a kind of row reads under one header.
struct Columns {
  std::vector<std::string_view> keys;          // leaf, or "group.leaf"
  std::vector<const tmpl::ColumnSpec*> specs;  // the column each key names
  std::vector<int> positions;                  // cell index per column; -1: not in the header
  std::vector<RowIdentity> ids;                // row_identities(keys, spec)
};

struct Placed {
  // glued: one of several values the row's glued digits can be cut into (passes/glued_cells.hpp)
  enum class State : std::uint8_t { value, blank, absent, lost, missing, invalid, glued } state = State::absent;
  Value value;
  const GridCell* cell = nullptr;  // the cell read (value, blank, invalid) or in the way (lost)
  int diag = -1;  // lost or missing: the index of its inferred-value or lost-value diagnostic (passes/lost_cells.hpp)
};

struct Alignment {
  int shift = 0;
  std::vector<Placed> placed;           // one per column
  std::vector<const GridCell*> extra;   // non-empty cells left over: values outside the columns
  double cost = 0;
  bool identities_hold = true;
};

// Where to point at a row: its label (the last label cell), else the whole row.
doc::Span row_anchor(const GridRow& row, int label_end);

// Align `row` (label cells up to `label_end`) with `columns`. Tries shifts -1, 0, +1 and keeps
// the cheapest: no value dropped, no column lost, identities satisfied, no shift. Reports
// shifts, ambiguity, inferred and lost values, invalid, extra and converted cells as
// diagnostics naming `row_name`.
Alignment align_row(const GridRow& row, int label_end, const Columns& columns, std::string_view row_name,
                    diag::Diagnostics& diags);

}  // namespace xxgk::passes
