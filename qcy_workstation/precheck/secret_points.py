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
CHANGED_CREDIT = 0.1  # a changed point counts this much towards the similarity
SENT_WEIGHT = 0.6  # alignment: this much sentence meaning, the rest shared words
REGION = 2  # values are looked for this many points either side of the aligned point
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
            nums = len(qs) + len(_BARE_NUM.findall(strip_quantities(sub)))
            if nums >= 2:
                # a list of amounts (A 30份、B 20份 / feldspar 32, silica 26): one point per item
                cuts = [mm.end() for mm in re.finditer(r"[、，,]\s*|\band\s+", sub)]
                bounds = [0] + cuts + [len(sub)]
                chunks = [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1)]
                with_num = sum(bool(re.search(r"\d", sub[x:y])) for x, y in chunks)
                if len(chunks) > 1 and with_num >= 2:
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


_ENUM = re.compile(r"^\s*(?:[（(]?\d{1,2}[)）.．、]|[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+[、.．]|step\s*\d+[:.]?)\s*", re.I)
_CODE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{1,6}[-/]?\d[A-Za-z0-9/.-]*|\d+[A-Za-z]+\d[A-Za-z0-9-]*|\d+#")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_HOUR_MIN = re.compile(r"(\d+(?:\.\d+)?)\s*(?:小时|h|hours?|hrs?)\s*(?:零)?(\d+(?:\.\d+)?)\s*(?:分钟|分|min|minutes?)")
_WAN = re.compile(r"(\d+(?:\.\d+)?)\s*万(?![元吨])")
_SCI = re.compile(r"(\d+(?:\.\d+)?)\s*[×xX*]\s*10\^?\s*(\d+)")
_HALF_HOUR = re.compile(r"半小时|half an hour|half-hour")


def normalise_numbers(t: str) -> str:
    """Number spellings that say the same: 11,800 -> 11800, 1 小时 10 分钟 -> 70 分钟, 1500万 -> 15000000,
    1.5×10^7 -> 15000000, 半小时 -> 30 分钟."""
    t = _THOUSANDS.sub("", t)
    t = _HOUR_MIN.sub(lambda m: f"{float(m.group(1)) * 60 + float(m.group(2)):g} 分钟", t)
    t = _HALF_HOUR.sub("30 分钟", t)
    t = _SCI.sub(lambda m: f"{float(m.group(1)) * 10 ** int(m.group(2)):.0f}", t)
    t = _WAN.sub(lambda m: f"{float(m.group(1)) * 1e4:.0f}", t)
    return t


def _point(t: str, start: int) -> Point:
    body = normalise_numbers(_ENUM.sub("", t))
    codes = [m.group(0).lower() for m in _CODE.finditer(body)]
    body_nc = _CODE.sub(" ", body)
    vals = [Value(q.dimension, (q.low + q.high) / 2, q.text) for q in extract_quantities(body_nc)]
    rest = strip_quantities(body_nc)
    for m in _BARE_NUM.finditer(rest):
        vals.append(Value("number", float(m.group(1)), m.group(1)))
    vals += [Value("code", 0.0, c) for c in dict.fromkeys(codes)]
    label = re.sub(r"\d+(?:\.\d+)?", " ", _CODE.sub(" ", rest))
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


_COMPOSITION = frozenset({"mass", "percent", "parts", "volume"})


def _same(a: Value, b: Value, scale: float | None = None) -> bool:
    """Equal after unit conversion. Composition amounts (kg, %, parts, and bare numbers in a list under a
    "%" heading) also compare at the documents' scale when one was established (6.0 % of the batch and
    60 kg in a 1,000 kg batch)."""
    if a.dimension == "code" or b.dimension == "code":
        return a.dimension == b.dimension and a.text == b.text
    if a.dimension == b.dimension and _close(a.value, b.value):
        return True
    comp = _COMPOSITION | {"number"}
    if scale is not None and a.dimension in comp and b.dimension in comp and \
            (a.dimension in _COMPOSITION or b.dimension in _COMPOSITION):
        return _close(a.value * scale, b.value)
    return False


def _close(x: float, y: float) -> bool:
    ref = max(abs(x), abs(y), 1e-9)
    return abs(x - y) / ref <= NUM_TOL


def _informative(p: Point) -> list[Value]:
    """The values that carry the point's information: measured values and codes; bare numbers only when
    the point has nothing else (an algorithm's constants, a score threshold)."""
    vals = [v for v in p.values if v.dimension != "number"]
    return vals or list(p.values)


def _num_overlap(a: Point, b: Point) -> float:
    vals = _informative(a)
    if not vals or not b.values:
        return 0.0
    return sum(any(_same(x, y) for y in b.values) for x in vals) / len(vals)


def _composition_scale(pairs: list[tuple[Point, list[Point]]]) -> float | None:
    """The factor between the two documents' composition amounts (percent vs kg per batch), when at least
    three secret points agree on it; None otherwise."""
    votes: dict[float, set[int]] = {}
    for i, (p, region) in enumerate(pairs):
        for v in p.values:
            if v.dimension not in _COMPOSITION or v.value <= 0:
                continue
            for q in region:
                for w in q.values:
                    if w.dimension in _COMPOSITION | {"number"} and w.value > 0:
                        r = w.value / v.value
                        key = float(f"{r:.2g}")
                        votes.setdefault(key, set()).add(i)
    best = max(votes.items(), key=lambda kv: len(kv[1]), default=(1.0, set()))
    return best[0] if len(best[1]) >= 3 else None


def align_points(secret: list[Point], suspect: list[Point]) -> list[PointResult]:
    """For each secret point its best suspect point and the comparison of its values with the values
    stated around that point (a copy often merges or splits sentences)."""
    if not secret:
        return []
    if not suspect:
        return [PointResult(p, "absent", "", -1, -1, 0, ()) for p in secret]
    sims = semantic.similarity_matrix([p.label for p in secret], [p.label for p in suspect]) \
        if semantic.available() else None
    sw = [_words(p.label) for p in secret]
    cw = [_words(p.label) for p in suspect]
    best_js: list[tuple[float, int]] = []
    for i, p in enumerate(secret):
        best, best_j = -1.0, 0
        for j, q in enumerate(suspect):
            words = _word_overlap(sw[i], cw[j])
            sc = SENT_WEIGHT * float(sims[i, j]) + (1 - SENT_WEIGHT) * words if sims is not None else words
            sc += NUM_BONUS * _num_overlap(p, q)
            if sc > best:
                best, best_j = sc, j
        best_js.append((best, best_j))
    regions = [suspect[max(0, j - REGION): j + REGION + 1] for _, j in best_js]
    scale = _composition_scale(list(zip(secret, regions, strict=True)))
    out: list[PointResult] = []
    for p, (best, j), region in zip(secret, best_js, regions, strict=True):
        q = suspect[j]
        vals = _informative(p)
        pool = [w for r in region for w in r.values]
        found = [v for v in vals if any(_same(v, w, scale) for w in pool)]
        if best < ALIGN_MIN and not (vals and len(found) == len(vals)):
            out.append(PointResult(p, "absent", q.text, q.start, q.end, round(100 * best), ()))
            continue
        diffs = []
        for v in vals:
            if v in found:
                continue
            other = next((w for w in q.values if w.dimension == v.dimension), None)
            diffs.append((v.text, other.text if other else "—"))
        status = "changed" if diffs else "found"
        out.append(PointResult(p, status, q.text, q.start, q.end, round(100 * best), tuple(diffs)))
    return out


def point_similarity(results: list[PointResult]) -> float:
    """Share of the secret's information found: a point weighs 1 plus its values (up to 3 more); a point
    with values counts the share of its values found, a changed point without any at most CHANGED_CREDIT."""
    if not results:
        return 0.0
    got = tot = 0.0
    for r in results:
        vals = _informative(r.secret)
        w = 1.0 + min(3, len(vals))
        tot += w
        if r.status == "absent":
            continue
        if vals:
            share = 1 - len(r.differences) / len(vals)
            got += w * max(share, CHANGED_CREDIT if r.status == "changed" and share == 0 else share)
        else:
            got += w
    return got / tot
