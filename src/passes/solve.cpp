#include "passes/solve.hpp"

#include <algorithm>

namespace xxgk::passes::solve {

namespace {

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  const std::int64_t q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}
std::int64_t ceil_div(std::int64_t a, std::int64_t b) { return -floor_div(-a, b); }

bool bounded(std::int64_t hi) { return hi < kUnbounded / 2; }

class Solver {
 public:
  Solver(const System& s, int max_nodes) : s_(s), max_nodes_(max_nodes) {
    const std::size_t n = s.known.size();
    first_.assign(n, 0);
    other_.assign(n, 0);
    seen_.assign(n, 0);
    loose_.assign(n, false);
    for (std::size_t v = 0; v < n; ++v)
      if (!s.known[v]) unknowns_.push_back(static_cast<int>(v));
  }

  Result run() {
    const std::size_t n = s_.known.size();
    std::vector<std::int64_t> lo(n), hi(n);
    for (std::size_t v = 0; v < n; ++v) {
      if (s_.known[v]) {
        lo[v] = hi[v] = *s_.known[v];
      } else {
        lo[v] = 0;
        hi[v] = v < s_.upper.size() ? std::min(s_.upper[v], kUnbounded) : kUnbounded;
      }
    }
    search(lo, hi, 0);
    Result r;
    r.nodes = nodes_;
    r.by_propagation = !branched_;
    r.vars.resize(n);
    const bool any_solution = solutions_ > 0;
    if (!any_solution && !gave_up_) {
      r.kind = Result::Kind::contradiction;
      for (int v : unknowns_) r.vars[v].kind = Verdict::Kind::contradiction;
      return r;
    }
    r.kind = gave_up_ ? Result::Kind::gave_up : Result::Kind::unique;
    for (int v : unknowns_) {
      auto& out = r.vars[v];
      out.value = first_[v];
      out.other = other_[v];
      if (seen_[v] >= 2) out.kind = Verdict::Kind::ambiguous;
      else if (gave_up_ || loose_[v] || seen_[v] == 0) out.kind = Verdict::Kind::undecided;
      else out.kind = Verdict::Kind::decided;
      if (out.kind != Verdict::Kind::decided && r.kind == Result::Kind::unique) r.kind = Result::Kind::ambiguous;
    }
    return r;
  }

 private:
  // Narrow every interval by every equation until nothing changes; false on a contradiction.
  bool narrow(std::vector<std::int64_t>& lo, std::vector<std::int64_t>& hi) const {
    for (int round = 0; round < 64; ++round) {
      bool changed = false;
      for (const auto& eq : s_.equations) {
        std::int64_t min = 0, max = 0;
        for (const auto& t : eq.terms) {
          const std::int64_t a = t.coef * lo[t.var], b = t.coef * hi[t.var];
          min += std::min(a, b);
          max += std::max(a, b);
        }
        if (min > 0 || max < 0) return false;
        for (const auto& t : eq.terms) {
          if (lo[t.var] == hi[t.var] || t.coef == 0) continue;
          const std::int64_t a = t.coef * lo[t.var], b = t.coef * hi[t.var];
          const std::int64_t rest_min = min - std::min(a, b), rest_max = max - std::max(a, b);
          // coef · x ∈ [-rest_max, -rest_min]
          std::int64_t new_lo, new_hi;
          if (t.coef > 0) {
            new_lo = ceil_div(-rest_max, t.coef);
            new_hi = floor_div(-rest_min, t.coef);
          } else {
            new_lo = ceil_div(-rest_min, t.coef);
            new_hi = floor_div(-rest_max, t.coef);
          }
          new_hi = std::min(new_hi, kUnbounded);
          if (new_lo > lo[t.var]) lo[t.var] = new_lo, changed = true;
          if (new_hi < hi[t.var]) hi[t.var] = new_hi, changed = true;
          if (lo[t.var] > hi[t.var]) return false;
          if (changed) {  // keep min and max true for the terms after this one
            min = 0, max = 0;
            for (const auto& u : eq.terms) {
              const std::int64_t c = u.coef * lo[u.var], d = u.coef * hi[u.var];
              min += std::min(c, d);
              max += std::max(c, d);
            }
          }
        }
      }
      if (!changed) return true;
    }
    return true;  // still narrowing after many rounds: sound as it stands (the search checks leaves)
  }

  bool done() const {  // every unknown already has two values: nothing more to learn
    for (int v : unknowns_)
      if (seen_[v] < 2) return false;
    return !unknowns_.empty();
  }

  void record(const std::vector<std::int64_t>& lo, const std::vector<std::int64_t>& hi) {
    ++solutions_;
    for (int v : unknowns_) {
      if (lo[v] != hi[v]) {  // unbounded: its value is not pinned here
        loose_[v] = true;
        continue;
      }
      if (seen_[v] == 0) first_[v] = lo[v], seen_[v] = 1;
      else if (seen_[v] == 1 && lo[v] != first_[v]) other_[v] = lo[v], seen_[v] = 2;
    }
  }

  bool satisfied(const std::vector<std::int64_t>& val) const {
    for (const auto& eq : s_.equations) {
      std::int64_t sum = 0;
      for (const auto& t : eq.terms) sum += t.coef * val[t.var];
      if (sum != 0) return false;
    }
    return true;
  }

  void search(std::vector<std::int64_t> lo, std::vector<std::int64_t> hi, int depth) {
    if (gave_up_ || done()) return;
    if (++nodes_ > max_nodes_) {
      gave_up_ = true;
      return;
    }
    if (!narrow(lo, hi)) return;
    int pick = -1;
    bool free_left = false;
    for (int v : unknowns_) {
      if (lo[v] == hi[v]) continue;
      if (!bounded(hi[v])) {
        free_left = true;
        continue;
      }
      if (pick < 0 || hi[v] - lo[v] < hi[pick] - lo[pick]) pick = v;
    }
    if (pick < 0) {
      if (!free_left && !satisfied(lo)) return;
      record(lo, hi);
      return;
    }
    branched_ = true;
    for (std::int64_t x = lo[pick]; x <= hi[pick] && !gave_up_ && !done(); ++x) {
      auto l = lo, h = hi;
      l[pick] = h[pick] = x;
      search(std::move(l), std::move(h), depth + 1);
    }
  }

  const System& s_;
  int max_nodes_;
  std::vector<int> unknowns_;
  std::vector<std::int64_t> first_, other_;
  std::vector<std::uint8_t> seen_;
  std::vector<bool> loose_;
  int nodes_ = 0;
  long solutions_ = 0;
  bool gave_up_ = false;
  bool branched_ = false;
};

}  // namespace

Result solve(const System& system, int max_nodes) { return Solver(system, max_nodes).run(); }

}  // namespace xxgk::passes::solve
