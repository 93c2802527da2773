#include "passes/reassemble.hpp"

#include <algorithm>

#include "passes/lone_labels.hpp"
#include "template/template.hpp"

namespace xxgk::passes {

namespace {

std::size_t table_count() { return tmpl::versions().front()->tables.size(); }

// Can any version of template table `t` name this row? Not unless a cell or the label holds
// one of the fragments of its labels (most rows of the other tables hold none).
bool may_name(const GridRow& row, std::size_t t) {
  static const std::vector<tmpl::Hits> fragments = [] {
    std::vector<tmpl::Hits> out(table_count());
    for (const auto* v : tmpl::versions())
      for (std::size_t i = 0; i < out.size(); ++i) out[i] |= v->tables[i].naming_fragments;
    return out;
  }();
  const auto& f = fragments[t];
  if ((row.label_hits & f).any()) return true;
  return std::any_of(row.cells.begin(), row.cells.end(), [&](const GridCell& c) { return (c.hits & f).any(); });
}

// Does any version of template table `t` name this row?
bool names(const GridRow& row, std::size_t t) {
  if (!may_name(row, t)) return false;
  for (const auto* v : tmpl::versions())
    if (classify_row(row, v->tables[t]).named()) return true;
  return false;
}

bool complete_label(std::string_view text, std::size_t t) {
  for (const auto* v : tmpl::versions())
    if (is_complete_label(text, v->tables[t])) return true;
  return false;
}

// The same for a cell, from the fragments the grid found in it.
bool complete_label(const GridCell& cell, std::size_t t) {
  for (const auto* v : tmpl::versions())
    if (is_complete_label(cell.hits, cell.text, v->tables[t])) return true;
  return false;
}

bool starts_with_numbering(std::string_view text) { return tmpl::strip_numbering(text) != text; }

// Does any version of template table `t` have a row or subtotal row labelled `text`?
bool row_label(std::string_view text, std::size_t t) {
  const auto hits = tmpl::matcher().scan(text);
  for (const auto* v : tmpl::versions())
    if (tmpl::find_label(hits, text, v->tables[t].rows) >= 0 || tmpl::find_label(hits, text, v->tables[t].subtotals) >= 0)
      return true;
  return false;
}

// Is the row a header row in any version of template table `t`?
bool header_row(const GridRow& row, std::size_t t) {
  if (!may_name(row, t)) return false;
  for (const auto* v : tmpl::versions())
    if (classify_row(row, v->tables[t]).kind == RowInfo::Kind::header) return true;
  return false;
}

// Join a label broken by the break between two fragments: the first row of the new fragment
// holds the rest of a label whose start is the nearest text above it in the same column.
void join_broken_labels(LogicalTable& lt, std::size_t previous_start, std::size_t fragment_start,
                        std::deque<std::string>& texts, diag::Diagnostics& diags) {
  const auto t = static_cast<std::size_t>(lt.table);
  std::size_t first = fragment_start;
  while (first < lt.rows.size() && lt.rows[first]->label_end < 0) ++first;
  if (first >= lt.rows.size() || first == 0) return;
  auto& row = *lt.rows[first];
  const int end = row.label_end;
  bool joined = false;
  for (int i = 0; i <= end; ++i) {
    auto& cont = row.cells[i];
    if (cont.text.empty() || starts_with_numbering(cont.text) || complete_label(cont.text, t)) continue;
    for (std::size_t r = fragment_start; r-- > previous_start;) {  // only the fragment before the break
      auto& above = *lt.rows[r];
      if (static_cast<std::size_t>(i) >= above.cells.size() || above.cells[i].text.empty()) continue;
      auto& start = above.cells[i];
      if (std::string whole = std::string(start.text).append(cont.text);
          !complete_label(start.text, t) && complete_label(whole, t)) {
        diags.report(diag::Id::label_joined, cont.span(), start.text, cont.text);
        start.text = texts.emplace_back(std::move(whole));
        start.hits = tmpl::matcher().scan(start.text);
        cont.text = {};
        cont.value = {};
        cont.hits.reset();
        read_label(above, tmpl::matcher());
        joined = true;
      }
      break;
    }
  }
  if (joined) read_label(row, tmpl::matcher());
}

// Join labels broken by a line break inside their cell, as Word and spreadsheets copy a table:
// a row ends with the head of its label ("⇥（二）部分公开（区分处理的，只计这一情形，"), and the
// next line starts with the tail and goes on with the rest of the row ("不计其他情形）⇥⇥7⇥8…").
// The two lines are one row: the head's cells, the label joined, then the cells after the tail.
// The tail is the next line's first cell, or its only label cell after blank cells, standing at
// or left of the head's label cell ("⇥不计其他情形）⇥⇥7…", as some converters repeat the row's
// leading cells). As a PDF is copied, the row may instead go on with its values and the tail
// stand alone on the next line ("⇥（二）部分公开（…只计这一情形，⇥⇥7⇥8…" then "⇥不计其他情形）"):
// the tail joins the head's label and its line is dropped (label-tail-joined).
// A tail is label text that names nothing of the table on its own and is not numbered; the
// joined label must be a row's (or a subtotal's) of the table, and the head no header row.
void join_line_breaks(Grid& grid, std::size_t t, std::deque<std::string>& texts, diag::Diagnostics& diags) {
  auto& rows = grid.rows;
  std::vector<bool> dropped(rows.size(), false);
  bool any = false;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    auto& head = rows[r - 1];
    auto& tail = rows[r];
    // The tail: one label cell, blank cells before it, no further left than the head's label.
    if (dropped[r - 1] || head.label_end < 0 || tail.label_end < 0 || tail.label_cells != 1 ||
        tail.label_end > head.label_end)
      continue;
    const auto k = static_cast<std::size_t>(tail.label_end);
    const auto& cont = tail.cells[k];
    const bool head_ends = head.cells.size() == static_cast<std::size_t>(head.label_end) + 1;  // Word: no cell after the label
    bool tail_alone = !head_ends;  // PDF: the head has its cells, the tail nothing after it
    for (std::size_t c = k + 1; tail_alone && c < tail.cells.size(); ++c) tail_alone = tail.cells[c].blank();
    if (!head_ends && !tail_alone) continue;
    auto& start = head.cells[static_cast<std::size_t>(head.label_end)];
    if (start.covered || cont.covered || starts_with_numbering(cont.text) || complete_label(cont, t)) continue;
    std::string whole = std::string(start.text).append(cont.text);
    if (!row_label(whole, t) || header_row(head, t)) continue;
    diags.report(head_ends ? diag::Id::label_line_joined : diag::Id::label_tail_joined, cont.span(), start.text, cont.text);
    start.text = texts.emplace_back(std::move(whole));
    start.hits = tmpl::matcher().scan(start.text);
    if (!head_ends) {
      read_label(head, tmpl::matcher());
      dropped[r] = any = true;
      continue;
    }
    std::vector<GridCell> cells = std::move(head.cells);
    cells.insert(cells.end(), std::make_move_iterator(tail.cells.begin() + static_cast<std::ptrdiff_t>(k) + 1),
                 std::make_move_iterator(tail.cells.end()));
    tail.cells = std::move(cells);
    tail.span.begin = head.span.begin;
    read_label(tail, tmpl::matcher());
    dropped[r - 1] = any = true;
  }
  if (!any) return;
  std::size_t kept = 0;
  for (std::size_t r = 0; r < rows.size(); ++r)
    if (!dropped[r]) {
      if (kept != r) rows[kept] = std::move(rows[r]);
      ++kept;
    }
  rows.erase(rows.begin() + static_cast<std::ptrdiff_t>(kept), rows.end());
}

}  // namespace

TableClass classify_table(const Grid& grid, int section) {
  const std::size_t tables = table_count();
  std::vector<int> score(tables, 0);
  for (const auto& row : grid.rows)
    for (std::size_t t = 0; t < tables; ++t)
      if (names(row, t) && ++score[t] >= 3) return {static_cast<int>(t), score[t]};  // confident enough: stop early
  // Weak evidence (a header cell both tables have, such as 总计): the section it stands in decides.
  const auto& any = tmpl::versions().front()->tables;
  std::vector<int> weighed(score);
  for (std::size_t t = 0; t < tables; ++t) weighed[t] += score[t] > 0 && any[t].section == section;
  std::size_t best = 0;
  for (std::size_t t = 1; t < tables; ++t)
    if (weighed[t] > weighed[best]) best = t;
  return score[best] > 0 ? TableClass{static_cast<int>(best), score[best]} : TableClass{};
}

std::vector<LogicalTable> reassemble(Grids& grids, diag::Diagnostics& diags) {
  const std::size_t tables = table_count();
  const auto& any = tmpl::versions().front()->tables;
  std::vector<LogicalTable> out(tables);
  for (std::size_t t = 0; t < tables; ++t) out[t].table = static_cast<int>(t);
  int previous = -1, previous_section = -1;
  for (auto& grid : grids.tables) {
    auto found = classify_table(grid, grid.section);
    int t = found.table;
    if (t < 0 && previous >= 0 && previous_section == grid.section) t = previous;
    if (t < 0) {
      diags.report(diag::Id::unrecognised_table, grid.table->span, grid.rows.size());
      continue;
    }
    join_line_breaks(grid, static_cast<std::size_t>(t), grids.texts, diags);
    join_lone_labels(grid, static_cast<std::size_t>(t), diags);
    auto& lt = out[static_cast<std::size_t>(t)];
    if (lt.rows.empty()) {
      lt.span = grid.table->span;
      lt.section = grid.section;
      if (grid.section != 0 && grid.section != any[t].section)
        diags.report(diag::Id::table_outside_section, grid.table->span, any[t].name, grid.section, any[t].section);
    }
    lt.named_rows += found.named_rows;
    lt.fragment_starts.push_back(lt.rows.size());
    if (lt.rows.empty()) lt.rows.reserve(grid.rows.size());  // later fragments grow the list geometrically
    for (auto& row : grid.rows) lt.rows.push_back(&row);
    if (auto n = lt.fragment_starts.size(); n > 1)
      join_broken_labels(lt, lt.fragment_starts[n - 2], lt.fragment_starts[n - 1], grids.texts, diags);
    previous = t;
    previous_section = grid.section;
  }
  return out;
}

}  // namespace xxgk::passes
