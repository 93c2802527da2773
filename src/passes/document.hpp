// Pass: the document part of the record — agency and year from the title, the six sections with
// their text — and the structural diagnostics (no title, missing or out-of-order sections).
#pragma once

#include "ast/ast.hpp"
#include "diag/diagnostics.hpp"
#include "xxgk/record.hpp"

namespace xxgk::passes {

void read_document(const ast::Document& doc, Record& record, diag::Diagnostics& diags);

}  // namespace xxgk::passes
