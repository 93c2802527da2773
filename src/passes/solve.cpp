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

// The system as the search sees it: the known variables folded into each equation's constant,
// the unknowns numbered 0…k-1. A table has a few unknowns among hundreds of cells, so this is
// what keeps narrowing cheap.
struct Reduced {
  struct Eq {
    std::vector<Term> terms;  // over the unknowns' numbers
    std::int64_t constant = 0;
  };
  std::vector<int> unknowns;  // per number: the system's variable
  std::vector<int> free;      // the unknowns no equation names: any value in their bounds will do
  std::vector<Eq> equations;  // those with an unknown
  bool broken = false;        // an equation of known variables only does not hold

  explicit Reduced(const System& s) {
    std::vector<bool> named(s.known.size(), false);
    for (const auto& eq : s.equations)
      for (const auto& t : eq.terms) named[static_cast<std::size_t>(t.var)] = named[static_cast<std::size_t>(t.var)] || t.coef != 0;
    std::vector<int> number(s.known.size(), -1);
    for (std::size_t v = 0; v < s.known.size(); ++v) {
      if (s.known[v]) continue;
      if (!named[v]) free.push_back(static_cast<int>(v));
      else number[v] = static_cast<int>(unknowns.size()), unknowns.push_back(static_cast<int>(v));
    }
    for (const auto& eq : s.equations) {
      Eq r;
      for (const auto& t : eq.terms) {
        if (s.known[static_cast<std::size_t>(t.var)]) r.constant += t.coef * *s.known[static_cast<std::size_t>(t.var)];
        else if (t.coef != 0) r.terms.push_back({number[static_cast<std::size_t>(t.var)], t.coef});
      }
      if (!r.terms.empty()) equations.push_back(std::move(r));
      else if (r.constant != 0) broken = true;
    }
  }
};

class Solver {
 public:
  Solver(const System& s, int max_nodes) : s_(s), r_(s), max_nodes_(max_nodes) {
    const std::size_t k = r_.unknowns.size();
    first_.assign(k, 0);
    other_.assign(k, 0);
    seen_.assign(k, 0);
    loose_.assign(k, false);
  }

  Result run() {
    const std::size_t k = r_.unknowns.size();
    std::vector<std::int64_t> lo(k, 0), hi(k);
    for (std::size_t u = 0; u < k; ++u) {
      const auto v = static_cast<std::size_t>(r_.unknowns[u]);
      hi[u] = v < s_.upper.size() ? std::min(s_.upper[v], kUnbounded) : kUnbounded;
    }
    if (!r_.broken) search(lo, hi);
    Result r;
    r.nodes = nodes_;
    r.by_propagation = !branched_;
    r.vars.resize(s_.known.size());
    if (solutions_ == 0 && !gave_up_) {
      r.kind = Result::Kind::contradiction;
      for (int v : r_.unknowns) r.vars[static_cast<std::size_t>(v)].kind = Verdict::Kind::contradiction;
      for (int v : r_.free) r.vars[static_cast<std::size_t>(v)].kind = Verdict::Kind::contradiction;
      return r;
    }
    r.kind = gave_up_ ? Result::Kind::gave_up : Result::Kind::unique;
    for (std::size_t u = 0; u < k; ++u) {
      auto& out = r.vars[static_cast<std::size_t>(r_.unknowns[u])];
      out.value = first_[u];
      out.other = other_[u];
      if (seen_[u] >= 2) out.kind = Verdict::Kind::ambiguous;
      else if (gave_up_ || loose_[u] || seen_[u] == 0) out.kind = Verdict::Kind::undecided;
      else out.kind = Verdict::Kind::decided;
      if (out.kind != Verdict::Kind::decided && r.kind == Result::Kind::unique) r.kind = Result::Kind::ambiguous;
    }
    for (int v : r_.free) {  // its least value and the next, unless its bounds hold one value only
      auto& out = r.vars[static_cast<std::size_t>(v)];
      const auto top = static_cast<std::size_t>(v) < s_.upper.size() ? s_.upper[static_cast<std::size_t>(v)] : kUnbounded;
      out.value = 0;
      out.other = 1;
      out.kind = top == 0 ? Verdict::Kind::decided : bounded(top) ? Verdict::Kind::ambiguous : Verdict::Kind::undecided;
      if (out.kind != Verdict::Kind::decided && r.kind == Result::Kind::unique) r.kind = Result::Kind::ambiguous;
    }
    return r;
  }

 private:
  // The least and the most an equation's left side can be within the intervals.
  static void extent(const Reduced::Eq& eq, const std::vector<std::int64_t>& lo, const std::vector<std::int64_t>& hi,
                     std::int64_t& min, std::int64_t& max) {
    min = max = eq.constant;
    for (const auto& t : eq.terms) {
      const std::int64_t a = t.coef * lo[t.var], b = t.coef * hi[t.var];
      min += std::min(a, b);
      max += std::max(a, b);
    }
  }

  // Narrow every interval by every equation until nothing changes; false on a contradiction.
  bool narrow(std::vector<std::int64_t>& lo, std::vector<std::int64_t>& hi) const {
    for (int round = 0; round < 64; ++round) {
      bool changed = false;
      for (const auto& eq : r_.equations) {
        std::int64_t min, max;
        extent(eq, lo, hi, min, max);
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
          bool moved = false;
          if (new_lo > lo[t.var]) lo[t.var] = new_lo, moved = true;
          if (new_hi < hi[t.var]) hi[t.var] = new_hi, moved = true;
          if (lo[t.var] > hi[t.var]) return false;
          if (moved) {  // keep min and max true for the terms after this one
            changed = true;
            extent(eq, lo, hi, min, max);
          }
        }
      }
      if (!changed) return true;
    }
    return true;  // still narrowing after many rounds: sound as it stands (the search checks leaves)
  }

  bool done() const {  // every unknown already has two values: nothing more to learn
    for (auto s : seen_)
      if (s < 2) return false;
    return !seen_.empty();
  }

  void record(const std::vector<std::int64_t>& lo, const std::vector<std::int64_t>& hi) {
    ++solutions_;
    for (std::size_t u = 0; u < lo.size(); ++u) {
      if (lo[u] != hi[u]) {  // unbounded: its value is not pinned here
        loose_[u] = true;
        continue;
      }
      if (seen_[u] == 0) first_[u] = lo[u], seen_[u] = 1;
      else if (seen_[u] == 1 && lo[u] != first_[u]) other_[u] = lo[u], seen_[u] = 2;
    }
  }

  bool satisfied(const std::vector<std::int64_t>& val) const {
    for (const auto& eq : r_.equations) {
      std::int64_t sum = eq.constant;
      for (const auto& t : eq.terms) sum += t.coef * val[t.var];
      if (sum != 0) return false;
    }
    return true;
  }

  void search(std::vector<std::int64_t>& lo, std::vector<std::int64_t>& hi) {
    if (gave_up_ || done()) return;
    if (++nodes_ > max_nodes_) {
      gave_up_ = true;
      return;
    }
    if (!narrow(lo, hi)) return;
    int pick = -1;
    bool free_left = false;
    for (std::size_t u = 0; u < lo.size(); ++u) {
      if (lo[u] == hi[u]) continue;
      if (!bounded(hi[u])) {
        free_left = true;
        continue;
      }
      if (pick < 0 || hi[u] - lo[u] < hi[static_cast<std::size_t>(pick)] - lo[static_cast<std::size_t>(pick)])
        pick = static_cast<int>(u);
    }
    if (pick < 0) {
      if (!free_left && !satisfied(lo)) return;
      record(lo, hi);
      return;
    }
    branched_ = true;
    const auto p = static_cast<std::size_t>(pick);
    std::vector<std::int64_t> l, h;
    for (std::int64_t x = lo[p]; x <= hi[p] && !gave_up_ && !done(); ++x) {
      l = lo, h = hi;
      l[p] = h[p] = x;
      search(l, h);
    }
  }

  const System& s_;
  const Reduced r_;
  int max_nodes_;
  std::vector<std::int64_t> first_, other_;  // per unknown
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
