// The text front end: decode the bytes (UTF-8, GB18030, UTF-16), choose the text layout (tsv,
// markdown) and build the tree with its grammar, a row label on a line of its own kept in its
// table (label_lines.hpp). Positions are byte offsets of the decoded text.
#include "frontend/frontend.hpp"
#include "frontend/label_lines.hpp"
#include "io/decode.hpp"
#include "parse/layouts.hpp"

namespace xxgk::frontend {

bool read_text(std::string bytes, const ParseOptions& options, Output& out, diag::Diagnostics& diags) {
  auto decoded = io::decode(bytes, options.encoding);
  bytes = std::string();
  if (!decoded.ok) {
    diags.report(diag::Id::undecodable, {0, 0}, decoded.error);
    return false;
  }
  out.encoding = decoded.encoding;
  out.source.text = std::move(decoded.text);
  const auto& text = out.source.text;
  if (decoded.removed_nul) diags.report(diag::Id::nul_removed, {0, 0}, decoded.removed_nul);
  if (decoded.cut_bytes) {
    const auto end = static_cast<std::uint32_t>(text.size());
    diags.report(diag::Id::cut_character, {end, end}, decoded.encoding, decoded.cut_bytes);
  }

  const parse::Layout* layout = options.layout.empty() ? &parse::detect_layout(text) : parse::find_layout(options.layout);
  if (!layout) {
    diags.report(diag::Id::not_a_report, {0, 0}, "unknown layout '" + options.layout + "'");
    return false;
  }
  out.layout = std::string(layout->name);
  out.doc = layout->parse(text);
  keep_label_lines(out.doc, text);
  if (out.doc.unparsed_at != UINT32_MAX)
    diags.report(diag::Id::internal_error, {out.doc.unparsed_at, out.doc.unparsed_at},
                 "the " + out.layout + " grammar stopped here; the rest of the input is not read");
  return true;
}

}  // namespace xxgk::frontend
