// Diagnostics the way a compiler prints them: file:line:col: severity: message [code] (for a PDF
// or a Word file, "file: page 3, line 12, column 4: …"), then the source line and a caret under
// the columns it is about. A run of diagnostics alike on consecutive rows is printed once, the
// way clang says "N similar": the first in full, then how many more and where (the record keeps
// every one of them).
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "emit/diagnostics.hpp"
#include "source.hpp"
#include "xxgk/template.hpp"
#include "xxgk/xxgk.hpp"

namespace xxgk {

std::string describe(const Location& at) {
  if (at.page) return fmt::format("page {}, line {}, column {}", at.page, at.line, at.column);
  if (at.table) return fmt::format("table {}, row {}, cell {}", at.table, at.row, at.cell);
  if (at.paragraph) return fmt::format("paragraph {}", at.paragraph);
  if (at.line) return fmt::format("{}:{}", at.line, at.column);
  return {};
}

namespace {

// The source line of `d` and a caret under what it is about ("" when there is none).
std::string excerpt(const Diagnostic& d, std::string_view source, const LineIndex& index) {
  if (source.empty() || !d.at.known()) return {};
  auto line = index.line_text(index.line_of(d.offset));
  if (line.empty()) return {};
  // Show the line with tabs as single spaces so the caret lines up; widen CJK under CJK.
  std::string shown, caret;
  auto line_start = static_cast<std::uint32_t>(line.data() - source.data());
  std::uint32_t end_offset = d.offset + std::max<std::uint32_t>(d.length, 1);
  for (std::size_t i = 0; i < line.size();) {
    auto c = static_cast<unsigned char>(line[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
    len = std::min(len, line.size() - i);
    auto off = line_start + static_cast<std::uint32_t>(i);
    int width = c >= 0xE0 ? 2 : 1;
    shown.append(c == '\t' ? " " : std::string(line.substr(i, len)));
    if (off == d.offset) caret += width == 2 ? "^~" : "^";
    else caret.append(static_cast<std::size_t>(width), off > d.offset && off < end_offset ? '~' : ' ');
    i += len;
  }
  if (d.offset >= line_start + line.size()) caret += '^';
  while (!caret.empty() && caret.back() == ' ') caret.pop_back();
  return fmt::format("{}\n{}\n", shown, caret);
}

bool word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
}

// The row a message is about: the word after "row " ("" when none).
std::string_view row_of(std::string_view message) {
  auto at = message.find("row ");
  if (at == std::string_view::npos || (at > 0 && word_char(message[at - 1]))) return {};
  auto w = message.substr(at + 4);
  std::size_t n = 0;
  while (n < w.size() && word_char(w[n])) ++n;
  return w.substr(0, n);
}

// A message with what varies from row to row masked: the row, the numbers, quoted text.
std::string shape(std::string_view message) {
  std::string s;
  const auto row = row_of(message);
  const std::size_t row_at = row.empty() ? std::string_view::npos : static_cast<std::size_t>(row.data() - message.data());
  for (std::size_t i = 0; i < message.size();) {
    if (i == row_at) {
      s += '#';
      i += row.size();
    } else if (message[i] == '\'') {
      auto close = message.find('\'', i + 1);
      if (close == std::string_view::npos) close = message.size() - 1;
      s += '#';
      i = close + 1;
    } else if ((message[i] >= '0' && message[i] <= '9') &&
               (i == 0 || !((message[i - 1] >= 'a' && message[i - 1] <= 'z') || message[i - 1] == '_'))) {
      while (i < message.size() && ((message[i] >= '0' && message[i] <= '9') || message[i] == '.')) ++i;
      s += '#';
    } else {
      s += message[i++];
    }
  }
  return s;
}

bool same_kind(const Location& a, const Location& b) {
  return !a.page == !b.page && !a.table == !b.table && !a.paragraph == !b.paragraph && !a.line == !b.line;
}

// Where a run of diagnostics lies: "lines 54–71", "rows 3–20 of table 2", or from one place to the other.
std::string range(const Location& first, const Location& last) {
  if (first.line && !first.page) return fmt::format("lines {}–{}", first.line, last.line);
  if (first.table && first.table == last.table) return fmt::format("rows {}–{} of table {}", first.row, last.row, first.table);
  return fmt::format("{} to {}", describe(first), describe(last));
}

// "表三" when the rows of `rows` are every row of one of the record's tables that has a value.
std::string_view whole_table(const Record& record, const std::set<std::string_view>& rows) {
  for (std::size_t t = 0; t < record.tables.size(); ++t) {
    const auto* tmpl = find_template(record.tables[t].version);
    if (!tmpl || t >= tmpl->tables.size()) continue;
    const auto& table = tmpl->tables[t];
    const auto& values = record.tables[t].values;
    std::size_t in_table = 0, with_values = 0;
    bool every = true;
    for (const auto& row : table.rows) {
      const bool shifted = rows.count(row.key) != 0;
      in_table += shifted;
      bool has = false;
      for (std::size_t c = 0; c < row.columns.size() && row.first + c < values.size(); ++c) has = has || values[row.first + c];
      with_values += has;
      if (has && !shifted) every = false;
    }
    if (in_table == rows.size() && every && with_values) return table.name;
  }
  return {};
}

constexpr std::size_t kMinRun = 3;  // fewer alike are printed one by one

}  // namespace

std::vector<PrintedDiagnostic> group_diagnostics(const Record& record) {
  std::vector<PrintedDiagnostic> out;
  const auto& ds = record.diagnostics;
  for (std::size_t i = 0; i < ds.size();) {
    const auto& d = ds[i];
    // The run of diagnostics alike that starts here: same code, severity and shape, one row each
    // (so rows, not cells of one row), in the order of the source.
    std::size_t j = i + 1;
    if (d.at.known() && !row_of(d.message).empty()) {
      const auto first_shape = shape(d.message);
      while (j < ds.size() && ds[j].code == d.code && ds[j].severity == d.severity && ds[j].at.known() &&
             same_kind(ds[j].at, d.at) && row_of(ds[j].message) != row_of(ds[j - 1].message) &&
             shape(ds[j].message) == first_shape)
        ++j;
    }
    if (j - i < kMinRun) j = i + 1;
    PrintedDiagnostic p{&d, d.message, {}};
    if (j - i > 1) {
      std::set<std::string_view> rows;
      for (std::size_t k = i; k < j; ++k) rows.insert(row_of(ds[k].message));
      const auto table = d.code == "row-shifted" ? whole_table(record, rows) : std::string_view{};
      const auto shifted = d.message.find(" is shifted ");
      if (!table.empty() && shifted != std::string::npos) {
        // "row x is shifted one cell left of the header; …" -> "表三: every row is shifted …"
        p.message = fmt::format("{}: every row is{} ({} rows, {})", table, d.message.substr(shifted + 3), j - i,
                                range(d.at, ds[j - 1].at));
        if (auto at = p.message.find(" of the header"); at != std::string::npos) p.message.replace(at, 14, " of its header");
      } else {
        p.more = fmt::format("and {} more like it: {}", j - i - 1, range(ds[i + 1].at, ds[j - 1].at));
      }
    }
    out.push_back(std::move(p));
    i = j;
  }
  return out;
}

std::string render_diagnostics(const Record& record, std::string_view source) {
  std::string o;
  LineIndex index(source);
  for (const auto& p : group_diagnostics(record)) {
    const auto& d = *p.first;
    const auto where = describe(d.at);
    const bool text_position = d.at.line && !d.at.page;  // file:line:col, as compilers write it
    const auto prefix = where.empty() ? record.path + ":" : record.path + (text_position ? ":" : ": ") + where + ":";
    fmt::format_to(std::back_inserter(o), "{} {}: {} [{}]\n", prefix, severity_name(d.severity), p.message, d.code);
    o += excerpt(d, source, index);
    if (!p.more.empty()) fmt::format_to(std::back_inserter(o), "  ({})\n", p.more);
  }
  return o;
}

}  // namespace xxgk
