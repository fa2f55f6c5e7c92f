"""Trademark screening at 10,000,000 register marks: time and memory (issue 10's stretch run).

    .venv/bin/python benchmarks/bench_screen_large.py --size 10000000 --dir /tmp/big

The register is imported in chunks of 1,000,000 (one import each: a single 10,000,000-row import keeps every
row in memory, ~14 GB, before its one transaction). Screening then runs in a fresh process that builds the
index (or loads its cache file) and times the queries; its peak memory (max RSS) is the figure to compare
with the 6 GB goal. The same queries on a 1,000,000 register (bench_precheck.py) are the baseline.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.bench_precheck import QUERIES, gen_trademarks  # noqa: E402

CHUNK = 1_000_000

SCREEN = r"""
import json, resource, statistics, sys, time
from qcy_workstation.db.store import open_store
from qcy_workstation.precheck.screening import screen_trademark, trademark_index
queries = json.loads(sys.argv[2])
store = open_store(sys.argv[1])
t = time.perf_counter(); idx = trademark_index(store); build = time.perf_counter() - t
rss_index = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
times = []
for mark, cls in queries:
    t = time.perf_counter(); screen_trademark(store, mark, classes=cls, top=20); times.append(time.perf_counter() - t)
print(json.dumps({"marks": len(idx), "index_s": round(build, 1), "median_s": round(statistics.median(times), 3),
                  "p90_s": round(sorted(times)[int(0.9 * (len(times) - 1))], 3),
                  "rss_after_index_mb": round(rss_index), "rss_peak_mb":
                  round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}))
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", type=int, default=10_000_000)
    ap.add_argument("--dir", required=True, help="work folder (about 1 GB per million marks)")
    ap.add_argument("--skip-import", action="store_true", help="reuse the store in --dir")
    a = ap.parse_args()
    from qcy_workstation.db.store import open_store
    from qcy_workstation.precheck.register import import_register

    work = Path(a.dir)
    work.mkdir(parents=True, exist_ok=True)
    db = work / "large.sqlite"
    if not a.skip_import:
        for suffix in ("", "-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)
        store = open_store(db)
        t0 = time.perf_counter()
        for start in range(0, a.size, CHUNK):
            csv_path = work / "chunk.csv"
            gen_trademarks(csv_path, min(CHUNK, a.size - start), seed=start + 7, offset=start)
            t = time.perf_counter()
            rep = import_register(store, csv_path, kind="trademark", actor="bench")
            print(f"imported {start + rep.imported:,} marks (chunk {time.perf_counter() - t:.0f} s)", flush=True)
        print(f"import of {a.size:,} marks: {time.perf_counter() - t0:.0f} s", flush=True)
        store.close()
    out = subprocess.run([sys.executable, "-c", SCREEN, str(db), json.dumps(QUERIES, ensure_ascii=False)],
                         capture_output=True, text=True, cwd=ROOT, check=True)
    fig = json.loads(out.stdout.strip().splitlines()[-1])
    print(f"screen one mark against {fig['marks']:,} marks: median {fig['median_s'] * 1000:.0f} ms, p90 "
          f"{fig['p90_s'] * 1000:.0f} ms (goal <= 1 s); index built in {fig['index_s']} s; memory after the index "
          f"{fig['rss_after_index_mb']:,} MB, peak {fig['rss_peak_mb']:,} MB (goal <= 6 GB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
