#!/usr/bin/env python3
"""Make the Word files of corpus/docx/ (corpus/docx/README.md) with a real tool.

Each file is written as an HTML page and converted with LibreOffice headless
(`soffice --headless --convert-to docx:"MS Word 2007 XML"`, Debian's libreoffice-writer-nogui),
as a Word user saving a web page would get it:

  seed-NNN.docx          the seed corpus/NNN_*.txt: its lines as paragraphs (markdown headings as
                         <h1>..<h4>), its tables (tsv lines, or markdown pipe rows) as <table>s
                         whose label and header cells are merged over the blank cells the copied
                         text left of them (rowspan, colspan), as the Word report had them
  merged-cells.docx      seed 004 with 表三 written as the template draws it: 申请人情况 over the
                         seven columns, 法人或其他组织 over five, 自然人 and 总计 over two header
                         rows; 三、本年度办理结果 and （三）…（六） over their rows (vMerge, gridSpan)
  nested-table.docx      seed 003 with 表三 (its two fragments) and its section heading inside a
                         one-cell frame table
  title-two-paragraphs.docx
                         seed 004 with the title in two paragraphs (agency / year and the rest),
                         and labels split across runs by bold and coloured spans

Run from the repository root: scripts/make-docx-corpus.py [OUTDIR]   (default corpus/docx)
About 8 s per file (one soffice run converts them all).
"""
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEEDS = {
    "000": "corpus/000_a411e0a1c57d9535.txt",
    "001": "corpus/001_76d1d7d14147d7ef.txt",
    "002": "corpus/002_d9116de1bb1d21a9.txt",
    "003": "corpus/003_8ac5e3a1fa8dde41.txt",
    "004": "corpus/004_343c1e05f6dd2d22.txt",
}
NUMBER = re.compile(r"^[+\-]?[0-9０-９.,．]+$")


def is_separator(line):
    return "-" in line and set(line.strip()) <= set("|-: \t")


def blocks_of(text):
    """The seed as blocks: ('p', line) and ('table', rows of cell texts), as the tsv and
    markdown layouts read it (a table: consecutive lines with a tab, or pipe rows)."""
    out = []
    rows = None
    for line in text.split("\n"):
        line = line.rstrip("\r")
        if line.startswith("|"):
            if is_separator(line):
                continue
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
        elif "\t" in line:
            cells = line.split("\t")
        else:
            cells = None
        if cells is not None:
            if rows is None:
                rows = []
                out.append(("table", rows))
            rows.append(cells)
            continue
        rows = None
        if line.strip():
            out.append(("p", line.strip()))
    return out


def blank(s):
    return s.strip() == ""


def numeric(s):
    return bool(NUMBER.match(s.strip()))


def spans_of(rows):
    """(rowspan, colspan) for each cell, None for a cell a span covers: a label or header text
    takes the blank cells right of it (in a row with values, only those before its first value)
    and, where the rows below go on to the right of it, the blank cells below it."""
    covered = [[False] * len(r) for r in rows]
    spans = [[(1, 1)] * len(r) for r in rows]

    def first_value(r):
        for c, s in enumerate(rows[r]):
            if numeric(s):
                return c
        return len(rows[r])

    for r, row in enumerate(rows):
        for c, s in enumerate(row):
            if covered[r][c] or blank(s) or numeric(s):
                continue
            limit = first_value(r)
            w = 1
            while c + w < len(row) and c + w < max(limit, c + 1) and blank(row[c + w]) and not covered[r][c + w]:
                w += 1
            h = 1
            while r + h < len(rows):
                below = rows[r + h]
                if c + w > min(len(below), first_value(r + h)):
                    break  # the row below has a value (or no cell) under the span
                if not all(blank(below[k]) and not covered[r + h][k] for k in range(c, c + w)):
                    break
                if all(blank(x) for x in below[c + w:]):
                    break  # nothing goes on to the right: not a continued label
                h += 1
            spans[r][c] = (h, w)
            for dr in range(h):
                for dc in range(w):
                    if dr or dc:
                        covered[r + dr][c + dc] = True
    return [[None if covered[r][c] else spans[r][c] for c in range(len(rows[r]))] for r in range(len(rows))]


def cell_html(text, decorate=None):
    if decorate:
        return decorate(text)
    parts = text.split("<br>")
    return "<br>".join(html.escape(p) for p in parts)


def table_html(rows, decorate=None):
    out = ['<table border="1" cellspacing="0" cellpadding="2">']
    for r, row in zip(spans_of(rows), rows):
        out.append("<tr>")
        for span, text in zip(r, row):
            if span is None:
                continue
            h, w = span
            attrs = (f' rowspan="{h}"' if h > 1 else "") + (f' colspan="{w}"' if w > 1 else "")
            out.append(f"<td{attrs}>{cell_html(text.strip(), decorate)}</td>")
        out.append("</tr>")
    out.append("</table>")
    return "\n".join(out)


def paragraph_html(line, decorate=None):
    m = re.match(r"^(#{1,6})\s+(.*)$", line)
    if m:
        n = len(m.group(1))
        return f"<h{n}>{html.escape(m.group(2))}</h{n}>"
    return f"<p>{decorate(line) if decorate else html.escape(line)}</p>"


def page(body):
    return ('<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>report</title></head><body>\n'
            + "\n".join(body) + "\n</body></html>\n")


def seed_html(blocks, table_hook=None, paragraph_hook=None):
    body = []
    for i, (kind, content) in enumerate(blocks):
        if kind == "p":
            body.append(paragraph_hook(i, content) if paragraph_hook else paragraph_html(content))
        else:
            body.append(table_hook(i, content) if table_hook else table_html(content))
    return page(body)


def read(path):
    with open(os.path.join(ROOT, path), encoding="utf-8") as f:
        return f.read()


def table_three(blocks):
    """The index of the block holding 表三 (its header names 申请人情况)."""
    for i, (kind, content) in enumerate(blocks):
        if kind == "table" and any("申请人情况" in c for c in content[0]):
            return i
    raise SystemExit("no 表三 found")


ROW_KEYS = ["new_received", "carried_over", "granted", "partially_granted"] + [
    "denied_" + k for k in ("state_secret", "prohibited_by_law", "security_stability", "third_party",
                            "internal_affairs", "process_information", "enforcement_files", "administrative_query")] + [
    "unable_not_held", "unable_needs_creation", "unable_unclear"] + [
    "rejected_" + k for k in ("petition", "duplicate", "publication", "excessive", "confirmation")] + [
    "other_no_correction", "other_fee_unpaid", "other_other", "total_processed", "carried_forward"]
COLUMNS = ["natural_person", "commercial", "research", "social_welfare", "legal_services", "other", "total"]
LABELS = [  # 表三's label cells as the template draws them: (text, rowspan, colspan)
    [("一、本年新收政府信息公开申请数量", 1, 3)],
    [("二、上年结转政府信息公开申请数量", 1, 3)],
    [("三、本年度办理结果", 22, 1), ("（一）予以公开", 1, 2)],
    [("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 1, 2)],
    [("（三）不予公开", 8, 1), ("1.属于国家秘密", 1, 1)],
    [("2.其他法律行政法规禁止公开", 1, 1)],
    [("3.危及“三安全一稳定”", 1, 1)],
    [("4.保护第三方合法权益", 1, 1)],
    [("5.属于三类内部事务信息", 1, 1)],
    [("6.属于四类过程性信息", 1, 1)],
    [("7.属于行政执法案卷", 1, 1)],
    [("8.属于行政查询事项", 1, 1)],
    [("（四）无法提供", 3, 1), ("1.本机关不掌握相关政府信息", 1, 1)],
    [("2.没有现成信息需要另行制作", 1, 1)],
    [("3.补正后申请内容仍不明确", 1, 1)],
    [("（五）不予处理", 5, 1), ("1.信访举报投诉类申请", 1, 1)],
    [("2.重复申请", 1, 1)],
    [("3.要求提供公开出版物", 1, 1)],
    [("4.无正当理由大量反复申请", 1, 1)],
    [("5.要求行政机关确认或重新出具已获取信息", 1, 1)],
    [("（六）其他处理", 3, 1), ("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", 1, 1)],
    [("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", 1, 1)],
    [("3.其他", 1, 1)],
    [("（七）总计", 1, 2)],
    [("四、结转下年度继续办理", 1, 3)],
]


def td(text, h=1, w=1):
    attrs = (f' rowspan="{h}"' if h > 1 else "") + (f' colspan="{w}"' if w > 1 else "")
    return f"<td{attrs}>{html.escape(text)}</td>"


def merged_cells():
    """Seed 004 with 表三 as the template draws it, its values those of the seed's hand-checked
    record (corpus/004_*.txt.expected.json)."""
    blocks = blocks_of(read(SEEDS["004"]))
    t3 = table_three(blocks)
    record = json.loads(read(SEEDS["004"] + ".expected.json"))["applications"]
    out = ['<table border="1" cellspacing="0" cellpadding="2">',
           "<tr>" + td("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3) + td("申请人情况", 1, 7) + "</tr>",
           "<tr>" + td("自然人", 2) + td("法人或其他组织", 1, 5) + td("总计", 2) + "</tr>",
           "<tr>" + "".join(td(t) for t in ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")) + "</tr>"]
    for key, cells in zip(ROW_KEYS, LABELS, strict=True):
        values = [record[key][c] for c in COLUMNS]
        out.append("<tr>" + "".join(td(*c) for c in cells) + "".join(td(str(v)) for v in values) + "</tr>")
    out.append("</table>")
    return seed_html(blocks, table_hook=lambda i, rows: "\n".join(out) if i == t3 else table_html(rows))


def nested_table():
    """Seed 003 with 表三 (both its fragments: the seed's table breaks across a page) and its
    section heading inside a one-cell frame table."""
    blocks = blocks_of(read(SEEDS["003"]))
    t3 = table_three(blocks)
    assert blocks[t3 - 1][0] == "p" and blocks[t3 - 1][1].startswith("三、")
    last = t3
    while last + 1 < len(blocks) and blocks[last + 1][0] == "table":
        last += 1
    frame = [f"<p>{html.escape(blocks[t3 - 1][1])}</p>"] + [table_html(blocks[i][1]) for i in range(t3, last + 1)]
    body = []
    for i, (kind, content) in enumerate(blocks):
        if t3 - 1 <= i <= last:
            if i == t3:
                body.append('<table border="1" cellspacing="0" cellpadding="4"><tr><td>\n' + "\n".join(frame) +
                            "\n</td></tr></table>")
            continue
        body.append(paragraph_html(content) if kind == "p" else table_html(content))
    return page(body)


def title_two_paragraphs():
    """Seed 004 with its title over two paragraphs and labels split across runs."""
    blocks = blocks_of(read(SEEDS["004"]))
    assert blocks[0] == ("p", "安阳市科学技术局 2023 年政府信息公开工作年度 报告"), blocks[0]

    def decorate(text):
        # A Word author's formatting: bold on the number of a label, colour on a word of it.
        t = html.escape(text)
        t = re.sub(r"^([（(][一二三四五六七][)）]|[一二三四]、)", r"<b>\1</b>", t)
        return t.replace("公开", '<span style="color:#c00000">公开</span>', 1)

    body = ["<p><b>安阳市科学技术局</b></p>", "<p>2023 年政府信息公开<i>工作</i>年度报告</p>"]
    for kind, content in blocks[1:]:
        body.append(paragraph_html(content) if kind == "p" else table_html(content, decorate))
    return page(body)


def main():
    outdir = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "corpus/docx"))
    os.makedirs(outdir, exist_ok=True)
    pages = {f"seed-{n}": seed_html(blocks_of(read(p))) for n, p in SEEDS.items()}
    pages["merged-cells"] = merged_cells()
    pages["nested-table"] = nested_table()
    pages["title-two-paragraphs"] = title_two_paragraphs()
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for name, text in pages.items():
            path = os.path.join(tmp, name + ".html")
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            files.append(path)
        # A profile of its own, so that a running LibreOffice does not take the conversion.
        profile = "file://" + os.path.join(tmp, "profile")
        subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to",
                        "docx:MS Word 2007 XML", "--outdir", tmp] + files, check=True,
                       stdout=subprocess.DEVNULL)
        for name in pages:
            shutil.copy(os.path.join(tmp, name + ".docx"), os.path.join(outdir, name + ".docx"))
            print(os.path.relpath(os.path.join(outdir, name + ".docx"), ROOT))


if __name__ == "__main__":
    main()
