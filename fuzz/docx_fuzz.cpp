// Fuzz the Word front end (src/frontend/docx.cpp): frontend::read_docx, then parse_bytes and the
// emitters. An input that starts with "PK" is the whole .docx (the ZIP itself: libzip on hostile
// archives); any other input is the text of word/document.xml, put in a stored ZIP here so that
// mutations reach the XML reader and the table model. run.sh seeds the target with the corpus,
// the Word files' document.xml among it.
//
// Checks, besides the sanitizers:
//   - read_docx is false only with an error diagnostic, and then leaves no text and no tree;
//   - the rendered text is UTF-8; every paragraph's and cell's text is exactly the text of its
//     span; paragraphs are trimmed, not blank and one line; a row is one line and its cells lie
//     in it, in order; blocks point into the tree; colspan 1..512, rowspan >= 1;
//   - the anchors are sorted, inside the text, each a paragraph or a table, row and cell (all
//     1-based), the first at offset 0: every offset of the text has a Word position;
//   - no more nodes than doc::kMaxNodes (a truncated tree says where);
//   - the outline and the grid pass run on the tree; no grid row is wider than 512 slots;
//   - parse_bytes agrees: format docx, a rejected record has one error, every diagnostic of a
//     parsed one has a Word position (never line:column), no internal-error; the JSON emitters
//     and render_diagnostics run.
#include <zip.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostics.hpp"
#include "frontend/frontend.hpp"
#include "fuzz/fuzz_check.hpp"
#include "passes/grid.hpp"
#include "passes/outline.hpp"
#include "template/template.hpp"
#include "text/normalise.hpp"
#include "xxgk/xxgk.hpp"

namespace {

using xxgk::doc::Span;

// A ZIP holding `xml` as word/document.xml, stored (not compressed).
std::string stored_docx(const std::string& xml) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(nullptr, 0, 0, &error);
  FUZZ_CHECK(source != nullptr, "zip_source_buffer_create");
  zip_source_keep(source);
  zip_t* za = zip_open_from_source(source, ZIP_TRUNCATE, &error);
  FUZZ_CHECK(za != nullptr, "zip_open_from_source");
  zip_source_t* part = zip_source_buffer(za, xml.data(), xml.size(), 0);
  const zip_int64_t index = zip_file_add(za, "word/document.xml", part, 0);
  FUZZ_CHECK(index >= 0, "zip_file_add");
  zip_set_file_compression(za, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
  FUZZ_CHECK(zip_close(za) == 0, "zip_close");
  std::string out;
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_source_open(source) == 0) {
    if (zip_source_stat(source, &stat) == 0) {
      out.resize(stat.size);
      FUZZ_CHECK(zip_source_read(source, out.data(), stat.size) == static_cast<zip_int64_t>(stat.size), "zip_source_read");
    }
    zip_source_close(source);
  }
  zip_source_free(source);
  zip_error_fini(&error);
  return out;
}

void check_view(std::string_view text, Span s, std::string_view view, const char* what) {
  FUZZ_CHECK(s.begin <= s.end && s.end <= text.size(), "%s span [%u, %u) outside the text (%zu)", what, s.begin, s.end,
             text.size());
  FUZZ_CHECK(view.data() == text.data() + s.begin && view.size() == s.end - s.begin, "%s text is not its span [%u, %u)",
             what, s.begin, s.end);
}

void check_tree(const xxgk::frontend::Output& out) {
  const std::string_view text(out.source.text);
  const auto& doc = out.doc;
  const auto bad = xxgk::fuzz::first_invalid_utf8(text);
  FUZZ_CHECK(bad == std::string_view::npos, "rendered text is not UTF-8 at byte %zu", bad);

  std::size_t nodes = doc.paragraphs.size();
  for (const auto& b : doc.blocks)
    FUZZ_CHECK(b.index < (b.kind == xxgk::doc::Block::Kind::paragraph ? doc.paragraphs.size() : doc.tables.size()),
               "block index %u", b.index);
  for (const auto& p : doc.paragraphs) {
    check_view(text, p.span, p.text, "paragraph");
    FUZZ_CHECK(!p.text.empty() && xxgk::text::trim_blanks(p.text).size() == p.text.size(), "paragraph not trimmed");
    FUZZ_CHECK(p.text.find('\n') == std::string_view::npos, "paragraph over two lines");
  }
  for (const auto& t : doc.tables) {
    FUZZ_CHECK(!t.rows.empty(), "a table without rows");
    for (const auto& row : t.rows) {
      ++nodes;
      FUZZ_CHECK(row.span.begin <= row.span.end && row.span.end <= text.size(), "row outside the text");
      FUZZ_CHECK(text.substr(row.span.begin, row.span.end - row.span.begin).find('\n') == std::string_view::npos,
                 "a row over two lines");
      std::uint32_t at = row.span.begin;
      for (const auto& c : row.cells) {
        ++nodes;
        check_view(text, c.span, c.text, "cell");
        FUZZ_CHECK(c.span.begin >= at && c.span.end <= row.span.end, "cell [%u, %u) misplaced in its row", c.span.begin,
                   c.span.end);
        at = c.span.end;
        FUZZ_CHECK(c.colspan >= 1 && c.colspan <= 512 && c.rowspan >= 1, "colspan %u rowspan %u", c.colspan, c.rowspan);
      }
    }
  }
  FUZZ_CHECK(nodes <= xxgk::doc::kMaxNodes, "%zu nodes built, more than the limit", nodes);

  const auto& anchors = out.source.anchors;
  FUZZ_CHECK(text.empty() || (!anchors.empty() && anchors.front().offset == 0), "the text does not start with an anchor");
  for (std::size_t i = 0; i < anchors.size(); ++i) {
    const auto& a = anchors[i];
    FUZZ_CHECK(a.offset <= text.size(), "anchor at %u outside the text", a.offset);
    FUZZ_CHECK(i == 0 || anchors[i - 1].offset <= a.offset, "anchors out of order at %u", a.offset);
    FUZZ_CHECK(!a.columns && a.at.line == 0 && a.at.page == 0, "a Word anchor with a line or page");
    FUZZ_CHECK(a.at.paragraph ? !a.at.table : a.at.table && a.at.row && a.at.cell, "anchor at %u is no Word position",
               a.offset);
  }

  const auto outline = xxgk::passes::read_outline(doc);
  const auto grids = xxgk::passes::build_grids(doc, outline.table_section, outline.page_table, xxgk::tmpl::matcher());
  for (const auto& g : grids.tables)
    for (const auto& row : g.rows) FUZZ_CHECK(row.cells.size() <= 512, "a grid row of %zu slots", row.cells.size());
}

void check_parse(const std::string& bytes) {
  auto r = xxgk::parse_bytes(bytes, "fuzz.docx");
  const auto& rec = r.record;
  FUZZ_CHECK(rec.format == "docx", "sniffed as %s", rec.format.c_str());
  if (r.status == xxgk::Status::rejected) {
    FUZZ_CHECK(rec.diagnostics.size() == 1 && rec.diagnostics[0].severity == xxgk::Severity::error,
               "rejected with %zu diagnostics", rec.diagnostics.size());
  } else {
    FUZZ_CHECK((r.status == xxgk::Status::ok) == (!rec.has_errors() && rec.checks_pass()), "status disagrees");
    for (const auto& d : rec.diagnostics) {
      FUZZ_CHECK(d.code != "internal-error", "internal error: %s", d.message.c_str());
      FUZZ_CHECK(std::size_t{d.offset} + d.length <= r.text.size(), "diagnostic %s outside the text", d.code.c_str());
      FUZZ_CHECK(d.at.line == 0 && (d.at.paragraph || (d.at.table && d.at.row && d.at.cell)),
                 "diagnostic %s has no Word position", d.code.c_str());
    }
  }
  (void)xxgk::to_json(rec, true, true);
  (void)xxgk::to_text(rec);
  (void)xxgk::render_diagnostics(rec, r.text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  const std::string bytes = input.starts_with("PK") ? input : stored_docx(input);
  if (xxgk::frontend::sniff(bytes) != xxgk::frontend::Format::docx) return 0;  // a ZIP of something else

  xxgk::frontend::Output out;
  std::vector<xxgk::Diagnostic> diagnostics;
  xxgk::diag::Diagnostics diags(diagnostics);
  const bool read = xxgk::frontend::read_docx(bytes, {}, out, diags);
  if (!read) {
    FUZZ_CHECK(!diagnostics.empty() && diagnostics.back().severity == xxgk::Severity::error, "refused without an error");
    FUZZ_CHECK(out.source.text.empty() && out.source.anchors.empty() && out.doc.blocks.empty(), "refused, but a tree left");
  } else {
    check_tree(out);
  }
  check_parse(bytes);
  return 0;
}
