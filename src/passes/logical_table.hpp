// A logical table: the template table a run of physical tables belongs to, with their rows in
// order (reassembled across page breaks, repeated headers and split tables), and the version
// of the template its rows and columns follow.
#pragma once

#include <vector>

#include "passes/map_rows.hpp"

namespace xxgk::passes {

struct LogicalTable {
  int table = -1;                         // the template table (its index, the same in every version)
  int section = 0;                        // section of its first fragment
  doc::Span span;                         // its first fragment
  std::vector<GridRow*> rows;             // rows of every fragment, in order (point into the Grids)
  std::vector<std::size_t> fragment_starts;  // index in `rows` where each fragment begins
  int named_rows = 0;  // rows naming a row, header or caption of the table (evidence of a report)
  // Chosen by passes/versions.hpp:
  const tmpl::TableSpec* spec = nullptr;  // the version's description of the table
  std::vector<RowInfo> infos;             // classify_row(*rows[i], *spec), one per row
  bool decided = false;                   // the rows and columns chose the version (not a tie)
};

}  // namespace xxgk::passes
