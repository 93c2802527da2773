// Layout "glued": see glued.hpp. One pass over each line: at every character the rules of
// grammar/glued.hpp are tried (each fails on the first byte or two for almost every position),
// so the work is linear in the text.
#include "frontend/glued.hpp"

#include <tao/pegtl.hpp>

#include <algorithm>
#include <optional>
#include <vector>

#include "grammar/glued.hpp"

namespace xxgk::frontend {

namespace {

namespace pg = tao::pegtl;
namespace g = grammar::glued;

// The length of `Rule`'s match at `i` of `line`, or 0.
template <typename Rule>
std::size_t match_at(std::string_view line, std::size_t i) {
  if (i >= line.size()) return 0;
  // Every rule starts with a digit, a bracket or a Chinese character (lead byte 0xE4 to 0xEF):
  // the rest of ASCII and of the text is passed over without starting the parser.
  const auto c = static_cast<unsigned char>(line[i]);
  if (c < 0xE4 && c != '(' && !(c >= '0' && c <= '9')) return 0;
  pg::memory_input<pg::tracking_mode::lazy> in(line.data() + i, line.size() - i, "");
  if (!pg::parse<Rule>(in)) return 0;
  return static_cast<std::size_t>(in.current() - (line.data() + i));
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::size_t blank_len(std::string_view s, std::size_t i) {
  if (s[i] == ' ' || s[i] == '\t') return 1;
  if (s.substr(i).starts_with("\xE3\x80\x80")) return 3;  // ideographic space
  if (s.substr(i).starts_with("\xC2\xA0")) return 2;      // no-break space
  return 0;
}

std::size_t char_len(std::string_view s, std::size_t i) {
  std::size_t n = 1;
  while (i + n < s.size() && (static_cast<unsigned char>(s[i + n]) & 0xC0) == 0x80) ++n;
  return n;
}

class Builder {
 public:
  explicit Builder(std::string_view text) : text_(text) {}

  doc::Document run() {
    std::size_t p = 0;
    while (p < text_.size() && !full()) {
      std::size_t e = text_.find('\n', p);
      if (e == std::string_view::npos) e = text_.size();
      std::size_t le = e;
      if (le > p && text_[le - 1] == '\r') --le;
      line(p, le);
      p = e + 1;
    }
    close_table();
    if (full()) doc_.truncated_at = static_cast<std::uint32_t>(std::min(p, text_.size()));
    return std::move(doc_);
  }

 private:
  bool full() const { return nodes_ >= doc::kMaxNodes; }

  void line(std::size_t ls, std::size_t le) {
    const std::string_view l = text_.substr(0, le);  // rules read no further than the line
    std::size_t s = ls;  // start of the prose not yet added
    bool piece_start = true;  // nothing but blanks since the line's or the last heading's start
    for (std::size_t i = ls; i < le && !full();) {
      if (const std::size_t b = blank_len(l, i)) {
        if (table_) end_cell(i);
        i += b;
        continue;
      }
      const auto lead = static_cast<unsigned char>(l[i]);
      if (!table_ && lead < 0xE4 && lead != '(') {  // no heading, caption or header starts here
        piece_start = false;
        ++i;
        continue;
      }
      if (const std::size_t h = lead >= 0xE4 ? match_at<g::heading>(l, i) : 0) {
        scanned_ = i;
        prose(s, i);
        close_table();
        paragraph(i, i + h);
        i = s = i + h;
        piece_start = true;
        continue;
      }
      if (!table_) {
        const std::size_t c = match_at<g::caption>(l, i);
        if (c || (piece_start && match_at<g::header_start>(l, i))) {
          prose(s, i);
          open_table();
        } else {
          piece_start = false;
          i += char_len(l, i);
          continue;
        }
      }
      i = table_text(l, i, le);
      s = i;
      piece_start = false;
    }
    scanned_ = le;
    if (!table_) prose(s, le);
    else close_row();
  }

  // One step inside a table from `i`: a caption, a header, a run of digits or a character of a
  // label. Returns where the next step starts.
  std::size_t table_text(std::string_view l, std::size_t i, std::size_t le) {
    scanned_ = i;
    if (const std::size_t c = match_at<g::caption>(l, i)) {
      close_row();
      cell(i, i + c, false);
      close_row();
      return i + c;
    }
    if (!label_open_ && (values_ || row_.cells.empty()) && match_at<g::header_start>(l, i)) return header(l, i, le);
    if (is_digit(l[i]) && !match_at<g::row_numbering>(l, i)) {
      std::size_t j = i;
      while (j < le && (is_digit(l[j]) || (l[j] == '.' && j > i && j + 1 < le && is_digit(l[j + 1])))) ++j;
      // 00000002.其他…: the last digit numbers the next row's label.
      if (j - i > 1 && match_at<g::row_numbering>(l, j - 1)) --j;
      end_cell(i);
      cell(i, j, true);
      return j;
    }
    if (values_) close_row();  // text after values: the next row
    if (!label_open_) label_begin_ = i, label_open_ = true;
    return i + char_len(l, i);
  }

  // A header: up to the first digit or row numbering; one of 表二 (信息内容 …) ends after its
  // last column name, the label of the first row following it.
  std::size_t header(std::string_view l, std::size_t i, std::size_t le) {
    close_row();
    const bool active = l.substr(i).starts_with("\xE4\xBF\xA1\xE6\x81\xAF\xE5\x86\x85\xE5\xAE\xB9");  // 信息内容
    std::size_t end = i, last_word = 0;
    std::vector<std::size_t> cuts;  // 表二: a cell ends after 信息内容 and after each column's name
    if (active) cuts.push_back(i + 12);
    while (end < le && !is_digit(l[end]) && !(end > i && match_at<g::row_numbering>(l, end)) &&
           !(end > i && match_at<g::caption>(l, end)) && !match_at<g::heading>(l, end)) {
      if (active)
        if (const std::size_t w = match_at<g::header_word_end>(l, end)) cuts.push_back(last_word = end + w);
      end += char_len(l, end);
    }
    if (active && last_word) end = last_word;
    std::size_t next_cut = 0;  // cuts are in order, and so is k
    for (std::size_t k = i; k < end;) {  // a cell per part between blanks (and cuts)
      while (next_cut < cuts.size() && cuts[next_cut] < k) ++next_cut;
      if (next_cut < cuts.size() && cuts[next_cut] == k) end_cell(k);
      if (const std::size_t b = blank_len(l, k)) {
        end_cell(k);
        k += b;
        continue;
      }
      if (!label_open_) label_begin_ = k, label_open_ = true;
      k += char_len(l, k);
    }
    end_cell(end);
    close_row();
    return end;
  }

  void end_cell(std::size_t at) {
    if (!label_open_) return;
    label_open_ = false;
    cell(label_begin_, at, false);
  }

  void cell(std::size_t b, std::size_t e, bool value) {
    if (!value) {
      while (e > b && blank_len(text_, e - 1)) --e;
    } else {
      end_cell(b);
    }
    if (e <= b || full()) return;
    ++nodes_;
    doc::Cell c;
    c.text = text_.substr(b, e - b);
    c.span = {static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e)};
    if (row_.cells.empty()) row_.span.begin = c.span.begin;
    row_.span.end = c.span.end;
    row_.cells.push_back(c);
    values_ = values_ || value;
  }

  void close_row() {
    if (label_open_) end_cell(label_end_guess());
    if (!row_.cells.empty() && table_ && !full()) {
      ++nodes_;
      if (table_->rows.empty()) table_->span.begin = row_.span.begin;
      table_->span.end = row_.span.end;
      table_->rows.push_back(std::move(row_));
    }
    row_ = {};
    values_ = false;
  }
  // A label still open when its row closes ends where the text scanned so far ends.
  std::size_t label_end_guess() const { return scanned_; }

  void open_table() {
    close_table();
    table_.emplace();
    table_->header_aligned = false;  // the header's words stand in no column
    table_->glued = true;
  }
  void close_table() {
    if (!table_) return;
    close_row();
    if (!table_->rows.empty() && !full()) {
      ++nodes_;
      doc_.add_table(std::move(*table_));
    }
    table_.reset();
  }

  void prose(std::size_t b, std::size_t e) {
    while (b < e && blank_len(text_, b)) b += blank_len(text_, b);
    while (e > b && blank_len(text_, e - 1)) --e;
    if (e > b) paragraph(b, e);
  }
  void paragraph(std::size_t b, std::size_t e) {
    if (full()) return;
    ++nodes_;
    doc_.add_paragraph({{static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e)}, text_.substr(b, e - b)});
  }

  std::string_view text_;
  doc::Document doc_;
  std::optional<doc::Table> table_;
  doc::Row row_;
  bool values_ = false;      // the row has a value cell
  bool label_open_ = false;  // a label cell is being read from label_begin_
  std::size_t label_begin_ = 0;
  std::size_t scanned_ = 0;
  std::size_t nodes_ = 0;
};

}  // namespace

doc::Document parse_glued(std::string_view text) { return Builder(text).run(); }

namespace {

// Whether `line` holds a run of `n` ASCII digits or more. Every line of every text is probed, and
// most have no such run: a byte that is not a digit rules out the n - 1 positions after it, so
// the scan looks at about one byte in n.
bool has_digit_run(std::string_view line, std::size_t n) {
  auto digit = [&](std::size_t i) { return line[i] >= '0' && line[i] <= '9'; };
  for (std::size_t i = n - 1; i < line.size();) {
    if (!digit(i)) {
      i += n;
      continue;
    }
    std::size_t begin = i, end = i + 1;
    while (begin > 0 && digit(begin - 1)) --begin;
    while (end < line.size() && digit(end)) ++end;
    if (end - begin >= n) return true;
    i = end + n;
  }
  return false;
}

}  // namespace

bool probe_glued(std::string_view line) {
  // A glued row's label runs into its seven digits or more.
  if (!has_digit_run(line, 7)) return false;
  if (line.find('\t') != std::string_view::npos || line.find('|') != std::string_view::npos) return false;
  // Every line of every text is probed: find the labels first (a substring search), then try the rule.
  for (std::string_view label : {"\xE7\x94\xB3\xE8\xAF\xB7\xE6\x95\xB0\xE9\x87\x8F",     // 申请数量
                                 "\xE7\xBB\xA7\xE7\xBB\xAD\xE5\x8A\x9E\xE7\x90\x86",     // 继续办理
                                 "\xE4\xBA\x88\xE4\xBB\xA5\xE5\x85\xAC\xE5\xBC\x80"})  // 予以公开
    for (auto at = line.find(label); at != std::string_view::npos; at = line.find(label, at + 1))
      if (match_at<g::probe>(line, at)) return true;
  return false;
}

}  // namespace xxgk::frontend
