// A small exact solver for a table's identities (勾稽关系) over non-negative integers: which
// values the unknown cells must have, given the known ones and every identity at once.
//
// Each equation says Σ terms = 0, a term being a coefficient times a variable (a cell); a
// variable is known (its value fixed) or unknown (a non-negative integer, at most its bound).
// The solver narrows every unknown's interval from every equation until nothing changes
// (an equation with one unknown left fixes it), then searches the few unknowns left, each
// branch narrowed again, with a hard cap on the work. An unknown no equation names is not
// searched: any value within its bounds is a solution. It never guesses: an unknown is decided
// only when every solution gives it the same value.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

namespace xxgk::passes::solve {

inline constexpr std::int64_t kUnbounded = INT64_C(1) << 50;  // no upper bound; sums of counts stay far below

struct Term {
  int var = 0;
  int coef = 1;  // ±1 in the template's identities; any small integer works
};

struct Equation {
  std::vector<Term> terms;  // Σ coef · var = 0
};

struct System {
  std::vector<std::optional<std::int64_t>> known;  // per variable: its value, or nullopt when unknown
  std::vector<std::int64_t> upper;                 // per variable: its bound when unknown (empty: kUnbounded)
  std::vector<Equation> equations;
  int add_var(std::optional<std::int64_t> value, std::int64_t bound = kUnbounded) {
    known.push_back(value);
    upper.push_back(bound);
    return static_cast<int>(known.size()) - 1;
  }
};

struct Verdict {
  enum class Kind : std::uint8_t {
    known,         // not an unknown
    decided,       // every solution gives it `value`
    ambiguous,     // solutions give it `value` and `other` (at least)
    contradiction, // no solution at all
    undecided,     // the work cap was reached, or it is unbounded: not known
  } kind = Kind::known;
  std::int64_t value = 0;
  std::int64_t other = 0;
};

struct Result {
  enum class Kind : std::uint8_t { unique, ambiguous, contradiction, gave_up } kind = Kind::unique;
  std::vector<Verdict> vars;  // per variable
  int nodes = 0;              // search nodes used
  bool by_propagation = true; // every decided unknown was fixed before any search
};

// Hard cap on search nodes (each narrows every equation once more).
inline constexpr int kMaxNodes = 4096;

Result solve(const System& system, int max_nodes = kMaxNodes);

}  // namespace xxgk::passes::solve
