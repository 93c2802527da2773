// Pass: the values of a row whose cells were glued together (layout "glued": `713000074` for
// 71 | 3 | 0 | 0 | 0 | 0 | 74). Each run of digits is cut into the row's columns in every way a
// number can be written — no leading zero, at most 17 digits, a decimal never cut — and the
// ways that satisfy the row's identities (its total) are kept. One way: taken. Several: the
// table's identities decide, with the lost cells (passes/lost_cells.hpp); a row they leave
// open is null with a diagnostic. A value is never taken that another way would write otherwise.
#pragma once

#include <vector>

#include "passes/align.hpp"

namespace xxgk::passes {

// One way to read a glued row: per column, its value and the cell its digits stand in.
struct Split {
  std::vector<Value> values;
  std::vector<const GridCell*> cells;
};

// At most this many cuts are tried per row (a run of hundreds of digits has astronomically many).
inline constexpr int kMaxSplitWork = 20000;

struct Splits {
  std::vector<Split> ways;  // the cuts that satisfy the row's identities
  bool capped = false;      // kMaxSplitWork reached: `ways` is not all of them
};

// The ways to read `cells` (the row's value cells, in order) as `columns.keys.size()` values.
Splits split_glued(const std::vector<const GridCell*>& cells, const Columns& columns);

// The digits of the row's cells, for messages: "713000074", "0 1 1".
std::string glued_text(const std::vector<const GridCell*>& cells);

}  // namespace xxgk::passes
