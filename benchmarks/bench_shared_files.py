"""Files for several desks (issue 15 item 6): evidence in a shared folder, or in PostgreSQL?

Writes and reads back 100 MB of evidence (40 files of 2.5 MB of random bytes: photos and scanned PDFs do not
compress) both ways, in the same run:

* **folder**: what the store does today (``$QCY_FILES``): the evidence service hashes the file and copies it
  into the content-addressed folder (a temporary file, fsync, rename), one transaction per file for its
  row; reading is ``export_copy`` (copy out and re-hash). Here the folder is on the local disk: a Windows share
  (UNC path) adds the network on both sides, which this machine cannot measure.
  This route includes everything the service does per file (two hashings, the evidence row, the audit event).
* **database**: the same bytes as ``bytea`` rows (one INSERT per file, one transaction each, over loopback,
  the server with fsync and synchronous commit on),
  read back with one SELECT per file and re-hashed; plus what it costs the database (table size, and the time
  ``pg_dump`` of that table takes, which every backup then pays).

    .venv/bin/python benchmarks/bench_shared_files.py --url postgresql+psycopg://user@host/db
    .venv/bin/python benchmarks/bench_shared_files.py   # a throw-away local cluster (tests/pg_server.py)
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import text

from qcy_workstation.accounts.principal import open_principal
from qcy_workstation.cases.dto import NewCase, PartyInput
from qcy_workstation.cases.evidence import EvidenceService
from qcy_workstation.cases.services import CaseService
from qcy_workstation.db.store import open_store

FILES = 40
SIZE = 2_500_000  # 40 x 2.5 MB = 100 MB


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", help="an empty PostgreSQL database (default: a throw-away local cluster)")
    ap.add_argument("--files", type=int, default=FILES)
    args = ap.parse_args()
    server = None
    url = args.url
    if url is None:
        sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
        from pg_server import PgServer

        server = PgServer.start()
        # The test cluster runs without fsync; the folder route fsyncs every file: make the server durable too.
        for setting in ("fsync = on", "synchronous_commit = on", "full_page_writes = on"):
            server.execute(f"ALTER SYSTEM SET {setting}")
        server.execute("SELECT pg_reload_conf()")
        server.execute("CREATE DATABASE files_bench")
        url = server.url_of("files_bench")
    try:
        return run(url, args.files, server)
    finally:
        if server is not None:
            server.stop()


def run(url: str, n: int, server) -> int:  # type: ignore[no-untyped-def]
    work = Path(tempfile.mkdtemp(prefix="qcy-files-bench-"))
    try:
        sources = []
        for i in range(n):
            path = work / "in" / f"证据{i:02d}.jpg"
            path.parent.mkdir(exist_ok=True)
            path.write_bytes(os.urandom(SIZE))
            sources.append(path)
        total_mb = n * SIZE / 1e6
        store = open_store(url, files_dir=work / "shared")
        who = open_principal("bench")
        number = CaseService(store, who).create(NewCase(title="证据存储基准", ip_type="trademark",
                                                        applicant=PartyInput("西安基准科技有限公司"))).number
        with store.read() as s:
            version = s.execute(text("SHOW server_version")).scalar()
        print(f"machine: {platform.machine()}, {os.cpu_count()} cores, CPython {platform.python_version()}, "
              f"PostgreSQL {version}; {n} files x {SIZE / 1e6:.1f} MB = {total_mb:.0f} MB")

        evidence = EvidenceService(store, who)
        t0 = time.perf_counter()
        added = [evidence.add(number, p, source="基准") for p in sources]
        folder_write = time.perf_counter() - t0
        out = work / "out"
        out.mkdir()
        t0 = time.perf_counter()
        for item in added:
            evidence.export_copy(item.id, out)
        folder_read = time.perf_counter() - t0
        shutil.rmtree(out)

        with store.engine.begin() as conn:
            conn.exec_driver_sql("CREATE TABLE bench_blobs (sha256 text PRIMARY KEY, data bytea NOT NULL)")
        raw = store.engine.raw_connection()
        try:
            cur = raw.cursor()
            t0 = time.perf_counter()
            for p in sources:
                data = p.read_bytes()
                cur.execute("INSERT INTO bench_blobs VALUES (%s, %s)", (hashlib.sha256(data).hexdigest(), data))
                raw.commit()
            db_write = time.perf_counter() - t0
            t0 = time.perf_counter()
            for p in sources:
                digest = hashlib.sha256(p.read_bytes()).hexdigest()
                cur.execute("SELECT data FROM bench_blobs WHERE sha256 = %s", (digest,))
                data = cur.fetchone()[0]
                assert hashlib.sha256(data).hexdigest() == digest
            db_read = time.perf_counter() - t0
            cur.execute("SELECT pg_total_relation_size('bench_blobs')")
            table_mb = cur.fetchone()[0] / 1e6
        finally:
            raw.close()
        dump = None
        if server is not None and server.bindir is not None:
            from sqlalchemy.engine import make_url

            u = make_url(url)
            t0 = time.perf_counter()
            subprocess.run([str(server.bindir / "pg_dump"), "-h", u.host, "-p", str(u.port), "-U", u.username,
                            "-t", "bench_blobs", "-Fc", "-f", str(work / "blobs.dump"), u.database], check=True)
            dump = (time.perf_counter() - t0, (work / "blobs.dump").stat().st_size / 1e6)
        store.close()

        print("\n| where | write 100 MB (s) | MB/s | read back + re-hash (s) | MB/s |")
        print("|---|---|---|---|---|")
        print(f"| shared folder (EvidenceService.add / export_copy) | {folder_write:.2f} | {total_mb / folder_write:.0f} "
              f"| {folder_read:.2f} | {total_mb / folder_read:.0f} |")
        print(f"| PostgreSQL bytea (INSERT / SELECT, loopback) | {db_write:.2f} | {total_mb / db_write:.0f} "
              f"| {db_read:.2f} | {total_mb / db_read:.0f} |")
        print(f"\nbytea table size: {table_mb:.0f} MB for {total_mb:.0f} MB of files (no compression of random "
              "bytes)")
        if dump:
            print(f"pg_dump of that table alone: {dump[0]:.1f} s, {dump[1]:.0f} MB")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
