// Layout "tsv": tables as text copied out of PDF or Word, one row per line, cells separated by
// tabs, empty cells kept. Any line with a tab is a table row; consecutive rows are one table.
//
// A spreadsheet (Excel, WPS) saving text quotes a cell that holds a line break or a quote:
// "（二）部分公开（区分处理的，⏎不计其他情形）", with "" for a quote inside. Such a cell is one
// cell, its line breaks included, and the row goes on after it. A cell is read as quoted only
// when it is one: it starts with the quote, every quote inside is doubled, the closing quote is
// followed by a tab or the end of the line, and it spans at most kQuotedCellLines lines;
// anything else ("三安全一稳定"类, a lone quote) is plain text, as before.
#pragma once

#include "document.hpp"

namespace xxgk::grammar::tsv {

// The most lines a quoted cell spans (a label wrapped in its cell takes two to four).
inline constexpr unsigned kQuotedCellLines = 8;

// clang-format off
struct tab : pg::one< '\t' > {};
struct plain_cell : until_one_of< '\t', '\r', '\n' >, tag::cell {};

struct quote : pg::one< '"' > {};
struct escaped_quote : pg::two< '"' > {};
struct quoted_text : pg::star< pg::sor< escaped_quote, pg::not_one< '"', '\t', '\r', '\n' > > > {};
struct quoted_lines : pg::seq< quoted_text, pg::rep_max< kQuotedCellLines - 1, eol, quoted_text > > {};
struct quoted_cell_text : pg::seq< quote, quoted_lines, quote, pg::at< pg::sor< tab, eolf > > > {};
// Its match is the cell with its quotes; the builder reads what is between them, "" as ".
struct quoted_cell : quoted_cell_text, tag::quoted_cell {};
struct cell : pg::sor< quoted_cell, plain_cell > {};

// The first cell and the tab after it: the row matches once this does.
struct row_line : pg::seq< pg::sor< quoted_cell_text, until_one_of< '\t', '\r', '\n' > >, tab > {};
struct row : pg::seq< pg::at< row_line >, cell, pg::plus< tab, cell >, eolf >, tag::row {};
struct table : pg::plus< row >, tag::table {};

// A line that only this layout reads as a table row (used to choose the layout).
struct probe : pg::seq< until_one_of< '\t', '\r', '\n' >, tab > {};
struct grammar : document< table > {};
// clang-format on

}  // namespace xxgk::grammar::tsv
