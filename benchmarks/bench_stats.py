"""Benchmark: dashboard figures at 100,000 cases and 200,000 consultations (issue 6).

Target: the dashboard's first paint <= 1 s, so the figures must come well under that. Compared in the same
run with a naive baseline that loads every row into Python and counts there; both must agree.

    .venv/bin/python benchmarks/bench_stats.py [--cases 100000] [--consultations 200000] [--rebuild]

The demo store is cached in benchmarks/out/ (seeding takes a few minutes on this 2-core machine).
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import time
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

from sqlalchemy import select

from qcy_workstation.cases.deadlines import working_days_between
from qcy_workstation.cases.demo import seed_demo
from qcy_workstation.cases.models import Case, Consultation, Party, Transition
from qcy_workstation.db.store import open_store
from qcy_workstation.stats import StatsPeriod, StatsService

OUT = Path(__file__).resolve().parent / "out"
TODAY = date(2026, 11, 20)  # fixed so the cached store and the figures are reproducible


def build(path: Path, cases: int, consultations: int) -> float:
    for p in path.parent.glob(path.name + "*"):
        p.unlink()
    store = open_store(path)
    t0 = time.perf_counter()
    last = [0.0]

    def progress(done: int, total: int) -> bool:
        if time.perf_counter() - last[0] > 10:
            last[0] = time.perf_counter()
            print(f"  seeding {done:,}/{total:,}", flush=True)
        return True

    seed_demo(store, cases=cases, consultations=consultations, seed=2026, today=TODAY, progress=progress,
              chunk=10000)
    store.close()
    return time.perf_counter() - t0


def naive(store, period: StatsPeriod) -> dict:  # type: ignore[no-untyped-def]
    """What a first implementation would do: fetch every row as an object and count in Python."""
    def inside(day):  # type: ignore[no-untyped-def]
        return (period.date_from is None or day >= period.date_from) and (period.date_to is None or day <= period.date_to)

    with store.read() as s:
        cases = [c for c in s.execute(select(Case)).unique().scalars() if inside(c.received_on)]
        consultations = [c for c in s.execute(select(Consultation)).scalars() if inside(c.at.date())]
        transitions = list(s.execute(select(Transition)).scalars())
        parties = {p.id: p for p in s.execute(select(Party)).scalars()}
        by_type = Counter(c.ip_type for c in cases)
        by_status = Counter(c.status for c in cases)
        by_month = Counter(f"{c.received_on:%Y-%m}" for c in cases)
        acc = [working_days_between(c.received_on, c.accepted_on) for c in cases if c.accepted_on]
        opi = [working_days_between(c.accepted_on, c.opinion_on) for c in cases if c.accepted_on and c.opinion_on]
        outcomes: dict[str, set[int]] = defaultdict(set)
        for t in transitions:
            if t.to_status in ("opinion_issued", "closed", "declined", "withdrawn") and inside(t.on):
                outcomes[t.to_status].add(t.case_id)
        by_channel = Counter(c.channel for c in consultations)
        by_industry = Counter(parties[c.applicant_id].industry for c in cases)
        compliance = (sum(1 for c in cases if c.accepted_on and c.accepted_on <= c.acceptance_due),
                      sum(1 for c in cases if c.accepted_on and c.accepted_on > c.acceptance_due))
    return {"cases_by_type": dict(by_type), "cases_by_status": dict(by_status), "cases_by_month": dict(by_month),
            "acceptance_avg": round(sum(acc) / len(acc), 2) if acc else None,
            "opinion_avg": round(sum(opi) / len(opi), 2) if opi else None,
            "outcomes": {k: len(v) for k, v in outcomes.items()}, "consultations_by_channel": dict(by_channel),
            "cases_by_industry": dict(by_industry), "compliance": compliance}


def nonzero(d: dict) -> dict:  # type: ignore[type-arg]
    return {k: v for k, v in d.items() if v}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=100_000)
    ap.add_argument("--consultations", type=int, default=200_000)
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    OUT.mkdir(exist_ok=True)
    path = OUT / f"stats-{args.cases}-{args.consultations}.sqlite"
    if args.rebuild or not path.exists():
        print(f"building {path.name} ...", flush=True)
        print(f"  seeded in {build(path, args.cases, args.consultations):.1f} s", flush=True)

    results: dict[str, object] = {"machine": f"{platform.machine()} {platform.system()} python {platform.python_version()}",
                                  "cases": args.cases, "consultations": args.consultations}
    periods = {"all time": StatsPeriod(), "year 2026": StatsPeriod.year(2026), "month 2026-10": StatsPeriod.month(2026, 10)}

    # First paint: a freshly opened store (cold caches in this process), the all-time dashboard.
    t0 = time.perf_counter()
    store = open_store(path)
    dash = StatsService(store, today=TODAY).dashboard(StatsPeriod())
    first = time.perf_counter() - t0
    results["first_paint_s"] = round(first, 3)
    results["first_paint_sections_ms"] = dash.timings_ms
    print(f"first paint (open store + all figures, cold): {first * 1000:.0f} ms  sections: {dash.timings_ms}")

    # What the dashboard page draws on top of the figures: one chart image per chartable table.
    from qcy_workstation.stats.charts import bar_chart_png

    t0 = time.perf_counter()
    n_charts = 0
    for t in dash.tables("zh"):
        values = [r[1] for r in t.rows if isinstance(r[1], int | float)]
        if t.chart and len(values) == len(t.rows) and len(values) >= 2:
            bar_chart_png([str(r[0]) for r in t.rows], values, width_px=900, scale=1,
                          vertical=t.key.endswith("_month"))
            n_charts += 1
    charts_s = time.perf_counter() - t0
    results["chart_images_ms"] = round(charts_s * 1000, 1)
    print(f"chart images for the page ({n_charts}): {charts_s * 1000:.0f} ms")

    # Monthly report end to end (figures + charts + PDF), what "Export report" costs.
    from qcy_workstation.stats.report import build_report, render_pdf

    t0 = time.perf_counter()
    pdf = render_pdf(build_report(store, kind="monthly", year=2026, month=10, today=TODAY))
    results["monthly_report_pdf_s"] = round(time.perf_counter() - t0, 2)
    print(f"monthly report PDF: {results['monthly_report_pdf_s']} s ({len(pdf) // 1024} KiB)")

    for name, period in periods.items():
        times = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            d = StatsService(store, today=TODAY).dashboard(period)
            times.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        base = naive(store, period)
        naive_s = time.perf_counter() - t0
        # The two must agree, or the speed means nothing.
        assert nonzero(d.cases_by_type) == base["cases_by_type"], (d.cases_by_type, base["cases_by_type"])
        assert nonzero(d.cases_by_status) == base["cases_by_status"]
        assert d.cases_by_month == dict(sorted(base["cases_by_month"].items()))
        assert nonzero(d.consultations_by_channel) == base["consultations_by_channel"]
        assert nonzero(d.outcomes) == base["outcomes"]
        assert d.working_days["receipt_to_acceptance"]["average"] == base["acceptance_avg"]
        assert d.working_days["acceptance_to_opinion"]["average"] == base["opinion_avg"]
        assert {k: v for k, v in d.cases_by_industry.items() if v} == base["cases_by_industry"]
        assert (d.compliance["acceptance"]["on_time"], d.compliance["acceptance"]["late"]) == base["compliance"]
        med = statistics.median(times)
        results[name] = {"median_ms": round(med * 1000, 1), "max_ms": round(max(times) * 1000, 1),
                         "naive_s": round(naive_s, 2), "speedup": round(naive_s / med, 1),
                         "cases": d.totals["cases"], "consultations": d.totals["consultations"],
                         "sections_ms": d.timings_ms}
        print(f"{name:>14}: figures median {med * 1000:7.1f} ms (max {max(times) * 1000:.1f})   naive "
              f"{naive_s:6.2f} s   x{naive_s / med:.0f}   [{d.totals['cases']:,} cases, "
              f"{d.totals['consultations']:,} consultations]  sections {d.timings_ms}", flush=True)
    store.close()
    (OUT / "bench_stats.json").write_text(json.dumps(results, ensure_ascii=False, indent=2))
    ok = results["first_paint_s"] <= 1.0  # type: ignore[operator]
    print(f"target first paint <= 1 s: {'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
