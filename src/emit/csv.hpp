// Tidy CSV: one row per value of a record's tables (docs/extract.md).
//   path,agency,year,table,row,column,value
// RFC 4180: fields holding a comma, a double quote, CR or LF are quoted, quotes doubled; lines
// end with CRLF. UTF-8; a BOM only when asked (Excel).
#pragma once

#include <string>
#include <string_view>

#include "xxgk/record.hpp"

namespace xxgk::csv {

inline constexpr std::string_view kHeader = "path,agency,year,table,row,column,value\r\n";
inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// Appends `field`, quoted when RFC 4180 requires it.
void append_field(std::string& out, std::string_view field);

// Appends the record's rows: every cell of its three tables in template order (xxgk::for_each_cell),
// the value as written (xxgk::format_decimal), an empty field for null; year empty when unknown.
void append_rows(std::string& out, const Record& record);

}  // namespace xxgk::csv
