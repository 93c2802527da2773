#include "passes/checks.hpp"

#include <algorithm>
#include <string>

namespace xxgk::passes {

namespace {

std::int64_t n(const Value& v) { return v ? v->units : 0; }

class Checker {
 public:
  Checker(const TableFacts& f, const TableRecord& v, std::vector<Check>& checks, diag::Diagnostics& diags)
      : f_(f), spec_(*f.spec), shape_(*spec_.record), values_(v), checks_(checks), diags_(diags) {}

  void run() {
    std::size_t n = checks_.size() + f_.subtotals.size() * 8 + f_.unstored.size();
    for (const auto& c : spec_.compiled_identities) n += c.size();
    checks_.reserve(n);
    for (std::size_t i = 0; i < spec_.identities.size(); ++i) {
      const auto& id = spec_.identities[i];
      if (!spec_.compiled_identities[i].empty()) {
        compiled(id, spec_.compiled_identities[i]);
        continue;
      }
      if (id.over == tmpl::Identity::Over::rows && !f_.unstored.empty()) over_rows(id);
      if (id.over == tmpl::Identity::Over::subtotals) over_subtotals(id);
    }
  }

 private:
  // A check of `id` for `scope`. A failure names both sides as the template writes them
  // ("一+二 = 1289, (七)总计+四 = 1299") and points at one cell of those it sums (`cells`, the
  // left side's first): the first one a diagnostic of its own is about (an invalid or lost value,
  // the likely cause: the failure is listed right after it), else the first in the row `at` (the
  // identity's last row, or the row checked: its total), else the first read; else `at`.
  void add(const tmpl::Identity& id, std::string scope, std::int64_t lhs, std::int64_t rhs, doc::Span at,
           const std::vector<doc::Span>& cells = {}) {
    const bool pass = lhs == rhs;
    if (!pass) diags_.report(diag::Id::check_failed, place(cells, at), id.rule, scope, id.lhs_label, lhs, id.rhs_label, rhs);
    checks_.push_back({std::string(id.rule), std::move(scope), pass, lhs, rhs});
  }
  doc::Span place(const std::vector<doc::Span>& cells, doc::Span at) const {
    const auto& found = diags_.list();
    for (const auto& c : cells) {
      if (c.begin == kNowhere.begin) continue;
      for (const auto& d : found)
        if (d.severity != Severity::note && d.code != "check-failed" && d.offset >= c.begin && d.offset < std::max(c.end, c.begin + 1))
          return c;
    }
    for (const auto& c : cells)  // the cell in the row the identity points at (its last, or the total)
      if (c.begin != kNowhere.begin && c.begin >= at.begin && c.end <= at.end) return c;
    for (const auto& c : cells)
      if (c.begin != kNowhere.begin) return c;
    return at;
  }
  doc::Span cell(const Value* v) const {
    const auto i = static_cast<std::size_t>(v - values_.values.data());
    return i < f_.value_spans.size() ? f_.value_spans[i] : kNowhere;
  }

  // The record's value of (record row, column); nullptr when the row has no such column.
  const Value* value(const TemplateRow& row, std::string_view column) const {
    for (std::size_t c = 0; c < row.columns.size(); ++c)
      if (row.columns[c].key == column) return &values_.values[row.first + c];
    return nullptr;
  }
  const TemplateRow* record_row(std::string_view key) const {
    for (const auto& r : shape_.rows)
      if (r.key == key) return &r;
    return nullptr;
  }
  // Where the record row was read: its template row's place, or the table.
  doc::Span read_at(std::size_t record_row) const {
    const auto span = f_.row_spans[static_cast<std::size_t>(spec_.record_source[record_row])];
    return span.begin == kNowhere.begin ? f_.span : span;
  }

  // An identity among stored values, compiled with the template (src/template/registry.cpp).
  void compiled(const tmpl::Identity& id, const std::vector<tmpl::CompiledCheck>& checks) {
    auto sum = [&](const std::vector<int>& indices) {
      std::int64_t s = 0;
      for (int i : indices) s += n(values_.values[static_cast<std::size_t>(i)]);
      return s;
    };
    std::vector<doc::Span> cells;  // where a failure points: needed only then
    for (const auto& c : checks) {
      const std::int64_t lhs = sum(c.lhs), rhs = sum(c.rhs);
      cells.clear();
      if (lhs != rhs)
        for (const auto* side : {&c.lhs, &c.rhs})
          for (int i : *side)
            if (static_cast<std::size_t>(i) < f_.value_spans.size()) cells.push_back(f_.value_spans[static_cast<std::size_t>(i)]);
      add(id, std::string(c.scope), lhs, rhs, read_at(static_cast<std::size_t>(c.anchor)), cells);
    }
  }

  // For every row that has them: the columns lhs against the columns rhs, where a column the
  // record does not store counts where the report has it; a row without its lhs is not checked.
  void over_rows(const tmpl::Identity& id) {
    for (std::size_t r = 0; r < shape_.rows.size(); ++r) {
      const auto& row = shape_.rows[r];
      std::vector<doc::Span> cells;
      auto term = [&](std::string_view column, bool& found) -> std::int64_t {
        if (const auto* v = value(row, column)) {
          cells.push_back(cell(v));
          return n(*v);
        }
        for (const auto& u : f_.unstored)
          if (u.column == column && spec_.rows[static_cast<std::size_t>(u.row)].key == row.key) {
            cells.push_back(u.span);
            return n(u.value);
          }
        found = false;
        return 0;
      };
      bool found = true;
      std::int64_t lhs = 0, rhs = 0;
      for (auto c : id.lhs) lhs += term(c, found);
      for (auto c : id.rhs) rhs += term(c, found);
      if (found) add(id, std::string(row.key), lhs, rhs, read_at(r), cells);
    }
  }

  // Every subtotal row a report adds, per column, against the sum of its group's rows.
  void over_subtotals(const tmpl::Identity& id) {
    std::vector<std::string_view> columns;  // the record's columns, in order
    for (const auto& row : shape_.rows)
      for (const auto& c : row.columns)
        if (std::find(columns.begin(), columns.end(), c.key) == columns.end()) columns.push_back(c.key);
    for (const auto& s : f_.subtotals)
      for (auto column : columns) {
        Value subtotal;
        for (const auto& [k, v] : s.values)
          if (k == column) subtotal = v;
        std::int64_t sum = 0;
        for (std::size_t r = 0; r < spec_.rows.size(); ++r)
          if (spec_.rows[r].group == s.group)
            if (const auto* row = record_row(spec_.rows[r].key))
              if (const auto* v = value(*row, column)) sum += n(*v);
        add(id, std::string(s.group) + "." + std::string(column), n(subtotal), sum, s.span);
      }
  }

  const TableFacts& f_;
  const tmpl::TableSpec& spec_;
  const TemplateTable& shape_;
  const TableRecord& values_;
  std::vector<Check>& checks_;
  diag::Diagnostics& diags_;
};

}  // namespace

void run_checks(const TableFacts& facts, const TableRecord& values, std::vector<Check>& checks, diag::Diagnostics& diags) {
  Checker(facts, values, checks, diags).run();
}

}  // namespace xxgk::passes
