#include "passes/record_writer.hpp"

namespace xxgk::passes {

TableFacts write_table(const ReadTable& table, TableRecord& out, diag::Diagnostics& diags) {
  const auto& spec = *table.spec;
  TableFacts facts;
  facts.spec = &spec;
  facts.span = table.span;
  facts.row_spans.assign(spec.rows.size(), kNowhere);
  facts.value_spans.assign(spec.record->size, kNowhere);
  out.version = std::string(spec.version);
  out.values.assign(spec.record->size, std::nullopt);

  for (const auto& row : table.rows) {
    const auto& keys = row.columns->keys;
    if (row.kind == ReadRow::Kind::subtotal) {
      TableFacts::Subtotal s{row.group, {}, row.span};
      for (std::size_t i = 0; i < keys.size(); ++i) s.values.emplace_back(tmpl::leaf_of(keys[i]), row.values[i].value);
      facts.subtotals.push_back(std::move(s));
      continue;
    }
    facts.row_spans[row.row] = row.span;
    const auto& slots = spec.slots[static_cast<std::size_t>(row.row)];
    for (std::size_t i = 0; i < keys.size(); ++i) {
      const auto& placed = row.values[i];
      const int slot = i < slots.size() ? slots[i] : -1;
      facts.has_lost = facts.has_lost || placed.state == Placed::State::lost || placed.state == Placed::State::missing ||
                       placed.state == Placed::State::glued;
      if (slot < 0) {
        facts.unstored.push_back({row.row, tmpl::leaf_of(keys[i]), placed.value,
                                  placed.cell ? placed.cell->span() : row.span});
        continue;
      }
      out.values[slot] = placed.value;
      if (placed.cell) facts.value_spans[slot] = placed.cell->span();
      else if (placed.value) facts.value_spans[slot] = row.span;  // inferred, with no cell of its own
    }
  }
  for (std::size_t i = 0; i < spec.rows.size(); ++i) {
    const auto& rs = spec.rows[i];
    if (facts.row_spans[i].begin == kNowhere.begin && (!rs.patterns.empty() || rs.key == spec.unlabeled_row))
      diags.report(diag::Id::missing_row, table.span, rs.key,
                   rs.patterns.empty() ? std::string_view("the row of values") : rs.patterns.front().all_of.front(), spec.name);
  }
  return facts;
}

}  // namespace xxgk::passes
