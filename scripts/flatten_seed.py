#!/usr/bin/env python3
"""Write a text report (a corpus seed in the tsv layout) as the flattened text that copying its
web page often gives:

    scripts/flatten_seed.py --pipe-rows  corpus/004_343c1e05f6dd2d22.txt > corpus/html/flattened-pipe-rows.md
    scripts/flatten_seed.py --cell-lines corpus/004_343c1e05f6dd2d22.txt > corpus/html/flattened-cell-lines.txt

--pipe-rows:  each table row as "| a | b | c |", no separator lines (the markdown layout reads it).
--cell-lines: each cell on a line of its own ending in " |" (a blank cell: " |"), a blank line
              after each row (the cell-lines layout, grammar/cell_lines.hpp).
Paragraph lines are kept as they are, and so is every cell's text: the record must equal the
seed's but for source.layout and the diagnostics' positions.
"""
import sys


def main():
    form, path = sys.argv[1], sys.argv[2]
    out = []
    for line in open(path, encoding="utf-8").read().split("\n"):
        if "\t" not in line:
            out.append(line)
            continue
        cells = [c.strip() for c in line.split("\t")]
        if form == "--pipe-rows":
            out.append("| " + " | ".join(cells) + " |")
        else:
            out.extend((c + " |") if c else " |" for c in cells)
            out.append("")
    sys.stdout.write("\n".join(out))


if __name__ == "__main__":
    main()
