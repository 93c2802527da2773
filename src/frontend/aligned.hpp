// Layout "aligned" of the text front end: text laid out in columns by blanks, as
// `pdftotext -layout` writes a PDF (src/frontend/aligned.cpp). Registered in
// src/parse/layouts.cpp like the grammar layouts.
#pragma once

#include <string_view>

#include "doc/tree.hpp"

namespace xxgk::frontend {

doc::Document parse_aligned(std::string_view text);
// Is this line surely a row of such a table (three runs or more, two of them numbers; no tab,
// no pipe)?
bool probe_aligned(std::string_view line);

}  // namespace xxgk::frontend
