"""Store benchmark: search latency, first page of the case list and insert throughput at scale.

Builds (once, cached in benchmarks/out/) a store of N cases and 2N consultations with the demo seeder,
then measures, in the same run, the FTS bigram search against a naive ``LIKE '%q%'`` scan over the same
columns. Prints a table; copy the figures into RESULTS.md.

    .venv/bin/python benchmarks/bench_store.py [--cases 100000] [--consultations 200000] [--rebuild]

On PostgreSQL (issue 15 item 2) the same figures, against a naive ``ILIKE '%q%'`` scan:

    .venv/bin/python benchmarks/bench_store.py --url postgresql+psycopg://user@host/db   # seeded if empty
    .venv/bin/python benchmarks/bench_store.py --store=postgresql  # a throw-away local cluster (tests/pg_server.py)
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
from pathlib import Path

from sqlalchemy import text

from qcy_workstation.accounts.principal import open_principal
from qcy_workstation.cases.consultations import ConsultationService
from qcy_workstation.cases.demo import seed_demo
from qcy_workstation.cases.dto import CaseFilter, ConsultationFilter, NewCase, PartyInput, RightInput
from qcy_workstation.cases.services import CaseService
from qcy_workstation.db.store import open_store

OUT = Path(__file__).resolve().parent / "out"
QUERIES = {
    1: ["猕", "商", "秦", "锂", "柿", "光", "密", "渭", "抢", "枣"],
    2: ["猕猴", "商标", "秦韵", "锂电", "柿饼", "光伏", "保密", "渭南", "抢注", "冬枣"],
    3: ["猕猴桃", "长安号", "缺陷检", "正极材", "富平柿", "肉夹馍", "机械手", "太白雪", "铝合金", "竞业限"],
    6: ["周至猕猴桃地", "锂电池极片涂", "光伏组件清洁", "商业秘密被披", "基于深度学习", "地理标志冒用",
        "潼关肉夹馍地", "无人机电池快", "高强度铝合金", "中药提取浓缩"],
}


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def timed(fn, repeat: int = 1) -> list[float]:  # type: ignore[no-untyped-def]
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=100_000)
    ap.add_argument("--consultations", type=int)
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("--url", help="a PostgreSQL store (SQLAlchemy URL); seeded when it has no cases")
    ap.add_argument("--store", choices=("sqlite", "postgresql"), default="sqlite",
                    help="postgresql without --url: a throw-away local cluster (tests/pg_server.py)")
    args = ap.parse_args()
    n_consult = args.consultations if args.consultations is not None else 2 * args.cases
    OUT.mkdir(exist_ok=True)
    server = None
    if args.url or args.store == "postgresql":
        url = args.url
        if url is None:
            sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
            from pg_server import PgServer

            server = PgServer.start()
            server.execute("CREATE DATABASE bench")
            url = server.url_of("bench")
        try:
            return run(url, args.cases, n_consult, files=OUT / "pg-files")
        finally:
            if server is not None:
                server.stop()
    path = OUT / f"store-{args.cases}-{n_consult}.sqlite"
    if args.rebuild and path.exists():
        for p in OUT.glob(path.name + "*"):
            p.unlink()
    return run(str(path), args.cases, n_consult)


def run(db: str, n_cases: int, n_consult: int, *, files: Path | None = None) -> int:
    store = open_store(db, files_dir=files)
    pg = not store.is_sqlite
    with store.read() as s:
        version = (s.execute(text("SHOW server_version")).scalar() if pg
                   else __import__("sqlite3").sqlite_version)
    print(f"machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}, "
          f"{'PostgreSQL' if pg else 'SQLite'} {version}")
    if CaseService(store, "bench").count() == 0:
        t0 = time.perf_counter()
        seed_demo(store, cases=n_cases, consultations=n_consult, seed=2026)
        dt = time.perf_counter() - t0
        print(f"bulk seed: {n_cases} cases + {n_consult} consultations in {dt:.1f} s "
              f"({(n_cases + n_consult) / dt:,.0f} rows/s incl. rights, transitions, audit, FTS)")
        if pg:
            with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.exec_driver_sql("VACUUM ANALYZE")  # as autovacuum would have by the time staff search
    # Acting as a principal, as a logged-in desk does: a plain name makes every call first ask the store
    # whether it has accounts (two more round trips per search, the same on both stores).
    bench = open_principal("bench")
    svc = CaseService(store, bench)
    svc.list(limit=50)  # warm the page cache once, as a running app would be
    svc.search("预热")  # and load the simplified/traditional converter (~0.25 s, once per process)

    print(f"\nstore: {store.url.rsplit('/', 1)[-1]}, cases {svc.count():,}")
    like_op = "ILIKE" if pg else "LIKE"
    method = "bigram tokens, trigram GIN" if pg else "FTS bigram"
    print("\n| query | method | p50 ms | p95 ms | hits (first page) |")
    print("|---|---|---|---|---|")
    for length, queries in QUERIES.items():
        fts, naive, hits = [], [], []
        for q in queries:
            fts += timed(lambda q=q: svc.search(q, limit=50), repeat=5)
            hits.append(len(svc.search(q, limit=50)))
            like = f"%{q}%"

            def scan(like: str = like) -> None:
                with store.read() as s:
                    s.execute(text(
                        "SELECT c.id FROM cases c JOIN parties a ON a.id = c.applicant_id "
                        "LEFT JOIN parties o ON o.id = c.opponent_id "
                        "WHERE c.title LIKE :q OR c.facts LIKE :q OR c.number LIKE :q OR a.name LIKE :q "
                        "OR o.name LIKE :q OR c.id IN (SELECT case_id FROM rights WHERE title LIKE :q "
                        "OR number LIKE :q) ORDER BY c.received_on DESC, c.id DESC LIMIT 50".replace(
                            " LIKE ", f" {like_op} ")), {"q": like}).all()

            naive += timed(scan, repeat=1)
        print(f"| {length} chars | {method} | {pct(fts, 50):.1f} | {pct(fts, 95):.1f} | median {statistics.median(hits):.0f} |")
        print(f"| {length} chars | naive {like_op} scan | {pct(naive, 50):.1f} | {pct(naive, 95):.1f} | |")

    # Rare terms: the naive scan must read the whole table before it can stop.
    rare = ["QCY-2024-00017", "秦韵茶业", "不存在的词语"]
    fts = [t for q in rare for t in timed(lambda q=q: svc.search(q, limit=50), repeat=3)]
    print(f"| rare/absent terms | {method} | {pct(fts, 50):.1f} | {pct(fts, 95):.1f} | |")

    # Consultations (twice as many rows): the consultations page's search, against a naive scan.
    consults = ConsultationService(store, bench)
    print("\n| consultations query | method | p50 ms | p95 ms |")
    print("|---|---|---|---|")
    for length, queries in QUERIES.items():
        found, naive = [], []
        for q in queries:
            found += timed(lambda q=q: consults.list(ConsultationFilter(text=q), limit=50), repeat=5)

            def scan_consultations(like: str = f"%{q}%") -> None:
                with store.read() as s:
                    s.execute(text(
                        "SELECT id FROM consultations WHERE enquirer LIKE :q OR organisation LIKE :q OR topic LIKE :q "
                        "OR summary LIKE :q OR advice LIKE :q ORDER BY at DESC, id DESC LIMIT 50".replace(
                            " LIKE ", f" {like_op} ")), {"q": like}).all()

            naive += timed(scan_consultations)
        print(f"| {length} chars | {method} | {pct(found, 50):.1f} | {pct(found, 95):.1f} |")
        print(f"| {length} chars | naive {like_op} scan | {pct(naive, 50):.1f} | {pct(naive, 95):.1f} |")

    first = timed(lambda: svc.list(limit=50), repeat=20)
    counted = timed(lambda: svc.count(), repeat=5)
    filt = timed(lambda: svc.list(CaseFilter(ip_type="patent", status=("in_progress", "accepted")), limit=50), repeat=10)
    overdue = timed(lambda: svc.list(CaseFilter(deadline="overdue"), limit=50), repeat=10)
    by_title = timed(lambda: svc.list(limit=50, sort="applicant", descending=False), repeat=5)
    print("\n| list operation | p50 ms | p95 ms |")
    print("|---|---|---|")
    print(f"| first page (50 rows, newest first) | {pct(first, 50):.1f} | {pct(first, 95):.1f} |")
    print(f"| count all | {pct(counted, 50):.1f} | {pct(counted, 95):.1f} |")
    print(f"| first page, filtered by type+status | {pct(filt, 50):.1f} | {pct(filt, 95):.1f} |")
    print(f"| overdue cases, first page | {pct(overdue, 50):.1f} | {pct(overdue, 95):.1f} |")
    print(f"| first page sorted by applicant | {pct(by_title, 50):.1f} | {pct(by_title, 95):.1f} |")

    # Insert throughput through the real service (validation, audit chain, FTS) on a copy of the store.
    n_ins = 500
    t0 = time.perf_counter()
    for i in range(n_ins):
        svc.create(NewCase(title=f"基准测试案件{i}", ip_type="trademark",
                           applicant=PartyInput(f"西安基准科技{i}有限公司"), facts="基准测试插入的案件事实描述。",
                           rights=(RightInput(kind="trademark", title="基准", nice_classes="9"),)))
    dt = time.perf_counter() - t0
    print(f"\ninsert via CaseService.create (one transaction each, audit + FTS): {n_ins / dt:,.0f} cases/s "
          f"({dt / n_ins * 1000:.1f} ms each)")
    with store.write() as s:  # leave the cached store as it was
        ids = [r[0] for r in s.execute(text("SELECT id FROM cases WHERE title LIKE '基准测试案件%'"))]
        s.execute(text(f"DELETE FROM case_fts WHERE rowid IN ({','.join(map(str, ids))})"))
        s.execute(text(f"DELETE FROM rights WHERE case_id IN ({','.join(map(str, ids))})"))
        s.execute(text(f"DELETE FROM cases WHERE id IN ({','.join(map(str, ids))})"))
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
