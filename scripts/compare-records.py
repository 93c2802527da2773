#!/usr/bin/env python3
"""Compare two xxgk records (JSON files, or `-` to run `build/xxgk parse -q` on an input):
every field but `source` must be equal; diagnostics are compared by severity, code and message,
and their positions listed side by side. Exit 1 when a field or a diagnostic differs.

  scripts/compare-records.py corpus/004_343c1e05f6dd2d22.txt.expected.json corpus/docx/seed-004.docx.expected.json
  scripts/compare-records.py --positions A.json B.json    # also list each diagnostic's two positions
"""
import json
import subprocess
import sys

POSITION_KEYS = ("line", "column", "page", "paragraph", "table", "row", "cell")


def load(path):
    if path.endswith(".json"):
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    out = subprocess.run(["build/xxgk", "parse", "-q", path], capture_output=True, text=True)
    return json.loads(out.stdout)


def where(d):
    return ", ".join(f"{k} {d[k]}" for k in POSITION_KEYS if k in d) or "-"


def main():
    args = sys.argv[1:]
    show_positions = "--positions" in args
    args = [a for a in args if a != "--positions"]
    a, b = load(args[0]), load(args[1])
    differs = False
    for key in a:
        if key in ("source", "diagnostics"):
            continue
        if a[key] != b.get(key):
            differs = True
            print(f"{key}: differs")
            if isinstance(a[key], dict):
                for k in a[key]:
                    if a[key][k] != b[key].get(k):
                        print(f"  {key}.{k}: {a[key][k]} != {b[key].get(k)}")
            else:
                print(f"  {a[key]}\n  {b.get(key)}")
    da = [(d["severity"], d["code"], d["message"]) for d in a["diagnostics"]]
    db = [(d["severity"], d["code"], d["message"]) for d in b["diagnostics"]]
    if sorted(da) != sorted(db):
        differs = True
        print("diagnostics differ:")
        for d in sorted(set(da) - set(db)):
            print("  only in the first: ", d)
        for d in sorted(set(db) - set(da)):
            print("  only in the second:", d)
    else:
        print(f"equal: every field but source; {len(da)} diagnostics equal but for their positions")
    if show_positions:
        pos_b = {}
        for d in b["diagnostics"]:
            pos_b.setdefault((d["code"], d["message"]), []).append(where(d))
        for d in a["diagnostics"]:
            others = pos_b.get((d["code"], d["message"]), [])
            print(f"  {d['code']}: {where(d)}  |  {others.pop(0) if others else '?'}  ({d['message']})")
    return 1 if differs else 0


if __name__ == "__main__":
    sys.exit(main())
