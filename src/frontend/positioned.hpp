// Text with positions -> the document tree: what the PDF front end (boxes on a page) and the
// `aligned` layout (text laid out by `pdftotext -layout`: character columns) share, so that the
// two read a table the same way. Tables are found from the geometry alone: the numbers of a
// column share an x band; a row is a line with numbers, with the label lines around it that have
// none (a label wrapped over two or three lines, its values on the first, the last or a line of
// their own); header fragments stacked in a band are joined (商业 / 企业); text spanning several
// bands (申请人情况, 行政复议) names groups of columns and is left to the template's order.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "doc/tree.hpp"

namespace xxgk::frontend::positioned {

// A run of text without a wide gap in it: a word of a PDF line, or text between runs of blanks.
struct Fragment {
  std::string_view text;  // a view of the source text
  doc::Span span;
  double x0 = 0, x1 = 0;  // left and right: points, or character columns
  double y0 = 0, y1 = 0;  // top and bottom: points, or the line's index
};

struct Line {
  std::vector<Fragment> fragments;  // left to right
  std::string_view text;            // the whole line, trimmed (a paragraph)
  doc::Span span;
  std::uint16_t page = 0;           // 1-based; 0 when the source has no pages
  double y() const { return fragments.empty() ? 0 : (fragments.front().y0 + fragments.front().y1) / 2; }
};

struct Metrics {
  double char_width = 1;   // a character's width: the scale of horizontal tolerances
  double line_height = 1;  // a line's height: the scale of vertical distances
  // Fragments closer than this many times their height are one chunk (words of one label or
  // sentence): a table in a small font has its cells closer together.
  double chunk_gap = 1.5;
  // Numbers of two rows this far apart or closer are in one column: pdftotext's columns jitter
  // by a character; a PDF's narrow columns stand a few points apart.
  double column_gap = 0;
};

// The tree of one source: its lines, page after page, top to bottom. Fragments' spans and texts
// must stay valid (they are views); joined text goes into doc.store. `header_aligned`: whether
// header text stands over the numbers it names (a PDF's boxes) or only roughly (pdftotext's
// character grid): see doc::Table.
void build(const std::vector<Line>& lines, const Metrics& metrics, doc::Document& doc, bool header_aligned);

}  // namespace xxgk::frontend::positioned
