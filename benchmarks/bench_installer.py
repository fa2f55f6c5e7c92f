"""Installer benchmark (issue 16): the frozen program's start to first paint, and the bundle's size.

    .venv/bin/python benchmarks/bench_installer.py --dist DIR [--runs 7]

DIR is a folder made by ``installer/build.py --dist DIR`` (its build-info.json gives the bundle, the .deb and
the build time). The .deb is unpacked into a temporary root (``dpkg-deb -x``) and the program started from
there, offscreen, on a demo store of 200 cases made by the frozen program itself.

* Start: wall time from launching the process to the first paint of the main window, and to the first page
  of cases painted (``QCY_BENCH_START=1`` makes the application print both markers and quit:
  ``qcy_workstation.ui.app._report_start``), against the same start from the source checkout
  (``python -m qcy_workstation``) in the same run. Target: first paint <= 1.5 s.
* Size: the unpacked bundle and the .deb (target: <= 250 MB unpacked, the sentence model included).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
MB = 1024 * 1024


def start_marks(command: list[str], env: dict[str, str]) -> dict[str, float]:
    t0 = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    marks: dict[str, float] = {}
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.split():
            marks.setdefault(line.split()[0], time.perf_counter() - t0)
    proc.wait()
    if "PAINTED" not in marks:
        raise RuntimeError(f"{command[0]} did not paint")
    return marks


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    info = json.loads((args.dist / "build-info.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="qcy-bench-installer-") as tmp:
        root, home = Path(tmp) / "root", Path(tmp) / "home"
        home.mkdir()
        subprocess.run(["dpkg-deb", "-x", info["deb"], str(root)], check=True)
        program = root / "opt" / "qcy-workstation" / "qcy-workstation"
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV", "QCY_"))}
        env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"),
                   XDG_CACHE_HOME=str(home / "cache"), QT_QPA_PLATFORM="offscreen")
        db = home / "demo.sqlite"
        subprocess.run([str(program), "--db", str(db), "--staff", "bench", "seed-demo", "--cases", "200",
                        "--no-accounts"], check=True, env=env, stdout=subprocess.DEVNULL)
        bench_env = dict(env, QCY_BENCH_START="1", QCY_UI_SETTINGS=str(home / "prefs.ini"))
        gui = ["--db", str(db), "--staff", "bench", "--page", "cases"]
        source_env = dict(bench_env, PYTHONPATH=str(HERE.parent))
        frozen_runs, source_runs = [], []
        for _ in range(args.runs):  # interleaved, so load on the machine hits both alike
            frozen_runs.append(start_marks([str(program), *gui], bench_env))
            source_runs.append(start_marks([sys.executable, "-m", "qcy_workstation", *gui], source_env))

    def median(runs: list[dict[str, float]], key: str) -> float:
        return statistics.median(r[key] for r in runs if key in r)

    print(f"# {time.strftime('%Y-%m-%d')} · {platform.node()} · {platform.platform()} · "
          f"{os.cpu_count()} cores · Python {platform.python_version()}")
    print(f"bundle {info['bundle_bytes'] / MB:.1f} MB unpacked · .deb {info['deb_bytes'] / MB:.1f} MB · "
          f"build {info['total_s']} s (PyInstaller {info['pyinstaller_s']} s, strip {info.get('strip_s', '-')} s, "
          f".deb {info['deb_s']} s)")
    print(f"start, median of {args.runs}:     first paint   cases painted")
    for name, runs in (("frozen (installed .deb)", frozen_runs), ("source (python -m)", source_runs)):
        print(f"  {name:<24} {median(runs, 'PAINTED'):6.2f} s      {median(runs, 'ROWS'):6.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
