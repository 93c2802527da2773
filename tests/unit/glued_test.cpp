// Layout "glued" (grammar/glued.hpp, frontend/glued.cpp) and the cutting of glued digits
// (passes/glued_cells.hpp): the rules, the tree of a glued line, the cuts of one row, and a
// seeded property test end to end: random valid reports written glued (some cells run together,
// some apart), parsed: every value read is the true one, and a value left null is said so.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "frontend/glued.hpp"
#include "grammar/glued.hpp"
#include "passes/glued_cells.hpp"
#include "passes/values.hpp"
#include "template/template.hpp"
#include "unit/random_tables.hpp"
#include "xxgk/xxgk.hpp"

using namespace xxgk;

namespace {

template <typename Rule>
std::size_t match(std::string_view s) {
  tao::pegtl::memory_input<tao::pegtl::tracking_mode::lazy> in(s.data(), s.size(), "");
  if (!tao::pegtl::parse<Rule>(in)) return 0;
  return static_cast<std::size_t>(in.current() - s.data());
}

const tmpl::TableSpec& applications2021() { return tmpl::find_version("2021")->tables[1]; }

// The columns of a row of `spec` as a glued row reads them (no header: no positions).
passes::Columns columns_of(const tmpl::RowSpec& rs) {
  return {rs.columns, rs.column_specs, std::vector<int>(rs.columns.size(), -1), rs.identities};
}

std::vector<passes::GridCell> cells_of(const std::vector<std::string_view>& texts) {
  std::vector<passes::GridCell> cells(texts.size());
  for (std::size_t i = 0; i < texts.size(); ++i) {
    cells[i].text = texts[i];
    cells[i].value = passes::read_value(texts[i]);
  }
  return cells;
}

passes::Splits split(const std::vector<passes::GridCell>& cells, const tmpl::RowSpec& rs) {
  std::vector<const passes::GridCell*> ptrs;
  for (const auto& c : cells) ptrs.push_back(&c);
  return passes::split_glued(ptrs, columns_of(rs));
}

}  // namespace

TEST_CASE("glued rules: headings, captions, numbering, the probe") {
  namespace g = grammar::glued;
  CHECK(match<g::heading>("一、总体情况 2022年") == std::string_view("一、总体情况").size());
  CHECK(match<g::heading>("四、政府信息公开行政法复议、行政诉讼情况行政复议") ==
        std::string_view("四、政府信息公开行政法复议、行政诉讼情况").size());
  CHECK(match<g::heading>("六、其他需要报告的事项 无") == std::string_view("六、其他需要报告的事项").size());
  CHECK(match<g::heading>("一、本年新收政府信息公开申请数量 713000074") == 0);  // a row of 表三
  CHECK(match<g::heading>("三、本年度办理结果 （一）予以公开 210000021") == 0);
  CHECK(match<g::caption>("第二十条第（五）项信息内容") == std::string_view("第二十条第（五）项").size());
  CHECK(match<g::caption>("第二十条规定") == 0);
  CHECK(match<g::row_numbering>("2.其他法律") == 2);
  CHECK(match<g::row_numbering>("9116.36") == 0);  // a number, not a numbering
  CHECK(match<g::row_numbering>("（三）不予公开") > 0);
  CHECK(frontend::probe_glued("一、本年新收政府信息公开申请数量 713000074二、上年结转"));
  CHECK(frontend::probe_glued("一、本年新收政府信息公开申请数量713000074"));
  CHECK_FALSE(frontend::probe_glued("一、本年新收政府信息公开申请数量\t71\t3\t0\t0\t0\t0\t74"));
  CHECK_FALSE(frontend::probe_glued("一、本年新收政府信息公开申请数量    71   3   0"));
  CHECK_FALSE(frontend::probe_glued("2022年全区共主动公开政府信息14571条"));
}

TEST_CASE("glued layout: a line cut into headings, prose and rows") {
  const std::string text =
      "一、总体情况 本年度工作。 二、主动公开政府信息情况第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数 "
      "规章000行政规范性文件8855698 三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） "
      "申请人情况 自然人 一、本年新收政府信息公开申请数量 713000074二、上年结转政府信息公开申请数量 1000001三、本年度办理结果 "
      "（三）不予公开 1.属于国家秘密00000002.其他法律行政法规禁止公开 0000000 五、存在的主要问题及改进情况 无。\n";
  const auto d = frontend::parse_glued(text);
  REQUIRE(d.tables.size() == 2);
  CHECK(d.tables[0].glued);
  CHECK_FALSE(d.tables[0].header_aligned);
  std::vector<std::string_view> paragraphs;
  for (const auto& p : d.paragraphs) paragraphs.push_back(p.text);
  CHECK(paragraphs == std::vector<std::string_view>{"一、总体情况", "本年度工作。", "二、主动公开政府信息情况",
                                                     "三、收到和处理政府信息公开申请情况", "五、存在的主要问题及改进情况", "无。"});
  const auto& t2 = d.tables[0].rows;
  REQUIRE(t2.size() == 4);
  CHECK(t2[0].cells[0].text == "第二十条第（一）项");
  CHECK(t2[1].cells.size() == 4);  // 信息内容 and three column names
  CHECK(t2[2].cells[0].text == "规章");
  CHECK(t2[2].cells[1].text == "000");
  CHECK(t2[3].cells[1].text == "8855698");
  const auto& t3 = d.tables[1].rows;
  REQUIRE(t3.size() == 5);  // the header, 一、, 二、, 三、…1.属于国家秘密, 2.其他法律…
  CHECK(t3[1].cells[1].text == "713000074");
  REQUIRE(t3[3].cells.size() == 4);  // the numbering 1. starts the label, the digits after it are the values
  CHECK(t3[3].cells[1].text == "（三）不予公开");
  CHECK(t3[3].cells[2].text == "1.属于国家秘密");
  CHECK(t3[3].cells[3].text == "0000000");  // its "2." went to the next label
  CHECK(t3[4].cells[0].text == "2.其他法律行政法规禁止公开");
  CHECK(t3[4].cells[1].text == "0000000");
}

TEST_CASE("glued cuts: unique, ambiguous, impossible") {
  const auto& spec = applications2021();
  const auto& row = spec.rows[static_cast<std::size_t>(spec.row_index("new_received"))];
  SUBCASE("one cut satisfies the row total") {
    const auto cells = cells_of({"713000074"});
    const auto s = split(cells, row);
    REQUIRE(s.ways.size() == 1);
    std::vector<std::int64_t> got;
    for (const auto& v : s.ways[0].values) got.push_back(v->units);
    CHECK(got == std::vector<std::int64_t>{71, 3, 0, 0, 0, 0, 74});
  }
  SUBCASE("a long row: found whole, within the work cap") {
    const auto cells = cells_of({"1287130813291350137113928037"});
    const auto s = split(cells, row);
    CHECK_FALSE(s.capped);
    REQUIRE(s.ways.size() == 1);
    CHECK(s.ways[0].values[6]->units == 8037);
    CHECK(s.ways[0].values[0]->units == 1287);
  }
  SUBCASE("two cuts satisfy it: 1 | 10 | … | 11 and 11 | 0 | … | 11") {
    const auto cells = cells_of({"110000011"});
    const auto s = split(cells, row);
    CHECK(s.ways.size() == 2);
    CHECK_FALSE(s.capped);
  }
  SUBCASE("runs apart are cut each on its own") {
    const auto cells = cells_of({"71", "30000", "74"});
    const auto s = split(cells, row);
    REQUIRE(s.ways.size() == 1);
    CHECK(s.ways[0].values[0]->units == 71);
    CHECK(s.ways[0].cells[1] == &cells[1]);
  }
  SUBCASE("no cut satisfies it") {
    const auto cells = cells_of({"9999999"});
    CHECK(split(cells, row).ways.empty());
  }
  SUBCASE("a long run stays within the work cap") {
    const auto cells = cells_of({std::string_view("1234567890123456789012345678901234567890123456789012345678901234567890")});
    const auto s = split(cells, row);
    CHECK(s.ways.size() <= 1);
  }
  SUBCASE("without an identity, every way to write the digits counts") {
    const auto& active = tmpl::find_version("2021")->tables[0];
    const auto& rules = active.rows[0];
    const auto cells = cells_of({"8855698"});
    CHECK(split(cells, rules).ways.size() > 1);
    const auto zeros = cells_of({"000"});
    CHECK(split(zeros, rules).ways.size() == 1);
  }
}

namespace {

// 表三's labels as the 2021 template writes them, in its order.
const char* const kLabels2021[] = {
    "一、本年新收政府信息公开申请数量 ", "二、上年结转政府信息公开申请数量 ", "三、本年度办理结果 （一）予以公开 ",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形） ", "（三）不予公开 1.属于国家秘密", "2.其他法律行政法规禁止公开 ",
    "3.危及“三安全一稳定” ", "4.保护第三方合法权益 ", "5.属于三类内部事务信息 ", "6.属于四类过程性信息 ", "7.属于行政执法案卷 ",
    "8.属于行政查询事项 ", "（四）无法提供 1.本机关不掌握相关政府信息 ", "2.没有现成信息需要另行制作 ", "3.补正后申请内容仍不明确 ",
    "（五）不予处理 1.信访举报投诉类申请 ", "2.重复申请 ", "3.要求提供公开出版物 ", "4.无正当理由大量反复申请 ",
    "5.要求行政机关确认或重新出具已获取信息 ",
    "（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 ",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 ", "3.其他 ", "（七）总计 ", "四、结转下年度继续办理 "};

// The values of a table, glued: each value after the last, a blank between two now and then.
std::string glue(const std::vector<std::int64_t>& values, std::size_t first, std::size_t count, std::mt19937& rng,
                 bool apart = true) {
  std::string s;
  for (std::size_t i = 0; i < count; ++i) {
    if (i > 0 && apart && rng() % 5 == 0) s += ' ';
    s += std::to_string(values[first + i]);
  }
  return s;
}

}  // namespace

TEST_CASE("glued property: random valid reports written glued; never a wrong value, never a silent null") {
  const auto& version = *tmpl::find_version("2021");
  const auto& apps = version.tables[1];
  const auto& review = version.tables[2];
  const auto& shape3 = *apps.record;
  REQUIRE(shape3.rows.size() == std::size(kLabels2021));
  std::mt19937 rng(7103);
  int read = 0, open = 0, by_table = 0;
  for (int round = 0; round < 60; ++round) {
    const auto t3 = testing_tables::random_table(apps, rng, round % 2 ? 30 : 9);
    const auto t4 = testing_tables::random_table(review, rng, 12);
    std::string text = "某县人民政府2023年政府信息公开工作年度报告 一、总体情况 本年度工作。 二、主动公开政府信息情况第二十条第（五）项信息内容本年处理决定数量行政许可5 "
                       "三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） 申请人情况 自然人 ";
    for (std::size_t r = 0; r < shape3.rows.size(); ++r)
      text += kLabels2021[r] + glue(t3, shape3.rows[r].first, shape3.rows[r].columns.size(), rng, r > 0);  // 一、 glued whole: what detects the layout
    text += " 四、政府信息公开行政复议、行政诉讼情况行政复议 行政诉讼 结果维持结果纠正其他结果尚未审结总计 " + glue(t4, 0, t4.size(), rng);
    text += " 五、存在的主要问题及改进情况 无。 六、其他需要报告的事项 无。\n";
    const auto r = parse_bytes(text, "glued.txt");
    CHECK(r.record.layout == "glued");
    REQUIRE(r.record.tables.size() == 3);
    for (auto [table, truth] : {std::pair{1, &t3}, std::pair{2, &t4}}) {
      const auto& got = r.record.tables[static_cast<std::size_t>(table)].values;
      REQUIRE(got.size() == truth->size());
      for (std::size_t i = 0; i < got.size(); ++i) {
        if (got[i]) {
          CHECK(got[i]->units == (*truth)[i]);
          ++read;
        } else {
          ++open;
        }
      }
    }
    // A null is said: every row left open has a glued-ambiguous or glued-unsplit warning.
    bool open_said = false;
    for (const auto& d : r.record.diagnostics) {
      open_said = open_said || d.code == "glued-ambiguous" || d.code == "glued-unsplit";
      by_table += d.code == "glued-split" && d.message.find("table's identities") != std::string::npos;
    }
    bool any_null = false;
    for (int table : {1, 2})
      for (const auto& v : r.record.tables[static_cast<std::size_t>(table)].values) any_null = any_null || !v;
    CHECK(open_said == any_null);
  }
  CHECK(read > open);
  CHECK(by_table > 0);  // some rows had several cuts, and the table chose
  MESSAGE("values read ", read, ", left null ", open, ", rows cut by the table's identities ", by_table);
}
