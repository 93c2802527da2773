#include "frontend/positioned.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "parse/outline.hpp"
#include "passes/values.hpp"
#include "text/normalise.hpp"

namespace xxgk::frontend::positioned {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

double centre(const Fragment& f) { return (f.x0 + f.x1) / 2; }

// Whether text can read as a number or a null mark at all: normalisation keeps its first
// character when that is printable ASCII or a CJK ideograph, and a value starts with a digit, a
// sign or a null mark (of which 无 is the one ideograph). Labels, most of a table's text, stop here.
bool may_be_value(std::string_view t) {
  const auto c = static_cast<unsigned char>(t[0]);
  if (c < 0x80)
    return (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '/' || c == '\\' || c == '<' || c == '*' ||
           c == '_' || c <= ' ' || c == 0x7F;
  if (c >= 0xE4 && c <= 0xE9 && t.size() >= 3) return t == "无";
  return true;
}

// Whether text holds three CJK ideographs or more (U+4E00..U+9FFF, lead bytes E4..E9), as
// normalisation keeps them.
bool has_three_ideographs(std::string_view t) {
  int n = 0;
  for (std::size_t i = 0; i + 2 < t.size(); ++i) {
    const auto c = static_cast<unsigned char>(t[i]);
    if (c >= 0xE4 && c <= 0xE9 && (static_cast<unsigned char>(t[i + 1]) & 0xC0) == 0x80 &&
        (static_cast<unsigned char>(t[i + 2]) & 0xC0) == 0x80 && ++n == 3)
      return true;
  }
  return false;
}

bool value_like(std::string_view text) {
  if (text.empty() || !may_be_value(text)) return false;  // empty: blank, not a value
  if (!text.empty() && text.size() <= 9 && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return true;  // a plain count: most of a table's words
  // A label: a number has two ideographs at most (its unit, 万元), a null mark one (无).
  if (has_three_ideographs(text)) return false;
  const auto v = passes::read_value(text::normalise_text(text));
  return v.kind == passes::CellValue::Kind::number || v.kind == passes::CellValue::Kind::null;
}

std::size_t chars(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// A line as the table finder sees it.
// A line as the table finder sees it: its chunks (fragments no wider apart than a blank or two:
// a PDF line's words of one label or sentence), each a number or text.
struct Seen {
  const Line* line;
  std::vector<Fragment> chunks;
  std::vector<std::uint8_t> value;  // per chunk: reads as a number or a null mark (bytes: quicker to read than bits)
  int values = 0, texts = 0;
  bool page_edge = false;  // the first or the last line of its page
  bool data() const { return values > 0; }
};

// A column of numbers: the x range its values cover.
struct Band {
  double x0, x1;
  double c() const { return (x0 + x1) / 2; }
};

// One table: header lines over data lines (lines with numbers) and the label lines among them.
struct SubTable {
  std::vector<const Seen*> header;
  std::vector<const Seen*> body;  // data and label lines, in order
  bool has_data() const {
    return std::any_of(body.begin(), body.end(), [](const Seen* s) { return s->data(); });
  }
};

class Builder {
 public:
  Builder(const Metrics& m, bool header_aligned, doc::Document& doc, std::size_t lines)
      : m_(m), header_aligned_(header_aligned), doc_(doc) {
    seen_.reserve(lines);
  }

  void add(const Line& line) {
    auto& s = seen_.emplace_back(Seen{&line, {}, {}, 0, 0, false});
    s.chunks.reserve(line.fragments.size());
    bool last_value = false;  // whether the chunk so far ends in a number
    auto& whole = whole_;     // per chunk: 1 or 0 when it is one fragment that reads as a number or not; -1 when joined
    whole.clear();
    for (const auto& f : line.fragments) {
      // Words close together are one chunk, but two numbers never are: in a narrow column
      // (其他) a number may stand closer to the next column's than words of a label do.
      const bool is_value = value_like(f.text);
      const bool both_values = last_value && is_value;
      last_value = is_value;
      const double height = s.chunks.empty() ? 0 : std::min(f.y1 - f.y0, s.chunks.back().y1 - s.chunks.back().y0);
      if (!s.chunks.empty() && f.x0 - s.chunks.back().x1 < m_.chunk_gap * height && !both_values) {
        auto& c = s.chunks.back();  // the same chunk: its text runs on to this fragment's end
        c.text = std::string_view(c.text.data(), static_cast<std::size_t>(f.text.data() + f.text.size() - c.text.data()));
        c.span.end = f.span.end;
        c.x1 = f.x1, c.y0 = std::min(c.y0, f.y0), c.y1 = std::max(c.y1, f.y1);
        whole.back() = -1;
      } else {
        s.chunks.push_back(f);
        whole.push_back(is_value ? 1 : 0);
      }
    }
    s.value.reserve(s.chunks.size());
    for (std::size_t k = 0; k < s.chunks.size(); ++k) {
      const bool v = whole[k] >= 0 ? whole[k] == 1 : value_like(s.chunks[k].text);
      s.value.push_back(v);
      (v ? s.values : s.texts) += 1;
    }
  }

  void build() {
    for (std::size_t i = 0; i < seen_.size(); ++i) {
      const auto page = seen_[i].line->page;
      seen_[i].page_edge = page != 0 && ((i == 0 || seen_[i - 1].line->page != page) ||
                                         (i + 1 == seen_.size() || seen_[i + 1].line->page != page));
    }
    std::vector<const Seen*> region;
    std::vector<const Seen*> deferred;
    auto flush = [&] {
      emit_region(region);
      region.clear();
      for (const Seen* l : deferred) paragraph(*l);
      deferred.clear();
    };
    for (const auto& s : seen_) {
      const Line& line = *s.line;
      // (The grammars last: a line of prose is known by its length.)
      const bool breaks = line.fragments.empty() || line.fragments.size() > kMaxFragments ||
                          (s.values == 0 && s.chunks.size() == 1 && chars(line.text) > kLongText) ||
                          parse::page_number(line.text) || parse::section_heading(line.text);
      // A page break ends a table, unless nothing but its header is on the page before: the
      // header at the foot of one page, the rows on the next.
      const bool only_header = region.size() <= kMaxHeaderLines &&
                               std::none_of(region.begin(), region.end(), [](const Seen* r) { return r->data(); });
      const bool far = !region.empty() && (line.page != region.back()->line->page
                                               ? !only_header
                                               : line.y() - region.back()->line->y() > kMaxGap * m_.line_height);
      if (!region.empty() && only_header && parse::page_number(line.text)) {  // between a header and its rows
        deferred.push_back(&s);
        continue;
      }
      if (breaks || far) flush();
      if (breaks) {
        paragraph(s);
        continue;
      }
      if (region.empty() && !s.data() && s.texts < 2) {
        paragraph(s);  // a short line of text, not yet in a table
        continue;
      }
      region.push_back(&s);
    }
    flush();
  }

 private:
  static constexpr std::size_t kLongText = 40;  // characters: longer text on its own is a paragraph
  static constexpr double kMaxGap = 5;          // line heights: a larger gap ends a table
  static constexpr std::size_t kMaxHeaderLines = 8;  // a table's header has fewer lines
  // A table's line has a few dozen cells; a line of more fragments is text (and the work on a
  // hostile line stays linear).
  static constexpr std::size_t kMaxFragments = 256;

  void paragraph(const Seen& s) {
    if (!text::trim_blanks(s.line->text).empty()) doc_.add_paragraph({s.line->span, s.line->text, s.page_edge});
  }

  // The lines of a region: tables, split where a header follows data; what is left (text
  // without numbers) as paragraphs.
  void emit_region(const std::vector<const Seen*>& region) {
    if (region.empty()) return;
    double first_value = kInf;  // where the numbers begin
    for (const Seen* s : region)
      for (std::size_t i = 0; i < s->chunks.size(); ++i)
        if (s->value[i]) first_value = std::min(first_value, s->chunks[i].x0);
    // After data, a line without numbers continues a label, unless it or a line after it (before
    // the next data) reaches over the numbers: then a header (of the next table) begins.
    auto over_numbers = [&](const Seen* s) {
      return std::any_of(s->chunks.begin(), s->chunks.end(), [&](const Fragment& f) { return centre(f) > first_value; });
    };
    // header_ahead[i]: line i or a line after it, before the next data line, reaches over them.
    std::vector<bool> header_ahead(region.size() + 1, false);
    for (std::size_t i = region.size(); i-- > 0;)
      header_ahead[i] = !region[i]->data() && (over_numbers(region[i]) || header_ahead[i + 1]);
    std::vector<SubTable> tables(1);
    for (std::size_t i = 0; i < region.size(); ++i) {
      const Seen* s = region[i];
      auto& t = tables.back();
      if (s->data()) {
        t.body.push_back(s);
        continue;
      }
      if (!t.has_data()) {
        t.header.push_back(s);
        continue;
      }
      if (header_ahead[i]) tables.push_back({{s}, {}});
      else t.body.push_back(s);
    }
    // Label text under the last header line that reaches over the numbers is the first row's
    // label, wrapped above its values ("一、本年新收政府信息" / values / "公开申请数量").
    for (auto& t : tables) {
      std::size_t keep = t.header.size();
      while (keep > 0 && !over_numbers(t.header[keep - 1])) --keep;
      if (keep == 0) continue;  // no header over the numbers: nothing to tell apart
      t.body.insert(t.body.begin(), t.header.begin() + static_cast<std::ptrdiff_t>(keep), t.header.end());
      t.header.resize(keep);
    }
    for (auto& t : tables) emit_table(std::move(t));
  }

  // Columns of numbers: the x ranges of the values, merged where they overlap.
  std::vector<Band> bands(const SubTable& t) const {
    std::vector<Band> out;
    for (const Seen* s : t.body)
      for (std::size_t i = 0; i < s->chunks.size(); ++i)
        if (s->value[i]) out.push_back({s->chunks[i].x0, s->chunks[i].x1});
    std::sort(out.begin(), out.end(), [](const Band& a, const Band& b) { return a.x0 < b.x0; });
    std::vector<Band> merged;
    for (const auto& b : out) {
      if (!merged.empty() && b.x0 <= merged.back().x1 + m_.column_gap) merged.back().x1 = std::max(merged.back().x1, b.x1);
      else merged.push_back(b);
    }
    return merged;
  }

  double pitch(const std::vector<Band>& b) const {
    if (b.size() < 2) return 10 * m_.char_width;
    std::vector<double> d;
    for (std::size_t i = 1; i < b.size(); ++i) d.push_back(b[i].c() - b[i - 1].c());
    std::nth_element(d.begin(), d.begin() + static_cast<std::ptrdiff_t>(d.size() / 2), d.end());
    return d[d.size() / 2];
  }

  // The band whose region holds x (regions meet halfway between band centres); -1 left of them.
  static int band_of(const std::vector<Band>& b, double x, double start) {
    if (x < start) return -1;
    std::size_t lo = 0, hi = b.size() - 1;  // the first band whose region ends right of x
    while (lo < hi) {
      const std::size_t mid = (lo + hi) / 2;
      if (x < (b[mid].c() + b[mid + 1].c()) / 2) hi = mid;
      else lo = mid + 1;
    }
    return static_cast<int>(lo);
  }

  std::string_view keep(std::string s) { return doc_.store.emplace_back(std::move(s)); }

  struct Cell {
    double x0 = 0, x1 = 0;
    std::string joined;  // the fragments' texts, when there are two or more (most cells have one)
    doc::Span span;
    int parts = 0;
    std::string_view view;  // the one fragment's text, when there is one
    std::string_view text() const { return parts == 0 ? std::string_view{} : parts == 1 ? view : joined; }
  };
  // Text onto a cell's (its parts counted by the caller).
  static void add_text(Cell& c, std::string_view text) {
    if (c.parts == 0) {
      c.view = text;
      return;
    }
    if (c.parts == 1) c.joined = c.view;
    c.joined += text;
  }
  void append(Cell& c, const Fragment& f) {
    if (c.parts == 0) {
      c.x0 = f.x0, c.x1 = f.x1, c.span = f.span;
    } else {
      c.x0 = std::min(c.x0, f.x0), c.x1 = std::max(c.x1, f.x1);
    }
    add_text(c, f.text);
    ++c.parts;
  }
  doc::Cell to_cell(const Cell& c) {
    doc::Cell out;
    out.span = c.span;
    out.text = c.parts >= 2 ? keep(c.joined) : c.text();
    return out;
  }

  // Columns no row has a number in (left blank for zero), where the header is aligned with the
  // numbers: its leaves (header text right of the labels with no header text under it) each
  // name the columns of numbers nearer to it than to any other leaf; a leaf that names none and
  // stands over none is a column of its own.
  void add_header_columns(const SubTable& t, std::vector<Band>& b) const {
    double label_right = -kInf;
    for (const Seen* s : t.body)
      for (std::size_t i = 0; i < s->chunks.size(); ++i)
        if (!s->value[i] && centre(s->chunks[i]) < b.front().x0) label_right = std::max(label_right, s->chunks[i].x1);
    std::vector<Band> leaves;
    for (std::size_t i = 0; i < t.header.size(); ++i)
      for (const auto& f : t.header[i]->line->fragments) {
        if (f.x0 < label_right) continue;
        bool leaf = true;
        for (std::size_t j = i + 1; j < t.header.size() && leaf; ++j)
          for (const auto& g : t.header[j]->line->fragments)
            if (g.x0 < f.x1 && g.x1 > f.x0) leaf = false;
        if (leaf) leaves.push_back({f.x0, f.x1});
      }
    if (leaves.size() <= b.size()) return;
    std::vector<bool> named(leaves.size(), false);
    for (const auto& band : b) {
      std::size_t best = 0;
      for (std::size_t k = 1; k < leaves.size(); ++k)
        if (std::abs(leaves[k].c() - band.c()) < std::abs(leaves[best].c() - band.c())) best = k;
      named[best] = true;
    }
    const auto overlaps = [](const Band& x, const Band& y) { return x.x0 < y.x1 && x.x1 > y.x0; };
    const std::size_t columns = b.size();
    for (std::size_t k = 0; k < leaves.size(); ++k)
      if (!named[k] && std::none_of(b.begin(), b.begin() + static_cast<std::ptrdiff_t>(columns),
                                    [&](const Band& band) { return overlaps(band, leaves[k]); }))
        b.push_back(leaves[k]);
    std::sort(b.begin(), b.end(), [](const Band& x, const Band& y) { return x.x0 < y.x0; });
  }

  void emit_table(SubTable t) {
    // A header is a few lines: text above them is the page's (and work stays linear).
    if (t.header.size() > kMaxHeaderLines) {
      const auto cut = t.header.end() - static_cast<std::ptrdiff_t>(kMaxHeaderLines);
      for (auto it = t.header.begin(); it != cut; ++it) paragraph(**it);
      t.header.erase(t.header.begin(), cut);
    }
    auto b = bands(t);
    if (header_aligned_ && !b.empty()) add_header_columns(t, b);
    if (b.empty()) {  // no numbers: not a table
      for (const Seen* s : t.header) paragraph(*s);
      for (const Seen* s : t.body) paragraph(*s);
      return;
    }
    const double p = pitch(b);
    const double start = b.front().c() - p / 2;  // left of this, labels

    // Data rows: each data line with the label lines that belong to it.
    std::vector<std::size_t> owner(t.body.size(), SIZE_MAX);
    std::vector<std::size_t> prev_data(t.body.size(), SIZE_MAX), next_data(t.body.size(), SIZE_MAX);
    for (std::size_t i = 1; i < t.body.size(); ++i)
      prev_data[i] = t.body[i - 1]->data() ? i - 1 : prev_data[i - 1];
    for (std::size_t i = t.body.size() - 1; i-- > 0;)
      next_data[i] = t.body[i + 1]->data() ? i + 1 : next_data[i + 1];
    auto has_label = [&](const Seen* s) {
      for (const auto& f : s->chunks)
        if (band_of(b, centre(f), start) < 0) return true;
      return false;
    };
    for (std::size_t i = 0; i < t.body.size(); ++i) {
      if (t.body[i]->data()) {
        owner[i] = i;
        continue;
      }
      const std::size_t prev = prev_data[i], next = next_data[i];
      const double y = t.body[i]->line->y();
      const double dp = prev == SIZE_MAX ? kInf : y - t.body[prev]->line->y();
      const double dn = next == SIZE_MAX ? kInf : t.body[next]->line->y() - y;
      // Values on a line of their own take the label lines just above them; otherwise a label
      // line goes with the nearer data line (the one above on a tie).
      if (next != SIZE_MAX && !has_label(t.body[next]) && dn <= kMaxGap * m_.line_height) owner[i] = next;
      else owner[i] = dn < dp ? next : prev;
    }

    // Label cells per row: fragments left of the bands, joined where they stand one above the
    // other (a label wrapped in its cell), in order of x.
    struct Row {
      std::vector<Cell> labels;
      std::vector<Cell> values;  // per band
      std::vector<Cell> extra;   // a second value in a band
      doc::Span span{UINT32_MAX, 0};
    };
    std::vector<Row> rows;
    std::vector<std::size_t> row_of(t.body.size(), SIZE_MAX);
    for (std::size_t i = 0; i < t.body.size(); ++i)
      if (t.body[i]->data()) {
        row_of[i] = rows.size();
        rows.emplace_back().values.resize(b.size());
      }
    for (std::size_t i = 0; i < t.body.size(); ++i) {
      if (owner[i] == SIZE_MAX) continue;
      auto& row = rows[row_of[owner[i]]];
      const Seen* s = t.body[i];
      row.span = {std::min(row.span.begin, s->line->span.begin), std::max(row.span.end, s->line->span.end)};
      for (const auto& f : s->chunks) {
        const int band = band_of(b, centre(f), start);
        if (band < 0) {
          auto cell = std::find_if(row.labels.begin(), row.labels.end(), [&](const Cell& c) {
            return (f.x0 < c.x1 && f.x1 > c.x0) || std::abs(f.x0 - c.x0) <= 2 * m_.char_width;
          });
          if (cell == row.labels.end()) cell = row.labels.insert(row.labels.end(), Cell{});
          append(*cell, f);
        } else if (row.values[static_cast<std::size_t>(band)].parts == 0) {
          append(row.values[static_cast<std::size_t>(band)], f);
        } else {
          append(row.extra.emplace_back(), f);
        }
      }
    }
    // The same number of label slots in every table, so that a table continued after a page
    // break (a fragment of its own, maybe with fewer label levels) has its numbers in the same
    // slots: the template's labels have three levels at most; more cells are joined into the last.
    constexpr std::size_t label_slots = 3;
    for (auto& row : rows) {
      std::sort(row.labels.begin(), row.labels.end(), [](const Cell& a, const Cell& c) { return a.x0 < c.x0; });
      while (row.labels.size() > label_slots) {
        auto& last = row.labels[row.labels.size() - 2];
        add_text(last, row.labels.back().text());
        last.x1 = std::max(last.x1, row.labels.back().x1);
        last.parts += row.labels.back().parts;
        row.labels.pop_back();
      }
    }

    doc::Table table;
    table.header_aligned = header_aligned_;
    table.label_slots = label_slots;
    table.span = {UINT32_MAX, 0};
    auto widen = [&](doc::Span s) {
      table.span = {std::min(table.span.begin, s.begin), std::max(table.span.end, s.end)};
    };
    if (auto header = header_row(t, b, start, label_slots); !header.cells.empty()) {
      widen(header.span);
      table.rows.push_back(std::move(header));
    }
    for (auto& row : rows) {
      doc::Row out;
      out.span = row.span;
      widen(row.span);
      out.cells.reserve(label_slots + row.values.size() + row.extra.size());
      for (std::size_t k = 0; k < label_slots; ++k) out.cells.push_back(k < row.labels.size() ? to_cell(row.labels[k]) : doc::Cell{});
      for (const auto& v : row.values) out.cells.push_back(to_cell(v));
      for (const auto& v : row.extra) out.cells.push_back(to_cell(v));
      for (auto& c : out.cells)
        if (c.text.empty()) c.span = {row.span.begin, row.span.begin};
      table.rows.push_back(std::move(out));
    }
    doc_.add_table(std::move(table));
  }

  // The header: label-area text in the first slot, then per band the text of the fragments
  // stacked over it, top to bottom. Text that spans several bands (a group of columns) is left
  // out: the template's order says which group a column is in.
  doc::Row header_row(const SubTable& t, const std::vector<Band>& b, double start, std::size_t label_slots) {
    doc::Row row;
    if (t.header.empty()) return row;
    std::size_t fragments = 0;
    for (const Seen* s : t.header) fragments += s->line->fragments.size();
    std::vector<const Fragment*> all;
    std::vector<std::size_t> line_of;
    std::vector<std::size_t> line_start;  // per header line, where its fragments begin in `all`; then the end
    all.reserve(fragments);
    line_of.reserve(fragments);
    line_start.reserve(t.header.size() + 1);
    for (std::size_t i = 0; i < t.header.size(); ++i) {
      line_start.push_back(all.size());
      for (const auto& f : t.header[i]->line->fragments) {
        all.push_back(&f);
        line_of.push_back(i);
      }
    }
    line_start.push_back(all.size());
    std::vector<int> band_at_centre(all.size());
    for (std::size_t j = 0; j < all.size(); ++j) band_at_centre[j] = band_of(b, centre(*all[j]), start);
    std::vector<Cell> label(1), leaves(b.size());
    std::vector<int> below;  // the bands of the header text under a fragment, within its width
    row.span = {UINT32_MAX, 0};
    for (std::size_t k = 0; k < all.size(); ++k) {
      const Fragment& f = *all[k];
      row.span = {std::min(row.span.begin, f.span.begin), std::max(row.span.end, f.span.end)};
      // Header text reaching over the numbers names them, though its centre be left of them (a
      // long header over one narrow column of numbers).
      const int band = band_of(b, f.x1 > start + m_.char_width ? std::max(centre(f), start) : centre(f), start);
      if (band < 0) {
        append(label[0], f);
        continue;
      }
      below.clear();  // two are enough to tell
      for (std::size_t j = line_start[line_of[k] + 1]; j < all.size() && below.size() < 2; ++j)  // the lines under it
        if (const int other = band_at_centre[j];
            other >= 0 && centre(*all[j]) >= f.x0 && centre(*all[j]) <= f.x1 &&
            std::find(below.begin(), below.end(), other) == below.end())
          below.push_back(other);
      if (below.size() >= 2) continue;  // over two columns or more: names a group of them
      append(leaves[static_cast<std::size_t>(band)], f);
    }
    row.cells.reserve(label_slots + leaves.size());
    row.cells.push_back(to_cell(label[0]));
    for (std::size_t k = 1; k < label_slots; ++k) row.cells.emplace_back();
    for (const auto& l : leaves) row.cells.push_back(to_cell(l));
    for (auto& c : row.cells)
      if (c.text.empty()) c.span = {row.span.begin, row.span.begin};
    return row;
  }

  const Metrics& m_;
  bool header_aligned_;
  doc::Document& doc_;
  std::vector<Seen> seen_;
  std::vector<signed char> whole_;  // add's, kept between lines
};

}  // namespace

void build(const std::vector<Line>& lines, const Metrics& metrics, doc::Document& doc, bool header_aligned) {
  Builder b(metrics, header_aligned, doc, lines.size());
  for (const auto& l : lines) b.add(l);
  b.build();
}

}  // namespace xxgk::frontend::positioned
