"""Installing a newer version over an older one keeps the store, the evidence and the settings (issue 16
item 5): the new program migrates the older store on its first start, after copying the file aside.

The frozen program does the same in tests/installer/test_frozen_bundle.py; here the source program runs, so
the story is checked on every test run."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from old_store import EVIDENCE, cli, make_previous_release_store

from qcy_workstation.db.store import head_revisions

pytestmark = pytest.mark.sqlite_only(reason="the copy made before a migration is of the SQLite file")


def schema(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {r[0] for r in conn.execute("SELECT version_num FROM alembic_version")}


def test_a_store_of_the_previous_release_is_copied_aside_then_migrated_and_keeps_everything(tmp_path: Path) -> None:
    old = make_previous_release_store(tmp_path / "data")
    assert old.revisions and not old.revisions & head_revisions()

    cli(old.path, "store", "info")  # the first start of the new version
    assert schema(old.path) == head_revisions()
    copies = list(old.path.parent.glob(f"{old.path.name}.before-{'+'.join(sorted(old.revisions))}-*.bak"))
    assert len(copies) == 1, "the store is copied aside before it is migrated"
    assert schema(copies[0]) == old.revisions, "the copy is the store as the older version left it"

    case = cli(old.path, "cases", "show", old.case_number)
    assert case["title"] == "“秦韵”商标侵权"  # type: ignore[index]
    evidence = cli(old.path, "evidence", "list", old.case_number)
    assert [e["sha256"] for e in evidence] == [old.evidence_sha256]  # type: ignore[union-attr,index]
    assert cli(old.path, "evidence", "verify", old.case_number)["ok"] is True  # type: ignore[index]
    stored = next(old.path.parent.glob(f"{old.path.stem}*-files/**/{old.evidence_sha256}*"))
    assert stored.read_bytes() == EVIDENCE
    settings = cli(old.path, "store", "settings")
    assert settings["acceptance_days"] == 7 and settings["extra"]["backup_reminder_days"] == "14"  # type: ignore[index]
    assert cli(old.path, "store", "check")["ok"] is True  # type: ignore[index]

    cli(old.path, "store", "info")  # the second start migrates nothing and copies nothing
    assert len(list(old.path.parent.glob(f"{old.path.name}.before-*.bak"))) == 1
