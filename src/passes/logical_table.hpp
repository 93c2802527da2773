// A logical table: the template table a run of physical tables belongs to, with their rows in
// order (reassembled across page breaks, repeated headers and split markdown tables).
#pragma once

#include <vector>

#include "ast/ast.hpp"
#include "passes/map_rows.hpp"
#include "template/template.hpp"

namespace xxgk::passes {

struct LogicalTable {
  const tmpl::TableSpec* spec = nullptr;  // nullptr: matches no template table
  int section = 0;                        // section of its first fragment
  ast::Span span;                         // its first fragment
  std::vector<ast::Row*> rows;            // rows of every fragment, in order (point into the Document)
  std::vector<RowInfo> infos;             // classify_row(*rows[i], *spec), one per row
  std::vector<std::size_t> fragment_starts;  // index in `rows` where each fragment begins
  int named_rows = 0;  // rows naming a row, header or caption of the table (evidence of a report)
};

}  // namespace xxgk::passes
