// Front ends: each turns one format of source into the common document tree (doc/tree.hpp) and
// the source text its positions refer to. Everything after — outline, tables, template, checks,
// emitters — is shared. A new format is one front end plus one line in registry.cpp.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "diag/diagnostics.hpp"
#include "doc/tree.hpp"
#include "frontend/sniff.hpp"
#include "source.hpp"
#include "xxgk/xxgk.hpp"

namespace xxgk::frontend {

struct Output {
  doc::Document doc;   // its text views point into `source.text` or doc.store
  SourceText source;   // what spans refer to, and how they become locations
  std::string layout;  // the text layout used ("tsv", "markdown"), if any
  std::string encoding;  // the encoding the bytes were decoded from, if any
};

struct FrontEnd {
  Format format;
  // Reads the source into `out`, reporting what it cannot read at its position (spans of
  // out.source.text). False when there is nothing to read: the input is rejected.
  bool (*read)(std::string bytes, const ParseOptions& options, Output& out, diag::Diagnostics& diags);
};

std::span<const FrontEnd> front_ends();
// The front end for `format`; nullptr when xxgk does not read it.
const FrontEnd* front_end_for(Format format);

// The front ends (one file each).
bool read_text(std::string bytes, const ParseOptions& options, Output& out, diag::Diagnostics& diags);
bool read_pdf(std::string bytes, const ParseOptions& options, Output& out, diag::Diagnostics& diags);
bool read_docx(std::string bytes, const ParseOptions& options, Output& out, diag::Diagnostics& diags);
bool read_html(std::string bytes, const ParseOptions& options, Output& out, diag::Diagnostics& diags);

}  // namespace xxgk::frontend
