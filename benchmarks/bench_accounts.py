"""Accounts benchmark (issue 14): login time with the chosen Argon2id parameters, and the case list and
search with the confidential-case filter on a large store, each against a naive baseline in the same run.

* login: ``AccountService.authenticate`` (Argon2id t=2, m=64 MiB, p=2, plus the store reads and the audit
  write) against argon2-cffi's default parameters (t=3, m=64 MiB, p=4) hashed and verified the same way.
  Target: <= 500 ms.
* list / search as an officer who may not see most confidential cases: the filter in the SQL query (what
  ``CaseService`` does) against the naive way (fetch the head's unfiltered page, drop what the officer may
  not see in Python, fetch again until the page is full). Targets as for the store: first page and search
  p95 <= 50 ms at 100,000 cases.

    .venv/bin/python benchmarks/bench_accounts.py [--cases 100000]
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
from pathlib import Path

from argon2 import PasswordHasher
from sqlalchemy import text

from qcy_workstation.accounts.service import AccountService
from qcy_workstation.cases.demo import seed_demo
from qcy_workstation.cases.dto import CaseFilter
from qcy_workstation.cases.services import CaseService
from qcy_workstation.db.store import open_store

OUT = Path(__file__).resolve().parent / "out"
QUERIES = ["猕猴", "商标", "秦韵", "锂电", "柿饼", "保密", "渭南", "冬枣", "猕猴桃", "机械手", "竞业限"]
PASSWORD = "benchmark-password-2026"


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def ms(fn) -> float:  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    fn()
    return (time.perf_counter() - t0) * 1000


def build(cases: int) -> Path:
    OUT.mkdir(exist_ok=True)
    path = OUT / f"accounts-{cases}.sqlite"
    if path.exists():
        return path
    store = open_store(path)
    t0 = time.perf_counter()
    seed_demo(store, cases=cases, consultations=0, seed=2026, staff="张敏")
    accounts = AccountService(store)
    admin = accounts.create_administrator("admin", "站长", PASSWORD)
    accounts.create(admin, "liu", "刘洋", ["officer"], PASSWORD, must_change=False)
    accounts.create(admin, "zhao", "赵磊", ["head"], PASSWORD, must_change=False)
    with store.write() as s:  # every fifth case confidential (the demo marks only some): a heavy filter
        s.execute(text("UPDATE cases SET confidential = 1 WHERE id % 5 = 0"))
    store.close()
    print(f"built {path.name} in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    return path


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=100_000)
    args = ap.parse_args()
    path = build(args.cases)
    store = open_store(path)
    accounts = AccountService(store)
    logins = [ms(lambda: accounts.authenticate("liu", PASSWORD)) for _ in range(10)]
    naive_hasher = PasswordHasher()
    stored = naive_hasher.hash(PASSWORD)
    naive = [ms(lambda: naive_hasher.verify(stored, PASSWORD)) for _ in range(10)]
    liu = accounts.authenticate("liu", PASSWORD)
    head = accounts.authenticate("zhao", PASSWORD)
    officer, everyone = CaseService(store, liu), CaseService(store, head)
    first_page = [ms(lambda: officer.list(CaseFilter(), limit=200)) for _ in range(10)]

    def naive_page() -> list:  # type: ignore[type-arg]
        page, offset = [], 0
        while len(page) < 200:
            rows = everyone.list(CaseFilter(), offset=offset, limit=200)
            if not rows:
                break
            page += [r for r in rows if not r.confidential or r.staff == "刘洋"]
            offset += 200
        return page[:200]

    naive_first = [ms(naive_page) for _ in range(10)]
    search = [ms(lambda q=q: officer.search(q, limit=50)) for q in QUERIES for _ in range(3)]
    naive_search = [ms(lambda q=q: [r for r in everyone.search(q, limit=None) if not r.confidential][:50])
                    for q in QUERIES]
    visible = officer.count()
    total = everyone.count()
    print(f"accounts benchmark, {time.strftime('%Y-%m-%d')}, {platform.node()} {platform.machine()}, "
          f"{platform.python_version()}; {total:,} cases, {total - visible:,} hidden from the officer")
    print(f"login (Argon2id t=2 m=64MiB p=2, with store reads + audit): median {statistics.median(logins):.0f} ms, "
          f"max {max(logins):.0f} ms   | naive argon2 defaults verify only: median {statistics.median(naive):.0f} ms"
          "   target <= 500 ms")
    print(f"officer's first page of 200, filter in SQL: median {statistics.median(first_page):.1f} ms, "
          f"p95 {pct(first_page, 95):.1f} ms   | naive filter in Python: median {statistics.median(naive_first):.1f} ms"
          "   target <= 50 ms")
    print(f"officer's search ({len(QUERIES)} queries x3), filter in SQL: p95 {pct(search, 95):.1f} ms, "
          f"max {max(search):.1f} ms   | naive (all matches, then filter): p95 {pct(naive_search, 95):.1f} ms"
          "   target p95 <= 50 ms")
    store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
