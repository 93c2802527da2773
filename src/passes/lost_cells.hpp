// Pass: a table's lost cells (a label took the cell's place, the row ends before it) decided by
// all the table's identities at once — row totals, column sums, the balance, subtotal rows and
// the 小计 column — not by the row's total alone (passes/solve.hpp). Runs only on a table with a
// lost cell. A cell gets a value only when every identity allows that one value; a row total the
// other identities contradict is set aside (and its check then fails). Rewrites the row's
// inferred-value or lost-value diagnostic into solved-value, ambiguous-value or
// contradictory-value when the table says more than the row.
#pragma once

#include "passes/record_writer.hpp"

namespace xxgk::passes {

void settle_lost_cells(const ReadTable& read, TableFacts& facts, TableRecord& out, diag::Diagnostics& diags);

}  // namespace xxgk::passes
