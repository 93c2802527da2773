// Random valid tables of the template (every identity compiled over stored values holds), for
// the solver's and the glued layout's property tests.
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

#include "template/template.hpp"

namespace testing_tables {

using namespace xxgk;

// A random valid table of `spec`: every identity compiled over stored values holds.
inline std::vector<std::int64_t> random_table(const tmpl::TableSpec& spec, std::mt19937& rng, int most) {
  const auto& shape = *spec.record;
  std::vector<std::int64_t> v(shape.size, 0);
  std::uniform_int_distribution<int> small(0, most), zero(0, 2);
  auto leaf_value = [&] { return zero(rng) == 0 ? 0 : small(rng); };  // many zeros, as in real tables
  auto row_of = [&](std::string_view key) -> const TemplateRow* {
    for (const auto& r : shape.rows)
      if (r.key == key) return &r;
    return nullptr;
  };
  auto fill_totals = [&](const TemplateRow& r) {  // column "total" = the other columns
    std::int64_t sum = 0;
    std::size_t total = SIZE_MAX;
    for (std::size_t c = 0; c < r.columns.size(); ++c)
      if (r.columns[c].key == "total") total = r.first + c;
      else sum += v[r.first + c];
    if (total != SIZE_MAX) v[total] = sum;
  };
  if (spec.key == "review_litigation") {
    for (const auto& r : shape.rows) {
      for (std::size_t c = 0; c < r.columns.size(); ++c) v[r.first + c] = leaf_value();
      fill_totals(r);
    }
    return v;
  }
  // 表三: outcomes at random; (七)总计 their sum; 四 and 二 at random; 一 from the balance.
  std::vector<std::string_view> outcomes;
  for (const auto& id : spec.identities)
    if (id.rule == "applications.outcomes") outcomes = id.rhs;
  const auto* total = row_of("total_processed");
  const auto* fresh = row_of("new_received");
  const auto* over = row_of("carried_over");
  const auto* forward = row_of("carried_forward");
  REQUIRE(total);
  REQUIRE(fresh);
  REQUIRE(over);
  REQUIRE(forward);
  const std::size_t leaves = total->columns.size() - 1;  // all but "total"
  for (auto key : outcomes) {
    const auto* r = row_of(key);
    REQUIRE(r);
    for (std::size_t c = 0; c < leaves; ++c) {
      v[r->first + c] = leaf_value();
      v[total->first + c] += v[r->first + c];
    }
  }
  for (std::size_t c = 0; c < leaves; ++c) {
    v[forward->first + c] = leaf_value();
    v[over->first + c] = std::min<std::int64_t>(leaf_value(), v[total->first + c] + v[forward->first + c]);
    v[fresh->first + c] = v[total->first + c] + v[forward->first + c] - v[over->first + c];
  }
  for (const auto& r : shape.rows) fill_totals(r);
  return v;
}

}  // namespace testing_tables
