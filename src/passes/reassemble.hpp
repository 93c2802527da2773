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

// Which template table does this physical table's content name? nullptr when none. Where the
// content names two equally, the one that belongs in `section` wins. `named_rows`, when given,
// receives how many of its rows name something of the chosen table (counted up to 3); `infos`,
// how its first rows classify in the chosen table (classify_row), as far as it kept them.
const tmpl::TableSpec* classify_table(const ast::Table& table, const tmpl::TemplateSpec& spec, int section,
                                      int* named_rows = nullptr, std::vector<RowInfo>* infos = nullptr);

}  // namespace xxgk::passes
