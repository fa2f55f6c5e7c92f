"""What the server's confidentiality costs: a desk's everyday reads as its own database role under row-level
security, against the same reads through the owner's connection, which the policies do not apply to (issue 15
item 5, "RLS cost at 100,000 cases").

A throw-away local cluster (``tests/pg_server.py``) gets a store seeded by the demo seeder (its trade-secret
cases are confidential), then secured as ``store init-server`` secures one (roles, policies, functions). Three
accounts log in as a desk does (the gate, then the account's own role): the head (sees every case, still through
the policy functions), an officer (sees the cases that are not confidential, and his own) and, for the
baseline, the owner's connection acting as the head. Each does the same reads: search (1, 2, 3 and 6
characters), the case list's first page, the count, opening a case, a consultation search and the conflict
check. p50/p95 per read and role, in one run.

    .venv/bin/python benchmarks/bench_server_rls.py [--cases 100000] [--consultations N]
"""

from __future__ import annotations

import argparse
import contextlib
import platform
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import text

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from bench_store import pct, timed  # noqa: E402  (the same percentile and timer as the store benchmark)

from qcy_workstation.accounts.service import AccountService  # noqa: E402
from qcy_workstation.cases.consultations import ConsultationService  # noqa: E402
from qcy_workstation.cases.demo import seed_demo  # noqa: E402
from qcy_workstation.cases.dto import CaseFilter, ConsultationFilter  # noqa: E402
from qcy_workstation.cases.services import CaseService  # noqa: E402
from qcy_workstation.db.server_roles import secure_store  # noqa: E402
from qcy_workstation.db.store import open_store  # noqa: E402
from qcy_workstation.errors import NotFoundError, PermissionDeniedError  # noqa: E402

QUERIES = {1: ["秦", "茶", "锂", "枣", "光"], 2: ["商标", "专利", "猕猴", "柿饼", "光伏"],
           3: ["猕猴桃", "地理标", "锂电池", "秦韵茶", "光伏板"], 6: ["猕猴桃商标侵", "锂电池专利侵", "地理标志产品",
                                                              "商业秘密被带", "秦韵茶业有限"]}
PASSWORD = "Bench-Qinchuangyuan-2026"


def reads(store: Any, principal: Any, numbers: list[str]) -> dict[str, list[float]]:
    """The desk's everyday reads, timed: name -> milliseconds per call."""
    cases, consults = CaseService(store, principal), ConsultationService(store, principal)
    cases.list(limit=50)
    cases.search("预热")  # the converter and the page cache, once, as a running app has them
    got: dict[str, list[float]] = {}
    for length, queries in QUERIES.items():
        got[f"search, {length} char{'s' if length > 1 else ''}"] = [
            t for q in queries for t in timed(lambda q=q: cases.search(q, limit=50), 4)]
    got["case list, first page (50)"] = timed(lambda: cases.list(CaseFilter(include_confidential=True), limit=50), 20)
    got["count"] = timed(cases.count, 5)
    rng = random.Random(7)

    def open_one() -> None:
        with contextlib.suppress(NotFoundError, PermissionDeniedError):  # a case this role may not see
            cases.get(rng.choice(numbers))

    got["open a case"] = timed(open_one, 40)
    got["consultations, 2-char search"] = [t for q in QUERIES[2] for t in
                                           timed(lambda q=q: consults.list(ConsultationFilter(text=q), limit=50), 3)]
    got["conflict check"] = timed(lambda: cases.conflict_check("西安秦韵茶业有限公司", "咸阳某茶行"), 5)
    return got


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cases", type=int, default=100_000)
    ap.add_argument("--consultations", type=int)
    ap.add_argument("--without", nargs="*", default=[], metavar="TABLE",
                    help="tables whose policy is switched off after securing (to see what each one costs)")
    args = ap.parse_args()
    from pg_server import PgServer

    server = PgServer.start()
    try:
        server.execute("CREATE DATABASE bench")
        url = server.url_of("bench")
        files = Path(tempfile.mkdtemp(prefix="qcy-rls-files-"))
        owner = open_store(url, files_dir=files)
        with owner.read() as s:
            version = s.execute(text("SHOW server_version")).scalar()
        print(f"machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}, "
              f"PostgreSQL {version}")
        n_consult = args.consultations if args.consultations is not None else 2 * args.cases
        t0 = time.perf_counter()
        seed_demo(owner, cases=args.cases, consultations=n_consult, seed=2026)
        print(f"seeded {args.cases:,} cases + {n_consult:,} consultations in {time.perf_counter() - t0:.0f} s")
        t0 = time.perf_counter()
        secured = secure_store(owner)
        print(f"secured (roles, policies, the parties' confidential flags) in {time.perf_counter() - t0:.1f} s")
        root = AccountService(owner).create_administrator("root", "站长", PASSWORD)
        AccountService(owner).create(root, "zhao", "赵磊", ["head"], PASSWORD, must_change=False)
        AccountService(owner).create(root, "liu", "刘洋", ["officer"], PASSWORD, must_change=False)
        with owner.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            for table in args.without:
                conn.exec_driver_sql(f'ALTER TABLE "{table}" DISABLE ROW LEVEL SECURITY')
                print(f"policy on {table}: off")
            conn.exec_driver_sql("VACUUM ANALYZE")
        with owner.read() as s:
            numbers = [n for (n,) in s.execute(text("SELECT number FROM cases ORDER BY random() LIMIT 400"))]
            hidden = s.execute(text("SELECT count(*) FROM cases WHERE confidential")).scalar()
        print(f"confidential cases: {hidden:,} of {args.cases:,}")
        gate = open_store(secured["desk_url"], files_dir=files)
        results: dict[str, dict[str, list[float]]] = {}
        head_owner = AccountService(gate).authenticate("zhao", PASSWORD)
        results["owner's connection (no RLS), as the head"] = reads(owner, head_owner, numbers)
        for login, label in (("zhao", "head, own role (RLS)"), ("liu", "officer, own role (RLS)")):
            principal = AccountService(gate).authenticate(login, PASSWORD)
            desk = AccountService(gate).desk_store(principal, PASSWORD)
            results[label] = reads(desk, principal, numbers)
            desk.close()
        labels = list(results)
        print("\n| read | " + " | ".join(f"{label} p50 / p95 ms" for label in labels) + " |")
        print("|---|" + "---|" * len(labels))
        for read in results[labels[0]]:
            cells = [f"{pct(results[label][read], 50):.1f} / {pct(results[label][read], 95):.1f}" for label in labels]
            print(f"| {read} | " + " | ".join(cells) + " |")
        gate.close()
        owner.close()
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
