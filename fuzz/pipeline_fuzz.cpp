// Fuzz the whole pipeline: xxgk::parse_bytes on arbitrary bytes, then every emitter
// (to_json compact and pretty, to_text, render_diagnostics).
//
// Checks, besides the sanitizers:
//   - the status agrees with the record: rejected records have no layout, a record whose status
//     is ok has no error diagnostic and no failing check, a failed one has one of them;
//   - every check's pass flag agrees with its two sides;
//   - every diagnostic has a code and a message, and its position lies inside the decoded text;
//   - the decoded text is UTF-8 and both JSON forms are valid JSON with the same content;
//   - counts are whole and not negative; and every value the record holds is written in the
//     text (after normalisation), unless the record says it inferred one — a number that
//     appears nowhere in the input is a silent wrong number.
// Small inputs are also parsed with each registered layout forced.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "fuzz/fuzz_check.hpp"
#include "parse/layouts.hpp"
#include "passes/normalise.hpp"
#include "xxgk/xxgk.hpp"

#ifndef XXGK_FUZZ_LAYOUT_COUNT
#error "define XXGK_FUZZ_LAYOUT_COUNT to the number of layout fuzz targets"
#endif

namespace {

constexpr std::size_t kForcedLayoutMaxBytes = 16384;

void check_value(const xxgk::Value& v, bool count, std::string_view where, std::string_view digits, bool inferred) {
  if (!v) return;
  FUZZ_CHECK(v->units >= 0 && v->scale >= 0, "%.*s: negative value or scale", int(where.size()), where.data());
  if (count) FUZZ_CHECK(v->scale == 0, "%.*s: a count with a fraction", int(where.size()), where.data());
  if (!inferred) {
    auto written = xxgk::format_decimal(*v);
    FUZZ_CHECK(digits.find(written) != std::string_view::npos, "%.*s = %s appears nowhere in the input",
               int(where.size()), where.data(), written.c_str());
  }
}

void check(const std::string& bytes, const xxgk::ParseOptions& options) {
  auto r = xxgk::parse_bytes(bytes, "fuzz.txt", options);
  const auto& rec = r.record;

  // Status.
  const bool errors = rec.has_errors(), checks_pass = rec.checks_pass();
  if (r.status == xxgk::Status::rejected) {
    FUZZ_CHECK(errors, "rejected without an error diagnostic");
    FUZZ_CHECK(rec.checks.empty(), "rejected after running the checks");
  } else {
    FUZZ_CHECK(!rec.layout.empty(), "parsed without a layout");
    FUZZ_CHECK((r.status == xxgk::Status::ok) == (!errors && checks_pass),
               "status %d, errors %d, checks pass %d", static_cast<int>(r.status), errors, checks_pass);
  }
  for (const auto& c : rec.checks)
    FUZZ_CHECK(c.pass == (c.lhs == c.rhs), "check %s/%s: pass %d but %lld vs %lld", c.rule.c_str(), c.scope.c_str(),
               c.pass, static_cast<long long>(c.lhs), static_cast<long long>(c.rhs));

  // Diagnostics.
  const auto bad = xxgk::fuzz::first_invalid_utf8(r.text);
  FUZZ_CHECK(bad == std::string_view::npos, "decoded text is not UTF-8 at byte %zu", bad);
  bool inferred = false;
  for (const auto& d : rec.diagnostics) {
    FUZZ_CHECK(!d.code.empty() && !d.message.empty(), "diagnostic without code or message");
    FUZZ_CHECK(std::size_t{d.offset} + d.length <= r.text.size(), "diagnostic %s at [%u, +%u) outside the text (%zu)",
               d.code.c_str(), d.offset, d.length, r.text.size());
    FUZZ_CHECK(d.line >= 1 && d.column >= 1, "diagnostic %s at line %u column %u", d.code.c_str(), d.line, d.column);
    inferred = inferred || d.code == "inferred-value";
  }

  // Values: whole counts, and written somewhere in the input.
  std::string digits = xxgk::passes::normalise_text(r.text);
  std::erase(digits, ',');
  xxgk::for_each_cell(rec, [&](std::string_view table, std::string_view row, std::string_view column,
                               const xxgk::Value& v) {
    std::string where = std::string(table) + "." + std::string(row) + "." + std::string(column);
    check_value(v, column != "amount", where, digits, inferred);
  });

  // Emitters.
  const auto compact = xxgk::to_json(rec, false);
  const auto pretty = xxgk::to_json(rec, true);
  FUZZ_CHECK(nlohmann::json::accept(compact), "to_json(compact) is not valid JSON");
  FUZZ_CHECK(nlohmann::json::accept(pretty), "to_json(pretty) is not valid JSON");
  FUZZ_CHECK(nlohmann::json::parse(compact) == nlohmann::json::parse(pretty), "compact and pretty JSON differ");
  (void)xxgk::to_text(rec);
  (void)xxgk::render_diagnostics(rec, r.text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const bool registry_ok = [] {
    FUZZ_CHECK(xxgk::parse::layouts().size() == XXGK_FUZZ_LAYOUT_COUNT,
               "%zu layouts are registered but fuzz/CMakeLists.txt builds %d layout targets: add the new layout "
               "to XXGK_FUZZ_LAYOUTS",
               xxgk::parse::layouts().size(), XXGK_FUZZ_LAYOUT_COUNT);
    return true;
  }();
  (void)registry_ok;

  const std::string bytes(reinterpret_cast<const char*>(data), size);
  check(bytes, {});
  if (size <= kForcedLayoutMaxBytes)
    for (const auto& l : xxgk::parse::layouts()) check(bytes, {std::string(l.name), {}});
  return 0;
}
