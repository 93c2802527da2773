// The canonical JSON record (docs/schema.md). Written by hand for speed and a fixed key order;
// pretty output keeps each innermost object on one line, so a record reads like the tables.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>
#include <memory>

#include "xxgk/xxgk.hpp"

namespace xxgk {

namespace {

// The record's text, written into this thread's scratch buffer (kept between records: warm in
// the cache, no allocation) with inline bounds checks, then copied once into a string of its size.
class Buf {
 public:
  explicit Buf(std::size_t capacity) {
    auto& s = scratch();
    if (s.size < capacity) s = {std::unique_ptr<char[]>(new char[capacity]), capacity};
    begin_ = p_ = s.data.get();
    end_ = begin_ + s.size;
  }
  void append(const char* begin, const char* end) {
    const auto n = static_cast<std::size_t>(end - begin);
    if (n > static_cast<std::size_t>(end_ - p_)) grow(n);
    std::memcpy(p_, begin, n);
    p_ += n;
  }
  void push_back(char c) {
    if (p_ == end_) grow(1);
    *p_++ = c;
  }
  std::string take() {
    std::string out(begin_, p_);
    if (auto& s = scratch(); s.size > kKeep) s = {};  // a huge record's buffer is not kept
    return out;
  }

 private:
  static constexpr std::size_t kKeep = std::size_t{4} << 20;
  struct Scratch {
    std::unique_ptr<char[]> data;
    std::size_t size = 0;
  };
  static Scratch& scratch() {
    thread_local Scratch s;
    return s;
  }
  void grow(std::size_t n) {
    const auto used = static_cast<std::size_t>(p_ - begin_);
    const std::size_t size = std::max(2 * static_cast<std::size_t>(end_ - begin_), used + n);
    std::unique_ptr<char[]> data(new char[size]);
    std::memcpy(data.get(), begin_, used);
    scratch() = {std::move(data), size};
    begin_ = scratch().data.get();
    p_ = begin_ + used;
    end_ = begin_ + size;
  }
  char* begin_;
  char* p_;
  char* end_;
};

void put(Buf& b, std::string_view s) { b.append(s.data(), s.data() + s.size()); }

void put_int(Buf& b, std::int64_t v) {
  char digits[24];
  auto end = std::to_chars(digits, digits + sizeof digits, v).ptr;
  b.append(digits, end);
}

// As format_decimal, without its string.
void put_decimal(Buf& b, const Decimal& d) {
  if (d.scale <= 0) return put_int(b, d.units);
  if (d.units < 0 || d.scale > 18) return put(b, format_decimal(d));
  std::int64_t p = 1;
  for (int i = 0; i < d.scale; ++i) p *= 10;
  put_int(b, d.units / p);
  b.push_back('.');
  char digits[24];
  auto end = std::to_chars(digits, digits + sizeof digits, d.units % p).ptr;
  for (auto n = end - digits; n < d.scale; ++n) b.push_back('0');
  b.append(digits, end);
}

// Are these eight bytes ASCII that a JSON string holds as it is (no control character, '"' or '\\')?
bool plain_ascii(const char* p) {
  constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
  std::uint64_t w;
  std::memcpy(&w, p, 8);
  auto has_zero = [&](std::uint64_t x) { return (x - ones) & ~x & highs; };
  // A byte below 0x20 and no high bit: w - 0x20 borrows into its high bit.
  return ((w & highs) | ((w - 0x20 * ones) & ~w & highs) | has_zero(w ^ ('"' * ones)) | has_zero(w ^ ('\\' * ones))) == 0;
}

// A JSON string; invalid UTF-8 becomes U+FFFD so that output is always valid JSON.
void put_string(Buf& b, std::string_view s) {
  b.push_back('"');
  for (std::size_t i = 0; i < s.size();) {
    // Copy a run of bytes that need no escaping at once, found eight bytes at a time.
    std::size_t run = i;
    while (run + 8 <= s.size() && plain_ascii(s.data() + run)) run += 8;
    while (run < s.size()) {
      auto c = static_cast<unsigned char>(s[run]);
      if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80) break;
      ++run;
    }
    if (run > i) {
      b.append(s.data() + i, s.data() + run);
      i = run;
      continue;
    }
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      switch (c) {
        case '"': put(b, "\\\""); break;
        case '\\': put(b, "\\\\"); break;
        case '\n': put(b, "\\n"); break;
        case '\r': put(b, "\\r"); break;
        case '\t': put(b, "\\t"); break;
        default:
          if (c < 0x20) {
            const char escape[] = {'\\', 'u', '0', '0', "0123456789abcdef"[c >> 4], "0123456789abcdef"[c & 0xF]};
            b.append(escape, escape + sizeof escape);
          } else {
            b.push_back(static_cast<char>(c));
          }
      }
      ++i;
      continue;
    }
    int len = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    bool ok = len > 0 && i + len <= s.size();
    for (int k = 1; ok && k < len; ++k) ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    if (ok && len == 3) {  // most Chinese text: copy a run of valid three-byte sequences
      std::size_t j = i;
      while (j + 3 <= s.size() && (static_cast<unsigned char>(s[j]) >> 4) == 0xE &&
             (static_cast<unsigned char>(s[j + 1]) & 0xC0) == 0x80 && (static_cast<unsigned char>(s[j + 2]) & 0xC0) == 0x80)
        j += 3;
      b.append(s.data() + i, s.data() + j);
      i = j;
    } else if (ok) {
      b.append(s.data() + i, s.data() + i + len);
      i += len;
    } else {
      put(b, "\xEF\xBF\xBD");
      ++i;
    }
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
    char token[64];
    std::size_t n = 0;
    if (inline_obj && !first) {
      token[n++] = ',';
      if (pretty) token[n++] = ' ';
    }
    if (k.size() > sizeof token - n - 4) {  // never for the schema's keys
      b.append(token, token + n);
      b.push_back('"');
      put(b, k);
      put(b, pretty ? "\": " : "\":");
      return;
    }
    token[n++] = '"';
    std::memcpy(token + n, k.data(), k.size());
    n += k.size();
    token[n++] = '"';
    token[n++] = ':';
    if (pretty) token[n++] = ' ';
    b.append(token, token + n);
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

// The record's tables, or where their values were read: one object per table, one inline
// object per row, in the order of each table's template.
template <typename PutCell>
void put_tables(Writer& w, const Record& r, bool first_key, PutCell put_cell) {
  const auto n = templates().front()->tables.size();
  for (std::size_t t = 0; t < n; ++t) {
    const auto& shape = table_shape(r, t);
    w.key(shape.key, first_key && t == 0);
    w.b.push_back('{');
    ++w.depth;
    for (std::size_t row = 0; row < shape.rows.size(); ++row) {
      const auto& rs = shape.rows[row];
      w.key(rs.key, row == 0);
      w.b.push_back('{');
      for (std::size_t c = 0; c < rs.columns.size(); ++c) {
        w.key(rs.columns[c].key, c == 0, true);
        put_cell(t, rs.first + c);
      }
      w.b.push_back('}');
    }
    --w.depth;
    w.newline();
    w.b.push_back('}');
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
  std::size_t text_size = 0;
  for (const auto& s : r.sections) text_size += s.text.size() + s.heading.size();
  Buf b(text_size + 12000 + 160 * (r.checks.size() + r.diagnostics.size()));
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
  put_tables(w, r, false, [&](std::size_t t, std::size_t i) { w.value(table_value(r, t, i)); });
  if (positions) {
    w.key("positions", false);
    b.push_back('{');
    ++w.depth;
    put_tables(w, r, true, [&](std::size_t t, std::size_t i) {
      static const std::vector<Location> none;
      const auto& sources = t < r.tables.size() ? r.tables[t].sources : none;
      put_location(w, i < sources.size() ? sources[i] : Location{});
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
    put_string(b, c.pass ? "pass" : "fail");
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
  return b.take();
}

}  // namespace xxgk
