// Layout "tsv": tables as text copied out of PDF or Word, one row per line, cells separated by
// tabs, empty cells kept. Any line with a tab is a table row; consecutive rows are one table.
#pragma once

#include "document.hpp"

namespace xxgk::grammar::tsv {

// clang-format off
struct tab : pg::one< '\t' > {};
struct cell : until_one_of< '\t', '\r', '\n' >, tag::cell {};
struct row_line : pg::seq< until_one_of< '\t', '\r', '\n' >, tab > {};
struct row : pg::seq< pg::at< row_line >, cell, pg::plus< tab, cell >, eolf >, tag::row {};
struct table : pg::plus< row >, tag::table {};

// A line that only this layout reads as a table row (used to choose the layout).
struct probe : row_line {};
struct grammar : document< table > {};
// clang-format on

}  // namespace xxgk::grammar::tsv
