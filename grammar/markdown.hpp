// Layout "markdown": pipe tables. Leading and trailing pipes are optional (a row without a
// leading pipe is a row only next to a |---| separator); <br> may stand inside a cell; rows may be
// ragged; separator rows (|---|) belong to the table and hold no cells. In a table without outer
// pipes, a row with an empty first cell starts with a pipe: the separator's width and leading
// pipe decide what a leading pipe is (src/parse/builder.hpp, docs/layouts.md).
#pragma once

#include "document.hpp"

namespace xxgk::grammar::markdown {

// clang-format off
struct pipe : pg::one< '|' > {};
struct cell_char : pg::sor< pg::seq< pg::one< '\\' >, pipe >, pg::not_one< '|', '\r', '\n' > > {};
struct cell : pg::star< cell_char >, tag::cell {};
struct line_with_pipe : pg::seq< pg::star< cell_char >, pipe > {};

struct align_cell : pg::seq< blanks, pg::opt< pg::one< ':' > >, pg::plus< pg::one< '-' > >, pg::opt< pg::one< ':' > >, blanks > {};
struct separator : pg::seq< blanks, pg::sor< pg::seq< pipe, pg::list< align_cell, pipe >, pg::opt< pipe > >, pg::seq< align_cell, pipe, pg::opt< pg::list< align_cell, pipe > >, pg::opt< pipe > > >, blanks, eolf >, tag::separator {};

// | a | b |   (the cell before the first pipe is blanks; the builder drops it and a blank last cell)
struct piped_row : pg::seq< pg::at< blanks, pipe >, cell, pg::plus< pipe, cell >, eolf >, tag::row { using pipe_delimited = void; };
//   a | b      (only next to a separator row)
struct bare_row : pg::seq< pg::at< line_with_pipe >, cell, pg::plus< pipe, cell >, eolf >, tag::row { using pipe_delimited = void; };
struct bare_line : pg::seq< line_with_pipe, rest_of_line, eol > {};

struct table_start : pg::sor< separator, piped_row, pg::seq< pg::at< bare_line, separator >, bare_row > > {};
struct table_rest : pg::sor< separator, piped_row, bare_row > {};
struct table : pg::seq< table_start, pg::star< table_rest > >, tag::table {};

struct probe : pg::seq< blanks, pipe > {};
struct grammar : document< table > {};
// clang-format on

}  // namespace xxgk::grammar::markdown
