// Pass: the document part of the record — agency and year from the title (or the page's
// metadata), publication date and index number, the six sections with their text — and the
// structural diagnostics (no title, missing or out-of-order sections).
#pragma once

#include "diag/diagnostics.hpp"
#include "passes/outline.hpp"
#include "xxgk/record.hpp"

namespace xxgk::passes {

void read_document(const doc::Document& doc, const Outline& outline, Record& record, diag::Diagnostics& diags);

}  // namespace xxgk::passes
