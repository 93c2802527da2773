// The checks of a whole parse, shared by the pipeline fuzz targets (pipeline_fuzz.cpp, pdf_fuzz.cpp):
//   - the status agrees with the record: a rejected record has an error and no checks; an ok one
//     has no error diagnostic and no failing check; a failed one has one of them;
//   - every check's pass flag agrees with its two sides;
//   - every diagnostic has a code and a message, and its position lies inside the decoded text
//     (line:column, or a Word file's paragraph or table, row and cell); none is an internal-error;
//   - the decoded text is UTF-8, the compact JSON is valid JSON and the pretty JSON is the same
//     text with blanks added;
//   - counts are whole and not negative; and every value the record holds is written in the
//     text (after normalisation), unless the record says it inferred one — a number that
//     appears nowhere in the input is a silent wrong number (a text source's: an HTML page's
//     cells are text with markup between their characters).
#pragma once

#include <string>

#include "xxgk/xxgk.hpp"

namespace xxgk::fuzz {

// Parse `bytes` (as file `name`) with `options` and abort on any broken invariant.
void check_parse(const std::string& bytes, const ParseOptions& options, const char* name);

}  // namespace xxgk::fuzz
