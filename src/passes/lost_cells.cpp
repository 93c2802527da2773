#include "passes/lost_cells.hpp"

#include <algorithm>

#include "passes/solve.hpp"
#include "xxgk/xxgk.hpp"

namespace xxgk::passes {

namespace {

struct Lost {
  int slot;
  const ReadRow* row;
  std::size_t column;  // index into row->columns->keys
};

constexpr int kMaxGluedCombinations = 4096;  // of the ways of the glued rows still open

// The table as a system over its record's values: one variable per value (known: read; unknown:
// lost, or not read at all), one per other number the identities use (a subtotal row's value,
// a 小计 cell).
class TableSystem {
 public:
  TableSystem(const ReadTable& read, const TableFacts& facts, const TableRecord& out) : spec_(*facts.spec) {
    const std::size_t n = spec_.record->size;
    sys_.known.assign(n, std::nullopt);
    sys_.upper.assign(n, solve::kUnbounded);
    std::vector<bool> blank(n, false);
    for (const auto& row : read.rows) {
      if (row.kind != ReadRow::Kind::data) continue;
      const auto& slots = spec_.slots[static_cast<std::size_t>(row.row)];
      for (std::size_t i = 0; i < row.values.size() && i < slots.size(); ++i) {
        const int slot = slots[i];
        if (slot < 0) continue;
        const auto& p = row.values[i];
        if (p.state == Placed::State::lost || p.state == Placed::State::missing) {
          lost_.push_back({slot, &row, i});
          continue;
        }
        if (p.state == Placed::State::glued) {  // unknown, at most its largest cut
          std::int64_t most = 0;
          for (const auto& w : row.ways)
            if (const auto& v = w.values[i]; v && v->scale == 0) most = std::max(most, v->units);
          sys_.upper[static_cast<std::size_t>(slot)] = most;
          glued_.push_back({slot, &row, i});
          continue;
        }
        const auto& v = out.values[static_cast<std::size_t>(slot)];
        if (v && v->scale == 0) sys_.known[static_cast<std::size_t>(slot)] = v->units;
        else if (!v && p.state == Placed::State::blank) blank[static_cast<std::size_t>(slot)] = true;
      }
    }
    // A blank cell is a zero, except a row's total: some reports fill the totals of a few rows only.
    for (std::size_t id = 0; id < spec_.identities.size(); ++id)
      for (const auto& c : spec_.compiled_identities[id]) {
        if (spec_.identities[id].over == tmpl::Identity::Over::rows)
          for (int t : c.lhs) blank[static_cast<std::size_t>(t)] = false;
      }
    for (std::size_t s = 0; s < n; ++s)
      if (blank[s]) sys_.known[s] = 0;
    for (const auto& l : lost_) sys_.known[static_cast<std::size_t>(l.slot)].reset();
    for (const auto& l : glued_) sys_.known[static_cast<std::size_t>(l.slot)].reset();

    for (std::size_t id = 0; id < spec_.identities.size(); ++id)
      for (const auto& c : spec_.compiled_identities[id]) {
        solve::Equation e;
        for (int i : c.lhs) e.terms.push_back({i, 1});
        for (int i : c.rhs) e.terms.push_back({i, -1});
        if (spec_.identities[id].over == tmpl::Identity::Over::rows) row_checks_.push_back(all_.size());
        all_.push_back(std::move(e));
      }
    for (const auto& s : facts.subtotals)  // a subtotal row = the sum of its group's rows, per column
      for (const auto& [leaf, v] : s.values) {
        if (!v || v->scale != 0) continue;
        solve::Equation e;
        e.terms.push_back({sys_.add_var(v->units), 1});
        for (std::size_t r = 0; r < spec_.rows.size(); ++r)
          if (spec_.rows[r].group == s.group)
            for (std::size_t c = 0; c < spec_.rows[r].columns.size(); ++c)
              if (tmpl::leaf_of(spec_.rows[r].columns[c]) == leaf && spec_.slots[r][c] >= 0)
                e.terms.push_back({spec_.slots[r][c], -1});
        if (e.terms.size() > 1) all_.push_back(std::move(e));
      }
    for (const auto& id : spec_.identities)  // a column the record does not store (小计) = its parts
      if (id.over == tmpl::Identity::Over::rows && id.lhs.size() == 1)
        for (const auto& u : facts.unstored) {
          if (u.column != id.lhs.front() || !u.value || u.value->scale != 0) continue;
          solve::Equation e;
          e.terms.push_back({sys_.add_var(u.value->units), 1});
          for (auto col : id.rhs)
            if (int slot = spec_.slot(u.row, col); slot >= 0) e.terms.push_back({slot, -1});
          all_.push_back(std::move(e));
        }
  }

  const std::vector<Lost>& lost() const { return lost_; }
  const std::vector<Lost>& glued() const { return glued_; }

  // Do the identities whose every value is known or in `assigned` (slot → value) hold?
  bool consistent(const std::vector<std::optional<std::int64_t>>& assigned) const {
    for (const auto& e : all_) {
      std::int64_t sum = 0;
      bool all = true;
      for (const auto& t : e.terms) {
        const auto v = static_cast<std::size_t>(t.var);
        const auto& value = v < assigned.size() && assigned[v] ? assigned[v] : sys_.known[v];
        if (!value) {
          all = false;
          break;
        }
        sum += t.coef * *value;
      }
      if (all && sum != 0) return false;
    }
    return true;
  }

  // The totals of the rows that have a lost cell (the cell a row's total is written in, with
  // what it says): one of them may be what is wrong.
  std::vector<std::pair<int, std::int64_t>> row_totals() const {
    std::vector<std::pair<int, std::int64_t>> out;
    for (std::size_t k : row_checks_) {
      const auto& terms = all_[k].terms;
      const bool has_lost = std::any_of(terms.begin(), terms.end(), [&](const solve::Term& t) {
        return t.coef < 0 && std::any_of(lost_.begin(), lost_.end(), [&](const Lost& l) { return l.slot == t.var; });
      });
      if (!has_lost) continue;
      for (const auto& t : terms)
        if (t.coef > 0 && sys_.known[static_cast<std::size_t>(t.var)])
          out.push_back({t.var, *sys_.known[static_cast<std::size_t>(t.var)]});
    }
    return out;
  }
  // Is `total` the total of the row `l` is in?
  bool same_row(int total, const Lost& l) const {
    for (std::size_t k : row_checks_) {
      const auto& terms = all_[k].terms;
      if (std::any_of(terms.begin(), terms.end(), [&](const solve::Term& t) { return t.var == l.slot; }) &&
          std::any_of(terms.begin(), terms.end(), [&](const solve::Term& t) { return t.var == total && t.coef > 0; }))
        return true;
    }
    return false;
  }

  // Solve the identities connected to the lost cells through unknowns (the others say nothing
  // about them: a check failing elsewhere in the table does not make them contradictory).
  // `set_aside`: a known value to take as unknown (-1: none).
  solve::Result solve(int set_aside = -1) const {
    const std::size_t n = sys_.known.size();
    auto known = [&](int v) { return v != set_aside && sys_.known[static_cast<std::size_t>(v)].has_value(); };
    std::vector<bool> reach(n, false);
    for (const auto& l : lost_) reach[static_cast<std::size_t>(l.slot)] = true;
    for (const auto& l : glued_) reach[static_cast<std::size_t>(l.slot)] = true;
    if (set_aside >= 0) reach[static_cast<std::size_t>(set_aside)] = true;
    std::vector<bool> used(all_.size(), false);
    for (bool grew = true; grew;) {
      grew = false;
      for (std::size_t k = 0; k < all_.size(); ++k) {
        if (used[k]) continue;
        const auto& terms = all_[k].terms;
        if (std::none_of(terms.begin(), terms.end(), [&](const solve::Term& t) { return reach[static_cast<std::size_t>(t.var)]; }))
          continue;
        used[k] = grew = true;
        for (const auto& t : terms)
          if (!known(t.var)) reach[static_cast<std::size_t>(t.var)] = true;
      }
    }
    solve::System part;
    part.known = sys_.known;
    part.upper = sys_.upper;
    if (set_aside >= 0) part.known[static_cast<std::size_t>(set_aside)].reset();
    for (std::size_t k = 0; k < all_.size(); ++k)
      if (used[k]) part.equations.push_back(all_[k]);
    return solve::solve(part);
  }

 private:
  const tmpl::TableSpec& spec_;
  solve::System sys_;
  std::vector<solve::Equation> all_;
  std::vector<std::size_t> row_checks_;  // indices into all_ of the rows' identities (total = parts)
  std::vector<Lost> lost_;
  std::vector<Lost> glued_;  // the cells of glued rows still open, one per row and column
};

std::string way_text(const Split& w) {
  std::string s;
  for (const auto& v : w.values) {
    if (!s.empty()) s += " | ";
    s += v ? format_decimal(*v) : "-";
  }
  return s;
}

// The glued rows still open: their ways narrowed by what the solver decided, then the
// combinations of what is left tried against every identity they complete.
void settle_glued(const TableSystem& table, const solve::Result& result, const tmpl::TableSpec& spec, TableFacts& facts,
                  TableRecord& out, diag::Diagnostics& diags) {
  std::vector<const ReadRow*> rows;
  for (const auto& g : table.glued())
    if (std::find(rows.begin(), rows.end(), g.row) == rows.end()) rows.push_back(g.row);
  std::vector<std::vector<std::size_t>> left(rows.size());  // per row: the ways still possible
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const auto& slots = spec.slots[static_cast<std::size_t>(rows[r]->row)];
    for (std::size_t w = 0; w < rows[r]->ways.size(); ++w) {
      bool fits = true;
      for (std::size_t i = 0; i < slots.size() && fits; ++i) {
        if (slots[i] < 0) continue;
        const auto& verdict = result.vars[static_cast<std::size_t>(slots[i])];
        const auto& v = rows[r]->ways[w].values[i];
        if (verdict.kind == solve::Verdict::Kind::decided && (!v || v->scale != 0 || v->units != verdict.value)) fits = false;
      }
      if (fits) left[r].push_back(w);
    }
  }
  // Every combination of the ways left, while there are few: the ways that take part in one
  // that holds are the possible ones.
  std::size_t combinations = 1;
  for (const auto& l : left) combinations = std::min<std::size_t>(combinations * std::max<std::size_t>(l.size(), 1), kMaxGluedCombinations + 1);
  if (combinations <= kMaxGluedCombinations && !rows.empty()) {
    std::vector<std::vector<bool>> possible(rows.size());
    for (std::size_t r = 0; r < rows.size(); ++r) possible[r].assign(rows[r]->ways.size(), false);
    std::vector<std::size_t> pick(rows.size(), 0);
    std::vector<std::optional<std::int64_t>> assigned(spec.record->size);
    for (std::size_t k = 0; k < combinations; ++k) {
      std::size_t code = k;
      bool empty = false;
      for (std::size_t r = 0; r < rows.size(); ++r) {
        if (left[r].empty()) {
          empty = true;
          break;
        }
        pick[r] = left[r][code % left[r].size()];
        code /= left[r].size();
        const auto& slots = spec.slots[static_cast<std::size_t>(rows[r]->row)];
        for (std::size_t i = 0; i < slots.size(); ++i)
          if (const auto& v = rows[r]->ways[pick[r]].values[i]; slots[i] >= 0 && v && v->scale == 0)
            assigned[static_cast<std::size_t>(slots[i])] = v->units;
      }
      if (empty) break;
      if (table.consistent(assigned))
        for (std::size_t r = 0; r < rows.size(); ++r) possible[r][pick[r]] = true;
    }
    for (std::size_t r = 0; r < rows.size(); ++r) {
      std::vector<std::size_t> kept;
      for (auto w : left[r])
        if (possible[r][w]) kept.push_back(w);
      left[r] = std::move(kept);
    }
  }
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const auto& row = *rows[r];
    const auto name = spec.rows[static_cast<std::size_t>(row.row)].key;
    const auto at = row.values.front().cell ? row.values.front().cell->span() : row.span;
    if (left[r].size() == 1 && combinations <= kMaxGluedCombinations) {
      const auto& way = row.ways[left[r].front()];
      const auto& slots = spec.slots[static_cast<std::size_t>(row.row)];
      for (std::size_t i = 0; i < slots.size(); ++i) {
        if (slots[i] < 0) continue;
        out.values[static_cast<std::size_t>(slots[i])] = way.values[i];
        if (way.cells[i]) facts.value_spans[static_cast<std::size_t>(slots[i])] = way.cells[i]->span();
      }
      diags.report(diag::Id::glued_split, at, name, row.glued, way_text(way), "the only cut the table's identities allow");
    } else if (left[r].size() >= 2) {
      diags.report(diag::Id::glued_ambiguous, at, name, row.glued, way_text(row.ways[left[r][0]]), way_text(row.ways[left[r][1]]));
    } else if (left[r].size() == 1) {  // too many combinations to try
      diags.report(diag::Id::glued_ambiguous, at, name, row.glued, way_text(row.ways[left[r][0]]),
                   way_text(row.ways[left[r][0] == 0 ? 1 : 0]));
    } else {
      diags.report(diag::Id::glued_unsplit, at, name, row.glued, row.ways.front().values.size(),
                   "no cut satisfies the table's identities");
    }
  }
}

}  // namespace

void settle_lost_cells(const ReadTable& read, TableFacts& facts, TableRecord& out, diag::Diagnostics& diags) {
  if (!facts.has_lost) return;
  TableSystem table(read, facts, out);
  if (table.lost().empty() && table.glued().empty()) return;
  auto result = table.solve();
  if (!table.glued().empty()) settle_glued(table, result, *facts.spec, facts, out, diags);
  // Contradictory: perhaps one row's total is wrong. Set each total of a row with a lost cell aside
  // in turn; the ones that make the table consistent are the answers, and a lost cell is decided
  // when all of them give it the same value.
  std::vector<std::pair<int, std::int64_t>> wrong;  // the totals whose setting aside makes it consistent
  if (result.kind == solve::Result::Kind::contradiction) {
    std::vector<solve::Result> answers;
    for (const auto& total : table.row_totals()) {
      auto r = table.solve(total.first);
      if (r.kind == solve::Result::Kind::contradiction) continue;
      const auto& v = r.vars[static_cast<std::size_t>(total.first)];
      if (v.kind == solve::Verdict::Kind::decided && v.value == total.second) continue;  // not wrong after all
      wrong.push_back(total);
      answers.push_back(std::move(r));
    }
    for (std::size_t i = 1; i < answers.size(); ++i)  // merge: decided only where they all agree
      for (const auto& l : table.lost()) {
        auto& a = answers[0].vars[static_cast<std::size_t>(l.slot)];
        const auto& b = answers[i].vars[static_cast<std::size_t>(l.slot)];
        if (a.kind != solve::Verdict::Kind::decided) continue;
        if (b.kind == solve::Verdict::Kind::decided && b.value == a.value) continue;
        a.other = b.kind == solve::Verdict::Kind::decided ? b.value : a.value;
        a.kind = b.kind == solve::Verdict::Kind::decided ? solve::Verdict::Kind::ambiguous : solve::Verdict::Kind::undecided;
      }
    if (!answers.empty()) result = std::move(answers[0]);
  }
  const auto& spec = *facts.spec;
  for (const auto& l : table.lost()) {
    const auto& verdict = result.vars[static_cast<std::size_t>(l.slot)];
    auto& value = out.values[static_cast<std::size_t>(l.slot)];
    const auto& p = l.row->values[l.column];
    const auto row_key = spec.rows[static_cast<std::size_t>(l.row->row)].key;
    const auto column = l.row->columns->keys[l.column];
    const auto d = p.diag < 0 ? SIZE_MAX : static_cast<std::size_t>(p.diag);
    switch (verdict.kind) {
      case solve::Verdict::Kind::decided: {
        if (value && value->scale == 0 && value->units == verdict.value && wrong.empty()) break;  // as the row's total said
        value = Decimal{verdict.value, 0};
        if (facts.value_spans[static_cast<std::size_t>(l.slot)].begin == kNowhere.begin)
          facts.value_spans[static_cast<std::size_t>(l.slot)] = l.row->span;
        std::string why;
        for (const auto& w : wrong)
          if (table.same_row(w.first, l)) why = fmt::format(" (the row's total {} disagrees with them and is left as written)", w.second);
        diags.replace(d, diag::Id::solved_value, row_key, column, verdict.value, why);
        break;
      }
      case solve::Verdict::Kind::ambiguous:
        value.reset();
        diags.replace(d, diag::Id::ambiguous_value, row_key, column, verdict.value, verdict.other);
        break;
      case solve::Verdict::Kind::contradiction:
        value.reset();
        diags.replace(d, diag::Id::contradictory_value, row_key, column);
        break;
      default:
        if (!wrong.empty()) {  // the identities disagree and do not say which total is wrong
          value.reset();
          diags.replace(d, diag::Id::contradictory_value, row_key, column);
        }
        break;  // else: the work cap, or nothing bounds it: as the row alone said
    }
  }
}

}  // namespace xxgk::passes
