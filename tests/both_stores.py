"""Run the whole test suite on SQLite and on PostgreSQL at once, one pytest process each (the README's test
command; CI runs it).

Why at once: the two runs are independent and each keeps one core busy (the suite is mostly one Python
process plus the command line's subprocesses), so on the 2-core CI machine running them side by side takes
about as long as the longer one instead of both together. They must not meet: the PostgreSQL run gets a
home folder of its own (the user config and data folders: session tokens, QSettings, the demo store), its
own throw-away cluster (``tests/pg_server.py``) and its own temporary folders (pytest's ``--basetemp``).
Each run's output goes to a log printed whole when both have finished, SQLite first; the exit status is
non-zero when either run failed.

    .venv/bin/python tests/both_stores.py [pytest arguments, given to both runs]
"""

from __future__ import annotations

import compileall
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    # Where PYTHONDONTWRITEBYTECODE is set (the CI machine), every command a test starts in a process of its
    # own would compile the project's modules from source again: compile them once, here.
    compileall.compile_dir(ROOT / "qcy_workstation", quiet=1, workers=0)
    work = Path(tempfile.mkdtemp(prefix="qcy-both-stores-"))
    # The tests that never reach a store run once (conftest.py, --store-independent): in the SQLite run but for
    # the pre-check's, which the PostgreSQL run takes, so that the two end together on the CI machine (with all
    # of them SQLite took 16.5 minutes and PostgreSQL 13.8; the pre-check's take about a minute there).
    independent = "tests/precheck/"
    runs = {"SQLite": [f"--store-independent=except:{independent}"],
            "PostgreSQL": ["--store=postgresql", f"--store-independent=only:{independent}"]}
    started: dict[str, tuple[subprocess.Popen[bytes], Path, float]] = {}
    for name, extra in runs.items():
        env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
        if name == "PostgreSQL":
            home = work / "home"
            home.mkdir()
            env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"), XDG_DATA_HOME=str(home / ".local"),
                       XDG_CACHE_HOME=str(home / ".cache"))
        log = work / f"{name}.log"
        # The slowest tests of each run are listed at its end: where CI's 20 minutes go.
        command = [sys.executable, "-m", "pytest", f"--basetemp={work / (name + '-tmp')}", "--durations=25",
                   *extra, *argv]
        with log.open("wb") as out:
            started[name] = (subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT),
                             log, time.monotonic())
    codes: dict[str, int] = {}
    took: dict[str, float] = {}
    while len(codes) < len(started):  # each run's own time, whichever ends first
        for name, (proc, _log, t0) in started.items():
            if name not in codes and proc.poll() is not None:
                codes[name], took[name] = proc.returncode, time.monotonic() - t0
        time.sleep(0.5)
    for name, (_proc, log, _t0) in started.items():
        print(f"\n======== {name} run (exit {codes[name]}, {took[name] / 60:.1f} min) ========", flush=True)
        sys.stdout.buffer.write(log.read_bytes())
        sys.stdout.flush()
    failed = [name for name, code in codes.items() if code != 0]
    print(f"\nboth stores: {'FAILED on ' + ', '.join(failed) if failed else 'passed'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
