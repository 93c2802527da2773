#!/usr/bin/env python3
"""Compare two canonical records (xxgk parse output) field by field, for a source rendered in
another format (an HTML page made from a text seed): what must be equal, and what may differ.

    scripts/compare_records.py corpus/003_8ac5e3a1fa8dde41.txt.expected.json corpus/html/seed-003.html.expected.json

Must be equal: agency, year, published, index_number, template, templates, the three tables,
sections, checks, and the diagnostics' severities, codes and messages in order. May differ:
`source` (path, format, layout, encoding) and the diagnostics' positions (line, column, and the
PDF/Word location fields). Exit status 0 when equal, 1 otherwise (the differences on stdout).
"""
import json
import sys

EQUAL = ["agency", "year", "published", "index_number", "template", "templates", "active_disclosure",
         "applications", "review_litigation", "sections", "checks"]
POSITION = {"line", "column", "page", "paragraph", "table", "row", "cell"}


def diagnostics(record):
    return [{k: v for k, v in d.items() if k not in POSITION} for d in record["diagnostics"]]


def compare(a, b):
    diffs = []
    for key in EQUAL:
        if a.get(key) != b.get(key):
            diffs.append("%s: %s != %s" % (key, json.dumps(a.get(key), ensure_ascii=False)[:300],
                                           json.dumps(b.get(key), ensure_ascii=False)[:300]))
    da, db = diagnostics(a), diagnostics(b)
    if da != db:
        for i in range(max(len(da), len(db))):
            x = da[i] if i < len(da) else None
            y = db[i] if i < len(db) else None
            if x != y:
                diffs.append("diagnostic %d: %s != %s" % (i, json.dumps(x, ensure_ascii=False), json.dumps(y, ensure_ascii=False)))
    return diffs


def main():
    a, b = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:3])
    diffs = compare(a, b)
    for d in diffs:
        print(d)
    if not diffs:
        print("equal: agency, year, tables, checks, sections, diagnostics (codes, messages); differ only in source and positions")
    sys.exit(1 if diffs else 0)


if __name__ == "__main__":
    main()
