// The canonical JSON record (docs/schema.md). Written by hand for speed and a fixed key order;
// pretty output keeps each innermost object on one line, so a record reads like the tables.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cstring>
#include <memory>

#include "xxgk/xxgk.hpp"

namespace xxgk {

namespace {

// Where a Buf writes: a block of memory that outlives it (the record's scratch, kept between
// records by each thread: warm in the cache, no allocation).
struct Storage {
  std::unique_ptr<char[]> data;
  std::size_t size = 0;
};

// Text written into a Storage with inline bounds checks.
class Buf {
 public:
  Buf(Storage& s, std::size_t capacity) : s_(s) {
    if (s.size < capacity) s = {std::unique_ptr<char[]>(new char[capacity]), capacity};
    begin_ = p_ = s.data.get();
    end_ = begin_ + s.size;
  }
  void append(const char* begin, const char* end) {
    const auto n = static_cast<std::size_t>(end - begin);
    std::memcpy(space(n), begin, n);
    p_ += n;
  }
  // As append, from a source that may be read kPadding bytes on from `begin` whatever n: a short
  // piece is copied in one fixed-size move.
  static constexpr std::size_t kPadding = 32;
  void append_padded(const char* begin, std::size_t n) {
    char* p = space(std::max(n, kPadding));
    if (n <= kPadding) std::memcpy(p, begin, kPadding);
    else std::memcpy(p, begin, n);
    p_ = p + n;
  }
  void push_back(char c) {
    if (p_ == end_) grow(1);
    *p_++ = c;
  }
  // Room for n more bytes, at the returned cursor; `advance` says where the bytes written end.
  char* space(std::size_t n) {
    if (n > static_cast<std::size_t>(end_ - p_)) grow(n);
    return p_;
  }
  void advance(char* to) { p_ = to; }
  std::size_t size() const { return static_cast<std::size_t>(p_ - begin_); }
  std::string_view text() const { return {begin_, size()}; }

 private:
  void grow(std::size_t n) {
    const auto used = size();
    const std::size_t size = std::max(2 * static_cast<std::size_t>(end_ - begin_), used + n);
    std::unique_ptr<char[]> data(new char[size]);
    std::memcpy(data.get(), begin_, used);
    s_ = {std::move(data), size};
    begin_ = s_.data.get();
    p_ = begin_ + used;
    end_ = begin_ + size;
  }
  Storage& s_;
  char* begin_;
  char* p_;
  char* end_;
};

void put(Buf& b, std::string_view s) { b.append(s.data(), s.data() + s.size()); }

void put_int(Buf& b, std::int64_t v) {
  if (v >= 0 && v < 10) return b.push_back(static_cast<char>('0' + v));
  char* p = b.space(20);  // "-9223372036854775808"
  b.advance(std::to_chars(p, p + 20, v).ptr);
}

// As format_decimal, without its string.
void put_decimal(Buf& b, const Decimal& d) {
  if (d.scale <= 0) return put_int(b, d.units);
  if (d.units < 0 || d.scale > 18) return put(b, format_decimal(d));
  std::int64_t p = 1;
  for (int i = 0; i < d.scale; ++i) p *= 10;
  put_int(b, d.units / p);
  char* out = b.space(1 + 18);
  *out++ = '.';
  // The fraction's digits, after as many zeros as make it d.scale digits long.
  char digits[20];
  auto end = std::to_chars(digits, digits + sizeof digits, d.units % p).ptr;
  for (auto n = end - digits; n < d.scale; ++n) *out++ = '0';
  std::memcpy(out, digits, static_cast<std::size_t>(end - digits));
  b.advance(out + (end - digits));
}

// Eight bytes as a number, the first in the low byte whatever the machine's byte order.
std::uint64_t load8(const char* p) {
  unsigned char bytes[8];
  std::memcpy(bytes, p, 8);
  std::uint64_t w = 0;
  for (int i = 7; i >= 0; --i) w = w << 8 | bytes[i];
  return w;
}

// The high bit of each of eight bytes that a JSON string does not hold as they are by themselves:
// a control character, '"', '\\', or a byte of a multi-byte sequence. The lowest bit set is the
// first such byte; a byte after one may be flagged by mistake (a borrow propagates upwards), so
// the byte found is looked at again.
std::uint64_t special_bytes(std::uint64_t w) {
  constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
  // x - 1 borrows into the high bit of a byte that is 0 (a byte of w with the high bit set is
  // flagged anyway); w - 0x20 into that of a byte below 0x20.
  return ((w - 0x20 * ones) | w | ((w ^ ('"' * ones)) - ones) | ((w ^ ('\\' * ones)) - ones)) & highs;
}

// The length of the UTF-8 sequence that starts at p (a lead byte and its continuation bytes),
// or 0 when p starts none.
std::size_t sequence_length(const char* p, const char* end) {
  const auto c = static_cast<unsigned char>(*p);
  const std::size_t len = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || len > static_cast<std::size_t>(end - p)) return 0;
  for (std::size_t k = 1; k < len; ++k)
    if ((static_cast<unsigned char>(p[k]) & 0xC0) != 0x80) return 0;
  return len;
}

// The end of the run of bytes from p that a JSON string holds as they are: ASCII but control
// characters, '"' and '\\'; whole UTF-8 sequences. [begin, end) is the string.
const char* plain_end(const char* begin, const char* p, const char* end) {
  while (p != end) {
    if (end - begin >= 8) {  // eight bytes at a time (the last eight near the end), up to the first not plain ASCII
      const char* word = end - p >= 8 ? p : end - 8;
      const auto special = special_bytes(load8(word)) >> (8 * (p - word));
      if (special == 0) {
        p = word + 8;
        continue;
      }
      p += std::countr_zero(special) / 8;
    }
    const auto c = static_cast<unsigned char>(*p);
    if (c < 0x80) {
      if (c < 0x20 || c == '"' || c == '\\') return p;
      ++p;
      continue;
    }
    const auto len = sequence_length(p, end);
    if (len == 0) return p;
    p += len;
    // Chinese text: two three-byte sequences at a time.
    while (end - p >= 8 && (load8(p) & 0xC0C0F0C0C0F0ULL) == 0x8080E08080E0ULL) p += 6;
  }
  return p;
}

// A byte in a JSON string: its escape, or U+FFFD for a byte that starts no UTF-8 sequence.
void put_escaped(Buf& b, unsigned char c) {
  switch (c) {
    case '"': return put(b, "\\\"");
    case '\\': return put(b, "\\\\");
    case '\n': return put(b, "\\n");
    case '\r': return put(b, "\\r");
    case '\t': return put(b, "\\t");
  }
  if (c >= 0x80) return put(b, "\xEF\xBF\xBD");
  const char escape[] = {'\\', 'u', '0', '0', "0123456789abcdef"[c >> 4], "0123456789abcdef"[c & 0xF]};
  b.append(escape, escape + sizeof escape);
}

// A JSON string; invalid UTF-8 becomes U+FFFD so that output is always valid JSON.
void put_string(Buf& b, std::string_view s) {
  const char* p = s.data();
  const char* const end = p + s.size();
  b.push_back('"');
  for (;;) {
    const char* plain = plain_end(s.data(), p, end);
    b.append(p, plain);
    if (plain == end) break;
    put_escaped(b, static_cast<unsigned char>(*plain));
    p = plain + 1;
  }
  b.push_back('"');
}

struct Writer {
  Buf& b;
  bool pretty;
  int depth = 0;

  void newline() {
    if (!pretty) return;
    b.push_back('\n');
    for (int i = 0; i < depth; ++i) put(b, "  ");
  }
  void key(std::string_view k, bool first, bool inline_obj = false) {
    if (!inline_obj) {
      if (!first) b.push_back(',');
      newline();
    }
    // Keys are the schema's own identifiers (nothing to escape): written in one piece.
    char* p = b.space(k.size() + 6);
    if (inline_obj && !first) {
      *p++ = ',';
      if (pretty) *p++ = ' ';
    }
    *p++ = '"';
    std::memcpy(p, k.data(), k.size());
    p += k.size();
    *p++ = '"';
    *p++ = ':';
    if (pretty) *p++ = ' ';
    b.advance(p);
  }
  void value(const Value& v) {
    if (!v) put(b, "null");
    else if (v->scale == 0 && v->units >= 0 && v->units < 10) b.push_back(static_cast<char>('0' + v->units));
    else put_decimal(b, *v);
  }
};

// A location as an object of the fields that apply: {"line": 12, "column": 5}, {"page": 3, …}.
void put_location(Writer& w, const Location& at) {
  if (!at.known()) return put(w.b, "null");
  w.b.push_back('{');
  bool first = true;
  for (auto [name, v] : {std::pair{"page", at.page}, std::pair{"line", at.line}, std::pair{"column", at.column},
                         std::pair{"paragraph", at.paragraph}, std::pair{"table", at.table}, std::pair{"row", at.row},
                         std::pair{"cell", at.cell}})
    if (v) {
      w.key(name, first, true);
      put_int(w.b, v);
      first = false;
    }
  w.b.push_back('}');
}

// One table as the record writes it, but for its cells: the text before each cell, in order,
// and after the last. Made once per table shape and way of writing it.
struct TableFrame {
  struct Hole {
    std::size_t end;   // the text before the cell ends here
    std::size_t cell;  // the cell's index in TableRecord::values
  };
  std::string text;  // and Buf::kPadding bytes after it, never written: see Buf::append_padded
  std::size_t size = 0;
  std::vector<Hole> holes;
};

// One object per table, one inline object per row, in the order of the table's template.
TableFrame make_frame(const TemplateTable& shape, bool pretty, int depth, bool first_key) {
  Storage storage;
  Buf b(storage, 1024);
  Writer w{b, pretty, depth};
  TableFrame f;
  w.key(shape.key, first_key);
  b.push_back('{');
  ++w.depth;
  for (std::size_t row = 0; row < shape.rows.size(); ++row) {
    const auto& rs = shape.rows[row];
    w.key(rs.key, row == 0);
    b.push_back('{');
    for (std::size_t c = 0; c < rs.columns.size(); ++c) {
      w.key(rs.columns[c].key, c == 0, true);
      f.holes.push_back({b.size(), rs.first + c});
    }
    b.push_back('}');
  }
  --w.depth;
  w.newline();
  b.push_back('}');
  f.size = b.size();
  f.text = b.text();
  f.text.append(Buf::kPadding, ' ');
  return f;
}

const TableFrame& table_frame(const TemplateTable& shape, bool pretty, int depth, bool first_key) {
  struct Made {
    const TemplateTable* shape;
    bool pretty;
    int depth;
    bool first_key;
    std::unique_ptr<TableFrame> frame;
  };
  thread_local std::vector<Made> made;  // the templates are static: a few shapes, a few ways
  for (const auto& m : made)
    if (m.shape == &shape && m.pretty == pretty && m.depth == depth && m.first_key == first_key) return *m.frame;
  made.push_back({&shape, pretty, depth, first_key, std::make_unique<TableFrame>(make_frame(shape, pretty, depth, first_key))});
  return *made.back().frame;
}

// The record's tables, or where their values were read: each table's frame, its cells filled in.
template <typename PutCell>
void put_tables(Writer& w, const Record& r, bool first_key, PutCell put_cell) {
  static const TableRecord none;  // a table the record lacks: null values, unknown positions
  const auto n = templates().front()->tables.size();
  for (std::size_t t = 0; t < n; ++t) {
    const auto& f = table_frame(table_shape(r, t), w.pretty, w.depth, first_key && t == 0);
    const TableRecord& table = t < r.tables.size() ? r.tables[t] : none;
    const char* text = f.text.data();
    std::size_t from = 0;
    for (const auto& hole : f.holes) {
      w.b.append_padded(text + from, hole.end - from);
      put_cell(table, hole.cell);
      from = hole.end;
    }
    w.b.append_padded(text + from, f.size - from);
  }
}

}  // namespace

std::string format_decimal(const Decimal& d) {
  if (d.scale <= 0) return fmt::format("{}", d.units);
  std::int64_t p = 1;
  for (int i = 0; i < d.scale && i < 18; ++i) p *= 10;
  // The magnitude's digits, then the sign: -0.5 is {-5, 1}.
  const std::uint64_t magnitude = d.units < 0 ? 0 - static_cast<std::uint64_t>(d.units) : static_cast<std::uint64_t>(d.units);
  const auto up = static_cast<std::uint64_t>(p);
  return fmt::format("{}{}.{:0{}}", d.units < 0 ? "-" : "", magnitude / up, magnitude % up, d.scale);
}

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::note: return "note";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "error";
}

std::string to_json(const Record& r, bool pretty, bool positions) {
  constexpr std::size_t kKeepScratch = std::size_t{4} << 20;
  std::size_t text_size = 0;
  for (const auto& s : r.sections) text_size += s.text.size() + s.heading.size();
  thread_local Storage scratch;
  Buf b(scratch, text_size + 12000 + 160 * (r.checks.size() + r.diagnostics.size()));
  Writer w{b, pretty};
  b.push_back('{');
  w.depth = 1;
  w.key("schema", true);
  put_string(b, "xxgk.report/1");
  w.key("xxgk", false);  // the version that wrote the record
  put_string(b, XXGK_VERSION);
  w.key("source", false);
  b.push_back('{');
  w.key("path", true, true);
  put_string(b, r.path);
  auto string_or_null = [&](const char* name, const std::string& v) {
    w.key(name, false, true);
    if (v.empty()) put(b, "null"); else put_string(b, v);
  };
  string_or_null("format", r.format);
  string_or_null("layout", r.layout);
  string_or_null("encoding", r.encoding);
  b.push_back('}');
  w.key("agency", false);
  if (r.agency.empty()) put(b, "null"); else put_string(b, r.agency);
  w.key("agency_key", false);  // for grouping: normalise_agency
  if (r.agency.empty()) put(b, "null"); else put_string(b, normalise_agency(r.agency));
  w.key("year", false);
  if (r.year) put_int(b, *r.year); else put(b, "null");
  w.key("published", false);
  if (r.published.empty()) put(b, "null"); else put_string(b, r.published);
  w.key("index_number", false);
  if (r.index_number.empty()) put(b, "null"); else put_string(b, r.index_number);
  w.key("template", false);
  if (r.template_version.empty()) put(b, "null"); else put_string(b, r.template_version);
  // The tables' own versions, where one differs from the report's.
  bool mixed = false;
  for (const auto& t : r.tables) mixed = mixed || t.version != r.template_version;
  if (mixed && !r.template_version.empty()) {
    w.key("templates", false);
    b.push_back('{');
    for (std::size_t t = 0; t < r.tables.size(); ++t) {
      w.key(table_shape(r, t).key, t == 0, true);
      put_string(b, r.tables[t].version);
    }
    b.push_back('}');
  }

  w.depth = 1;
  put_tables(w, r, false, [&](const TableRecord& table, std::size_t i) {
    static const Value null;
    w.value(i < table.values.size() ? table.values[i] : null);
  });
  if (positions) {
    w.key("positions", false);
    b.push_back('{');
    ++w.depth;
    put_tables(w, r, true, [&](const TableRecord& table, std::size_t i) {
      put_location(w, i < table.sources.size() ? table.sources[i] : Location{});
    });
    --w.depth;
    w.newline();
    b.push_back('}');
  }

  auto array = [&](const char* name, const auto& items, auto&& write_item) {
    w.key(name, false);
    b.push_back('[');
    w.depth = 2;
    bool first = true;
    for (const auto& it : items) {
      if (!first) b.push_back(',');
      w.newline();
      write_item(it);
      first = false;
    }
    w.depth = 1;
    if (!items.empty()) w.newline();
    b.push_back(']');
  };
  array("sections", r.sections, [&](const Section& s) {
    b.push_back('{');
    w.key("number", true, true);
    put_int(b, s.number);
    w.key("heading", false, true);
    put_string(b, s.heading);
    w.key("text", false, true);
    put_string(b, s.text);
    b.push_back('}');
  });
  array("checks", r.checks, [&](const Check& c) {
    b.push_back('{');
    w.key("rule", true, true);
    put_string(b, c.rule);
    w.key("scope", false, true);
    put_string(b, c.scope);
    w.key("status", false, true);
    put(b, c.pass ? "\"pass\"" : "\"fail\"");
    w.key("lhs", false, true);
    put_int(b, c.lhs);
    w.key("rhs", false, true);
    put_int(b, c.rhs);
    b.push_back('}');
  });
  array("diagnostics", r.diagnostics, [&](const Diagnostic& d) {
    b.push_back('{');
    w.key("severity", true, true);
    put_string(b, severity_name(d.severity));
    w.key("code", false, true);
    put_string(b, d.code);
    w.key("message", false, true);
    put_string(b, d.message);
    if (d.at.page) {
      w.key("page", false, true);
      put_int(b, d.at.page);
    }
    w.key("line", false, true);
    put_int(b, d.at.line);
    w.key("column", false, true);
    put_int(b, d.at.column);
    for (auto [name, v] : {std::pair{"paragraph", d.at.paragraph}, std::pair{"table", d.at.table}, std::pair{"row", d.at.row},
                           std::pair{"cell", d.at.cell}})
      if (v) {
        w.key(name, false, true);
        put_int(b, v);
      }
    b.push_back('}');
  });
  w.depth = 0;
  w.newline();
  b.push_back('}');
  std::string out(b.text());
  if (scratch.size > kKeepScratch) scratch = {};  // a huge record's buffer is not kept
  return out;
}

}  // namespace xxgk
