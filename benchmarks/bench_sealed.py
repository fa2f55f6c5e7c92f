"""Encrypted evidence benchmark (issue 14 item 5): what sealing costs against a plain copy, in one run.

For a file of ``--mb`` MiB (random bytes, 10 by default) in a temporary folder, ``--runs`` times each:

- plain copy: read, SHA-256 and write a copy, as ``evidence add`` stores a plain file;
- seal: read, SHA-256 the plaintext and write the AES-256-GCM segments (``db/sealed.py``), as ``evidence
  add`` stores a confidential case's file;
- open: decrypt the sealed file, SHA-256 the plaintext and write it out, as ``evidence export`` does;
- plain read: read and SHA-256 the plain copy, as opening a plain file checks it.

Prints median and best milliseconds and MB/s; copy the figures into RESULTS.md.

``--service`` measures the services instead, on a real SQLite store with accounts: ``evidence add`` of the
file to a confidential case (a new random file each run), attaching the same file to a second confidential
case by its own officer, and opening it (decrypted copy) through each case: what the per-file keys of
``accounts/file_keys.py`` cost on top of sealing. It uses only services that older versions have too, so
the same script measures the code before the change (``PYTHONPATH`` pointing at an older checkout).

    .venv/bin/python benchmarks/bench_sealed.py [--mb 10] [--runs 15] [--service]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import cryptography

from qcy_workstation.db import sealed

CHUNK = 1 << 20


def plain_copy(src: Path, dst: Path) -> None:
    h = hashlib.sha256()
    with src.open("rb") as fh, dst.open("wb") as out:
        while chunk := fh.read(CHUNK):
            h.update(chunk)
            out.write(chunk)
        out.flush()
        os.fsync(out.fileno())


def plain_read(src: Path) -> None:
    h = hashlib.sha256()
    with src.open("rb") as fh:
        while chunk := fh.read(CHUNK):
            h.update(chunk)


def seal_file(src: Path, dst: Path, key: bytes) -> None:
    h = hashlib.sha256()
    with src.open("rb") as fh, dst.open("wb") as out:
        sealed.seal(fh, out, key, on_plain=h.update)
        out.flush()
        os.fsync(out.fileno())


def open_file(src: Path, dst: Path, key: bytes) -> None:
    with src.open("rb") as fh, dst.open("wb") as out:
        sealed.unseal(fh, out, key)
        out.flush()
        os.fsync(out.fileno())


def measure(fn: Callable[[], None], runs: int) -> list[float]:
    fn()  # warm the page cache and the cipher
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return times


def services(mb: int, runs: int) -> None:
    """Attach and open a sealed file through the services (see the module's docstring)."""
    from datetime import date

    from qcy_workstation.accounts.service import AccountService
    from qcy_workstation.cases.dto import NewCase, PartyInput, RightInput
    from qcy_workstation.cases.evidence import EvidenceService
    from qcy_workstation.cases.services import CaseService
    from qcy_workstation.db.store import open_store

    password = "bench-sealed-2026"
    with tempfile.TemporaryDirectory(prefix="qcy-bench-sealed-") as tmp:
        folder = Path(tmp)
        store = open_store(folder / "store.sqlite")
        accounts = AccountService(store, sleep=lambda _s: None)
        root = accounts.create_administrator("root", "站长", password)
        for login, name, roles in (("zhang", "张敏", ["officer"]), ("liu", "刘洋", ["officer"]),
                                   ("zhao", "赵磊", ["head"])):
            accounts.create(root, login, name, roles, password, must_change=False)
        who = {login: accounts.authenticate(login, password) for login in ("zhang", "liu", "zhao")}
        numbers = [CaseService(store, who["zhao"]).create(NewCase(
            title=f"商业秘密案 {staff}", ip_type="trade-secret", applicant=PartyInput("西安秦岭合金材料有限公司"),
            staff=staff, received_on=date(2026, 11, 2),
            rights=(RightInput(kind="trade-secret", title="工艺", secret_description="参数"),))).number
            for staff in ("张敏", "刘洋")]
        times: dict[str, list[float]] = {"add": [], "attach": [], "open_a": [], "open_b": []}
        for run in range(runs + 1):  # the first run warms up and is not counted
            src = folder / f"evidence-{run}.bin"
            src.write_bytes(os.urandom(mb << 20))
            ids = {}
            for name, login, number in (("add", "zhang", numbers[0]), ("attach", "liu", numbers[1])):
                start = time.perf_counter()
                ids[name] = EvidenceService(store, who[login]).add(number, src).id
                if run:
                    times[name].append((time.perf_counter() - start) * 1000)
            for name, login, eid in (("open_a", "zhang", ids["add"]), ("open_b", "liu", ids["attach"])):
                start = time.perf_counter()
                try:
                    opened = EvidenceService(store, who[login]).open_path(eid)
                except Exception as exc:  # the code before per-file keys: the second officer is refused
                    opened = None
                    label = f"refused ({getattr(exc, 'reason', type(exc).__name__)})"
                if run:
                    times[name].append((time.perf_counter() - start) * 1000)
                if opened is not None:
                    opened.unlink()
                elif run == 1:
                    print(f"{name}: {label}")
            src.unlink()
        store.close()
    print(f"{mb} MiB files, {runs} runs each, services on a SQLite store with accounts; Python "
          f"{platform.python_version()}, {os.cpu_count()} cores, cryptography {cryptography.__version__}")
    labels = {"add": "evidence add to confidential case A (officer of A)",
              "attach": "the same file to confidential case B (officer of B)",
              "open_a": "open through A (decrypted copy)", "open_b": "open through B (decrypted copy)"}
    for name, label in labels.items():
        print(f"{label:<54} median {statistics.median(times[name]):>7.1f} ms  best {min(times[name]):>7.1f} ms")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=int, default=10)
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--service", action="store_true", help="measure evidence add/open through the services")
    args = ap.parse_args()
    if args.service:
        services(args.mb, args.runs)
        return
    key = os.urandom(32)
    with tempfile.TemporaryDirectory(prefix="qcy-bench-sealed-") as tmp:
        folder = Path(tmp)
        src = folder / "evidence.bin"
        src.write_bytes(os.urandom(args.mb << 20))
        copy, enc, dec = folder / "copy.bin", folder / "sealed.enc", folder / "opened.bin"
        rows = [
            ("plain copy (read + SHA-256 + write)", measure(lambda: plain_copy(src, copy), args.runs)),
            ("seal (read + SHA-256 + AES-256-GCM + write)", measure(lambda: seal_file(src, enc, key), args.runs)),
            ("open (read + AES-256-GCM + SHA-256 + write)", measure(lambda: open_file(enc, dec, key), args.runs)),
            ("plain read (read + SHA-256)", measure(lambda: plain_read(copy), args.runs)),
        ]
        assert dec.read_bytes() == src.read_bytes()
        overhead = enc.stat().st_size - src.stat().st_size
    print(f"{args.mb} MiB file, {args.runs} runs each; Python {platform.python_version()}, {platform.machine()}, "
          f"{os.cpu_count()} cores, cryptography {cryptography.__version__}; ciphertext +{overhead} bytes")
    print(f"{'operation':<46} {'median ms':>10} {'best ms':>9} {'MB/s':>8}")
    for name, times in rows:
        med = statistics.median(times)
        print(f"{name:<46} {med:>10.1f} {min(times):>9.1f} {args.mb * 1.048576 / (med / 1000):>8.0f}")
    seal_med, copy_med = statistics.median(rows[1][1]), statistics.median(rows[0][1])
    print(f"seal + open together: {seal_med + statistics.median(rows[2][1]):.1f} ms; seal vs plain copy: "
          f"{seal_med / copy_med:.2f}x")


if __name__ == "__main__":
    main()
