// Text front end, after the layout's grammar: a row label written as a plain line inside a table,
// as PDF-to-markdown converters and OCR put a label too long for its cell on a line of its own
// above the row of bare values it belongs to —
//     | 一、本年新收政府信息公开申请数量 | 1287 | … |
//     （一）予以公开
//     |  | 1 | 2 | … |
// The grammar reads the line as a paragraph that ends the table. Where it is a row label of a
// template table the table above names, and the line just after it starts a row with values and
// no label, the line is kept as a row of one cell and the two tables as one: the form of a label
// written as a row of its own (`| （一）予以公开 |`), which passes/lone_labels.hpp joins with the
// values below it. Any other line between rows (a page footer, a sentence, a section heading, a
// label above a row with a label of its own) is left a paragraph, and still ends the table.
#pragma once

#include <string_view>

#include "doc/tree.hpp"

namespace xxgk::frontend {

// `text`: the source text the tree's spans refer to.
void keep_label_lines(doc::Document& doc, std::string_view text);

}  // namespace xxgk::frontend
