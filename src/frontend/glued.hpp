// Layout "glued" of the text front end: a report taken from a web page's DOM by a crawler, the
// separators between table cells lost — `一、本年新收政府信息公开申请数量713000074二、上年结转…` —
// and the whole report a few very long lines (src/frontend/glued.cpp, rules in
// grammar/glued.hpp). Registered in src/parse/layouts.cpp like the grammar layouts.
#pragma once

#include <string_view>

#include "doc/tree.hpp"

namespace xxgk::frontend {

// Lines cut at section headings into paragraphs; from a 表二 caption or a table's header on, the
// text is a table: a row per label and the numbers after it, a cell per label part (split at
// blanks) and per run of digits — which stays whole: which digits are which cell is decided by
// the template's identities (passes/glued_cells.hpp). Its tables are doc::Table::glued.
doc::Document parse_glued(std::string_view text);
// Is this line surely glued (a label of 表三 followed at once by seven digits or more; no tab, no pipe)?
bool probe_glued(std::string_view line);

}  // namespace xxgk::frontend
