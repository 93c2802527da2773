// The document tree every front end builds and every pass after it reads: paragraphs and
// tables -> rows -> cells, in source order, with where each came from. No template state: what
// the passes find (titles, sections, the template's rows and columns) they keep in their own
// structures, and the tree is read-only to them.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace xxgk::doc {

// Bytes [begin, end) of the document's source text: the decoded text of a text or HTML source,
// the text a front end renders of its source otherwise (PDF lines, DOCX paragraphs and rows).
// The source text's anchors (source_text.hpp) turn it into a page, paragraph or cell.
struct Span {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

// A box on a page: PDF points, origin at the top left.
struct Box {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

// A cell is blank when its text is (text::is_blank, the one definition).
struct Cell {
  std::string_view text;  // as written: a view of the source text or of Document::store
  Span span;
  std::uint16_t colspan = 1, rowspan = 1;  // the grid slots it covers
  std::uint16_t page = 0;                  // the page of `box`; 0: the source has no geometry
  Box box;
};

struct Row {
  Span span;
  std::vector<Cell> cells;
};

// One physical table: rows between two interruptions (blank line, paragraph, page number).
struct Table {
  Span span;
  std::vector<Row> rows;
  // Whether its header's cells stand over the columns they name. False when the source's
  // geometry is only approximate (text laid out by pdftotext): the header then names the table,
  // and the values are read in the template's order.
  bool header_aligned = true;
  // How many leading cells of every row are label cells, when the source fixes it (text placed
  // by position: the values start after them, blank or not); 0 when the label is where it is.
  std::uint8_t label_slots = 0;
  // Its cells lost their separators (layout "glued"): a run of digits may hold several values,
  // split by the template's identities (passes/glued_cells.hpp).
  bool glued = false;
};

struct Paragraph {
  Span span;
  std::string_view text;  // trimmed of blanks at both ends
  // The first or the last line of a page, where a front end knows pages: where a running header
  // or footer stands (the outline pass drops the ones that recur).
  bool page_edge = false;
};

struct Block {
  enum class Kind : std::uint8_t { paragraph, table } kind = Kind::paragraph;
  std::uint32_t index = 0;  // into Document::paragraphs or tables
};

struct Document {
  std::vector<Block> blocks;  // source order
  std::vector<Paragraph> paragraphs;
  std::vector<Table> tables;
  // Text that is not a slice of the source text (joined runs, decoded entities): views point here
  // (a deque never moves its strings).
  std::deque<std::string> store;
  // Where the front end stopped adding nodes because the input has too many (see kMaxNodes).
  std::uint32_t truncated_at = UINT32_MAX;
  // Where a grammar stopped if it did not read the input to its end (a grammar fault).
  std::uint32_t unparsed_at = UINT32_MAX;

  void add_paragraph(Paragraph p) {
    blocks.push_back({Block::Kind::paragraph, static_cast<std::uint32_t>(paragraphs.size())});
    paragraphs.push_back(p);
  }
  void add_table(Table t) {
    blocks.push_back({Block::Kind::table, static_cast<std::uint32_t>(tables.size())});
    tables.push_back(std::move(t));
  }
};

// At most this many cells, rows and paragraphs are built: the tree of any input stays within a
// few hundred MB. Real reports have a few thousand.
inline constexpr std::size_t kMaxNodes = 2'000'000;

}  // namespace xxgk::doc
