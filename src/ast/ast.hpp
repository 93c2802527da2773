// The syntax tree the grammar actions build: Document -> title, sections -> paragraphs and
// tables -> rows -> cells. Positions are byte offsets into the decoded UTF-8 text (SourceText),
// which must outlive the tree: raw text is a string_view into it.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "template/matcher.hpp"
#include "xxgk/record.hpp"

namespace xxgk::ast {

struct Span {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

struct Cell {
  Span span;
  std::string_view raw;  // as written
  // Normalised (pass normalise): see src/passes/normalise.hpp. A view of `raw` when normalising
  // changes nothing, else of the Document's cell_texts.
  std::string_view text;
  // What the normalised text reads as (pass normalise): see src/passes/values.hpp.
  enum class Kind : std::uint8_t {
    blank,    // empty
    null,     // '/', '-', '—', '无': no value, written on purpose
    number,   // `number` holds it
    text,     // anything else: a label, or an invalid value
  } kind = Kind::blank;
  Decimal number;
  tmpl::Hits hits;  // template label fragments in `text` (pass normalise)
  bool value_like() const { return kind == Kind::number || kind == Kind::null; }
};

struct Row {
  Span span;
  std::vector<Cell> cells;
  // Its label (pass normalise: passes::read_label in src/passes/map_rows.hpp): the index of the
  // last label cell (-1: no label), how many non-empty cells the label area has, their text
  // joined when there are several, and the template label fragments in the label.
  int label_end = -1;
  int label_cells = 0;
  std::string joined_label;
  tmpl::Hits label_hits;
};

// One physical table: the rows between two interruptions (blank line, page number, paragraph).
struct Table {
  Span span;
  std::vector<Row> rows;
  int separators = 0;  // markdown |---| rows seen
};

struct Paragraph {
  Span span;
  std::string_view raw;
};

// A section's content in source order. A page number is kept as a break marker.
struct Block {
  enum class Kind { paragraph, table, page_break } kind = Kind::paragraph;
  std::size_t index = 0;  // into Section::paragraphs or Section::tables
};

struct Section {
  int number = 0;  // 1..6; 0 for the preamble (text before the first heading)
  Span heading_span;
  std::string_view heading;  // as written, markdown '#' and blanks removed
  std::vector<Paragraph> paragraphs;
  std::vector<Table> tables;
  std::vector<Block> blocks;
};

struct Title {
  bool present = false;
  Span span;
  std::string_view agency;
  Span agency_span;
  std::string_view year;
  Span year_span;
};

struct Document {
  Title title;
  std::vector<Section> sections;  // sections[0] is the preamble
  // Where the builder stopped adding nodes because the input has too many (see kMaxNodes).
  std::uint32_t truncated_at = UINT32_MAX;
  // Where the grammar stopped if it did not read the input to its end (a grammar fault).
  std::uint32_t unparsed_at = UINT32_MAX;
  // Normalised cell text that differs from the raw text (Cell::text views it; a deque never moves
  // its strings).
  std::deque<std::string> cell_texts;
};

// At most this many cells, rows, paragraphs and headings are built: the AST of any input stays
// within a few hundred MB. Real reports have a few thousand.
inline constexpr std::size_t kMaxNodes = 2'000'000;

}  // namespace xxgk::ast
