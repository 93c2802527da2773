#include "frontend/label_lines.hpp"

#include <iterator>
#include <vector>

#include "parse/outline.hpp"
#include "passes/map_rows.hpp"
#include "passes/values.hpp"
#include "template/template.hpp"
#include "text/normalise.hpp"

namespace xxgk::frontend {

namespace {

using Kind = doc::Block::Kind;

// Do `end` and `begin` stand on the same line or on consecutive ones, with nothing but blanks
// between them (no blank line, no text)?
bool next_line(std::string_view text, std::uint32_t end, std::uint32_t begin) {
  if (end > begin || begin > text.size()) return false;
  const auto between = text.substr(end, begin - end);
  int breaks = 0;
  for (std::size_t i = 0; i < between.size(); ++i)
    breaks += between[i] == '\n' || (between[i] == '\r' && (i + 1 == between.size() || between[i + 1] != '\n'));
  return breaks <= 1 && text::is_blank(between);
}

// A row of bare values: a number, and no text (blank cells and nulls aside).
bool bare_values(const doc::Row& row) {
  bool number = false;
  for (const auto& c : row.cells) {
    const auto t = text::normalise_text(c.text);
    if (t.empty()) continue;
    const auto kind = passes::read_value(t).kind;
    if (kind == passes::CellValue::Kind::invalid) return false;
    number |= kind == passes::CellValue::Kind::number;
  }
  return number;
}

// The fragments naming the template tables (of any version) that have a row labelled `line`;
// none when the line is no such label: a sentence, a section heading, a page number or footer.
tmpl::Hits tables_labelled(std::string_view line) {
  if (line.find("。") != std::string_view::npos || parse::section_heading(line) != 0) return {};
  passes::GridCell cell;
  const auto normalised = text::normalise_text(line);
  cell.text = normalised;
  cell.value = passes::read_value(cell.text);
  if (!passes::label_like(cell)) return {};
  const auto hits = tmpl::matcher().scan(cell.text);
  tmpl::Hits tables;
  for (const auto* v : tmpl::versions())
    for (const auto& spec : v->tables)
      if ((hits & spec.row_fragments).any() && tmpl::find_label(hits, cell.text, spec.rows) >= 0)
        tables |= spec.naming_fragments;
  return tables;
}

// The template label fragments in a table's cells.
tmpl::Hits fragments(const doc::Table& table) {
  tmpl::Hits hits;
  for (const auto& row : table.rows)
    for (const auto& c : row.cells)
      if (const auto t = text::normalise_text(c.text); !t.empty()) hits |= tmpl::matcher().scan(t);
  return hits;
}

}  // namespace

void keep_label_lines(doc::Document& doc, std::string_view text) {
  const auto& blocks = doc.blocks;
  std::vector<bool> kept;  // per block: a label line kept as a row (allocated at the first: most reports have none)
  tmpl::Hits above;        // the fragments of the tables above the line, back to the first a kept line did not join
  for (std::size_t i = 1; i + 1 < blocks.size(); ++i) {
    if (blocks[i].kind != Kind::paragraph || blocks[i - 1].kind != Kind::table || blocks[i + 1].kind != Kind::table)
      continue;
    const auto& line = doc.paragraphs[blocks[i].index];
    const auto& table = doc.tables[blocks[i - 1].index];
    const auto& next = doc.tables[blocks[i + 1].index];
    if (next.rows.empty() || !next_line(text, table.span.end, line.span.begin) ||
        !next_line(text, line.span.end, next.span.begin) || !bare_values(next.rows.front()))
      continue;
    const auto labelled = tables_labelled(line.text);
    if (labelled.none()) continue;
    above = i >= 2 && !kept.empty() && kept[i - 2] ? above | fragments(table) : fragments(table);
    if ((above & labelled).none()) continue;  // a label of another table than the one it stands in
    if (kept.empty()) kept.assign(blocks.size(), false);
    kept[i] = true;
  }
  if (kept.empty()) return;

  std::vector<doc::Block> out_blocks;
  std::vector<doc::Paragraph> out_paragraphs;
  std::vector<doc::Table> out_tables;
  out_blocks.reserve(blocks.size());
  out_paragraphs.reserve(doc.paragraphs.size());
  out_tables.reserve(doc.tables.size());
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const auto& block = blocks[i];
    if (kept[i]) {  // the line a row of the table above, the table below its rows after it
      auto& table = out_tables.back();
      const auto& line = doc.paragraphs[block.index];
      auto& row = table.rows.emplace_back();
      row.span = line.span;
      auto& cell = row.cells.emplace_back();
      cell.text = line.text;
      cell.span = line.span;
      auto& next = doc.tables[blocks[++i].index];
      table.rows.insert(table.rows.end(), std::make_move_iterator(next.rows.begin()),
                        std::make_move_iterator(next.rows.end()));
      table.span.end = next.span.end;
    } else if (block.kind == Kind::paragraph) {
      out_blocks.push_back({Kind::paragraph, static_cast<std::uint32_t>(out_paragraphs.size())});
      out_paragraphs.push_back(doc.paragraphs[block.index]);
    } else {
      out_blocks.push_back({Kind::table, static_cast<std::uint32_t>(out_tables.size())});
      out_tables.push_back(std::move(doc.tables[block.index]));
    }
  }
  doc.blocks = std::move(out_blocks);
  doc.paragraphs = std::move(out_paragraphs);
  doc.tables = std::move(out_tables);
}

}  // namespace xxgk::frontend
