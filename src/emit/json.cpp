// The canonical JSON record (docs/schema.md). Written by hand for speed and a fixed key order;
// pretty output keeps each innermost object on one line, so a record reads like the tables.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>

#include "xxgk/xxgk.hpp"

namespace xxgk {

namespace {

// The record's text, in a string reserved ahead: no copy at the end.
class Buf {
 public:
  explicit Buf(std::size_t capacity) { s_.reserve(capacity); }
  void append(const char* begin, const char* end) { s_.append(begin, static_cast<std::size_t>(end - begin)); }
  void push_back(char c) { s_.push_back(c); }
  std::string take() { return std::move(s_); }

 private:
  std::string s_;
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

void write_inline_values(Writer& w, std::initializer_list<std::pair<std::string_view, const Value*>> kv) {
  w.b.push_back('{');
  bool first = true;
  for (auto [k, v] : kv) {
    w.key(k, first, true);
    w.value(*v);
    first = false;
  }
  w.b.push_back('}');
}

template <std::size_t N>
std::array<std::string_view, N> views(const std::array<const char*, N>& keys) {
  std::array<std::string_view, N> v;
  for (std::size_t i = 0; i < N; ++i) v[i] = keys[i];
  return v;
}

}  // namespace

std::string format_decimal(const Decimal& d) {
  if (d.scale <= 0) return fmt::format("{}", d.units);
  std::int64_t p = 1;
  for (int i = 0; i < d.scale; ++i) p *= 10;
  return fmt::format("{}.{:0{}}", d.units / p, d.units % p, d.scale);
}

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::note: return "note";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "error";
}

std::string to_json(const Record& r, bool pretty) {
  std::size_t text_size = 0;
  for (const auto& s : r.sections) text_size += s.text.size() + s.heading.size();
  Buf b(text_size + 12000 + 160 * (r.checks.size() + r.diagnostics.size()));
  Writer w{b, pretty};
  b.push_back('{');
  w.depth = 1;
  w.key("schema", true);
  put_string(b, "xxgk.report/1");
  w.key("source", false);
  b.push_back('{');
  w.key("path", true, true);
  put_string(b, r.path);
  w.key("layout", false, true);
  if (r.layout.empty()) put(b, "null"); else put_string(b, r.layout);
  w.key("encoding", false, true);
  if (r.encoding.empty()) put(b, "null"); else put_string(b, r.encoding);
  b.push_back('}');
  w.key("agency", false);
  if (r.agency.empty()) put(b, "null"); else put_string(b, r.agency);
  w.key("year", false);
  if (r.year) put_int(b, *r.year); else put(b, "null");
  w.key("template", false);
  if (r.template_version.empty()) put(b, "null"); else put_string(b, r.template_version);

  const auto& a = r.active_disclosure;
  w.key("active_disclosure", false);
  b.push_back('{');
  w.depth = 2;
  for (auto [name, d] : {std::pair{"rules", &a.rules}, std::pair{"normative_documents", &a.normative_documents}}) {
    w.key(name, std::string_view(name) == "rules");
    write_inline_values(w, {{"issued", &d->issued}, {"repealed", &d->repealed}, {"in_force", &d->in_force}});
  }
  for (auto [name, v] : {std::pair{"licensing", &a.licensing}, std::pair{"penalty", &a.penalty}, std::pair{"coercion", &a.coercion}}) {
    w.key(name, false);
    write_inline_values(w, {{"decisions", v}});
  }
  w.key("fees", false);
  write_inline_values(w, {{"amount", &a.fees}});
  w.depth = 1;
  w.newline();
  b.push_back('}');

  static const auto row_keys = views(kApplicationRowKeys);
  static const auto col_keys = views(kApplicantColumnKeys);
  static const auto group_keys = views(kReviewGroupKeys);
  static const auto review_keys = views(kReviewColumnKeys);
  w.key("applications", false);
  b.push_back('{');
  w.depth = 2;
  for (int row = 0; row < kApplicationRows; ++row) {
    w.key(row_keys[row], row == 0);
    b.push_back('{');
    for (int c = 0; c < kApplicantColumns; ++c) {
      w.key(col_keys[c], c == 0, true);
      w.value(r.applications[row][c]);
    }
    b.push_back('}');
  }
  w.depth = 1;
  w.newline();
  b.push_back('}');

  w.key("review_litigation", false);
  b.push_back('{');
  w.depth = 2;
  for (int g = 0; g < kReviewGroups; ++g) {
    w.key(group_keys[g], g == 0);
    b.push_back('{');
    for (int c = 0; c < kReviewColumns; ++c) {
      w.key(review_keys[c], c == 0, true);
      w.value(r.review_litigation[g][c]);
    }
    b.push_back('}');
  }
  w.depth = 1;
  w.newline();
  b.push_back('}');

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
    w.key("line", false, true);
    put_int(b, d.line);
    w.key("column", false, true);
    put_int(b, d.column);
    b.push_back('}');
  });
  w.depth = 0;
  w.newline();
  b.push_back('}');
  return b.take();
}

void for_each_cell(const Record& r, const CellVisitor& visit) {
  const auto& a = r.active_disclosure;
  for (auto [name, d] : {std::pair{"rules", &a.rules}, std::pair{"normative_documents", &a.normative_documents}}) {
    visit("active_disclosure", name, "issued", d->issued);
    visit("active_disclosure", name, "repealed", d->repealed);
    visit("active_disclosure", name, "in_force", d->in_force);
  }
  visit("active_disclosure", "licensing", "decisions", a.licensing);
  visit("active_disclosure", "penalty", "decisions", a.penalty);
  visit("active_disclosure", "coercion", "decisions", a.coercion);
  visit("active_disclosure", "fees", "amount", a.fees);
  for (int row = 0; row < kApplicationRows; ++row)
    for (int c = 0; c < kApplicantColumns; ++c)
      visit("applications", kApplicationRowKeys[row], kApplicantColumnKeys[c], r.applications[row][c]);
  for (int g = 0; g < kReviewGroups; ++g)
    for (int c = 0; c < kReviewColumns; ++c)
      visit("review_litigation", kReviewGroupKeys[g], kReviewColumnKeys[c], r.review_litigation[g][c]);
}

}  // namespace xxgk
