// Fuzz the HTML front end: xxgk::frontend::read_html on arbitrary bytes (whatever they sniff as),
// then the passes every front end shares, then the whole pipeline on a page made of them.
//
// Checks, besides the sanitizers (no crash, no leak — gumbo's arena and its guard's longjmp
// included — no undefined behaviour):
//   - the source text is well-formed UTF-8 and names its encoding when the page was read;
//   - every paragraph's, table's, row's and cell's span lies inside the source text, begin <= end;
//     rows come in order inside their table, cells inside their row;
//   - every text view points into the source text or into one of Document::store's strings, and
//     a paragraph's text is trimmed and not empty;
//   - block indices are valid, and the tree holds at most doc::kMaxNodes nodes (more only when
//     truncated_at says where it stopped);
//   - every diagnostic the front end reports lies inside the source text;
//   - the outline pass and the grids run on the tree; the headings lie inside the text;
//   - parse_bytes on "<html>" + the input (an HTML page whatever the input is) gives a status that
//     agrees with its record, and diagnostics inside its text.
// Each input is read again with ParseOptions::encoding forced to one the first byte picks.
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
#include "xxgk/xxgk.hpp"

namespace {

using xxgk::doc::Span;

constexpr std::string_view kForced[] = {"", "UTF-8", "GB18030", "GBK", "UTF-16LE", "BIG5", "WINDOWS-1252", "no-such"};

void check_span(std::string_view text, Span s, const char* what) {
  FUZZ_CHECK(s.begin <= s.end && s.end <= text.size(), "%s span [%u, %u) outside the text (%zu bytes)", what, s.begin,
             s.end, text.size());
}

bool inside(Span inner, Span outer) { return outer.begin <= inner.begin && inner.end <= outer.end; }

// A view of the source text or of a string the document stores.
void check_view(const xxgk::frontend::Output& out, std::string_view v, const char* what) {
  if (v.empty()) return;
  const auto& text = out.source.text;
  if (v.data() >= text.data() && v.data() + v.size() <= text.data() + text.size()) return;
  for (const auto& s : out.doc.store)
    if (v.data() >= s.data() && v.data() + v.size() <= s.data() + s.size()) return;
  FUZZ_CHECK(false, "%s text points neither into the source text nor into the document's store", what);
}

void check_tree(const xxgk::frontend::Output& out) {
  const auto& doc = out.doc;
  const std::string_view text = out.source.text;
  std::size_t nodes = doc.paragraphs.size();
  for (const auto& b : doc.blocks) {
    if (b.kind == xxgk::doc::Block::Kind::paragraph)
      FUZZ_CHECK(b.index < doc.paragraphs.size(), "paragraph block index %u", b.index);
    else
      FUZZ_CHECK(b.index < doc.tables.size(), "table block index %u", b.index);
  }
  for (const auto& p : doc.paragraphs) {
    check_span(text, p.span, "paragraph");
    check_view(out, p.text, "paragraph");
    FUZZ_CHECK(!p.text.empty(), "an empty paragraph");
    FUZZ_CHECK(p.text.front() != ' ' && p.text.back() != ' ', "a paragraph not trimmed");
  }
  for (const auto& t : doc.tables) {
    check_span(text, t.span, "table");
    std::uint32_t last = t.span.begin;
    nodes += t.rows.size();
    for (const auto& row : t.rows) {
      check_span(text, row.span, "row");
      FUZZ_CHECK(inside(row.span, t.span) && row.span.begin >= last, "row [%u, %u) misplaced in its table [%u, %u)",
                 row.span.begin, row.span.end, t.span.begin, t.span.end);
      last = row.span.end;
      nodes += row.cells.size();
      for (const auto& c : row.cells) {
        check_span(text, c.span, "cell");
        FUZZ_CHECK(inside(c.span, row.span), "cell [%u, %u) outside its row [%u, %u)", c.span.begin, c.span.end,
                   row.span.begin, row.span.end);
        check_view(out, c.text, "cell");
        FUZZ_CHECK(c.colspan >= 1 && c.colspan <= 1000 && c.rowspan >= 1 && c.rowspan <= 65534, "span %u x %u",
                   c.colspan, c.rowspan);
      }
    }
  }
  FUZZ_CHECK(nodes <= xxgk::doc::kMaxNodes, "%zu nodes", nodes);
  if (doc.truncated_at != UINT32_MAX) FUZZ_CHECK(doc.truncated_at <= text.size(), "truncated at %u", doc.truncated_at);

  const auto outline = xxgk::passes::read_outline(doc);
  for (const auto& h : outline.headings) check_span(text, h.span, "heading");
  if (outline.title.found) check_span(text, outline.title.span, "title");
  (void)xxgk::passes::build_grids(doc, outline.table_section, outline.page_table, xxgk::tmpl::matcher());
}

void read(const std::string& bytes, const xxgk::ParseOptions& options) {
  xxgk::frontend::Output out;
  std::vector<xxgk::Diagnostic> list;
  xxgk::diag::Diagnostics diags(list);
  const bool ok = xxgk::frontend::read_html(bytes, options, out, diags);
  const auto bad = xxgk::fuzz::first_invalid_utf8(out.source.text);
  FUZZ_CHECK(bad == std::string_view::npos, "source text is not UTF-8 at byte %zu", bad);
  for (const auto& d : list)
    FUZZ_CHECK(std::size_t{d.offset} + d.length <= out.source.text.size(), "diagnostic %s at [%u, +%u) outside the text",
               d.code.c_str(), d.offset, d.length);
  if (!ok) {
    FUZZ_CHECK(!list.empty(), "a page not read without a diagnostic");
    return;
  }
  FUZZ_CHECK(!out.encoding.empty(), "a page read without its encoding");
  check_tree(out);
}

void pipeline(const std::string& bytes) {
  const auto r = xxgk::parse_bytes("<html>" + bytes, "fuzz.html");
  const auto& rec = r.record;
  if (r.status == xxgk::Status::rejected) {
    FUZZ_CHECK(rec.has_errors() && rec.checks.empty(), "rejected without an error, or with checks");
  } else {
    FUZZ_CHECK(rec.format == "html", "format %s", rec.format.c_str());
    FUZZ_CHECK((r.status == xxgk::Status::ok) == (!rec.has_errors() && rec.checks_pass()), "status disagrees");
  }
  for (const auto& d : rec.diagnostics) {
    FUZZ_CHECK(d.code != "internal-error", "internal error: %s", d.message.c_str());
    FUZZ_CHECK(std::size_t{d.offset} + d.length <= r.text.size(), "diagnostic %s outside the text", d.code.c_str());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  read(bytes, {});
  if (size > 0) {
    xxgk::ParseOptions forced;
    forced.encoding = std::string(kForced[data[0] % std::size(kForced)]);
    read(bytes, forced);
  }
  pipeline(bytes);
  return 0;
}
