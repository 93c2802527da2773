// Regression testing against expected records (xxgk/testing.hpp, docs/testing.md): the expected
// record is read as JSON and compared with the actual one key by key, the sections, checks and
// diagnostics paired by what identifies them rather than by their place in the list.
#include "xxgk/testing.hpp"

#include <fmt/format.h>

#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <nlohmann/json.hpp>
#include <sstream>
#include <system_error>

namespace fs = std::filesystem;

namespace xxgk::testing {

namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kNone = "(none)";

// '*' any run of characters, '?' one; the whole of `s`.
bool glob(std::string_view p, std::string_view s) {
  std::size_t pi = 0, si = 0, star = std::string_view::npos, mark = 0;
  while (si < s.size()) {
    if (pi < p.size() && (p[pi] == '?' || (p[pi] != '*' && p[pi] == s[si]))) {
      ++pi;
      ++si;
    } else if (pi < p.size() && p[pi] == '*') {
      star = pi++;
      mark = si;
    } else if (star != std::string_view::npos) {
      pi = star + 1;
      si = ++mark;
    } else {
      return false;
    }
  }
  while (pi < p.size() && p[pi] == '*') ++pi;
  return pi == p.size();
}

bool read_file(const std::string& path, std::string& out, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = std::strerror(errno);
    return false;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) {
    error = "read error";
    return false;
  }
  out = ss.str();
  return true;
}

std::string show_status(int s) {
  switch (s) {
    case 0: return "0 (ok)";
    case 1: return "1 (failed)";
    case 2: return "2 (rejected)";
  }
  return std::to_string(s);
}

std::string dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }
std::string show(const Json* j) { return j ? dump(*j) : std::string(kNone); }

bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Byte offsets `n` characters before or after `i` in UTF-8 text.
std::size_t back_chars(std::string_view s, std::size_t i, std::size_t n) {
  while (i > 0 && n > 0) {
    --i;
    while (i > 0 && continuation(s[i])) --i;
    --n;
  }
  return i;
}
std::size_t forward_chars(std::string_view s, std::size_t i, std::size_t n) {
  while (i < s.size() && n > 0) {
    ++i;
    while (i < s.size() && continuation(s[i])) ++i;
    --n;
  }
  return i;
}
std::size_t count_chars(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += !continuation(c);
  return n;
}

// Two strings for a person: whole when short; else the part around the first difference, as
// …"excerpt"… (character N).
void show_texts(const std::string& e, const std::string& a, std::string& se, std::string& sa) {
  constexpr std::size_t kShort = 120;
  if (e.size() <= kShort && a.size() <= kShort) {
    se = dump(Json(e));
    sa = dump(Json(a));
    return;
  }
  std::size_t i = 0;
  while (i < e.size() && i < a.size() && e[i] == a[i]) ++i;
  while (i > 0 && ((i < e.size() && continuation(e[i])) || (i < a.size() && continuation(a[i])))) --i;
  const std::size_t from = back_chars(e, i, 30);  // the same bytes in both before i
  auto excerpt = [&](const std::string& s) {
    const std::size_t to = forward_chars(s, i, 50);
    return fmt::format("{}{}{} (character {} of {})", from ? "…" : "", dump(Json(s.substr(from, to - from))),
                       to < s.size() ? "…" : "", count_chars(std::string_view(s).substr(0, i)) + 1, count_chars(s));
  };
  se = excerpt(e);
  sa = excerpt(a);
}

std::uint32_t field(const Json& j, const char* name) {
  auto it = j.find(name);
  if (it == j.end() || !it->is_number_integer()) return 0;
  auto v = it->get<std::int64_t>();
  return v > 0 && v <= UINT32_MAX ? static_cast<std::uint32_t>(v) : 0;
}

std::string text_field(const Json& j, const char* name) {
  auto it = j.find(name);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

const Json* member(const Json* j, const std::string& key) {
  if (!j || !j->is_object()) return nullptr;
  auto it = j->find(key);
  return it == j->end() ? nullptr : &*it;
}

// A list's items under keys that identify them: "sections.3", "checks.rule[scope]"; the second
// item with the same key gets "#2".
template <typename KeyOf>
std::vector<std::pair<std::string, const Json*>> keyed(const Json* list, KeyOf key_of) {
  std::vector<std::pair<std::string, const Json*>> out;
  if (!list || !list->is_array()) return out;
  std::map<std::string, int> seen;
  for (const auto& item : *list) {
    auto key = key_of(item);
    const int n = ++seen[key];
    out.emplace_back(n > 1 ? fmt::format("{}#{}", key, n) : key, &item);
  }
  return out;
}

struct Diag {
  const Json* json;
  std::string code, severity, message;
  Location at;
  std::string where() const {
    auto w = describe(at);
    return w.empty() ? severity : severity + " at " + w;
  }
};

Diag diag_of(const Json& j) {
  Diag d{&j, text_field(j, "code"), text_field(j, "severity"), text_field(j, "message"), {}};
  d.at = {field(j, "line"), field(j, "column"), field(j, "page"), field(j, "paragraph"),
          field(j, "table"), field(j, "row"), field(j, "cell")};
  return d;
}

class Comparison {
 public:
  Comparison(const Record& actual, std::vector<Difference>& out) : actual_(actual), out_(out) {}

  void records(const Json& e, const Json& a) {
    for_keys(&e, &a, [&](const std::string& k, const Json* ev, const Json* av) {
      const bool lists = (!ev || ev->is_array()) && (!av || av->is_array());
      if (k == "sections" && lists) sections(ev, av);
      else if (k == "checks" && lists) checks(ev, av);
      else if (k == "diagnostics" && lists) diagnostics(ev, av);
      else walk(k, ev, av);
    });
  }

 private:
  void add(std::string key, std::string e, std::string a, Location at = {}) {
    out_.push_back({std::move(key), std::move(e), std::move(a), at});
  }

  // Each key of the actual object, then each only the expected one has.
  template <typename F>
  static void for_keys(const Json* e, const Json* a, F f) {
    if (a && a->is_object())
      for (auto it = a->begin(); it != a->end(); ++it) f(it.key(), member(e, it.key()), &it.value());
    if (e && e->is_object())
      for (auto it = e->begin(); it != e->end(); ++it)
        if (!member(a, it.key())) f(it.key(), &it.value(), nullptr);
  }

  void walk(const std::string& key, const Json* e, const Json* a) {
    if (e && a && *e == *a) return;
    if ((!e || e->is_object()) && (!a || a->is_object())) {
      for_keys(e, a, [&](const std::string& k, const Json* ev, const Json* av) { walk(key + "." + k, ev, av); });
      return;
    }
    if ((!e || e->is_array()) && (!a || a->is_array())) {
      const std::size_t n = std::max(e ? e->size() : 0, a ? a->size() : 0);
      for (std::size_t i = 0; i < n; ++i)
        walk(fmt::format("{}[{}]", key, i), e && i < e->size() ? &(*e)[i] : nullptr, a && i < a->size() ? &(*a)[i] : nullptr);
      return;
    }
    leaf(key, e, a, locate(key));
  }

  void leaf(const std::string& key, const Json* e, const Json* a, Location at = {}) {
    if (e && a && e->is_string() && a->is_string()) {
      std::string se, sa;
      show_texts(e->get<std::string>(), a->get<std::string>(), se, sa);
      add(key, std::move(se), std::move(sa), at);
    } else {
      add(key, show(e), show(a), at);
    }
  }

  // Where the actual value of "table.row.column" was read.
  Location locate(std::string_view key) const {
    const auto p1 = key.find('.');
    const auto p2 = p1 == std::string_view::npos ? p1 : key.find('.', p1 + 1);
    if (p2 == std::string_view::npos || key.find('.', p2 + 1) != std::string_view::npos) return {};
    const auto table = key.substr(0, p1), row = key.substr(p1 + 1, p2 - p1 - 1), column = key.substr(p2 + 1);
    const auto& shapes = templates().front()->tables;
    for (std::size_t t = 0; t < shapes.size() && t < actual_.tables.size(); ++t) {
      if (shapes[t].key != table) continue;
      for (const auto& r : table_shape(actual_, t).rows) {
        if (r.key != row) continue;
        for (std::size_t c = 0; c < r.columns.size(); ++c) {
          const auto& sources = actual_.tables[t].sources;
          if (r.columns[c].key == column && r.first + c < sources.size()) return sources[r.first + c];
        }
      }
    }
    return {};
  }

  // Paired by key; `compare(key, e, a)` for each pair (an item only one side has: the other null).
  template <typename Compare>
  static void pair_up(const std::vector<std::pair<std::string, const Json*>>& e,
                      const std::vector<std::pair<std::string, const Json*>>& a, Compare compare) {
    std::map<std::string, const Json*> by_key;
    for (const auto& [k, j] : e) by_key.emplace(k, j);
    std::map<std::string, const Json*> actual_keys;
    for (const auto& [k, j] : a) {
      actual_keys.emplace(k, j);
      auto it = by_key.find(k);
      compare(k, it == by_key.end() ? nullptr : it->second, j);
    }
    for (const auto& [k, j] : e)
      if (!actual_keys.count(k)) compare(k, j, nullptr);
  }

  // Sections by number: "sections.3.heading", "sections.3.text".
  void sections(const Json* e, const Json* a) {
    auto key_of = [](const Json& s) {
      auto n = member(&s, "number");
      return "sections." + (n ? dump(*n) : std::string("?"));
    };
    pair_up(keyed(e, key_of), keyed(a, key_of), [&](const std::string& key, const Json* es, const Json* as) {
      auto without_number = [](const Json* s) {
        std::optional<Json> j;
        if (s) {
          j = *s;
          if (j->is_object()) j->erase("number");
        }
        return j;
      };
      auto ej = without_number(es), aj = without_number(as);
      walk(key, ej ? &*ej : nullptr, aj ? &*aj : nullptr);
    });
  }

  // Checks by rule and scope: "checks.applications.balance[total]", its value "pass 1 = 1".
  void checks(const Json* e, const Json* a) {
    auto key_of = [](const Json& c) {
      auto scope = text_field(c, "scope");
      return "checks." + text_field(c, "rule") + (scope.empty() ? "" : "[" + scope + "]");
    };
    auto shown = [](const Json* c) -> std::string {
      if (!c) return std::string(kNone);
      auto lhs = member(c, "lhs"), rhs = member(c, "rhs");
      if (!c->is_object() || !lhs || !rhs || text_field(*c, "status").empty()) return dump(*c);
      return fmt::format("{} {} {} {}", text_field(*c, "status"), dump(*lhs), *lhs == *rhs ? "=" : "≠", dump(*rhs));
    };
    pair_up(keyed(e, key_of), keyed(a, key_of), [&](const std::string& key, const Json* ec, const Json* ac) {
      if (!ec || !ac || *ec != *ac) add(key, shown(ec), shown(ac));
    });
  }

  // Diagnostics by code: "diagnostics.CODE" (its severity and position; a diagnostic only one
  // side has, with its message) and "diagnostics.CODE.message".
  void diagnostics(const Json* e, const Json* a) {
    std::vector<Diag> ed, ad;
    if (e)
      for (const auto& j : *e) ed.push_back(diag_of(j));
    if (a)
      for (const auto& j : *a) ad.push_back(diag_of(j));
    constexpr std::size_t kNo = static_cast<std::size_t>(-1);
    std::vector<std::size_t> match(ad.size(), kNo);
    std::vector<bool> taken(ed.size(), false);
    // Passes: the same diagnostic; the same position (its wording or severity changed); the
    // same message (moved); the next of its code.
    for (int pass = 0; pass < 4; ++pass)
      for (std::size_t i = 0; i < ad.size(); ++i) {
        if (match[i] != kNo) continue;
        for (std::size_t k = 0; k < ed.size(); ++k) {
          if (taken[k] || ed[k].code != ad[i].code) continue;
          const bool same_at = ed[k].at == ad[i].at, same_message = ed[k].message == ad[i].message;
          if (pass == 0 && !(same_at && same_message && ed[k].severity == ad[i].severity)) continue;
          if (pass == 1 && !same_at) continue;
          if (pass == 2 && !same_message) continue;
          match[i] = k;
          taken[k] = true;
          break;
        }
      }
    auto whole = [](const Diag& d) { return d.where() + ": " + dump(Json(d.message)); };
    for (std::size_t i = 0; i < ad.size(); ++i) {
      const auto key = "diagnostics." + ad[i].code;
      if (match[i] == kNo) {
        add(key, std::string(kNone), whole(ad[i]));
        continue;
      }
      const Diag& ex = ed[match[i]];
      if (ex.where() != ad[i].where()) add(key, ex.where(), ad[i].where());
      if (ex.message != ad[i].message) {
        std::string se, sa;
        show_texts(ex.message, ad[i].message, se, sa);
        add(key + ".message", std::move(se), std::move(sa), ad[i].at);
      }
    }
    for (std::size_t k = 0; k < ed.size(); ++k)
      if (!taken[k]) add("diagnostics." + ed[k].code, whole(ed[k]), std::string(kNone));
  }

  const Record& actual_;
  std::vector<Difference>& out_;
};

}  // namespace

std::string expected_record_path(std::string_view report) { return std::string(report) + ".expected.json"; }
std::string expected_status_path(std::string_view report) { return std::string(report) + ".status"; }

std::string canonical_record(const Record& record) { return to_json(record, true) + "\n"; }

std::string report_name(std::string_view file, std::string_view base) {
  std::error_code ec;
  const fs::path f = fs::absolute(fs::path(file), ec).lexically_normal();
  if (ec) return std::string(file);
  const fs::path b = fs::absolute(base.empty() ? fs::path(".") : fs::path(base), ec).lexically_normal();
  if (ec) return std::string(file);
  auto rel = f.lexically_relative(b);
  return rel.empty() ? std::string(file) : rel.generic_string();
}

void KeyFilter::only(std::string_view pattern) {
  if (pattern == "values") {
    for (const auto& t : templates().front()->tables) only_.emplace_back(t.key);
  } else {
    only_.emplace_back(pattern);
  }
}

void KeyFilter::ignore(std::string_view pattern) {
  if (pattern == "values") {
    for (const auto& t : templates().front()->tables) ignore_.emplace_back(t.key);
  } else {
    ignore_.emplace_back(pattern);
  }
}

bool KeyFilter::matches(std::string_view pattern, std::string_view key) {
  if (glob(pattern, key)) return true;
  for (std::size_t i = 1; i < key.size(); ++i)
    if ((key[i] == '.' || key[i] == '[') && glob(pattern, key.substr(0, i))) return true;
  return false;
}

bool KeyFilter::selects(std::string_view key) const {
  auto any = [&](const std::vector<std::string>& patterns) {
    for (const auto& p : patterns)
      if (matches(p, key)) return true;
    return false;
  };
  return (only_.empty() || any(only_)) && !any(ignore_);
}

const char* outcome_name(Outcome o) {
  switch (o) {
    case Outcome::pass: return "pass";
    case Outcome::differs: return "differs";
    case Outcome::new_report: return "new";
  }
  return "differs";
}

ReportCheck check_report(const std::string& file, const ParseResult& actual, const KeyFilter& filter) {
  ReportCheck c;
  c.file = file;
  c.name = actual.record.path;
  c.record = canonical_record(actual.record);
  c.status = static_cast<int>(actual.status);

  const auto record_path = expected_record_path(file);
  std::error_code ec;
  if (!fs::exists(record_path, ec)) {
    c.outcome = Outcome::new_report;
    return c;
  }
  std::vector<Difference> all;
  std::string expected, error;
  if (!read_file(record_path, expected, error)) {
    c.differences.push_back({"json", "cannot read " + record_path + ": " + error, "(the record)", {}});
    c.outcome = Outcome::differs;
    return c;
  }
  const auto status_path = expected_status_path(file);
  std::string status_text;
  if (fs::exists(status_path, ec)) {
    if (!read_file(status_path, status_text, error)) {
      all.push_back({"status", "cannot read " + status_path + ": " + error, show_status(c.status), {}});
    } else {
      while (!status_text.empty() && std::isspace(static_cast<unsigned char>(status_text.back()))) status_text.pop_back();
      if (status_text != std::to_string(c.status))
        all.push_back({"status",
                       status_text == "0" || status_text == "1" || status_text == "2" ? show_status(status_text[0] - '0')
                                                                                     : dump(Json(status_text)),
                       show_status(c.status), {}});
    }
  }
  if (expected != c.record) {
    Json e;
    try {
      e = Json::parse(expected);
    } catch (const Json::exception& x) {
      // Nothing can be compared: reported whatever the filter.
      c.differences.push_back({"json", std::string("invalid JSON: ") + x.what(), "(the record)", {}});
      c.outcome = Outcome::differs;
      return c;
    }
    const std::size_t before = all.size();
    Comparison(actual.record, all).records(e, Json::parse(c.record));
    if (all.size() == before)
      all.push_back({"json", "the same record, not as xxgk writes it (spacing, key order, number form)",
                     "the canonical record", {}});
  }
  for (auto& d : all)
    if (filter.selects(d.key)) c.differences.push_back(std::move(d));
  c.outcome = c.differences.empty() ? Outcome::pass : Outcome::differs;
  return c;
}

ReportCheck test_report(const std::string& file, const std::string& name, const KeyFilter& filter, ParseOptions options) {
  options.positions = true;
  std::string bytes, error;
  ParseResult result;
  if (read_file(file, bytes, error) && !fs::is_directory(file)) {
    result = parse_bytes(std::move(bytes), name, options);
  } else {
    result = parse_file(file, options);  // says why it cannot be read
    result.record.path = name;
  }
  return check_report(file, result, filter);
}

std::string write_expected(const ReportCheck& check) {
  auto write = [](const std::string& path, const std::string& bytes) -> std::string {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (out) out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (out) out.close();
    if (!out) return path + ": cannot write: " + std::strerror(errno);
    return {};
  };
  auto e = write(expected_record_path(check.file), check.record);
  if (e.empty()) e = write(expected_status_path(check.file), std::to_string(check.status) + "\n");
  return e;
}

std::string describe_position(std::string_view name, const Location& at) {
  const auto where = describe(at);
  if (where.empty()) return {};
  return fmt::format("{}{}{}", name, at.line && !at.page ? ":" : ": ", where);
}

std::string render(const ReportCheck& check) {
  std::string o = fmt::format("{:<8} {}\n", outcome_name(check.outcome), check.name);
  for (const auto& d : check.differences) {
    const auto where = describe_position(check.name, d.at);
    o += where.empty() ? fmt::format("  {}\n", d.key) : fmt::format("  {}  (at {})\n", d.key, where);
    fmt::format_to(std::back_inserter(o), "    expected: {}\n    actual:   {}\n", d.expected, d.actual);
  }
  return o;
}

}  // namespace xxgk::testing
