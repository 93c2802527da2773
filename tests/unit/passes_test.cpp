// The semantic passes, one at a time: normalise, read values, map rows, map and align columns,
// reassemble split tables, checks.
#include <doctest/doctest.h>

#include "grammar/tsv.hpp"
#include "parse/builder.hpp"
#include "passes/align.hpp"
#include "passes/checks.hpp"
#include "passes/extract.hpp"
#include "passes/map_rows.hpp"
#include "passes/normalise.hpp"
#include "passes/reassemble.hpp"
#include "passes/values.hpp"
#include "template/template.hpp"
#include "xxgk/xxgk.hpp"

using namespace xxgk;
using passes::CellValue;

namespace {

// A row from tab-separated text, normalised (its changed texts kept here).
std::deque<std::string> cell_texts;
ast::Row row(std::string_view tsv) {
  ast::Row r;
  std::size_t pos = 0;
  for (;;) {
    auto tab = tsv.find('\t', pos);
    auto raw = tsv.substr(pos, tab == std::string_view::npos ? std::string_view::npos : tab - pos);
    auto& c = r.cells.emplace_back();
    c.span = {static_cast<std::uint32_t>(pos), static_cast<std::uint32_t>(pos + raw.size())};
    c.raw = raw;
    c.text = passes::normalise_into(raw, cell_texts);
    passes::classify_cell(c);
    c.hits = tmpl::template_2021().matcher.scan(c.text);
    if (tab == std::string_view::npos) break;
    pos = tab + 1;
  }
  passes::read_label(r, tmpl::template_2021().matcher);
  return r;
}

const tmpl::TableSpec& table(tmpl::TableId id) { return tmpl::template_2021().table(id); }

struct Diags {
  std::vector<Diagnostic> list;
  diag::Diagnostics d{list};
  bool has(std::string_view code) const {
    for (const auto& x : list)
      if (x.code == code) return true;
    return false;
  }
};

std::vector<int> positions(const passes::ColumnMap& map, const std::vector<std::string_view>& cols) {
  std::vector<int> p;
  for (auto c : cols) p.push_back(map.position(c));
  return p;
}

}  // namespace

TEST_CASE("normalise: blanks, full-width forms, <br>, emphasis") {
  CHECK(passes::normalise_text("（三） 不予 公开") == "(三)不予公开");
  CHECK(passes::normalise_text("结果<br>维持") == "结果维持");
  CHECK(passes::normalise_text("结果<BR />维持") == "结果维持");
  CHECK(passes::normalise_text("**一是**公开") == "一是公开");
  CHECK(passes::normalise_text("１，２３４") == "1,234");
  CHECK(passes::normalise_text("\u3000\u00A0 1\u200B2\t") == "12");
  CHECK(passes::normalise_text("危及“三安全一稳定”") == "危及“三安全一稳定”");
  CHECK(passes::normalise_text(std::string_view("\xff\xfe", 2)) == std::string("\xff\xfe"));  // kept, not lost
}

TEST_CASE("values: numbers, nulls, and what is not a number") {
  auto num = [](std::string_view t) { return passes::read_value(passes::normalise_text(t)); };
  CHECK(num("12").kind == CellValue::Kind::number);
  CHECK(num("12").value == Decimal{12, 0});
  CHECK(num("1,234").value == Decimal{1234, 0});
  CHECK(num("１２").value == Decimal{12, 0});
  CHECK(num("0.16").value == Decimal{16, 2});
  CHECK(num("96171.6").value == Decimal{961716, 1});
  CHECK(format_decimal(Decimal{16, 2}) == "0.16");
  CHECK(format_decimal(Decimal{1105, 2}) == "11.05");
  CHECK(num("").kind == CellValue::Kind::blank);
  for (auto n : {"/", "-", "—", "无", "－"}) {
    CAPTURE(n);
    CHECK(num(n).kind == CellValue::Kind::null);
  }
  for (auto bad : {"1件", "O", "12,34", "1.", "-3", ".5", "1,2345", "99999999999999999999"}) {
    CAPTURE(bad);
    CHECK(num(bad).kind == CellValue::Kind::invalid);
  }
}

TEST_CASE("template: 表三's rows are the record's application rows, in order (slot() reads them by index)") {
  const auto& t3 = table(tmpl::TableId::applications);
  REQUIRE(t3.rows.size() == static_cast<std::size_t>(kApplicationRows));
  for (int r = 0; r < kApplicationRows; ++r) CHECK(t3.rows[r].key == kApplicationRowKeys[r]);
  Record record;
  CHECK(passes::slot(record, t3, 2, "research") == &record.applications[2][2]);
  CHECK(passes::slot(record, t3, 2, "legal_subtotal") == nullptr);
  CHECK(passes::slot(record, table(tmpl::TableId::review), 0, "litigation_direct.pending") == &record.review_litigation[1][3]);
  CHECK(passes::slot(record, table(tmpl::TableId::active), 1, "repealed") == &record.active_disclosure.normative_documents.repealed);
  CHECK(passes::slot(record, table(tmpl::TableId::active), 5, "amount") == &record.active_disclosure.fees);
}

TEST_CASE("template: the matcher finds every fragment that occurs in a text, short ones too") {
  tmpl::Matcher m;
  const int a = m.add("不予公开"), b = m.add("公开"), c = m.add("("), d = m.add("ab"), e = m.add("开x");
  CHECK(m.add("公开") == b);
  auto found = [&](std::string_view text) {
    auto hits = m.scan(text);
    std::vector<int> ids;
    for (int id : {a, b, c, d, e})
      if (hits.test(static_cast<std::size_t>(id))) ids.push_back(id);
    return ids;
  };
  CHECK(found("(三)不予公开") == std::vector<int>{a, b, c});
  CHECK(found("予以公开x ab") == std::vector<int>{b, d, e});
  CHECK(found("公").empty());
  CHECK(found("").empty());
  CHECK(found("a").empty());
}

TEST_CASE("template: numbering is stripped before an exact match") {
  CHECK(tmpl::strip_numbering("(三)不予公开") == "不予公开");
  CHECK(tmpl::strip_numbering("(六)1.申请人") == "申请人");
  CHECK(tmpl::strip_numbering("3.其他") == "其他");
  CHECK(tmpl::strip_numbering("3、其他") == "其他");
  CHECK(tmpl::strip_numbering("四、结转") == "结转");
  const auto& other = table(tmpl::TableId::applications).columns[5];  // 其他, an exact label
  REQUIRE(other.key == "other");
  auto match = [&](std::string_view t) { return tmpl::matches_any(tmpl::template_2021().matcher.scan(t), t, other.patterns); };
  CHECK(match("3.其他"));
  CHECK(match("其他"));
  CHECK(!match("法人或其他组织"));
  CHECK(!match("其他结果"));
}

TEST_CASE("map rows: by what the label says, not by position") {
  const auto& t3 = table(tmpl::TableId::applications);
  using K = passes::RowInfo::Kind;
  auto key = [&](std::string_view tsv) {
    auto info = passes::classify_row(row(tsv), t3);
    return info.kind == K::data ? std::string(t3.rows[info.index].key) : std::string("?");
  };
  CHECK(key("一、本年新收政府信息公开申请数量\t\t1\t0") == "new_received");
  CHECK(key("三、本年度办理结果\t(一) 予以公开\t1\t0") == "granted");
  CHECK(key("\t(三) 不予公开\t1.属于国家秘密\t0") == "denied_state_secret");
  CHECK(key("\t\t2.其他法律法规禁止公开\t0") == "denied_prohibited_by_law");
  CHECK(key("\t其他处理\t(六) 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t0") == "other_no_correction");
  CHECK(key("3.其他\t\t0\t0") == "other_other");  // a label moved into the first column
  CHECK(key("(七) 总计\t1\t0") == "total_processed");
  CHECK(key("四、结转下年度继续办理\t\t0") == "carried_forward");

  CHECK(passes::classify_row(row("\t\t自然人\t法人或其他组织\t\t\t\t总计"), t3).kind == K::header);
  CHECK(passes::classify_row(row("\t(三) 不予公开\t\t1\t0"), t3).kind == K::subtotal);
  CHECK(passes::classify_row(row("三、本年度办理结果\t\t\t"), t3).kind == K::caption);
  CHECK(passes::classify_row(row("\t\t\t"), t3).kind == K::blank);
  CHECK(passes::classify_row(row("合并单元格说明\t\t1"), t3).kind == K::unknown);

  const auto& t2 = table(tmpl::TableId::active);
  CHECK(passes::classify_row(row("信息内容\t本年制发件数\t本年度止件数\t现行有效件数"), t2).kind == K::header);
  CHECK(passes::classify_row(row("规范性文件\t0\t0\t0"), t2).kind == K::data);
  CHECK(passes::classify_row(row("第二十条第（五）项\t\t\t"), t2).kind == K::caption);
}

TEST_CASE("map columns: 表四's leaves belong to the group above them") {
  const auto& t4 = table(tmpl::TableId::review);
  auto r1 = row("行政复议\t\t\t\t\t行政诉讼\t\t\t\t\t\t\t\t\t");
  auto r2 = row("结果 维持\t结果 纠正\t其他 结果\t尚未 审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\t\t\t\t");
  auto r3 = row("\t\t\t\t\t结果 维持\t结果 纠正\t其他 结果\t尚未 审结\t总计\t结果 维持\t结果 纠正\t其他 结果\t尚未 审结\t总计");
  auto map = passes::read_header({&r1, &r2, &r3}, t4);
  CHECK(map.position("review.upheld") == 0);
  CHECK(map.position("review.total") == 4);
  CHECK(map.position("litigation_direct.upheld") == 5);
  CHECK(map.position("litigation_after_review.total") == 14);
  CHECK(map.columns.size() == 15);
}

TEST_CASE("align: shifted rows, swallowed cells, identities") {
  const auto& t3 = table(tmpl::TableId::applications);
  auto h1 = row("\t\t自然人\t法人或其他组织\t\t\t\t\t总计");
  auto h2 = row("\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t");
  auto map = passes::read_header({&h1, &h2}, t3);
  const auto& cols = t3.rows[0].columns;
  auto pos = positions(map, cols);
  REQUIRE(pos == std::vector<int>{2, 3, 4, 5, 6, 7, 8});

  auto values = [](const passes::Alignment& a) {
    std::vector<std::int64_t> v;
    for (const auto& p : a.placed) v.push_back(p.value ? p.value->units : -1);
    return v;
  };
  const auto ids = passes::row_identities(cols);
  // Align a row of 表三 under this header (the row must outlive the alignment: it points at cells).
  auto align = [&](const ast::Row& r, std::string_view name, Diags& d) {
    return passes::align_row(r, passes::label_end(r), pos, cols, ids, name, d.d);
  };
  SUBCASE("aligned") {
    Diags d;
    auto r = row("一、本年新收\t\t3\t1\t0\t0\t0\t0\t4");
    auto a = align(r, "new_received", d);
    CHECK(a.shift == 0);
    CHECK(values(a) == std::vector<std::int64_t>{3, 1, 0, 0, 0, 0, 4});
    CHECK(d.list.empty());
  }
  SUBCASE("shifted one cell right") {
    Diags d;
    auto r = row("\t(三) 不予公开\t1.属于国家秘密\t2\t0\t0\t0\t0\t1\t3");
    auto a = align(r, "denied_state_secret", d);
    CHECK(a.shift == 1);
    CHECK(values(a) == std::vector<std::int64_t>{2, 0, 0, 0, 0, 1, 3});
    CHECK(d.has("row-shifted"));
  }
  SUBCASE("shifted one cell left") {
    Diags d;
    auto r = row("(七) 总计\t5\t0\t0\t0\t0\t0\t5\t\t");
    auto a = align(r, "total_processed", d);
    CHECK(a.shift == -1);
    CHECK(values(a) == std::vector<std::int64_t>{5, 0, 0, 0, 0, 0, 5});
  }
  SUBCASE("a label swallowed the first value: inferred from the total, and reported") {
    Diags d;
    auto r = row("\t(四) 无法提供\t1.本机关不掌握相关政府信息\t1\t0\t0\t0\t0\t3");
    auto a = align(r, "unable_not_held", d);
    CHECK(a.shift == 0);
    CHECK(values(a) == std::vector<std::int64_t>{2, 1, 0, 0, 0, 0, 3});
    CHECK(d.has("inferred-value"));
  }
  SUBCASE("blanks make it ambiguous: the row total decides, and it is reported") {
    Diags d;
    // Read as written, 商业企业 = 1 and 总计 is blank (1 ≠ 0); shifted, 自然人 = 1 = 总计.
    auto r = row("\t(七) 总计\t\t1\t\t\t\t\t\t1");
    auto a = align(r, "total_processed", d);
    CHECK(a.shift == 1);
    CHECK(values(a) == std::vector<std::int64_t>{1, -1, -1, -1, -1, -1, 1});
  }
  SUBCASE("two clean alignments: the one satisfying the row total wins, and it is reported") {
    Diags d;
    // As written: 商业企业 = 1 = 总计. Shifted right: 自然人 = 1, 其他 = 1, 总计 blank (2 ≠ 0).
    auto r = row("一、本年新收\t\t\t1\t\t\t\t\t1\t\t");
    auto a = align(r, "new_received", d);
    CHECK(a.shift == 0);
    CHECK(values(a) == std::vector<std::int64_t>{-1, 1, -1, -1, -1, -1, 1});
    CHECK(d.has("ambiguous-alignment"));
  }
  SUBCASE("a short row whose label stands in the first value column is read after its label") {
    // Header 自然人 at cell 2; the label took that cell and the row ends early (its trailing cells
    // dropped): the values follow the label, the cells past the row's end are null and reported.
    Diags d;
    auto r = row("\t\t4.保护第三方合法权益\t5\t6\t7");
    auto a = align(r, "denied_third_party", d);
    CHECK(a.shift == 1);
    CHECK(values(a) == std::vector<std::int64_t>{5, 6, 7, -1, -1, -1, -1});
    CHECK(d.has("lost-value"));
  }
  SUBCASE("not a number: an error at that cell") {
    Diags d;
    auto r = row("一、本年新收\t\t3\t1件\t0\t0\t0\t0\t4");
    auto a = align(r, "new_received", d);
    CHECK(a.placed[1].state == passes::Placed::State::invalid);
    CHECK(!a.placed[1].value);
    REQUIRE(d.has("invalid-value"));
    CHECK(d.list.back().offset == r.cells[3].span.begin);
  }
  SUBCASE("a value outside the columns is an error, never silently dropped") {
    Diags d;
    auto r = row("一、本年新收\t\t3\t1\t0\t0\t0\t0\t4\t\t\t9");
    align(r, "new_received", d);
    CHECK(d.has("extra-value"));
  }
}

TEST_CASE("identities of a row: total = sum of the other columns, per group") {
  auto ids = passes::row_identities({"natural_person", "commercial", "total", "legal_subtotal"});
  REQUIRE(ids.size() == 1);
  CHECK(ids[0].total == 2);
  CHECK(ids[0].parts == std::vector<int>{0, 1});
  auto ids4 = passes::row_identities({"review.upheld", "review.total", "litigation_direct.upheld", "litigation_direct.total"});
  CHECK(ids4.size() == 2);
  CHECK(passes::row_identities({"issued", "repealed", "in_force"}).empty());
}

TEST_CASE("reassemble: fragments of one table, a label broken by the page break") {
  std::string text =
      "某局 2024 年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
      "\t\t自然人\t法人或其他组织\t\t\t\t\t总计\n"
      "\t(五) 不予\t1.信访举报投诉类申请\t0\t0\t0\t0\t0\t0\t0\n"
      "\n- 7 -\n"
      "\t处理\t2.重复申请\t0\t0\t0\t0\t0\t0\t0\n";
  auto doc = parse::build<grammar::tsv::grammar>(text);
  passes::normalise(doc, tmpl::template_2021().matcher);
  Diags d;
  auto tables = passes::reassemble(doc, tmpl::template_2021(), d.d);
  const auto& t3 = tables[static_cast<int>(tmpl::TableId::applications)];
  REQUIRE(t3.rows.size() == 3);
  CHECK(t3.fragment_starts == std::vector<std::size_t>{0, 2});
  CHECK(t3.rows[1]->cells[1].text == "(五)不予处理");
  CHECK(t3.rows[2]->cells[1].text.empty());
  CHECK(d.has("label-joined"));
  CHECK(tables[0].rows.empty());
}

TEST_CASE("checks: every identity appears, and a failure names its scope") {
  Record r;
  passes::Extraction ex;
  ex.table_found = {true, true, true};
  auto& a = r.applications;
  for (auto& row : a)
    for (auto& v : row) v = Decimal{0, 0};
  a[0][0] = Decimal{2, 0};  // new_received natural_person = 2, but nothing else moves
  a[0][6] = Decimal{2, 0};
  Diags d;
  passes::run_checks(r, ex, d.d);
  CHECK(r.checks.size() == 7 + 7 + 25 + 3);
  int failed = 0;
  for (const auto& c : r.checks)
    if (!c.pass) {
      ++failed;
      CHECK(c.rule == "applications.balance");
      CHECK((c.scope == "natural_person" || c.scope == "total"));
      CHECK(c.lhs == 2);
      CHECK(c.rhs == 0);
    }
  CHECK(failed == 2);
  CHECK(d.has("check-failed"));
}
