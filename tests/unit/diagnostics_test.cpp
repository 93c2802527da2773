// How diagnostics are printed (render_diagnostics: a run of alike ones once, a table shifted as a
// whole said once) and what a failed check says (both sides in the template's terms, at a cell,
// after its cause, an error).
#include <doctest/doctest.h>

#include <string>

#include "test_files.hpp"
#include "xxgk/template.hpp"
#include "xxgk/xxgk.hpp"

using namespace xxgk;

namespace {

std::size_t count(std::string_view text, std::string_view what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string_view::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

std::size_t count_code(const Record& r, std::string_view code) {
  std::size_t n = 0;
  for (const auto& d : r.diagnostics) n += d.code == code;
  return n;
}

const std::string kCorpus = XXGK_CORPUS_DIR;

}  // namespace

TEST_CASE("render_diagnostics: a run of alike diagnostics on consecutive rows is printed once") {
  Record r;
  r.path = "a.txt";
  std::string source;
  const char* rows[] = {"alpha", "beta", "gamma", "delta", "epsilon"};
  for (std::uint32_t i = 0; i < 5; ++i) {
    const auto offset = static_cast<std::uint32_t>(source.size());
    source += std::string(rows[i]) + "\t1\t2\n";
    r.diagnostics.push_back({Severity::warning, "inferred-value",
                             std::string("row ") + rows[i] + " has no cell for column other; inferred " + std::to_string(i) + " from the total",
                             {i + 1, 1}, offset, 1});
  }
  // Then two alike (too few to group) and one of another shape.
  r.diagnostics.push_back({Severity::note, "row-shifted", "row x is shifted one cell left of the header; values aligned with the header", {6, 1}, 0, 0});
  r.diagnostics.push_back({Severity::note, "row-shifted", "row y is shifted one cell left of the header; values aligned with the header", {7, 1}, 0, 0});
  r.diagnostics.push_back({Severity::warning, "inferred-value", "row z has no cell for column commercial; inferred 1 from the total", {8, 1}, 0, 0});
  const auto out = render_diagnostics(r, source);
  CAPTURE(out);
  CHECK(out.starts_with("a.txt:1:1: warning: row alpha has no cell for column other; inferred 0 from the total [inferred-value]\n"
                        "alpha 1 2\n^\n  (and 4 more like it: lines 2–5)\n"));
  CHECK(out.find("row beta") == std::string::npos);
  CHECK(out.find("row epsilon") == std::string::npos);
  CHECK(count(out, "[row-shifted]") == 2);  // two are printed as they are
  CHECK(out.find("row z has no cell for column commercial") != std::string::npos);  // another column: another shape
  CHECK(count(out, "[inferred-value]") == 2);
  CHECK(r.diagnostics.size() == 8);  // the record keeps every one

  // A run is cut by a diagnostic between, and does not take two about one row.
  Record s;
  s.path = "b.txt";
  for (std::uint32_t i = 0; i < 4; ++i)
    s.diagnostics.push_back({Severity::warning, "lost-value", "row r" + std::to_string(i % 2) + " has no cell for column c (c); value left null", {i + 1, 1}, 0, 0});
  s.diagnostics.insert(s.diagnostics.begin() + 2, Diagnostic{Severity::error, "invalid-value", "'O' in row q, column c is not a number", {2, 5}, 0, 0});
  CHECK(count(render_diagnostics(s, ""), "[lost-value]") == 4);
}

TEST_CASE("render_diagnostics: a table shifted against its header as a whole is said once") {
  // A record whose 表三 has values in its first four rows only, each shifted one cell left.
  const auto* t = find_template("2021");
  REQUIRE(t != nullptr);
  auto record = [&](std::size_t shifted) {
    Record r;
    r.path = "a.txt";
    for (const auto& table : t->tables) r.tables.push_back({"2021", std::vector<Value>(table.size), {}});
    const auto& applications = t->tables[1];
    for (std::uint32_t i = 0; i < 4; ++i) {
      const auto& row = applications.rows[i];
      r.tables[1].values[row.first] = Decimal{1, 0};
      if (i < shifted)
        r.diagnostics.push_back({Severity::note, "row-shifted",
                                 "row " + std::string(row.key) + " is shifted one cell left of the header; values aligned with the header",
                                 {10 + i, 1}, 0, 0});
    }
    return r;
  };
  const auto whole = render_diagnostics(record(4), "");
  CAPTURE(whole);
  CHECK(whole == "a.txt:10:1: note: 表三: every row is shifted one cell left of its header; values aligned with the header "
                 "(4 rows, lines 10–13) [row-shifted]\n");
  // Three of its four rows: a run, not the table.
  const auto part = render_diagnostics(record(3), "");
  CAPTURE(part);
  CHECK(part.find("every row") == std::string::npos);
  CHECK(part.find("(and 2 more like it: lines 11–12)") != std::string::npos);

  // Seed 003: the rows of 表三's groups (三) to (六), their labels in two cells, are printed once.
  auto r = parse_file(kCorpus + "/003_8ac5e3a1fa8dde41.txt");
  const auto shifted = count_code(r.record, "row-shifted");
  REQUIRE(shifted > 3);
  const auto out = render_diagnostics(r.record, r.text);
  CAPTURE(out);
  CHECK(count(out, "[row-shifted]") == 1);
  CHECK(out.find("(and " + std::to_string(shifted - 1) + " more like it: lines ") != std::string::npos);
  CHECK(count_code(r.record, "row-shifted") == shifted);  // the record still has one per row
}

TEST_CASE("render_diagnostics: seed 000's inferred values are printed once, with how many more") {
  auto r = parse_file(kCorpus + "/000_a411e0a1c57d9535.txt");
  const auto inferred = count_code(r.record, "inferred-value");
  REQUIRE(inferred > 3);
  const auto out = render_diagnostics(r.record, r.text);
  CAPTURE(out);
  CHECK(count(out, "[inferred-value]") < inferred);
  CHECK(out.find("more like it: lines ") != std::string::npos);
  // --format text lists them the same way, one line for the run; its count is the record's.
  const auto text = to_text(r.record);
  CAPTURE(text);
  CHECK(count(text, "[inferred-value]") == count(out, "[inferred-value]"));
  CHECK(text.find("diagnostics: " + std::to_string(r.record.diagnostics.size()) + "\n") != std::string::npos);
  CHECK(text.find("[inferred-value] (and " + std::to_string(inferred - 1) + " more like it: lines ") != std::string::npos);
}

TEST_CASE("a failed check names its sides as the template does, points at a cell and is an error") {
  const auto path = kCorpus + "/quirks/totals-dont-add-up.txt";
  auto r = parse_file(path);
  CHECK(r.status == Status::failed);
  std::vector<const Diagnostic*> failed;
  for (const auto& d : r.record.diagnostics)
    if (d.code == "check-failed") failed.push_back(&d);
  REQUIRE(failed.size() == 2);
  CHECK(failed[0]->severity == Severity::error);
  CHECK(failed[0]->message == "applications.balance fails for natural_person: 一+二 = 1289, (七)总计+四 = 1299");
  CHECK(failed[1]->message == "applications.balance fails for total: 一+二 = 8064, (七)总计+四 = 8074");
  // At the cells of 四、结转下年度 that the checks sum: 18 (自然人) and 73 (总计), not the row.
  const auto row = r.text.find("四、结转下年度继续办理");
  REQUIRE(row != std::string::npos);
  const auto line_end = r.text.find('\n', row);
  const auto cell18 = r.text.find("\t18\t", row) + 1;
  const auto cell73 = r.text.find("\t73", row) + 1;
  CHECK(failed[0]->offset == cell18);
  CHECK(failed[0]->length == 2);
  CHECK(failed[1]->offset == cell73);
  CHECK(failed[1]->offset < line_end);
  const auto out = render_diagnostics(r.record, r.text);
  CHECK(out.find(": error: applications.balance fails for natural_person: 一+二 = 1289, (七)总计+四 = 1299 [check-failed]\n") !=
        std::string::npos);

  // Every warning or note leaves the status alone; the errors alone make it 1.
  for (const auto& d : r.record.diagnostics)
    if (d.severity == Severity::error) CHECK(d.code == "check-failed");
}

TEST_CASE("a check that fails because a value cannot be read comes after that value's error, at its cell") {
  auto text = test::slurp(kCorpus + "/quirks/totals-dont-add-up.txt");
  // 四、结转下年度's 自然人 written O: null, so the balance fails there (1289 against 1281).
  const auto row = text.find("四、结转下年度继续办理");
  REQUIRE(row != std::string::npos);
  const auto cell = text.find("\t18\t", row) + 1;
  text.replace(cell, 2, "O");
  auto r = parse_bytes(text, "invalid.txt");
  CHECK(r.status == Status::failed);
  std::size_t invalid = r.record.diagnostics.size(), failed = invalid;
  for (std::size_t i = 0; i < r.record.diagnostics.size(); ++i) {
    const auto& d = r.record.diagnostics[i];
    if (d.code == "invalid-value" && invalid == r.record.diagnostics.size()) invalid = i;
    if (d.code == "check-failed" && d.message.find("balance fails for natural_person") != std::string::npos) failed = i;
  }
  REQUIRE(invalid < r.record.diagnostics.size());
  REQUIRE(failed < r.record.diagnostics.size());
  CHECK(invalid < failed);
  CHECK(r.record.diagnostics[failed].offset == r.record.diagnostics[invalid].offset);
  CHECK(r.record.diagnostics[failed].message == "applications.balance fails for natural_person: 一+二 = 1289, (七)总计+四 = 1281");
  // Diagnostics are in the order of their positions.
  for (std::size_t i = 1; i < r.record.diagnostics.size(); ++i)
    CHECK(r.record.diagnostics[i - 1].offset <= r.record.diagnostics[i].offset);
}
