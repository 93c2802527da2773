// Pass helper: read a value cell.
#pragma once

#include <optional>
#include <string_view>

#include "xxgk/record.hpp"

namespace xxgk::passes {

struct CellValue {
  enum class Kind : std::uint8_t {
    blank,    // empty cell: null
    null,     // '/', '-', '—', '无': null, written on purpose
    number,   // an integer or decimal, '1,234' and full-width digits accepted; a sign and a unit allowed
    invalid,  // anything else
  } kind = Kind::blank;
  bool sign = false;      // written with '+' or '-'
  Decimal value;
  std::string_view unit;  // a unit written after the number: 件 个 项 条 次 元 万元 (a view of a literal)
};

// `text` is normalised (text/normalise.hpp).
CellValue read_value(std::string_view text);

// The units a count may be written with, and the money units.
bool is_count_unit(std::string_view unit);
bool is_money_unit(std::string_view unit);

// `amount` in `from` (元 or 万元) expressed in `to`, exactly (1600 元 = 0.16 万元); nullopt when
// either is not a money unit.
std::optional<Decimal> convert_money(Decimal amount, std::string_view from, std::string_view to);

}  // namespace xxgk::passes
