// Pass: the template's identities (勾稽关系). Every check appears in the record, pass or fail;
// a null value counts as 0. A failing check is also a diagnostic at the row it is about.
#pragma once

#include "diag/diagnostics.hpp"
#include "passes/extract.hpp"
#include "xxgk/record.hpp"

namespace xxgk::passes {

void run_checks(Record& record, const Extraction& ex, diag::Diagnostics& diags);

}  // namespace xxgk::passes
