"""How many of a part: a claim's count ("four wide teeth", 三根横杆) against the count the product gives.

Why: a product with three tines where the claim says four teeth is told positively, with no negation and
no contrast word; the sentence vectors put "a fork with three slim tines" close to "a fork consisting of
four wide teeth" and the feature used to be read as present. A count is a limitation of the claim like a
number with a unit (all-elements rule, SPC Interpretation 2009 Art. 7): a product that states another
count of the same part lacks the feature as claimed. Only exact counts are compared: 至少 / 以上 /
at least / or more / a plurality are open ranges and are left alone, and an ordinal (第三, third) is no
count.

Which product count is "of the same part" is decided by the part's noun: the same word (after plural
stemming), otherwise the product noun closest in meaning (sentence vectors of the nouns) when it is close
enough (all such nouns, so that one count of the claimed number among them clears the feature). That pairing can be wrong (another part with a similar name), so a count contradiction is always
flagged for staff; it is never a silent finding. Number words are the ordinary cardinal numerals of each
language (现代汉语词典 数词 and 量词; English cardinal numerals, WordNet 3.0 "cardinal number"), general
vocabulary and not a hand table of examples.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from qcy_workstation.precheck import semantic
from qcy_workstation.precheck.quantities import _UNITS
from qcy_workstation.precheck.text import fold, stem_en

NOUN_CLEARS = 0.50  # a product noun this close (sentence vectors of the bare nouns) stating the claimed count clears it
NOUN_ALIKE = 0.55  # ...and one this close stating another count is taken to name the same part

_ZH_DIGITS = {"两": 2, "二": 2, "俩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_EN_DIGITS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
              "eleven": 11, "twelve": 12, "both": 2}
# 个体量词 (现代汉语词典 量词): a classifier after the numeral marks a count of things
_ZH_CLASSIFIERS = "个根条片块只颗层道排段节支把枚张瓣级格档齿爪脚叶"
_ZH_COUNT = re.compile(rf"(?<![第\d两二三四五六七八九十百千万])([两二俩三四五六七八九十]|\d{{1,2}})\s*([{_ZH_CLASSIFIERS}])"
                       r"([\u4e00-\u9fff]{1,4})")
_ZH_OPEN = re.compile(r"(?:至少|不少于|不低于|多于|超过|大于|最少|最多|不超过|约|大约|几)\s*$")
_ZH_STOP = re.compile(r"[的在上下和与及或并而其中间之时内外侧端处以来后前末各均都设置有为是用被将可从向穿套插装固连]|以上|以下|左右")
_EN_NUMS = "|".join(_EN_DIGITS)
_EN_COUNT = re.compile(rf"\b(?:(a\s+pair\s+of)|({_EN_NUMS})|(\d{{1,2}}))\s+((?:[a-z-]+,?\s+){{0,3}}[a-z-]+)\b", re.I)
_EN_OPEN = re.compile(r"(?:at\s+least|at\s+most|more\s+than|less\s+than|fewer\s+than|up\s+to|no\s+more\s+than|"
                      r"not\s+more\s+than|not\s+less\s+than|over|about|approximately|around|some|one\s+of|of\s+the)\s*$",
                      re.I)
_EN_AFTER_OPEN = re.compile(r"^\s*(?:or\s+more|or\s+fewer|or\s+less|and\s+(?:up|above|more)|times\b)", re.I)
_EN_STOP = frozenset(["that", "which", "with", "and", "or", "of", "on", "in", "at", "to", "for", "from", "each", "is", "are", "being", "having", "extending", "that's", "who", "whose", "by", "into", "onto", "over", "under", "between", "along", "around", "about", "as", "than", "like", "per", "where", "when", "while", "then", "joined", "connected", "formed", "disposed", "arranged", "located", "mounted", "attached", "sit", "sits", "lie", "lies", "run", "runs"])
_EN_NOT_NOUN = frozenset(["times", "ways", "sides", "percent", "pieces", "pcs", "pc", "items", "units", "sets", "packs", "pack", "pairs", "kinds", "types"])


@dataclass(frozen=True)
class Count:
    n: int
    noun: str  # the head noun as written (Chinese: the noun phrase after the classifier)
    key: str  # stemmed / folded noun for identity
    text: str
    start: int
    end: int


def _zh_noun(tail: str) -> str:
    m = _ZH_STOP.search(tail)
    return tail[: m.start()] if m else tail


_EN_PLURALS = frozenset(["teeth", "feet", "men", "women", "children", "mice", "geese"])


def _en_head(phrase: str) -> str:
    """A count of two or more names its things in the plural: the head noun is the first plural word
    before a preposition, conjunction or verb ("four wide teeth", "three slim, pointed tines")."""
    for w in (w.strip(",").lower() for w in phrase.split()):
        if w in _EN_STOP:
            break
        if w in _EN_PLURALS or (len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is"))):
            return w
    return ""


def _en_key(noun: str) -> str:
    irregular = {"teeth": "tooth", "feet": "foot", "legs": "leg", "halves": "half", "knives": "knife"}
    return irregular.get(noun, stem_en(noun))


@lru_cache(maxsize=512)
def find_counts(text: str) -> tuple[Count, ...]:
    """Exact counts of things stated in a text (numeral + classifier + noun; English numeral + noun).
    Cached: every feature of a claim reads the same product and claim texts."""
    out: list[Count] = []
    t = fold(text)
    for m in _ZH_COUNT.finditer(t):
        if _ZH_OPEN.search(t[max(0, m.start() - 4): m.start()]):
            continue
        after = t[m.end(2): m.end(2) + 3]
        if after.startswith(("以上", "以下", "或以上", "或以下", "多")):
            continue
        noun = _zh_noun(m.group(3))
        if not noun:
            continue
        num = m.group(1)
        n = int(num) if num.isdigit() else _ZH_DIGITS[num]
        out.append(Count(n, noun, noun, m.group(0), m.start(), m.end()))
    for m in _EN_COUNT.finditer(t):
        if _EN_OPEN.search(t[max(0, m.start() - 16): m.start()]) or _EN_AFTER_OPEN.match(t[m.end(): m.end() + 12]):
            continue
        head = _en_head(m.group(4))
        if not head or head in _EN_NOT_NOUN or head in _UNITS or len(head) < 3 or head in _EN_DIGITS:
            continue
        if m.group(1):
            n = 2
        elif m.group(2):
            n = _EN_DIGITS[m.group(2).lower()]
        else:
            n = int(m.group(3))
        out.append(Count(n, head, _en_key(head), m.group(0), m.start(), m.end()))
    return tuple(out)


@dataclass(frozen=True)
class CountConflict:
    claim: Count
    product: Count


def _alike(claim: Count, others: tuple[Count, ...]) -> tuple[list[Count], list[Count]]:
    """The product counts that may name the claim's part (the same noun, else every noun close in
    meaning) and, among them, those close enough to contradict it. Asymmetric on purpose: a count is
    cleared by a looser match than it is contradicted by."""
    same = [c for c in others if c.key == claim.key]
    if same:
        return same, same
    if not others or not semantic.available():
        return [], []
    sims = [float(x) for x in semantic.similarity_matrix([claim.noun], [c.noun for c in others])[0]]
    return ([c for c, s in zip(others, sims, strict=True) if s >= NOUN_CLEARS],
            [c for c, s in zip(others, sims, strict=True) if s >= NOUN_ALIKE])


_WORD = re.compile(r"[a-z][a-z-]{2,}|[\u4e00-\u9fff]{2,4}")


def _nearest_in_claim(product: Count, claim: Count, claim_text: str) -> bool:
    """Mutual best match: of all the claim's words, the product noun is closest to the counted one (a
    "handle" is nearer the claim's "shaft" than its "prongs", so three handles say nothing of prongs)."""
    words = sorted({w for w in _WORD.findall(fold(claim_text)) if w not in _EN_STOP and w != claim.noun})
    if not words or not semantic.available():
        return True
    sims = semantic.similarity_matrix([product.noun], [claim.noun, *words])[0]
    return float(sims[0]) >= float(max(sims[1:]))


def count_conflict(element: str, product_text: str, claim_text: str = "") -> CountConflict | None:
    """The first count of the element that the product states differently for the same part, with no
    statement of the claimed count for it anywhere in the description."""
    claimed = find_counts(element)
    if not claimed:
        return None
    stated = find_counts(product_text)
    whole = find_counts(claim_text) if claim_text else claimed
    for c in claimed:
        if any(o.key == c.key and o.n != c.n for o in whole):
            continue  # "三根横杆 … 其中两根横杆": the claim itself names a subset, no count of the whole part
        clears, against = _alike(c, stated)
        if any(p.n == c.n for p in clears):
            continue
        for p in against:
            if p.key == c.key or _nearest_in_claim(p, c, claim_text or element):
                return CountConflict(c, p)
    return None
