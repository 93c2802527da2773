#include "passes/grid.hpp"

#include <algorithm>

#include "passes/label_memo.hpp"
#include "passes/map_rows.hpp"
#include "text/normalise.hpp"

namespace xxgk::passes {

namespace {

void read_cell(GridCell& g, const doc::Cell& c, std::deque<std::string>& texts, const tmpl::Matcher& matcher) {
  g.source = &c;
  if (label_memo::wanted(c.text)) {
    const auto& e = label_memo::cell(c.text, matcher);
    g.text = e.changed ? std::string_view(e.text) : c.text;
    g.value = e.value;
    g.hits = e.hits;
    return;
  }
  g.text = text::normalise_into(c.text, texts);
  g.value = read_value(g.text);
  if (g.is_text()) g.hits = matcher.scan(g.text);
}

bool has_spans(const doc::Table& t) {
  for (const auto& r : t.rows)
    for (const auto& c : r.cells)
      if (c.colspan > 1 || c.rowspan > 1) return true;
  return false;
}

// Slots: each cell at the first slot free of spans from the rows above, covering colspan ×
// rowspan slots; a covered slot holds an empty cell that points at the spanning one.
void expand(const doc::Table& t, Grid& g, std::deque<std::string>& texts, const tmpl::Matcher& matcher) {
  constexpr std::size_t kMaxSlots = 512;  // wider than any report table; a hostile colspan is capped
  std::vector<std::pair<int, const doc::Cell*>> pending;  // per slot: rows it stays covered, by what
  for (const auto& row : t.rows) {
    auto& out = g.rows.emplace_back();
    out.span = row.span;
    out.header_aligned = t.header_aligned;
    out.label_slots = t.label_slots;
    out.glued = t.glued;
    std::size_t slot = 0;
    auto fill_covered = [&] {
      while (slot < pending.size() && pending[slot].first > 0) {
        if (out.cells.size() <= slot) out.cells.resize(slot + 1);
        out.cells[slot] = {pending[slot].second, {}, {}, {}, true};
        ++slot;
      }
    };
    for (const auto& c : row.cells) {
      fill_covered();
      if (slot >= kMaxSlots) break;
      const std::size_t width = std::min<std::size_t>(std::max<std::uint16_t>(c.colspan, 1), kMaxSlots - slot);
      if (out.cells.size() < slot + width) out.cells.resize(slot + width);
      read_cell(out.cells[slot], c, texts, matcher);
      for (std::size_t k = 1; k < width; ++k) out.cells[slot + k] = {&c, {}, {}, {}, true};
      if (pending.size() < slot + width) pending.resize(slot + width, {0, nullptr});
      for (std::size_t k = 0; k < width; ++k) pending[slot + k] = {std::max<int>(c.rowspan, 1), &c};
      slot += width;
    }
    fill_covered();
    for (auto& p : pending)
      if (p.first > 0) --p.first;
    read_label(out, matcher);
  }
}

}  // namespace

Grids build_grids(const doc::Document& doc, const std::vector<int>& section_of, const std::vector<bool>& skip,
                  const tmpl::Matcher& matcher) {
  label_memo::start_report();
  Grids out;
  out.tables.reserve(doc.tables.size());
  for (std::size_t i = 0; i < doc.tables.size(); ++i) {
    if (skip[i]) continue;
    const auto& t = doc.tables[i];
    auto& g = out.tables.emplace_back();
    g.table = &t;
    g.index = i;
    g.section = section_of[i];
    g.rows.reserve(t.rows.size());
    if (has_spans(t)) {
      expand(t, g, out.texts, matcher);
      continue;
    }
    for (const auto& row : t.rows) {  // one cell a slot: the text layouts
      auto& r = g.rows.emplace_back();
      r.span = row.span;
      r.header_aligned = t.header_aligned;
      r.label_slots = t.label_slots;
      r.glued = t.glued;
      r.cells.reserve(row.cells.size());
      r.cells.resize(row.cells.size());
      for (std::size_t i = 0; i < row.cells.size(); ++i) read_cell(r.cells[i], row.cells[i], out.texts, matcher);
      read_label(r, matcher);
    }
  }
  return out;
}

}  // namespace xxgk::passes
