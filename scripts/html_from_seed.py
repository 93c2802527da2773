#!/usr/bin/env python3
"""Render a text report (a corpus seed: tsv or markdown layout) as a government web page.

    scripts/html_from_seed.py corpus/003_8ac5e3a1fa8dde41.txt > corpus/html/seed-003.html

The page is what such a site serves: a head with <title>, <meta charset>, a style and a script;
navigation, a breadcrumb, the font-size links; the report in an article <div> (the title in an
<h1>, section headings in <h2>/<h3>, other lines in <p>); each table of the text as a <table>
whose merged label and header cells are single cells with rowspan/colspan, as Word or a CMS
writes them; then 上一篇/下一篇, the site's link lists and its footer.

Merging keeps every cell's slot: a cell absorbs the blank cells its span covers, so the table
the grid pass forms has the text's cells in the same slots (covered slots are blank), and the
record must equal the text's in every value. A text or header cell spans blank cells to its
right inside the label columns (those before the first column holding a number), or all of them
in a row without numbers; and down while the cells below it are blank (in the label columns, or
in the header rows before the first row with a number). A number spans the blank
cells that end its row. Blank cells that no span covers stay cells of their own (&nbsp;).

`--style N` (0-5) picks how cell text is wrapped (Word's <p><span>, <font>, <strong>, bare, <th>
for header rows; 5: a mix per cell — text split over spans, <font><strong>, &nbsp; around it,
<br> inside labels, &ldquo; &rdquo; for quotes); by default the seed's number picks it.

The shapes of other pages (corpus/html/README.md):
  --charset LABEL      the charset the page declares (default utf-8), in <meta charset>
  --http-equiv         declared in <meta http-equiv="Content-Type" content="text/html; charset=…"> instead
  --encoding CODEC     the bytes written (a Python codec; default utf-8): gbk, gb18030, …
  --layout-table       the page inside a layout table (navigation cell, content cell, the article
                       in a one-cell table)
  --split-table N      the N-th table (from 1) cut into three <table> elements, the third
                       repeating the header rows
  --images             every table replaced by an <img> (a report whose tables are pictures)
  --metadata           the page's metadata table (索引号, 发布机构, 发布日期 …) above the title
  --title-in-head      the title only in <title> (with the column and site after it), not in the body
"""
import html
import re
import sys

SECTION = re.compile(r"^\s*#*\s*[一二三四五六]、")
NUMBER = re.compile(r"^[+\-]?[0-9０-９][0-9０-９,，.．]*\s*(元|万元|件|项|个|条)?$")
NULL_MARKS = {"/", "-", "—", "－", "无", "／"}


def is_value(text):
    t = text.strip()
    return bool(NUMBER.match(t)) or t in NULL_MARKS


def md_cells(line):
    """The cells of a markdown pipe row as the markdown layout reads them."""
    parts = line.rstrip("\r\n").split("|")
    if parts and not parts[0].strip():
        parts = parts[1:]
    if parts and not parts[-1].strip():
        parts = parts[:-1]
    return parts


def is_md_separator(line):
    return bool(re.match(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$", line))


def blocks(lines, markdown):
    """('p', line) and ('table', [rows of cells]) in source order, as the layout reads them."""
    out, rows = [], []
    for line in lines:
        is_row = ("\t" in line) if not markdown else line.lstrip().startswith("|")
        if is_row:
            if markdown and is_md_separator(line):
                continue
            rows.append(md_cells(line) if markdown else line.rstrip("\r\n").split("\t"))
            continue
        if rows:
            out.append(("table", rows))
            rows = []
        if line.strip():
            out.append(("p", line.strip()))
    if rows:
        out.append(("table", rows))
    return out


def rectangles(rows):
    """For each non-blank cell, its (colspan, rowspan); the slots it covers are claimed."""
    first_value = min((c for row in rows for c, t in enumerate(row) if t.strip() and is_value(t)), default=10**6)
    first_value_row = min((r for r, row in enumerate(rows) if any(t.strip() and is_value(t) for t in row)), default=10**6)
    claimed, spans = set(), {}
    for r, row in enumerate(rows):
        row_has_values = any(t.strip() and is_value(t) for t in row)
        for c, t in enumerate(row):
            if (r, c) in claimed or not t.strip():
                continue
            w = 1
            if is_value(t):
                if all(not x.strip() for x in row[c + 1:]):
                    w = len(row) - c
            else:
                while (c + w < len(row) and not row[c + w].strip() and (r, c + w) not in claimed
                       and (c + w < first_value or not row_has_values)):
                    w += 1
            h = 1
            if not is_value(t):
                while r + h < len(rows) and (c < first_value or r + h < first_value_row) and all(c + k < len(rows[r + h]) and not rows[r + h][c + k].strip()
                                                and (r + h, c + k) not in claimed for k in range(w)):
                    h += 1
            for dr in range(h):
                for dc in range(w):
                    claimed.add((r + dr, c + dc))
            spans[(r, c)] = (w, h)
    return spans, claimed


def mixed_html(t, r, c):
    """Style 5: one of five ways of writing a cell, by its position."""
    t = t.replace("“", "&ldquo;").replace("”", "&rdquo;")
    k = (r + c) % 5
    if k == 0 and len(t) >= 4:
        mid = len(t) // 2
        return "<p><span>%s</span><span style=\"color:#000\">%s</span></p>" % (t[:mid], t[mid:])
    if k == 1:
        return '<font face="宋体"><strong>%s</strong></font>' % t
    if k == 2:
        return "&nbsp;%s&nbsp;" % t
    if k == 3 and "（" in t[1:]:
        at = t.index("（", 1)
        return "<p>%s<br>%s</p>" % (t[:at], t[at:])
    return '<div><span lang="EN-US">%s</span></div>' % t


def cell_html(text, style, header, r=0, c=0):
    t = html.escape(text.strip(), quote=False).replace("&lt;br&gt;", "<br>")
    if not t:
        return "<p>&nbsp;</p>" if style in (0, 3, 5) else "&nbsp;"
    if style == 5:
        return mixed_html(t, r, c)
    if style == 0:
        return ('<p class="MsoNormal" style="text-align:center"><span style="font-family:仿宋_GB2312;font-size:12pt">'
                + t + '</span><span style="font-family:仿宋_GB2312"></span></p>')
    if style == 1:
        return '<font face="仿宋_GB2312" size="3">' + t + "</font>"
    if style == 2:
        return ("<strong>" + t + "</strong>") if header else t
    if style == 3:
        return '<p style="margin:0pt"><span style="font-size:14pt">' + t + "</span><span></span></p>"
    return t


def table_html(rows, style):
    spans, claimed = rectangles(rows)
    out = ['<table class="MsoNormalTable" border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse">',
           "<tbody>"]
    for r, row in enumerate(rows):
        header = not any(t.strip() and is_value(t) for t in row)
        tag = "th" if style == 4 and header else "td"
        cells = []
        for c, t in enumerate(row):
            if (r, c) in claimed and (r, c) not in spans:
                continue
            w, h = spans.get((r, c), (1, 1))
            attrs = (' colspan="%d"' % w if w > 1 else "") + (' rowspan="%d"' % h if h > 1 else "")
            cells.append("<%s valign=\"center\"%s>%s</%s>" % (tag, attrs, cell_html(t, style, header, r, c), tag))
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</tbody></table>")
    return "\n".join(out)


def paragraph_html(line, title_done):
    text = line.lstrip("#").strip() if line.lstrip().startswith("#") else line
    esc = html.escape(text, quote=False)
    if SECTION.match(line):
        level = "h2" if not line.lstrip().startswith("###") else "h3"
        return "<%s>%s</%s>" % (level, esc, level)
    return '<p style="text-indent:2em"><span style="font-family:仿宋_GB2312;font-size:16pt">' + esc + "</span></p>"


def split_table(rows):
    """A table cut into three: the rows before the first third of its data rows, up to the second
    third, and the rest with the header rows repeated."""
    first = min((r for r, row in enumerate(rows) if any(t.strip() and is_value(t) for t in row)), default=0)
    data = len(rows) - first
    a, b = first + data // 3, first + 2 * data // 3
    return [rows[:a], rows[a:b], rows[:first] + rows[b:]]


def tables_html(rows, style, opts, number):
    if opts.get("images"):
        return '<p style="text-align:center"><img src="/u/cms/www/2024/table%d.png" width="600" alt=""></p>' % number
    if opts.get("split") == number:
        return "\n".join(table_html(part, style) for part in split_table(rows))
    return table_html(rows, style)


METADATA = """<table class="xxgk_info" width="100%" border="0">
<tr><td width="15%">索引号：</td><td width="35%">{index}</td><td width="15%">主题分类：</td><td>政务公开</td></tr>
<tr><td>发布机构：</td><td>{agency}</td><td>发布日期：</td><td>{date}</td></tr>
<tr><td>标题：</td><td colspan="3">{title}</td></tr>
<tr><td>文号：</td><td>&nbsp;</td><td>有效性：</td><td>有效</td></tr>
</table>"""


def page(seed_path, style, opts=None):
    opts = opts or {}
    lines = open(seed_path, encoding="utf-8").read().split("\n")
    markdown = sum(1 for l in lines if l.lstrip().startswith("|")) > sum(1 for l in lines if "\t" in l)
    parts = blocks(lines, markdown)
    # The title: the lines before the first section heading and the first sentence.
    title, body = [], parts
    for i, (kind, x) in enumerate(parts):
        if kind != "p" or SECTION.match(x) or "。" in x:
            body = parts[i:]
            break
        title.append(x.lstrip("#").strip())
    name = "".join(t.replace(" ", "") for t in title)
    charset = opts.get("charset", "utf-8")
    declare = ('<meta http-equiv="Content-Type" content="text/html; charset=%s">' % charset if opts.get("http_equiv")
               else '<meta charset="%s">' % charset)
    out = ["<!DOCTYPE html>", '<html lang="zh-CN">', "<head>",
           declare,
           '<meta name="viewport" content="width=device-width, initial-scale=1.0">',
           "<title>%s_政府信息公开年报_门户网站</title>" % html.escape(name),
           "<style>body{font-family:SimSun} .nav a{margin:0 8px} td{border:1px solid #000}</style>",
           "<script>var _hmt = _hmt || []; document.write('<p>一、总体情况</p>');</script>",
           "</head>", "<body>",
           "<!-- 头部开始: 二、主动公开政府信息情况 在注释里 -->",
           '<div class="nav"><a href="/">首页</a><a href="/zwgk/">政务公开</a><a href="/hdjl/">互动交流</a>'
           '<a href="/bsfw/">办事服务</a></div>']
    if opts.get("layout"):
        out += ['<table width="1000" border="0" cellspacing="0" cellpadding="0" align="center"><tr>',
                '<td width="200" valign="top"><div class="left"><h3>信息公开</h3><ul><li><a>信息公开指南</a></li>'
                "<li><a>信息公开制度</a></li><li><a>法定主动公开内容</a></li><li><a>信息公开年报</a></li></ul></div></td>",
                '<td width="800" valign="top">']
    out.append('<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; '
               '<a href="../">政府信息公开年报</a></div>')
    if opts.get("layout"):
        out.append('<table width="100%" border="0"><tr><td>')
    if opts.get("metadata"):
        agency = re.sub(r"\s*\d{4}\s*年.*$", "", title[0]).strip() if title else ""
        out.append(METADATA.format(index="11410500MB1234567X/2024-00012", agency=html.escape(agency),
                                   date="2024-01-25", title=html.escape(name)))
    out.append('<div class="article">')
    if title and not opts.get("head_title"):
        out.append('<h1 class="title">' + "<br>".join(html.escape(t, quote=False) for t in title) + "</h1>")
    out.append('<div class="tools">【字体：<a>大</a> <a>中</a> <a>小</a>】【<a>打印</a>】【<a>关闭</a>】</div>')
    out.append('<div class="TRS_Editor">')
    tables = 0
    for kind, x in body:
        if kind == "table":
            tables += 1
            out.append(tables_html(x, style, opts, tables))
        else:
            out.append(paragraph_html(x, True))
    out.append("</div></div>")
    if opts.get("layout"):
        out.append("</td></tr></table>")
    out += ['<div class="pager"><p>上一篇：<a href="#">某局2023年政府信息公开工作年度报告</a></p>',
            '<p>下一篇：<a href="#">某局关于公开征集意见的公告</a></p></div>']
    if opts.get("layout"):
        out.append("</td></tr></table>")
    out += ['<div class="links"><h4>政府网站</h4><ul><li><a>中国政府网</a></li><li><a>省政府网站</a></li>'
            "<li><a>市政府网站</a></li><li><a>区县政府网站</a></li><li><a>部门网站</a></li><li><a>新闻媒体</a></li></ul></div>",
            '<div class="footer"><p>主办单位：某市人民政府办公室 承办单位：某市大数据中心</p>',
            "<p>网站标识码：4100000000 豫ICP备05000000号 豫公网安备41000000000000号</p></div>",
            "<script>window.onload = function () { /* 六、其他需要报告的事项 */ };</script>",
            "</body>", "</html>", ""]
    return "\n".join(out)


def main():
    args = sys.argv[1:]
    style, opts, encoding = None, {}, "utf-8"
    while args and args[0].startswith("--"):
        flag = args.pop(0)
        if flag == "--style":
            style = int(args.pop(0))
        elif flag == "--charset":
            opts["charset"] = args.pop(0)
        elif flag == "--http-equiv":
            opts["http_equiv"] = True
        elif flag == "--encoding":
            encoding = args.pop(0)
        elif flag == "--layout-table":
            opts["layout"] = True
        elif flag == "--split-table":
            opts["split"] = int(args.pop(0))
        elif flag == "--images":
            opts["images"] = True
        elif flag == "--metadata":
            opts["metadata"] = True
        elif flag == "--title-in-head":
            opts["head_title"] = True
        else:
            sys.exit("unknown option " + flag)
    seed = args[0]
    if style is None:
        m = re.search(r"(\d+)_", seed.split("/")[-1])
        style = int(m.group(1)) % 5 if m else 0
    sys.stdout.buffer.write(page(seed, style, opts).encode(encoding))


if __name__ == "__main__":
    main()
