"""The write campaign of issue 12, in CI-sized form (the long version: benchmarks/bench_write_campaign.py).

* Three OS processes write to one store (SQLite; PostgreSQL with ``--store=postgresql``) at once for 12 s: the demo seeder (a real
  ``seed-demo`` CLI run of 6,000 cases in two chunks, then in-process runs in small chunks), a desk adding
  and accepting cases (some through the real ``cases add``), a desk logging consultations (some linked to
  cases). Every write a process reported as committed is in the store exactly once, nothing else is; case
  numbers are unique and gap-free per year; every case has its one audit ``create`` event and its search
  row; the audit chain is intact; ``store check`` exits 0. (Before issue 12 item 3 the seeder reused the
  ids, case numbers and audit chain head of its first transaction: UNIQUE failures and a broken chain.)
* At least 50 random SIGKILLs of writers (two at a time, on three stores, each killed 0.05-0.8 s after it
  started: opening the store, preparing rows, waiting for the write lock or inside a transaction); then
  every store passes ``PRAGMA integrity_check``, its audit chain is intact, every case and consultation a
  writer reported as committed before it was killed is there exactly once, and ``store check`` exits 0.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from qcy_workstation.db.store import open_store

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_write_campaign.py"
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and fork: POSIX only")


def _campaign():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bench_write_campaign", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
@posix_only
def test_three_writers_at_once_lose_and_duplicate_nothing(tmp_path: Path, open_test_store,  # type: ignore[no-untyped-def]
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    wc = _campaign()
    shared = open_test_store(tmp_path)  # SQLite, or a PostgreSQL database with --store=postgresql
    shared.close()
    db = shared.path or shared.url
    monkeypatch.setenv("QCY_FILES", str(shared.files_dir))  # the writers' files folder on a server store
    t0 = time.monotonic()
    procs = wc.start_writers(db, tmp_path, ("demo", "cases", "consult"), seconds=12, seed=7)
    failures = wc.wait_writers(procs, timeout=240)
    assert failures == []
    assert time.monotonic() - t0 < 120
    reported = wc.read_logs([log for _, log in procs])
    # No write failed: no UNIQUE error, no broken chain. A write that waited past the writers' 5 s bound is
    # refused whole ("store.busy": nothing written, the desk says "try again"); on a machine running two suites
    # at once the seeder's 5,000-case chunks can hold the lock that long. The exact check below proves such a
    # refusal left nothing behind; that it stays rare on a desk is the load benchmark's question, not a test's.
    busy = [e for e in reported.errors if '"reason": "store.busy"' in e]
    assert [e for e in reported.errors if e not in busy] == []
    problems, figures = wc.check_store(db, reported, exact=True)
    assert problems == []
    # the campaign did what it says: the seeder's CLI run and its small chunks, both desks, all at once
    assert reported.demo_cases >= 6000
    assert figures["desk_cases"] >= 20 and figures["desk_consultations"] >= 20 and len(reported.accepted) >= 5
    assert reported.cases and all(number.startswith("QCY-") for number in reported.cases.values())


@pytest.mark.slow
@posix_only
def test_fifty_random_kills_leave_every_store_sound(tmp_path: Path) -> None:
    wc = _campaign()
    dbs = [tmp_path / f"killed-{i}.sqlite" for i in range(3)]
    for db in dbs:
        open_store(db).close()
    out = subprocess.run([sys.executable, str(BENCH), "killer", "--db", *map(str, dbs), "--log-dir", str(tmp_path),
                          "--kills", "54", "--parallel", "2", "--seed", "12"],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    counts = json.loads(out.stdout)
    assert counts["kills"] >= 50
    assert counts["failed"] == 0  # no writer ended with an error of its own
    assert counts["in_transaction"] >= 10  # many kills landed inside a write transaction (holding the lock)
    committed = 0
    for db in dbs:
        reported = wc.read_logs(sorted(tmp_path.glob(f"{db.stem}-*.log")))
        assert reported.errors == []
        problems, figures = wc.check_store(db, reported, exact=False)
        assert problems == [], db.name
        assert figures["cases"] >= reported.all_cases
        committed += reported.commits
    # the writers really wrote between kills (about 150 commits on an idle 2-core machine; 31 were seen with
    # eight other processes running and 20 at load 10, so the floor only proves the campaign wrote, not how fast)
    assert committed >= 10


def test_the_seeders_search_rows_are_what_one_index_body_call_gives(tmp_path: Path) -> None:
    # The seeder tokenises a case's text outside its transaction and adds the case number (known only inside
    # it) in front: the stored search text must be what indexing number and text in one call gives.
    from qcy_workstation.cases import search
    from qcy_workstation.cases.demo import seed_demo

    store = open_store(tmp_path / "demo.sqlite")
    seed_demo(store, cases=120, consultations=0, seed=11, chunk=50)
    with store.read() as s:
        rows = s.connection().exec_driver_sql(
            "SELECT c.number, c.title, c.facts, a.name, coalesce(o.name, ''), a.uscc, r.number, r.title, "
            "r.protected_area, f.body FROM cases c JOIN parties a ON a.id = c.applicant_id "
            "LEFT JOIN parties o ON o.id = c.opponent_id JOIN rights r ON r.case_id = c.id "
            "JOIN case_fts f ON f.rowid = c.id").fetchall()
    store.close()
    assert len(rows) == 120
    for *parts, body in rows:
        assert body == search.index_body(*parts)
