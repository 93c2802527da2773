// Layout "aligned": text laid out in columns by spaces, as `pdftotext -layout` writes a PDF.
// Each line's runs of text (split where two or more blanks stand) are placed by their character
// column — pdftotext puts a character per column, whatever its width — and a form feed starts a
// page; tables are then read from that geometry as the PDF front end reads boxes
// (frontend/positioned.hpp). Its header text is placed only roughly by pdftotext, so it names
// the table but not the columns (doc::Table::header_aligned).
#include "frontend/aligned.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

#include "frontend/positioned.hpp"

namespace xxgk::frontend {

namespace {

// The length of the blank at s[i] (a space, tab, form feed, vertical tab, U+3000 or U+00A0), or 0.
std::size_t blank_len(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t' || c == '\f' || c == '\v') return 1;
  if (c == 0xE3 && i + 2 < s.size() && s[i + 1] == '\x80' && s[i + 2] == '\x80') return 3;  // ideographic space
  if (c == 0xC2 && i + 1 < s.size() && s[i + 1] == '\xA0') return 2;                          // no-break space
  return 0;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Whether a three-byte character that is no blank starts at s[i] (U+4000 to U+FFFF: the
// ideographs and the full-width forms; U+3000, a blank, leads with 0xE3).
bool cjk_at(std::string_view s, std::size_t i) {
  if (i + 2 >= s.size()) return false;
  const auto c = static_cast<unsigned char>(s[i]);
  std::uint16_t tail;  // its two continuation bytes, tested at once
  std::memcpy(&tail, s.data() + i + 1, 2);
  return c >= 0xE4 && c <= 0xEF && (tail & 0xC0C0) == 0x8080;
}

// The end of the run of ASCII spaces from s[i], eight at a time: pdftotext's text is mostly
// spaces.
std::size_t skip_spaces(std::string_view s, std::size_t i) {
  constexpr std::uint64_t kSpaces = 0x2020202020202020ULL;
  while (i + 8 <= s.size()) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    if (w != kSpaces) break;
    i += 8;
  }
  while (i < s.size() && s[i] == ' ') ++i;
  return i;
}

// The bytes of a run that are neither a digit nor where a blank can start (a space, form feed,
// vertical tab, U+3000 or U+00A0): most of a line, stepped over one test each.
constexpr auto kPlain = [] {
  std::array<bool, 256> plain{};
  for (int c = 0; c < 256; ++c)
    plain[static_cast<std::size_t>(c)] = c != ' ' && c != '\f' && c != '\v' && c != 0xE3 && c != 0xC2 && (c < '0' || c > '9');
  return plain;
}();

// Calls run(start, end, start_column, end_column) for each run of a line (split at two or more
// blanks), in bytes and character columns.
template <typename Run>
void for_each_run(std::string_view line, Run&& run) {
  const std::size_t n = line.size();
  std::size_t i = 0, column = 0;
  while (i < n) {
    if (line[i] == ' ') {
      const std::size_t j = skip_spaces(line, i);
      column += j - i;
      i = j;
      continue;
    }
    if (const std::size_t len = blank_len(line, i)) {
      i += len;
      ++column;
      continue;
    }
    const std::size_t start = i, start_column = column;
    std::size_t end = i, end_column = column, last = i;  // last: where the run's last character starts
    while (i < n) {
      const auto c = static_cast<unsigned char>(line[i]);
      if (c > ' ' && c < 0x80) {  // most characters of a table: digits and ASCII
        last = i++;
        end = i, end_column = ++column;
        continue;
      }
      if (cjk_at(line, i)) {
        // Chinese characters, the most of the rest (no blank starts so): three bytes at once.
        do {
          last = i;
          i += 3;
          ++column;
        } while (cjk_at(line, i));
        while (i < n && is_continuation(line[i])) ++i;  // the last one's, where the text is broken
        end = i, end_column = column;
        continue;
      }
      if (const std::size_t len = blank_len(line, i)) {
        std::size_t k = i + len, run = 1;
        while (k < n) {
          const std::size_t l = blank_len(line, k);
          if (!l) break;
          k += l, ++run;
        }
        // Two blanks end the run; one stays inside it, unless it stands between two numbers or
        // two Chinese characters: pdftotext leaves one blank between the cells of narrow columns
        // ("4 3119", "结果维持 结果纠正"), and Chinese text has none of its own.
        const bool apart = end > start && k < n &&
                           ((is_digit(line[end - 1]) && is_digit(line[k])) ||
                            (static_cast<unsigned char>(line[last]) >= 0x80 && static_cast<unsigned char>(line[k]) >= 0x80));
        if (run >= 2 || k >= n || apart) break;
        i = k;
        column += run;
        continue;
      }
      // One character: its lead byte and the continuation bytes that follow (never a blank, even
      // where a broken sequence is cut short).
      last = i;
      ++i;
      while (i < n && is_continuation(line[i])) ++i;
      ++column;
      end = i;
      end_column = column;
    }
    run(start, end, start_column, end_column);
  }
}

// The runs of a line as fragments, into `out` (cleared first).
void fragments(std::string_view line, std::uint32_t offset, double y, std::vector<positioned::Fragment>& out) {
  out.clear();
  for_each_run(line, [&](std::size_t start, std::size_t end, std::size_t start_column, std::size_t end_column) {
    out.push_back({line.substr(start, end - start),
                   {offset + static_cast<std::uint32_t>(start), offset + static_cast<std::uint32_t>(end)},
                   static_cast<double>(start_column), static_cast<double>(end_column), y, y + 1});
  });
}

}  // namespace

doc::Document parse_aligned(std::string_view text) {
  std::vector<positioned::Line> lines;
  std::vector<positioned::Fragment> runs;  // a line's, before they are kept: one allocation per line
  std::uint16_t page = 1;
  double y = 0;
  for (std::size_t pos = 0; pos <= text.size();) {
    // The line ends at the first LF or CR.
    std::size_t end = text.size();
    if (pos < text.size()) {
      if (const void* lf = std::memchr(text.data() + pos, '\n', text.size() - pos))
        end = static_cast<std::size_t>(static_cast<const char*>(lf) - text.data());
      if (const void* cr = std::memchr(text.data() + pos, '\r', end - pos))
        end = static_cast<std::size_t>(static_cast<const char*>(cr) - text.data());
    }
    std::string_view line = text.substr(pos, end - pos);
    std::size_t skip = 0;
    while (skip < line.size() && line[skip] == '\f') ++skip, ++page, y += 10;  // a page break: a wide gap
    line.remove_prefix(skip);
    const auto offset = static_cast<std::uint32_t>(pos + skip);
    fragments(line, offset, y, runs);
    if (!runs.empty()) {
      positioned::Line& l = lines.emplace_back();
      l.fragments.assign(runs.begin(), runs.end());
      // Its text trimmed of blanks: from the first run to the end of the last (a line holds no CR
      // or LF, the other blanks trim_blanks takes).
      l.span = {runs.front().span.begin, runs.back().span.end};
      l.text = line.substr(l.span.begin - offset, l.span.end - l.span.begin);
      l.page = page;
      if (lines.size() >= doc::kMaxNodes) break;
    }
    y += 1;
    if (end >= text.size()) break;
    pos = end + (text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n' ? 2 : 1);
  }
  doc::Document doc;
  positioned::build(lines, {1, 1, 0.5, 1}, doc, false);  // runs are chunks already
  return doc;
}

bool probe_aligned(std::string_view line) {
  // Every line of every text is probed: one pass over its bytes, runs split at two blanks (the
  // finer splits of for_each_run do not change whether a line is a row).
  // pdftotext puts two spaces or more between columns: a line without them is no row.
  if (line.find("  ") == std::string_view::npos || line.find('\t') != std::string_view::npos ||
      line.find('|') != std::string_view::npos)
    return false;
  const std::size_t n = line.size();
  auto blank = [&](std::size_t i) -> std::size_t {
    const auto c = static_cast<unsigned char>(line[i]);
    if (c == ' ' || c == '\f' || c == '\v') return 1;
    if (c == 0xE3 && i + 2 < n && line[i + 1] == '\x80' && line[i + 2] == '\x80') return 3;
    if (c == 0xC2 && i + 1 < n && line[i + 1] == '\xA0') return 2;
    return 0;
  };
  int numbers = 0, runs = 0;
  std::size_t i = 0;
  while (i < n) {
    while (i < n) {
      if (line[i] == ' ') {
        i = skip_spaces(line, i);
        continue;
      }
      const std::size_t l = blank(i);
      if (!l) break;
      i += l;
    }
    if (i >= n) break;
    const std::size_t start = i;
    bool digit = false;
    while (i < n) {
      const auto c = static_cast<unsigned char>(line[i]);
      if (kPlain[c]) {
        ++i;
        continue;
      }
      if (is_digit(line[i])) {
        digit = true;
        ++i;
        continue;
      }
      if (const std::size_t l = blank(i)) {
        if (i + l >= n || blank(i + l)) break;  // two blanks, or the end: the run ends
        i += l;
        continue;
      }
      ++i;
    }
    ++runs;
    numbers += digit && i - start <= 12;
    if (runs >= 3 && numbers >= 2) return true;
  }
  return false;
}

}  // namespace xxgk::frontend
