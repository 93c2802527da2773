// Pass: each physical table of the tree as a grid of normalised cells, the pass-owned view that
// every later table pass reads: spans expanded into slots (HTML's "forming a table"), cell text
// normalised, values read, template label fragments found, each row's label found. The tree is
// not changed.
#pragma once

#include <deque>
#include <string>
#include <vector>

#include "doc/tree.hpp"
#include "passes/values.hpp"
#include "template/matcher.hpp"

namespace xxgk::passes {

struct GridCell {
  const doc::Cell* source = nullptr;  // the tree's cell (for a slot a span covers: the spanning cell)
  std::string_view text;              // normalised (text/normalise.hpp); empty in a covered slot
  CellValue value;                    // what the text reads as (passes/values.hpp)
  tmpl::Hits hits;                    // template label fragments in `text` (text cells only)
  bool covered = false;               // a slot covered by a span from another slot

  doc::Span span() const { return source ? source->span : doc::Span{}; }
  bool blank() const { return text.empty(); }
  bool is_text() const { return value.kind == CellValue::Kind::invalid; }
  bool value_like() const { return value.kind == CellValue::Kind::number || value.kind == CellValue::Kind::null; }
};

struct GridRow {
  doc::Span span;
  std::vector<GridCell> cells;
  // Its label (read_label in passes/map_rows.hpp): the index of the last label cell (-1: no
  // label), how many non-empty cells the label area has, their text joined when there are
  // several, and the template label fragments in the label.
  int label_end = -1;
  int label_cells = 0;
  std::string joined_label;
  tmpl::Hits label_hits;
  bool header_aligned = true;  // its table's doc::Table::header_aligned
  int label_slots = 0;         // its table's doc::Table::label_slots
  bool glued = false;          // its table's doc::Table::glued
};

struct Grid {
  const doc::Table* table = nullptr;
  std::size_t index = 0;  // of the table in the tree
  int section = 0;        // the section that holds it (0: before the first heading)
  std::vector<GridRow> rows;
};

struct Grids {
  std::vector<Grid> tables;          // the tree's tables, in order (page metadata tables left out)
  std::deque<std::string> texts;     // normalised text that is not a view of the tree's
};

// `section_of[i]`: the section of the tree's table i; `skip[i]`: leave it out.
Grids build_grids(const doc::Document& doc, const std::vector<int>& section_of, const std::vector<bool>& skip,
                  const tmpl::Matcher& matcher);

}  // namespace xxgk::passes
