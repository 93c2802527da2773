#!/usr/bin/env python3
"""Check a Word file's record against the Word file itself, with Python's own zip and XML
readers (independent of xxgk's front end):

  - every value of `xxgk parse --positions DOCX` is the number written in the w:tc its position
    names (table T in the order tables start, nested ones too; row R; the row's w:tc C), unless the
    record says it inferred values (then the inferred ones are listed, not failed);
  - with a seed (a text report and its expected record), each diagnostic of the Word file's
    expected record points at a cell or paragraph holding the same text as the field or line the
    seed's diagnostic points at.

  scripts/check-docx-positions.py corpus/docx/seed-004.docx [corpus/004_343c1e05f6dd2d22.txt]

Run from the repository root after building (build/xxgk). Exit 1 when a check fails.
"""
import json
import subprocess
import sys
import zipfile
import xml.etree.ElementTree as ET

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def word_places(path):
    root = ET.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    tables = list(root.iter(W + "tbl"))
    paragraphs = [p for p in root.find(W + "body") if p.tag == W + "p"]

    def text(e):
        return "".join(t.text or "" for t in e.iter(W + "t")).strip()

    def at(place):
        if "table" in place:
            tr = [r for r in tables[place["table"] - 1] if r.tag == W + "tr"][place["row"] - 1]
            return text([c for c in tr if c.tag == W + "tc"][place["cell"] - 1])
        return text(paragraphs[place["paragraph"] - 1])

    return at


def text_at(lines, line, column):
    """The tab- or pipe-separated field of `line` holding character `column` (the line if none)."""
    s = lines[line - 1]
    i = column - 1
    for sep in ("\t", "|"):
        if sep in s:
            start = s.rfind(sep, 0, i) + 1
            end = s.find(sep, i)
            return s[start:len(s) if end < 0 else end].strip()
    return s.strip()


def main():
    docx = sys.argv[1]
    failed = False
    rec = json.loads(subprocess.run(["build/xxgk", "parse", "-q", "--positions", docx], capture_output=True,
                                    text=True).stdout)
    at = word_places(docx)
    inferred = any(d["code"] == "inferred-value" for d in rec["diagnostics"])
    n = elsewhere = 0
    for table in ("active_disclosure", "applications", "review_litigation"):
        for row, values in rec[table].items():
            for column, v in values.items():
                if v is None:
                    continue
                n += 1
                written = at(rec["positions"][table][row][column]).replace(",", "")
                try:
                    same = float(written) == float(v)
                except ValueError:
                    same = False
                if not same:
                    elsewhere += 1
                    if not inferred:
                        failed = True
                    print(f"  {table}.{row}.{column} = {v} located at {rec['positions'][table][row][column]}: {written!r}")
    note = " (the record infers values: those are located at the cell their value is missing from)" if inferred else ""
    print(f"{docx}: {n} values, {elsewhere} not written in the cell they are located at{note}")

    if len(sys.argv) > 2:
        seed = sys.argv[2]
        lines = open(seed, encoding="utf-8").read().split("\n")
        mine = json.load(open(docx + ".expected.json", encoding="utf-8"))["diagnostics"]
        theirs = json.load(open(seed + ".expected.json", encoding="utf-8"))["diagnostics"]
        same = 0
        for a, b in zip(theirs, mine):
            if (a["code"], a["message"]) != (b["code"], b["message"]):
                print(f"  diagnostics in another order: {a['code']} / {b['code']}")
                failed = True
                continue
            t, w = text_at(lines, a["line"], a["column"]), at(b)
            if t.replace(" ", "") == w.replace(" ", ""):
                same += 1
            else:
                failed = True
                print(f"  {a['code']} at {a['line']}:{a['column']} {t!r}, in the Word file at {b}: {w!r}")
        print(f"{docx}: {same} of {len(theirs)} diagnostics at the text the seed's are at ({seed})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
