"""The examiner's rules for word marks, beyond raw string similarity.

Sources (in the output of every factor): CNIPA 商标审查审理指南 (2021) 下编第五章 on similar marks (shape,
sound and meaning of each part; the distinctive part; marks of three or more characters differing in one
character; word-order swaps; containment; Chinese against foreign marks), the Trademark Office's 2001
standard on pinyin and Chinese-character marks, the SPC trademark interpretation Arts. 9-10 (overall and
dominant part) and Trademark Law Arts. 13-14 (well-known marks). Data: weak words per class group
(``weak_words.json``), marks widely reported as well known (``well_known_marks.json``), CC-CEDICT for the
meaning of Chinese words in English.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from qcy_workstation.precheck import lexicon
from qcy_workstation.precheck.common import load_data, load_user_file
from qcy_workstation.precheck.tables import hand_tables_on
from qcy_workstation.precheck.text import is_cjk, normalise_mark

# --- weak words -------------------------------------------------------------------------------------


@lru_cache(maxsize=8)
def _weak_table(user_path: str | None = None) -> tuple[tuple[frozenset[str], tuple[str, ...]], ...]:
    groups = list(load_data("weak_words.json")["groups"])
    if user_path:
        extra = load_user_file(user_path)
        if isinstance(extra, dict) and isinstance(extra.get("groups"), list):
            groups += extra["groups"]
    out = []
    for g in groups:
        words = tuple(sorted({normalise_mark(w) for w in g["words"] if normalise_mark(w)}, key=len, reverse=True))
        out.append((frozenset(str(c) for c in g.get("classes", ["*"])), words))
    return tuple(out)


def weak_words(classes: tuple[str, ...] | list[str] = ()) -> tuple[str, ...]:
    """Weak words for the goods (every-class words plus those of the given Nice classes), longest first.
    Staff add their own in a file of the same format named by ``QCY_WEAK_WORDS``."""
    cls = {c[:2].lstrip("0") or c for c in classes}
    out: set[str] = set()
    for scope, words in _weak_table(os.environ.get("QCY_WEAK_WORDS") or None):
        if "*" in scope or scope & cls:
            out.update(words)
    return tuple(sorted(out, key=len, reverse=True))


def distinctive_part(norm: str, classes: tuple[str, ...] | list[str] = ()) -> str:
    """The mark without its weak words (纳米 / 科技 / SPACE / 集团 ...); the whole mark if nothing is left."""
    rest = norm
    for w in weak_words(classes):
        if len(rest) <= len(w):
            continue
        if w in rest:
            cand = rest.replace(w, "")
            if len(cand) >= (2 if any(is_cjk(c) for c in cand) else 3):
                rest = cand
    return rest


# --- well-known marks -------------------------------------------------------------------------------


@dataclass(frozen=True)
class WellKnown:
    names: tuple[str, ...]
    holder: str
    classes: tuple[str, ...]
    source: str

    @property
    def verified(self) -> bool:
        return bool(self.source) and self.source != "unverified"


@lru_cache(maxsize=8)
def _well_known_index(user_path: str | None = None) -> dict[str, WellKnown]:
    marks = list(load_data("well_known_marks.json")["marks"])
    if user_path:
        extra = load_user_file(user_path)
        if isinstance(extra, dict) and isinstance(extra.get("marks"), list):
            marks += extra["marks"]
    out: dict[str, WellKnown] = {}
    for m in marks:
        wk = WellKnown(tuple(m["names"]), m.get("holder", ""), tuple(str(c) for c in m.get("classes", ())),
                       m.get("source", "unverified"))
        for n in m["names"]:
            key = normalise_mark(n)
            if len(key) >= 2:
                out[key] = wk
    return out


def well_known(norm: str) -> WellKnown | None:
    """The well-known entry whose name is this mark, or its distinctive part (None with the tables off)."""
    if not hand_tables_on():
        return None
    idx = _well_known_index(os.environ.get("QCY_WELL_KNOWN") or None)  # staff's own list, merged
    return idx.get(norm) or idx.get(distinctive_part(norm))


# --- meaning across scripts (CC-CEDICT) ---------------------------------------------------------------


def letters_of(g: str) -> str:
    """A gloss or mark as lower-case letters only (Land Rover -> landrover), the form marks are compared in."""
    return _letters(g)


def _letters(g: str) -> str:
    return re.sub(r"[^a-z0-9]", "", g.lower())


@lru_cache(maxsize=200_000)
def cedict_meanings(cjk: str) -> tuple[str, ...]:
    """English renderings of a Chinese mark (or of a word covering most of it) as letters only:
    星巴克 -> starbucks, 苹果 -> apple. Only short glosses count (a name, not an explanation)."""
    if len(cjk) < 2:
        return ()
    out: list[str] = []
    spans = [(0, len(cjk))] + [(i, j) for n in range(len(cjk) - 1, 1, -1) for i in range(0, len(cjk) - n + 1)
                               for j in (i + n,) if n / len(cjk) >= 0.6]
    for i, j in spans:
        for g in lexicon.glosses(cjk[i:j]):
            if len(g.split()) <= 3:
                key = _letters(g)
                if len(key) >= 3:
                    out.append(key)
        if out:
            break
    return tuple(dict.fromkeys(out))


def latin_meanings_in_chinese(latin_words: list[str]) -> frozenset[str]:
    """Chinese words CC-CEDICT gives for an English mark (APPLE -> 苹果), whole mark first."""
    out: set[str] = set()
    if latin_words:
        out |= lexicon.chinese_for(" ".join(latin_words))
    return frozenset(w for w in out if len(w) >= 2)


# --- sound across scripts -------------------------------------------------------------------------------

_CONSONANT_CLASS = str.maketrans({
    "b": "p", "p": "p", "d": "t", "t": "t", "g": "k", "k": "k", "c": "k", "q": "k",
    "j": "s", "x": "s", "z": "s", "s": "s", "h": "h", "f": "f", "v": "f", "w": "w", "l": "l", "r": "l",
    "m": "m", "n": "n", "y": "",
})


def consonant_skeleton(word: str) -> str:
    """Consonants in order, with voiced/voiceless and similar sounds merged: how a transliteration keeps the
    frame of the foreign name (新百伦 xin bai lun / NEW BALANCE share the b-l-n frame)."""
    w = re.sub(r"[^a-z]", "", word.lower())
    w = w.replace("ch", "s").replace("sh", "s").replace("zh", "s").replace("ph", "f").replace("th", "t")
    w = w.replace("ng", "n").replace("ck", "k")
    out = []
    for ch in w:
        if ch in "aeiouü":
            continue
        c = ch.translate(_CONSONANT_CLASS)
        if c and (not out or out[-1] != c):
            out.append(c)
    return "".join(out)


# --- the parts of a Chinese mark (CC-CEDICT words) -----------------------------------------------------


@lru_cache(maxsize=100_000)
def segment(cjk: str) -> tuple[tuple[str, str], ...]:
    """The mark cut into CC-CEDICT words, longest match first, with what each is (lexicon.kind_of: "word",
    "place", "name", "brand"; "" for characters no word of two or more characters covers, joined into runs):
    张裕卡斯特酒庄 -> (张裕, ""), (卡斯特, ""), (酒庄, word)."""
    out: list[tuple[str, str]] = []
    i, run = 0, ""
    while i < len(cjk):
        hit = ""
        for j in range(min(len(cjk), i + 8), i + 1, -1):
            if lexicon.kind_of(cjk[i:j]):
                hit = cjk[i:j]
                break
        if hit:
            if run:
                out.append((run, ""))
                run = ""
            out.append((hit, lexicon.kind_of(hit)))
            i += len(hit)
        else:
            run += cjk[i]
            i += 1
    if run:
        out.append((run, ""))
    return tuple(out)


def own_distinctive_parts(longer: str, contained: str, classes: tuple[str, ...] | list[str] = ()) -> tuple[str, ...]:
    """What else the longer sign holds that could identify a source by itself: a stretch of two or more
    characters that is a name or brand (CC-CEDICT) or a coined word, once the contained earlier mark, weak words
    for the goods and place names are set aside (SPC trademark interpretation Art. 10: the whole and the
    dominant part). 张裕卡斯特酒庄 holding 卡斯特 -> (张裕,); 香港周六福珠宝 holding 周六福 -> () (a place and the
    goods); 滴滴打球管家 holding 滴滴 -> () (ordinary words)."""
    rest = longer.replace(contained, " ")
    for w in weak_words(classes):
        if len(w) >= 2 and any(is_cjk(c) for c in w):
            rest = rest.replace(w, " ")
    out: list[str] = []
    for piece in rest.split():
        stretch = ""
        for word, kind in segment(piece) + (("", "end"),):
            if kind in ("", "name", "brand"):
                stretch += word
                continue
            if len(stretch) >= 2:
                out.append(stretch)
            stretch = ""
    return tuple(out)


def place_and_goods(cjk: str) -> tuple[str, str] | None:
    """A mark made of a place name and an ordinary word (金华火腿 -> (金华, 火腿)): its place part is one that
    others may use fairly to tell where their goods come from (Trademark Law 2019 Art. 59(1))."""
    for k in range(2, len(cjk) - 1):
        if lexicon.kind_of(cjk[:k]) == "place" and lexicon.kind_of(cjk[k:]) == "word":
            return cjk[:k], cjk[k:]
    return None


@lru_cache(maxsize=1)
def _pinyin_syllable_set() -> frozenset[str]:
    out: set[str] = set()
    for py in lexicon.lexicon().pinyin.values():
        out.update(s for s in py.split() if s.isalpha() and any(v in s for v in "aeiouv"))
    return frozenset(out)


@lru_cache(maxsize=50_000)
def pinyin_split(latin: str) -> tuple[str, ...]:
    """A Latin mark read as Chinese pinyin, syllable by syllable (LEHAHA -> le ha ha), or () when it does not
    read as pinyin. CNIPA reads a foreign-looking word that spells pinyin as pinyin (商标审查审理指南)."""
    syl = _pinyin_syllable_set()
    w = latin.lower()
    if not w.isalpha() or len(w) > 40:
        return ()

    @cache
    def go(i: int) -> tuple[str, ...] | None:
        if i == len(w):
            return ()
        for j in range(min(len(w), i + 6), i, -1):
            if w[i:j] in syl:
                rest = go(j)
                if rest is not None:
                    return (w[i:j],) + rest
        return None

    return go(0) or ()


def cite_line() -> str:
    return "商标审查审理指南（2021）下编第五章；最高人民法院商标民事纠纷解释第9-10条"


def as_dict(wk: WellKnown) -> dict[str, Any]:
    return {"names": list(wk.names), "holder": wk.holder, "classes": list(wk.classes), "source": wk.source}
