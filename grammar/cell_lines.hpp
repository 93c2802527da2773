// Layout "cell-lines": a table as copying some web pages flattens it, every cell on a line of its
// own ending in " |", a blank line after each row:
//
//   规章 |
//   0 |
//   0 |
//   0 |
//
//   行政规范性文件 |
//   3 |
//
// A blank cell is a line holding only the pipe. A line with one pipe, at its end, is a cell line;
// consecutive cell lines are one row; rows separated by blank lines are one table, which ends at
// any other line.
#pragma once

#include "document.hpp"

namespace xxgk::grammar::cell_lines {

// clang-format off
struct pipe : pg::one< '|' > {};
struct cell_line_text : pg::seq< until_one_of< '|', '\r', '\n' >, pipe, blanks, eolf > {};
struct cell : until_one_of< '|', '\r', '\n' >, tag::cell {};
struct cell_line : pg::seq< pg::at< cell_line_text >, cell, pipe, blanks, eolf > {};
struct row : pg::seq< pg::at< cell_line_text >, pg::plus< cell_line > >, tag::row {};
struct table : pg::seq< row, pg::star< pg::plus< blank_line >, row > >, tag::table {};

// A cell line with text: "规章 |", "0 |" (a line of the pipe alone is also markdown's).
struct probe : pg::seq< pg::not_at< blanks, pipe >, until_one_of< '|', '\r', '\n' >, pipe, blanks, eolf > {};
struct grammar : document< table > {};
// clang-format on

}  // namespace xxgk::grammar::cell_lines
