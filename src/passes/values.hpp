// Pass helper: read a value cell.
#pragma once

#include <string_view>

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
  bool present() const { return kind == Kind::number; }
};

// `text` is normalised (passes/normalise.hpp).
CellValue read_value(std::string_view text);

}  // namespace xxgk::passes
