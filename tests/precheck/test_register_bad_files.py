"""Staff import register files exported by other systems; a misread file is reported row by row, never
swallowed silently and never a traceback."""

from __future__ import annotations

from pathlib import Path

from qcy_workstation.precheck.register import import_register, register_counts

HEADER = "注册号,商标,类别,注册人"


def _rows(n: int) -> list[str]:
    return [f"{1000000 + i},秦{i}商标,30,西安某公司" for i in range(n)]


def test_an_unclosed_quote_is_a_bad_row_with_its_line_not_one_swallowed_mark(store, tmp_path: Path) -> None:
    rows = _rows(25)
    rows[3] = '1000003,"秦三商标,30,西安某公司'  # the quote is never closed: Excel would eat the rest of the file
    path = tmp_path / "tm.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")

    report = import_register(store, path)

    assert report.imported == 3 and len(report.bad_rows) == 1
    bad = report.bad_rows[0]
    assert bad.row == 5 and bad.field == "mark"  # line 5 of the file (line 1 is the header)
    assert "quote" in bad.reason and "22 lines" in bad.reason
    assert register_counts(store)["trademark"] == 3


def test_a_file_with_old_mac_line_ends_is_read_line_by_line(store, tmp_path: Path) -> None:
    path = tmp_path / "cr.csv"
    path.write_bytes(("\r".join([HEADER, *_rows(6)]) + "\r").encode("utf-8"))
    report = import_register(store, path)
    assert (report.total_rows, report.imported, len(report.bad_rows)) == (6, 6, 0)


def test_a_cell_over_the_csv_limit_is_a_bad_row_and_the_rest_is_imported(store, tmp_path: Path) -> None:
    rows = _rows(4)
    rows.insert(2, "2000000," + "X" * 140_000 + ",30,某公司")
    path = tmp_path / "big.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    report = import_register(store, path)
    assert report.imported == 4
    assert [b.row for b in report.bad_rows] == [4] and "cannot be read" in report.bad_rows[0].reason


def test_extra_fields_and_a_mark_of_ten_thousand_characters_are_bad_rows(store, tmp_path: Path) -> None:
    rows = _rows(3) + ["1000010,秦韵,30,某公司,多出的一列,又一列", "1000011," + "秦" * 10_000 + ",30,某公司"]
    path = tmp_path / "odd.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    report = import_register(store, path)
    assert report.imported == 3
    reasons = {b.row: b.reason for b in report.bad_rows}
    assert "6 fields but the header has 4" in reasons[5]
    assert "10,000 characters" in reasons[6]
