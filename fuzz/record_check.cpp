// What every fuzz target that runs the whole pipeline checks of its result (fuzz/record_check.hpp).
#include "fuzz/record_check.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/fuzz_check.hpp"
#include "text/normalise.hpp"
#include "xxgk/xxgk.hpp"

namespace xxgk::fuzz {
bool valid_json(std::string_view text);  // json_check.cpp
}

namespace {

// `json` without the blanks outside its strings.
std::string squeeze(std::string_view json) {
  std::string out;
  out.reserve(json.size());
  bool in_string = false, escaped = false;
  for (char c : json) {
    if (in_string) {
      out += c;
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
    } else if (c != ' ' && c != '\n') {
      out += c;
      in_string = c == '"';
    }
  }
  return out;
}

void check_value(const xxgk::Value& v, xxgk::ValueKind kind, std::string_view where, std::string_view digits,
                 bool derived) {
  if (!v) return;
  FUZZ_CHECK(v->scale >= 0, "%.*s: negative scale", int(where.size()), where.data());
  if (kind != xxgk::ValueKind::signed_count)
    FUZZ_CHECK(v->units >= 0, "%.*s: a negative value", int(where.size()), where.data());
  if (kind != xxgk::ValueKind::amount) FUZZ_CHECK(v->scale == 0, "%.*s: a count with a fraction", int(where.size()), where.data());
  if (!derived) {
    auto written = xxgk::format_decimal(xxgk::Decimal{v->units < 0 ? -v->units : v->units, v->scale});
    FUZZ_CHECK(digits.find(written) != std::string_view::npos, "%.*s = %s appears nowhere in the input",
               int(where.size()), where.data(), written.c_str());
  }
}

}  // namespace

namespace xxgk::fuzz {

void check_parse(const std::string& bytes, const xxgk::ParseOptions& options, const char* name) {
  auto r = xxgk::parse_bytes(bytes, name, options);
  const auto& rec = r.record;

  // Status.
  const bool errors = rec.has_errors(), checks_pass = rec.checks_pass();
  if (r.status == xxgk::Status::rejected) {
    FUZZ_CHECK(errors, "rejected without an error diagnostic");
    FUZZ_CHECK(rec.checks.empty(), "rejected after running the checks");
  } else {
    FUZZ_CHECK(rec.format != "text" || !rec.layout.empty(), "text parsed without a layout");
    FUZZ_CHECK((r.status == xxgk::Status::ok) == (!errors && checks_pass),
               "status %d, errors %d, checks pass %d", static_cast<int>(r.status), errors, checks_pass);
  }
  for (const auto& c : rec.checks)
    FUZZ_CHECK(c.pass == (c.lhs == c.rhs), "check %s/%s: pass %d but %lld vs %lld", c.rule.c_str(), c.scope.c_str(),
               c.pass, static_cast<long long>(c.lhs), static_cast<long long>(c.rhs));

  // Diagnostics.
  const auto bad = xxgk::fuzz::first_invalid_utf8(r.text);
  FUZZ_CHECK(bad == std::string_view::npos, "decoded text is not UTF-8 at byte %zu", bad);
  bool derived = false;
  for (const auto& d : rec.diagnostics) {
    FUZZ_CHECK(!d.code.empty() && !d.message.empty(), "diagnostic without code or message");
    FUZZ_CHECK(d.code != "internal-error", "internal error: %s", d.message.c_str());
    FUZZ_CHECK(std::size_t{d.offset} + d.length <= r.text.size(), "diagnostic %s at [%u, +%u) outside the text (%zu)",
               d.code.c_str(), d.offset, d.length, r.text.size());
    const bool word = rec.format == "docx" && (d.at.paragraph || (d.at.table && d.at.row && d.at.cell));
    FUZZ_CHECK(word || (d.at.line >= 1 && d.at.column >= 1), "diagnostic %s at line %u column %u", d.code.c_str(),
               d.at.line, d.at.column);
    // A value inferred from a total or decided by the identities (a lost cell), or converted into its
    // column's unit, is not written as such.
    derived = derived || d.code == "inferred-value" || d.code == "solved-value" || d.code == "unit-converted";
  }
  // An HTML page's cell text is not written as such either: tags and entities may stand between
  // its digits (1<span>2</span>, &#49;). fuzz_html checks the HTML tree.
  derived = derived || rec.format == "html";

  // Values: as their column's kind wants them, and written somewhere in the input.
  std::string digits = xxgk::text::normalise_text(r.text);
  std::erase(digits, ',');
  for (std::size_t t = 0; t < rec.tables.size(); ++t) {
    const auto& shape = xxgk::table_shape(rec, t);
    FUZZ_CHECK(rec.tables[t].values.size() == shape.size, "table %zu has %zu values, its template %zu", t,
               rec.tables[t].values.size(), shape.size);
    FUZZ_CHECK(!options.positions || rec.tables[t].sources.size() == shape.size, "table %zu has %zu sources", t,
               rec.tables[t].sources.size());
    for (const auto& row : shape.rows)
      for (std::size_t c = 0; c < row.columns.size(); ++c) {
        std::string where = std::string(shape.key) + "." + std::string(row.key) + "." + std::string(row.columns[c].key);
        check_value(xxgk::table_value(rec, t, row.first + c), row.columns[c].kind, where, digits, derived);
      }
  }

  // Emitters.
  const auto compact = xxgk::to_json(rec, false);
  const auto pretty = xxgk::to_json(rec, true);
  FUZZ_CHECK(xxgk::fuzz::valid_json(xxgk::to_json(rec, false, true)), "to_json(positions) is not valid JSON");
  FUZZ_CHECK(xxgk::fuzz::valid_json(compact), "to_json(compact) is not valid JSON");
  FUZZ_CHECK(squeeze(pretty) == compact, "pretty JSON is not the compact JSON with blanks added");
  (void)xxgk::to_text(rec);
  (void)xxgk::render_diagnostics(rec, r.text);
}

}  // namespace xxgk::fuzz
