// Fuzz one layout grammar through the layout registry: parse arbitrary bytes with
// xxgk::parse::find_layout(XXGK_FUZZ_LAYOUT)->parse and check the syntax tree it builds.
// Built once per layout (fuzz/CMakeLists.txt, XXGK_FUZZ_LAYOUTS).
//
// Besides the sanitizers, the target checks what the rest of the pipeline relies on:
//   - the grammar matches every input to the end (grammar/document.hpp: "the grammar never
//     fails on text"), so no line is dropped silently;
//   - every span lies inside the text, in order, and every raw string_view is exactly the text
//     of its span (diagnostic positions come from these spans) — but for a table read from
//     positions, whose joined cells are text of the tree's store, in the order of the columns,
//     and for a quoted tsv cell, whose span covers its quotes and whose text is what stands
//     between them ("" read as ": then a string of the store);
//   - block indices point into the tree's paragraphs and tables;
//   - the outline pass and the grids of normalised cells (the passes every front end shares)
//     run on the tree, and the headings and title they find lie inside the text;
//   - the layout's probe runs on every line.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/fuzz_check.hpp"
#include "parse/layouts.hpp"
#include "passes/grid.hpp"
#include "passes/outline.hpp"
#include "template/template.hpp"

#ifndef XXGK_FUZZ_LAYOUT
#error "define XXGK_FUZZ_LAYOUT to a layout name"
#endif

namespace {

using xxgk::doc::Span;

const xxgk::parse::Layout& layout() {
  static const xxgk::parse::Layout* l = [] {
    const auto* found = xxgk::parse::find_layout(XXGK_FUZZ_LAYOUT);
    FUZZ_CHECK(found != nullptr, "layout '%s' is not registered in src/parse/layouts.cpp", XXGK_FUZZ_LAYOUT);
    return found;
  }();
  return *l;
}

void check_span(std::string_view text, Span s, const char* what) {
  FUZZ_CHECK(s.begin <= s.end && s.end <= text.size(), "%s span [%u, %u) outside the text (%zu bytes)", what,
             s.begin, s.end, text.size());
}

void check_view(std::string_view text, Span s, std::string_view raw, const char* what) {
  check_span(text, s, what);
  FUZZ_CHECK(raw.data() == text.data() + s.begin && raw.size() == s.end - s.begin,
             "%s text is not the text of its span [%u, %u)", what, s.begin, s.end);
}

bool inside(Span inner, Span outer) { return outer.begin <= inner.begin && inner.end <= outer.end; }

bool inside_text(std::string_view text, std::string_view s) {
  return s.data() >= text.data() && s.data() + s.size() <= text.data() + text.size();
}

bool in_store(const xxgk::doc::Document& doc, std::string_view s) {
  for (const auto& stored : doc.store)
    if (s.data() == stored.data() && s.size() == stored.size()) return true;
  return false;
}

// A quoted cell ("…" in the tsv layout): its span is the quoted text, its text what stands
// between the quotes with each "" read as " — a view of the input when there is none, else a
// string of the store.
bool quoted_cell(std::string_view text, const xxgk::doc::Document& doc, const xxgk::doc::Cell& cell) {
  if (cell.span.end - cell.span.begin < 2 || cell.span.end > text.size()) return false;
  const auto quoted = text.substr(cell.span.begin, cell.span.end - cell.span.begin);
  if (quoted.front() != '"' || quoted.back() != '"') return false;
  const auto inner = quoted.substr(1, quoted.size() - 2);
  std::string unquoted;
  for (std::size_t i = 0; i < inner.size(); ++i) {
    unquoted += inner[i];
    if (inner[i] == '"') ++i;
  }
  if (cell.text != unquoted) return false;
  return (cell.text.data() == inner.data() && unquoted.size() == inner.size()) || in_store(doc, cell.text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const auto& l = layout();

  const xxgk::doc::Document doc = l.parse(text);
  FUZZ_CHECK(doc.unparsed_at == UINT32_MAX, "the %s grammar stops at byte %u of %zu", XXGK_FUZZ_LAYOUT,
             doc.unparsed_at, text.size());

  for (const auto& b : doc.blocks) {
    if (b.kind == xxgk::doc::Block::Kind::paragraph)
      FUZZ_CHECK(b.index < doc.paragraphs.size(), "paragraph block index %u", b.index);
    if (b.kind == xxgk::doc::Block::Kind::table) FUZZ_CHECK(b.index < doc.tables.size(), "table block index %u", b.index);
  }
  for (const auto& p : doc.paragraphs) check_view(text, p.span, p.text, "paragraph");
  std::uint32_t last_end = 0;  // rows come in source order, without overlap
  for (const auto& table : doc.tables) {
    check_span(text, table.span, "table");
    for (const auto& row : table.rows) {
      check_span(text, row.span, "row");
      FUZZ_CHECK(inside(row.span, table.span), "row [%u, %u) outside its table [%u, %u)", row.span.begin, row.span.end,
                 table.span.begin, table.span.end);
      FUZZ_CHECK(row.span.begin >= last_end, "row at %u overlaps the row before (ends at %u)", row.span.begin, last_end);
      last_end = row.span.end;
      std::uint32_t cell_end = row.span.begin;
      for (const auto& cell : row.cells) {
        // A table read from positions (label_slots > 0: the aligned layout) joins a cell's
        // fragments (a label wrapped over lines, a header stacked) into text of the tree's own
        // store, pointed at by its first fragment; and a label wrapped below its values stands
        // after them in the text.
        if (table.label_slots > 0 && (cell.text.empty() || !inside_text(text, cell.text))) {
          check_span(text, cell.span, "cell");
          FUZZ_CHECK(cell.text.empty() || in_store(doc, cell.text), "cell text neither of the input nor of the store");
        } else if (!quoted_cell(text, doc, cell)) {
          check_view(text, cell.span, cell.text, "cell");
        }
        FUZZ_CHECK(inside(cell.span, row.span), "cell [%u, %u) outside its row", cell.span.begin, cell.span.end);
        FUZZ_CHECK(table.label_slots > 0 || cell.span.begin >= cell_end, "cell [%u, %u) misplaced in row",
                   cell.span.begin, cell.span.end);
        cell_end = cell.span.end;
      }
    }
  }

  const auto outline = xxgk::passes::read_outline(doc);
  for (const auto& h : outline.headings) {
    check_view(text, h.span, h.text, "heading");
    FUZZ_CHECK(h.number >= 1 && h.number <= 6, "section number %d", h.number);
  }
  if (outline.title.found) {
    check_span(text, outline.title.span, "title");
    FUZZ_CHECK(outline.title.year >= 2000 && outline.title.year <= 2099, "title year %d", outline.title.year);
  }
  const auto grids = xxgk::passes::build_grids(doc, outline.table_section, outline.page_table, xxgk::tmpl::matcher());
  for (const auto& g : grids.tables)
    for (const auto& row : g.rows)
      FUZZ_CHECK(row.label_end < static_cast<int>(row.cells.size()), "label end %d past the row's %zu cells", row.label_end,
                 row.cells.size());

  std::size_t pos = 0;
  while (pos <= text.size()) {
    auto nl = text.find('\n', pos);
    l.probe(std::string_view(text).substr(pos, nl == std::string::npos ? std::string::npos : nl - pos));
    if (nl == std::string::npos) break;
    pos = nl + 1;
  }
  (void)xxgk::parse::detect_layout(text);
  return 0;
}
