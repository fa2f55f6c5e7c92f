"""Accuracy of the pre-check engines per kind and split, with and without the hand tables.

Run: .venv/bin/python benchmarks/bench_accuracy.py [--kinds patent,trade_secret,trademark] [--wrong]

Prints, for each labelled set in tests/data/precheck/: patent 2-way and 3-way accuracy, the share of
infringing products called not_infringing, cross-lingual vs same-language accuracy; trade-secret AUC (and
the wording-only AUC as the naive baseline); trademark balanced accuracy on hard and easy pairs. Each set
runs in three modes: full engine, hand tables off, and (the naive baseline) meaning layer off; trademark
sets also in a fourth, "reputation in": the earlier mark's reputation as the decision found it is given as
staff's ``reputed`` input (what that fact adds; the other modes never see it).
Trademark rows also give the abstention figures: coverage (share of pairs answered without
``needs_review``) and selective accuracy (balanced accuracy on the confidently answered pairs), for all, hard
and easy pairs. Held-out figures are the ones to report; dev figures are what thresholds were fitted on.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from qcy_workstation.precheck import evaluation as ev  # noqa: E402

DATA = ROOT / "tests" / "data" / "precheck"
SPLITS: tuple[str, ...] = ("dev", "heldout")
MODES = (("full", {}), ("tables off", {"tables": False}), ("meaning off", {"meaning": False}))


def _pct(x: float | None) -> str:
    return "  n/a" if x is None else f"{100 * x:5.1f}"


def patent(show_wrong: bool) -> None:
    sets = []
    extra = ("dev2", "dev3") + (("heldout2", "heldout3", "heldout4") if "heldout" in SPLITS else ())
    for split in SPLITS + extra:
        p = DATA / f"patent_eval_{split}.json"
        if p.exists():
            sets.append((split, ev.load_patent_set(p)))
    legacy_dev, legacy_held = ev.load_legacy_patent_sets(DATA / "patent_cases.json", DATA / "patent_holdout.json")
    sets += [("legacy-dev", legacy_dev)] + ([("legacy-held", legacy_held)] if "heldout" in SPLITS else [])
    print("\nPatent (2-way: infringing or not; 3-way: literal/equivalent/not_infringing)")
    print(f"{'split':12} {'mode':12} {'n':>4} {'2-way':>6} {'3-way':>6} {'missed':>7} {'cross':>6} {'same':>6} {'review':>7} {'s':>5}")
    for split, items in sets:
        for name, kw in MODES:
            t = time.perf_counter()
            with ev.mode(**kw):
                f = ev.evaluate_patent(items)
            dt = time.perf_counter() - t
            print(f"{split:12} {name:12} {f.n:4d} {_pct(f.acc2):>6} {_pct(f.acc3):>6} {_pct(f.missed_infringing):>7} "
                  f"{_pct(f.acc2_cross):>6} {_pct(f.acc2_same):>6} {_pct(f.review_share):>7} {dt:5.1f}")
            if show_wrong and name == "full":
                for w in f.wrong:
                    print("    wrong:", *w)


def trade_secret(show_wrong: bool) -> None:
    print("\nTrade secret (AUC: a copy ranks above a same-topic different solution; wording-only AUC as baseline)")
    print(f"{'split':12} {'mode':12} {'n':>4} {'AUC':>6} {'wording':>8}")
    for split in SPLITS:
        p = DATA / f"trade_secret_eval_{split}.jsonl"
        if not p.exists():
            continue
        pairs = ev.load_secret_set(p)
        for name, kw in MODES:
            with ev.mode(**kw):
                f = ev.evaluate_trade_secret(pairs)
            print(f"{split:12} {name:12} {f.n:4d} {_pct(f.auc):>6} {_pct(f.auc_passages):>8}")
            if show_wrong and name == "full":
                for s in sorted(f.scores, key=lambda x: x[2]):
                    print("    ", *s)


def trademark(show_wrong: bool) -> None:
    print("\nTrademark (balanced accuracy of likely_confusion against the decisions' outcome; 'conf' columns:")
    print("coverage = share answered without needs_review, selective = balanced accuracy on those pairs only)")
    print(f"{'split':12} {'mode':13} {'n':>4} {'all':>6} {'hard':>6} {'easy':>6} | {'cov all':>7} {'sel all':>7} "
          f"{'cov hard':>8} {'sel hard':>8} {'cov easy':>8} {'sel easy':>8}")
    sets = [(s, DATA / f"trademark_decisions_{s}.jsonl")
            for s in SPLITS + (("heldout2", "heldout3") if "heldout" in SPLITS else ())]
    sets.append(("legacy", DATA / "trademark_pairs.jsonl"))
    for split, p in sets:
        if not p.exists():
            continue
        if split == "legacy":
            pairs = ev.load_legacy_mark_set(p)
        else:
            pairs = ev.load_mark_set(p)
        modes = MODES + ((("reputation in", {"reputation": True}),) if split != "legacy" else ()) + (
            ("fit threshold", {"calibrated": "threshold"}), ("fit weights", {"calibrated": "weights"}))
        for name, kw in modes:
            with ev.mode(**kw):
                f = ev.evaluate_trademark(pairs)
            cov, sel = f.coverage, f.selective
            print(f"{split:12} {name:13} {f.n:4d} {_pct(f.balanced):>6} {_pct(f.by_difficulty.get('hard')):>6} "
                  f"{_pct(f.by_difficulty.get('easy')):>6} | {_pct(cov.get('all')):>7} {_pct(sel.get('all')):>7} "
                  f"{_pct(cov.get('hard')):>8} {_pct(sel.get('hard')):>8} {_pct(cov.get('easy')):>8} "
                  f"{_pct(sel.get('easy')):>8}")
            if show_wrong and name == "full":
                for w in f.wrong:
                    print("    wrong:", *w, "(confident)" if w in f.wrong_confident else "(sent to review)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--kinds", default="patent,trade_secret,trademark")
    ap.add_argument("--wrong", action="store_true", help="list the items the full engine gets wrong")
    ap.add_argument("--dev-only", action="store_true", help="only the development splits (while fitting)")
    a = ap.parse_args()
    kinds = a.kinds.split(",")
    global SPLITS
    if a.dev_only:
        SPLITS = ("dev",)
    if "patent" in kinds:
        patent(a.wrong)
    if "trade_secret" in kinds:
        trade_secret(a.wrong)
    if "trademark" in kinds:
        trademark(a.wrong)


if __name__ == "__main__":
    main()
