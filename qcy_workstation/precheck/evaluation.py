"""Accuracy of the pre-check engines on labelled sets, per split, with and without the hand tables.

Why here and not in the tests: the benchmark (``benchmarks/bench_accuracy.py``) prints the figures and the
tests keep floors on the held-out split; both must compute them the same way. The sets live in
``tests/data/precheck/``: ``*_dev`` files may be used to fit thresholds, ``*_heldout`` files are frozen
(their SHA-256 is checked by a test) and never tuned on.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qcy_workstation.precheck import semantic
from qcy_workstation.precheck.tables import hand_tables_off

INFRINGING = ("literal", "equivalent")


_REPUTATION = [False]
_CALIBRATED: list[str | None] = [None]


@contextmanager
def mode(tables: bool = True, meaning: bool = True, reputation: bool = False,
         calibrated: str | None = None) -> Iterator[None]:
    """Run the engines with or without the hand tables and the meaning layer; ``reputation``: trademark pairs
    pass the earlier mark's reputation as the decision found it (``earlier_well_known``) as staff's
    ``reputed`` input, to show what that fact adds (the engine alone never sees it); ``calibrated``
    ("threshold" or "weights"): trademark answers come from the rule fitted on the development decisions
    (``trademark_calibration``) instead of ``likely_confusion``."""
    with ExitStack() as st:
        if not tables:
            st.enter_context(hand_tables_off())
        if not meaning:
            st.enter_context(semantic.switched_off())
        _REPUTATION[0] = reputation
        _CALIBRATED[0] = calibrated
        try:
            yield
        finally:
            _REPUTATION[0] = False
            _CALIBRATED[0] = None


# --- patent -----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class PatentItem:
    id: str
    claims: str
    claim_lang: str
    product: str
    product_lang: str
    kind: str
    expected: str

    @property
    def cross_lingual(self) -> bool:
        return self.claim_lang != self.product_lang


def load_patent_set(path: Path) -> list[PatentItem]:
    data = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for c in data["claims"]:
        for p in c["products"]:
            out.append(PatentItem(p["id"], c["claims"], c["lang"], p["text"], p.get("lang", c["lang"]), p["kind"],
                                  p["expected"]))
    return out


def load_legacy_patent_sets(cases: Path, holdout: Path | None = None) -> tuple[list[PatentItem], list[PatentItem]]:
    """The first version's sets (written alongside its term tables): reported apart, never a floor."""
    data = json.loads(cases.read_text(encoding="utf-8"))["cases"]
    claims = {c["id"]: c["claims"] for c in data}
    lang = {c["id"]: ("zh" if any("\u4e00" <= ch <= "\u9fff" for ch in c["claims"]) else "en") for c in data}
    dev = [PatentItem(f"{c['id']}-{i}", c["claims"], lang[c["id"]], p["text"], lang[c["id"]], p["kind"], p["expected"])
           for c in data for i, p in enumerate(c["products"])]
    held: list[PatentItem] = []
    if holdout and holdout.exists():
        for i, p in enumerate(json.loads(holdout.read_text(encoding="utf-8"))["cases"]):
            held.append(PatentItem(f"{p['claim_of']}-h{i}", claims[p["claim_of"]], lang[p["claim_of"]], p["text"],
                                   lang[p["claim_of"]], p["kind"], p["expected"]))
    return dev, held


@dataclass
class PatentFigures:
    n: int = 0
    acc2: float = 0.0
    acc3: float = 0.0
    missed_infringing: float = 0.0  # infringing products called not_infringing, share of infringing products
    acc2_cross: float | None = None
    acc2_same: float | None = None
    review_share: float = 0.0  # products with at least one element flagged for review
    wrong: list[tuple[str, str, str]] = field(default_factory=list)  # (id, expected, got)


def _first_claim(claims: str) -> int:
    """Claim 1, or the first claim of an extract that starts later ("9. A foldable rack …")."""
    from qcy_workstation.precheck.patent import parse_claims

    numbers = [c.number for c in parse_claims(claims).claims]
    return 1 if 1 in numbers else numbers[0]


def evaluate_patent(items: list[PatentItem]) -> PatentFigures:
    from qcy_workstation.precheck.patent import compare_claim

    f = PatentFigures(n=len(items))
    if not items:
        return f
    ok2 = ok3 = missed = infr = rev = 0
    cross = [0, 0]
    same = [0, 0]
    for it in items:
        r = compare_claim(it.claims, it.product, claim=_first_claim(it.claims), include_dependents=False)
        got = r.verdict
        good2 = (got in INFRINGING) == (it.expected in INFRINGING)
        ok2 += good2
        ok3 += got == it.expected
        if it.expected in INFRINGING:
            infr += 1
            missed += got == "not_infringing"
        rev += bool(r.review)
        bucket = cross if it.cross_lingual else same
        bucket[0] += good2
        bucket[1] += 1
        if got != it.expected:
            f.wrong.append((it.id, it.expected, got))
    f.acc2, f.acc3 = ok2 / len(items), ok3 / len(items)
    f.missed_infringing = missed / infr if infr else 0.0
    f.acc2_cross = cross[0] / cross[1] if cross[1] else None
    f.acc2_same = same[0] / same[1] if same[1] else None
    f.review_share = rev / len(items)
    return f


# --- trade secret -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class SecretPair:
    id: str
    lang: str
    kind: str
    label: str  # copy | different
    secret: str
    suspect: str


def load_secret_set(path: Path) -> list[SecretPair]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            out.append(SecretPair(d["id"], d["lang"], d["kind"], d["label"], d["secret"], d["suspect"]))
    return out


def auc(scores_pos: list[float], scores_neg: list[float]) -> float:
    """Probability that a random copy scores above a random different solution (ties count half)."""
    if not scores_pos or not scores_neg:
        return float("nan")
    wins = sum((p > n) + 0.5 * (p == n) for p in scores_pos for n in scores_neg)
    return wins / (len(scores_pos) * len(scores_neg))


@dataclass
class SecretFigures:
    n: int = 0
    auc: float = 0.0
    auc_passages: float = 0.0  # the wording-only similarity, for comparison
    scores: list[tuple[str, str, int]] = field(default_factory=list)


def evaluate_trade_secret(pairs: list[SecretPair]) -> SecretFigures:
    from qcy_workstation.precheck.trade_secret import compare_secret

    f = SecretFigures(n=len(pairs))
    pos, neg, ppos, pneg = [], [], [], []
    for p in pairs:
        r = compare_secret(p.secret, p.suspect)
        (pos if p.label == "copy" else neg).append(r.similarity)
        (ppos if p.label == "copy" else pneg).append(r.passage_similarity)
        f.scores.append((p.id, p.label, r.similarity))
    f.auc, f.auc_passages = auc(pos, neg), auc(ppos, pneg)
    return f


# --- trademark --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class MarkPair:
    id: str
    mark: str
    classes: str
    other: str
    other_classes: str
    expected: bool
    difficulty: str
    kind: str
    reputed: bool = False  # the earlier mark's reputation as the decision found it (an input staff may give)


def load_mark_set(path: Path) -> list[MarkPair]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            out.append(MarkPair(d["id"], d["mark"], str(d["classes"]), d["other"], str(d["other_classes"]),
                                bool(d["expected_confusion"]), d.get("difficulty", "hard"), d.get("kind", ""),
                                bool(d.get("earlier_well_known", False))))
    return out


@dataclass
class MarkFigures:
    n: int = 0
    balanced: float = 0.0
    by_difficulty: dict[str, float] = field(default_factory=dict)
    wrong: list[tuple[str, bool, int]] = field(default_factory=list)
    # abstention: share of pairs answered without ``needs_review`` (coverage) and the balanced accuracy on
    # those pairs only (selective accuracy), per difficulty; None where no pair was answered confidently
    coverage: dict[str, float] = field(default_factory=dict)
    selective: dict[str, float | None] = field(default_factory=dict)
    wrong_confident: list[tuple[str, bool, int]] = field(default_factory=list)


def balanced_accuracy(pairs: list[tuple[bool, bool]]) -> float:
    """Mean of the recall on each outcome (expected, predicted pairs)."""
    pos = [p for e, p in pairs if e]
    neg = [p for e, p in pairs if not e]
    parts = []
    if pos:
        parts.append(sum(pos) / len(pos))
    if neg:
        parts.append(sum(not p for p in neg) / len(neg))
    return sum(parts) / len(parts) if parts else float("nan")


def evaluate_trademark(pairs: list[MarkPair], compare: Callable[[MarkPair], Any] | None = None) -> MarkFigures:
    from qcy_workstation.precheck.trademark import compare_marks

    def run(p: MarkPair) -> Any:
        # the engine's first mark is the right holder's (earlier) one; the sets list the later mark first
        return compare_marks(p.other, p.mark, classes=p.other_classes, other_classes=p.classes,
                             reputed=p.reputed and _REPUTATION[0])

    compare = compare or run
    f = MarkFigures(n=len(pairs))
    res: dict[str, list[tuple[bool, bool]]] = {}
    sure: dict[str, list[tuple[bool, bool]]] = {}
    allp: list[tuple[bool, bool]] = []
    for p in pairs:
        r = compare(p)
        got = bool(r.likely_confusion)
        if _CALIBRATED[0]:
            from qcy_workstation.precheck.trademark_calibration import probability

            got = probability(r, _CALIBRATED[0]) >= 0.5
        res.setdefault(p.difficulty, []).append((p.expected, got))
        sure.setdefault(p.difficulty, [])
        allp.append((p.expected, got))
        if not bool(getattr(r, "needs_review", False)):
            sure[p.difficulty].append((p.expected, got))
            sure.setdefault("all", []).append((p.expected, got))
            if got != p.expected:
                f.wrong_confident.append((p.id, p.expected, int(r.score)))
        if got != p.expected:
            f.wrong.append((p.id, p.expected, int(r.score)))
    f.balanced = balanced_accuracy(allp)
    f.by_difficulty = {k: balanced_accuracy(v) for k, v in sorted(res.items())}
    res["all"] = allp
    f.coverage = {k: len(sure.get(k, [])) / len(v) for k, v in res.items() if v}
    f.selective = {k: (balanced_accuracy(sure[k]) if sure.get(k) else None) for k in res}
    return f


def load_legacy_mark_set(path: Path) -> list[MarkPair]:
    """The first version's pairs: ``mark`` is the right holder's mark there (the engine's order)."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            # stored in the decisions' order (later mark first) so that evaluate_trademark swaps them back
            out.append(MarkPair(d["id"], d["other"], str(d.get("other_classes") or ""), d["mark"],
                                str(d.get("classes") or ""), bool(d["expected_confusion"]), "legacy", ""))
    return out
