// Pass (part of reassembling tables): a row label standing on a line of its own above a row of
// bare values, as PDF-to-markdown converters and OCR lay out a label too long for its cell —
// `| 一、本年新收政府信息公开申请数量 |` then `|  | 1287 | 1308 | … |` (or `| 1287 | 1308 | … |`) —
// is read as one row with them.
#pragma once

#include <cstddef>

#include "diag/diagnostics.hpp"
#include "passes/grid.hpp"

namespace xxgk::passes {

// In `grid`, a table of template table `t`: join each row whose only text is the label of a
// row of the table (in any version) with the next row when that one has values and no label.
// The joined row is the label's cells, then the value row's cells after them (its blank cells
// under the label are dropped; values that start in the label's columns follow the label).
// One `label-above-values` note per row joined.
void join_lone_labels(Grid& grid, std::size_t t, diag::Diagnostics& diags);

}  // namespace xxgk::passes
