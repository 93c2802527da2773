// Pass: map rows onto a template table by what their label says, not by position.
#pragma once

#include <string_view>
#include <vector>

#include "passes/grid.hpp"
#include "template/template.hpp"

namespace xxgk::passes {

struct RowInfo {
  enum class Kind : std::uint8_t {
    blank,     // no text at all
    header,    // column header cells (自然人, 本年制发件数, 结果维持 …)
    caption,   // a label without values (第二十条第（一）项, 三、本年度办理结果, a group label)
    data,      // a template row: `index` into spec.rows
    subtotal,  // a group row with values: `index` into spec.subtotals
    unknown,   // text that matches nothing
  } kind = Kind::blank;
  int index = -1;
  int label_end = -1;      // index of the last label cell (-1: the row has no label)
  std::string_view label;  // the label cells' normalised text, joined (GridRow::joined_label or a cell's text)
  bool has_values = false;  // a non-empty cell after the label

  // Does the row name something of the table (evidence that the table is this one)?
  bool named() const {
    return kind == Kind::header || kind == Kind::caption || kind == Kind::subtotal || (kind == Kind::data && label_end >= 0);
  }
};

// A cell that can be part of a row label: text with Chinese in it that does not start with a
// number (numbering such as "1." aside). "38件" is a value; "O" and "1,2" are malformed values,
// not labels.
bool label_like(const GridCell& c);

// The label cells of a row: index of the last label-like cell before its first other non-empty
// cell; -1 when the row has no label.
int label_end(const GridRow& row);

// Fill the row's label fields (label_end, label_cells, joined_label, label_hits) from its cells;
// again after its cells change.
void read_label(GridRow& row, const tmpl::Matcher& matcher);

// What the row is in the table. The row's label has been read (read_label).
RowInfo classify_row(const GridRow& row, const tmpl::TableSpec& spec);

// Does normalised text match any header cell of the table (leaf column, group, header word)?
bool is_header_text(const tmpl::Hits& hits, std::string_view text, const tmpl::TableSpec& spec);

// Is `text` a complete label of the table: a row, subtotal, caption or header label?
bool is_complete_label(std::string_view text, const tmpl::TableSpec& spec);
// The same, given the fragments found in `text` (a cell's hits).
bool is_complete_label(const tmpl::Hits& hits, std::string_view text, const tmpl::TableSpec& spec);

}  // namespace xxgk::passes
