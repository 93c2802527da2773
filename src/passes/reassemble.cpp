#include "passes/reassemble.hpp"

#include <algorithm>

#include "passes/map_rows.hpp"

namespace xxgk::passes {

TableClass classify_table(const ast::Table& table, const tmpl::TemplateSpec& spec, int section) {
  const std::size_t tables = spec.tables.size();
  std::vector<int> score(tables, 0);
  // Row by row, table by table, for the first rows only: the decision mostly comes within a few
  // rows, and a table naming nothing (read to its end) must not hold three infos per row.
  constexpr std::size_t kKeptRows = 32;
  std::vector<RowInfo> classified;
  classified.reserve(std::min(table.rows.size(), kKeptRows) * tables);
  auto chosen = [&](std::size_t t, int named) {
    TableClass c{&spec.tables[t], named, {}};
    for (std::size_t i = t; i < classified.size(); i += tables) c.infos.push_back(classified[i]);
    return c;
  };
  for (const auto& row : table.rows) {
    for (std::size_t t = 0; t < tables; ++t) {
      auto info = classify_row(row, spec.tables[t]);
      bool named = info.kind == RowInfo::Kind::header || info.kind == RowInfo::Kind::caption ||
                   info.kind == RowInfo::Kind::subtotal ||
                   (info.kind == RowInfo::Kind::data && info.label_end >= 0);
      if (classified.size() < kKeptRows * tables) classified.push_back(info);
      if (named && ++score[t] >= 3) return chosen(t, score[t]);  // confident enough: stop early
    }
  }
  // Weak evidence (a header cell both tables have, such as 总计): the section it stands in decides.
  auto in_section = [&](std::size_t t) { return score[t] > 0 && spec.tables[t].section == section; };
  std::vector<int> weighed(score);
  for (std::size_t t = 0; t < tables; ++t) weighed[t] += in_section(t);
  std::size_t best = 0;
  for (std::size_t t = 1; t < tables; ++t)
    if (weighed[t] > weighed[best]) best = t;
  return score[best] > 0 ? chosen(best, score[best]) : TableClass{};
}

namespace {

bool starts_with_numbering(std::string_view text) { return tmpl::strip_numbering(text) != text; }

// Join a label broken by the break between two fragments: the first row of the new fragment
// holds the rest of a label whose start is the nearest text above it in the same column.
void join_broken_labels(LogicalTable& lt, std::size_t previous_start, std::size_t fragment_start,
                        std::deque<std::string>& cell_texts, diag::Diagnostics& diags) {
  std::size_t first = fragment_start;
  while (first < lt.rows.size() && lt.rows[first]->label_end < 0) ++first;
  if (first >= lt.rows.size() || first == 0) return;
  auto& row = *lt.rows[first];
  const int end = row.label_end;
  bool joined = false;
  for (int i = 0; i <= end; ++i) {
    auto& cont = row.cells[i];
    if (cont.text.empty() || starts_with_numbering(cont.text) || is_complete_label(cont.text, *lt.spec)) continue;
    for (std::size_t r = fragment_start; r-- > previous_start;) {  // only the fragment before the break
      auto& above = *lt.rows[r];
      if (static_cast<std::size_t>(i) >= above.cells.size() || above.cells[i].text.empty()) continue;
      auto& start = above.cells[i];
      if (std::string whole = std::string(start.text).append(cont.text);
          !is_complete_label(start.text, *lt.spec) && is_complete_label(whole, *lt.spec)) {
        diags.report(diag::Id::label_joined, cont.span, start.text, cont.text);
        start.text = cell_texts.emplace_back(std::move(whole));
        start.hits = lt.spec->matcher->scan(start.text);
        cont.text = {};
        cont.kind = ast::Cell::Kind::blank;
        cont.hits.reset();
        read_label(above, *lt.spec->matcher);
        lt.infos[r] = classify_row(above, *lt.spec);
        joined = true;
      }
      break;
    }
  }
  if (joined) {
    read_label(row, *lt.spec->matcher);
    lt.infos[first] = classify_row(row, *lt.spec);
  }
}

}  // namespace

std::vector<LogicalTable> reassemble(ast::Document& doc, const tmpl::TemplateSpec& spec, diag::Diagnostics& diags) {
  std::vector<LogicalTable> out(spec.tables.size());
  for (std::size_t t = 0; t < spec.tables.size(); ++t) out[t].spec = &spec.tables[t];
  const tmpl::TableSpec* previous = nullptr;
  int previous_section = -1;
  for (auto& section : doc.sections) {
    for (auto& table : section.tables) {
      auto found = classify_table(table, spec, section.number);
      const auto* ts = found.spec;
      if (!ts && previous && previous_section == section.number) ts = previous;
      if (!ts) {
        diags.report(diag::Id::unrecognised_table, table.span, table.rows.size());
        continue;
      }
      auto& lt = out[static_cast<int>(ts->id)];
      if (lt.rows.empty()) {
        lt.span = table.span;
        lt.section = section.number;
        if (section.number != 0 && section.number != ts->section)
          diags.report(diag::Id::table_outside_section, table.span, ts->name, section.number, ts->section);
      }
      lt.named_rows += found.named_rows;
      lt.fragment_starts.push_back(lt.rows.size());
      if (lt.rows.empty()) {  // later fragments grow the lists geometrically
        lt.rows.reserve(table.rows.size());
        lt.infos.reserve(table.rows.size());
      }
      for (std::size_t i = 0; i < table.rows.size(); ++i) {
        lt.rows.push_back(&table.rows[i]);
        lt.infos.push_back(i < found.infos.size() ? found.infos[i] : classify_row(table.rows[i], *ts));
      }
      if (auto n = lt.fragment_starts.size(); n > 1)
        join_broken_labels(lt, lt.fragment_starts[n - 2], lt.fragment_starts[n - 1], doc.cell_texts, diags);
      previous = ts;
      previous_section = section.number;
    }
  }
  return out;
}

}  // namespace xxgk::passes
