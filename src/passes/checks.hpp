// Pass: the template's identities (勾稽关系), as its description states them. Every check
// appears in the record, pass or fail; a null value counts as 0. A failing check is also a
// diagnostic at the row it is about. Checks of a table not found are not run.
#pragma once

#include "diag/diagnostics.hpp"
#include "passes/record_writer.hpp"

namespace xxgk::passes {

void run_checks(const TableFacts& facts, const TableRecord& values, std::vector<Check>& checks, diag::Diagnostics& diags);

}  // namespace xxgk::passes
