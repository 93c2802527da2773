// Tables read from where text stands (src/frontend/positioned.cpp): through the `aligned` layout
// (text in columns, as pdftotext -layout writes it) and through lines placed as a PDF's words are
// (points, a header that stands over its columns). And the PDF front end's refusals.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "frontend/aligned.hpp"
#include "test_files.hpp"
#include "frontend/positioned.hpp"
#include "xxgk/xxgk.hpp"

using namespace xxgk;
namespace fs = std::filesystem;
namespace pos = xxgk::frontend::positioned;

namespace {

// A row's cells, joined with '|'.
std::string cells(const doc::Row& row) {
  std::string out;
  for (const auto& c : row.cells) out += std::string(out.empty() && &c == &row.cells.front() ? "" : "|") + std::string(c.text);
  return out;
}

// Words placed on a page: text, left, right, and the line's baseline band (top, bottom).
struct Word {
  std::string text;
  double x0, x1, y;
};

// A page of words as the PDF front end hands it over: a source text of its lines (words two
// blanks apart), fragments viewing it. `height`: every word's height in points.
struct Page {
  std::string text;
  std::vector<pos::Line> lines;
  Page(const std::vector<std::vector<Word>>& words, double height = 10) {
    std::vector<std::vector<std::pair<std::size_t, std::size_t>>> at;
    for (const auto& line : words) {
      auto& a = at.emplace_back();
      for (std::size_t k = 0; k < line.size(); ++k) {
        if (k) text += "  ";
        a.push_back({text.size(), line[k].text.size()});
        text += line[k].text;
      }
      text += '\n';
    }
    for (std::size_t i = 0; i < words.size(); ++i) {
      auto& l = lines.emplace_back();
      l.page = 1;
      for (std::size_t k = 0; k < words[i].size(); ++k) {
        const auto& w = words[i][k];
        const auto [b, n] = at[i][k];
        l.fragments.push_back({std::string_view(text).substr(b, n),
                               {static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(b + n)},
                               w.x0, w.x1, w.y, w.y + height});
      }
      const auto b = at[i].front().first, e = at[i].back().first + at[i].back().second;
      l.text = std::string_view(text).substr(b, e - b);
      l.span = {static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e)};
    }
  }
  doc::Document build() const {
    doc::Document d;
    pos::build(lines, {10, 15, 0.35}, d, true);
    return d;
  }
};

}  // namespace

TEST_CASE("aligned: a label wrapped below its values goes with them; a header names the table") {
  const auto d = frontend::parse_aligned(
      "               信息内容      本年制发件数   本年废止件数   现行有效件数\n"
      "  规章                            1             0             11\n"
      "\n"
      "  行政规范性                       8            26             66\n"
      "  文件\n");
  REQUIRE(d.tables.size() == 1);
  const auto& t = d.tables[0];
  CHECK(!t.header_aligned);
  CHECK(t.label_slots == 3);
  REQUIRE(t.rows.size() == 3);  // the header and two rows
  // pdftotext places a header only roughly: it names the table, its cells not the columns
  CHECK(cells(t.rows[0]).starts_with("信息内容|||本年制发件数"));
  CHECK(cells(t.rows[0]).find("现行有效件数") != std::string::npos);
  CHECK(cells(t.rows[1]) == "规章|||1|0|11");
  CHECK(cells(t.rows[2]) == "行政规范性文件|||8|26|66");
}

TEST_CASE("positions: a label wrapped over three lines goes with the values on its middle line") {
  // Rows 6 pt apart more than the lines of one cell (the cells' padding).
  Page p({{{"信息内容", 10, 50, 0}, {"本年制发件数", 100, 160, 0}, {"现行有效件数", 180, 240, 0}},
          {{"规章", 10, 30, 20}, {"1", 127, 133, 20}, {"11", 204, 216, 20}},
          {{"行政规范性", 10, 60, 40}},
          {{"文件（含", 10, 50, 52}, {"8", 127, 133, 52}, {"66", 204, 216, 52}},
          {{"部门文件）", 10, 60, 64}}});
  const auto d = p.build();
  REQUIRE(d.tables.size() == 1);
  const auto& t = d.tables[0];
  CHECK(t.header_aligned);
  REQUIRE(t.rows.size() == 3);
  CHECK(cells(t.rows[1]) == "规章|||1|11");
  CHECK(cells(t.rows[2]) == "行政规范性文件（含部门文件）|||8|66");
}

TEST_CASE("aligned: one blank between two numbers or two Chinese characters parts them; a page break ends a table") {
  const auto d = frontend::parse_aligned(
      "       结果维持 结果纠正 其他结果\n"
      "  复议      72 64 178\n"
      "\f  诉讼      13  4   8\n");
  REQUIRE(d.tables.size() == 2);
  CHECK(cells(d.tables[0].rows.back()) == "复议|||72|64|178");
  CHECK(cells(d.tables[1].rows.back()) == "诉讼|||13|4|8");
}

TEST_CASE("aligned: a row with a column left out is not guessed") {
  std::string report =
      "某局2024年政府信息公开工作年度报告\n一、总体情况\n正文。\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n"
      "                          申请人情况\n"
      "        自然人  商业企业 科研机构 社会公益组织 法律服务机构  总计\n"
      "  一、本年新收政府信息公开申请数量      1      0      0      0      0      1\n"
      "  二、上年结转政府信息公开申请数量      0      0      0      0      0      0\n"
      "四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n";
  const auto r = parse_bytes(report, "r.txt", {"aligned", {}, false});
  CHECK(r.record.layout == "aligned");
  int unplaced = 0;
  for (const auto& d : r.record.diagnostics) unplaced += d.code == "unplaced-values";
  CHECK(unplaced == 2);
  const auto* v = r.record.find("applications", "new_received", "natural_person");
  REQUIRE(v != nullptr);
  CHECK(!v->has_value());  // six values for seven columns: whose is which is not known
}

TEST_CASE("positions: numbers of narrow columns stay apart, words of one label join") {
  // 其他 (narrow) and 总计 side by side, 2 pt apart; a label in two words 3 pt apart.
  Page p({{{"自然人", 100, 130, 0}, {"其他", 150, 170, 0}, {"总计", 180, 200, 0}},
          {{"一、本年新收", 10, 70, 20}, {"申请数量", 73, 93, 20}, {"3001", 105, 125, 20}, {"4", 168, 174, 20},
           {"3050", 176, 196, 20}}});
  const auto d = p.build();
  REQUIRE(d.tables.size() == 1);
  REQUIRE(d.tables[0].rows.size() == 2);
  CHECK(cells(d.tables[0].rows[0]) == "|||自然人|其他|总计");
  CHECK(cells(d.tables[0].rows[1]) == "一、本年新收  申请数量|||3001|4|3050");
}

TEST_CASE("positions: a column no row has a number in is where the header's leaf stands") {
  // 商业企业 and 科研机构 have no number in any row (zero left blank).
  Page p({{{"申请人情况", 150, 250, 0}},
          {{"自然人", 100, 130, 15}, {"商业企业", 150, 190, 15}, {"科研机构", 200, 240, 15}, {"总计", 260, 280, 15}},
          {{"一、本年新收", 10, 70, 30}, {"1", 112, 118, 30}, {"1", 267, 273, 30}},
          {{"（一）予以公开", 10, 80, 45}, {"1", 112, 118, 45}, {"1", 267, 273, 45}}});
  const auto d = p.build();
  REQUIRE(d.tables.size() == 1);
  const auto& t = d.tables[0];
  REQUIRE(t.rows.size() == 3);
  CHECK(cells(t.rows[0]) == "|||自然人|商业企业|科研机构|总计");
  CHECK(cells(t.rows[1]) == "一、本年新收|||1|||1");
}

TEST_CASE("positions: a header at the foot of a page belongs to the rows on the next; a page number between is furniture") {
  Page p({{{"自然人", 100, 130, 800}, {"总计", 260, 280, 800}},
          {{"— 3 —", 180, 210, 830}},
          {{"一、本年新收", 10, 70, 50}, {"1", 112, 118, 50}, {"1", 267, 273, 50}}});
  p.lines[2].page = 2;
  const auto d = p.build();
  REQUIRE(d.tables.size() == 1);
  REQUIRE(d.tables[0].rows.size() == 2);
  CHECK(cells(d.tables[0].rows[0]) == "|||自然人|总计");
  REQUIRE(d.paragraphs.size() == 1);
  CHECK(d.paragraphs[0].text == "— 3 —");
}

TEST_CASE("positions: text spanning several columns names a group and stays out of the leaves") {
  Page p({{{"行政复议", 120, 160, 0}},
          {{"结果维持", 100, 130, 15}, {"总计", 150, 170, 15}},
          {{"5", 112, 118, 30}, {"5", 157, 163, 30}}});
  const auto d = p.build();
  REQUIRE(d.tables.size() == 1);
  CHECK(cells(d.tables[0].rows[0]) == "|||结果维持|总计");
}

TEST_CASE("PDF: what cannot be read is said, with its reason, never a crash") {
  const auto damaged = parse_bytes("%PDF-1.7\n" + std::string(300, '\x01'), "x.pdf");
  CHECK(damaged.status == Status::rejected);
  CHECK(damaged.record.format == "pdf");
  REQUIRE(!damaged.record.diagnostics.empty());
  CHECK(damaged.record.diagnostics[0].code == "pdf-damaged");
}

TEST_CASE("aligned: a character cut short never swallows the blank after it (fuzz_layout_aligned)") {
  // Found by fuzz_layout_aligned: the input's last line ends in a lead byte with one continuation
  // byte of two, then blanks; the run took the blank after it and its cell reached outside its row.
  const std::string text = xxgk::test::slurp(fs::path(XXGK_SOURCE_DIR) / "tests/data/fuzz/aligned-cut-character.bin");
  REQUIRE(text.size() == 6732);
  const auto d = frontend::parse_aligned(text);
  int cells = 0;
  for (const auto& t : d.tables)
    for (const auto& row : t.rows)
      for (const auto& c : row.cells) {
        CHECK(c.span.begin >= row.span.begin);
        CHECK(c.span.end <= row.span.end);
        ++cells;
      }
  CHECK(cells > 100);
}
