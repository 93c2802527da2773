// Mutation test: a wrong number in 表三 or 表四 must never pass silently.
//
// For every corpus report that parses with status ok (every check passing, no error), every
// value-like cell of every table line is changed in turn in the decoded text — a number gets 1
// added ("0" -> "1", "11.55" -> "11.56"), a blank or null cell ('/', '-', '—', '无') gets "1" —
// and the text is parsed again.
//
// How the cells are found (deliberately independent of the parser's internals): table lines are
// split textually — lines with a tab in the tsv layout, pipe rows in the markdown layout, runs
// between wide gaps in the aligned layout, lines ending in their only pipe in the cell-lines
// layout, every digit of a run of digits in the glued layout (its runs hold several values; the
// layout the report was read as); in an HTML page, from each <td>/<th> start tag to
// the next cell, row or table tag, its text being the content without tags (&nbsp; a blank) — and
// a cell is a candidate when its normalised text is a number (with a unit or not), a null mark or
// empty. An HTML cell's whole content is replaced by the mutated number. Which record value a cell holds is then learned from the effect
// of its mutation on `applications` and `review_litigation`:
//   - one value changed to a number: the cell is that value's cell (a "value cell");
//   - several values changed: the mutation moved values (a row re-aligned, a label lost);
//   - nothing changed: not a value cell of 表三/表四 (表二, header and label cells, blank cells
//     outside the columns); only counted.
//
// Asserted:
//   - a value cell's mutation makes the parse not ok, and a failing check names the value's row
//     (row key), its column (column key, also as the last part of a subtotal scope such as
//     "denied.natural_person") or, for 表四, its group ("review");
//   - no mutation that turns a value of 表三/表四 into a different number leaves the parse ok;
//   - a mutation that moves several values and leaves one of them a number is not ok either
//     (a blank header cell given a number, say, re-maps the columns: an error or a failing check
//     must say so);
//   - every value of 表三/表四 that is not null is changed by some mutation, except values the
//     record says it inferred (inferred-value): a value no cell reaches is one a wrong number
//     could hide behind.
// Mutations that only turn values into null (a row no longer recognised, reported by warnings)
// while the parse stays ok are listed in the summary, not failed: null is "not in the source"
// and the warnings say why. Set XXGK_MUTATION_VERBOSE=1 to list every mutation that moved values,
// XXGK_MUTATION_ONLY=TEXT to mutate only the inputs whose path contains TEXT.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "text/normalise.hpp"
#include "test_files.hpp"
#include "xxgk/xxgk.hpp"

namespace fs = std::filesystem;

namespace {

using xxgk::test::slurp;

// A cell of a table line: bytes [begin, end) of the text, and its text (HTML: without tags).
struct CellRef {
  std::size_t begin, end;
  std::string text;
};

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool tag_at(std::string_view text, std::size_t at, std::string_view name) {
  if (at + name.size() > text.size()) return false;
  for (std::size_t i = 0; i < name.size(); ++i)
    if (lower(text[at + i]) != name[i]) return false;
  const std::size_t after = at + name.size();
  return after < text.size() && (text[after] == '>' || text[after] == ' ' || text[after] == '\t' ||
                                 text[after] == '\n' || text[after] == '\r' || text[after] == '/');
}

// The cells of an HTML page's tables, found textually.
std::vector<CellRef> html_cells(std::string_view text) {
  std::vector<CellRef> cells;
  auto next_boundary = [&](std::size_t from) {
    for (std::size_t at = text.find('<', from); at != std::string_view::npos; at = text.find('<', at + 1))
      for (std::string_view t : {"<td", "<th", "</td", "</th", "<tr", "</tr", "</table", "<table"})
        if (tag_at(text, at, t)) return at;
    return text.size();
  };
  for (std::size_t at = text.find('<'); at != std::string_view::npos; at = text.find('<', at + 1)) {
    if (!tag_at(text, at, "<td") && !tag_at(text, at, "<th")) continue;
    const std::size_t open_end = text.find('>', at);
    if (open_end == std::string_view::npos) break;
    const std::size_t end = next_boundary(open_end + 1);
    std::string plain;
    bool in_tag = false;
    for (std::size_t i = open_end + 1; i < end; ++i) {
      if (text[i] == '<') {
        in_tag = true;
      } else if (text[i] == '>') {
        in_tag = false;
      } else if (!in_tag && text.substr(i).starts_with("&nbsp;")) {
        plain += ' ';
        i += 5;
      } else if (!in_tag) {
        plain += text[i];
      }
    }
    cells.push_back({open_end + 1, end, plain});
    at = open_end;
  }
  return cells;
}

bool is_markdown_separator(std::string_view line) {
  bool dash = false;
  for (char c : line) {
    if (c == '-') dash = true;
    else if (c != '|' && c != ':' && c != ' ' && c != '\t' && c != '\r') return false;
  }
  return dash;
}

// The cells of every table line, split as the layout writes them.
std::vector<CellRef> table_cells(std::string_view text, std::string_view layout) {
  std::vector<CellRef> cells;
  std::size_t pos = 0;
  while (pos < text.size()) {
    // Line ends: LF, CRLF or a lone CR.
    std::size_t end = text.find_first_of("\r\n", pos);
    if (end == std::string_view::npos) end = text.size();
    std::size_t nl = end;
    if (nl + 1 < text.size() && text[nl] == '\r' && text[nl + 1] == '\n') ++nl;
    const std::string_view line = text.substr(pos, end - pos);
    if (layout == "tsv" && line.find('\t') != std::string_view::npos) {
      std::size_t b = 0;
      for (;;) {
        std::size_t t = line.find('\t', b);
        const std::size_t e = t == std::string_view::npos ? line.size() : t;
        cells.push_back({pos + b, pos + e, std::string(line.substr(b, e - b))});
        if (t == std::string_view::npos) break;
        b = t + 1;
      }
    } else if (layout == "aligned") {
      // Runs of text between two blanks or more (or one blank between two digits: "4 3119").
      auto blank = [](char c) { return c == ' ' || c == '\f'; };
      std::size_t i = 0;
      while (i < line.size()) {
        while (i < line.size() && blank(line[i])) ++i;
        if (i >= line.size()) break;
        const std::size_t b = i;
        while (i < line.size()) {
          if (!blank(line[i])) {
            ++i;
            continue;
          }
          std::size_t k = i;
          while (k < line.size() && blank(line[k])) ++k;
          const bool digits = k < line.size() && std::isdigit(static_cast<unsigned char>(line[i - 1])) &&
                              std::isdigit(static_cast<unsigned char>(line[k]));
          if (k - i >= 2 || k == line.size() || digits) break;
          i = k;
        }
        cells.push_back({pos + b, pos + i, std::string(line.substr(b, i - b))});
      }
    } else if (layout == "glued") {
      // Every digit of every run of digits (a decimal point between two digits inside it), but
      // the digit that numbers the next label (00000002.其他…: the run is 0000000).
      auto digit = [&](std::size_t i) { return i < line.size() && std::isdigit(static_cast<unsigned char>(line[i])); };
      std::size_t i = 0;
      while (i < line.size()) {
        if (!digit(i)) {
          ++i;
          continue;
        }
        const std::size_t b = i;
        while (digit(i) || (line[i] == '.' && digit(i + 1) && i > b)) ++i;
        std::size_t e = i;
        if (i < line.size() && line[i] == '.' && !digit(i + 1)) --e;
        // A run holds several values: each digit is mutated in turn (a cell of its own here).
        for (std::size_t k = b; k < e; ++k)
          if (line[k] != '.') cells.push_back({pos + k, pos + k + 1, std::string(line.substr(k, 1))});
      }
    } else if (const auto pipe = line.find('|'); layout == "cell-lines" && pipe != std::string_view::npos &&
                                                   line.find_first_not_of(" \t", pipe + 1) == std::string_view::npos) {
      cells.push_back({pos, pos + pipe, std::string(line.substr(0, pipe))});  // a cell line: "0 |"
    } else if (layout == "markdown" && line.find('|') != std::string_view::npos && !is_markdown_separator(line)) {
      std::vector<std::size_t> pipes;
      for (std::size_t i = 0; i < line.size(); ++i)
        if (line[i] == '|' && (i == 0 || line[i - 1] != '\\')) pipes.push_back(i);
      // Cells between pipes; the text before the first pipe and after the last one is a cell only
      // when it is not blank (a row without outer pipes).
      std::vector<CellRef> row;
      std::size_t b = 0;
      for (std::size_t p : pipes) {
        row.push_back({pos + b, pos + p, std::string(line.substr(b, p - b))});
        b = p + 1;
      }
      row.push_back({pos + b, pos + line.size(), std::string(line.substr(b))});
      auto blank = [&](const CellRef& c) { return xxgk::text::normalise_text(text.substr(c.begin, c.end - c.begin)).empty(); };
      if (!row.empty() && blank(row.front())) row.erase(row.begin());
      if (!row.empty() && blank(row.back())) row.pop_back();
      cells.insert(cells.end(), row.begin(), row.end());
    }
    pos = nl + 1;
  }
  return cells;
}

// The mutated cell text for a value-like cell, or "" when the cell is not value-like. A number
// written with its unit (3件, 1600元) keeps the unit: 4件, 1601元.
std::string mutate(std::string_view raw) {
  std::string t = xxgk::text::normalise_text(raw);
  if (t.empty()) return "1";
  for (std::string_view null_mark : {"/", "-", "—", "——", "–", "无", "\\"})
    if (t == null_mark) return "1";
  std::string unit;
  for (std::string_view u : {"万元", "元", "件", "个", "项", "条", "次"})
    if (t.size() > u.size() && t.ends_with(u)) {
      unit = u;
      t.resize(t.size() - u.size());
      break;
    }
  std::string digits;
  int scale = -1;
  for (char c : t) {
    if (c >= '0' && c <= '9') {
      digits += c;
      if (scale >= 0) ++scale;
    } else if (c == '.' && scale < 0 && !digits.empty()) {
      scale = 0;
    } else if (c != ',') {
      return "";
    }
  }
  if (digits.empty() || digits.size() > 17 || scale == 0) return "";
  auto units = std::stoll(digits) + 1;
  std::string s = std::to_string(units);
  if (scale > 0) {
    if (static_cast<int>(s.size()) <= scale) s.insert(0, static_cast<std::size_t>(scale) + 1 - s.size(), '0');
    s.insert(s.size() - static_cast<std::size_t>(scale), ".");
  }
  return s + unit;
}

struct Slot {
  std::string table, row, column;
  auto operator<=>(const Slot&) const = default;
};

std::map<Slot, xxgk::Value> values_of(const xxgk::Record& r) {
  std::map<Slot, xxgk::Value> out;
  xxgk::for_each_cell(r, [&](std::string_view table, std::string_view row, std::string_view column, const xxgk::Value& v) {
    if (table == "applications" || table == "review_litigation")
      out[{std::string(table), std::string(row), std::string(column)}] = v;
  });
  return out;
}

std::string show(const xxgk::Value& v) { return v ? xxgk::format_decimal(*v) : "null"; }

// 1-based line and column (in characters) of a byte offset.
std::string position(std::string_view text, std::size_t offset) {
  std::size_t line = 1, col = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) {
      ++line;
      col = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++col;
    }
  }
  return std::to_string(line) + ":" + std::to_string(col);
}

bool names(const xxgk::Check& c, const Slot& s) {
  std::vector<std::string> parts;
  std::stringstream ss(c.scope);
  for (std::string part; std::getline(ss, part, '.');) parts.push_back(part);
  for (const auto& p : parts)
    if (p == s.row || p == s.column) return true;  // for 表四, row is the group ("review")
  return false;
}

bool inferred(const xxgk::Record& r, const Slot& s) {
  for (const auto& d : r.diagnostics)
    if (d.code == "inferred-value" && d.message.find("row " + s.row + " ") != std::string::npos &&
        d.message.find("column " + s.column + ";") != std::string::npos)
      return true;
  return false;
}

struct Outcome {
  std::string rel;
  bool ok = false;          // parsed ok: mutated
  bool reparse_same = true;  // the decoded text parses to the same values
  int mutations = 0, value_cells = 0, moved = 0;
  std::vector<std::string> failures;  // each one a finding
  std::vector<std::string> nulled;    // values turned null with the parse still ok
  std::vector<std::string> moves;     // every mutation that moved several values (verbose)
};

Outcome mutate_report(const fs::path& in, const fs::path& corpus) {
  Outcome o;
  o.rel = fs::relative(in, corpus.parent_path()).generic_string();
  const auto original = xxgk::parse_bytes(slurp(in), o.rel);
  // Mutations are made in text: a PDF's rendered text is not the PDF (its pdftotext text, in the
  // corpus beside it, is mutated instead).
  if (original.status != xxgk::Status::ok || (original.record.format != "text" && original.record.format != "html")) return o;
  o.ok = true;
  // The mutations are made in the decoded text; parsing it must give the same values.
  const std::string text = original.text;
  const auto base = xxgk::parse_bytes(text, o.rel);
  const auto base_values = values_of(base.record);
  if (base.status != xxgk::Status::ok || base_values != values_of(original.record)) {
    o.reparse_same = false;
    return o;
  }

  std::set<Slot> reached;
  const auto cells = base.record.format == "html" ? html_cells(text) : table_cells(text, base.record.layout);
  for (const auto& cell : cells) {
    const std::string_view raw = cell.text;
    const std::string replacement = mutate(raw);
    if (replacement.empty()) continue;
    std::string mutated = text;
    mutated.replace(cell.begin, cell.end - cell.begin, replacement);
    const auto r = xxgk::parse_bytes(mutated, o.rel);
    ++o.mutations;

    std::vector<Slot> changed;
    bool to_number = false;
    std::string what;
    for (const auto& [slot, v] : values_of(r.record)) {
      const auto& before = base_values.at(slot);
      if (v == before) continue;
      changed.push_back(slot);
      to_number = to_number || v.has_value();
      what += " " + slot.table + "." + slot.row + "." + slot.column + " " + show(before) + " -> " + show(v) + ";";
    }
    if (changed.empty()) continue;  // not a value cell of 表三/表四
    const std::string where = o.rel + ":" + position(text, cell.begin) + " '" + std::string(raw) + "' -> '" +
                              replacement + "' changes" + what;
    const bool ok = r.status == xxgk::Status::ok;
    if (changed.size() == 1 && to_number) {
      ++o.value_cells;
      const Slot& s = changed.front();
      reached.insert(s);
      bool named = false;
      for (const auto& c : r.record.checks) named = named || (!c.pass && names(c, s));
      if (ok) o.failures.push_back("passes silently (status ok): " + where);
      else if (!named) o.failures.push_back("no failing check names row " + s.row + " or column " + s.column + ": " + where);
      continue;
    }
    // Several values moved (a re-aligned row, an inferred value recomputed, a label lost).
    ++o.moved;
    reached.insert(changed.begin(), changed.end());
    o.moves.push_back(std::string(ok ? "status ok" : "status " + std::to_string(static_cast<int>(r.status))) + ": " + where);
    if (ok && to_number) o.failures.push_back("moves values and passes silently (status ok): " + where);
    else if (ok) o.nulled.push_back(where);
  }
  for (const auto& [slot, v] : base_values)
    if (v && !reached.contains(slot) && !inferred(base.record, slot))
      o.failures.push_back("no cell of " + o.rel + " reaches " + slot.table + "." + slot.row + "." + slot.column + " = " + show(v));
  return o;
}

}  // namespace

TEST_SUITE("mutation") {
  TEST_CASE("a changed value in 表三 or 表四 never passes silently") {
    const fs::path corpus = XXGK_CORPUS_DIR;
    const char* only = std::getenv("XXGK_MUTATION_ONLY");
    const bool verbose = std::getenv("XXGK_MUTATION_VERBOSE") != nullptr;
    std::vector<fs::path> inputs = xxgk::test::corpus_inputs(corpus);
    if (only) std::erase_if(inputs, [&](const fs::path& p) { return p.generic_string().find(only) == std::string::npos; });
    REQUIRE(!inputs.empty());

    // Reports are independent: mutate them on every core; assert on this thread.
    std::vector<Outcome> outcomes(inputs.size());
    std::atomic<std::size_t> next{0};
    std::vector<std::thread> workers;
    for (unsigned t = 0; t < std::max(1u, std::thread::hardware_concurrency()); ++t)
      workers.emplace_back([&] {
        for (std::size_t i; (i = next++) < inputs.size();) outcomes[i] = mutate_report(inputs[i], corpus);
      });
    for (auto& w : workers) w.join();

    int reports = 0, mutations = 0, value_cells = 0, nulled = 0;
    for (const auto& o : outcomes) {
      if (!o.ok) continue;
      CAPTURE(o.rel);
      CHECK_MESSAGE(o.reparse_same, "the decoded text does not parse to the same values");
      for (const auto& f : o.failures) CHECK_MESSAGE(false, f);
      if (!o.nulled.empty())
        MESSAGE(o.rel << ": " << o.nulled.size() << " mutations turn values into null and the parse stays ok, e.g. "
                      << o.nulled.front());
      if (verbose)
        for (const auto& m : o.moves) MESSAGE(m);
      ++reports;
      mutations += o.mutations;
      value_cells += o.value_cells;
      nulled += static_cast<int>(o.nulled.size());
    }
    MESSAGE(reports << " reports, " << mutations << " mutations, " << value_cells << " value cells of 表三/表四, "
                    << nulled << " mutations that only null values with the parse ok");
    if (!only) CHECK(reports >= 5);
  }
}
