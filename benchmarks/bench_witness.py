"""The desk's audit witness (issue 12): what updating it costs per write transaction, in one run.

On a SQLite store in a temporary folder (``--events`` audit events already in it), ``--runs`` write
transactions that each append one audit event, interleaved:

- baseline: the write without the witness (``db.witness.note_written`` replaced by a no-op), i.e. the commit,
  the anchor file beside the store, and nothing else;
- witness: the same write with this desk's witness moved forward (read the small JSON file, check one
  HMAC-SHA256, write it back through a temporary file);
- witness after another desk: the same, when another desk wrote in between (the live chain is first checked
  to still hold the witnessed head: two indexed reads and a count);
- check: ``db.witness.check_witness`` as ``store check`` runs it.

Prints median and p95 milliseconds; copy the figures into RESULTS.md.

    .venv/bin/python benchmarks/bench_witness.py [--events 20000] [--runs 300]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import tempfile
import time
from pathlib import Path

from qcy_workstation.db import audit, witness
from qcy_workstation.db.store import open_store


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["QCY_WITNESS_DIR"] = str(Path(tmp) / "desk")
        store = open_store(Path(tmp) / "bench.sqlite")
        for start in range(0, args.events, 1000):
            with store.write() as s:
                for i in range(start, min(start + 1000, args.events)):
                    audit.record(s, actor="bench", action="update", entity="settings", entity_id=str(i))
        real = witness.note_written

        def one_write(tag: str) -> float:
            t0 = time.perf_counter()
            with store.write() as s:
                audit.record(s, actor="bench", action="update", entity="settings", entity_id=tag)
            return (time.perf_counter() - t0) * 1000

        def other_desk() -> None:  # a write this desk's witness does not see
            witness.note_written = lambda *_a, **_k: None
            try:
                one_write("other")
            finally:
                witness.note_written = real

        times: dict[str, list[float]] = {"baseline": [], "witness": [], "after_other": [], "check": []}
        one_write("warm-up")
        for _ in range(args.runs):
            witness.note_written = lambda *_a, **_k: None
            times["baseline"].append(one_write("baseline"))
            witness.note_written = real
            times["witness"].append(one_write("witness"))
            other_desk()
            times["after_other"].append(one_write("after"))
            t0 = time.perf_counter()
            with store.read() as s:
                verdict = witness.check_witness(s, store)
            times["check"].append((time.perf_counter() - t0) * 1000)
            assert verdict["status"] == "ok", verdict
        store.close()
    print(f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
          f"{args.events} events before, {args.runs} runs each, interleaved")
    print("| write transaction (one audit event) | median ms | p95 ms |")
    print("|---|---|---|")
    names = {"baseline": "without the witness (baseline)", "witness": "with the witness (usual case)",
             "after_other": "with the witness, another desk wrote in between", "check": "store check's witness verdict"}
    for key, label in names.items():
        values = sorted(times[key])
        print(f"| {label} | {statistics.median(values):.2f} | {values[int(len(values) * 0.95) - 1]:.2f} |")


if __name__ == "__main__":
    main()
