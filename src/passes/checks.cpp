#include "passes/checks.hpp"

#include "xxgk/xxgk.hpp"

namespace xxgk::passes {

namespace {

std::int64_t n(const Value& v) { return v ? v->units : 0; }

constexpr int kRow(std::string_view key) {
  for (int i = 0; i < kApplicationRows; ++i)
    if (key == kApplicationRowKeys[i]) return i;
  return -1;
}

struct Checker {
  Record& record;
  diag::Diagnostics& diags;
  void add(std::string rule, std::string scope, std::int64_t lhs, std::int64_t rhs, ast::Span at) {
    bool pass = lhs == rhs;
    if (!pass) diags.report(diag::Id::check_failed, at, rule, scope, lhs, rhs);
    record.checks.push_back({std::move(rule), std::move(scope), pass, lhs, rhs});
  }
};

}  // namespace

void run_checks(Record& record, const Extraction& ex, diag::Diagnostics& diags) {
  Checker ck{record, diags};
  const auto& a = record.applications;
  static const int new_received = kRow("new_received"), carried_over = kRow("carried_over"),
                   granted = kRow("granted"), other_other = kRow("other_other"),
                   total_processed = kRow("total_processed"), carried_forward = kRow("carried_forward");
  // A check points at its row, or at the table when the row is missing.
  auto row_at = [&](int r) { return ex.application_span[r].end ? ex.application_span[r] : ex.table_span[1]; };
  // The checks below, counted: one allocation for the list.
  record.checks.reserve(record.checks.size() +
                        (ex.table_found[1] ? 2 * kApplicantColumns + kApplicationRows +
                                                 ex.subtotals.size() * kApplicantColumns + ex.legal_subtotals.size()
                                           : 0) +
                        (ex.table_found[2] ? kReviewGroups : 0));
  if (ex.table_found[1]) {
    for (int c = 0; c < kApplicantColumns; ++c)
      ck.add("applications.balance", kApplicantColumnKeys[c], n(a[new_received][c]) + n(a[carried_over][c]),
             n(a[total_processed][c]) + n(a[carried_forward][c]), row_at(carried_forward));
    for (int c = 0; c < kApplicantColumns; ++c) {
      std::int64_t sum = 0;
      for (int r = granted; r <= other_other; ++r) sum += n(a[r][c]);
      ck.add("applications.outcomes", kApplicantColumnKeys[c], n(a[total_processed][c]), sum,
             row_at(total_processed));
    }
    for (int r = 0; r < kApplicationRows; ++r) {
      std::int64_t sum = 0;
      for (int c = 0; c < kApplicantColumns - 1; ++c) sum += n(a[r][c]);
      ck.add("applications.row_total", kApplicationRowKeys[r], n(a[r][kApplicantColumns - 1]), sum,
             row_at(r));
    }
    for (const auto& s : ex.subtotals) {
      const std::string group_prefix = s.group + "_";
      for (int c = 0; c < kApplicantColumns; ++c) {
        std::int64_t sum = 0;
        for (int r = 0; r < kApplicationRows; ++r)
          if (std::string_view(kApplicationRowKeys[r]).starts_with(group_prefix)) sum += n(a[r][c]);
        ck.add("applications.subtotal", s.group + "." + kApplicantColumnKeys[c], n(s.values[c]), sum, s.span);
      }
    }
    for (const auto& s : ex.legal_subtotals) {
      std::int64_t sum = 0;
      for (int c = 1; c <= 5; ++c) sum += n(a[s.row][c]);  // commercial … other
      ck.add("applications.legal_subtotal", kApplicationRowKeys[s.row], n(s.value), sum, s.span);
    }
  }
  if (ex.table_found[2]) {
    for (int g = 0; g < kReviewGroups; ++g) {
      const auto& v = record.review_litigation[g];
      ck.add("review_litigation.total", kReviewGroupKeys[g], n(v[4]), n(v[0]) + n(v[1]) + n(v[2]) + n(v[3]),
             ex.table_span[2]);
    }
  }
}

}  // namespace xxgk::passes
