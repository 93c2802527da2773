// The HTML front end (src/frontend/html.cpp): the character set a page declares and what it is,
// the document tree gumbo's tree becomes (paragraphs, <br>, entities, data and layout tables,
// spans of elements), tables given as images, and the limits that keep a hostile page bounded.
#include <doctest/doctest.h>
#include <iconv.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "diag/diagnostics.hpp"
#include "doc/tree.hpp"
#include "frontend/frontend.hpp"
#include "source.hpp"
#include "test_files.hpp"
#include "xxgk/xxgk.hpp"

namespace fs = std::filesystem;
using namespace xxgk;
using xxgk::test::slurp;

namespace {

const fs::path kHtml = fs::path(XXGK_CORPUS_DIR) / "html";

// What the front end alone makes of a page (kept in place: the tree's views point into it).
struct Read {
  bool ok = false;
  frontend::Output out;
  std::vector<Diagnostic> diags;
};

std::unique_ptr<Read> read(std::string page, const ParseOptions& options = {}) {
  auto r = std::make_unique<Read>();
  diag::Diagnostics d(r->diags);
  r->ok = frontend::read_html(std::move(page), options, r->out, d);
  return r;
}

int count(const std::vector<Diagnostic>& list, std::string_view code) {
  int n = 0;
  for (const auto& d : list) n += d.code == code;
  return n;
}

const Diagnostic* find(const std::vector<Diagnostic>& list, std::string_view code) {
  for (const auto& d : list)
    if (d.code == code) return &d;
  return nullptr;
}

std::vector<std::string> paragraphs(const doc::Document& doc) {
  std::vector<std::string> out;
  for (const auto& p : doc.paragraphs) out.emplace_back(p.text);
  return out;
}

// `utf8` in another encoding (GBK, GB18030).
std::string encode(std::string_view utf8, const char* to) {
  iconv_t cd = iconv_open(to, "UTF-8");
  REQUIRE(cd != reinterpret_cast<iconv_t>(-1));
  std::string out(utf8.size() * 4 + 16, '\0');
  char* in = const_cast<char*>(utf8.data());
  std::size_t in_left = utf8.size(), out_left = out.size();
  char* o = out.data();
  REQUIRE(iconv(cd, &in, &in_left, &o, &out_left) != static_cast<std::size_t>(-1));
  iconv_close(cd);
  out.resize(out.size() - out_left);
  return out;
}

// Line and column of a byte offset of a text.
Location at(std::string_view text, std::uint32_t offset) {
  SourceText s{std::string(text), {}};
  const std::vector<std::uint32_t> offsets{offset};
  return s.locate(offsets)[0];
}

const std::string kTitle = "安阳市科学技术局2023年政府信息公开工作年度报告";

// The record's values, compared as JSON.
std::string values(const Record& r) {
  std::string out;
  for_each_cell(r, [&](std::string_view t, std::string_view row, std::string_view col, const Value& v) {
    out += std::string(t) + "." + std::string(row) + "." + std::string(col) + "=" + (v ? format_decimal(*v) : "null") + "\n";
  });
  return out;
}

}  // namespace

TEST_SUITE("html") {
  // ---- The character set ----

  TEST_CASE("charset: <meta charset=gbk> on GBK bytes is read as GB18030") {
    const auto page = encode("<html><head><meta charset=\"gbk\"><title>x</title></head><body><p>" + kTitle + "</p></body></html>", "GBK");
    const auto r = read(page);
    REQUIRE(r->ok);
    CHECK(r->out.encoding == "GB18030");
    CHECK(paragraphs(r->out.doc) == std::vector<std::string>{"x", kTitle});
    CHECK(count(r->diags, "charset-mismatch") == 0);
  }

  TEST_CASE("charset: http-equiv Content-Type charset=gb2312, in any spelling") {
    for (std::string meta : {"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">",
                             "<META HTTP-EQUIV=content-type CONTENT='text/html;charset=GB2312'>",
                             "<meta http-equiv=\"content-type\" content=\"text/html; charset = 'gbk'\">"}) {
      CAPTURE(meta);
      const auto r = read(encode(meta + "<p>" + kTitle + "</p>", "GBK"));
      REQUIRE(r->ok);
      CHECK(r->out.encoding == "GB18030");
      CHECK(paragraphs(r->out.doc) == std::vector<std::string>{kTitle});
      CHECK(r->diags.empty());
    }
  }

  TEST_CASE("charset: a page that declares UTF-8 and is GB18030 is read as detected, with a warning at its <meta>") {
    const std::string page = "<!DOCTYPE html>\n<html><head>\n  <meta charset=\"utf-8\">\n</head><body><p>" + kTitle + "</p></body></html>";
    const auto r = read(encode(page, "GB18030"));
    REQUIRE(r->ok);
    CHECK(r->out.encoding == "GB18030");
    CHECK(paragraphs(r->out.doc) == std::vector<std::string>{kTitle});
    const auto* d = find(r->diags, "charset-mismatch");
    REQUIRE(d != nullptr);
    CHECK(d->severity == Severity::warning);
    CHECK(d->message.find("declares charset 'utf-8' but is not UTF-8") != std::string::npos);
    CHECK(d->message.find("read as GB18030") != std::string::npos);
    CHECK(at(r->out.source.text, d->offset) == Location{3, 3});  // the <meta>

    // The same through the pipeline: a warning, the page's text read.
    const auto whole = parse_bytes(encode(page, "GB18030"), "page.html");
    CHECK(whole.record.encoding == "GB18030");
  }

  TEST_CASE("charset: a page that declares GBK and is UTF-8 is read as UTF-8, with a warning") {
    const auto r = read("<meta charset=\"gbk\"><p>" + kTitle + "</p>");
    REQUIRE(r->ok);
    CHECK(r->out.encoding == "UTF-8");
    CHECK(paragraphs(r->out.doc) == std::vector<std::string>{kTitle});
    const auto* d = find(r->diags, "charset-mismatch");
    REQUIRE(d != nullptr);
    CHECK(d->message == "the page declares charset 'gbk' but is UTF-8: read as UTF-8");
  }

  TEST_CASE("charset: an unknown charset is reported and the bytes detected; none declared is detected quietly") {
    const auto unknown = read(encode("<meta charset=\"x-klingon\"><p>" + kTitle + "</p>", "GBK"));
    REQUIRE(unknown->ok);
    CHECK(unknown->out.encoding == "GB18030");
    const auto* d = find(unknown->diags, "charset-mismatch");
    REQUIRE(d != nullptr);
    CHECK(d->message.find("which xxgk does not know") != std::string::npos);

    const auto none = read(encode("<html><body><p>" + kTitle + "</p></body></html>", "GBK"));
    REQUIRE(none->ok);
    CHECK(none->out.encoding == "GB18030");
    CHECK(none->diags.empty());
  }

  TEST_CASE("charset: a BOM wins over the declaration; ParseOptions::encoding over both") {
    const auto bom = read("\xEF\xBB\xBF<meta charset=\"gbk\"><p>" + kTitle + "</p>");
    REQUIRE(bom->ok);
    CHECK(bom->out.encoding == "UTF-8");
    CHECK(bom->diags.empty());

    ParseOptions forced;
    forced.encoding = "GBK";
    const auto r = read(encode("<meta charset=\"utf-8\"><p>" + kTitle + "</p>", "GBK"), forced);
    REQUIRE(r->ok);
    CHECK(r->out.encoding == "GBK");
    CHECK(paragraphs(r->out.doc) == std::vector<std::string>{kTitle});
    CHECK(r->diags.empty());
  }

  TEST_CASE("charset: the corpus pages that declare GBK, GB2312 and UTF-8 wrongly read like the UTF-8 page") {
    const auto utf8 = parse_file((kHtml / "seed-004.html").string());
    for (const char* name : {"gbk.html", "gb2312-http-equiv.html", "declares-utf8-is-gb18030.html"}) {
      CAPTURE(name);
      const auto r = parse_file((kHtml / name).string());
      CHECK(r.record.encoding == "GB18030");
      CHECK(values(r.record) == values(utf8.record));
      CHECK(r.record.agency == utf8.record.agency);
      CHECK(count(r.record.diagnostics, "charset-mismatch") == (std::string(name) == "declares-utf8-is-gb18030.html"));
    }
  }

  // ---- The tree ----

  TEST_CASE("tree: block elements are paragraphs; inline ones join; scripts, styles, comments and head are skipped") {
    const auto r = read(
        "<!DOCTYPE html><html><head><meta name=\"x\" content=\"一、总体情况\"><title>标题_栏目</title>"
        "<style>p{color:red}</style><script>var s = '二、主动公开';</script><link rel=stylesheet href=a.css></head>"
        "<body><!-- 三、收到 --><div>首页<span>政务</span><a>公开</a><p>段落<b>一</b><i>二</i></p>尾巴</div>"
        "<ul><li>甲</li><li>乙</li></ul><h2>  二、主动公开政府信息情况 </h2><noscript>启用脚本</noscript>"
        "<select><option>选项</option></select><p>\n \t </p></body></html>");
    REQUIRE(r->ok);
    CHECK(paragraphs(r->out.doc) ==
          std::vector<std::string>{"标题_栏目", "首页政务公开", "段落一二", "尾巴", "甲", "乙", "二、主动公开政府信息情况"});
    CHECK(r->out.layout.empty());
    CHECK(r->out.encoding == "UTF-8");
  }

  TEST_CASE("tree: entities are decoded, &nbsp; and runs of blanks are one blank, <br> splits a paragraph") {
    const auto r = read("<p>A&nbsp;&nbsp;B &amp; C&#x4E00;&#20108;&lt;三&gt;&ldquo;四&rdquo;</p>"
                        "<p>第一行<br>第二行<br/>\n<br>第三行</p><p>&nbsp;&nbsp;缩进的段落&nbsp;</p>");
    REQUIRE(r->ok);
    CHECK(paragraphs(r->out.doc) ==
          std::vector<std::string>{"A B & C一二<三>“四”", "第一行", "第二行", "第三行", "缩进的段落"});
  }

  TEST_CASE("tree: a paragraph's span covers its element; text as written is a view of the page, decoded text is stored") {
    const std::string page = "<body>\n<p class=\"a\">一、总体情况</p>\n<p>甲&amp;乙</p>\n<div>前<p>中</p>后</div></body>";
    const auto r = read(page);
    REQUIRE(r->ok);
    const auto& text = r->out.source.text;
    const auto& ps = r->out.doc.paragraphs;
    REQUIRE(ps.size() == 5);
    CHECK(ps[0].span.begin == text.find("<p class"));
    CHECK(ps[0].span.end == text.find("\n<p>甲"));
    CHECK(ps[0].text.data() >= text.data());  // a view of the page
    CHECK(ps[0].text.data() < text.data() + text.size());
    CHECK(ps[1].text == "甲&乙");
    CHECK(ps[1].span.begin == text.find("<p>甲"));
    CHECK((ps[1].text.data() < text.data() || ps[1].text.data() >= text.data() + text.size()));  // stored
    CHECK(ps[2].text == "前");
    CHECK(ps[2].span.begin == text.find("<div>"));
    CHECK(ps[3].span.begin == text.find("<p>中"));
    CHECK(ps[4].text == "后");
    CHECK(ps[4].span.begin == text.find("后"));
    CHECK(ps[4].span.end == text.find("</body>"));
    for (const auto& p : ps) CHECK(p.span.end <= text.size());
  }

  TEST_CASE("tree: a data table's rows and cells, text joined from p/span/font/strong, <br> and blocks as one blank") {
    const std::string page =
        "<table border=1><tbody>\n"
        "<tr><td rowspan=\"3\" colspan=\"2\"><p><span>三、本年度</span><span>办理结果</span></p></td>"
        "<td><font face=\"宋体\"><strong>（一）</strong>予以公开</font></td><td>&nbsp;1&nbsp;</td></tr>\n"
        "<tr><th>结果<br>维持</th><td><p>a</p><p>b</p></td></tr>\n"
        "<tr><td colspan=0>x</td><td colspan=\"99999\">y</td><td rowspan=\" 2x\"></td></tr>\n"
        "</tbody></table>";
    const auto r = read(page);
    REQUIRE(r->ok);
    const auto& text = r->out.source.text;
    REQUIRE(r->out.doc.tables.size() == 1);
    const auto& t = r->out.doc.tables[0];
    CHECK(t.span.begin == text.find("<table"));
    CHECK(t.span.end == text.size());
    REQUIRE(t.rows.size() == 3);
    CHECK(t.rows[0].span.begin == text.find("<tr>"));
    REQUIRE(t.rows[0].cells.size() == 3);
    const auto& c = t.rows[0].cells;
    CHECK(c[0].text == "三、本年度办理结果");
    CHECK(c[0].rowspan == 3);
    CHECK(c[0].colspan == 2);
    CHECK(c[0].span.begin == text.find("<td rowspan"));
    CHECK(c[0].span.end == text.find("<td><font"));
    CHECK(c[1].text == "（一）予以公开");
    CHECK(c[2].text == "1");
    CHECK(t.rows[1].cells[0].text == "结果 维持");
    CHECK(t.rows[1].cells[1].text == "a b");
    const auto& last = t.rows[2].cells;
    CHECK(last[0].colspan == 1);     // 0 is 1
    CHECK(last[1].colspan == 1000);  // the HTML standard's cap
    CHECK(last[2].rowspan == 2);     // leading digits
    CHECK(last[2].text.empty());
    CHECK(r->out.doc.paragraphs.empty());
  }

  TEST_CASE("tree: a layout table is read through: its text is paragraphs, its inner tables are the tables") {
    const std::string page =
        "<table width=1000><tr><td><ul><li>信息公开指南</li><li>信息公开年报</li></ul></td><td>"
        "<h1>" + kTitle + "</h1><p>一、总体情况</p><p>正文。</p><p>二、主动公开政府信息情况</p>"
        "<table><tr><td>信息内容</td><td>本年制发件数</td></tr><tr><td>规章</td><td>0</td></tr></table>"
        "<table><tr><td>一个格子的框</td></tr></table>"
        "</td></tr></table>";
    const auto r = read(page);
    REQUIRE(r->ok);
    CHECK(paragraphs(r->out.doc) == std::vector<std::string>{"信息公开指南", "信息公开年报", kTitle, "一、总体情况", "正文。",
                                                             "二、主动公开政府信息情况", "一个格子的框"});
    REQUIRE(r->out.doc.tables.size() == 1);
    CHECK(r->out.doc.tables[0].rows.size() == 2);

    // The corpus page: the report inside a layout table, with the record of the page without one.
    const auto plain = parse_file((kHtml / "seed-004.html").string());
    const auto laid = parse_file((kHtml / "layout-table.html").string());
    CHECK(values(laid.record) == values(plain.record));
    CHECK(laid.record.sections.size() == 6);
    CHECK(laid.status == Status::ok);
  }

  TEST_CASE("tree: a table whose cells hold long runs of paragraphs, or headings, lays out the page") {
    std::string long_text;
    for (int i = 0; i < 20; ++i) long_text += "本机关认真贯彻落实条例。";
    const auto r = read("<table><tr><td><p>" + long_text + "</p><p>" + long_text + "</p></td><td>侧栏</td></tr></table>"
                        "<table><tr><td><h2>标题</h2></td><td>x</td></tr></table>");
    REQUIRE(r->ok);
    CHECK(r->out.doc.tables.empty());
    CHECK(r->out.doc.paragraphs.size() == 5);
  }

  TEST_CASE("tree: one report table cut into several <table> elements is joined again (the reassemble pass)") {
    const auto whole = parse_file((kHtml / "seed-004.html").string());
    const auto split = parse_file((kHtml / "split-table.html").string());
    CHECK(split.status == Status::ok);
    CHECK(values(split.record) == values(whole.record));
    CHECK(split.record.checks.size() == whole.record.checks.size());
    const auto r = read(slurp(kHtml / "split-table.html"));
    CHECK(r->out.doc.tables.size() == 5);  // 表二, 表三 in three, 表四
  }

  TEST_CASE("tree: a value's diagnostic points at its <td>") {
    std::string page = slurp(kHtml / "seed-004.html");
    const auto row = page.find("一、本年新收政府信息公开申请数量");
    REQUIRE(row != std::string::npos);
    const auto value = page.find(">1<", row);  // 自然人: 1
    REQUIRE(value != std::string::npos);
    const auto td = page.rfind("<td", value);
    page.replace(value + 1, 1, "1a");
    const auto r = parse_bytes(page, "page.html");
    const Diagnostic* d = find(r.record.diagnostics, "invalid-value");
    REQUIRE(d != nullptr);
    CHECK(d->offset == td);
    CHECK(d->at == at(r.text, static_cast<std::uint32_t>(td)));
    const auto rendered = render_diagnostics(r.record, r.text);
    CHECK(rendered.find("page.html:" + std::to_string(d->at.line) + ":" + std::to_string(d->at.column) + ": error:") !=
          std::string::npos);
  }

  TEST_CASE("tree: the real pages' paragraphs and cells lie inside the text, rows and cells in order") {
    for (const char* name : {"pingtan_2022_page.html", "pingtan_2020_page_oldformat.html"}) {
      CAPTURE(name);
      const auto r = read(slurp(kHtml / name));
      REQUIRE(r->ok);
      const auto size = r->out.source.text.size();
      CHECK(r->out.doc.tables.size() == 3);
      for (const auto& p : r->out.doc.paragraphs) CHECK((p.span.begin <= p.span.end && p.span.end <= size));
      for (const auto& t : r->out.doc.tables) {
        std::uint32_t last = t.span.begin;
        for (const auto& row : t.rows) {
          CHECK(row.span.begin >= last);
          for (const auto& c : row.cells) {
            CHECK(c.span.begin >= row.span.begin);
            CHECK(c.span.end <= row.span.end);
          }
          last = row.span.end;
        }
        CHECK(last <= t.span.end);
      }
    }
  }

  // ---- Tables as images ----

  TEST_CASE("images: a section that shows its table only as an image says so; missing-table follows") {
    const auto r = parse_file((kHtml / "tables-as-images.html").string());
    CHECK(r.status == Status::failed);
    CHECK(count(r.record.diagnostics, "table-image") == 3);
    CHECK(count(r.record.diagnostics, "missing-table") == 3);
    const auto* d = find(r.record.diagnostics, "table-image");
    REQUIRE(d != nullptr);
    CHECK(d->message == "表二 (主动公开政府信息情况) is on the page only as an image (/u/cms/www/2024/table1.png): there is "
                        "no table text to read");
    CHECK(r.text.substr(d->offset, 4) == "<img");

    // An image beside a table (a chart, a logo) is no table image.
    const auto chart = read("<p>二、主动公开政府信息情况</p><p><img src=\"chart.png\"></p><table><tr><td>规章</td><td>0</td></tr></table>"
                            "<p>三、收到和处理政府信息公开申请情况</p><p>表格见附件。</p>");
    CHECK(count(chart->diags, "table-image") == 0);
  }

  // ---- Limits ----

  TEST_CASE("limits: elements nested deeper than 512 stop the parser there; the page before is read") {
    std::string page = "<p>" + kTitle + "</p>";
    for (int i = 0; i < 100000; ++i) page += "<div>";
    page += "深处的文字";
    const auto r = read(page);
    REQUIRE(r->ok);
    CHECK(count(r->diags, "html-too-deep") == 1);
    const auto* d = find(r->diags, "html-too-deep");
    REQUIRE(d != nullptr);
    CHECK(d->message.find("more than 512 deep") != std::string::npos);
    CHECK(d->offset > page.find("<div>") + 400 * 5);
    CHECK(d->offset < page.find("<div>") + 600 * 5);
    CHECK(paragraphs(r->out.doc) == std::vector<std::string>{kTitle});

    // Nested tables (each a cell of the one around it) and spans before a <frameset>.
    std::string tables = "<p>x</p>";
    for (int i = 0; i < 5000; ++i) tables += "<table><tr><td>";
    CHECK(count(read(tables)->diags, "html-too-deep") == 1);
    std::string spans = "<body>";
    for (int i = 0; i < 300000; ++i) spans += "<span>";
    spans += "<frameset>";
    CHECK(read(spans)->ok);
  }

  TEST_CASE("limits: formatting elements reopened over and over exhaust the parser's memory budget: html-too-complex") {
    std::string page = "<p>";
    for (int i = 0; i < 500; ++i) page += "<b id=" + std::to_string(i) + ">";
    page += "</p>";
    for (int i = 0; i < 20000; ++i) page += "<p>x</p>";
    const auto r = read(page);
    CHECK(!r->ok);
    REQUIRE(count(r->diags, "html-too-complex") == 1);
    CHECK(find(r->diags, "html-too-complex")->message.find("needs more than") != std::string::npos);
    const auto whole = parse_bytes(page, "bomb.html");
    CHECK(whole.status == Status::rejected);
    REQUIRE(whole.record.diagnostics.size() == 1);
    CHECK(whole.record.diagnostics[0].code == "html-too-complex");
  }

  TEST_CASE("limits: a tag with tens of thousands of attributes: html-too-complex") {
    std::string page = "<p>x</p><a";
    for (int i = 0; i < 40000; ++i) page += " a" + std::to_string(i);
    page += ">";
    const auto r = read(page);
    CHECK(!r->ok);
    REQUIRE(count(r->diags, "html-too-complex") == 1);
    CHECK(find(r->diags, "html-too-complex")->message.find("attributes") != std::string::npos);
  }

  TEST_CASE("limits: more than 2 500 000 tags: the page is read up to there") {
    std::string page = "<p>" + kTitle + "</p>";
    for (int i = 0; i < 2'500'100; ++i) page += "<head>";  // a tag the parser ignores in a page's body
    page += "<p>后</p>";
    const auto r = read(page);
    REQUIRE(r->ok);
    const auto* d = find(r->diags, "html-too-many-tags");
    REQUIRE(d != nullptr);
    CHECK(d->offset == page.find("<head>") + 6 * 2'499'999);  // the 2 500 001st tag
    CHECK(paragraphs(r->out.doc) == std::vector<std::string>{kTitle});
  }

  TEST_CASE("limits: an HTML bomb of tiny cells stops at doc::kMaxNodes (truncated_at), like the text front end") {
    std::string page = "<p>" + kTitle + "</p><table><tr>";
    page.reserve(page.size() + 4 * (doc::kMaxNodes + 10));
    for (std::size_t i = 0; i < doc::kMaxNodes + 10; ++i) page += "<td>";
    const auto r = read(page);
    REQUIRE(r->ok);
    const auto& d = r->out.doc;
    REQUIRE(d.truncated_at != UINT32_MAX);
    std::size_t nodes = d.paragraphs.size();
    for (const auto& t : d.tables) {
      nodes += t.rows.size();
      for (const auto& row : t.rows) nodes += row.cells.size();
    }
    CHECK(nodes == doc::kMaxNodes);
    // Where it stopped: the first <td> past the limit (a paragraph and a row came before).
    CHECK(d.truncated_at == page.find("<td>") + 4 * (doc::kMaxNodes - 2));
  }
}
