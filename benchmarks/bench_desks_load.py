"""Load test: several desks (separate processes) on one store doing a day's mix of work (issue 15, Figures).

Each desk is its own process with its own store connection, as a desk PC is. For a bounded time every desk
repeats a realistic mix: search the cases, list the first page, open a case, log a consultation, edit a case
(the form's version check: on ``case.changed`` the desk reloads and applies its edit again, as the UI's
reload-and-reapply does) and export a document to PDF. Afterwards the run checks what the issue asks:

- no errors (a ``case.changed`` conflict is the store refusing a lost update, counted apart, not an error);
- no lost updates: every edit a desk saw saved (its own marker appended to a case's facts) is in the case;
- every consultation a desk saw saved is in the store (count before + saved == count after).

The same mix runs first on ONE desk on a SQLite store (the single-desk baseline of the same run), then on
``--desks`` desks on the store under test (PostgreSQL by default: a throw-away local cluster from
``tests/pg_server.py``, or ``--url``). p50/p95 per action are printed side by side for RESULTS.md.

    .venv/bin/python benchmarks/bench_desks_load.py [--desks 10] [--seconds 300] [--baseline-seconds 60]
        [--cases 3000] [--store postgresql|sqlite] [--url postgresql+psycopg://...]
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import platform
import random
import sys
import tempfile
import time
import traceback
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ACTIONS = {"search": 30, "list": 20, "open": 20, "consult": 10, "edit": 15, "export": 5}
QUERIES = ["猕猴", "商标", "秦", "锂电", "柿饼", "光伏", "保密", "渭南", "抢注", "冬枣", "专利", "地理标志"]
HOT_CASES = 40  # edits go to these few cases, so desks really collide on the same rows


@dataclass
class DeskResult:
    desk: int
    timings: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: list[str] = field(default_factory=list)
    conflicts: int = 0
    saved_markers: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    consultations_saved: int = 0


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def desk(args: tuple[int, str, str | None, float, list[str], list[str], int]) -> DeskResult:
    """One desk: its own process, store connection and principal, until ``deadline`` (epoch seconds)."""
    index, url, files_dir, deadline, numbers, hot, seed = args
    from qcy_workstation.accounts.principal import open_principal
    from qcy_workstation.cases.consultations import ConsultationService
    from qcy_workstation.cases.dto import NewConsultation
    from qcy_workstation.cases.services import CaseService
    from qcy_workstation.db.store import open_store
    from qcy_workstation.documents.service import DocumentService
    from qcy_workstation.errors import ConflictError

    store = open_store(url, files_dir=Path(files_dir) if files_dir else None)
    me = open_principal(f"desk{index}")
    cases, consults, docs = CaseService(store, me), ConsultationService(store, me), DocumentService(store, me)
    rng = random.Random(seed)
    result = DeskResult(index)
    names, weights = list(ACTIONS), list(ACTIONS.values())
    out_dir = Path(tempfile.mkdtemp(prefix=f"qcy-load-{index}-"))
    n = 0
    while time.time() < deadline:
        action = rng.choices(names, weights)[0]
        n += 1
        t0 = time.perf_counter()
        try:
            if action == "search":
                cases.search(rng.choice(QUERIES), limit=50)
            elif action == "list":
                cases.list(limit=50)
            elif action == "open":
                cases.get(rng.choice(numbers))
            elif action == "consult":
                consults.add(NewConsultation(channel=rng.choice(["walk-in", "phone", "online", "letter"]),
                                             enquirer=f"负载测试{index}-{n}", topic="商标注册咨询",
                                             summary="询问商标续展期限", ip_type="trademark"))
                result.consultations_saved += 1
            elif action == "edit":
                number, marker = rng.choice(hot), f"d{index}.{n};"
                for _attempt in range(20):
                    current = cases.get(number)
                    try:
                        cases.update(number, expected_version=current.row_version,
                                     facts=(current.facts or "") + marker)
                        result.saved_markers[number].append(marker)
                        break
                    except ConflictError:
                        result.conflicts += 1  # another desk saved first: reload and apply again
                else:
                    result.errors.append(f"edit {number}: 20 conflicts in a row")
            elif action == "export":
                number = rng.choice(numbers)
                docs.export("advice-letter", number, "pdf", out=out_dir / f"{n}.pdf")
        except Exception as exc:  # noqa: BLE001 - every failure is a finding of the load test
            result.errors.append(f"{action}: {type(exc).__name__}: {exc}"[:300])
            if len(result.errors) < 3:
                traceback.print_exc()
        result.timings[action].append((time.perf_counter() - t0) * 1000)
    store.engine.dispose()
    return result


def run_phase(url: str, files_dir: str | None, desks: int, seconds: float, label: str) -> dict[str, Any]:
    from qcy_workstation.accounts.principal import open_principal
    from qcy_workstation.cases.consultations import ConsultationService
    from qcy_workstation.cases.services import CaseService
    from qcy_workstation.db.store import open_store

    store = open_store(url, files_dir=Path(files_dir) if files_dir else None)
    svc = CaseService(store, open_principal("bench"))
    numbers = [r.number for r in svc.list(limit=2000)]
    hot = numbers[:HOT_CASES]
    before = {n: svc.get(n).facts or "" for n in hot}
    consultations_before = ConsultationService(store, open_principal("bench")).count()
    store.engine.dispose()
    deadline = time.time() + seconds + 5  # the processes need a few seconds to import and connect
    work = [(i, url, files_dir, deadline, numbers, hot, 1000 + i) for i in range(desks)]
    t0 = time.perf_counter()
    with mp.get_context("spawn").Pool(desks) as pool:
        results = pool.map(desk, work)
    wall = time.perf_counter() - t0

    store = open_store(url, files_dir=Path(files_dir) if files_dir else None)
    svc = CaseService(store, open_principal("bench"))
    lost = []
    for number in hot:
        facts = svc.get(number).facts or ""
        saved = [m for r in results for m in r.saved_markers.get(number, [])]
        lost += [f"{number}:{m}" for m in saved if m not in facts]
        if not facts.startswith(before[number]):
            lost.append(f"{number}: the text before the run was changed")
    consultations_after = ConsultationService(store, open_principal("bench")).count()
    store.engine.dispose()
    saved_consults = sum(r.consultations_saved for r in results)
    timings: dict[str, list[float]] = defaultdict(list)
    for r in results:
        for action, values in r.timings.items():
            timings[action] += values
    errors = [e for r in results for e in r.errors]
    edits = sum(len(m) for r in results for m in r.saved_markers.values())
    print(f"\n[{label}] {desks} desk(s), {wall:.0f} s wall, {sum(map(len, timings.values())):,} actions, "
          f"errors {len(errors)}, conflicts refused and re-applied {sum(r.conflicts for r in results)}, "
          f"edits saved {edits}, lost updates {len(lost)}, consultations saved {saved_consults} "
          f"(store: {consultations_after - consultations_before} more)")
    for e in errors[:10]:
        print("   error:", e)
    for lost_one in lost[:10]:
        print("   LOST:", lost_one)
    return {"timings": timings, "errors": errors, "lost": lost,
            "consult_ok": consultations_after - consultations_before == saved_consults}


def seeded_sqlite(cases: int, where: Path) -> str:
    from qcy_workstation.cases.demo import seed_demo
    from qcy_workstation.db.store import open_store

    path = where / f"load-{cases}.sqlite"
    store = open_store(str(path))
    seed_demo(store, cases=cases, consultations=2 * cases, seed=2026)
    store.engine.dispose()
    return str(path)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--desks", type=int, default=10)
    ap.add_argument("--seconds", type=float, default=300)
    ap.add_argument("--baseline-seconds", type=float, default=60)
    ap.add_argument("--cases", type=int, default=3000)
    ap.add_argument("--store", choices=("postgresql", "sqlite"), default="postgresql")
    ap.add_argument("--url", help="a PostgreSQL store (SQLAlchemy URL) to seed and load instead of a local cluster")
    args = ap.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}, "
          f"Python {platform.python_version()}; mix {ACTIONS}")
    work = Path(tempfile.mkdtemp(prefix="qcy-load-"))
    base = run_phase(seeded_sqlite(args.cases, work), None, 1, args.baseline_seconds, "SQLite, one desk")

    server = None
    files_dir: str | None = None
    if args.store == "sqlite":
        (work / "many").mkdir()
        url = seeded_sqlite(args.cases, work / "many")
    else:
        from qcy_workstation.cases.demo import seed_demo
        from qcy_workstation.db.store import open_store

        url = args.url or ""
        if not url:
            sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
            from pg_server import PgServer

            server = PgServer.start()
            server.execute("CREATE DATABASE load")
            url = server.url_of("load")
        files_dir = str(work / "pg-files")
        store = open_store(url, files_dir=Path(files_dir))
        seed_demo(store, cases=args.cases, consultations=2 * args.cases, seed=2026)
        store.engine.dispose()
    try:
        many = run_phase(url, files_dir, args.desks, args.seconds,
                         f"{'PostgreSQL' if args.store == 'postgresql' else 'SQLite'}, {args.desks} desks")
    finally:
        if server is not None:
            server.stop()
    print(f"\n| action | one desk, SQLite: p50 / p95 ms | {args.desks} desks, {args.store}: p50 / p95 ms | "
          f"actions ({args.desks} desks) |")
    print("|---|---|---|---|")
    for action in ACTIONS:
        b, m = base["timings"].get(action, []), many["timings"].get(action, [])
        print(f"| {action} | {pct(b, 50):.1f} / {pct(b, 95):.1f} | {pct(m, 50):.1f} / {pct(m, 95):.1f} | {len(m):,} |")
    ok = not many["errors"] and not many["lost"] and many["consult_ok"] and not base["errors"]
    print(f"\nverdict: {'no errors, no lost updates' if ok else 'FAILED: see errors / LOST above'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
