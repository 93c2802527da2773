// Diagnostics as printed for a person (render_diagnostics, to_text): a run of alike ones on
// consecutive rows is one line, the way clang says "N similar". The record keeps every one.
#pragma once

#include <string>
#include <vector>

#include "xxgk/record.hpp"

namespace xxgk {

struct PrintedDiagnostic {
  const Diagnostic* first;  // printed at its place, with its severity and code
  std::string message;      // its message, or the run's ("表三: every row is shifted …")
  std::string more;         // "and 18 more like it: lines 54–71", or ""
};

// The record's diagnostics in order, each run of three or more alike (the same code, severity
// and message but for the row and the numbers, one row each, nothing else between) as one.
std::vector<PrintedDiagnostic> group_diagnostics(const Record& record);

}  // namespace xxgk
