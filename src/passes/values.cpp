#include "passes/values.hpp"

#include <limits>

namespace xxgk::passes {

void classify_cell(ast::Cell& cell) {
  auto v = read_value(cell.text);
  using K = ast::Cell::Kind;
  switch (v.kind) {
    case CellValue::Kind::blank: cell.kind = K::blank; break;
    case CellValue::Kind::null: cell.kind = K::null; break;
    case CellValue::Kind::number: cell.kind = K::number; break;
    case CellValue::Kind::invalid: cell.kind = K::text; break;
  }
  cell.number = v.value;
}

CellValue read_value(std::string_view t) {
  CellValue v;
  if (t.empty()) return v;
  // Fast path: a plain count.
  if (t.size() <= 9) {
    std::int64_t units = 0;
    std::size_t i = 0;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') units = units * 10 + (t[i++] - '0');
    if (i == t.size()) return {CellValue::Kind::number, {units, 0}};
  }
  for (std::string_view null_mark : {"/", "-", "—", "——", "–", "无", "\\", "－"})
    if (t == null_mark) {
      v.kind = CellValue::Kind::null;
      return v;
    }
  // digits with optional thousands commas, then an optional fraction
  std::int64_t units = 0;
  int scale = 0, digits = 0, group = -1;
  bool fraction = false;
  constexpr auto kMax = std::numeric_limits<std::int64_t>::max() / 10 - 9;
  for (std::size_t i = 0; i < t.size(); ++i) {
    char c = t[i];
    if (c >= '0' && c <= '9') {
      if (units > kMax || digits >= 18) return {CellValue::Kind::invalid, {}};
      units = units * 10 + (c - '0');
      ++digits;
      if (fraction) ++scale;
      if (group >= 0) ++group;
    } else if (c == ',' && !fraction && digits > 0 && (group < 0 || group == 3)) {
      if (group < 0 && digits > 3) return {CellValue::Kind::invalid, {}};
      group = 0;
    } else if (c == '.' && !fraction && digits > 0 && (group < 0 || group == 3) && i + 1 < t.size()) {
      fraction = true;
      group = -1;
    } else {
      return {CellValue::Kind::invalid, {}};
    }
  }
  if (digits == 0 || (group >= 0 && group != 3)) return {CellValue::Kind::invalid, {}};
  v.kind = CellValue::Kind::number;
  v.value = {units, scale};
  return v;
}

}  // namespace xxgk::passes
