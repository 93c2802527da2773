#include "passes/align.hpp"

#include <algorithm>
#include <bitset>
#include <cstdlib>

#include "passes/map_rows.hpp"
#include "passes/values.hpp"
#include "template/template.hpp"
#include "xxgk/xxgk.hpp"

namespace xxgk::passes {

doc::Span row_anchor(const GridRow& row, int label_end) {
  for (int i = label_end; i >= 0; --i)
    if (!row.cells[i].text.empty()) return row.cells[i].span();
  return row.span;
}

namespace {

std::int64_t as_int(const Value& v) { return v && v->scale == 0 ? v->units : 0; }

bool unknown(const Placed& p) { return p.state == Placed::State::lost || p.state == Placed::State::missing; }

// What the column at cell `position` (-1: the header has no such column) reads when the row is
// shifted by `shift` cells.
Placed place(const GridRow& row, int label_end, int position, int shift) {
  Placed pl;
  if (position < 0) return pl;  // absent
  const int c = position + shift;
  if (c <= label_end) {
    pl.state = Placed::State::lost;
    if (c >= 0) pl.cell = &row.cells[c];
  } else if (c >= static_cast<int>(row.cells.size())) {
    pl.state = Placed::State::missing;
  } else {
    pl.cell = &row.cells[c];
    switch (pl.cell->value.kind) {
      case CellValue::Kind::number:
        pl.state = Placed::State::value;
        pl.value = pl.cell->value.value;
        break;
      case CellValue::Kind::invalid: pl.state = Placed::State::invalid; break;
      default: pl.state = Placed::State::blank;
    }
  }
  return pl;
}

// One shift's reading of the row, judged without building it.
struct Candidate {
  int shift = 0;
  double cost = 0;
  bool identities_hold = true;
  bool clean = true;  // no value outside the columns, no column lost or missing
};

// The non-empty cells after the label that no column reads at `shift`, passed to `visit`.
template <typename Visit>
void for_each_extra(const GridRow& row, int label_end, const std::vector<int>& positions, int shift, Visit visit) {
  const int n = static_cast<int>(row.cells.size());
  std::vector<bool> used_large;  // only for rows wider than the bitset
  std::bitset<256> used_small;
  if (n > 256) used_large.assign(row.cells.size(), false);
  for (int p : positions)
    if (int c = p + shift; p >= 0 && c > label_end && c < n) {
      if (n > 256) used_large[c] = true;
      else used_small.set(static_cast<std::size_t>(c));
    }
  for (int c = label_end + 1; c < n; ++c)
    if (!(n > 256 ? used_large[c] : used_small.test(static_cast<std::size_t>(c))) && !row.cells[c].text.empty())
      visit(row.cells[c]);
}

Candidate evaluate(const GridRow& row, int label_end, const std::vector<int>& positions,
                   const std::vector<RowIdentity>& ids, int shift) {
  Candidate a;
  a.shift = shift;
  int lost = 0, missing = 0, extra = 0;
  for (int p : positions) {
    auto state = place(row, label_end, p, shift).state;
    lost += state == Placed::State::lost;
    missing += state == Placed::State::missing;
  }
  for_each_extra(row, label_end, positions, shift, [&](const GridCell&) { ++extra; });
  a.clean = extra == 0 && lost == 0 && missing == 0;
  // A lost cell (taken by the label) is evidence of a value gone; a missing one (past the row's end) is
  // mostly trailing blanks trimmed, so it weighs less than a shift.
  double cost = 10.0 * extra + lost + 0.25 * missing + 0.5 * std::abs(shift);
  for (const auto& id : ids) {
    const auto total = place(row, label_end, positions[id.total], shift);
    std::int64_t sum = 0;
    bool any_part = false, part_unknown = false;
    for (int i : id.parts) {
      const auto part = place(row, label_end, positions[i], shift);
      sum += as_int(part.value);
      any_part = any_part || part.value.has_value();
      part_unknown = part_unknown || unknown(part);
    }
    if (as_int(total.value) != sum && !unknown(total) && !part_unknown) {
      a.identities_hold = false;
      cost += 3;
    }
    if (!total.value && any_part) cost += 0.75;  // a row with values and no total
  }
  a.cost = cost;
  return a;
}

bool same_values(const GridRow& row, int label_end, const std::vector<int>& positions, int shift_a, int shift_b) {
  for (int p : positions)
    if (place(row, label_end, p, shift_a).value != place(row, label_end, p, shift_b).value) return false;
  return true;
}

std::string_view raw(const GridCell& c) { return c.source ? c.source->text : std::string_view{}; }

// The value as its column wants it: a count has no sign and no fraction, only a signed count
// has a sign; a unit written in the cell is one the column can have, and money is converted
// into the column's unit.
void read_as_column(Placed& p, const tmpl::ColumnSpec& col, std::string_view key, std::string_view row_name,
                    diag::Diagnostics& diags) {
  if (p.state != Placed::State::value || !p.value) return;
  const auto& v = p.cell->value;
  const auto at = p.cell->span();
  if (v.sign && col.kind != ValueKind::signed_count) {
    diags.report(diag::Id::negative_count, at, raw(*p.cell), row_name, key);
    p.value.reset();
    return;
  }
  if (!v.unit.empty()) {
    const bool money = is_money_unit(v.unit);
    if (money != (col.kind == ValueKind::amount) || (!money && !is_count_unit(v.unit))) {
      diags.report(diag::Id::invalid_value, at, raw(*p.cell), row_name, key);
      p.value.reset();
      return;
    }
    if (money && !col.unit.empty() && v.unit != col.unit) {
      p.value = convert_money(*p.value, v.unit, col.unit);
      if (p.value) diags.report(diag::Id::unit_converted, at, raw(*p.cell), row_name, key, format_decimal(*p.value), col.unit, v.unit);
    } else {
      diags.report(diag::Id::unit_in_cell, at, raw(*p.cell), row_name, key, format_decimal(*p.value), v.unit);
    }
  }
  if (p.value && p.value->scale != 0 && col.kind != ValueKind::amount) {
    diags.report(diag::Id::fraction_count, at, raw(*p.cell), row_name, key);
    p.value.reset();
  }
}

}  // namespace

Alignment align_row(const GridRow& row, int label_end, const Columns& columns, std::string_view row_name,
                    diag::Diagnostics& diags) {
  const auto& positions = columns.positions;
  const auto& ids = columns.ids;
  const doc::Span anchor = row_anchor(row, label_end);
  auto at = [&](const Placed& p) { return p.cell ? p.cell->span() : anchor; };
  // Shift 0 first. A shift that puts a column on the label or past the row's end is never clean
  // and costs at least its floor; when shift 0 costs no more, it cannot win and is not judged.
  int first = -1, last = -1;
  for (int p : positions)
    if (p >= 0) first = first < 0 ? p : std::min(first, p), last = std::max(last, p);
  const int cells = static_cast<int>(row.cells.size());
  Candidate candidates[3] = {evaluate(row, label_end, positions, ids, 0)};
  int judged = 1;
  for (int shift : {-1, 1}) {
    const bool takes_label = first >= 0 && first + shift <= label_end, runs_past = last >= 0 && last + shift >= cells;
    const double floor = 0.5 + (takes_label ? 1.0 : 0.0) + (runs_past ? 0.25 : 0.0);
    if ((takes_label || runs_past) && candidates[0].cost <= floor) continue;
    candidates[judged++] = evaluate(row, label_end, positions, ids, shift);
  }
  const Candidate* best = &candidates[0];
  for (int i = 1; i < judged; ++i)
    if (candidates[i].cost < best->cost) best = &candidates[i];
  Alignment a;
  a.shift = best->shift;
  a.cost = best->cost;
  a.identities_hold = best->identities_hold;
  a.placed.reserve(positions.size());
  for (int p : positions) a.placed.push_back(place(row, label_end, p, a.shift));
  for_each_extra(row, label_end, positions, a.shift, [&](const GridCell& c) { a.extra.push_back(&c); });

  if (a.shift != 0)
    diags.report(diag::Id::row_shifted, anchor, row_name, a.shift > 0 ? "right" : "left");
  for (int i = 0; i < judged; ++i)
    if (const auto& c = candidates[i]; &c != best && c.clean && !c.identities_hold && a.identities_hold &&
        !same_values(row, label_end, positions, c.shift, a.shift)) {
      diags.report(diag::Id::ambiguous_alignment, anchor, row_name, ids.size() > 1 ? "the group totals" : "the row total");
      break;
    }

  // A lost or missing cell: infer it from the total when it is the only unknown of its group.
  for (const auto& id : ids) {
    int unknowns = 0, u = -1;
    auto count = [&](int i) {
      if (unknown(a.placed[i])) ++unknowns, u = i;
    };
    for (int i : id.parts) count(i);
    count(id.total);
    if (unknowns != 1) continue;
    std::int64_t sum = 0;
    for (int i : id.parts)
      if (i != u) sum += as_int(a.placed[i].value);
    if (u == id.total) {
      bool all_parts = true;
      for (int i : id.parts) all_parts = all_parts && a.placed[i].value.has_value();
      if (!all_parts) continue;
      a.placed[u].value = Decimal{sum, 0};
    } else {
      const auto& total = a.placed[id.total].value;
      if (!total || total->scale != 0 || total->units < sum) continue;
      a.placed[u].value = Decimal{total->units - sum, 0};
    }
    if (diags.list().size() < diag::Diagnostics::kMaxDiagnostics) a.placed[u].diag = static_cast<int>(diags.list().size());
    diags.report(diag::Id::inferred_value, at(a.placed[u]), row_name, columns.keys[u], a.placed[u].value->units);
  }
  for (std::size_t i = 0; i < a.placed.size(); ++i) {
    auto& p = a.placed[i];
    if ((p.state == Placed::State::lost || p.state == Placed::State::missing) && !p.value) {
      if (diags.list().size() < diag::Diagnostics::kMaxDiagnostics) p.diag = static_cast<int>(diags.list().size());
      diags.report(diag::Id::lost_value, at(p), row_name, columns.keys[i],
                   p.state == Placed::State::lost ? "the label takes its place" : "the row ends before it");
    }
    if (p.state == Placed::State::invalid)
      diags.report(diag::Id::invalid_value, p.cell->span(), raw(*p.cell), row_name, columns.keys[i]);
    read_as_column(p, *columns.specs[i], columns.keys[i], row_name, diags);
  }
  for (int c = 0; c <= label_end; ++c)  // stray values before the label
    if (const auto& cell = row.cells[c]; !cell.text.empty() && !label_like(cell))
      diags.report(diag::Id::extra_value, cell.span(), raw(cell), row_name);
  for (const auto* cell : a.extra) diags.report(diag::Id::extra_value, cell->span(), raw(*cell), row_name);
  return a;
}

}  // namespace xxgk::passes
