"""Watch-list screening (issue 17 item 3): a 100,000-mark register import against 200 enterprises' marks.

    .venv/bin/python benchmarks/bench_portfolio_watch.py --new 100000 --enterprises 200 --marks-each 3

The engine's own part is timed: the marks' keys are computed beforehand, as the register import stores them
(its keying time is the import's, not the watch's). ``screen_marks`` indexes the enterprises' marks and asks
that small index for each new mark's candidates; the naive baseline compares every pair with the same
engine (``naive_screen_marks``), timed on a sample of the new marks and scaled up, and the sample's hits of
both are compared (the shortlist's recall against comparing everything).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.bench_precheck import CJK_POOL, SYL  # noqa: E402


def _mark(rnd: random.Random) -> str:
    r = rnd.random()
    if r < 0.7:
        return "".join(rnd.choice(CJK_POOL) for _ in range(rnd.randint(2, 4)))
    if r < 0.95:
        return "".join(rnd.choice(SYL) for _ in range(rnd.randint(2, 4))).upper()
    return "".join(rnd.choice(CJK_POOL) for _ in range(2)) + "".join(rnd.choice(SYL) for _ in range(2)).upper()


def _classes(rnd: random.Random) -> tuple[str, ...]:
    return tuple(f"{c:02d}" for c in sorted(rnd.sample(range(1, 46), rnd.randint(1, 3))))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--new", type=int, default=100_000)
    ap.add_argument("--enterprises", type=int, default=200)
    ap.add_argument("--marks-each", type=int, default=3)
    ap.add_argument("--sample", type=int, default=500, help="new marks the naive baseline compares in full")
    ap.add_argument("--seed", type=int, default=17)
    a = ap.parse_args()
    from qcy_workstation.portfolios.watch import NewMark, OwnMark, naive_screen_marks, screen_marks
    from qcy_workstation.precheck.trademark import mark_keys

    rnd = random.Random(a.seed)
    own = []
    for e in range(a.enterprises):
        for k in range(a.marks_each):
            m = _mark(rnd)
            own.append(OwnMark(e, f"企业{e}", f"{e:04d}{k}", m, _classes(rnd), mark_keys(m)))
    t = time.perf_counter()
    new = []
    for i in range(a.new):
        if i % 100 == 0:  # one in a hundred new marks copies or alters an enterprise's mark
            o = rnd.choice(own)
            m = o.mark if rnd.random() < 0.5 else o.mark + rnd.choice(CJK_POOL)
            codes = o.codes
        else:
            m, codes = _mark(rnd), _classes(rnd)
        new.append(NewMark(str(60_000_000 + i), m, f"他人{i % 5000}", codes, mark_keys(m)))
    keying = time.perf_counter() - t
    t = time.perf_counter()
    hits, compared = screen_marks(own, new)
    fast = time.perf_counter() - t
    sample = new[:a.sample]
    t = time.perf_counter()
    slow_hits = naive_screen_marks(own, sample)
    naive_sample = time.perf_counter() - t
    fast_sample = {(h.own_number, h.new_number) for h in hits if int(h.new_number) < 60_000_000 + a.sample}
    slow = {(h.own_number, h.new_number) for h in slow_hits}
    print(json.dumps({
        "new_marks": a.new, "own_marks": len(own), "enterprises": a.enterprises,
        "keying_s (import's share, not the watch's)": round(keying, 1),
        "watch_s": round(fast, 2), "full_comparisons": compared, "hits": len(hits),
        "needs_review": sum(h.needs_review for h in hits),
        "naive_sample_marks": len(sample), "naive_sample_s": round(naive_sample, 2),
        "naive_extrapolated_s": round(naive_sample * a.new / len(sample), 1),
        "sample_hits_naive": len(slow), "sample_hits_found": len(fast_sample & slow),
        "sample_hits_extra": len(fast_sample - slow),
        "sample_recall_by_severity": {
            sev: f"{sum((h.own_number, h.new_number) in fast_sample for h in slow_hits if h.severity == sev)}"
                 f"/{sum(h.severity == sev for h in slow_hits)}" for sev in ("high", "medium", "low")},
        "sample_recall_likely_confusion": f"{sum((h.own_number, h.new_number) in fast_sample for h in slow_hits if h.likely_confusion)}"
                                          f"/{sum(h.likely_confusion for h in slow_hits)}",
    }, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
