"""Backup and restore (issue 14 item 7), on real SQLite stores and real files, through the real CLI where a
script would use it: a backup taken while another process writes restores to a store that passes
``store check`` and holds every row committed before the backup began; a damaged backup is refused naming
the first bad file and nothing changes; a restore over a store keeps a copy of it; a backup is never written
inside the store's files folder."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import textwrap
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cli_runner import run_cli

from qcy_workstation.cases.dto import NewCase, PartyInput
from qcy_workstation.cases.evidence import EvidenceService
from qcy_workstation.cases.services import CaseService
from qcy_workstation.cases.settings import SettingsService
from qcy_workstation.db import backup as backups
from qcy_workstation.db.store import open_store
from qcy_workstation.errors import IntegrityError, QcyError, StoreError, ValidationError

ENV = {**os.environ, "QCY_STAFF": "备份员"}


def cli(db: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    proc = run_cli(["--db", str(db), *args], capture_output=True,
                          text=True, timeout=300, env=ENV)
    if check and proc.returncode != 0:
        raise AssertionError(proc.stderr)
    return proc


def new_case(cases: CaseService, title: str):  # type: ignore[no-untyped-def]
    return cases.create(NewCase(title=title, ip_type="patent", applicant=PartyInput(name="西安秦川科技有限公司")))


def numbers(db: Path) -> set[str]:
    conn = sqlite3.connect(db)
    try:
        return {r[0] for r in conn.execute("SELECT number FROM cases")}
    finally:
        conn.close()


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with its SHA-256: what "nothing changed" is checked against."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def filled(store, cases, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A store with three cases, two evidence files and its files folder."""
    evidence = EvidenceService(store, "张三")
    made = [new_case(cases, f"“秦川”专利侵权 {i}") for i in range(3)]
    for i, case in enumerate(made[:2]):
        f = tmp_path / f"证据{i}.txt"
        f.write_text(f"购买公证书 第{i}号", encoding="utf-8")
        evidence.add(case.number, f)
    return store


WRITER = textwrap.dedent("""
    import sys, pathlib
    from qcy_workstation.db.store import open_store
    from qcy_workstation.cases.services import CaseService
    from qcy_workstation.cases.evidence import EvidenceService
    from qcy_workstation.cases.dto import NewCase, PartyInput
    db, stop, scratch = sys.argv[1:4]
    store = open_store(db)
    cases, evidence = CaseService(store, actor="另一台电脑"), EvidenceService(store, "另一台电脑")
    i = 0
    while not pathlib.Path(stop).exists():
        case = cases.create(NewCase(title=f"并发写入 {i}", ip_type="patent",
                                    applicant=PartyInput(name="咸阳某科技公司")))
        f = pathlib.Path(scratch) / f"e{i}.txt"
        f.write_text(f"并发证据 {i}", encoding="utf-8")
        evidence.add(case.number, f)
        i += 1
    store.close()
""")


@pytest.mark.sqlite_only("backup and restore copy the SQLite file; a PostgreSQL store is refused (backup.engine: pg_dump)")
def test_a_backup_taken_while_another_process_writes_restores_every_committed_row(filled, store_path: Path,
                                                                                   tmp_path: Path) -> None:
    cases = CaseService(filled, actor="张三")
    for i in range(40):  # some volume, so the copy takes a few steps of the backup API
        new_case(cases, f"存量案件 {i}")
    stop, scratch = tmp_path / "stop", tmp_path / "scratch"
    scratch.mkdir()
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(store_path), str(stop), str(scratch)], env=ENV,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while len(numbers(store_path)) < 48 and time.monotonic() < deadline:  # the writer is under way
            time.sleep(0.05)
        committed = numbers(store_path)  # every row committed before the backup starts
        assert len(committed) >= 48 and writer.poll() is None
        done = json.loads(cli(store_path, "store", "backup", "--to", str(tmp_path / "backups"), "--json").stdout)
        time.sleep(0.3)
        assert writer.poll() is None, writer.stderr.read() if writer.stderr else ""  # it wrote throughout
    finally:
        stop.touch()
        _out, err = writer.communicate(timeout=60)
    assert writer.returncode == 0, err
    folder = Path(done["folder"])
    assert folder.parent == tmp_path / "backups" and folder.name.startswith("qcy-backup-")
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["format"] == "qcy-workstation-backup" and manifest["app_version"]
    assert manifest["schema_revisions"] == done["schema_revisions"] and manifest["schema_revisions"]
    datetime.fromisoformat(manifest["created_at"])
    for entry in manifest["files"]:  # size and SHA-256 of every file, read back
        data = (folder / entry["path"]).read_bytes()
        assert (len(data), hashlib.sha256(data).hexdigest()) == (entry["size"], entry["sha256"])
    assert numbers(store_path) > numbers(folder / "store.sqlite")  # the writer went on after the snapshot

    restored = tmp_path / "elsewhere" / "restored.sqlite"
    out = cli(restored, "store", "restore", str(folder))
    assert "there was no store there before" in out.stdout
    check = cli(restored, "store", "check", "--json", check=False)
    report = json.loads(check.stdout)
    assert check.returncode == 0 and report["ok"], report  # integrity, audit chain, every evidence file
    assert committed <= numbers(restored)
    blobs = list((tmp_path / "elsewhere" / "restored-files" / "evidence").rglob("*"))
    assert sum(p.is_file() for p in blobs) >= 2 + len(committed) - 43  # ours and the writer's committed ones
    info = json.loads(cli(restored, "store", "info", "--json").stdout)
    assert info["last_backup"] == manifest["created_at"] and info["backup_due"] is False


def _backup(store, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    return Path(SettingsService(store, "张三").backup(tmp_path / "backups").folder)


def _flip_evidence_byte(folder: Path) -> str:
    entry = next(e for e in json.loads((folder / "manifest.json").read_text())["files"]
                 if e["path"].startswith("files/evidence/"))
    path = folder / entry["path"]
    path.chmod(0o644)
    data = bytearray(path.read_bytes())
    data[3] ^= 0x01
    path.write_bytes(bytes(data))
    return entry["path"]


def _edit_manifest(folder: Path) -> str:
    manifest = json.loads((folder / "manifest.json").read_text())
    manifest["created_at"] = "2020-01-01T00:00:00+00:00"  # made to look older: the checksum no longer matches
    (folder / "manifest.json").write_text(json.dumps(manifest))
    return "manifest.json"


def _truncate_database(folder: Path) -> str:
    path = folder / "store.sqlite"
    with path.open("r+b") as fh:
        fh.truncate(path.stat().st_size // 2)
    return "store.sqlite"


def _remove_evidence(folder: Path) -> str:
    entry = json.loads((folder / "manifest.json").read_text())["files"][-1]
    (folder / entry["path"]).unlink()
    return entry["path"]


@pytest.mark.sqlite_only("backup and restore copy the SQLite file; a PostgreSQL store is refused (backup.engine: pg_dump)")
@pytest.mark.parametrize(("damage", "reason"), [(_flip_evidence_byte, "backup.file_damaged"),
                                                 (_edit_manifest, "backup.manifest_tampered"),
                                                 (_truncate_database, "backup.file_damaged"),
                                                 (_remove_evidence, "backup.file_missing")])
def test_a_damaged_backup_is_refused_naming_the_first_bad_file_and_nothing_changes(filled, store_path: Path,
                                                                                    tmp_path: Path, damage,
                                                                                    reason: str) -> None:
    folder = _backup(filled, tmp_path)
    new_case(CaseService(filled, actor="张三"), "备份之后的案件")
    bad = damage(folder)
    filled.close()
    before = snapshot(tmp_path)
    p = cli(store_path, "store", "restore", str(folder), check=False)
    assert p.returncode == 1 and "Traceback" not in p.stderr
    assert f"backup.{reason.split('.')[1]}" in p.stderr and bad in p.stderr.replace(str(folder) + "/", ""), p.stderr
    assert snapshot(tmp_path) == before  # no copy aside, no file restored, the store untouched
    assert "备份之后的案件" in {r[0] for r in sqlite3.connect(store_path).execute("SELECT title FROM cases")}
    with pytest.raises(IntegrityError) as caught:
        backups.restore_store(folder, tmp_path / "new.sqlite")
    assert caught.value.reason == reason and not (tmp_path / "new.sqlite").exists()
    if reason != "backup.manifest_tampered":
        assert caught.value.params["path"] == bad


@pytest.mark.sqlite_only("backup and restore copy the SQLite file; a PostgreSQL store is refused (backup.engine: pg_dump)")
def test_restore_over_a_store_keeps_a_copy_of_it_and_brings_back_the_files(filled, store_path: Path,
                                                                           tmp_path: Path) -> None:
    folder = _backup(filled, tmp_path)
    before_backup = numbers(store_path)
    cases = CaseService(filled, actor="张三")
    later = new_case(cases, "备份之后的案件")
    blob = next((filled.files_dir / "evidence").rglob("*/*"))
    blob.chmod(0o644)
    blob.write_bytes(b"changed on disk")  # a damaged stored file: the backup's copy replaces it, it is kept
    result = backups.restore_store(folder, store_path)  # the store is open in this process meanwhile
    assert numbers(store_path) == before_backup and later.number not in numbers(store_path)
    assert {c.number for c in cases.list()} == before_backup  # this process's open store sees the restored store
    kept = Path(result.previous_copy)
    assert kept.name.startswith("store.sqlite.before-restore-") and kept.suffix == ".bak"
    assert later.number in numbers(kept)  # the replaced store, complete
    assert hashlib.sha256(blob.read_bytes()).hexdigest() == blob.name
    assert result.files_set_aside and Path(result.files_set_aside[0]).read_bytes() == b"changed on disk"
    SettingsService(filled, "张三").record_restore(result)
    filled.close()
    report = json.loads(cli(store_path, "store", "check", "--json", check=False).stdout)
    assert report["ok"], report


@pytest.mark.sqlite_only("backup and restore copy the SQLite file; a PostgreSQL store is refused (backup.engine: pg_dump)")
def test_restore_over_a_damaged_store_moves_it_aside_whole(filled, store_path: Path, tmp_path: Path) -> None:
    folder = _backup(filled, tmp_path)
    filled.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{store_path}{suffix}").unlink(missing_ok=True)
    damaged = b"SQLite format 3\x00" + os.urandom(4096)
    store_path.write_bytes(damaged)
    out = cli(store_path, "store", "restore", str(folder)).stdout
    assert "the previous store is kept as" in out
    kept = next(tmp_path.glob("store.sqlite.before-restore-*.bak"))
    assert kept.read_bytes() == damaged
    assert json.loads(cli(store_path, "store", "check", "--json").stdout)["ok"]


def test_a_backup_inside_the_stores_files_folder_is_refused(filled, store_path: Path) -> None:
    inside = filled.files_dir / "backups"
    filled.close()
    p = cli(store_path, "store", "backup", "--to", str(inside), check=False)
    assert p.returncode == 1 and "backup.inside_store" in p.stderr and "Traceback" not in p.stderr
    assert not inside.exists()
    p = cli(store_path, "store", "backup", "--to", str(store_path), check=False)  # the store file itself
    assert p.returncode == 1 and ("backup.inside_store" in p.stderr or "backup.target_not_folder" in p.stderr)


@pytest.mark.sqlite_only("backup and restore copy the SQLite file; a PostgreSQL store is refused (backup.engine: pg_dump)")
def test_a_cancelled_backup_leaves_nothing_that_looks_like_a_backup(filled, tmp_path: Path) -> None:
    calls = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return len(calls) < 2

    with pytest.raises(QcyError) as caught:
        SettingsService(filled, "张三").backup(tmp_path / "backups", progress=progress)
    assert caught.value.reason == "backup.cancelled"
    assert list((tmp_path / "backups").iterdir()) == []
    assert SettingsService(filled, "张三").backup_status().last_at == ""


def test_backup_and_restore_ask_the_permission_check_first(filled, tmp_path: Path) -> None:
    from qcy_workstation.errors import PermissionDeniedError

    asked: list[str] = []

    def only_administrators(action: str) -> None:
        asked.append(action)
        raise PermissionDeniedError("administrators only", reason="backup.cancelled")

    with pytest.raises(PermissionDeniedError):
        backups.backup_store(filled, tmp_path / "b", permission=only_administrators)
    with pytest.raises(PermissionDeniedError):
        backups.restore_store(tmp_path / "b", tmp_path / "x.sqlite", permission=only_administrators)
    assert asked == ["store.backup", "store.restore"] and not (tmp_path / "b").exists()


def test_a_server_store_is_refused_with_a_clear_code(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as caught:
        backups.restore_store(tmp_path, "postgresql+psycopg://qcy@localhost/qcy")
    assert caught.value.reason == "backup.engine" and "pg_dump" in caught.value.message


def test_not_a_backup_folder(tmp_path: Path, store_path: Path) -> None:
    p = cli(store_path, "store", "restore", str(tmp_path), check=False)
    assert p.returncode == 1 and "backup.no_manifest" in p.stderr
    with pytest.raises(ValidationError):
        backups.read_manifest(tmp_path)


@pytest.mark.sqlite_only("backup and restore copy the SQLite file; a PostgreSQL store is refused (backup.engine: pg_dump)")
def test_the_reminder_follows_the_last_backup_and_the_setting(filled, tmp_path: Path) -> None:
    settings = SettingsService(filled, "张三")
    now = datetime.now(UTC)
    status = settings.backup_status(now)
    assert (status.last_at, status.reminder_days, status.due) == ("", 7, False)  # data since today only
    assert settings.backup_status(now + timedelta(days=8)).due  # never backed up, data older than 7 days
    settings.backup(tmp_path / "backups")
    status = settings.backup_status(now + timedelta(days=6))
    assert status.last_at and not status.due and status.folder.startswith(str(tmp_path / "backups"))
    assert settings.backup_status(now + timedelta(days=8)).due
    settings.update(backup_reminder_days=30)
    assert not settings.backup_status(now + timedelta(days=8)).due
    settings.update(backup_reminder_days=0)
    assert not settings.backup_status(now + timedelta(days=800)).due
    with pytest.raises(ValidationError) as caught:
        settings.update(backup_reminder_days="weekly")
    assert caught.value.field == "backup_reminder_days"


def test_an_empty_store_is_never_reminded(tmp_path: Path) -> None:
    s = open_store(tmp_path / "empty.sqlite")
    try:
        assert not SettingsService(s, "张三").backup_status(datetime.now(UTC) + timedelta(days=100)).due
    finally:
        s.close()
