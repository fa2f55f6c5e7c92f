"""Desktop client benchmark: start-up to the first painted window, and search latency, on 100,000 cases.

    .venv/bin/python benchmarks/bench_ui.py [--cases 100000] [--runs 5]

* Start: wall time from launching a fresh Python process to the first paint of the main window (and to
  the first page of cases painted), against a bare ``QWidget`` window started the same way in the same
  run. Targets: <= 1.5 s and <= 3x the bare window.
* Search: in one process on the same store, a query typed into the case list's search box (input-method
  commits for Chinese, key clicks for Latin): time from the last keystroke to the matching rows shown,
  split into the debounce wait and the query (first page + counts, in the background) plus painting.
  Target: <= 100 ms for the results after the debounce.

The 100,000-case store is built once with the demo seeder and cached under ``benchmarks/out/``.
Runs offscreen (QT_QPA_PLATFORM=offscreen) so it works on a machine without a display.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"


def store_path(cases: int) -> Path:
    return OUT / f"ui-{cases // 1000}k.sqlite"


def ensure_store(cases: int) -> Path:
    path = store_path(cases)
    if path.exists():
        return path
    from qcy_workstation.cases.demo import seed_demo
    from qcy_workstation.db.store import open_store

    OUT.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp.sqlite")
    for leftover in OUT.glob(tmp.name + "*"):
        leftover.unlink()
    t0 = time.perf_counter()
    store = open_store(tmp)
    seed_demo(store, cases=cases, seed=2026)
    store.close()
    os.replace(tmp, path)
    print(f"built {path.name} ({cases:,} cases) in {time.perf_counter() - t0:.1f} s")
    return path


# ---------------------------------------------------------------------- child processes


def child_bare() -> None:
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication(sys.argv[:1])
    window = QLabel("bare window")
    window.resize(1320, 840)

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):  # type: ignore[no-untyped-def]  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                print("PAINTED", flush=True)
                app.quit()
            return False

    f = FirstPaint()
    window.installEventFilter(f)
    window.show()
    app.exec()


def run_child(args: list[str]) -> dict[str, float]:
    """Launch a child; seconds from launch to each marker line it prints.

    ``["app", DB]`` runs the real entry point, ``python -m qcy_workstation --db DB``, which prints its
    markers when QCY_BENCH_START is set (qcy_workstation.ui.app._report_start).
    """
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QCY_BENCH_START="1",
               QCY_UI_SETTINGS=str(OUT / "bench-prefs.ini"))
    if args[0] in ("app", "cli"):
        module = "qcy_workstation.ui" if args[0] == "app" else "qcy_workstation"
        command = [sys.executable, "-m", module, "--db", args[1], "--staff", "bench", "--page", "cases"]
    else:
        command = [sys.executable, __file__, "--child", "bare"]
    t0 = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env,
                            cwd=HERE.parent)
    marks: dict[str, float] = {}
    assert proc.stdout is not None
    for line in proc.stdout:
        marks[line.split()[0]] = time.perf_counter() - t0
    proc.wait()
    if "PAINTED" not in marks:
        raise RuntimeError(f"child {args} did not paint")
    return marks


# ---------------------------------------------------------------------- search latency (in process)


def search_latency(db: Path, queries: list[str], repeats: int) -> list[tuple[str, float, float, int]]:
    """(query, query+paint ms after the debounce, keystroke-to-results ms, rows) medians per query."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from qcy_workstation.db.store import open_store
    from qcy_workstation.ui.app import create_application
    from qcy_workstation.ui.context import AppContext, Prefs
    from qcy_workstation.ui.i18n import install_language
    from qcy_workstation.ui.main_window import MainWindow, load_pages

    app = create_application()
    install_language("zh_CN")
    store = open_store(db)
    ctx = AppContext(store, staff="bench", prefs=Prefs.at(str(OUT / "bench-prefs.ini")))
    load_pages()
    window = MainWindow(ctx)
    window.resize(1320, 840)
    window.show()
    page = window.go("cases")
    ctx.runner.wait_idle(60000)
    results = []
    for query in queries:
        fired, totals, rows = [], [], 0
        for _ in range(repeats):
            page.search.clear()
            page.debouncer.flush()
            ctx.runner.wait_idle(60000)
            app.processEvents()
            marks: dict[str, float] = {}
            page.debouncer.timer.timeout.connect(lambda m=marks: m.setdefault("fired", time.perf_counter()))
            done = {"ok": False}

            def on_loaded(d: dict[str, bool] = done) -> None:
                page.table.viewport().repaint()
                d["ok"] = True

            page.model.loaded.connect(on_loaded)
            page.search.setFocus()
            for ch in query:
                if ch.isascii():
                    QTest.keyClick(page.search, ch)
                else:
                    event = QInputMethodEvent()
                    event.setCommitString(ch)
                    QApplication.sendEvent(page.search, event)
                last_key = time.perf_counter()
                app.processEvents()
            while not done["ok"]:
                app.processEvents()
                time.sleep(0.0005)
            end = time.perf_counter()
            page.model.loaded.disconnect(on_loaded)
            page.debouncer.timer.timeout.disconnect()
            page.debouncer.timer.timeout.connect(page.apply_filters)
            fired.append((end - marks["fired"]) * 1000)
            totals.append((end - last_key) * 1000)
            ctx.runner.wait_idle(60000)  # the counts, which follow the rows
            rows = sum((page._last_counts or {}).values())
        results.append((query, statistics.median(fired), statistics.median(totals), rows))
    ctx.runner.shutdown()
    store.close()
    return results


# ---------------------------------------------------------------------- main


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child", choices=["bare"])
    args = parser.parse_args()
    if args.child == "bare":
        child_bare()
        return 0

    db = ensure_store(args.cases)
    from qcy_workstation.ui.pages.cases import SEARCH_DEBOUNCE_MS

    print(f"machine: {platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}")
    print(f"store: {db} ({args.cases:,} cases, {db.stat().st_size / 1e6:.0f} MB)")
    run_child(["bare"])  # warm the OS file cache for both
    run_child(["app", str(db)])
    bare, app_paint, app_rows, cli_paint, cli_rows = [], [], [], [], []
    for _ in range(args.runs):  # interleaved, so a busy moment of the machine hits all three alike
        bare.append(run_child(["bare"])["PAINTED"])
        marks = run_child(["app", str(db)])
        app_paint.append(marks["PAINTED"])
        app_rows.append(marks.get("ROWS", float("nan")))
        marks = run_child(["cli", str(db)])
        cli_paint.append(marks["PAINTED"])
        cli_rows.append(marks.get("ROWS", float("nan")))
    b = statistics.median(bare)
    print(f"start to first paint (median of {args.runs}, fresh process each, load average "
          f"{os.getloadavg()[0]:.2f}):")
    print(f"  bare Qt window (QLabel)               {b * 1000:7.0f} ms")
    for name, paint, rows in (("python -m qcy_workstation.ui", app_paint, app_rows),
                              ("qcy-workstation (CLI entry)", cli_paint, cli_rows)):
        a, r = statistics.median(paint), statistics.median(rows)
        verdict = "PASS" if a <= 1.5 and a <= 3 * b else "FAIL"
        print(f"  {name:<30} first paint {a * 1000:6.0f} ms ({a / b:.2f}x bare, target <= 1500 ms and <= 3x: "
              f"{verdict});  first 200 of 100,000 cases shown {r * 1000:6.0f} ms")

    queries = ["猕猴桃", "秦川", "商标", "西安", "QCY-2026-0004", "ZL2020", "无人机 电池"]
    print(f"case search, keystroke to rows shown (median of 5; debounce {SEARCH_DEBOUNCE_MS} ms):")
    worst = 0.0
    for query, after_debounce, total, rows in search_latency(db, queries, 5):
        worst = max(worst, after_debounce)
        print(f"  {query:<14} {rows:>7,} matches   query+paint {after_debounce:6.1f} ms   "
              f"last keystroke to results {total:6.1f} ms")
    print(f"  worst query+paint {worst:.1f} ms   target <= 100 ms: {'PASS' if worst <= 100 else 'FAIL'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
