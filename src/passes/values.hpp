// Pass helper: read a value cell.
#pragma once

#include <string_view>

#include "ast/ast.hpp"
#include "xxgk/record.hpp"

namespace xxgk::passes {

struct CellValue {
  enum class Kind {
    blank,    // empty cell: null
    null,     // '/', '-', '—', '无': null, written on purpose
    number,   // an integer or decimal, '1,234' and full-width digits accepted
    invalid,  // anything else
  } kind = Kind::blank;
  Decimal value;
};

// `text` is normalised (passes/normalise.hpp).
CellValue read_value(std::string_view text);

// Set cell.kind and cell.number from cell.text.
void classify_cell(ast::Cell& cell);

}  // namespace xxgk::passes
