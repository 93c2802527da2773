// Pass: a table's column header -> where each template column is (the column map).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "passes/grid.hpp"
#include "template/template.hpp"

namespace xxgk::passes {

// Column key ("natural_person", or "review.upheld" where the table has column groups) by cell
// index, read from one block of header rows.
struct ColumnMap {
  std::vector<std::pair<int, std::string>> columns;
  int position(std::string_view key) const;  // -1 when the header has no such column
  bool empty() const { return columns.empty(); }
};

// A leaf belongs to the group its own text names ("行政复议其他结果": a group's name over its leaf,
// joined), else to the nearest group header above it at or left of its column; without group
// headers, the n-th leaf of a kind belongs to the n-th group. A header cell that names a column
// already found names the next one it can ("本年新 | 本年新": 制作, then 公开).
ColumnMap read_header(const std::vector<const GridRow*>& header_rows, const tmpl::TableSpec& spec);

}  // namespace xxgk::passes
