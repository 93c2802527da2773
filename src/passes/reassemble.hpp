// Pass: reassemble split tables. Each physical table is assigned to the template table its rows
// and header cells name (a fragment that names none, such as 表四's lone value row after a page
// break, continues the table before it); the fragments of one template table become one
// logical table, in order. A row label broken across the break ("（五）不予" … "处理") is joined.
#pragma once

#include <vector>

#include "diag/diagnostics.hpp"
#include "passes/logical_table.hpp"

namespace xxgk::passes {

// Cells of `doc` must be normalised. Label cells may be rewritten (joined labels).
std::vector<LogicalTable> reassemble(ast::Document& doc, const tmpl::TemplateSpec& spec, diag::Diagnostics& diags);

// Which template table a physical table's content names, and what that reading found.
struct TableClass {
  const tmpl::TableSpec* spec = nullptr;  // nullptr when the content names no template table
  int named_rows = 0;                     // rows naming something of it (counted up to 3)
  std::vector<RowInfo> infos;             // how its first rows classify in it (classify_row), as far as kept
};

// Where the content names two tables equally, the one that belongs in `section` wins.
TableClass classify_table(const ast::Table& table, const tmpl::TemplateSpec& spec, int section);

}  // namespace xxgk::passes
