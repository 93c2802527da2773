"""The Python module end to end (pytest): python3 -m pytest python/test_xxgk.py, with the built
module's directory on PYTHONPATH (ctest sets it: tests/CMakeLists.txt)."""
import json
import os
import pathlib
import subprocess
import threading

import pytest
import xxgk

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "000_a411e0a1c57d9535.txt"
PDF = ROOT / "corpus" / "pdf" / "hongze_2023.pdf"


def expected(path):
    return json.loads((path.parent / (path.name + ".expected.json")).read_text(encoding="utf-8"))


def test_version():
    assert xxgk.__version__.count(".") == 2


def test_parse_gives_the_expected_record():
    rec = xxgk.parse(str(SEED))
    assert rec["agency"] == "三门峡市科学技术局"
    assert rec["year"] == 2025
    assert rec["applications"]["new_received"]["total"] == 1
    assert rec["applications"]["new_received"]["other"] is None
    # The same record as the corpus's expected one, but for the path it was given.
    want = expected(SEED)
    want["source"]["path"] = str(SEED)
    assert rec == want


def test_parse_a_pdf():
    rec = xxgk.parse(str(PDF))
    want = expected(PDF)
    want["source"]["path"] = str(PDF)
    assert rec == want
    assert rec["source"]["format"] == "pdf"


def test_parse_bytes_names_the_source():
    rec = xxgk.parse_bytes(SEED.read_bytes(), name="corpus/000_a411e0a1c57d9535.txt")
    assert rec == expected(SEED)
    assert xxgk.parse_bytes(SEED.read_bytes())["source"]["path"] == "<bytes>"


def test_positions():
    rec = xxgk.parse(str(SEED), positions=True)
    where = rec["positions"]["applications"]["new_received"]["total"]
    assert where["line"] > 0 and where["column"] > 0


def test_missing_file_is_file_not_found():
    with pytest.raises(FileNotFoundError):
        xxgk.parse(str(ROOT / "no-such-report.txt"))


def test_a_directory_is_not_a_file():
    with pytest.raises(IsADirectoryError):
        xxgk.parse(str(ROOT / "corpus"))


def test_not_a_report_raises_with_the_diagnostic():
    with pytest.raises(xxgk.NotAReportError) as e:
        xxgk.parse_bytes("这是一本小说。\n第一章\n".encode(), name="novel.txt")
    assert "novel.txt" in str(e.value) and "not-a-report" in str(e.value)
    assert issubclass(xxgk.NotAReportError, xxgk.Error)


def test_unknown_layout_or_encoding_is_a_value_error():
    with pytest.raises(ValueError, match="unknown layout 'csv'"):
        xxgk.parse(str(SEED), layout="csv")
    with pytest.raises(ValueError, match="unknown encoding 'FOO'"):
        xxgk.parse_bytes(b"x", encoding="FOO")


def test_strict_raises_on_a_failed_check():
    bad = ROOT / "corpus" / "quirks" / "totals-dont-add-up.txt"
    rec = xxgk.parse(str(bad))
    assert any(c["status"] == "fail" for c in rec["checks"])
    with pytest.raises(xxgk.ReportError):
        xxgk.parse(str(bad), strict=True)


def test_threads_parse_at_once():
    results = [None] * 4

    def work(i):
        results[i] = xxgk.parse(str(SEED))

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r == results[0] for r in results)
