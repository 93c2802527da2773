#include "passes/map_rows.hpp"

#include "passes/values.hpp"

namespace xxgk::passes {

namespace {

template <typename Specs>
int find_label(std::string_view text, const Specs& specs) {
  for (std::size_t i = 0; i < specs.size(); ++i)
    if (tmpl::matches_any(text, specs[i].patterns)) return static_cast<int>(i);
  return -1;
}

}  // namespace

bool label_like(const ast::Cell& c) {
  if (c.kind != ast::Cell::Kind::text) return false;
  // A label has Chinese in it, and digits at its start only as numbering ("1.属于…", not "38件").
  bool non_ascii = false;
  for (char ch : c.text) non_ascii = non_ascii || static_cast<unsigned char>(ch) >= 0x80;
  if (!non_ascii) return false;
  return !(c.text[0] >= '0' && c.text[0] <= '9') || tmpl::strip_numbering(c.text) != c.text;
}

int label_end(const ast::Row& row) {
  int last = -1;
  for (std::size_t i = 0; i < row.cells.size(); ++i) {
    const auto& c = row.cells[i];
    if (c.text.empty()) continue;
    if (!label_like(c)) break;  // a value, or a value cell holding something else
    last = static_cast<int>(i);
  }
  return last;
}

bool is_header_text(std::string_view text, const tmpl::TableSpec& spec) {
  if (text.empty()) return false;
  for (const auto& c : spec.columns)
    if (tmpl::matches_any(text, c.patterns)) return true;
  return find_label(text, spec.column_groups) >= 0 || find_label(text, spec.header_words) >= 0;
}

bool is_complete_label(std::string_view text, const tmpl::TableSpec& spec) {
  return find_label(text, spec.rows) >= 0 || find_label(text, spec.subtotals) >= 0 ||
         find_label(text, spec.captions) >= 0 || is_header_text(text, spec);
}

RowInfo classify_row(const ast::Row& row, const tmpl::TableSpec& spec) {
  RowInfo info;
  info.label_end = label_end(row);
  int header_cells = 0;
  bool any_text = false;
  for (std::size_t i = 0; i < row.cells.size(); ++i) {
    const auto& c = row.cells[i];
    if (c.text.empty()) continue;
    any_text = true;
    if (static_cast<int>(i) > info.label_end) info.has_values = true;
    if (c.kind == ast::Cell::Kind::text && is_header_text(c.text, spec)) ++header_cells;
  }
  if (!any_text) return info;  // blank

  // The most specific label is the last label cell; the whole label is all of them joined.
  std::string_view last;
  for (int i = 0; i <= info.label_end; ++i) {
    const auto& t = row.cells[i].text;
    if (t.empty()) continue;
    info.label += t;
    last = t;
  }
  int row_index = -1;
  if (!last.empty()) {
    row_index = find_label(last, spec.rows);
    if (row_index < 0) row_index = find_label(info.label, spec.rows);
  }

  if (!info.has_values && header_cells > 0 && (header_cells >= 2 || row_index < 0)) {
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
  if (int s = last.empty() ? -1 : find_label(last, spec.subtotals); s >= 0) {
    info.kind = info.has_values ? RowInfo::Kind::subtotal : RowInfo::Kind::caption;
    info.index = s;
    return info;
  }
  if (!info.has_values && find_label(info.label, spec.captions) >= 0) {
    info.kind = RowInfo::Kind::caption;
    return info;
  }
  info.kind = RowInfo::Kind::unknown;
  return info;
}

}  // namespace xxgk::passes
