"""Issue 12, "what store check must detect": the newest audit event deleted, an event edited and the whole
chain recomputed, a case row edited directly in the database, an evidence row's SHA-256 swapped. Each is
found, named by its first bad row and the case it affects, and an intact store still checks ok."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import run_cli
from sqlalchemy import create_engine, text

from qcy_workstation.cases.dto import NewCase, PartyInput
from qcy_workstation.cases.evidence import EvidenceService
from qcy_workstation.cases.services import CaseService
from qcy_workstation.db.audit import _digest


@pytest.fixture
def path(tmp_path: Path, open_test_store, monkeypatch: pytest.MonkeyPatch) -> str:  # type: ignore[no-untyped-def]
    """The store's --db: a SQLite file or a PostgreSQL database (its files folder in $QCY_FILES)."""
    store = open_test_store(tmp_path)
    monkeypatch.setenv("QCY_FILES", str(store.files_dir))  # ignored for a SQLite file
    cases = CaseService(store, "张三")
    for i in range(3):
        n = cases.create(NewCase(title=f"案件{i}", ip_type="patent", applicant=PartyInput(f"西安第{i}有限公司"))).number
        cases.transition(n, "accepted")
    proof = tmp_path / "proof.txt"
    proof.write_text("公证书", encoding="utf-8")
    EvidenceService(store, "张三").add("QCY-2026-00002", proof)
    store.close()
    return store.url


def check(db: str) -> tuple[int, dict, str]:  # type: ignore[type-arg]
    out = run_cli(["--db", str(db), "store", "check", "--json"],
                         capture_output=True, text=True, timeout=120)
    text = run_cli(["--db", str(db), "store", "check"],
                          capture_output=True, text=True, timeout=120).stdout
    assert "Traceback" not in out.stderr
    return out.returncode, json.loads(out.stdout), text


def sql(db: str, statement: str, **params: object) -> list[tuple]:  # type: ignore[type-arg]
    """Someone with a database tool edits the store behind the app's back."""
    engine = create_engine(db)
    try:
        with engine.begin() as con:
            result = con.execute(text(statement), params)
            return [tuple(r) for r in result] if result.returns_rows else []
    finally:
        engine.dispose()


def test_an_intact_store_checks_ok(path: str) -> None:
    code, report, _text = check(path)
    assert code == 0 and report["ok"] and report["cases_not_sealed"] == 0


def test_the_newest_audit_event_deleted_is_found(path: str) -> None:
    sql(path, "DELETE FROM audit_events WHERE id = (SELECT max(id) FROM audit_events)")
    code, report, text = check(path)
    assert code == 1 and report["audit_anchor"]["problem"] == "events_missing"
    assert "events were deleted" in text


def rewrite_chain(path: str) -> None:
    """Edit a transition's reason and recompute every hash after it, as a careful forger would."""
    rows = sql(path, "SELECT id, at, actor, action, entity, entity_id, case_id, details FROM audit_events ORDER BY id")
    prev = ""
    for eid, at, actor, action, entity, entity_id, case_id, details in rows:
        if action == "transition":
            details = details.replace('"reason": ""', '"reason": "改过"')
        from datetime import datetime

        when = at if isinstance(at, datetime) else datetime.fromisoformat(at)  # PostgreSQL: a datetime already
        digest = _digest(prev, when, actor, action, entity, entity_id, case_id, details)
        sql(path, "UPDATE audit_events SET details = :d, prev_hash = :p, hash = :h WHERE id = :id", d=details,
            p=prev, h=digest, id=eid)
        prev = digest


def test_an_event_edited_and_the_chain_recomputed_is_found(path: str) -> None:
    rewrite_chain(path)
    code, report, text = check(path)
    assert report["audit_chain_broken_at"] == []  # the chain itself is consistent again...
    assert code == 1 and report["audit_anchor"]["problem"] == "chain_rewritten"  # ...but not the recorded head
    assert "the chain was rewritten" in text


def test_a_case_row_edited_in_the_database_is_found_and_named(path: str) -> None:
    sql(path, "UPDATE cases SET title = '被改过的标题' WHERE number = 'QCY-2026-00002'")
    code, report, text = check(path)
    assert code == 1 and [c["case"] for c in report["cases_changed_outside"]] == ["QCY-2026-00002"]
    assert "case QCY-2026-00002: its row was changed outside the app" in text


def test_an_evidence_hash_swapped_to_match_another_file_is_found(path: str) -> None:
    sql(path, "UPDATE evidence SET sha256 = :sha", sha="0" * 64)
    code, report, text = check(path)
    assert code == 1 and report["evidence_rows_changed"][0]["case"] == "QCY-2026-00002"
    assert "its recorded SHA-256 was changed" in text


def test_a_broken_chain_names_its_first_bad_row_and_case(path: str) -> None:
    sql(path, "UPDATE audit_events SET actor = '李四' WHERE action = 'transition' AND entity_id = 'QCY-2026-00002'")
    code, report, text = check(path)
    first = report["audit_first_bad"]
    assert code == 1 and first["case"] == "QCY-2026-00002" and first["action"] == "transition"
    assert f"the chain breaks at event #{first['id']}" in text


@pytest.mark.sqlite_only("store backup copies a SQLite file")
def test_a_chain_rewritten_with_its_anchor_file_is_found_by_the_last_backup(path: str, tmp_path: Path) -> None:
    # the last backup's manifest keeps the chain head too: a forger who also rewrites the anchor file beside
    # the store is still caught, as long as the backup folder is reachable from the desk
    backup = tmp_path / "backups" / "monday"
    done = run_cli(["--db", path, "store", "backup", "--to",
                           str(backup)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    head = json.loads(next(backup.glob("**/manifest.json")).read_text(encoding="utf-8"))["audit_head"]
    assert head["events"] > 0 and len(head["last_hash"]) == 64
    rewrite_chain(path)
    new_head = sql(path, "SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1")[0]
    from qcy_workstation.db.store import open_store

    store = open_store(path)
    anchor = store.files_dir / "audit-anchor.json"
    store.close()
    assert anchor.exists()
    anchor.write_text(json.dumps({"last_id": new_head[0], "last_hash": new_head[1]}), encoding="utf-8")
    code, report, text = check(path)
    assert report["audit_chain_broken_at"] == []
    assert code == 1 and report["audit_anchor"]["problem"] == "chain_rewritten"
    assert "last backup's manifest" in text


# ------------------------------------------------------------------ the desk's witness (issue 12, last point)


def test_a_desk_that_wrote_the_store_witnesses_its_chain(path: str) -> None:
    code, report, text = check(path)
    witness = report["audit_witness"]
    assert code == 0 and witness["status"] == "ok" and witness["witnessed_events"] > 0
    assert "this desk's witness" in text and "is in the chain" in text


def test_a_chain_rewritten_together_with_its_anchor_from_a_copy_is_found_by_the_desks_witness(
        path: str, tmp_path: Path) -> None:
    # the forger copies the store's own files away, rewrites the chain in the copy with a careful
    # recomputation, writes a matching anchor file, and puts both back: nothing in the store folder
    # disagrees any more, and no backup was ever made. Only this desk's witness (outside the folder, under a
    # key the store's files do not hold) still knows the head it saw.
    from qcy_workstation.db.store import open_store

    store = open_store(path)
    files_dir, db_file = store.files_dir, store.path
    store.close()
    if db_file is not None:  # SQLite: work on a copy of the store's own file, then put it back
        import shutil

        copy = tmp_path / "forger" / "copy.sqlite"
        copy.parent.mkdir()
        shutil.copy2(db_file, copy)
        rewrite_chain(f"sqlite:///{copy}")
        shutil.copy2(copy, db_file)
        for extra in ("-wal", "-shm"):
            Path(str(db_file) + extra).unlink(missing_ok=True)
    else:  # PostgreSQL: the forger rewrites the rows in place
        rewrite_chain(path)
    new_head = sql(path, "SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1")[0]
    (files_dir / "audit-anchor.json").write_text(json.dumps({"last_id": new_head[0], "last_hash": new_head[1]}),
                                                 encoding="utf-8")
    code, report, text = check(path)
    assert report["audit_chain_broken_at"] == [] and report["audit_anchor"] is None  # the folder agrees with itself
    assert code == 1 and report["audit_witness"]["problem"] == "witness.chain_rewritten"
    assert "[witness.chain_rewritten]" in text and "the chain was rewritten" in text


def test_events_deleted_together_with_the_anchor_are_found_by_the_witness(path: str) -> None:
    from qcy_workstation.db.store import open_store

    sql(path, "DELETE FROM audit_events WHERE id >= (SELECT max(id) - 1 FROM audit_events)")
    new_head = sql(path, "SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1")[0]
    store = open_store(path)
    (store.files_dir / "audit-anchor.json").write_text(
        json.dumps({"last_id": new_head[0], "last_hash": new_head[1]}), encoding="utf-8")
    store.close()
    code, report, text = check(path)
    assert report["audit_anchor"] is None
    assert code == 1 and report["audit_witness"]["problem"] == "witness.events_missing"
    assert "events were deleted" in text


def test_a_tampered_witness_file_is_detected(path: str) -> None:
    from qcy_workstation.db.witness import WITNESS_NAME, desk_folder

    witness = desk_folder() / WITNESS_NAME
    data = json.loads(witness.read_text(encoding="utf-8"))
    entry = next(iter(data["stores"].values()))
    entry["events"] -= 1  # e.g. someone trying to make a deletion pass: the MAC no longer matches
    witness.write_text(json.dumps(data), encoding="utf-8")
    code, report, text = check(path)
    assert code == 1 and report["audit_witness"]["problem"] == "witness.forged"
    assert "[witness.forged]" in text


def test_the_witness_file_is_owner_only_and_outside_the_store_folder(path: str) -> None:
    import os

    from qcy_workstation.db.store import open_store
    from qcy_workstation.db.witness import KEY_NAME, WITNESS_NAME, desk_folder

    store = open_store(path)
    files_dir = store.files_dir
    store.close()
    for name in (KEY_NAME, WITNESS_NAME):
        file = desk_folder() / name
        assert file.exists() and not file.resolve().is_relative_to(files_dir.resolve())
        if os.name == "posix":
            assert file.stat().st_mode & 0o077 == 0


def test_a_desk_without_a_witness_just_says_so(path: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QCY_WITNESS_DIR", str(tmp_path / "another-desk"))
    code, report, text = check(path)
    assert code == 0 and report["audit_witness"]["status"] == "none"
    assert "no witness on this desk" in text


def test_a_store_whose_identity_was_edited_is_found(path: str) -> None:
    sql(path, "UPDATE settings SET value = :v WHERE key = 'store.id'", v='"00000000-0000-0000-0000-000000000000"')
    code, report, text = check(path)
    assert code == 1 and report["audit_witness"]["problem"] == "witness.identity_changed"


def test_staff_accept_a_restore_made_elsewhere_with_reset_witness(path: str) -> None:
    sql(path, "DELETE FROM audit_events WHERE id = (SELECT max(id) FROM audit_events)")
    store_anchor_matches_db(path)
    out = run_cli(["--db", path, "store", "check", "--reset-witness"],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 1 and "this desk now witnesses the chain" in out.stdout
    code, report, _text = check(path)
    assert code == 0 and report["audit_witness"]["status"] == "ok"


def store_anchor_matches_db(path: str) -> None:
    from qcy_workstation.db.store import open_store

    new_head = sql(path, "SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1")[0]
    store = open_store(path)
    (store.files_dir / "audit-anchor.json").write_text(
        json.dumps({"last_id": new_head[0], "last_hash": new_head[1]}), encoding="utf-8")
    store.close()


def test_writes_after_a_rewrite_do_not_make_the_witness_forget_it(path: str) -> None:
    # the witness only moves forward along the chain it saw: a clerk's next case must not launder the forgery
    from qcy_workstation.db.store import open_store

    rewrite_chain(path)
    store_anchor_matches_db(path)
    store = open_store(path)
    CaseService(store, "张三").create(NewCase(title="次日新案", ip_type="patent", applicant=PartyInput("西安某公司")))
    store.close()
    code, report, _text = check(path)
    assert code == 1 and report["audit_witness"]["problem"] == "witness.chain_rewritten"
