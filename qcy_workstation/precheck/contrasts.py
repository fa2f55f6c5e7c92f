"""Words that contradict a claim feature when the product says them of the same part.

Why: a non-infringing product is often told without any negation: "the lid is a raised cap" against a
claim's concave lid, "the lower section is the wider one", a solid rib where the claim has a channel. The
sentence vectors put such a passage close to the feature (same part, same words around it); what differs
is one word of position, direction, form or state that is the opposite of the claim's. A passage about
the feature that uses the opposite word and not the claim's reads as the feature done the other way round
(replaced, not literal); one that names another shape or another material of the same class where the
claim names one reads as a substituted means, a candidate equivalent (SPC provisions on patent disputes,
2020 revision, Art. 13). Both are readings for staff to confirm, never findings.

The pairs and classes (``data/patent_contrasts.json``) are general vocabulary with their sources
(dictionary antonymy, drawing and materials vocabulary), not words of any example; they are a hand table
and are switched off with the others (evaluation "tables off").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from qcy_workstation.precheck.common import load_data
from qcy_workstation.precheck.tables import hand_tables_on
from qcy_workstation.precheck.text import fold


@dataclass(frozen=True)
class Contrast:
    kind: str  # opposite | class
    claim_word: str
    product_word: str


@lru_cache(maxsize=1)
def _table() -> tuple[tuple[tuple[tuple[str, ...], tuple[str, ...]], ...], tuple[tuple[tuple[str, ...], ...], ...]]:
    data = load_data("patent_contrasts.json")
    opposites = tuple((tuple(a), tuple(b)) for a, b in data["opposites"])
    classes = tuple(tuple(tuple(g) for g in data["classes"][k]) for k in ("material", "shape"))
    return opposites, classes


@lru_cache(maxsize=4096)
def _pattern(word: str) -> re.Pattern[str]:
    if re.search(r"[\u3400-\u9fff]", word):
        return re.compile(re.escape(word))
    return re.compile(rf"(?<![a-z]){re.escape(word)}(?:s|es|d|ed|ly)?(?![a-z])")


def _find(words: tuple[str, ...], text: str) -> str:
    for w in words:
        if _pattern(w).search(text):
            return w
    return ""


def contrast(element: str, passage: str, whole: str = "", claim: str = "") -> Contrast | None:
    """The first word of the element whose opposite (or another member of its class) the passage says
    instead, while the description (``whole``) never uses the claim's word: a description that has both
    poles (a raised rib and a recess) tells of two parts, not of one part the other way round. A pair whose
    both poles the claim itself uses (上端 in one feature, 下端 in another) names parts, and is skipped."""
    if not hand_tables_on() or not element or not passage:
        return None
    el, pa = fold(element), fold(passage)
    pa_all = fold(whole) if whole else pa
    cl = fold(claim) if claim else el
    opposites, classes = _table()
    # a bare part name ("外壁", "upper arm") names the part; its position word is no attribute to contradict
    bare = len(el.strip()) <= 4 if re.search(r"[\u3400-\u9fff]", el) else len(el.split()) <= 3
    for a, b in () if bare else opposites:
        if _find(a, cl) and _find(b, cl) and not (_find(a, el) and _find(b, el)):
            continue
        for x, y in ((a, b), (b, a)):
            cw = _find(x, el)
            if cw and not _find(y, el):
                pw = _find(y, pa)
                if pw and not _find(x, pa_all):
                    return Contrast("opposite", cw, pw)
    for groups in classes:
        for g in groups:
            cw = _find(g, el)
            if not cw or _find(g, pa_all):
                continue
            for other in groups:
                if other is g or _find(other, el):
                    continue
                pw = _find(other, pa)
                if pw:
                    return Contrast("class", cw, pw)
    return None
