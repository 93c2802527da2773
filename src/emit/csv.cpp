#include "emit/csv.hpp"

#include <charconv>

#include "xxgk/xxgk.hpp"

namespace xxgk::csv {

void append_field(std::string& out, std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    out.append(field);
    return;
  }
  out += '"';
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void append_rows(std::string& out, const Record& record) {
  std::string prefix;  // "path,agency,year," shared by every row of the record
  append_field(prefix, record.path);
  prefix += ',';
  append_field(prefix, record.agency);
  prefix += ',';
  if (record.year) prefix += std::to_string(*record.year);
  prefix += ',';
  out.reserve(out.size() + 200 * (prefix.size() + 48));
  for_each_cell(record, [&](std::string_view table, std::string_view row, std::string_view column, const Value& v) {
    out += prefix;
    append_field(out, table);
    out += ',';
    append_field(out, row);
    out += ',';
    append_field(out, column);
    out += ',';
    if (v) {
      if (v->scale <= 0) {  // as format_decimal, without its allocation
        char buf[24];
        auto r = std::to_chars(buf, buf + sizeof buf, v->units);
        out.append(buf, r.ptr);
      } else {
        out += format_decimal(*v);
      }
    }
    out += "\r\n";
  });
}

}  // namespace xxgk::csv
