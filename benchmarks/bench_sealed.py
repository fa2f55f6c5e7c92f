"""Encrypted evidence benchmark (issue 14 item 5): what sealing costs against a plain copy, in one run.

For a file of ``--mb`` MiB (random bytes, 10 by default) in a temporary folder, ``--runs`` times each:

- plain copy: read, SHA-256 and write a copy, as ``evidence add`` stores a plain file;
- seal: read, SHA-256 the plaintext and write the AES-256-GCM segments (``db/sealed.py``), as ``evidence
  add`` stores a confidential case's file;
- open: decrypt the sealed file, SHA-256 the plaintext and write it out, as ``evidence export`` does;
- plain read: read and SHA-256 the plain copy, as opening a plain file checks it.

Prints median and best milliseconds and MB/s; copy the figures into RESULTS.md.

    .venv/bin/python benchmarks/bench_sealed.py [--mb 10] [--runs 15]
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=int, default=10)
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args()
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
