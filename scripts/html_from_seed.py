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

`--style N` (0-4) picks how cell text is wrapped (Word's <p><span>, <font>, <strong>, bare, <th>
for header rows); by default the seed's number picks it.
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


def cell_html(text, style, header):
    t = html.escape(text.strip(), quote=False).replace("&lt;br&gt;", "<br>")
    if not t:
        return "<p>&nbsp;</p>" if style in (0, 3) else "&nbsp;"
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
            cells.append("<%s valign=\"center\"%s>%s</%s>" % (tag, attrs, cell_html(t, style, header), tag))
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


def page(seed_path, style):
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
    out = ["<!DOCTYPE html>", '<html lang="zh-CN">', "<head>",
           '<meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1.0">',
           "<title>%s_政府信息公开年报_门户网站</title>" % html.escape(name),
           "<style>body{font-family:SimSun} .nav a{margin:0 8px} td{border:1px solid #000}</style>",
           "<script>var _hmt = _hmt || []; document.write('<p>一、总体情况</p>');</script>",
           "</head>", "<body>",
           "<!-- 头部开始: 二、主动公开政府信息情况 在注释里 -->",
           '<div class="nav"><a href="/">首页</a><a href="/zwgk/">政务公开</a><a href="/hdjl/">互动交流</a>'
           '<a href="/bsfw/">办事服务</a></div>',
           '<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; '
           '<a href="../">政府信息公开年报</a></div>',
           '<div class="article">']
    if title:
        out.append('<h1 class="title">' + "<br>".join(html.escape(t, quote=False) for t in title) + "</h1>")
    out.append('<div class="tools">【字体：<a>大</a> <a>中</a> <a>小</a>】【<a>打印</a>】【<a>关闭</a>】</div>')
    out.append('<div class="TRS_Editor">')
    for kind, x in body:
        out.append(table_html(x, style) if kind == "table" else paragraph_html(x, True))
    out.append("</div></div>")
    out += ['<div class="pager"><p>上一篇：<a href="#">某局2023年政府信息公开工作年度报告</a></p>',
            '<p>下一篇：<a href="#">某局关于公开征集意见的公告</a></p></div>',
            '<div class="links"><h4>政府网站</h4><ul><li><a>中国政府网</a></li><li><a>省政府网站</a></li>'
            "<li><a>市政府网站</a></li><li><a>区县政府网站</a></li><li><a>部门网站</a></li><li><a>新闻媒体</a></li></ul></div>",
            '<div class="footer"><p>主办单位：某市人民政府办公室 承办单位：某市大数据中心</p>',
            "<p>网站标识码：4100000000 豫ICP备05000000号 豫公网安备41000000000000号</p></div>",
            "<script>window.onload = function () { /* 六、其他需要报告的事项 */ };</script>",
            "</body>", "</html>", ""]
    return "\n".join(out)


def main():
    args = sys.argv[1:]
    style = None
    if args[:1] == ["--style"]:
        style, args = int(args[1]), args[2:]
    seed = args[0]
    if style is None:
        m = re.search(r"(\d+)_", seed.split("/")[-1])
        style = int(m.group(1)) % 5 if m else 0
    sys.stdout.write(page(seed, style))


if __name__ == "__main__":
    main()
