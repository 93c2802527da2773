#include "passes/values.hpp"

#include <limits>

namespace xxgk::passes {

namespace {

constexpr std::string_view kUnits[] = {"万元", "元", "件", "个", "项", "条", "次"};

// Digits with optional thousands commas, then an optional fraction.
bool read_number(std::string_view t, Decimal& out) {
  std::int64_t units = 0;
  int scale = 0, digits = 0, group = -1;
  bool fraction = false;
  constexpr auto kMax = std::numeric_limits<std::int64_t>::max() / 10 - 9;
  for (std::size_t i = 0; i < t.size(); ++i) {
    char c = t[i];
    if (c >= '0' && c <= '9') {
      if (units > kMax || digits >= 18) return false;
      units = units * 10 + (c - '0');
      ++digits;
      if (fraction) ++scale;
      if (group >= 0) ++group;
    } else if (c == ',' && !fraction && digits > 0 && (group < 0 || group == 3)) {
      if (group < 0 && digits > 3) return false;
      group = 0;
    } else if (c == '.' && !fraction && digits > 0 && (group < 0 || group == 3) && i + 1 < t.size()) {
      fraction = true;
      group = -1;
    } else {
      return false;
    }
  }
  if (digits == 0 || (group >= 0 && group != 3)) return false;
  out = {units, scale};
  return true;
}

}  // namespace

bool is_count_unit(std::string_view unit) {
  return unit == "件" || unit == "个" || unit == "项" || unit == "条" || unit == "次";
}

bool is_money_unit(std::string_view unit) { return unit == "元" || unit == "万元"; }

std::optional<Decimal> convert_money(Decimal amount, std::string_view from, std::string_view to) {
  auto exponent = [](std::string_view u) { return u == "万元" ? 4 : u == "元" ? 0 : -1; };
  const int f = exponent(from), t = exponent(to);
  if (f < 0 || t < 0) return std::nullopt;
  amount.scale += t - f;
  while (amount.scale < 0) {
    if (amount.units > std::numeric_limits<std::int64_t>::max() / 10) return std::nullopt;
    amount.units *= 10;
    ++amount.scale;
  }
  while (amount.scale > 0 && amount.units % 10 == 0) {  // 0.1600 -> 0.16: the digits written, no more
    amount.units /= 10;
    --amount.scale;
  }
  return amount;
}

CellValue read_value(std::string_view t) {
  CellValue v;
  if (t.empty()) return v;
  // Fast path: a plain count.
  if (t.size() <= 9) {
    std::int64_t units = 0;
    std::size_t i = 0;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') units = units * 10 + (t[i++] - '0');
    if (i == t.size()) return {CellValue::Kind::number, false, {units, 0}, {}};
  }
  for (std::string_view null_mark : {"/", "-", "—", "——", "–", "无", "\\", "－"})
    if (t == null_mark) {
      v.kind = CellValue::Kind::null;
      return v;
    }
  bool negative = false;
  if (t.starts_with("+") || t.starts_with("-") || t.starts_with("－") || t.starts_with("−")) {
    negative = !t.starts_with("+");
    v.sign = true;
    t.remove_prefix(t[0] == '+' || t[0] == '-' ? 1 : 3);
  }
  for (auto unit : kUnits)
    if (t.size() > unit.size() && t.ends_with(unit)) {
      v.unit = unit;
      t.remove_suffix(unit.size());
      break;
    }
  if (!read_number(t, v.value)) return {CellValue::Kind::invalid, false, {}, {}};
  if (negative) v.value.units = -v.value.units;
  v.kind = CellValue::Kind::number;
  return v;
}

}  // namespace xxgk::passes
