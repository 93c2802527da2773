#include "passes/header.hpp"

#include <algorithm>

namespace xxgk::passes {

int ColumnMap::position(std::string_view key) const {
  for (const auto& [pos, k] : columns)
    if (k == key) return pos;
  return -1;
}

namespace {

struct HeaderCell {
  int col, row, index;
  const GridCell* cell;
  int group = -1;  // a leaf whose own text names its group too ("行政复议其他结果")
};

}  // namespace

ColumnMap read_header(const std::vector<const GridRow*>& rows, const tmpl::TableSpec& spec) {
  std::vector<HeaderCell> groups, leaves;
  std::size_t cells = 0;
  for (const auto* row : rows) cells += row->cells.size();
  const std::size_t room = std::min<std::size_t>(cells, 32);  // a header has a few dozen cells; a hostile one grows as needed
  leaves.reserve(room);
  if (!spec.column_groups.empty()) groups.reserve(room);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const auto& cells = rows[r]->cells;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      const auto& t = cells[c].text;
      if (t.empty() || cells[c].hits.none()) continue;
      const int g = tmpl::find_label(cells[c].hits, t, spec.column_groups);
      const int l = tmpl::find_label(cells[c].hits, t, spec.columns);
      if (l >= 0) leaves.push_back({int(c), int(r), l, &cells[c], g});
      else if (g >= 0) groups.push_back({int(c), int(r), g, &cells[c]});
    }
  }
  ColumnMap map;
  map.columns.reserve(leaves.size());
  std::vector<int> seen(spec.column_groups.empty() ? 0 : spec.columns.size(), 0);
  for (const auto& leaf : leaves) {
    std::string prefix;
    if (!spec.column_groups.empty()) {
      const HeaderCell* best = nullptr;
      for (const auto& g : groups)
        if (g.row < leaf.row && g.col <= leaf.col && (!best || g.col > best->col || (g.col == best->col && g.row > best->row)))
          best = &g;
      int gi = leaf.group >= 0 ? leaf.group : best ? best->index : seen[leaf.index];
      ++seen[leaf.index];
      if (gi >= static_cast<int>(spec.column_groups.size())) continue;
      prefix = std::string(spec.column_groups[gi].key) + ".";
    }
    for (int l = leaf.index; l >= 0; l = tmpl::find_label(leaf.cell->hits, leaf.cell->text, spec.columns, l + 1)) {
      std::string key = prefix + std::string(spec.columns[l].key);
      if (map.position(key) >= 0) continue;
      map.columns.emplace_back(leaf.col, std::move(key));
      break;
    }
  }
  return map;
}

}  // namespace xxgk::passes
