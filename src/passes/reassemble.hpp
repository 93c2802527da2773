// Pass: reassemble split tables. Each physical table is assigned to the template table its rows
// and header cells name, in any version of the template (a fragment that names none, such as
// 表四's lone value row after a page break, continues the table before it); the fragments of one
// template table become one logical table, in order. A row label broken across the break
// ("（五）不予" … "处理") is joined, in the grids (the tree is not changed), and so is a label
// broken by a line break inside its cell, its tail starting the next line with the row's cells.
#pragma once

#include <vector>

#include "diag/diagnostics.hpp"
#include "passes/logical_table.hpp"

namespace xxgk::passes {

// One logical table per template table, in the template's order (rows empty when not found).
std::vector<LogicalTable> reassemble(Grids& grids, diag::Diagnostics& diags);

// Which template table a physical table's content names, and how many of its rows name it.
struct TableClass {
  int table = -1;      // -1 when the content names no template table
  int named_rows = 0;  // rows naming something of it (counted up to 3)
};

// Where the content names two tables equally, the one that belongs in `section` wins.
TableClass classify_table(const Grid& grid, int section);

}  // namespace xxgk::passes
