// The PDF front end: each page's text boxes through poppler's C++ interface, rebuilt into lines
// from their geometry, and the tables read from the boxes' positions as the `aligned` layout
// reads pdftotext's columns (frontend/positioned.hpp). The source text it renders is the lines,
// page after page; each line is anchored to its page and line there, so that diagnostics say
// `report.pdf: page 3, line 12, column 5`.
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <mutex>

#include "frontend/frontend.hpp"
#include "frontend/positioned.hpp"

namespace xxgk::frontend {

namespace {

// More pages than any report has (a report has five to twenty): past it, the file is refused
// rather than read for minutes.
constexpr int kMaxPages = 500;

struct Box {
  std::string text;
  double x0, y0, x1, y1;
  bool space_after;
  double h() const { return y1 - y0; }
  double yc() const { return (y0 + y1) / 2; }
};

// A page's boxes as lines: boxes whose vertical centres lie within half a text height of each
// other, left to right; within a line, the boxes of one word form one fragment.
std::vector<std::vector<std::vector<const Box*>>> lines_of(std::vector<Box>& boxes) {
  std::sort(boxes.begin(), boxes.end(), [](const Box& a, const Box& b) { return a.yc() < b.yc(); });
  std::vector<std::vector<const Box*>> lines;
  for (const auto& b : boxes) {
    if (lines.empty()) {
      lines.push_back({&b});
      continue;
    }
    auto& line = lines.back();
    double yc = 0, h = std::numeric_limits<double>::max();
    for (const Box* o : line) yc += o->yc(), h = std::min(h, o->h());
    yc /= static_cast<double>(line.size());
    if (std::abs(b.yc() - yc) <= std::min(h, b.h()) / 2) line.push_back(&b);
    else lines.push_back({&b});
  }
  std::vector<std::vector<std::vector<const Box*>>> out;
  for (auto& line : lines) {
    std::sort(line.begin(), line.end(), [](const Box* a, const Box* b) { return a->x0 < b->x0; });
    auto& fragments = out.emplace_back();
    for (const Box* b : line) {
      // Boxes of one word (poppler saw no space between them, and they nearly touch) are one
      // fragment; words stay apart, so that header words stacked over different columns do.
      const Box* prev = fragments.empty() ? nullptr : fragments.back().back();
      if (prev && !prev->space_after && b->x0 - prev->x1 < std::min(b->h(), prev->h()) / 2)
        fragments.back().push_back(b);
      else
        fragments.push_back({b});
    }
  }
  return out;
}

}  // namespace

bool read_pdf(std::string bytes, const ParseOptions& /*options*/, Output& out, diag::Diagnostics& diags) {
  // poppler writes what it repairs to stderr; what matters to the user is in the diagnostics.
  static std::once_flag quiet;
  std::call_once(quiet, [] { poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr); });
  std::unique_ptr<poppler::document> pdf(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!pdf) {
    diags.report(diag::Id::pdf_damaged, {0, 0});
    return false;
  }
  if (pdf->is_locked()) {
    diags.report(diag::Id::pdf_encrypted, {0, 0});
    return false;
  }
  const int pages = pdf->pages();
  if (pages > kMaxPages) {
    diags.report(diag::Id::pdf_too_many_pages, {0, 0}, pages, kMaxPages);
    return false;
  }

  // Every page's lines, then the source text they render, then the views into it.
  struct PageLines {
    std::vector<Box> boxes;
    std::vector<std::vector<std::vector<const Box*>>> lines;
  };
  std::vector<PageLines> all(static_cast<std::size_t>(std::max(pages, 0)));
  std::size_t boxes = 0;
  std::vector<double> heights;
  for (int p = 0; p < pages; ++p) {
    std::unique_ptr<poppler::page> page(pdf->create_page(p));
    if (!page) continue;
    auto& pl = all[static_cast<std::size_t>(p)];
    for (const auto& t : page->text_list()) {
      const auto utf8 = t.text().to_utf8();
      std::string s(utf8.begin(), utf8.end());
      if (s.find_first_not_of(" \t\r\n") == std::string::npos) continue;
      const auto r = t.bbox();
      pl.boxes.push_back({std::move(s), r.x(), r.y(), r.x() + r.width(), r.y() + r.height(), t.has_space_after()});
      heights.push_back(r.height());
      if (++boxes > doc::kMaxNodes) break;
    }
    pl.lines = lines_of(pl.boxes);
    if (boxes > doc::kMaxNodes) break;  // the rest is not read (too-many-cells at the end of the text)
  }
  if (boxes == 0) {
    diags.report(diag::Id::pdf_no_text, {0, 0}, pages);
    return false;
  }

  // The source text: a line per line, fragments two blanks apart, a page's first line anchored.
  auto& text = out.source.text;
  std::vector<positioned::Line> lines;
  std::vector<std::vector<std::pair<std::size_t, std::size_t>>> ranges;  // per line, per fragment: bytes of text
  for (int p = 0; p < pages; ++p) {
    std::uint32_t line_no = 0;
    for (const auto& fragments : all[static_cast<std::size_t>(p)].lines) {
      out.source.anchors.push_back({static_cast<std::uint32_t>(text.size()), {.line = ++line_no, .page = static_cast<std::uint32_t>(p + 1)}, true});
      auto& line = lines.emplace_back();
      line.page = static_cast<std::uint16_t>(std::min(p + 1, 65535));
      auto& r = ranges.emplace_back();
      for (const auto& fragment : fragments) {
        if (!r.empty()) text += "  ";
        const std::size_t begin = text.size();
        for (std::size_t k = 0; k < fragment.size(); ++k) {
          if (k > 0 && fragment[k - 1]->space_after) text += ' ';
          text += fragment[k]->text;
        }
        r.push_back({begin, text.size()});
        line.fragments.push_back({{}, {}, fragment.front()->x0, fragment.back()->x1, 0, 0});
        double y0 = fragment.front()->y0, y1 = fragment.front()->y1;
        for (const Box* b : fragment) y0 = std::min(y0, b->y0), y1 = std::max(y1, b->y1);
        line.fragments.back().y0 = y0;
        line.fragments.back().y1 = y1;
      }
      text += '\n';
    }
  }
  const std::string_view view(text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    auto& line = lines[i];
    for (std::size_t k = 0; k < line.fragments.size(); ++k) {
      const auto [b, e] = ranges[i][k];
      line.fragments[k].text = view.substr(b, e - b);
      line.fragments[k].span = {static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e)};
    }
    const auto b = ranges[i].front().first, e = ranges[i].back().second;
    line.text = view.substr(b, e - b);
    line.span = {static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e)};
  }
  std::nth_element(heights.begin(), heights.begin() + static_cast<std::ptrdiff_t>(heights.size() / 2), heights.end());
  const double h = heights[heights.size() / 2];  // a character's height and width; lines are 1.5 apart
  positioned::build(lines, {h, 1.5 * h, 0.35}, out.doc, true);
  if (boxes > doc::kMaxNodes) out.doc.truncated_at = static_cast<std::uint32_t>(text.size());
  return true;
}

}  // namespace xxgk::frontend
