// The Word (.docx) front end (src/frontend/docx.cpp): the tree it builds from word/document.xml
// (runs, tables, spans, nested tables), the positions of its diagnostics, and its limits on
// hostile files. The .docx files are made here with libzip.
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <zip.h>

#include <string>
#include <utility>
#include <vector>

#include "frontend/frontend.hpp"
#include "passes/grid.hpp"
#include "passes/outline.hpp"
#include "template/template.hpp"
#include "test_files.hpp"
#include "xxgk/xxgk.hpp"

using namespace xxgk;

namespace {

using Files = std::vector<std::pair<std::string, std::string>>;

// A ZIP archive of `files`, made with libzip in memory.
std::string make_zip(const Files& files, zip_int32_t method = ZIP_CM_DEFLATE, zip_uint32_t level = 6) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(nullptr, 0, 0, &error);
  REQUIRE(source != nullptr);
  zip_source_keep(source);
  zip_t* za = zip_open_from_source(source, ZIP_TRUNCATE, &error);
  REQUIRE(za != nullptr);
  for (const auto& [name, data] : files) {
    zip_source_t* s = zip_source_buffer(za, data.data(), data.size(), 0);
    REQUIRE(s != nullptr);
    const zip_int64_t index = zip_file_add(za, name.c_str(), s, ZIP_FL_ENC_UTF_8);
    REQUIRE(index >= 0);
    REQUIRE(zip_set_file_compression(za, static_cast<zip_uint64_t>(index), method, level) == 0);
  }
  REQUIRE(zip_close(za) == 0);
  REQUIRE(zip_source_open(source) == 0);
  zip_stat_t stat;
  zip_stat_init(&stat);
  REQUIRE(zip_source_stat(source, &stat) == 0);
  std::string out(stat.size, '\0');
  REQUIRE(zip_source_read(source, out.data(), stat.size) == static_cast<zip_int64_t>(stat.size));
  zip_source_close(source);
  zip_source_free(source);
  zip_error_fini(&error);
  return out;
}

constexpr const char* kOpen =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>";
constexpr const char* kClose = "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr></w:body></w:document>";

std::string document(const std::string& body) { return kOpen + body + kClose; }

std::string docx(const std::string& body) {
  return make_zip({{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", document(body)}});
}

std::string xml_escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '&') out += "&amp;";
    else out += c;
  }
  return out;
}

std::string p(std::string_view text) { return "<w:p><w:r><w:t xml:space=\"preserve\">" + xml_escape(text) + "</w:t></w:r></w:p>"; }

// A body from text in the tsv layout: a line with a tab is a table row (a w:tc per field),
// consecutive rows a table; any other line a paragraph.
std::string body_of_tsv(std::string_view text) {
  std::string body;
  bool in_table = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    auto nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    const auto line = text.substr(pos, nl - pos);
    pos = nl + 1;
    const bool row = line.find('\t') != std::string_view::npos;
    if (row && !in_table) body += "<w:tbl><w:tblPr/>";
    if (!row && in_table) body += "</w:tbl>";
    in_table = row;
    if (!row) {
      body += p(line);
      continue;
    }
    body += "<w:tr>";
    std::size_t f = 0;
    for (;;) {
      const auto tab = line.find('\t', f);
      body += "<w:tc>" + p(line.substr(f, tab == std::string_view::npos ? std::string_view::npos : tab - f)) + "</w:tc>";
      if (tab == std::string_view::npos) break;
      f = tab + 1;
    }
    body += "</w:tr>";
  }
  if (in_table) body += "</w:tbl>";
  return body;
}

struct Read {
  bool ok = false;
  frontend::Output out;
  std::vector<Diagnostic> diagnostics;
};

Read read(const std::string& bytes) {
  Read r;
  diag::Diagnostics diags(r.diagnostics);
  r.ok = frontend::read_docx(bytes, {}, r.out, diags);
  return r;
}

int count(const Record& r, std::string_view code) {
  int n = 0;
  for (const auto& d : r.diagnostics) n += d.code == code;
  return n;
}

const Diagnostic* find(const Record& r, std::string_view code) {
  for (const auto& d : r.diagnostics)
    if (d.code == code) return &d;
  return nullptr;
}

std::string seed(std::string_view name) { return test::slurp(std::string(XXGK_CORPUS_DIR) + "/" + std::string(name)); }

}  // namespace

TEST_CASE("docx: a Word file is read by its front end, a legacy .doc or .wps is named and refused") {
  CHECK(frontend::front_end_for(frontend::Format::docx) != nullptr);
  CHECK(frontend::sniff(docx(p("x"))) == frontend::Format::docx);

  // An OLE2 compound file: Word 97-2003 .doc, WPS .wps, Excel .xls.
  std::string ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  ole.resize(512, '\0');
  auto r = parse_bytes(ole, "report.wps");
  CHECK(r.status == Status::rejected);
  CHECK(r.record.format == "ole");
  REQUIRE(r.record.diagnostics.size() == 1);
  CHECK(r.record.diagnostics[0].code == "unsupported-format");
  CHECK(r.record.diagnostics[0].message.find("a legacy Word, WPS or Excel file (.doc, .wps, .xls)") != std::string::npos);
  CHECK(r.record.diagnostics[0].message.find("save it as .docx") != std::string::npos);
}

TEST_CASE("docx: paragraphs in order, text split across runs joined, tab and line break") {
  const auto body =
      "<w:p><w:pPr><w:pStyle w:val=\"Title\"/><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr>"
      "<w:r><w:rPr><w:b/></w:rPr><w:t>某局</w:t></w:r><w:r><w:t>20</w:t></w:r>"
      "<w:r><w:t xml:space=\"preserve\">24 年政府信息公开</w:t></w:r><w:proofErr w:type=\"spellStart\"/>"
      "<w:hyperlink r:id=\"x\" xmlns:r=\"r\"><w:r><w:t>工作</w:t></w:r></w:hyperlink>"
      "<w:ins w:id=\"1\"><w:r><w:t>年度</w:t></w:r></w:ins><w:del w:id=\"2\"><w:r><w:delText>删除</w:delText></w:r></w:del>"
      "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>"
      "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>报告</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>"
      "<w:p><w:r><w:t>一、</w:t><w:tab/><w:t>总体情况</w:t></w:r></w:p>"
      "<w:p/>"
      "<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t></w:r></w:p>";
  auto r = read(docx(body));
  REQUIRE(r.ok);
  const auto& doc = r.out.doc;
  REQUIRE(doc.paragraphs.size() == 4);  // the empty paragraph is a blank line, not a paragraph
  CHECK(doc.paragraphs[0].text == "某局2024 年政府信息公开工作年度报告");
  CHECK(doc.paragraphs[1].text == "一、 总体情况");
  CHECK(doc.paragraphs[2].text == "第一行");  // a line break starts a line of its own
  CHECK(doc.paragraphs[3].text == "第二行");
  CHECK(r.out.source.text == "某局2024 年政府信息公开工作年度报告\n一、 总体情况\n\n第一行\n第二行\n");
  for (const auto& para : doc.paragraphs)  // views of the source text, exactly their spans
    CHECK(para.text.data() == r.out.source.text.data() + para.span.begin);

  // Anchors: each w:p is a paragraph of the body, counted as Word shows them (the empty one too).
  const std::vector<std::uint32_t> offsets = {doc.paragraphs[0].span.begin, doc.paragraphs[1].span.begin,
                                              doc.paragraphs[2].span.begin, doc.paragraphs[3].span.begin};
  const auto at = r.out.source.locate(offsets);
  CHECK(at[0] == Location{.paragraph = 1});
  CHECK(at[1] == Location{.paragraph = 2});
  CHECK(at[2] == Location{.paragraph = 4});
  CHECK(at[3] == Location{.paragraph = 4});

  auto outline = passes::read_outline(doc);
  CHECK(outline.title.found);
  CHECK(outline.title.agency == "某局");
  CHECK(outline.title.year == 2024);
  REQUIRE(outline.headings.size() == 1);
  CHECK(outline.headings[0].number == 1);
}

TEST_CASE("docx: content controls, smart tags and alternate content are read through; text boxes are not") {
  const std::string body =
      "<w:sdt><w:sdtPr><w:alias w:val=\"标题\"/></w:sdtPr><w:sdtContent>" + p("某局2024年政府信息公开工作年度报告") +
      "</w:sdtContent></w:sdt>"
      "<w:p><w:smartTag w:uri=\"u\" w:element=\"e\"><w:r><w:t>一、总体</w:t></w:r></w:smartTag>"
      "<w:customXml w:element=\"x\"><w:r><w:t>情况</w:t></w:r></w:customXml>"
      "<w:fldSimple w:instr=\"PAGE\"><w:r><w:t>（续）</w:t></w:r></w:fldSimple></w:p>"
      "<w:p xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"><w:r><w:t>正文</w:t></w:r>"
      "<mc:AlternateContent><mc:Choice Requires=\"w14\"><w:r><w:t>甲</w:t></w:r></mc:Choice>"
      "<mc:Fallback><w:r><w:t>乙</w:t></w:r></mc:Fallback></mc:AlternateContent>"
      "<w:r><w:drawing><wp:inline xmlns:wp=\"wp\"><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent>"
      "</wp:inline></w:drawing></w:r></w:p>"
      "<w:tbl><w:sdt><w:sdtContent><w:tr><w:customXml><w:tc>" + p("规章") + "</w:tc></w:customXml><w:tc>" + p("1") +
      "</w:tc></w:tr></w:sdtContent></w:sdt></w:tbl>";
  auto r = read(docx(body));
  REQUIRE(r.ok);
  const auto& doc = r.out.doc;
  REQUIRE(doc.paragraphs.size() == 3);
  CHECK(doc.paragraphs[0].text == "某局2024年政府信息公开工作年度报告");
  CHECK(doc.paragraphs[1].text == "一、总体情况（续）");
  CHECK(doc.paragraphs[2].text == "正文甲");  // mc:Choice read once; the text box's paragraph not read
  REQUIRE(doc.tables.size() == 1);
  REQUIRE(doc.tables[0].rows.size() == 1);
  REQUIRE(doc.tables[0].rows[0].cells.size() == 2);
  CHECK(doc.tables[0].rows[0].cells[0].text == "规章");
  CHECK(doc.tables[0].rows[0].cells[1].text == "1");
}

TEST_CASE("docx: gridSpan, vMerge (restart, continue, no value), gridBefore and gridAfter") {
  auto tc = [](std::string_view props, std::string_view text) {
    return "<w:tc><w:tcPr><w:tcW w:w=\"100\" w:type=\"dxa\"/>" + std::string(props) + "</w:tcPr>" +
           (text.empty() ? std::string("<w:p/>") : p(text)) + "</w:tc>";
  };
  const std::string body =
      "<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
      "<w:tr>" + tc("<w:gridSpan w:val=\"2\"/><w:vMerge w:val=\"restart\"/>", "左上") + tc("<w:gridSpan w:val=\"2\"/>", "申请人情况") + "</w:tr>"
      "<w:tr>" + tc("<w:gridSpan w:val=\"2\"/><w:vMerge w:val=\"continue\"/>", "") + tc("", "自然人") + tc("", "总计") + "</w:tr>"
      "<w:tr>" + tc("<w:vMerge w:val=\"restart\"/>", "三、本年度办理结果") + tc("", "(一)") + tc("", "1") + tc("", "1") + "</w:tr>"
      "<w:tr>" + tc("<w:vMerge/>", "") + tc("", "(二)") + tc("", "0") + tc("", "0") + "</w:tr>"
      "<w:tr><w:trPr><w:gridBefore w:val=\"1\"/><w:gridAfter w:val=\"2\"/></w:trPr>" + tc("", "前后") + "</w:tr>"
      "</w:tbl>";
  auto r = read(docx(body));
  REQUIRE(r.ok);
  REQUIRE(r.out.doc.tables.size() == 1);
  const auto& t = r.out.doc.tables[0];
  REQUIRE(t.rows.size() == 5);
  // Row 1: both cells span two columns; the first restarts a merge over row 2.
  REQUIRE(t.rows[0].cells.size() == 2);
  CHECK(t.rows[0].cells[0].text == "左上");
  CHECK(t.rows[0].cells[0].colspan == 2);
  CHECK(t.rows[0].cells[0].rowspan == 2);
  CHECK(t.rows[0].cells[1].colspan == 2);
  CHECK(t.rows[0].cells[1].rowspan == 1);
  // Row 2: the continued cell is left out, as in HTML.
  REQUIRE(t.rows[1].cells.size() == 2);
  CHECK(t.rows[1].cells[0].text == "自然人");
  // Rows 3 and 4: a merge continued by a w:vMerge without a value.
  CHECK(t.rows[2].cells[0].rowspan == 2);
  REQUIRE(t.rows[3].cells.size() == 3);
  CHECK(t.rows[3].cells[0].text == "(二)");
  // Row 5: one empty slot before, two after.
  REQUIRE(t.rows[4].cells.size() == 3);
  CHECK(t.rows[4].cells[0].text.empty());
  CHECK(t.rows[4].cells[0].colspan == 1);
  CHECK(t.rows[4].cells[1].text == "前后");
  CHECK(t.rows[4].cells[2].colspan == 2);

  // The rendered text: a field per grid column, covered ones empty.
  CHECK(r.out.source.text == "左上\t\t申请人情况\t\n\t\t自然人\t总计\n三、本年度办理结果\t(一)\t1\t1\n\t(二)\t0\t0\n\t前后\t\t\n");

  // The grid pass expands the spans into the slots Word shows.
  const std::vector<int> sections(1, 0);
  const std::vector<bool> skip(1, false);
  auto grids = passes::build_grids(r.out.doc, sections, skip, tmpl::matcher());
  REQUIRE(grids.tables.size() == 1);
  const auto& g = grids.tables[0].rows;
  REQUIRE(g.size() == 5);
  for (const auto& row : g) CHECK(row.cells.size() == 4);
  CHECK(g[1].cells[0].covered);
  CHECK(g[1].cells[1].covered);
  CHECK(g[1].cells[2].text == "自然人");
  CHECK(g[3].cells[0].covered);
  CHECK(g[3].cells[0].source == &t.rows[2].cells[0]);
  CHECK(g[3].cells[1].text == "(二)");
  CHECK(g[4].cells[1].text == "前后");

  // Positions: the table, its row and the w:tc (continued cells count, as Word shows them).
  const auto& cell = t.rows[3].cells[0];  // (二): the second w:tc of row 4
  const std::vector<std::uint32_t> offsets = {cell.span.begin, t.rows[1].cells[1].span.begin, t.rows[4].cells[0].span.begin};
  const auto at = r.out.source.locate(offsets);
  CHECK(at[0] == Location{.table = 1, .row = 4, .cell = 2});
  CHECK(at[1] == Location{.table = 1, .row = 2, .cell = 3});
  CHECK(at[2] == Location{.table = 1, .row = 5, .cell = 1});  // a gridBefore slot: at the row's first cell
}

TEST_CASE("docx: a cell's paragraphs joined with a space; two tables in a row stay two") {
  const std::string body =
      "<w:tbl><w:tr><w:tc>" + p("（二）部分公开") + "<w:p><w:r><w:t>（区分处理的）</w:t><w:br/><w:t>续</w:t></w:r></w:p>" +
      "<w:p/></w:tc><w:tc>" + p("1") + "</w:tc></w:tr></w:tbl>"
      "<w:tbl><w:tr><w:tc>" + p("二") + "</w:tc></w:tr></w:tbl>";
  auto r = read(docx(body));
  REQUIRE(r.ok);
  REQUIRE(r.out.doc.tables.size() == 2);
  CHECK(r.out.doc.tables[0].rows[0].cells[0].text == "（二）部分公开 （区分处理的） 续");
  CHECK(r.out.source.text == "（二）部分公开 （区分处理的） 续\t1\n\n二\n");
  const std::vector<std::uint32_t> offsets = {r.out.doc.tables[1].rows[0].cells[0].span.begin};
  CHECK(r.out.source.locate(offsets)[0] == Location{.table = 2, .row = 1, .cell = 1});
}

TEST_CASE("docx: a table holding a table is a frame: its content is read as the body's") {
  // The report's 表三 with its heading inside a one-cell frame, as pages saved from the web have it.
  const std::string inner = "<w:tbl><w:tr><w:tc>" + p("信息内容") + "</w:tc><w:tc>" + p("本年制发件数") + "</w:tc></w:tr>"
                            "<w:tr><w:tc>" + p("规章") + "</w:tc><w:tc>" + p("3") + "</w:tc></w:tr></w:tbl>";
  const std::string body = p("标题") + "<w:tbl><w:tr><w:tc>" + p("二、主动公开政府信息情况") + inner + p("（单位：件）") +
                           "</w:tc></w:tr></w:tbl>" + p("三、收到和处理政府信息公开申请情况");
  auto r = read(docx(body));
  REQUIRE(r.ok);
  const auto& doc = r.out.doc;
  REQUIRE(doc.blocks.size() == 5);
  CHECK(doc.blocks[1].kind == doc::Block::Kind::paragraph);
  CHECK(doc.paragraphs[1].text == "二、主动公开政府信息情况");
  REQUIRE(doc.blocks[2].kind == doc::Block::Kind::table);
  REQUIRE(doc.tables.size() == 1);
  CHECK(doc.tables[0].rows[1].cells[1].text == "3");
  CHECK(doc.paragraphs[2].text == "（单位：件）");
  CHECK(doc.paragraphs[3].text == "三、收到和处理政府信息公开申请情况");
  // The outline sees the heading inside the frame, and the table in its section.
  auto outline = passes::read_outline(doc);
  REQUIRE(outline.headings.size() == 2);
  CHECK(outline.headings[0].number == 2);
  CHECK(outline.table_section[0] == 2);
  // Positions: the frame's paragraphs at the frame's cell; the nested table is table 2; the
  // paragraph after the frame is the body's second.
  const std::vector<std::uint32_t> offsets = {doc.paragraphs[1].span.begin, doc.tables[0].rows[1].cells[1].span.begin,
                                              doc.paragraphs[3].span.begin};
  const auto at = r.out.source.locate(offsets);
  CHECK(at[0] == Location{.table = 1, .row = 1, .cell = 1});
  CHECK(at[1] == Location{.table = 2, .row = 2, .cell = 2});
  CHECK(at[2] == Location{.paragraph = 2});
}

TEST_CASE("docx: a report gives the record of its text, with diagnostics at table, row and cell") {
  // corpus/hostile/value-not-a-number.txt as a Word file, a w:tc per tab-separated field.
  const auto text = seed("hostile/value-not-a-number.txt");
  const auto from_text = parse_bytes(text, "report.txt");
  const auto from_docx = parse_bytes(docx(body_of_tsv(text)), "report.docx");
  CHECK(from_docx.record.format == "docx");
  CHECK(from_docx.record.layout.empty());
  CHECK(from_docx.status == from_text.status);
  CHECK(from_docx.record.agency == from_text.record.agency);
  CHECK(from_docx.record.year == from_text.record.year);
  REQUIRE(from_docx.record.tables.size() == from_text.record.tables.size());
  for (std::size_t t = 0; t < from_text.record.tables.size(); ++t)
    CHECK(from_docx.record.tables[t].values == from_text.record.tables[t].values);
  CHECK(from_docx.record.checks.size() == from_text.record.checks.size());
  CHECK(from_docx.record.sections.size() == from_text.record.sections.size());
  REQUIRE(from_docx.record.diagnostics.size() == from_text.record.diagnostics.size());

  // 'O' for 0 in carried_over's 科研机构: 表三 is the second table, carried_over its fifth row,
  // the value its fifth w:tc (label, blank, 0, 0, O).
  const auto* invalid = find(from_docx.record, "invalid-value");
  REQUIRE(invalid != nullptr);
  CHECK(invalid->at == Location{.table = 2, .row = 5, .cell = 5});
  const auto printed = render_diagnostics(from_docx.record, from_docx.text);
  CHECK(printed.find("report.docx: table 2, row 5, cell 5: error: 'O' in row carried_over, column research is not a number "
                     "[invalid-value]\n二、上年结转政府信息公开申请数量  0 0 O 0 0 0 0 \n") != std::string::npos);

  // A paragraph: the line most like a title when there is none.
  auto no_title = text;
  no_title.replace(no_title.find("安阳市科学技术局"), std::string("安阳市科学技术局").size(), "");
  no_title.replace(no_title.find("2023"), 4, "");
  const auto untitled = parse_bytes(docx(p("【字体：大 中 小】") + p("") + body_of_tsv(no_title)), "report.docx");
  const auto* missing = find(untitled.record, "missing-title");
  REQUIRE(missing != nullptr);
  CHECK(missing->at.paragraph == 5);  // not the furniture line: the first that names a report
  CHECK(render_diagnostics(untitled.record, untitled.text).find(fmt::format("report.docx: paragraph {}: error: no title", missing->at.paragraph)) !=
        std::string::npos);
}

TEST_CASE("docx: a damaged file is refused with a clear error, status 2") {
  auto refused = [](const std::string& bytes, std::string_view code, std::string_view words) {
    auto r = parse_bytes(bytes, "report.docx");
    CHECK(r.status == Status::rejected);
    CHECK(r.record.format == "docx");
    REQUIRE(r.record.diagnostics.size() == 1);
    CHECK(r.record.diagnostics[0].code == code);
    CHECK_MESSAGE(r.record.diagnostics[0].message.find(words) != std::string::npos, r.record.diagnostics[0].message);
    CHECK(r.record.diagnostics[0].at == Location{1, 1});  // about the whole file
    CHECK(r.text.empty());
  };
  const auto good = docx(p("某局2024年政府信息公开工作年度报告"));

  SUBCASE("truncated") { refused(good.substr(0, good.size() / 2), "damaged-file", "not a readable ZIP archive"); }
  SUBCASE("no word/document.xml") {
    refused(make_zip({{"word/document.xml.bak", document(p("x"))}}), "damaged-file", "the archive has no word/document.xml");
  }
  SUBCASE("damaged compressed data") {
    auto bytes = make_zip({{"word/document.xml", document(p(std::string(3000, 'x')) + p("某局"))}});
    // Into the deflate stream: after the local header (30 bytes, the name, its extra field).
    const auto name = bytes.find("word/document.xml");
    const auto extra = static_cast<unsigned char>(bytes[name - 2]) | static_cast<unsigned char>(bytes[name - 1]) << 8;
    const auto data = name + 17 + extra;
    for (std::size_t i = data + 10; i < data + 18; ++i) bytes[i] = static_cast<char>(bytes[i] ^ 0x5A);
    refused(bytes, "damaged-file", "word/document.xml is damaged");
  }
  SUBCASE("malformed XML") {
    refused(make_zip({{"word/document.xml", std::string(kOpen) + "<w:p><w:r><w:t>x</w:t></w:r>\n</w:body></w:document>"}}),
            "damaged-file", "word/document.xml is not well-formed XML (line 3");
    refused(make_zip({{"word/document.xml", "not xml at all"}}), "damaged-file", "not well-formed XML");
    refused(make_zip({{"word/document.xml", ""}}), "damaged-file", "word/document.xml");
  }
  SUBCASE("a DOCTYPE, with an external entity (XXE)") {
    const std::string xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                            "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                            "<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>";
    auto r = parse_bytes(make_zip({{"word/document.xml", xml}}), "report.docx");
    CHECK(r.status == Status::rejected);
    CHECK(r.text.find("root:") == std::string::npos);
    REQUIRE(r.record.diagnostics.size() == 1);
    CHECK(r.record.diagnostics[0].code == "damaged-file");
    CHECK(r.record.diagnostics[0].message.find("DOCTYPE") != std::string::npos);
  }
  SUBCASE("nested deeper than the limit") {
    std::string body;
    for (int i = 0; i < 60; ++i) body += "<w:tbl><w:tr><w:tc>";
    body += p("深");
    for (int i = 0; i < 60; ++i) body += "</w:tc></w:tr></w:tbl>";
    refused(docx(body), "damaged-file", "nests elements more than 128 deep");
    // Far deeper than libxml2's own limit: refused as well, without recursion.
    std::string deep(100000 * 5, ' ');
    for (std::size_t i = 0; i < 100000; ++i) deep.replace(i * 5, 5, "<w:x>");
    refused(docx(deep), "damaged-file", "word/document.xml");
  }
  SUBCASE("a table nested just within the limit is read") {
    std::string body;
    for (int i = 0; i < 30; ++i) body += "<w:tbl><w:tr><w:tc>";
    body += p("规章") + "<w:p/>";
    for (int i = 0; i < 30; ++i) body += "</w:tc></w:tr></w:tbl>";
    auto r = read(docx(body));
    REQUIRE(r.ok);
    REQUIRE(r.out.doc.tables.size() == 1);  // the innermost: the 29 around it are frames
    CHECK(r.out.doc.tables[0].rows[0].cells[0].text == "规章");
    const std::vector<std::uint32_t> offsets = {0};
    CHECK(r.out.source.locate(offsets)[0] == Location{.table = 30, .row = 1, .cell = 1});
  }
}

TEST_CASE("docx: a zip bomb, too large a document and too many entries are refused, status 2") {
  SUBCASE("compression ratio") {
    // 20 MiB of one character deflate to about 20 KiB: refused once 1 MiB is unpacked.
    const auto bomb = make_zip({{"word/document.xml", document(p(std::string(20u << 20, 'a')))}}, ZIP_CM_DEFLATE, 9);
    CHECK(bomb.size() < 100'000);
    auto r = parse_bytes(bomb, "bomb.docx");
    CHECK(r.status == Status::rejected);
    REQUIRE(r.record.diagnostics.size() == 1);
    CHECK(r.record.diagnostics[0].code == "compression-ratio");
    CHECK(r.record.diagnostics[0].message.find("word/document.xml unpacks to more than 400 times its size") != std::string::npos);
  }
  SUBCASE("larger than 64 MiB unpacked, whatever the archive says") {
    // Paragraphs of numbers deflate about ten to one: 65 MiB in an archive under the input
    // limit, and a ratio far below the bomb's.
    std::string body;
    body.reserve((65u << 20) + 100);
    for (std::uint64_t i = 0; body.size() < (65u << 20); ++i)
      body += "<w:p><w:r><w:t>" + std::to_string(i * 7919 % 1000003) + "</w:t></w:r></w:p>";
    const auto big = make_zip({{"word/document.xml", document(body)}}, ZIP_CM_DEFLATE, 1);
    REQUIRE(big.size() < kMaxInputBytes);
    auto r = parse_bytes(big, "big.docx");
    CHECK(r.status == Status::rejected);
    REQUIRE(r.record.diagnostics.size() == 1);
    CHECK(r.record.diagnostics[0].code == "too-large-unpacked");
  }
  SUBCASE("thousands of entries") {
    Files files(10'001, {"", ""});
    for (std::size_t i = 0; i < files.size(); ++i) files[i].first = "word/media/x" + std::to_string(i);
    files.push_back({"word/document.xml", document(p("x"))});
    auto r = parse_bytes(make_zip(files, ZIP_CM_STORE), "many.docx");
    CHECK(r.status == Status::rejected);
    REQUIRE(r.record.diagnostics.size() == 1);
    CHECK(r.record.diagnostics[0].code == "too-many-entries");
    CHECK(r.record.diagnostics[0].message.find("10002 entries") != std::string::npos);
    // A few hundred, as a Word file with images has, are fine.
    Files some(300, {"", ""});
    for (std::size_t i = 0; i < some.size(); ++i) some[i].first = "word/media/x" + std::to_string(i);
    some.push_back({"word/document.xml", document(p("x"))});
    CHECK(read(make_zip(some, ZIP_CM_STORE)).ok);
  }
}

TEST_CASE("docx: more cells than the node limit: too-many-cells where reading stopped") {
  // 11 000 rows of 100 cells, each with its paragraph: 2.2 million nodes, stored (a deflated
  // document this regular would be refused as a zip bomb first).
  std::string row = "<w:tr>";
  for (int c = 0; c < 100; ++c) row += "<w:tc><w:p/></w:tc>";
  row += "</w:tr>";
  std::string body = p("某局2024年政府信息公开工作年度报告") + p("一、总体情况") + p("二、主动公开政府信息情况") + "<w:tbl>";
  body.reserve(row.size() * 11'000 + 1000);
  for (int r = 0; r < 11'000; ++r) body += row;
  body += "</w:tbl>";
  const auto bytes = make_zip({{"word/document.xml", document(body)}}, ZIP_CM_STORE);
  auto result = parse_bytes(bytes, "wide.docx");
  REQUIRE(count(result.record, "too-many-cells") == 1);
  const auto* d = find(result.record, "too-many-cells");
  CHECK(d->at.table == 1);
  CHECK(d->at.row > 9000);
  CHECK(d->at.row < 11'000);
  CHECK(result.status != Status::ok);

  // Wide spans count as the columns they cover: a few thousand cells spanning 512 columns.
  std::string wide = "<w:tbl>";
  for (int r = 0; r < 4000; ++r) wide += "<w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"99999\"/></w:tcPr><w:p/></w:tc></w:tr>";
  wide += "</w:tbl>";
  auto spans = read(docx(wide));
  REQUIRE(spans.ok);
  CHECK(spans.out.doc.truncated_at != UINT32_MAX);
  CHECK(spans.out.doc.tables.at(0).rows.at(0).cells.at(0).colspan == 512);
  CHECK(spans.out.source.text.size() < 4000u * 512u);
}
