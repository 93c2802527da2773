// The semantic passes, one at a time: normalise, read values, grids, map rows, map and align
// columns, reassemble split tables, choose the template version, read rows into the record,
// checks; and the whole pipeline through parse_bytes.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "diag/diagnostics.hpp"
#include "grammar/tsv.hpp"
#include "parse/builder.hpp"
#include "passes/align.hpp"
#include "passes/checks.hpp"
#include "passes/grid.hpp"
#include "passes/header.hpp"
#include "passes/label_memo.hpp"
#include "passes/map_rows.hpp"
#include "passes/outline.hpp"
#include "passes/reassemble.hpp"
#include "passes/record_writer.hpp"
#include "passes/rows.hpp"
#include "passes/values.hpp"
#include "passes/versions.hpp"
#include "template/template.hpp"
#include "text/normalise.hpp"
#include "xxgk/xxgk.hpp"

using namespace xxgk;
using passes::CellValue;

namespace {

constexpr int kActive = 0, kApplications = 1, kReview = 2;

const tmpl::TableSpec& spec(std::string_view version, int table) {
  const auto* v = tmpl::find_version(version);
  REQUIRE(v != nullptr);
  return v->tables[static_cast<std::size_t>(table)];
}

// A tree of one table and its grid, kept alive for the test run (grid cells point into both).
struct Built {
  std::string text;
  doc::Document doc;
  passes::Grids grids;
};
std::deque<Built> kept;

// One table from tab-separated lines, every line a row (a line of tabs too), cell spans the byte
// offsets in the lines joined by '\n'; then its grid, as build_grids makes it.
const passes::Grid& grid(std::initializer_list<std::string_view> lines) {
  auto& b = kept.emplace_back();
  for (auto l : lines) b.text.append(l).append("\n");
  const std::string_view text = b.text;
  doc::Table table;
  std::size_t pos = 0;
  for (auto l : lines) {
    auto& row = table.rows.emplace_back();
    row.span = {static_cast<std::uint32_t>(pos), static_cast<std::uint32_t>(pos + l.size())};
    for (std::size_t start = pos;;) {
      const auto tab = text.find('\t', start);
      const auto end = tab == std::string_view::npos || tab > pos + l.size() ? pos + l.size() : tab;
      auto& cell = row.cells.emplace_back();
      cell.text = text.substr(start, end - start);
      cell.span = {static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end)};
      if (end == pos + l.size()) break;
      start = end + 1;
    }
    pos += l.size() + 1;
  }
  table.span = {0, static_cast<std::uint32_t>(text.size())};
  b.doc.add_table(std::move(table));
  b.grids = passes::build_grids(b.doc, {0}, {false}, tmpl::matcher());
  REQUIRE(b.grids.tables.size() == 1);
  return b.grids.tables[0];
}

// A row from tab-separated text: its cells normalised, values read, label read.
const passes::GridRow& row(std::string_view tsv) { return grid({tsv}).rows[0]; }

struct Diags {
  std::vector<Diagnostic> list;
  diag::Diagnostics d{list};
  bool has(std::string_view code) const { return count(code) > 0; }
  int count(std::string_view code) const {
    int n = 0;
    for (const auto& x : list) n += x.code == code;
    return n;
  }
  const Diagnostic* find(std::string_view code) const {
    for (const auto& x : list)
      if (x.code == code) return &x;
    return nullptr;
  }
};

// The columns a kind of row reads under a header, as the rows pass builds them.
passes::Columns columns(const std::vector<std::string_view>& keys, const passes::ColumnMap& map, const tmpl::TableSpec& s) {
  passes::Columns c;
  c.keys = keys;
  for (auto k : keys) {
    c.specs.push_back(s.column(tmpl::leaf_of(k)));
    REQUIRE(c.specs.back() != nullptr);
    c.positions.push_back(map.position(k));
  }
  c.ids = passes::row_identities(keys, s);
  return c;
}

std::vector<int> positions(const passes::ColumnMap& map, const std::vector<std::string_view>& cols) {
  std::vector<int> p;
  for (auto c : cols) p.push_back(map.position(c));
  return p;
}

// The pipeline up to the logical tables with their versions, on a text in the tsv layout.
struct Run {
  std::string text;
  doc::Document doc;
  passes::Outline outline;
  passes::Grids grids;
  std::vector<passes::LogicalTable> tables;
  std::string_view version;
  Diags diags;
};
std::unique_ptr<Run> run(std::string text) {
  auto r = std::make_unique<Run>();
  r->text = std::move(text);
  r->doc = parse::build<grammar::tsv::grammar>(r->text);
  r->outline = passes::read_outline(r->doc);
  r->grids = passes::build_grids(r->doc, r->outline.table_section, r->outline.page_table, tmpl::matcher());
  r->tables = passes::reassemble(r->grids, r->diags.d);
  r->version = passes::choose_versions(r->tables);
  return r;
}

// The values of template row `key` as read_rows read them, in its columns' order (-1: null).
std::vector<std::int64_t> read_values(const passes::ReadTable& read, const passes::LogicalTable& lt, std::string_view key) {
  std::vector<std::int64_t> out;
  for (const auto& rr : read.rows)
    if (rr.kind == passes::ReadRow::Kind::data && rr.row == lt.spec->row_index(key))
      for (const auto& p : rr.values) out.push_back(p.value ? p.value->units : -1);
  return out;
}

// Report parts in the tsv layout. 表三: two label cells, then the seven applicant columns; one
// application received and granted to a natural person, everything else 0.
// With `subtotal_column`, a 小计 column after 其他 (0 throughout).
std::string applications_table(bool other_split, bool subtotal_column = false) {
  std::string t = subtotal_column ? "三、收到和处理政府信息公开申请情况\n"
                                    "\t\t自然人\t法人或其他组织\t\t\t\t\t\t总计\n"
                                    "\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t小计\t\n"
                                  : "三、收到和处理政府信息公开申请情况\n"
                                    "\t\t自然人\t法人或其他组织\t\t\t\t\t总计\n"
                                    "\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t\n";
  auto row = [&](std::string_view label, int n = 0) {
    t += fmt::format("{}\t{}\t0\t0\t0\t0\t0{}\t{}\n", label, n, subtotal_column ? "\t0" : "", n);
  };
  row("一、本年新收政府信息公开申请数量\t", 1);
  row("二、上年结转政府信息公开申请数量\t");
  row("三、本年度办理结果\t(一) 予以公开", 1);
  row("\t(二) 部分公开（区分处理的，只计这一情形，不计其他情形）");
  row("(三) 不予公开\t1.属于国家秘密");
  row("\t2.其他法律行政法规禁止公开");
  row("\t3.危及“三安全一稳定”");
  row("\t4.保护第三方合法权益");
  row("\t5.属于三类内部事务信息");
  row("\t6.属于四类过程性信息");
  row("\t7.属于行政执法案卷");
  row("\t8.属于行政查询事项");
  row("(四) 无法提供\t1.本机关不掌握相关政府信息");
  row("\t2.没有现成信息需要另行制作");
  row("\t3.补正后申请内容仍不明确");
  row("(五) 不予处理\t1.信访举报投诉类申请");
  row("\t2.重复申请");
  row("\t3.要求提供公开出版物");
  row("\t4.无正当理由大量反复申请");
  row("\t5.要求行政机关确认或重新出具已获取信息");
  if (other_split) {
    row("(六) 其他处理\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请");
    row("\t2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请");
    row("\t3.其他");
  } else {
    row("(六) 其他处理\t");
  }
  row("(七) 总计\t", 1);
  row("四、结转下年度继续办理\t");
  return t;
}

const std::string kReviewTable =
    "四、政府信息公开行政复议、行政诉讼情况\n"
    "行政复议\t\t\t\t\t行政诉讼\t\t\t\t\t\t\t\t\t\n"
    "结果 维持\t结果 纠正\t其他 结果\t尚未 审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\t\t\t\t\n"
    "\t\t\t\t\t结果 维持\t结果 纠正\t其他 结果\t尚未 审结\t总计\t结果 维持\t结果 纠正\t其他 结果\t尚未 审结\t总计\n"
    "1\t0\t0\t1\t2\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n";

const std::string kActiveTable2021 =
    "二、主动公开政府信息情况\n"
    "第二十条第（一）项\t\t\t\n"
    "信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n"
    "规章\t0\t0\t0\n"
    "行政规范性文件\t1\t1\t7\n"
    "第二十条第（五）项\t\t\t\n"
    "信息内容\t本年处理决定数量\t\t\n"
    "行政许可\t4\t\t\n"
    "第二十条第（六）项\t\t\t\n"
    "信息内容\t本年处理决定数量\t\t\n"
    "行政处罚\t0\t\t\n"
    "行政强制\t0\t\t\n"
    "第二十条第（八）项\t\t\t\n"
    "信息内容\t本年收费金额（单位：万元）\t\t\n"
    "行政事业性收费\t1600元\t\t\n";

const std::string kActiveTable2019 =
    "二、主动公开政府信息情况\n"
    "第二十条第（一）项\t\t\t\n"
    "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n"
    "规章\t0\t0\t0\n"
    "规范性文件\t1\t1\t5\n"
    "第二十条第（五）项\t\t\t\n"
    "信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n"
    "行政许可\t5\t-2\t3\n"
    "其他对外管理服务事项\t0\t0\t0\n"
    "第二十条第（六）项\t\t\t\n"
    "信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n"
    "行政处罚\t0\t0\t0\n"
    "行政强制\t0\t0\t0\n"
    "第二十条第（八）项\t\t\t\n"
    "信息内容\t上一年项目数量\t本年增/减\t\n"
    "行政事业性收费\t2\t+1\t\n"
    "第二十条第（九）项\t\t\t\n"
    "信息内容\t采购项目数量\t采购总金额\t\n"
    "政府集中采购\t3\t12.5\t\n";

std::string report(std::string_view active, std::string_view applications) {
  return fmt::format(
      "某某局2024年政府信息公开工作年度报告\n\n一、总体情况\n\n正文。\n\n{}\n{}\n{}\n"
      "五、存在的主要问题及改进情况\n\n无。\n\n六、其他需要报告的事项\n\n无。\n",
      active, applications, kReviewTable);
}

// A report in the tsv layout rewritten as markdown: every run of tab rows a pipe table, a
// separator row after its first row.
std::string to_markdown(std::string_view tsv) {
  std::string out;
  bool in_table = false;
  for (std::size_t pos = 0; pos < tsv.size();) {
    auto end = tsv.find('\n', pos);
    if (end == std::string_view::npos) end = tsv.size();
    const auto line = tsv.substr(pos, end - pos);
    pos = end + 1;
    if (line.find('\t') == std::string_view::npos) {
      out.append(line).append("\n");
      in_table = false;
      continue;
    }
    std::string row = "|", separator = "|";
    for (std::size_t start = 0;;) {
      const auto tab = line.find('\t', start);
      row.append(" ").append(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start)).append(" |");
      separator += "---|";
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    out.append(row).append("\n");
    if (!in_table) out.append(separator).append("\n");
    in_table = true;
  }
  return out;
}

// The record's diagnostics that are more than notes, as "code: message".
std::vector<std::string> warnings_and_errors(const Record& r) {
  std::vector<std::string> out;
  for (const auto& d : r.diagnostics)
    if (d.severity != Severity::note) out.push_back(d.code + ": " + d.message);
  return out;
}

}  // namespace

TEST_CASE("normalise: blanks, full-width forms, <br>, emphasis") {
  CHECK(text::normalise_text("（三） 不予 公开") == "(三)不予公开");
  CHECK(text::normalise_text("结果<br>维持") == "结果维持");
  CHECK(text::normalise_text("结果<BR />维持") == "结果维持");
  CHECK(text::normalise_text("**一是**公开") == "一是公开");
  CHECK(text::normalise_text("１，２３４") == "1,234");
  CHECK(text::normalise_text("\u3000\u00A0 1\u200B2\t") == "12");
  CHECK(text::normalise_text("危及“三安全一稳定”") == "危及“三安全一稳定”");
  CHECK(text::normalise_text(std::string_view("\xff\xfe", 2)) == std::string("\xff\xfe"));  // kept, not lost
  CHECK(text::normalise_text("").empty());
}

TEST_CASE("normalise_into: a view of the text itself when nothing changes, else of a stored string") {
  std::deque<std::string> store;
  const std::string_view plain = "不予公开";
  const auto same = text::normalise_into(plain, store);
  CHECK(same == plain);
  CHECK(same.data() == plain.data());
  CHECK(store.empty());
  const auto changed = text::normalise_into("（三） 不予公开", store);
  CHECK(changed == "(三)不予公开");
  REQUIRE(store.size() == 1);
  CHECK(changed.data() == store.front().data());
  // Plain text padded with spaces (a markdown cell): a view of its middle, nothing stored.
  const std::string_view padded = "  1287 ";
  const auto middle = text::normalise_into(padded, store);
  CHECK(middle == "1287");
  CHECK(middle.data() == padded.data() + 2);
  CHECK(text::normalise_into("   ", store).empty());
  CHECK(text::normalise_text(" 予以公开  ") == "予以公开");
  CHECK(store.size() == 1);
}

TEST_CASE("label_memo: what it keeps is what the passes compute, for a text seen again or not") {
  const auto& m = tmpl::matcher();
  passes::label_memo::start_report();
  for (std::string_view raw : {"（一）予以公开", " 1.属于国家秘密 ", "３，２００元", "本年新收政府信息公开申请数量"}) {
    CAPTURE(raw);
    for (int seen = 0; seen < 2; ++seen) {
      const auto& e = passes::label_memo::cell(raw, m);
      const auto text = text::normalise_text(raw);
      CHECK(e.text == text);
      CHECK(e.changed == (text != raw));
      const auto v = passes::read_value(text);
      CHECK(e.value.kind == v.kind);
      CHECK(e.value.value == v.value);
      CHECK(e.value.unit == v.unit);
      CHECK(e.hits == (v.kind == passes::CellValue::Kind::invalid ? m.scan(text) : tmpl::Hits{}));
    }
  }
  const std::string joined = "(三)不予公开1.属于国家秘密";
  CHECK(passes::label_memo::fragments(joined, m) == m.scan(joined));
  CHECK(passes::label_memo::fragments(joined, m) == m.scan(joined));
  CHECK(passes::label_memo::wanted("予以公开"));
  CHECK_FALSE(passes::label_memo::wanted("1287"));
}

TEST_CASE("trim_blanks and strip_markdown_marks") {
  CHECK(text::trim_blanks("\u3000 一、总体情况\u00A0\t\r\n") == "一、总体情况");
  CHECK(text::trim_blanks("  ").empty());
  CHECK(text::trim_blanks("a b") == "a b");
  CHECK(text::strip_markdown_marks("## 一、总体情况") == "一、总体情况");
  CHECK(text::strip_markdown_marks("**二、主动公开政府信息情况**") == "二、主动公开政府信息情况");
  CHECK(text::strip_markdown_marks("### __三、收到__ ") == "三、收到");
  CHECK(text::strip_markdown_marks("正文 **加粗** 正文") == "正文 **加粗** 正文");
}

TEST_CASE("is_blank: nothing left once normalised") {
  for (auto blank : {"", " ", "\t", "\u3000", "\u00A0\u200B", "<br>", "**", " <br/> "}) {
    CAPTURE(blank);
    CHECK(text::is_blank(blank));
  }
  for (auto text : {"0", "a", "/", "无", "\u3000-\u3000"}) {
    CAPTURE(text);
    CHECK(!text::is_blank(text));
  }
}

TEST_CASE("values: numbers, nulls, and what is not a number") {
  auto num = [](std::string_view t) { return passes::read_value(text::normalise_text(t)); };
  CHECK(num("12").kind == CellValue::Kind::number);
  CHECK(num("12").value == Decimal{12, 0});
  CHECK(!num("12").sign);
  CHECK(num("12").unit.empty());
  CHECK(num("1,234").value == Decimal{1234, 0});
  CHECK(num("１２").value == Decimal{12, 0});
  CHECK(num("0.16").value == Decimal{16, 2});
  CHECK(num("96171.6").value == Decimal{961716, 1});
  CHECK(num("1,234.5").value == Decimal{12345, 1});
  CHECK(format_decimal(Decimal{16, 2}) == "0.16");
  CHECK(format_decimal(Decimal{1105, 2}) == "11.05");
  CHECK(format_decimal(Decimal{-2, 0}) == "-2");
  CHECK(num("").kind == CellValue::Kind::blank);
  for (auto n : {"/", "-", "—", "无", "－", "——", "\\"}) {
    CAPTURE(n);
    CHECK(num(n).kind == CellValue::Kind::null);
  }
  for (auto bad : {"O", "12,34", "1.", ".5", "1,2345", "99999999999999999999", "件", "1kg", "1件2", "+", "一"}) {
    CAPTURE(bad);
    CHECK(num(bad).kind == CellValue::Kind::invalid);
  }
}

TEST_CASE("values: a sign and a unit are part of a number") {
  auto num = [](std::string_view t) { return passes::read_value(text::normalise_text(t)); };
  auto v = num("1件");
  CHECK(v.kind == CellValue::Kind::number);
  CHECK(v.value == Decimal{1, 0});
  CHECK(v.unit == "件");
  CHECK(!v.sign);
  for (auto unit : {"个", "项", "条", "次"}) {
    CAPTURE(unit);
    auto u = num(std::string("3") + unit);
    CHECK(u.kind == CellValue::Kind::number);
    CHECK(u.unit == unit);
    CHECK(passes::is_count_unit(unit));
    CHECK(!passes::is_money_unit(unit));
  }
  v = num("-3");
  CHECK(v.kind == CellValue::Kind::number);
  CHECK(v.sign);
  CHECK(v.value == Decimal{-3, 0});
  v = num("+2");
  CHECK(v.kind == CellValue::Kind::number);
  CHECK(v.sign);
  CHECK(v.value == Decimal{2, 0});
  v = num("－5");  // full-width minus, made half-width
  CHECK(v.sign);
  CHECK(v.value == Decimal{-5, 0});
  v = num("251000元");
  CHECK(v.kind == CellValue::Kind::number);
  CHECK(v.value == Decimal{251000, 0});
  CHECK(v.unit == "元");
  v = num("10.5万元");
  CHECK(v.value == Decimal{105, 1});
  CHECK(v.unit == "万元");
  CHECK(passes::is_money_unit("元"));
  CHECK(passes::is_money_unit("万元"));
  CHECK(!passes::is_count_unit("元"));
}

TEST_CASE("format_decimal: a negative number with a fraction") {
  // Regression: the fraction was formatted from units % 10^scale, negative for a negative
  // number ({-5, 1} gave "0.-5"). The JSON writer hands negative decimals to format_decimal.
  CHECK(format_decimal(Decimal{-5, 1}) == "-0.5");
  CHECK(format_decimal(Decimal{-15, 1}) == "-1.5");
  CHECK(format_decimal(Decimal{-105, 2}) == "-1.05");
}

TEST_CASE("convert_money: exactly, keeping only the digits written") {
  CHECK(passes::convert_money(Decimal{1600, 0}, "元", "万元") == Decimal{16, 2});
  CHECK(passes::convert_money(Decimal{16, 2}, "万元", "元") == Decimal{1600, 0});
  CHECK(passes::convert_money(Decimal{251000, 0}, "元", "万元") == Decimal{251, 1});
  CHECK(passes::convert_money(Decimal{5, 0}, "万元", "万元") == Decimal{5, 0});
  CHECK(passes::convert_money(Decimal{1, 0}, "元", "万元") == Decimal{1, 4});
  CHECK(!passes::convert_money(Decimal{1, 0}, "件", "万元"));
  CHECK(!passes::convert_money(Decimal{1, 0}, "元", ""));
}

TEST_CASE("grid: cells normalised, values read, label fragments found; the tree untouched") {
  const auto& g = grid({"（三） 不予 公开\t１２\t/\t1件\t"});
  REQUIRE(g.rows.size() == 1);
  const auto& cells = g.rows[0].cells;
  REQUIRE(cells.size() == 5);
  CHECK(cells[0].text == "(三)不予公开");
  CHECK(cells[0].source->text == "（三） 不予 公开");
  CHECK(cells[0].is_text());
  CHECK(cells[0].hits == tmpl::matcher().scan("(三)不予公开"));
  CHECK(cells[0].hits.any());
  CHECK(cells[1].value.value == Decimal{12, 0});
  CHECK(cells[1].value_like());
  CHECK(cells[1].hits.none());  // values are not scanned for labels
  CHECK(cells[2].value.kind == CellValue::Kind::null);
  CHECK(cells[2].value_like());
  CHECK(cells[3].value.unit == "件");
  CHECK(cells[4].blank());
  CHECK(!cells[4].value_like());
  CHECK(cells[1].span().begin == cells[0].source->span.end + 1);
  CHECK(g.rows[0].label_end == 0);
  CHECK(g.rows[0].label_hits == cells[0].hits);
}

TEST_CASE("grid: spans expanded into slots; the section kept; skipped tables left out") {
  static const std::string text = "ABCDEF";
  doc::Document d;
  auto cell = [&](std::size_t at, std::uint16_t colspan = 1, std::uint16_t rowspan = 1) {
    doc::Cell c;
    c.text = std::string_view(text).substr(at, 1);
    c.span = {static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + 1)};
    c.colspan = colspan;
    c.rowspan = rowspan;
    return c;
  };
  doc::Table skipped;
  skipped.rows.push_back({{0, 1}, {cell(0)}});
  d.add_table(std::move(skipped));
  doc::Table t;
  t.rows.push_back({{0, 3}, {cell(0, 2), cell(1, 1, 2), cell(2)}});  // A spans two columns, B two rows
  t.rows.push_back({{3, 6}, {cell(3), cell(4), cell(5)}});
  d.add_table(std::move(t));

  const auto grids = passes::build_grids(d, {0, 3}, {true, false}, tmpl::matcher());
  REQUIRE(grids.tables.size() == 1);
  const auto& g = grids.tables[0];
  CHECK(g.index == 1);
  CHECK(g.section == 3);
  CHECK(g.table == &d.tables[1]);
  REQUIRE(g.rows.size() == 2);
  auto texts = [](const passes::GridRow& r) {
    std::string s;
    for (const auto& c : r.cells) s += c.covered ? std::string("_") : std::string(c.text);
    return s;
  };
  CHECK(texts(g.rows[0]) == "A_BC");
  CHECK(texts(g.rows[1]) == "DE_F");  // B covers the third slot of the second row
  CHECK(g.rows[0].cells[1].source == &d.tables[1].rows[0].cells[0]);
  CHECK(g.rows[0].cells[1].text.empty());
  CHECK(g.rows[1].cells[2].source == &d.tables[1].rows[0].cells[1]);
  CHECK(g.rows[1].cells[2].span().begin == 1);
}

TEST_CASE("map rows: what a label cell is, and where a row's label ends") {
  const auto& r = row("38件\tO\t1,2\t1.属于国家秘密\t(三) 不予公开\tabc\t2024年");
  CHECK(!passes::label_like(r.cells[0]));  // a value with its unit
  CHECK(!passes::label_like(r.cells[1]));  // a malformed value
  CHECK(!passes::label_like(r.cells[2]));
  CHECK(passes::label_like(r.cells[3]));  // numbering, then Chinese
  CHECK(passes::label_like(r.cells[4]));
  CHECK(!passes::label_like(r.cells[5]));  // no Chinese
  CHECK(!passes::label_like(r.cells[6]));  // starts with a number that is no numbering

  CHECK(passes::label_end(row("一、本年新收\t\t3\t1")) == 0);
  CHECK(passes::label_end(row("1\t(二) 部分公开\t0")) == 1);  // a stray value before the label
  CHECK(passes::label_end(row("(三) 不予公开\t1\t1.属于国家秘密")) == 0);  // the label ends at the first value
  CHECK(passes::label_end(row("\t\t")) == -1);
  CHECK(passes::label_end(row("0\t0")) == -1);

  const auto& two = row("\t(三) 不予公开\t1.属于国家秘密\t0");
  CHECK(two.label_end == 2);
  CHECK(two.label_cells == 2);
  CHECK(two.joined_label == "(三)不予公开1.属于国家秘密");
  CHECK(two.label_hits == tmpl::matcher().scan("(三)不予公开1.属于国家秘密"));
  const auto& one = row("\t(二) 部分公开\t0");
  CHECK(one.label_cells == 1);
  CHECK(one.joined_label.empty());
  CHECK(one.label_hits == one.cells[1].hits);
}

TEST_CASE("map rows: by what the label says, not by position") {
  const auto& t3 = spec("2021", kApplications);
  using K = passes::RowInfo::Kind;
  auto key = [&](std::string_view tsv) {
    auto info = passes::classify_row(row(tsv), t3);
    return info.kind == K::data ? std::string(t3.rows[static_cast<std::size_t>(info.index)].key) : std::string("?");
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
  auto subtotal = passes::classify_row(row("\t(三) 不予公开\t\t1\t0"), t3);
  CHECK(subtotal.kind == K::subtotal);
  CHECK(t3.subtotals[static_cast<std::size_t>(subtotal.index)].key == "denied");
  CHECK(passes::classify_row(row("\t小计\t1\t0"), t3).kind == K::subtotal);  // closes the group above it
  // A 小计 cell beside the group's label: the label names the group, wherever the row stands.
  auto named = passes::classify_row(row("\t(四) 无法提供\t小计\t1\t0"), t3);
  CHECK(named.kind == K::subtotal);
  CHECK(t3.subtotals[static_cast<std::size_t>(named.index)].key == "unable");
  auto bare = passes::classify_row(row("\t\t小计\t1\t0"), t3);
  CHECK(t3.subtotals[static_cast<std::size_t>(bare.index)].key.empty());
  CHECK(passes::classify_row(row("三、本年度办理结果\t\t\t"), t3).kind == K::caption);
  CHECK(passes::classify_row(row("\t\t\t"), t3).kind == K::blank);
  auto unknown = passes::classify_row(row("合并单元格说明\t\t1"), t3);
  CHECK(unknown.kind == K::unknown);
  CHECK(unknown.has_values);
  CHECK(unknown.label == "合并单元格说明");

  const auto& t2 = spec("2021", kActive);
  CHECK(passes::classify_row(row("信息内容\t本年制发件数\t本年度止件数\t现行有效件数"), t2).kind == K::header);
  CHECK(passes::classify_row(row("规范性文件\t0\t0\t0"), t2).kind == K::data);
  CHECK(passes::classify_row(row("第二十条第（五）项\t\t\t"), t2).kind == K::caption);

  // 表四's one row has no label.
  const auto& t4 = spec("2021", kReview);
  auto counts = passes::classify_row(row("0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0"), t4);
  CHECK(counts.kind == K::data);
  CHECK(counts.index == 0);
  CHECK(!counts.named());  // values alone do not show that the table is 表四
}

TEST_CASE("map rows: （六）其他处理 is a row of the 2019 template, a subtotal group of the 2021 one") {
  using K = passes::RowInfo::Kind;
  const auto& r = row("(六) 其他处理\t\t1\t0\t0\t0\t0\t0\t1");
  const auto& t2019 = spec("2019", kApplications);
  auto info = passes::classify_row(r, t2019);
  CHECK(info.kind == K::data);
  CHECK(t2019.rows[static_cast<std::size_t>(info.index)].key == "other_handling");
  auto info2021 = passes::classify_row(r, spec("2021", kApplications));
  CHECK(info2021.kind == K::subtotal);
}

TEST_CASE("map rows: complete labels and header text") {
  const auto& t3 = spec("2021", kApplications);
  CHECK(passes::is_complete_label("(五)不予处理", t3));
  CHECK(passes::is_complete_label("自然人", t3));
  CHECK(passes::is_complete_label("2.重复申请", t3));
  CHECK(!passes::is_complete_label("(五)不予", t3));
  CHECK(!passes::is_complete_label("处理", t3));
  CHECK(passes::is_header_text(tmpl::matcher().scan("法人或其他组织"), "法人或其他组织", t3));
  CHECK(!passes::is_header_text(tmpl::matcher().scan("重复申请"), "重复申请", t3));
}

TEST_CASE("map columns: 表四's leaves belong to the group above them") {
  const auto& t4 = spec("2021", kReview);
  const auto& g = grid({"行政复议\t\t\t\t\t行政诉讼\t\t\t\t\t\t\t\t\t",
                        "结果 维持\t结果 纠正\t其他 结果\t尚未 审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\t\t\t\t",
                        "\t\t\t\t\t结果 维持\t结果 纠正\t其他 结果\t尚未 审结\t总计\t结果 维持\t结果 纠正\t其他 结果\t尚未 审结\t总计"});
  auto map = passes::read_header({&g.rows[0], &g.rows[1], &g.rows[2]}, t4);
  CHECK(map.position("review.upheld") == 0);
  CHECK(map.position("review.total") == 4);
  CHECK(map.position("litigation_direct.upheld") == 5);
  CHECK(map.position("litigation_after_review.total") == 14);
  CHECK(map.position("upheld") == -1);
  CHECK(map.columns.size() == 15);
  CHECK(positions(map, t4.rows[0].columns) == std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14});
}

TEST_CASE("map columns: a header cell naming a column already taken names the next (2019 本年新 | 本年新)") {
  const auto& t2 = spec("2019", kActive);
  const auto& g = grid({"信息内容\t本年新\t本年新\t对外公开总数量"});
  auto map = passes::read_header({&g.rows[0]}, t2);
  CHECK(map.position("made") == 1);
  CHECK(map.position("published") == 2);
  CHECK(map.position("total_published") == 3);
  CHECK(map.columns.size() == 3);
  const auto& full = grid({"信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量"});
  auto map2 = passes::read_header({&full.rows[0]}, t2);
  CHECK(positions(map2, {"made", "published", "total_published"}) == std::vector<int>{1, 2, 3});
  CHECK(passes::read_header({&full.rows[0]}, spec("2021", kActive)).empty());
}

TEST_CASE("align: shifted rows, swallowed cells, identities") {
  const auto& t3 = spec("2021", kApplications);
  const auto& h = grid({"\t\t自然人\t法人或其他组织\t\t\t\t\t总计", "\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t"});
  auto map = passes::read_header({&h.rows[0], &h.rows[1]}, t3);
  const auto cols = columns(t3.rows[0].columns, map, t3);
  REQUIRE(cols.positions == std::vector<int>{2, 3, 4, 5, 6, 7, 8});
  REQUIRE(cols.ids.size() == 1);

  auto values = [](const passes::Alignment& a) {
    std::vector<std::int64_t> v;
    for (const auto& p : a.placed) v.push_back(p.value ? p.value->units : -1);
    return v;
  };
  // Align a row of 表三 under this header (the row must outlive the alignment: it points at cells).
  auto align = [&](const passes::GridRow& r, std::string_view name, Diags& d) {
    return passes::align_row(r, passes::label_end(r), cols, name, d.d);
  };
  SUBCASE("aligned") {
    Diags d;
    const auto& r = row("一、本年新收\t\t3\t1\t0\t0\t0\t0\t4");
    auto a = align(r, "new_received", d);
    CHECK(a.shift == 0);
    CHECK(values(a) == std::vector<std::int64_t>{3, 1, 0, 0, 0, 0, 4});
    CHECK(a.identities_hold);
    CHECK(a.extra.empty());
    CHECK(d.list.empty());
  }
  SUBCASE("shifted one cell right") {
    Diags d;
    const auto& r = row("\t(三) 不予公开\t1.属于国家秘密\t2\t0\t0\t0\t0\t1\t3");
    auto a = align(r, "denied_state_secret", d);
    CHECK(a.shift == 1);
    CHECK(values(a) == std::vector<std::int64_t>{2, 0, 0, 0, 0, 1, 3});
    REQUIRE(d.has("row-shifted"));
    CHECK(d.find("row-shifted")->offset == r.cells[2].span().begin);  // at the row's label
  }
  SUBCASE("shifted one cell left") {
    Diags d;
    const auto& r = row("(七) 总计\t5\t0\t0\t0\t0\t0\t5\t\t");
    auto a = align(r, "total_processed", d);
    CHECK(a.shift == -1);
    CHECK(values(a) == std::vector<std::int64_t>{5, 0, 0, 0, 0, 0, 5});
    CHECK(d.has("row-shifted"));
  }
  SUBCASE("a label swallowed the first value: inferred from the total, and reported") {
    Diags d;
    const auto& r = row("\t(四) 无法提供\t1.本机关不掌握相关政府信息\t1\t0\t0\t0\t0\t3");
    auto a = align(r, "unable_not_held", d);
    CHECK(a.shift == 0);
    CHECK(values(a) == std::vector<std::int64_t>{2, 1, 0, 0, 0, 0, 3});
    CHECK(d.has("inferred-value"));
    CHECK(!d.has("lost-value"));
  }
  SUBCASE("blanks make it ambiguous: the row total decides") {
    Diags d;
    // Read as written, 商业企业 = 1 and 总计 is blank (1 ≠ 0); shifted, 自然人 = 1 = 总计.
    const auto& r = row("\t(七) 总计\t\t1\t\t\t\t\t\t1");
    auto a = align(r, "total_processed", d);
    CHECK(a.shift == 1);
    CHECK(values(a) == std::vector<std::int64_t>{1, -1, -1, -1, -1, -1, 1});
  }
  SUBCASE("two clean alignments: the one satisfying the row total wins, and it is reported") {
    Diags d;
    // As written: 商业企业 = 1 = 总计. Shifted right: 自然人 = 1, 其他 = 1, 总计 blank (2 ≠ 0).
    const auto& r = row("一、本年新收\t\t\t1\t\t\t\t\t1\t\t");
    auto a = align(r, "new_received", d);
    CHECK(a.shift == 0);
    CHECK(values(a) == std::vector<std::int64_t>{-1, 1, -1, -1, -1, -1, 1});
    CHECK(d.has("ambiguous-alignment"));
  }
  SUBCASE("a short row whose label stands in the first value column is read after its label") {
    // Header 自然人 at cell 2; the label took that cell and the row ends early (its trailing cells
    // dropped): the values follow the label, the cells past the row's end are null and reported.
    Diags d;
    const auto& r = row("\t\t4.保护第三方合法权益\t5\t6\t7");
    auto a = align(r, "denied_third_party", d);
    CHECK(a.shift == 1);
    CHECK(values(a) == std::vector<std::int64_t>{5, 6, 7, -1, -1, -1, -1});
    CHECK(d.has("lost-value"));
  }
  SUBCASE("not a number: an error at that cell") {
    Diags d;
    const auto& r = row("一、本年新收\t\t3\tO\t0\t0\t0\t0\t4");
    auto a = align(r, "new_received", d);
    CHECK(a.placed[1].state == passes::Placed::State::invalid);
    CHECK(!a.placed[1].value);
    REQUIRE(d.has("invalid-value"));
    CHECK(d.find("invalid-value")->offset == r.cells[3].span().begin);  // the byte offset of the cell
    CHECK(d.find("invalid-value")->length == 1);
  }
  SUBCASE("a count written with its unit is read, and noted") {
    Diags d;
    const auto& r = row("一、本年新收\t\t3\t1件\t0\t0\t0\t0\t4");
    auto a = align(r, "new_received", d);
    CHECK(values(a) == std::vector<std::int64_t>{3, 1, 0, 0, 0, 0, 4});
    REQUIRE(d.has("unit-in-cell"));
    CHECK(d.find("unit-in-cell")->severity == Severity::note);
    CHECK(!d.has("invalid-value"));
  }
  SUBCASE("a count with a sign, a fraction or a money unit is an error, and null") {
    Diags d;
    const auto& r = row("一、本年新收\t\t3\t-1\t1.5\t2元\t0\t0\t4");
    auto a = align(r, "new_received", d);
    CHECK(values(a) == std::vector<std::int64_t>{3, -1, -1, -1, 0, 0, 4});
    CHECK(d.has("negative-count"));
    CHECK(d.has("fraction-count"));
    CHECK(d.has("invalid-value"));
  }
  SUBCASE("a value outside the columns is an error, never silently dropped") {
    Diags d;
    const auto& r = row("一、本年新收\t\t3\t1\t0\t0\t0\t0\t4\t\t\t9");
    auto a = align(r, "new_received", d);
    CHECK(d.has("extra-value"));
    REQUIRE(a.extra.size() == 1);
    CHECK(a.extra[0]->text == "9");
  }
  SUBCASE("a stray value before the label is an error too") {
    Diags d;
    const auto& r = row("7\t一、本年新收\t3\t1\t0\t0\t0\t0\t4");
    align(r, "new_received", d);
    REQUIRE(d.has("extra-value"));
    CHECK(d.find("extra-value")->offset == 0);
  }
}

TEST_CASE("align: an amount is converted into its column's unit; a signed count keeps its sign") {
  const auto& t2 = spec("2021", kActive);
  const auto& h = grid({"信息内容\t本年收费金额（单位：万元）"});
  const auto cols = columns({"amount"}, passes::read_header({&h.rows[0]}, t2), t2);
  REQUIRE(cols.positions == std::vector<int>{1});
  auto amount = [&](std::string_view tsv, Diags& d) { return passes::align_row(row(tsv), 0, cols, "fees", d.d).placed[0].value; };
  {
    Diags d;
    CHECK(amount("行政事业性收费\t1600元", d) == Decimal{16, 2});
    CHECK(d.has("unit-converted"));
  }
  {
    Diags d;
    CHECK(amount("行政事业性收费\t0.16", d) == Decimal{16, 2});
    CHECK(d.list.empty());
  }
  {
    Diags d;
    CHECK(amount("行政事业性收费\t3万元", d) == Decimal{3, 0});
    CHECK(d.has("unit-in-cell"));
  }
  {
    Diags d;
    CHECK(!amount("行政事业性收费\t3件", d));  // a count unit in an amount column
    CHECK(d.has("invalid-value"));
  }

  const auto& t2019 = spec("2019", kActive);
  const auto& h2019 = grid({"信息内容\t上一年项目数量\t本年增/减\t处理决定数量"});
  const auto items = columns({"previous_year", "change", "decisions"}, passes::read_header({&h2019.rows[0]}, t2019), t2019);
  REQUIRE(items.positions == std::vector<int>{1, 2, 3});
  Diags d;
  auto a = passes::align_row(row("行政许可\t5\t-2\t3"), 0, items, "licensing", d.d);
  CHECK(a.placed[1].value == Decimal{-2, 0});
  CHECK(a.placed[0].value == Decimal{5, 0});
  CHECK(!d.has("negative-count"));
}

TEST_CASE("identities of a row: total = sum of the other columns, per group; none for 表二") {
  const auto& t3 = spec("2021", kApplications);
  auto ids = passes::row_identities(t3.rows[0].columns, t3);
  REQUIRE(ids.size() == 1);
  CHECK(ids[0].total == 6);
  CHECK(ids[0].parts == std::vector<int>{0, 1, 2, 3, 4, 5});
  // A 小计 column is not stored: its identity is checked, not used to align.
  std::vector<std::string_view> with_subtotal = {"total", "natural_person", "commercial", "research", "social_welfare",
                                                 "legal_services", "other", "legal_subtotal"};
  auto ids2 = passes::row_identities(with_subtotal, t3);
  REQUIRE(ids2.size() == 1);
  CHECK(ids2[0].total == 0);
  CHECK(ids2[0].parts == std::vector<int>{1, 2, 3, 4, 5, 6});
  // Without every part, no identity.
  CHECK(passes::row_identities({"natural_person", "commercial", "total"}, t3).empty());

  const auto& t4 = spec("2021", kReview);
  auto ids4 = passes::row_identities(t4.rows[0].columns, t4);
  REQUIRE(ids4.size() == 3);
  CHECK(ids4[0].total == 4);
  CHECK(ids4[0].parts == std::vector<int>{0, 1, 2, 3});
  CHECK(ids4[1].total == 9);
  CHECK(ids4[2].total == 14);
  CHECK(ids4[2].parts == std::vector<int>{10, 11, 12, 13});
  CHECK(passes::row_identities({"review.upheld", "review.total", "litigation_direct.upheld", "litigation_direct.total"}, t4).empty());

  const auto& t2 = spec("2021", kActive);
  CHECK(passes::row_identities(t2.rows[0].columns, t2).empty());
  const auto& t2019 = spec("2019", kActive);
  CHECK(passes::row_identities(t2019.rows[2].columns, t2019).empty());
}

TEST_CASE("reassemble: fragments of one table, a label broken by the page break") {
  auto r = run(
      "某局 2024 年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
      "\t\t自然人\t法人或其他组织\t\t\t\t\t总计\n"
      "\t(五) 不予\t1.信访举报投诉类申请\t0\t0\t0\t0\t0\t0\t0\n"
      "\n- 7 -\n"
      "\t处理\t2.重复申请\t0\t0\t0\t0\t0\t0\t0\n");
  REQUIRE(r->tables.size() == 3);
  const auto& t3 = r->tables[kApplications];
  REQUIRE(t3.rows.size() == 3);
  CHECK(t3.table == kApplications);
  CHECK(t3.section == 3);
  CHECK(t3.fragment_starts == std::vector<std::size_t>{0, 2});
  CHECK(t3.span.begin == r->doc.tables[0].span.begin);
  CHECK(t3.rows[1]->cells[1].text == "(五)不予处理");
  CHECK(t3.rows[2]->cells[1].text.empty());
  CHECK(t3.rows[2]->label_end == 2);
  REQUIRE(r->diags.has("label-joined"));
  CHECK(r->diags.find("label-joined")->offset == r->text.find("处理\t2."));
  CHECK(r->tables[kActive].rows.empty());
  CHECK(r->tables[kReview].rows.empty());
  // The tree is not changed.
  CHECK(r->doc.tables[0].rows[1].cells[1].text == "(五) 不予");
}

TEST_CASE("reassemble: a label broken by a line break in its cell, its tail starting the next line with the values") {
  auto r = run(
      "某局 2024 年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
      "\t\t自然人\t法人或其他组织\t\t\t\t\t总计\n"
      "\t（二）部分公开（区分处理的，只计这一情形，\n"
      "不计其他情形）\t\t7\t0\t0\t0\t0\t0\t7\n"
      "\t（四）无法提供\t1.本机关不掌握相关\n"
      "政府信息\t3\t0\t0\t0\t0\t0\t3\n"
      "\t\t1.属于国家秘密\n"            // a label whose next line is a label of its own: no join
      "\t\t2.其他法律行政法规禁止公开\t0\n"
      "\t（五）不予处理\n"                // no cell after the label, but the next line names a row
      "重复申请\t\t0\n");
  const auto& t3 = r->tables[kApplications];
  REQUIRE(t3.rows.size() == 7);
  CHECK(t3.rows[1]->cells.size() == 10);
  CHECK(t3.rows[1]->cells[1].text == "(二)部分公开(区分处理的,只计这一情形,不计其他情形)");
  CHECK(t3.rows[1]->cells[3].text == "7");
  CHECK(t3.rows[1]->label_end == 1);
  CHECK(t3.rows[1]->span.begin == r->text.find("\t（二）"));
  CHECK(t3.rows[2]->cells[2].text == "1.本机关不掌握相关政府信息");
  CHECK(t3.rows[2]->cells[3].text == "3");
  CHECK(r->diags.count("label-line-joined") == 2);
  CHECK(r->diags.find("label-line-joined")->offset == r->text.find("不计其他情形）"));
  CHECK(t3.rows[3]->cells[2].text == "1.属于国家秘密");
  CHECK(t3.rows[5]->cells[1].text == "(五)不予处理");
  CHECK(t3.rows[6]->cells[0].text == "重复申请");
  // The tree is not changed.
  CHECK(r->doc.tables[0].rows[1].cells[1].text == "（二）部分公开（区分处理的，只计这一情形，");

  const auto read = passes::read_rows(t3, r->diags.d);
  auto value = [&](std::string_view key) -> Value {
    for (const auto& rr : read.rows)
      if (rr.kind == passes::ReadRow::Kind::data && rr.row == t3.spec->row_index(key)) return rr.values[0].value;
    return {};
  };
  CHECK(value("partially_granted") == Decimal{7, 0});
  CHECK(value("unable_not_held") == Decimal{3, 0});

  // A header row ending in its last cell is no label's head: 总计 + 其中网上申请 is no row.
  auto h = run(
      "某局 2024 年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
      "\t\t自然人\t法人或其他组织\t\t\t\t\t总计\n"
      "其中网上申请\t\t1\t0\t0\t0\t0\t0\t1\n"
      "一、本年新收政府信息公开申请数量\t\t1\t0\t0\t0\t0\t0\t1\n");
  CHECK(h->tables[kApplications].rows.size() == 3);
  CHECK(!h->diags.has("label-line-joined"));
}

TEST_CASE("reassemble: a label's tail in its own column, or alone on the next line after the row's values") {
  auto r = run(
      "某局 2024 年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
      "\t\t自然人\t法人或其他组织\t\t\t\t\t总计\n"
      "\t（二）部分公开（区分处理的，只计这一情形，\n"
      "\t不计其他情形）\t\t7\t0\t0\t0\t0\t0\t7\n"             // the line repeats the leading cell
      "\t（四）无法提供\t1.本机关不掌握相关\t3\t0\t0\t0\t0\t0\t3\n"
      "\t\t政府信息\n"                                        // PDF: the tail alone after the values
      "\t\t2.没有现成信息需要另行制作\t1\t0\t0\t0\t0\t0\t1\n"
      "\t\t重复申请\n");                                      // a label of its own, not a tail: kept
  const auto& t3 = r->tables[kApplications];
  REQUIRE(t3.rows.size() == 5);
  CHECK(t3.rows[1]->cells[1].text == "(二)部分公开(区分处理的,只计这一情形,不计其他情形)");
  CHECK(t3.rows[1]->cells[3].text == "7");
  CHECK(t3.rows[1]->span.begin == r->text.find("\t（二）"));
  CHECK(t3.rows[2]->cells[2].text == "1.本机关不掌握相关政府信息");
  CHECK(t3.rows[2]->cells[3].text == "3");
  CHECK(t3.rows[3]->cells[2].text == "2.没有现成信息需要另行制作");
  CHECK(t3.rows[4]->cells[2].text == "重复申请");
  CHECK(r->diags.count("label-line-joined") == 1);
  REQUIRE(r->diags.count("label-tail-joined") == 1);
  CHECK(r->diags.find("label-tail-joined")->offset == r->text.find("政府信息\n"));

  const auto read = passes::read_rows(t3, r->diags.d);
  CHECK(read_values(read, t3, "partially_granted") == std::vector<std::int64_t>{7, 0, 0, 0, 0, 0, 7});
  CHECK(read_values(read, t3, "unable_not_held") == std::vector<std::int64_t>{3, 0, 0, 0, 0, 0, 3});
  CHECK(!r->diags.has("unknown-row"));
}

TEST_CASE("reassemble: a fragment that names no table continues the one before it, in its section") {
  const auto values_row = kReviewTable.find("\n1\t0") + 1;  // the header ends before it
  const auto header = kReviewTable.substr(0, values_row), values = kReviewTable.substr(values_row);
  auto r = run("某局 2024 年政府信息公开工作年度报告\n" + header + "\n- 9 -\n" + values);
  const auto& t4 = r->tables[kReview];
  REQUIRE(t4.rows.size() == 4);
  CHECK(t4.fragment_starts == std::vector<std::size_t>{0, 3});
  CHECK(!r->diags.has("unrecognised-table"));

  // In another section it is no continuation.
  auto r2 = run("某局 2024 年政府信息公开工作年度报告\n" + header + "五、存在的主要问题及改进情况\n" + values);
  CHECK(r2->tables[kReview].rows.size() == 3);
  CHECK(r2->diags.has("unrecognised-table"));
}

TEST_CASE("reassemble: a table outside its section is reported") {
  auto r = run("某局 2024 年政府信息公开工作年度报告\n二、主动公开政府信息情况\n" +
               applications_table(true).substr(std::string_view("三、收到和处理政府信息公开申请情况\n").size()));
  CHECK(r->tables[kApplications].section == 2);
  CHECK(r->tables[kApplications].rows.size() == 27);
  CHECK(r->diags.has("table-outside-section"));
}

TEST_CASE("versions: 表三 with one （六）其他处理 row is read as 2019, with the three sub-rows as 2021") {
  auto r2019 = run(applications_table(false));
  const auto& a = r2019->tables[kApplications];
  REQUIRE(a.spec != nullptr);
  CHECK(a.spec->version == "2019");
  CHECK(a.decided);
  CHECK(a.infos.size() == a.rows.size());
  CHECK(r2019->version == "2019");

  auto r2021 = run(applications_table(true));
  const auto& b = r2021->tables[kApplications];
  REQUIRE(b.spec != nullptr);
  CHECK(b.spec->version == "2021");
  CHECK(b.decided);
  CHECK(r2021->version == "2021");
}

TEST_CASE("versions: 表二 follows its own columns; 表四 (the same in both) follows the report") {
  auto r = run(kActiveTable2019 + applications_table(false) + kReviewTable);
  CHECK(r->version == "2019");
  REQUIRE(r->tables[kActive].spec != nullptr);
  CHECK(r->tables[kActive].spec->version == "2019");
  CHECK(r->tables[kActive].decided);
  const auto& t4 = r->tables[kReview];
  REQUIRE(t4.spec != nullptr);
  CHECK(!t4.decided);
  CHECK(t4.spec->version == "2019");

  auto alone = run(kReviewTable);  // nothing to follow: the newest
  CHECK(alone->version == "2021");
  REQUIRE(alone->tables[kReview].spec != nullptr);
  CHECK(alone->tables[kReview].spec->version == "2021");
  CHECK(!alone->tables[kReview].decided);

  auto none = run("某局 2024 年政府信息公开工作年度报告\n一、总体情况\n");
  CHECK(none->version.empty());
  CHECK(none->tables[kApplications].spec == nullptr);
}

TEST_CASE("rows and record: duplicate, unknown and subtotal rows; missing rows; where each value was") {
  auto r = run(
      "三、收到和处理政府信息公开申请情况\n"
      "\t\t自然人\t法人或其他组织\t\t\t\t\t总计\n"
      "\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t\n"
      "一、本年新收政府信息公开申请数量\t\t1\t0\t0\t0\t0\t0\t1\n"
      "一、本年新收政府信息公开申请数量\t\t5\t0\t0\t0\t0\t0\t5\n"
      "(三) 不予公开\t1.属于国家秘密\t1\t0\t0\t0\t0\t0\t1\n"
      "\t2.其他法律行政法规禁止公开\t0\t0\t0\t0\t0\t0\t0\n"
      "\t小计\t2\t0\t0\t0\t0\t0\t2\n"
      "合并单元格说明\t\t1\n");
  const auto& lt = r->tables[kApplications];
  REQUIRE(lt.spec != nullptr);
  auto& diags = r->diags;
  const auto read = passes::read_rows(lt, diags.d);
  CHECK(read.spec == lt.spec);
  REQUIRE(read.rows.size() == 4);
  CHECK(read.rows[0].kind == passes::ReadRow::Kind::data);
  CHECK(read.rows[0].row == 0);
  CHECK(read.rows[1].row == lt.spec->row_index("denied_state_secret"));
  CHECK(read.rows[2].row == lt.spec->row_index("denied_prohibited_by_law"));
  CHECK(read.rows[3].kind == passes::ReadRow::Kind::subtotal);
  CHECK(read.rows[3].group == "denied");  // 小计 closes the group above it
  CHECK(diags.count("duplicate-row") == 1);
  CHECK(diags.find("duplicate-row")->severity == Severity::error);
  CHECK(diags.has("unknown-row-values"));
  CHECK(diags.has("subtotal-row"));

  Record record;
  init_tables(record);
  auto& table = record.tables[kApplications];
  const auto facts = passes::write_table(read, table, diags.d);
  CHECK(table.version == "2021");
  CHECK(record.find("applications", "new_received", "natural_person")->value() == Decimal{1, 0});  // the first kept
  CHECK(record.find("applications", "denied_state_secret", "total")->value() == Decimal{1, 0});
  CHECK(!record.find("applications", "granted", "total")->has_value());
  CHECK(diags.has("missing-row"));
  const auto slot = static_cast<std::size_t>(lt.spec->slot(0, "natural_person"));
  CHECK(facts.value_spans[slot].begin == r->text.find("1\t0\t0\t0\t0\t0\t1"));
  CHECK(facts.row_spans[0].begin == r->text.find("一、本年新收"));
  CHECK(facts.row_spans[1].begin == passes::kNowhere.begin);
  REQUIRE(facts.subtotals.size() == 1);
  CHECK(facts.subtotals[0].group == "denied");
  CHECK(facts.subtotals[0].values[0].first == "natural_person");
  CHECK(facts.subtotals[0].values[0].second == Decimal{2, 0});

  // The subtotal disagrees with its rows: its check fails, per column.
  std::vector<Check> checks;
  passes::run_checks(facts, table, checks, diags.d);
  int subtotal_failed = 0;
  for (const auto& c : checks)
    if (c.rule == "applications.subtotal" && !c.pass) {
      ++subtotal_failed;
      CHECK((c.scope == "denied.natural_person" || c.scope == "denied.total"));
      CHECK(c.lhs == 2);
      CHECK(c.rhs == 1);
    }
  CHECK(subtotal_failed == 2);
}

TEST_CASE("rows: a subtotal row above its group's rows is checked against the group its label names") {
  auto r = run(
      "三、收到和处理政府信息公开申请情况\n"
      "\t\t\t自然人\t法人或其他组织\t\t\t\t\t总计\n"
      "\t\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t\n"
      "\t(二) 部分公开\t\t1\t0\t0\t0\t0\t0\t1\n"
      "\t(三) 不予公开\t小计\t3\t0\t0\t0\t0\t0\t3\n"
      "\t\t1.属于国家秘密\t1\t0\t0\t0\t0\t0\t1\n"
      "\t\t2.其他法律行政法规禁止公开\t2\t0\t0\t0\t0\t0\t2\n"
      "\t(四) 无法提供\t小计\t4\t0\t0\t0\t0\t0\t4\n"
      "\t\t1.本机关不掌握相关政府信息\t4\t0\t0\t0\t0\t0\t4\n");
  const auto& lt = r->tables[kApplications];
  REQUIRE(lt.spec != nullptr);
  const auto read = passes::read_rows(lt, r->diags.d);
  std::vector<std::string_view> groups;
  for (const auto& row : read.rows)
    if (row.kind == passes::ReadRow::Kind::subtotal) groups.push_back(row.group);
  CHECK(groups == std::vector<std::string_view>{"denied", "unable"});
  CHECK(!r->diags.has("unknown-row"));
  CHECK(r->diags.count("subtotal-row") == 2);

  Record record;
  init_tables(record);
  const auto facts = passes::write_table(read, record.tables[kApplications], r->diags.d);
  std::vector<Check> checks;
  passes::run_checks(facts, record.tables[kApplications], checks, r->diags.d);
  int subtotal_checks = 0;
  for (const auto& c : checks)
    if (c.rule == "applications.subtotal") {
      ++subtotal_checks;
      CHECK_MESSAGE(c.pass, c.scope);
    }
  CHECK(subtotal_checks == 14);
}

TEST_CASE("rows: under a header naming only some columns, a row of one value per column is read by position, said once") {
  auto r = run(
      "三、收到和处理政府信息公开申请情况\n"
      "等于第三项加第四项之和）\t自然人\t商业\t科研\t总计\n"  // 总计 over the fourth value
      "一、本年新收政府信息公开申请数量\t1287\t1308\t1329\t1350\t1371\t1392\t8037\n"
      "二、上年结转政府信息公开申请数量\t2\t3\t4\t5\t6\t7\t27\n"
      "（一）予以公开\t1\t2\t3\t4\t5\t6\t21\n");
  const auto& lt = r->tables[kApplications];
  REQUIRE(lt.spec != nullptr);
  const auto read = passes::read_rows(lt, r->diags.d);
  CHECK(read_values(read, lt, "new_received") == std::vector<std::int64_t>{1287, 1308, 1329, 1350, 1371, 1392, 8037});
  CHECK(read_values(read, lt, "carried_over") == std::vector<std::int64_t>{2, 3, 4, 5, 6, 7, 27});
  CHECK(read_values(read, lt, "granted") == std::vector<std::int64_t>{1, 2, 3, 4, 5, 6, 21});
  REQUIRE(r->diags.count("mapped-by-position") == 1);  // once for the table, not per row
  const auto* d = r->diags.find("mapped-by-position");
  CHECK(d->severity == Severity::note);
  CHECK(d->message.find("表三: the header names only some of the columns") == 0);
  CHECK(d->offset == r->text.find("一、本年新收"));  // at the first row read so
  CHECK(!r->diags.has("missing-column"));
  CHECK(!r->diags.has("extra-value"));

  // A row with fewer values than columns is not read by position: which one is missing is not
  // known. It reads under the columns the header does name, and says what it could not place.
  auto s = run(
      "三、收到和处理政府信息公开申请情况\n"
      "等于第三项加第四项之和）\t自然人\t商业\t科研\t总计\n"
      "（一）予以公开\t1\t2\t\t4\t5\t6\t18\n");
  const auto& lt2 = s->tables[kApplications];
  const auto read2 = passes::read_rows(lt2, s->diags.d);
  CHECK(!s->diags.has("mapped-by-position"));
  CHECK(s->diags.has("missing-column"));
  CHECK(s->diags.has("extra-value"));
  CHECK(read_values(read2, lt2, "granted").front() == 1);

  // After a row read by position, a row with blank cells is read in the cells that row used,
  // when its values all stand in them; said by the same note, once.
  auto b = run(
      "三、收到和处理政府信息公开申请情况\n"
      "等于第三项加第四项之和）\t自然人\t商业\t科研\t总计\n"
      "一、本年新收政府信息公开申请数量\t1\t2\t3\t4\t5\t6\t21\n"
      "（一）予以公开\t1\t2\t\t4\t5\t6\t18\n"
      "（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t\t\t1\t\t\t\t1\n"
      "二、上年结转政府信息公开申请数量\t\t1\t2\t3\t4\t5\t6\t21\n");  // one cell right of them: not so
  const auto& lt3 = b->tables[kApplications];
  const auto read3 = passes::read_rows(lt3, b->diags.d);
  CHECK(read_values(read3, lt3, "granted") == std::vector<std::int64_t>{1, 2, -1, 4, 5, 6, 18});
  CHECK(read_values(read3, lt3, "partially_granted") == std::vector<std::int64_t>{-1, -1, 1, -1, -1, -1, 1});
  CHECK(read_values(read3, lt3, "carried_over") == std::vector<std::int64_t>{1, 2, 3, 4, 5, 6, 21});  // seven values: by position
  CHECK(b->diags.count("mapped-by-position") == 1);
  CHECK(b->diags.find("mapped-by-position")->message.find("and rows with fewer in the cells those rows use") != std::string::npos);
  CHECK(!b->diags.has("extra-value"));
  CHECK(!b->diags.has("missing-column"));
  auto c = run(
      "三、收到和处理政府信息公开申请情况\n"
      "等于第三项加第四项之和）\t自然人\t商业\t科研\t总计\n"
      "一、本年新收政府信息公开申请数量\t1\t2\t3\t4\t5\t6\t21\n"
      "（一）予以公开\t\t\t1\t2\t\t4\t5\t6\t18\n");  // values past the cells the row above used
  const auto& lt4 = c->tables[kApplications];
  passes::read_rows(lt4, c->diags.d);
  CHECK(c->diags.has("extra-value"));  // not read in the cells of the row above: its last values are not in them
}

TEST_CASE("rows: a header naming every column is followed, whatever a row's number of values") {
  auto r = run(
      "三、收到和处理政府信息公开申请情况\n"
      "\t\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n"
      "一、本年新收政府信息公开申请数量\t\t1\t2\t3\t4\t5\t6\t21\n"
      "二、上年结转政府信息公开申请数量\t\t\t2\t0\t0\t0\t0\t2\n");  // 自然人 blank: six values
  const auto& lt = r->tables[kApplications];
  const auto read = passes::read_rows(lt, r->diags.d);
  CHECK(read_values(read, lt, "new_received") == std::vector<std::int64_t>{1, 2, 3, 4, 5, 6, 21});
  CHECK(read_values(read, lt, "carried_over") == std::vector<std::int64_t>{-1, 2, 0, 0, 0, 0, 2});
  CHECK(!r->diags.has("mapped-by-position"));
  CHECK(r->diags.list.empty());
}

TEST_CASE("map rows: a generic header (类别 | 数据1 … 数据6 | 总计) is a header naming only 总计, not the row （七）总计") {
  const auto& t3 = spec("2021", kApplications);
  using K = passes::RowInfo::Kind;
  const auto& g = grid({"类别\t\t数据1\t数据2\t数据3\t数据4\t数据5\t数据6\t总计"});
  CHECK(passes::classify_row(g.rows[0], t3).kind == K::header);
  const auto map = passes::read_header({&g.rows[0]}, t3);
  CHECK(map.columns.size() == 1);
  CHECK(map.position("total") == 8);
  CHECK(map.position("natural_person") == -1);
  // The words name no row: （七）总计 with its values is still the row.
  const auto info = passes::classify_row(row("类别\t（七）总计\t1\t0\t0\t0\t0\t0\t1"), t3);
  CHECK(info.kind == K::data);
  CHECK(t3.rows[static_cast<std::size_t>(info.index)].key == "total_processed");
  const auto& g2 = grid({"项目\t数据\t数据2\t合计"});
  CHECK(passes::classify_row(g2.rows[0], t3).kind == K::header);
  // The made-up words name no column and are no header text of their own: without a cell that
  // names a column beside them, the row is no header (and the matcher does not look for them).
  CHECK(!passes::is_header_text(tmpl::matcher().scan("数据1"), "数据1", t3));
  CHECK(passes::classify_row(row("类别\t数据1\t数据2"), t3).kind != K::header);
  CHECK(passes::classify_row(row("数据统计表\t总计"), t3).kind != K::header);  // 数据 then more: not made up
}

TEST_CASE("map rows: a group label split across two rows' cells leaves each row the row its item names") {
  const auto& t3 = spec("2021", kApplications);
  auto key = [&](std::string_view tsv) {
    auto info = passes::classify_row(row(tsv), t3);
    return info.kind == passes::RowInfo::Kind::data ? std::string(t3.rows[static_cast<std::size_t>(info.index)].key)
                                                    : std::string("?");
  };
  CHECK(key("（三）不\t4.保护第三方合法权益\t31\t32\t33\t34\t35\t36\t201") == "denied_third_party");
  CHECK(key("予公开\t5.属于三类内部事务信息\t37\t38\t39\t40\t41\t42\t237") == "denied_internal_affairs");
  CHECK(key("（五）不予\t3.要求提供公开出版物\t1\t0") == "rejected_publication");
  CHECK(key("处理\t4.无正当理由大量反复申请\t1\t0") == "rejected_excessive");
  CHECK(key("（六）其\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t1") == "other_no_correction");
}

TEST_CASE("rows: 表三 cut into small tables, each with its own generic header, is one table read by position once") {
  auto r = run(
      "三、收到和处理政府信息公开申请情况\n"
      "类别\t数据1\t数据2\t数据3\t数据4\t数据5\t数据6\t总计\n"
      "一、本年新收政府信息公开申请数量\t1\t2\t3\t4\t5\t6\t21\n"
      "\n"
      "类别\t数据1\t数据2\t数据3\t数据4\t数据5\t数据6\t总计\n"
      "二、上年结转政府信息公开申请数量\t7\t8\t9\t10\t11\t12\t57\n");
  const auto& lt = r->tables[kApplications];
  CHECK(lt.fragment_starts == std::vector<std::size_t>{0, 2});
  const auto read = passes::read_rows(lt, r->diags.d);
  CHECK(read_values(read, lt, "new_received") == std::vector<std::int64_t>{1, 2, 3, 4, 5, 6, 21});
  CHECK(read_values(read, lt, "carried_over") == std::vector<std::int64_t>{7, 8, 9, 10, 11, 12, 57});
  CHECK(r->diags.count("mapped-by-position") == 1);
  CHECK(!r->diags.has("duplicate-row"));
}

TEST_CASE("reassemble: a label on a line of its own is read with the row of bare values below it") {
  auto r = run(
      "三、收到和处理政府信息公开申请情况\n"
      "\t\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n"
      "一、本年新收政府信息公开申请数量\t\n"
      "\t\t1\t2\t3\t4\t5\t6\t21\n"       // blank cells under the label: the values keep their columns
      "二、上年结转政府信息公开申请数量\t\n"
      "7\t8\t9\t10\t11\t12\t57\n"        // values from the label's column on: they follow the label
      "\t（三）不予公开\t1.属于国家秘密\n"  // a label whose next row has a label of its own: no join
      "\t\t2.其他法律行政法规禁止公开\t0\t0\t0\t0\t0\t0\t0\n"
      "三、本年度办理结果\t\n"            // a caption names no row: no join
      "\t\t0\t0\t0\t0\t0\t0\t0\n");
  const auto& lt = r->tables[kApplications];
  REQUIRE(lt.rows.size() == 7);
  CHECK(lt.rows[1]->cells.size() == 9);
  CHECK(lt.rows[1]->cells[0].text == "一、本年新收政府信息公开申请数量");
  CHECK(lt.rows[1]->cells[2].text == "1");
  CHECK(lt.rows[1]->label_end == 0);
  CHECK(lt.rows[1]->span.begin == r->text.find("一、本年新收"));
  CHECK(lt.rows[2]->cells.size() == 8);
  CHECK(lt.rows[2]->cells[1].text == "7");
  CHECK(lt.rows[3]->cells[2].text == "1.属于国家秘密");
  CHECK(lt.rows[3]->cells.size() == 3);
  REQUIRE(r->diags.count("label-above-values") == 2);
  CHECK(r->diags.find("label-above-values")->offset == r->text.find("一、本年新收"));
  CHECK(r->diags.find("label-above-values")->severity == Severity::note);
  // The tree is not changed.
  CHECK(r->doc.tables[0].rows[1].cells.size() == 2);

  const auto read = passes::read_rows(lt, r->diags.d);
  CHECK(read_values(read, lt, "new_received") == std::vector<std::int64_t>{1, 2, 3, 4, 5, 6, 21});
  CHECK(read_values(read, lt, "carried_over") == std::vector<std::int64_t>{7, 8, 9, 10, 11, 12, 57});
  CHECK(r->diags.has("row-shifted"));  // 二's values one cell left of the header, aligned with it
}

TEST_CASE("checks: every identity appears, and a failure names its scope") {
  Record r;
  init_tables(r, "2021");
  const auto& t3 = spec("2021", kApplications);
  auto& values = r.tables[kApplications].values;
  for (auto& v : values) v = Decimal{0, 0};
  *r.find("applications", "new_received", "natural_person") = Decimal{2, 0};  // but nothing else moves
  *r.find("applications", "new_received", "total") = Decimal{2, 0};
  passes::TableFacts facts;
  facts.spec = &t3;
  facts.span = {0, 10};
  facts.row_spans.assign(t3.rows.size(), passes::kNowhere);
  facts.row_spans[static_cast<std::size_t>(t3.row_index("carried_forward"))] = {100, 110};
  facts.value_spans.assign(t3.record->size, passes::kNowhere);
  Diags d;
  passes::run_checks(facts, r.tables[kApplications], r.checks, d.d);
  CHECK(r.checks.size() == 7 + 7 + 25);  // balance and outcomes per column, row total per row; no 小计
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
  CHECK(d.count("check-failed") == 2);
  CHECK(d.find("check-failed")->offset == 100);  // at the last row the identity names
  CHECK(!r.checks_pass());
}

TEST_CASE("checks: a 小计 column is checked where the report has it; 表四 per group") {
  Record r;
  init_tables(r, "2021");
  const auto& t3 = spec("2021", kApplications);
  passes::TableFacts facts;
  facts.spec = &t3;
  facts.row_spans.assign(t3.rows.size(), passes::kNowhere);
  facts.value_spans.assign(t3.record->size, passes::kNowhere);
  *r.find("applications", "new_received", "commercial") = Decimal{1, 0};
  *r.find("applications", "new_received", "total") = Decimal{1, 0};
  facts.unstored.push_back({0, "legal_subtotal", Decimal{3, 0}, {5, 6}});
  Diags d;
  std::vector<Check> checks;
  passes::run_checks(facts, r.tables[kApplications], checks, d.d);
  int legal = 0;
  for (const auto& c : checks)
    if (c.rule == "applications.legal_subtotal") {
      ++legal;
      CHECK(c.scope == "new_received");
      CHECK(!c.pass);
      CHECK(c.lhs == 3);
      CHECK(c.rhs == 1);
    }
  CHECK(legal == 1);

  const auto& t4 = spec("2021", kReview);
  passes::TableFacts f4;
  f4.spec = &t4;
  f4.row_spans.assign(t4.rows.size(), passes::kNowhere);
  f4.value_spans.assign(t4.record->size, passes::kNowhere);
  *r.find("review_litigation", "litigation_direct", "upheld") = Decimal{1, 0};
  std::vector<Check> checks4;
  passes::run_checks(f4, r.tables[kReview], checks4, d.d);
  REQUIRE(checks4.size() == 3);
  CHECK(checks4[0].scope == "review");
  CHECK(checks4[0].pass);
  CHECK(checks4[1].scope == "litigation_direct");
  CHECK(!checks4[1].pass);
  CHECK(checks4[1].rule == "review_litigation.total");
  CHECK(checks4[2].scope == "litigation_after_review");
}

TEST_CASE("parse_bytes: a 2021 report end to end") {
  const auto text = report(kActiveTable2021, applications_table(true));
  ParseOptions with_positions;
  with_positions.positions = true;
  auto r = parse_bytes(text, "2021.txt", with_positions);
  CAPTURE(warnings_and_errors(r.record));
  CHECK(r.status == Status::ok);
  const auto& rec = r.record;
  CHECK(rec.layout == "tsv");
  CHECK(rec.agency == "某某局");
  CHECK(rec.year == 2024);
  CHECK(rec.template_version == "2021");
  REQUIRE(rec.tables.size() == 3);
  for (const auto& t : rec.tables) CHECK(t.version == "2021");
  CHECK(rec.sections.size() == 6);
  CHECK(rec.find("active_disclosure", "normative_documents", "in_force")->value() == Decimal{7, 0});
  CHECK(rec.find("active_disclosure", "licensing", "decisions")->value() == Decimal{4, 0});
  CHECK(rec.find("active_disclosure", "fees", "amount")->value() == Decimal{16, 2});  // 1600元 in 万元
  CHECK(rec.find("applications", "new_received", "natural_person")->value() == Decimal{1, 0});
  CHECK(rec.find("applications", "other_other", "total")->value() == Decimal{0, 0});
  CHECK(rec.find("applications", "carried_forward", "total")->value() == Decimal{0, 0});
  CHECK(rec.find("review_litigation", "review", "total")->value() == Decimal{2, 0});
  CHECK(rec.find("review_litigation", "review", "pending")->value() == Decimal{1, 0});
  CHECK(warnings_and_errors(rec).empty());
  CHECK(!rec.checks.empty());
  CHECK(rec.checks_pass());
  // Where a value was read (asked for): its cell's line and column.
  const auto& sources = rec.tables[kApplications].sources;
  REQUIRE(sources.size() == rec.tables[kApplications].values.size());
  CHECK(sources[0].line > 0);
}

TEST_CASE("parse_bytes: a 2019 report end to end") {
  const auto text = report(kActiveTable2019, applications_table(false));
  auto r = parse_bytes(text, "2019.txt");
  CAPTURE(warnings_and_errors(r.record));
  CHECK(r.status == Status::ok);
  const auto& rec = r.record;
  CHECK(rec.template_version == "2019");
  REQUIRE(rec.tables.size() == 3);
  for (const auto& t : rec.tables) CHECK(t.version == "2019");
  CHECK(rec.find("active_disclosure", "normative_documents", "total_published")->value() == Decimal{5, 0});
  CHECK(rec.find("active_disclosure", "licensing", "change")->value() == Decimal{-2, 0});
  CHECK(rec.find("active_disclosure", "fees", "change")->value() == Decimal{1, 0});
  CHECK(rec.find("active_disclosure", "procurement", "amount")->value() == Decimal{125, 1});
  CHECK(rec.find("applications", "other_handling", "total")->value() == Decimal{0, 0});
  CHECK(!rec.find("applications", "other_no_correction", "total")->has_value());  // in the record, always null
  CHECK(rec.find("applications", "total_processed", "natural_person")->value() == Decimal{1, 0});
  CHECK(rec.find("review_litigation", "review", "upheld")->value() == Decimal{1, 0});
  CHECK(warnings_and_errors(rec).empty());
  CHECK(rec.checks_pass());
}

TEST_CASE("parse_bytes: a failing check fails the parse, at a cell of the row it is about") {
  std::string t3 = applications_table(true);
  const std::string carried = "四、结转下年度继续办理\t\t0\t0\t0\t0\t0\t0\t0";
  const auto at = t3.find(carried);
  REQUIRE(at != std::string::npos);
  t3.replace(at, carried.size(), "四、结转下年度继续办理\t\t2\t0\t0\t0\t0\t0\t2");
  const auto text = report(kActiveTable2021, t3);
  auto r = parse_bytes(text, "fail.txt");
  CHECK(r.status == Status::failed);
  CHECK(!r.record.checks_pass());
  const Diagnostic* failed = nullptr;
  for (const auto& d : r.record.diagnostics)
    if (d.code == "check-failed" && !failed) failed = &d;
  REQUIRE(failed != nullptr);
  // At the cell it sums in the identity's last row: 四、结转下年度's 自然人, written 2.
  const auto row = r.text.find("四、结转下年度继续办理");
  CHECK(failed->offset == r.text.find("\t2\t", row) + 1);
  CHECK(failed->length == 1);
  CHECK(failed->severity == Severity::error);
  CHECK(failed->message.find("applications.balance") != std::string::npos);
}

TEST_CASE("parse_bytes: the same report in the markdown layout reads the same") {
  const auto tsv = report(kActiveTable2021, applications_table(true));
  const auto markdown = to_markdown(tsv);
  REQUIRE(markdown.find('\t') == std::string::npos);
  auto a = parse_bytes(tsv, "report.txt");
  auto b = parse_bytes(markdown, "report.md");
  CAPTURE(warnings_and_errors(b.record));
  CHECK(b.record.layout == "markdown");
  CHECK(b.status == Status::ok);
  CHECK(b.record.agency == a.record.agency);
  CHECK(b.record.template_version == "2021");
  std::vector<std::string> va, vb;
  auto collect = [](std::vector<std::string>& into) {
    return [&into](std::string_view t, std::string_view r, std::string_view c, const Value& v) {
      into.push_back(fmt::format("{}.{}.{}={}", t, r, c, v ? format_decimal(*v) : "null"));
    };
  };
  for_each_cell(a.record, collect(va));
  for_each_cell(b.record, collect(vb));
  CHECK(va.size() == (3 + 3 + 1 + 1 + 1 + 1) + 25 * 7 + 15);
  CHECK(va == vb);
  CHECK(b.record.checks.size() == a.record.checks.size());
  CHECK(b.record.checks_pass());
}

TEST_CASE("parse_bytes: a 小计 column is read and checked, not stored") {
  const auto text = report(kActiveTable2021, applications_table(true, true));
  auto r = parse_bytes(text, "subtotal.txt");
  CAPTURE(warnings_and_errors(r.record));
  CHECK(r.status == Status::ok);
  const auto& rec = r.record;
  CHECK(rec.tables[kApplications].values.size() == 25 * 7);
  CHECK(rec.find("applications", "granted", "natural_person")->value() == Decimal{1, 0});
  CHECK(rec.find("applications", "granted", "total")->value() == Decimal{1, 0});
  CHECK(rec.find("applications", "granted", "legal_subtotal") == nullptr);
  int legal = 0;
  for (const auto& c : rec.checks) legal += c.rule == "applications.legal_subtotal";
  CHECK(legal == 25);
  CHECK(rec.checks_pass());
  CHECK(warnings_and_errors(rec).empty());
}
