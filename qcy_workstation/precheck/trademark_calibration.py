"""A decision rule for trademark confusion fitted on decisions (issue 10 item 4), reported beside the rule.

Two fits, both on the development decisions only (``tests/data/precheck/trademark_decisions_dev.jsonl``):

* ``threshold``: a one-feature logistic regression on the combined score; the fitted threshold is the score
  at which the fitted probability of "confusion found" crosses one half;
* ``weights``: a logistic regression on the mark similarity, the goods similarity and the earlier mark's
  reputation as known to the engine (staff's box or the well-known list), with an L2 penalty.

Both are plain numpy (Newton steps), no new dependency. ``python -m qcy_workstation.precheck.trademark_calibration``
refits them and writes ``data/trademark_calibration.json`` with the development file's SHA-256, the date and
the leave-one-out balanced accuracy on the development set, so that a reader can see whether fitting beat the
general threshold before any held-out figure is looked at. The engine's ``likely_confusion`` stays the
general rule (``CONFUSION_THRESHOLD``) unless the fitted rule does better in leave-one-out on the development
set; ``benchmarks/bench_accuracy.py`` reports the fitted rules on the held-out sets as their own mode.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from qcy_workstation.china_time import china_today
from qcy_workstation.precheck.common import load_data

L2_GRID = (0.01, 0.1, 1.0)  # penalty on the non-constant weights, chosen by leave-one-out on the development set


def features(res: Any) -> list[float]:
    """[1, mark similarity, goods similarity, reputation] of a ``TrademarkResult``, each on 0-1. Goods not
    compared count as the same goods (as the rule treats them)."""
    g = res.goods.score
    reputed = any(f.name == "well_known" for f in res.factors) or bool(res.inputs.get("reputed"))
    return [1.0, res.mark_similarity / 100, (g if g >= 0 else 100) / 100, 1.0 if reputed else 0.0]


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 50) -> np.ndarray:
    """Weights of a logistic regression by Newton steps; the first column is the constant (not penalised).
    Each outcome weighs half (class-balanced), as the figure reported is the balanced accuracy."""
    w = np.zeros(x.shape[1])
    pen = np.full(x.shape[1], l2)
    pen[0] = 0.0
    npos = max(float(y.sum()), 1.0)
    nneg = max(float(len(y) - y.sum()), 1.0)
    sw = np.where(y > 0.5, len(y) / (2 * npos), len(y) / (2 * nneg))
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(x @ w)))
        grad = x.T @ (sw * (p - y)) + pen * w
        hess = x.T @ (x * (sw * p * (1 - p))[:, None]) + np.diag(pen) + 1e-9 * np.eye(x.shape[1])
        step = np.linalg.solve(hess, grad)
        w -= step
        if float(np.abs(step).max()) < 1e-8:
            break
    return w


def _balanced(y: Sequence[bool], pred: Sequence[bool]) -> float:
    pos = [p for t, p in zip(y, pred, strict=True) if t]
    neg = [not p for t, p in zip(y, pred, strict=True) if not t]
    parts = [sum(v) / len(v) for v in (pos, neg) if v]
    return sum(parts) / len(parts) if parts else float("nan")


def fit(results: list[Any], expected: list[bool]) -> dict[str, Any]:
    """Both fits and their leave-one-out balanced accuracy on the given (development) pairs."""
    x_all = np.array([features(r) for r in results])
    s_all = np.array([[1.0, r.score / 100] for r in results])
    y = np.array([1.0 if e else 0.0 for e in expected])
    out: dict[str, Any] = {}
    for name, x in (("threshold", s_all), ("weights", x_all)):
        best: tuple[float, float] = (-1.0, L2_GRID[0])
        for l2 in L2_GRID:
            loo = []
            for i in range(len(y)):
                keep = np.arange(len(y)) != i
                wi = fit_logistic(x[keep], y[keep], l2)
                loo.append(bool(x[i] @ wi >= 0))
            acc = _balanced(list(y > 0.5), loo)
            if acc > best[0]:
                best = (acc, l2)
        w = fit_logistic(x, y, best[1])
        out[name] = {"w": [round(float(v), 6) for v in w], "l2": best[1],
                     "dev_balanced": round(_balanced(list(y > 0.5), list(x @ w >= 0)), 4),
                     "dev_loo_balanced": round(best[0], 4)}
    tw = out["threshold"]["w"]
    out["threshold"]["score"] = round(-100 * tw[0] / tw[1], 1) if tw[1] else None
    return out


@lru_cache(maxsize=1)
def calibration() -> dict[str, Any]:
    return dict(load_data("trademark_calibration.json"))


def probability(res: Any, which: str = "weights") -> float:
    """The fitted probability that a decision would find confusion for this comparison."""
    c = calibration()[which]
    x = features(res) if which == "weights" else [1.0, res.score / 100]
    z = sum(a * b for a, b in zip(c["w"], x, strict=True))
    return 1 / (1 + math.exp(-z))


def main() -> None:  # pragma: no cover - a fitting script, run by hand
    from qcy_workstation.precheck.evaluation import load_mark_set
    from qcy_workstation.precheck.trademark import CONFUSION_THRESHOLD, compare_marks

    root = Path(__file__).resolve().parents[2]
    dev = root / "tests" / "data" / "precheck" / "trademark_decisions_dev.jsonl"
    pairs = load_mark_set(dev)
    results = [compare_marks(p.other, p.mark, classes=p.other_classes, other_classes=p.classes) for p in pairs]
    out = fit(results, [p.expected for p in pairs])
    rule = [r.score >= CONFUSION_THRESHOLD and r.likely_confusion for r in results]
    out["rule"] = {"threshold": CONFUSION_THRESHOLD,
                   "dev_balanced": round(_balanced([p.expected for p in pairs], rule), 4)}
    out["fitted_on"] = {"file": dev.name, "sha256": hashlib.sha256(dev.read_bytes()).hexdigest(),
                        "pairs": len(pairs), "date": china_today().isoformat()}
    out["features"] = ["constant", "mark_similarity/100", "goods_similarity/100", "reputation (0/1)"]
    target = Path(__file__).with_name("data") / "trademark_calibration.json"
    target.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(out, ensure_ascii=False, indent=1))


if __name__ == "__main__":  # pragma: no cover
    main()
