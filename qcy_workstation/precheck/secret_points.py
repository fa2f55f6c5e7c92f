"""Secret points: compare the information of a trade secret, not its wording.

Why: a departing employee's new firm re-titles, rewords, reorders and converts units; a competitor with
a genuinely different recipe uses the same vocabulary. What decides is whether the *points* (components
with their amounts, process parameters with their units, steps, customer and supplier entries, algorithm
constants) reappear. Each secret point is aligned with the suspect material's points by meaning
(multilingual sentence vectors), shared words (including CC-CEDICT translations) and shared numbers;
its numbers are compared after unit normalisation (℃/°F, MPa/psi/bar, minutes/hours, parts per hundred
and g/kg as percent, rpm). A point is ``found`` (same information), ``changed`` (the same kind of point
with other numbers: shown side by side) or ``absent``. The SPC trade-secret provisions (2020) Art. 13
weigh the degree of similarity and whether differences are easily conceivable: a changed point is
reported with both values, never silently counted as found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from qcy_workstation.precheck import lexicon, semantic
from qcy_workstation.precheck.quantities import extract_quantities, strip_quantities
from qcy_workstation.precheck.text import is_cjk, segment, stem_en

ALIGN_MIN = 0.50  # alignment score for a suspect point to count as the same point
NUM_TOL = 0.03  # relative difference of two values still "the same" (rounding after unit conversion)
CHANGED_CREDIT = 0.2  # a changed point counts this much towards the similarity
SENT_WEIGHT = 0.6  # alignment: this much sentence meaning, the rest shared words
NUM_BONUS = 0.3  # added to the alignment for the share of the point's numbers found in the other point

_BARE_NUM = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)(?![\w.]*\d)")


@dataclass(frozen=True)
class Value:
    dimension: str
    value: float
    text: str


@dataclass(frozen=True)
class Point:
    text: str
    start: int
    end: int
    label: str  # the text without its numbers
    values: tuple[Value, ...]


@dataclass(frozen=True)
class PointResult:
    secret: Point
    status: str  # found | changed | absent
    match_text: str
    match_start: int
    match_end: int
    align: int
    differences: tuple[tuple[str, str], ...]  # (secret value, suspect value) side by side

    def to_dict(self) -> dict[str, Any]:
        return {"secret_point": self.secret.text, "secret_start": self.secret.start, "secret_end": self.secret.end,
                "status": self.status, "suspect_text": self.match_text, "suspect_start": self.match_start,
                "suspect_end": self.match_end, "align": self.align,
                "differences": [{"secret": a, "suspect": b} for a, b in self.differences]}


_SPLIT = re.compile(r"[^。；;！？!?\n]+[。；;！？!?]?|[^\n]+")


def split_points(text: str) -> list[Point]:
    """Sentences and list items; a sentence listing several amounts (A 30份、B 20份) gives one point each."""
    out: list[Point] = []
    for m in re.finditer(r"[^。；;！？!?\n]+", text):
        s, e = m.span()
        seg = text[s:e]
        # English sentences end with ". "
        pieces: list[tuple[int, int]] = []
        last = 0
        for mm in re.finditer(r"\.\s+(?=[A-Z(])", seg):
            pieces.append((last, mm.start() + 1))
            last = mm.end()
        pieces.append((last, len(seg)))
        for a, b in pieces:
            sub = seg[a:b]
            qs = extract_quantities(sub)
            parts = [(a, b)]
            if len(qs) >= 2:
                # split at 、/，/, between amounts when every piece keeps one amount and some words
                cuts = [mm.end() for mm in re.finditer(r"[、，,]\s*|\band\s+", sub)]
                bounds = [0] + cuts + [len(sub)]
                chunks = [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1)]
                if len(chunks) > 1 and all(len(extract_quantities(sub[x:y])) <= 1 for x, y in chunks):
                    merged: list[list[int]] = []
                    for x, y in chunks:
                        if merged and not extract_quantities(sub[merged[-1][0]:merged[-1][1]]):
                            merged[-1][1] = y  # words before the first amount stay with it
                        else:
                            merged.append([x, y])
                    parts = [(a + x, a + y) for x, y in merged]
            for x, y in parts:
                t = seg[x:y].strip(" ，,、:：")
                if len(re.sub(r"\W", "", t)) < 2:
                    continue
                off = s + seg.index(t, x) if t else s + x
                out.append(_point(t, off))
    return _parts_as_percent(out)


def _point(t: str, start: int) -> Point:
    vals = [Value(q.dimension, (q.low + q.high) / 2, q.text) for q in extract_quantities(t)]
    rest = strip_quantities(t)
    for m in _BARE_NUM.finditer(rest):
        vals.append(Value("number", float(m.group(1)), m.group(1)))
    label = re.sub(r"\d+(?:\.\d+)?", " ", rest)
    label = re.sub(r"\s+", " ", label).strip(" ，,、:：")
    return Point(t, start, start + len(t), label or t, tuple(vals))


def _parts_as_percent(points: list[Point]) -> list[Point]:
    """Parts by weight are shares of their formula: expressed as percent of the parts' total."""
    total = sum(v.value for p in points for v in p.values if v.dimension == "parts")
    if total <= 0:
        return points
    out = []
    for p in points:
        vals = tuple(Value("percent", 100 * v.value / total, v.text) if v.dimension == "parts" else v for v in p.values)
        out.append(Point(p.text, p.start, p.end, p.label, vals))
    return out


def _words(text: str) -> set[str]:
    out: set[str] = set()
    for tok in segment(text):
        if not re.search(r"[a-z\u3400-\u9fff]", tok):
            continue
        if is_cjk(tok[0]):
            if len(tok) >= 2:
                out.add(tok)
                out.update(lexicon.english_for(tok))
        elif len(tok) > 2:
            out.add(stem_en(tok))
            out.add(tok)
    return out


def _word_overlap(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _same(a: Value, b: Value) -> bool:
    if a.dimension != b.dimension:
        return False
    ref = max(abs(a.value), abs(b.value), 1e-9)
    return abs(a.value - b.value) / ref <= NUM_TOL


def _num_overlap(a: Point, b: Point) -> float:
    if not a.values or not b.values:
        return 0.0
    return sum(any(_same(x, y) for y in b.values) for x in a.values) / len(a.values)


def align_points(secret: list[Point], suspect: list[Point]) -> list[PointResult]:
    """For each secret point its best suspect point and the comparison of their numbers."""
    if not secret:
        return []
    if not suspect:
        return [PointResult(p, "absent", "", -1, -1, 0, ()) for p in secret]
    if semantic.available():
        sims = semantic.similarity_matrix([p.label for p in secret], [p.label for p in suspect])
    else:
        sims = None
    sw = [_words(p.label) for p in secret]
    cw = [_words(p.label) for p in suspect]
    out: list[PointResult] = []
    for i, p in enumerate(secret):
        best, best_j = -1.0, 0
        for j, q in enumerate(suspect):
            words = _word_overlap(sw[i], cw[j])
            nums = _num_overlap(p, q) if len([v for v in p.values if v.dimension != "number"]) else 0.0
            sc = SENT_WEIGHT * float(sims[i, j]) + (1 - SENT_WEIGHT) * words if sims is not None else words
            sc += NUM_BONUS * nums
            if sc > best:
                best, best_j = sc, j
        q = suspect[best_j]
        if best < ALIGN_MIN:
            out.append(PointResult(p, "absent", q.text, q.start, q.end, round(100 * best), ()))
            continue
        diffs: list[tuple[str, str]] = []
        for v in p.values:
            if v.dimension == "number" and not any(w.dimension == "number" for w in q.values):
                continue  # a bare number (an item count) may be left out without changing the information
            if any(_same(v, w) for w in q.values):
                continue
            other = next((w for w in q.values if w.dimension == v.dimension), None)
            diffs.append((v.text, other.text if other else "—"))
        status = "changed" if diffs else "found"
        out.append(PointResult(p, status, q.text, q.start, q.end, round(100 * best), tuple(diffs)))
    return out


def point_similarity(results: list[PointResult]) -> float:
    """Share of the secret's information found: points with numbers weigh double; a changed point counts
    CHANGED_CREDIT."""
    if not results:
        return 0.0
    got = tot = 0.0
    for r in results:
        w = 2.0 if r.secret.values else 1.0
        tot += w
        got += w * (1.0 if r.status == "found" else CHANGED_CREDIT if r.status == "changed" else 0.0)
    return got / tot
