// Fuzz one layout grammar through the layout registry: parse arbitrary bytes with
// xxgk::parse::find_layout(XXGK_FUZZ_LAYOUT)->parse and check the syntax tree it builds.
// Built once per layout (fuzz/CMakeLists.txt, XXGK_FUZZ_LAYOUTS).
//
// Besides the sanitizers, the target checks what the rest of the pipeline relies on:
//   - the grammar matches every input to the end (grammar/document.hpp: "the grammar never
//     fails on text"), so no line is dropped silently;
//   - every span lies inside the text, in order, and every raw string_view is exactly the text
//     of its span (diagnostic positions come from these spans);
//   - block indices point into their section's paragraphs and tables;
//   - a title's year is four digits (passes/document.cpp reads it with std::stoi);
//   - normalise() and the layout's probe run on every cell and line.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/fuzz_check.hpp"
#include "parse/layouts.hpp"
#include "passes/normalise.hpp"
#include "template/template.hpp"

#ifndef XXGK_FUZZ_LAYOUT
#error "define XXGK_FUZZ_LAYOUT to a layout name"
#endif

namespace {

using xxgk::ast::Span;

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

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const auto& l = layout();

  xxgk::ast::Document doc = l.parse(text);
  FUZZ_CHECK(doc.unparsed_at == UINT32_MAX, "the %s grammar stops at byte %u of %zu", XXGK_FUZZ_LAYOUT,
             doc.unparsed_at, text.size());
  FUZZ_CHECK(!doc.sections.empty() && doc.sections.front().number == 0, "no preamble section");

  const auto& title = doc.title;
  if (title.present) {
    check_span(text, title.span, "title");
    check_view(text, title.agency_span, title.agency, "title agency");
    check_view(text, title.year_span, title.year, "title year");
    FUZZ_CHECK(inside(title.agency_span, title.span) && inside(title.year_span, title.span),
               "agency or year outside the title");
    auto year = xxgk::passes::normalise_text(title.year);
    FUZZ_CHECK(year.size() == 4 && year.find_first_not_of("0123456789") == std::string::npos,
               "title year '%s' is not four digits", year.c_str());
  }

  std::uint32_t last_end = 0;  // rows come in source order, without overlap
  for (std::size_t si = 0; si < doc.sections.size(); ++si) {
    auto& section = doc.sections[si];
    FUZZ_CHECK(section.number >= 0 && section.number <= 6, "section number %d", section.number);
    FUZZ_CHECK((si == 0) == (section.number == 0), "section %zu has number %d", si, section.number);
    if (section.number != 0) check_view(text, section.heading_span, section.heading, "heading");
    for (const auto& p : section.paragraphs) check_view(text, p.span, p.raw, "paragraph");
    for (const auto& b : section.blocks) {
      if (b.kind == xxgk::ast::Block::Kind::paragraph)
        FUZZ_CHECK(b.index < section.paragraphs.size(), "paragraph block index %zu", b.index);
      if (b.kind == xxgk::ast::Block::Kind::table)
        FUZZ_CHECK(b.index < section.tables.size(), "table block index %zu", b.index);
    }
    for (auto& table : section.tables) {
      check_span(text, table.span, "table");
      FUZZ_CHECK(!table.rows.empty() || table.separators > 0, "a table with no rows and no separator");
      for (auto& row : table.rows) {
        check_span(text, row.span, "row");
        FUZZ_CHECK(inside(row.span, table.span), "row [%u, %u) outside its table [%u, %u)", row.span.begin,
                   row.span.end, table.span.begin, table.span.end);
        FUZZ_CHECK(row.span.begin >= last_end, "row at %u overlaps the row before (ends at %u)", row.span.begin,
                   last_end);
        last_end = row.span.end;
        std::uint32_t cell_end = row.span.begin;
        for (auto& cell : row.cells) {
          check_view(text, cell.span, cell.raw, "cell");
          FUZZ_CHECK(inside(cell.span, row.span) && cell.span.begin >= cell_end, "cell [%u, %u) misplaced in row",
                     cell.span.begin, cell.span.end);
          cell_end = cell.span.end;
        }
      }
    }
  }

  xxgk::passes::normalise(doc, xxgk::tmpl::template_2021().matcher);

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
