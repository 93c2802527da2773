#include "passes/map_rows.hpp"

#include <algorithm>

#include "passes/label_memo.hpp"

namespace xxgk::passes {

using tmpl::find_label;

bool label_like(const GridCell& c) {
  if (!c.is_text()) return false;
  // A label has Chinese in it, and digits at its start only as numbering ("1.属于…", not "38件").
  if (std::none_of(c.text.begin(), c.text.end(), [](char ch) { return static_cast<unsigned char>(ch) >= 0x80; }))
    return false;
  return !(c.text[0] >= '0' && c.text[0] <= '9') || tmpl::strip_numbering(c.text) != c.text;
}

int label_end(const GridRow& row) {
  // The label starts at the first label-like cell: stray values before it ("1⇥(二) 部分公开⇥0…")
  // fall in the label area, where align_row reports them as values outside the columns.
  const int n = static_cast<int>(row.cells.size());
  int first = 0;
  while (first < n && (row.cells[first].text.empty() || !label_like(row.cells[first]))) ++first;
  if (first == n) return -1;
  int last = first;
  for (int i = first + 1; i < n; ++i) {
    const auto& c = row.cells[i];
    if (c.text.empty()) continue;
    if (!label_like(c)) break;  // the first value after the label
    last = i;
  }
  return last;
}

bool is_header_text(const tmpl::Hits& hits, std::string_view text, const tmpl::TableSpec& spec) {
  if (text.empty() || (hits & spec.header_fragments).none()) return false;
  return find_label(hits, text, spec.columns) >= 0 || find_label(hits, text, spec.column_groups) >= 0 ||
         find_label(hits, text, spec.header_words) >= 0;
}

namespace {

// A header cell a converter or OCR made up, naming no column: 类别, 项目, 数据, 数据1 … 数据6. Only
// read in rows without values, beside a cell that names a column (类别 | 数据1 … 数据6 | 总计),
// so that the matcher, which scans every cell, does not look for them.
bool generic_header_word(std::string_view text) {
  constexpr std::string_view kData = "数据";
  if (text == "类别" || text == "项目") return true;
  return text.substr(0, kData.size()) == kData &&
         std::all_of(text.begin() + static_cast<std::ptrdiff_t>(kData.size()), text.end(),
                     [](char ch) { return ch >= '0' && ch <= '9'; });
}

}  // namespace

bool is_complete_label(std::string_view text, const tmpl::TableSpec& spec) {
  return is_complete_label(spec.matcher->scan(text), text, spec);
}

bool is_complete_label(const tmpl::Hits& hits, std::string_view text, const tmpl::TableSpec& spec) {
  if (hits.none()) return false;
  return find_label(hits, text, spec.rows) >= 0 || find_label(hits, text, spec.subtotals) >= 0 ||
         find_label(hits, text, spec.captions) >= 0 || is_header_text(hits, text, spec);
}

void read_label(GridRow& row, const tmpl::Matcher& matcher) {
  row.label_end = label_end(row);
  row.label_cells = 0;
  row.joined_label.clear();
  row.label_hits.reset();
  // The label's fragments: the last cell's, or (when the label spans cells) the joined text's.
  const GridCell* last = nullptr;
  for (int i = 0; i <= row.label_end; ++i) {
    const auto& c = row.cells[i];
    if (c.text.empty()) continue;
    if (row.label_cells == 1) row.joined_label = last->text;
    if (row.label_cells >= 1) row.joined_label += c.text;
    last = &c;
    ++row.label_cells;
  }
  if (row.label_cells == 1) row.label_hits = last->hits;
  if (row.label_cells > 1) row.label_hits = label_memo::fragments(row.joined_label, matcher);
}

RowInfo classify_row(const GridRow& row, const tmpl::TableSpec& spec) {
  RowInfo info;
  info.label_end = row.label_end;
  bool any_text = false;
  for (std::size_t i = 0; i < row.cells.size() && !info.has_values; ++i) {
    if (row.cells[i].text.empty()) continue;
    any_text = true;
    info.has_values = static_cast<int>(i) > info.label_end;
  }
  if (!any_text) return info;  // blank
  int header_cells = 0;  // only a row without values can be a header
  if (!info.has_values)
    for (const auto& c : row.cells)
      if (!c.text.empty() && c.is_text() && is_header_text(c.hits, c.text, spec)) ++header_cells;

  // The most specific label is the last label cell; the whole label is all of them joined.
  const GridCell* last = row.label_end >= 0 ? &row.cells[row.label_end] : nullptr;
  info.label = row.label_cells > 1 ? std::string_view(row.joined_label) : last ? std::string_view(last->text) : std::string_view();
  int row_index = -1;
  if (last && (row.label_hits & spec.row_fragments).any()) {  // the label's hits include the last cell's
    row_index = find_label(last->hits, last->text, spec.rows);
    if (row_index < 0 && row.label_cells > 1) row_index = find_label(row.label_hits, info.label, spec.rows);
  }

  // A cell naming a column (总计) may be a row's label too ((七)总计): with another header cell
  // beside it, or made-up ones (类别 | 数据1 … 数据6 | 总计), the row is a header.
  auto made_up_beside = [&] {
    return header_cells == 1 && std::any_of(row.cells.begin(), row.cells.end(), [](const GridCell& c) {
             return c.is_text() && generic_header_word(c.text);
           });
  };
  if (!info.has_values && header_cells > 0 && (header_cells >= 2 || row_index < 0 || made_up_beside())) {
    info.kind = RowInfo::Kind::header;
    return info;
  }
  if (row_index >= 0) {
    info.kind = RowInfo::Kind::data;
    info.index = row_index;
    return info;
  }
  if (info.label_end < 0 && info.has_values && !spec.unlabeled_row.empty()) {
    info.kind = RowInfo::Kind::data;
    for (std::size_t i = 0; i < spec.rows.size(); ++i)
      if (spec.rows[i].key == spec.unlabeled_row) info.index = static_cast<int>(i);
    return info;
  }
  if (int s = last ? find_label(last->hits, last->text, spec.subtotals) : -1; s >= 0) {
    // A 小计 cell names no group; the label's other cells may (（三）不予公开 | 小计), wherever the
    // row stands: above its group's rows or below them.
    if (spec.subtotals[static_cast<std::size_t>(s)].key.empty() && row.label_cells > 1)
      if (int named = find_label(row.label_hits, info.label, spec.subtotals); named >= 0) s = named;
    info.kind = info.has_values ? RowInfo::Kind::subtotal : RowInfo::Kind::caption;
    info.index = s;
    return info;
  }
  if (!info.has_values && find_label(row.label_hits, info.label, spec.captions) >= 0) {
    info.kind = RowInfo::Kind::caption;
    return info;
  }
  info.kind = RowInfo::Kind::unknown;
  return info;
}

}  // namespace xxgk::passes
