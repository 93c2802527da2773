// Output for a person: the tables on the template grid, the checks, the diagnostics.
#include <fmt/format.h>

#include "emit/diagnostics.hpp"
#include "xxgk/xxgk.hpp"

namespace xxgk {

namespace {

std::string cell(const Value& v) { return v ? format_decimal(*v) : "-"; }

// Display width: CJK characters take two columns.
int display_width(std::string_view s) {
  int w = 0;
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if ((c & 0xC0) == 0x80) continue;
    w += c >= 0xE0 ? 2 : 1;
  }
  return w;
}
std::string pad(std::string_view s, int width) {
  int w = display_width(s);
  return std::string(s) + std::string(w < width ? width - w : 0, ' ');
}
std::string rpad(std::string_view s, int width) {
  int w = display_width(s);
  return std::string(w < width ? width - w : 0, ' ') + std::string(s);
}

bool same_columns(const TemplateRow& a, const TemplateRow& b) {
  if (a.columns.size() != b.columns.size()) return false;
  for (std::size_t c = 0; c < a.columns.size(); ++c)
    if (a.columns[c].key != b.columns[c].key) return false;
  return true;
}

// A table as its template draws it: a header of column labels over each run of rows that share
// their columns.
void table(std::string& o, const Record& r, std::size_t t) {
  const auto& shape = table_shape(r, t);
  constexpr int kLabel = 26;
  fmt::format_to(std::back_inserter(o), "{} {}  (template {})\n", shape.name, shape.title,
                 t < r.tables.size() ? r.tables[t].version : std::string("-"));
  const TemplateRow* previous = nullptr;
  std::vector<int> widths;
  for (const auto& row : shape.rows) {
    if (!previous || !same_columns(*previous, row)) {
      widths.clear();
      o.append(2 + kLabel, ' ');
      for (const auto& c : row.columns) {
        std::string label(c.label);
        if (!c.unit.empty()) label.append("(").append(c.unit).append(")");
        widths.push_back(std::max(display_width(label), 6) + 2);
        o += rpad(label, widths.back());
      }
      o += '\n';
    }
    previous = &row;
    o += "  ";
    o += pad(row.label, kLabel);
    for (std::size_t c = 0; c < row.columns.size(); ++c) o += rpad(cell(table_value(r, t, row.first + c)), widths[c]);
    o += '\n';
  }
  o += '\n';
}

}  // namespace

std::string to_text(const Record& r) {
  std::string o;
  auto out = std::back_inserter(o);
  fmt::format_to(out, "{}\n", r.path);
  fmt::format_to(out, "  {} {}  (template {}, {} {}, {})\n\n", r.agency.empty() ? "(no agency)" : r.agency,
                 r.year ? std::to_string(*r.year) : "(no year)", r.template_version.empty() ? "-" : r.template_version,
                 r.format.empty() ? "-" : r.format, r.layout, r.encoding.empty() ? "-" : r.encoding);
  for (std::size_t t = 0; t < templates().front()->tables.size(); ++t) table(o, r, t);

  int passed = 0;
  for (const auto& c : r.checks) passed += c.pass;
  fmt::format_to(out, "checks: {} pass, {} fail\n", passed, r.checks.size() - passed);
  // One line per rule, then every failure with its numbers.
  for (std::size_t i = 0; i < r.checks.size();) {
    std::size_t j = i, pass = 0;
    while (j < r.checks.size() && r.checks[j].rule == r.checks[i].rule) pass += r.checks[j++].pass;
    fmt::format_to(out, "  {} {}: {} of {} pass\n", pass == j - i ? "pass" : "FAIL", r.checks[i].rule, pass, j - i);
    for (std::size_t k = i; k < j; ++k)
      if (!r.checks[k].pass)
        fmt::format_to(out, "       {}: {} ≠ {}\n", r.checks[k].scope, r.checks[k].lhs, r.checks[k].rhs);
    i = j;
  }
  fmt::format_to(out, "diagnostics: {}\n", r.diagnostics.size());
  for (const auto& p : group_diagnostics(r)) {  // a run of alike ones once (emit/diagnostics.hpp)
    const auto& d = *p.first;
    fmt::format_to(out, "  {}: {}: {} [{}]{}\n", d.at.known() ? describe(d.at) : "-", severity_name(d.severity), p.message, d.code,
                   p.more.empty() ? "" : " (" + p.more + ")");
  }
  return o;
}

}  // namespace xxgk
