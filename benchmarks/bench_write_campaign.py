"""Write campaign: concurrent writers and random SIGKILLs on SQLite stores (issue 12 item 3).

Three kinds of writer process share a store:

* ``demo``: the demo seeder. First one real ``seed-demo`` CLI run of 6,000 cases (two chunks of the CLI's
  5,000), then in-process ``seed_demo`` runs of a few hundred cases and consultations in small chunks.
* ``cases``: intake as at a desk: new cases (every tenth through the real ``cases add`` CLI), every third
  iteration one of them accepted.
* ``consult``: the consultation log: consultations (some linked to a case) and every fifth iteration a case.

Every writer appends a line to its own log *after* each commit (``CASE number title``, ``CONSULT id
enquirer``, ``ACCEPT number``, ``CHUNK run done`` for a committed demo chunk, ...) and ``BEGIN`` before it
starts a write, so :func:`check_store` can ask the store: is every write a process reported as committed
there, exactly once; are case numbers unique and gap-free per year; does every case have its one audit
``create`` event and its search-index row; is the audit chain intact; is the file sound; does ``store
check`` exit 0. After a graceful end the counts must match exactly; after kills the store may hold a
little more than was reported (a commit whose log line the kill prevented), never less.

The kill campaign forks short-lived writers from one parent that has imported everything (a fork costs
milliseconds, a fresh interpreter ~0.4 s) and SIGKILLs each after a random 0.05-0.8 s: while it opens
the store, prepares rows, waits for the write lock or is inside a transaction.

    .venv/bin/python benchmarks/bench_write_campaign.py [--seconds 60] [--kills 200] [--workdir DIR]

The benchmark runs the three writers together for ``--seconds`` and, as the baseline in the same run,
each writer alone for a third of that time; then the kill campaign on three stores. Sub-commands (used by
``tests/core/test_write_campaign.py``)::

    bench_write_campaign.py writer ROLE --db PATH --log PATH --seconds S [--seed N] [--no-cli]
    bench_write_campaign.py killer --db PATH [PATH ...] --log-dir DIR --kills N [--parallel 2] [--seed N]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import random
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROLES = ("demo", "cases", "consult")
CASE_TAG = "写入测试"
CONSULT_TAG = "咨询测试"
APPLICANTS = ("西安秦川写入测试科技有限公司", "咸阳华光写入测试电子有限公司", "宝鸡长安写入测试新材料有限公司",
              "渭南丝路写入测试食品有限公司", "延安汉唐写入测试农业科技有限公司")


# ----------------------------------------------------------------------------------------- writers


class _Log:
    """One line per event, appended with a single ``write`` (nothing buffered in the process: a kill
    loses no line that was written)."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)

    def __call__(self, line: str) -> None:
        os.write(self.fd, (line.replace("\n", " ") + "\n").encode("utf-8"))

    def close(self) -> None:
        os.close(self.fd)


def _cli(db: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "qcy_workstation", "--db", db, "--staff", "写入测试", "--json", *args],
                          capture_output=True, text=True, timeout=300)


def _error(log: _Log, what: str, exc: BaseException | str) -> None:
    text = str(exc).strip().splitlines()
    reason = getattr(exc, "reason", None)  # a coded core error says which (store.busy: refused whole, retry)
    log(f"ERROR {what} {type(exc).__name__ if isinstance(exc, BaseException) else 'cli'}: "
        f"{text[-1] if text else ''}" + (f' {{"reason": "{reason}"}}' if reason else ""))


def _demo_writer(store: Any, db: str, log: _Log, rng: random.Random, deadline: float, cli: bool) -> None:
    from qcy_workstation.cases.demo import seed_demo
    from qcy_workstation.errors import QcyError

    if cli and deadline - time.monotonic() > 4:
        log("BEGIN")
        out = _cli(db, "seed-demo", "--cases", "6000", "--consultations", "0", "--seed", str(rng.randrange(10**6)),
                   "--no-accounts")  # other desks write by name: a store without accounts
        if out.returncode == 0:
            result = json.loads(out.stdout)
            log(f"CLIDEMO {result['cases']} {result['consultations']}")
        else:
            _error(log, "cli-seed-demo", out.stderr)
    run = 0
    while time.monotonic() < deadline:
        run += 1
        n_cases, n_consult = rng.randrange(100, 700), rng.randrange(0, 300)
        log(f"DEMO {run} {n_cases} {n_consult}")

        def progress(done: int, total: int, run: int = run) -> bool:
            log(f"CHUNK {run} {done}")
            go_on = time.monotonic() < deadline
            if go_on and done < total:
                log("BEGIN")
            return go_on

        log("BEGIN")
        try:
            seed_demo(store, cases=n_cases, consultations=n_consult, seed=rng.randrange(10**6),
                      chunk=rng.choice((50, 100, 200)), progress=progress)
        except QcyError as exc:
            _error(log, "seed-demo", exc)
        log("IDLE")


def _new_case(svc: Any, rng: random.Random, title: str) -> str:
    from qcy_workstation.cases.dto import NewCase, PartyInput

    ip_type = rng.choice(("trademark", "patent", "gi", "trade-secret"))
    return svc.create(NewCase(title=title, ip_type=ip_type, applicant=PartyInput(rng.choice(APPLICANTS)),
                              facts="并发写入测试：申请人反映对方在电商平台销售侵权产品。")).number


def _cases_writer(store: Any, db: str, log: _Log, rng: random.Random, deadline: float, cli: bool) -> None:
    from qcy_workstation.cases.services import CaseService
    from qcy_workstation.errors import QcyError

    svc = CaseService(store, "写入测试")
    tag = f"{os.getpid()}x{rng.getrandbits(24):06x}"
    received: list[str] = []
    n = 0
    while time.monotonic() < deadline:
        n += 1
        title = f"{CASE_TAG}{tag}-{n}"
        log("BEGIN")
        if cli and n % 10 == 0:
            out = _cli(db, "cases", "add", "--type", "trademark", "--title", title, "--applicant", APPLICANTS[0])
            if out.returncode != 0:
                _error(log, "cli-cases-add", out.stderr)
                continue
            number = json.loads(out.stdout)["number"]
        else:
            try:
                number = _new_case(svc, rng, title)
            except QcyError as exc:
                _error(log, "case", exc)
                continue
        log(f"CASE {number} {title}")
        received.append(number)
        if n % 3 == 0:
            number = received.pop(rng.randrange(len(received)))
            log("BEGIN")
            try:
                svc.transition(number, "accepted")
            except QcyError as exc:
                _error(log, "accept", exc)
                continue
            log(f"ACCEPT {number}")


def _consult_writer(store: Any, db: str, log: _Log, rng: random.Random, deadline: float, cli: bool) -> None:
    from qcy_workstation.cases.consultations import ConsultationService
    from qcy_workstation.cases.dto import NewConsultation
    from qcy_workstation.cases.services import CaseService
    from qcy_workstation.errors import QcyError

    consultations = ConsultationService(store, "写入测试")
    cases = CaseService(store, "写入测试")
    tag = f"{os.getpid()}x{rng.getrandbits(24):06x}"
    linkable: list[str] = []
    n = 0
    while time.monotonic() < deadline:
        n += 1
        if n % 5 == 0:
            title = f"{CASE_TAG}{tag}-c{n}"
            log("BEGIN")
            try:
                number = _new_case(cases, rng, title)
            except QcyError as exc:
                _error(log, "case", exc)
                continue
            log(f"CASE {number} {title}")
            linkable.append(number)
        enquirer = f"{CONSULT_TAG}{tag}-{n}"
        link = rng.choice(linkable) if linkable and rng.random() < 0.3 else None
        log("BEGIN")
        try:
            view = consultations.add(NewConsultation(
                channel=rng.choice(("walk-in", "phone", "online", "letter")), enquirer=enquirer,
                topic="商标被抢注怎么办", summary="并发写入测试：企业来电咨询。", ip_type="trademark",
                case_number=link))
        except QcyError as exc:
            _error(log, "consultation", exc)
            continue
        log(f"CONSULT {view.id} {enquirer}")


def _log_transactions(store: Any, log: _Log) -> None:
    """``TX`` once a write transaction holds the write lock, ``COMMIT`` as its commit starts, ``ROLLBACK``:
    where a kill landed can be read from the last line of a killed writer's log."""
    from sqlalchemy import event

    def writing(conn: Any) -> bool:
        return bool(conn.get_execution_options().get("qcy_write"))

    # registered after the store's own "begin" listener, which runs BEGIN IMMEDIATE first
    event.listen(store.engine, "begin", lambda conn: writing(conn) and log("TX"))
    event.listen(store.engine, "commit", lambda conn: writing(conn) and log("COMMIT"))
    event.listen(store.engine, "rollback", lambda conn: writing(conn) and log("ROLLBACK"))


WRITERS = {"demo": _demo_writer, "cases": _cases_writer, "consult": _consult_writer}


def run_writer(role: str, db: str, log_path: str | os.PathLike[str], *, seconds: float, seed: int,
               cli: bool = True) -> None:
    """Write as ``role`` for ``seconds`` (the write under way then is finished), logging every commit."""
    from qcy_workstation.db.store import open_store

    log = _Log(log_path)
    log(f"START {role} {os.getpid()}")
    store = open_store(db)
    _log_transactions(store, log)
    try:
        WRITERS[role](store, db, log, random.Random(seed), time.monotonic() + seconds, cli)
    finally:
        store.close()
    log("END")
    log.close()


# ------------------------------------------------------------------------------------------- kills


def kill_campaign(dbs: list[str], log_dir: str | os.PathLike[str], *, kills: int, parallel: int = 2,
                  seed: int = 12, max_seconds: float = 600) -> dict[str, Any]:
    """Fork writers (random role, random store) and SIGKILL each after a random 0.05-0.8 s, ``parallel``
    at a time, until ``kills`` writers died by SIGKILL while still running. Returns the counts."""
    import qcy_workstation.cases.consultations  # noqa: F401  (imported once here, not in every child)
    import qcy_workstation.cases.demo  # noqa: F401
    import qcy_workstation.cases.services  # noqa: F401
    from qcy_workstation.db.store import head_revisions

    head_revisions()  # cached for the children
    rng = random.Random(seed)
    log_dir = Path(log_dir)
    running: dict[int, tuple[Path, float]] = {}
    counts = {"kills": 0, "in_transaction": 0, "in_commit": 0, "preparing_or_waiting": 0, "between_writes": 0,
              "exited": 0, "failed": 0, "forks": 0}
    where = {"TX": "in_transaction", "COMMIT": "in_commit", "BEGIN": "preparing_or_waiting"}
    t0 = time.monotonic()
    while counts["kills"] < kills and time.monotonic() - t0 < max_seconds:
        while len(running) < parallel:
            counts["forks"] += 1
            role, db = rng.choice(ROLES), rng.choice(dbs)
            log = log_dir / f"{Path(db).stem}-{counts['forks']:04d}-{role}.log"
            child_seed = rng.randrange(2**32)
            pid = os.fork()
            if pid == 0:  # the child: write until killed (or 20 s, if the parent is gone)
                code = 1
                try:
                    run_writer(role, db, log, seconds=20, seed=child_seed, cli=False)
                    code = 0
                finally:
                    os._exit(code)
            running[pid] = (log, time.monotonic() + rng.uniform(0.05, 0.8))
        pid, (log, at) = min(running.items(), key=lambda item: item[1][1])
        time.sleep(max(0.0, at - time.monotonic()))
        with contextlib.suppress(ProcessLookupError):  # it may have ended on its own
            os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        del running[pid]
        if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL:
            counts["kills"] += 1
            lines = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
            counts[where.get(lines[-1] if lines else "", "between_writes")] += 1
        else:
            counts["exited" if os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0 else "failed"] += 1
    for pid in running:  # the last ones: killed too, not counted
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    counts["seconds"] = round(time.monotonic() - t0, 1)
    return counts


# ------------------------------------------------------------------------------------------ checks


@dataclass
class Reported:
    """What the writers' logs say was committed."""

    cases: dict[str, str] = field(default_factory=dict)  # title -> number
    accepted: set[str] = field(default_factory=set)
    consultations: dict[str, int] = field(default_factory=dict)  # enquirer -> id
    demo_cases: int = 0
    demo_consultations: int = 0
    errors: list[str] = field(default_factory=list)
    commits: int = 0
    unfinished: int = 0  # logs without END (killed writers)

    @property
    def all_cases(self) -> int:
        return len(self.cases) + self.demo_cases

    @property
    def all_consultations(self) -> int:
        return len(self.consultations) + self.demo_consultations


def read_logs(paths: list[Path]) -> Reported:
    rep = Reported()
    for path in paths:
        runs: dict[str, tuple[int, int]] = {}
        done: dict[str, int] = {}
        lines = path.read_text(encoding="utf-8").splitlines()
        if not lines or lines[-1] != "END":
            rep.unfinished += 1
        for line in lines:
            kind, _, rest = line.partition(" ")
            parts = rest.split(" ")
            if kind == "CASE":
                if parts[1] in rep.cases:
                    rep.errors.append(f"{path.name}: title {parts[1]} reported twice")
                rep.cases[parts[1]] = parts[0]
            elif kind == "ACCEPT":
                rep.accepted.add(parts[0])
            elif kind == "CONSULT":
                rep.consultations[parts[1]] = int(parts[0])
            elif kind == "DEMO":
                runs[parts[0]] = (int(parts[1]), int(parts[2]))
            elif kind == "CHUNK":
                done[parts[0]] = int(parts[1])
            elif kind == "CLIDEMO":
                rep.demo_cases += int(parts[0])
                rep.demo_consultations += int(parts[1])
                rep.commits += 1
            elif kind == "ERROR":
                rep.errors.append(f"{path.name}: {rest}")
            rep.commits += kind in ("CASE", "ACCEPT", "CONSULT", "CHUNK")
        for run, n in done.items():
            n_cases, _ = runs[run]
            rep.demo_cases += min(n, n_cases)
            rep.demo_consultations += max(0, n - n_cases)
    return rep


def check_store(db: str | os.PathLike[str], rep: Reported, *, exact: bool) -> tuple[list[str], dict[str, int]]:
    """Problems found in the store against what the writers reported (empty: none), and its counts.

    ``exact``: every writer ended normally, so the store holds exactly what was reported."""
    from qcy_workstation.cases import audit
    from qcy_workstation.db.store import open_store

    problems: list[str] = []
    store = open_store(db)
    try:
        problems += [f"integrity_check: {p}" for p in store.integrity_check()]
        with store.read() as s:
            bad = audit.verify_chain(s)
        if bad:
            problems.append(f"audit chain broken at {len(bad)} events, first id {bad[0]}")
    finally:
        store.close()
    from sqlalchemy import create_engine, text

    from qcy_workstation.db.store import resolve_db_url

    engine = create_engine(resolve_db_url(db))  # SQLite or PostgreSQL (tests/core/test_write_campaign.py)
    conn = engine.connect()
    try:
        def q(sql: str, *params: object):  # type: ignore[no-untyped-def]
            return conn.execute(text(sql), {"p": params[0]} if params else {})

        if engine.dialect.name == "sqlite":  # PostgreSQL enforces every foreign key as it is written
            problems += [f"foreign key: {row}" for row in q("PRAGMA foreign_key_check").fetchall()[:5]]
        number = ("printf('QCY-%d-%05d', year, seq)" if engine.dialect.name == "sqlite"
                  else "format('QCY-%s-%s', year, lpad(seq::text, 5, '0'))")
        for year, n, lo, hi, distinct in q("SELECT year, count(*), min(seq), max(seq), count(DISTINCT seq) "
                                           "FROM cases GROUP BY year"):
            if (lo, hi, distinct) != (1, n, n):
                problems.append(f"case numbers of {year} not unique and gap-free: {n} cases, seq {lo}..{hi}, "
                                f"{distinct} distinct")
        n_bad = q(f"SELECT count(*) FROM cases WHERE number != {number}").fetchone()[0]
        if n_bad:
            problems.append(f"{n_bad} case numbers do not match their year and sequence")
        n_cases = q("SELECT count(*) FROM cases").fetchone()[0]
        n_consult = q("SELECT count(*) FROM consultations").fetchone()[0]
        for table, fts, n in (("cases", "case_fts", n_cases), ("consultations", "consultation_fts", n_consult)):
            indexed = q(f"SELECT count(*) FROM {fts}").fetchone()[0]
            missing = q(f"SELECT count(*) FROM {table} WHERE id NOT IN (SELECT rowid FROM {fts})").fetchone()[0]
            if indexed != n or missing:
                problems.append(f"{fts}: {indexed} rows for {n} {table}, {missing} not indexed")
        creates: dict[tuple[str, str], int] = {}
        for entity, entity_id, n in q("SELECT entity, entity_id, count(*) FROM audit_events WHERE action = 'create' "
                                      "AND entity IN ('case', 'consultation') GROUP BY entity, entity_id"):
            creates[(entity, entity_id)] = n
        case_creates = sum(n for (entity, _), n in creates.items() if entity == "case")
        if case_creates != n_cases or any(n != 1 for (entity, _), n in creates.items() if entity == "case"):
            problems.append(f"{case_creates} case 'create' audit events for {n_cases} cases")
        stored: dict[str, list[tuple[str, str]]] = {}
        for title, number, status in q("SELECT title, number, status FROM cases WHERE title LIKE :p", CASE_TAG + "%"):
            stored.setdefault(title, []).append((number, status))
        for title, number in rep.cases.items():
            rows = stored.get(title, [])
            if [r[0] for r in rows] != [number]:
                problems.append(f"reported case {number} ({title}) stored as {[r[0] for r in rows]}")
        for title, rows in stored.items():
            if len(rows) > 1:
                problems.append(f"case {title} stored {len(rows)} times")
        status = {number: st for rows in stored.values() for number, st in rows}
        for number in rep.accepted:
            if status.get(number) != "accepted":
                problems.append(f"case {number} reported accepted is {status.get(number)}")
        consults: dict[str, list[int]] = {}
        for enquirer, cid in q("SELECT enquirer, id FROM consultations WHERE enquirer LIKE :p", CONSULT_TAG + "%"):
            consults.setdefault(enquirer, []).append(cid)
        for enquirer, cid in rep.consultations.items():
            if consults.get(enquirer) != [cid]:
                problems.append(f"reported consultation {cid} ({enquirer}) stored as {consults.get(enquirer)}")
            elif creates.get(("consultation", str(cid))) != 1:
                problems.append(f"consultation {cid} has {creates.get(('consultation', str(cid)), 0)} create events")
        for enquirer, ids in consults.items():
            if len(ids) > 1:
                problems.append(f"consultation {enquirer} stored {len(ids)} times")
        demo_cases = n_cases - len(stored)
        demo_consult = n_consult - len(consults)
        figures = {"cases": n_cases, "consultations": n_consult, "desk_cases": len(stored),
                   "desk_consultations": len(consults), "demo_cases": demo_cases, "demo_consultations": demo_consult,
                   "audit_events": q("SELECT count(*) FROM audit_events").fetchone()[0]}
    finally:
        conn.close()
        engine.dispose()
    if exact:
        for what, got, want in (("desk cases", len(stored), len(rep.cases)),
                                ("desk consultations", len(consults), len(rep.consultations)),
                                ("demo cases", demo_cases, rep.demo_cases),
                                ("demo consultations", demo_consult, rep.demo_consultations)):
            if got != want:
                problems.append(f"{what}: {got} stored, {want} reported committed")
    else:
        if demo_cases < rep.demo_cases or demo_consult < rep.demo_consultations:
            problems.append(f"demo rows lost: {demo_cases}/{demo_consult} stored, "
                            f"{rep.demo_cases}/{rep.demo_consultations} reported committed")
    out = subprocess.run([sys.executable, "-m", "qcy_workstation", "--db", str(db), "store", "check"],
                         capture_output=True, text=True, timeout=300)
    if out.returncode != 0:
        problems.append(f"store check exited {out.returncode}: {(out.stdout + out.stderr).strip()[-300:]}")
    return problems, figures


# --------------------------------------------------------------------------------------- benchmark


def start_writers(db: Path | str, log_dir: Path, roles: tuple[str, ...], seconds: float,
                  seed: int) -> list[tuple[subprocess.Popen[bytes], Path]]:
    """One OS process per role, all writing to ``db`` (a SQLite file or a server URL) for ``seconds``."""
    procs = []
    stem = db.stem if isinstance(db, Path) else "server"
    for i, role in enumerate(roles):
        log = log_dir / f"{stem}-{role}.log"
        procs.append((subprocess.Popen([sys.executable, __file__, "writer", role, "--db", str(db), "--log", str(log),
                                        "--seconds", str(seconds), "--seed", str(seed + i)],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE), log))
    return procs


def wait_writers(procs: list[tuple[subprocess.Popen[bytes], Path]], timeout: float) -> list[str]:
    failures = []
    for proc, log in procs:
        _, err = proc.communicate(timeout=timeout)
        if proc.returncode != 0:
            failures.append(f"{log.stem} exited {proc.returncode}: {err.decode(errors='replace')[-500:]}")
    return failures


def _machine() -> str:
    return f"{platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd")
    w = sub.add_parser("writer")
    w.add_argument("role", choices=ROLES)
    w.add_argument("--db", required=True)
    w.add_argument("--log", required=True)
    w.add_argument("--seconds", type=float, required=True)
    w.add_argument("--seed", type=int, default=1)
    w.add_argument("--no-cli", action="store_true")
    k = sub.add_parser("killer")
    k.add_argument("--db", nargs="+", required=True)
    k.add_argument("--log-dir", required=True)
    k.add_argument("--kills", type=int, required=True)
    k.add_argument("--parallel", type=int, default=2)
    k.add_argument("--seed", type=int, default=12)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--kills", type=int, default=200)
    ap.add_argument("--workdir")
    args = ap.parse_args(argv)
    if args.cmd == "writer":
        run_writer(args.role, args.db, args.log, seconds=args.seconds, seed=args.seed, cli=not args.no_cli)
        return 0
    if args.cmd == "killer":
        print(json.dumps(kill_campaign(args.db, args.log_dir, kills=args.kills, parallel=args.parallel,
                                       seed=args.seed)))
        return 0
    return benchmark(args.seconds, args.kills, args.workdir)


def benchmark(seconds: float, kills: int, workdir: str | None) -> int:
    from qcy_workstation.db.store import open_store

    work = Path(workdir or tempfile.mkdtemp(prefix="qcy-write-campaign-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"machine: {_machine()}; work folder {work}")
    total_problems = 0
    rows = []
    runs = [("3 writers together", ROLES, seconds)] + [(f"{r} alone (baseline)", (r,), seconds / 3) for r in ROLES]
    for i, (name, roles, secs) in enumerate(runs):
        db = work / f"together-{i}.sqlite"
        open_store(db).close()
        t0 = time.monotonic()
        procs = start_writers(db, work, roles, secs, seed=100 + 10 * i)
        failures = wait_writers(procs, timeout=secs + 600)
        wall = time.monotonic() - t0
        rep = read_logs([log for _, log in procs])
        problems, figures = check_store(db, rep, exact=True)
        problems = failures + rep.errors + problems
        total_problems += len(problems)
        rows.append((name, secs, wall, rep, figures, problems))
        for p in problems[:10]:
            print(f"  PROBLEM ({name}): {p}")
    print("\n| run | seconds | commits | cases (demo + desk) | consultations (demo + desk) | accepted | "
          "commits/s | problems |")
    print("|---|---|---|---|---|---|---|---|")
    for name, secs, wall, rep, fig, problems in rows:
        print(f"| {name} | {secs:.0f} (wall {wall:.0f}) | {rep.commits:,} | {fig['cases']:,} ({fig['demo_cases']:,} + "
              f"{fig['desk_cases']:,}) | {fig['consultations']:,} ({fig['demo_consultations']:,} + "
              f"{fig['desk_consultations']:,}) | {len(rep.accepted):,} | {rep.commits / secs:.1f} | {len(problems)} |")

    kill_dir = work / "kills"
    kill_dir.mkdir(exist_ok=True)
    dbs = [kill_dir / f"killed-{i}.sqlite" for i in range(3)]
    for db in dbs:
        open_store(db).close()
    out = subprocess.run([sys.executable, __file__, "killer", "--db", *map(str, dbs), "--log-dir", str(kill_dir),
                          "--kills", str(kills)], capture_output=True, text=True, timeout=3600)
    if out.returncode != 0:
        print(out.stderr)
        return 1
    counts = json.loads(out.stdout)
    kill_problems: list[str] = []
    totals = {"cases": 0, "consultations": 0, "commits": 0}
    for db in dbs:
        rep = read_logs(sorted(kill_dir.glob(f"{db.stem}-*.log")))
        problems, figures = check_store(db, rep, exact=False)
        kill_problems += [f"{db.name}: {p}" for p in rep.errors + problems]
        totals["cases"] += figures["cases"]
        totals["consultations"] += figures["consultations"]
        totals["commits"] += rep.commits
    if counts["failed"]:
        kill_problems.append(f"{counts['failed']} writers failed on their own")
    total_problems += len(kill_problems)
    for p in kill_problems[:10]:
        print(f"  PROBLEM (kills): {p}")
    print(f"\nkills: {counts['kills']} SIGKILLs in {counts['seconds']} s ({counts['in_transaction']} inside a write "
          f"transaction, {counts['in_commit']} during its commit, {counts['preparing_or_waiting']} preparing rows "
          f"or waiting for the lock, {counts['between_writes']} opening the store or between writes), "
          f"{counts['forks']} writers forked, 3 stores; reported commits "
          f"{totals['commits']:,}; stored {totals['cases']:,} cases, {totals['consultations']:,} consultations; "
          f"problems {len(kill_problems)}")
    print(f"problems found in total: {total_problems}")
    return 1 if total_problems else 0


if __name__ == "__main__":
    sys.exit(main())
