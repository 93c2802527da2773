// The national template's tables as the record holds them, per version: every table, row and
// column with its key and label. Derived from the one description of each version
// (src/template/template2021.cpp, template2019.cpp); emitters and users walk it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace xxgk {

enum class ValueKind : std::uint8_t {
  count,         // a non-negative integer
  signed_count,  // an integer that may be negative: 本年增/减 (2019)
  amount,        // a decimal number: money
};

struct TemplateColumn {
  std::string_view key;    // "natural_person"
  std::string_view label;  // "自然人"
  ValueKind kind = ValueKind::count;
  std::string_view unit;   // the unit the template states for the column ("万元"), or ""
};

struct TemplateRow {
  std::string_view key;    // "new_received"; for a table whose groups are column groups (表四), the group
  std::string_view label;  // "一、本年新收"
  std::vector<TemplateColumn> columns;
  std::size_t first = 0;   // index of its first value in TableRecord::values
};

struct TemplateTable {
  std::string_view key;    // "applications"
  std::string_view name;   // "表三"
  std::string_view title;  // "收到和处理政府信息公开申请情况"
  int section = 0;         // the report section that holds it
  std::vector<TemplateRow> rows;
  std::size_t size = 0;    // values in all
};

struct Template {
  std::string_view version;  // "2021"
  std::string_view notice;   // "国办公开办函〔2021〕30号"
  std::vector<TemplateTable> tables;
};

// Every version xxgk reads, newest first.
std::span<const Template* const> templates();
// nullptr for an unknown version.
const Template* find_template(std::string_view version);

}  // namespace xxgk
