#include "passes/lone_labels.hpp"

#include <algorithm>
#include <iterator>
#include <vector>

#include "passes/align.hpp"
#include "passes/map_rows.hpp"
#include "template/template.hpp"

namespace xxgk::passes {

namespace {

bool any_covered(const GridRow& row) {
  return std::any_of(row.cells.begin(), row.cells.end(), [](const GridCell& c) { return c.covered; });
}

// Only label text: nothing after its label cells.
bool label_only(const GridRow& row) {
  if (row.label_end < 0) return false;
  for (std::size_t c = static_cast<std::size_t>(row.label_end) + 1; c < row.cells.size(); ++c)
    if (!row.cells[c].blank()) return false;
  return true;
}

// The first cell holding a number, in a row without a label; -1 when there is none.
int first_number(const GridRow& row) {
  if (row.label_end >= 0) return -1;
  for (std::size_t c = 0; c < row.cells.size(); ++c)
    if (row.cells[c].value.kind == CellValue::Kind::number) return static_cast<int>(c);
  return -1;
}

// Does any version of template table `t` read the row as one of its data rows? (A label with no
// fragment of the table's rows, such as 表四's header, is none: not classified.)
bool names_data_row(const GridRow& row, std::size_t t) {
  for (const auto* v : tmpl::versions())
    if (const auto& spec = v->tables[t];
        (row.label_hits & spec.row_fragments).any() && classify_row(row, spec).kind == RowInfo::Kind::data)
      return true;
  return false;
}

}  // namespace

void join_lone_labels(Grid& grid, std::size_t t, diag::Diagnostics& diags) {
  auto& rows = grid.rows;
  std::vector<bool> joined;  // allocated at the first join: most tables have none
  for (std::size_t r = 1; r < rows.size(); ++r) {
    auto& label = rows[r - 1];
    auto& values = rows[r];
    // The cheap tests first: a row with values and no label under a row with a label only.
    const int first = first_number(values);
    if (first < 0 || !label_only(label)) continue;
    // The value row's cells from the label's columns on keep their places; cells that start in
    // the label's columns follow the label.
    int from = label.label_end + 1;
    for (int c = 0; c < label.label_end + 1; ++c)
      if (!values.cells[static_cast<std::size_t>(c)].blank()) {
        from = c;
        break;
      }
    if (any_covered(label) || any_covered(values) || !names_data_row(label, t)) continue;
    const auto end = static_cast<std::size_t>(label.label_end);
    diags.report(diag::Id::label_above_values, row_anchor(label, label.label_end),
                 label.label_cells > 1 ? std::string_view(label.joined_label) : label.cells[end].text);
    std::vector<GridCell> cells(std::make_move_iterator(label.cells.begin()),
                                std::make_move_iterator(label.cells.begin() + static_cast<std::ptrdiff_t>(end) + 1));
    cells.insert(cells.end(), std::make_move_iterator(values.cells.begin() + from),
                 std::make_move_iterator(values.cells.end()));
    values.cells = std::move(cells);
    values.span.begin = label.span.begin;
    read_label(values, tmpl::matcher());
    if (joined.empty()) joined.assign(rows.size(), false);
    joined[r - 1] = true;
  }
  if (joined.empty()) return;
  std::size_t kept = 0;
  for (std::size_t r = 0; r < rows.size(); ++r)
    if (!joined[r]) {
      if (kept != r) rows[kept] = std::move(rows[r]);
      ++kept;
    }
  rows.erase(rows.begin() + static_cast<std::ptrdiff_t>(kept), rows.end());
}

}  // namespace xxgk::passes
