"""Trademark pre-check: one mark against another (glyph, sound, meaning, containment, goods).

Factors follow the SPC trademark interpretation Arts. 9-12 (glyph, pronunciation and meaning of words;
ordinary attention of the relevant public; whole and dominant part; goods by the public's understanding
with the Similar Goods and Services Table as a reference) and Trademark Law 2019 Art. 57. The score is a
screening aid: thresholds were set on general grounds, not fitted to single cases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from rapidfuzz.distance import Indel

from qcy_workstation.errors import ValidationError
from qcy_workstation.precheck.common import (
    Citation,
    citation_fields,
    cite,
    load_data,
    load_user_file,
    result_header,
)
from qcy_workstation.precheck.goods import GoodsSimilarity, goods_similarity, parse_codes
from qcy_workstation.precheck.text import (
    fold,
    has_cjk,
    is_cjk,
    normalise_mark,
    pinyin_syllables,
    split_scripts,
)

# Decision thresholds (general screening choices, documented in the result; not legal numbers).
CONFUSION_THRESHOLD = 65  # combined score from which confusion is likely
HIGH_RISK = 80
MEDIUM_RISK = 55

_LOOSE = (("zh", "z"), ("ch", "c"), ("sh", "s"), ("ang", "an"), ("eng", "en"), ("ing", "in"), ("l", "n"))


def _loose_syllable(s: str) -> str:
    for a, b in _LOOSE:
        s = s.replace(a, b)
    return s


_NON_LETTER = re.compile(r"[^a-z]")
_SOFT_C = re.compile(r"c(?=[eiy])")
_DOUBLE = re.compile(r"(.)\1+")
_SOUND_PAIRS = (("ph", "f"), ("ck", "k"), ("qu", "kw"), ("gh", "g"), ("th", "t"), ("wh", "w"),
                ("x", "ks"), ("z", "s"), ("ee", "i"), ("ea", "i"), ("oo", "u"), ("ou", "u"), ("y", "i"))


_INITIALS = ("zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r", "z", "c", "s",
             "y", "w")


def _initial_final(syllables: tuple[str, ...]) -> tuple[str, ...]:
    """(qiao, dan) -> (q-, -iao, d-, -an): syllables as initial and final units for sound comparison."""
    out: list[str] = []
    for syl in syllables:
        ini = next((i for i in _INITIALS if syl.startswith(i) and len(syl) > len(i)), "")
        out += [ini + "-", "-" + syl[len(ini):]]
    return tuple(out)


def latin_phonetic(word: str) -> str:
    """An English-oriented sound key that keeps vowels (so SONY and SANYO stay apart).

    Spelling variants that sound alike map together: ph/f, ck/c/k/q, x/ks, z/s, y/i, doubled letters,
    a silent final e. Used for Latin marks and for pinyin when comparing across scripts.
    """
    w = _NON_LETTER.sub("", word.lower())
    if not w:
        return ""
    for a, b in _SOUND_PAIRS:
        if a in w:
            w = w.replace(a, b)
    if "c" in w:
        w = _SOFT_C.sub("s", w).replace("c", "k")
    w = _DOUBLE.sub(r"\1", w.replace("q", "k"))
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    return w


@dataclass(frozen=True)
class Aliases:
    """Bilingual alias table: term -> group ids (shipped table with the staff file merged over it)."""

    terms: dict[str, frozenset[int]]
    sources: tuple[str, ...]


@lru_cache(maxsize=8)
def load_aliases(user_path: str | None = None) -> Aliases:
    groups: list[list[str]] = list(load_data("mark_aliases.json")["groups"])
    sources = ["shipped:mark_aliases.json"]
    if user_path:
        extra = load_user_file(user_path)
        if not isinstance(extra, dict) or not isinstance(extra.get("groups"), list):
            raise ValidationError("alias file needs {\"groups\": [[...], ...]}", field="aliases", value=user_path)
        groups.extend(extra["groups"])
        sources.append(str(user_path))
    terms: dict[str, set[int]] = {}
    for gid, group in enumerate(groups):
        for t in group:
            n = normalise_mark(str(t))
            if len(n) >= 2:
                terms.setdefault(n, set()).add(gid)
    return Aliases({k: frozenset(v) for k, v in terms.items()}, tuple(sources))


@lru_cache(maxsize=1)
def _visual_maps() -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    data = load_data("visual_confusables.json")
    cmap: dict[str, str] = {}
    for group in data["cjk_groups"]:
        for ch in group:
            cmap.setdefault(ch, group[0])
    return cmap, tuple((a, b) for a, b in data["latin_pairs"])


def visual_skeleton(norm: str) -> str:
    """Map look-alike characters to one representative (师/帅, 雪/雷, rn/m, 0/o)."""
    cmap, latin = _visual_maps()
    out = "".join(cmap.get(ch, ch) for ch in norm)
    for a, b in latin:
        out = out.replace(a, b)
    return out


@dataclass(frozen=True)
class MarkKeys:
    """Everything a comparison needs, computed once per mark (stored in the register for screening)."""

    raw: str
    norm: str
    cjk: str
    latin: str
    visual: str
    pinyin: tuple[str, ...]
    pinyin_tones: tuple[str, ...]
    pinyin_loose: tuple[str, ...]
    sound: str  # latin_phonetic of pinyin + Latin part: the mark as spoken, for cross-script checks
    latin_sound: str
    alias_terms: tuple[str, ...]


def mark_keys(mark: str, aliases: Aliases | None = None) -> MarkKeys:
    norm = normalise_mark(mark)
    if not norm:
        raise ValidationError("the mark has no letters, digits or Chinese characters", field="mark", value=mark)
    cjk, latin = split_scripts(norm)
    py = pinyin_syllables(cjk) if cjk else ()
    pyt = pinyin_syllables(cjk, tones=True) if cjk else ()
    al = aliases or load_aliases()
    found: list[str] = []
    if cjk:  # every substring of up to 8 characters looked up (faster than scanning the table)
        for i in range(len(cjk)):
            for j in range(i + 2, min(len(cjk), i + 8) + 1):
                if cjk[i:j] in al.terms:
                    found.append(cjk[i:j])
    if latin:
        if latin in al.terms:
            found.append(latin)
        for w in set(re.findall(r"[a-z]+", fold(mark))):
            if w != latin and w in al.terms:
                found.append(w)
    return MarkKeys(
        raw=mark,
        norm=norm,
        cjk=cjk,
        latin=latin,
        visual=visual_skeleton(norm),
        pinyin=py,
        pinyin_tones=pyt,
        pinyin_loose=tuple(_loose_syllable(s) for s in py),
        sound=latin_phonetic("".join(py) + latin),
        latin_sound=latin_phonetic(latin),
        alias_terms=tuple(sorted(set(found))),
    )


@dataclass(frozen=True)
class Factor:
    """One similarity factor with its score and a sentence staff can put into a letter."""

    name: str
    score: int
    text_zh: str
    text_en: str

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "score": self.score, "text_zh": self.text_zh, "text_en": self.text_en}


@dataclass(frozen=True)
class TrademarkResult:
    mark: str
    other: str
    score: int
    likely_confusion: bool
    risk: str
    mark_similarity: int
    goods: GoodsSimilarity
    factors: tuple[Factor, ...]
    citations: tuple[Citation, ...]
    inputs: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        d = result_header("trademark", self.inputs)
        d.update(
            {
                "mark": self.mark,
                "other": self.other,
                "score": self.score,
                "likely_confusion": self.likely_confusion,
                "risk": self.risk,
                "mark_similarity": self.mark_similarity,
                "goods": self.goods.to_dict(),
                "factors": [f.to_dict() for f in self.factors],
                "thresholds": {"likely_confusion": CONFUSION_THRESHOLD, "high": HIGH_RISK, "medium": MEDIUM_RISK},
            }
        )
        d.update(citation_fields(self.citations))
        return d


def _ratio(a: str | tuple[str, ...], b: str | tuple[str, ...]) -> float:
    if not a or not b:
        return 0.0
    return Indel.normalized_similarity(a, b) * 100.0


def _degree(score: float) -> tuple[str, str]:
    if score >= 90:
        return "相同或基本相同", "identical or nearly identical"
    if score >= 70:
        return "近似", "similar"
    if score >= 50:
        return "有一定近似", "somewhat similar"
    return "区别明显", "clearly different"


def mark_factors(a: MarkKeys, b: MarkKeys, aliases: Aliases | None = None) -> list[Factor]:
    """Word-mark factors (glyph, sound, cross-script, containment, meaning) between two keyed marks."""
    out: list[Factor] = []
    # Glyph: whole form, look-alike skeleton, and script parts compared separately (华为HUAWEI vs 华为).
    vis = max(_ratio(a.norm, b.norm), 0.92 * _ratio(a.visual, b.visual))
    for pa, pb in ((a.cjk, b.cjk), (a.latin, b.latin)):
        if pa and pb and (pa != a.norm or pb != b.norm):
            vis = max(vis, 0.85 * _ratio(pa, pb))
    zh, en = _degree(vis)
    out.append(Factor("visual", round(vis), f"字形：「{a.raw}」与「{b.raw}」字形{zh}（{round(vis)}分）。",
                      f"Glyph: '{a.raw}' and '{b.raw}' are {en} in appearance ({round(vis)})."))
    # Sound within the same script.
    phon, how_zh, how_en = 0.0, "", ""
    if a.pinyin and b.pinyin:
        toned = _ratio(a.pinyin_tones, b.pinyin_tones)
        plain = _ratio(a.pinyin, b.pinyin)
        loose = _ratio(a.pinyin_loose, b.pinyin_loose)
        # initials and finals as units (hua wei / hua mei share hua and the final ei, not the initial):
        # Chinese hearers weigh a different initial more than a shared letter of a joined spelling
        parts = _ratio(_initial_final(a.pinyin_loose), _initial_final(b.pinyin_loose))
        phon = max(toned, 0.92 * plain, 0.82 * loose, 0.9 * parts)
        how_zh = f"拼音 {' '.join(a.pinyin_tones)} 与 {' '.join(b.pinyin_tones)}"
        how_en = f"pinyin {' '.join(a.pinyin_tones)} vs {' '.join(b.pinyin_tones)}"
    if a.latin_sound and b.latin_sound and len(a.latin) >= 2 and len(b.latin) >= 2:
        lat = max(_ratio(a.latin_sound, b.latin_sound), _ratio(a.latin, b.latin))
        if a.cjk or b.cjk:
            lat *= 0.85  # only part of a mixed mark
        if lat > phon:
            phon = lat
            how_zh = f"英文读音键 {a.latin_sound} 与 {b.latin_sound}"
            how_en = f"English sound keys {a.latin_sound} vs {b.latin_sound}"
    if phon:
        zh, en = _degree(phon)
        out.append(Factor("phonetic", round(phon), f"读音：{how_zh}，读音{zh}（{round(phon)}分）。",
                          f"Sound: {how_en}; {en} in pronunciation ({round(phon)})."))
    # Cross-script: a Chinese mark against a Latin rendering (乔丹 vs QIAODAN, 耐克 vs NIKE).
    if (a.cjk and b.latin and not b.cjk) or (b.cjk and a.latin and not a.cjk) or (a.cjk and b.latin and a.latin != b.latin):
        cjk_side, lat_side = (a, b) if a.cjk and not b.cjk else (b, a)
        spoken = latin_phonetic("".join(cjk_side.pinyin))
        cross = max(_ratio(spoken, lat_side.latin_sound), _ratio("".join(cjk_side.pinyin), lat_side.latin))
        if cross >= 40:
            zh, en = _degree(cross)
            out.append(Factor("cross_script", round(cross),
                              f"跨文字读音：「{cjk_side.raw}」的拼音 {''.join(cjk_side.pinyin)} 与「{lat_side.raw}」读音{zh}（{round(cross)}分）。",
                              f"Across scripts: the pinyin of '{cjk_side.raw}' ({''.join(cjk_side.pinyin)}) and '{lat_side.raw}' are {en} in sound ({round(cross)})."))
    # Containment: one mark wholly inside the other (星巴克 in 上海星巴克).
    short, long_ = (a, b) if len(a.norm) <= len(b.norm) else (b, a)
    min_len = 2 if has_cjk(short.norm) else 3
    cont = 0.0
    if short.norm != long_.norm and len(short.norm) >= min_len and short.norm in long_.norm:
        cont = 70 + 30 * len(short.norm) / len(long_.norm)
    elif short.sound and len(short.sound) >= 4 and short.sound != long_.sound and short.sound in long_.sound:
        cont = 0.9 * (70 + 30 * len(short.sound) / len(long_.sound))
    if cont:
        out.append(Factor("containment", round(cont),
                          f"包含：「{long_.raw}」完整包含了「{short.raw}」，相关公众易将其视为后者的系列或关联标志（{round(cont)}分）。",
                          f"Containment: '{long_.raw}' contains '{short.raw}' in full; the public may take it for a variant ({round(cont)})."))
    # Meaning: different renderings of the same name or word (LAFITE / 拉菲, Apple / 苹果).
    al = aliases or load_aliases()
    best = 0.0
    pair = ("", "")
    for ta in a.alias_terms:
        for tb in b.alias_terms:
            if ta == tb or not (al.terms.get(ta, frozenset()) & al.terms.get(tb, frozenset())):
                continue
            cov_a = len(ta) / len(a.cjk if is_cjk(ta[0]) else a.latin or a.norm)
            cov_b = len(tb) / len(b.cjk if is_cjk(tb[0]) else b.latin or b.norm)
            full = (ta in (a.cjk, a.latin)) and (tb in (b.cjk, b.latin))
            s = 95 if full and min(cov_a, cov_b) >= 0.99 else (85 if max(cov_a, cov_b) >= 0.99 else 60 + 25 * min(cov_a, cov_b))
            if s > best:
                best, pair = s, (ta, tb)
    if best:
        out.append(Factor("meaning", round(best),
                          f"含义：「{a.raw}」中的“{pair[0]}”与「{b.raw}」中的“{pair[1]}”为同一名称或词语的不同文字表现（别名表），含义相同（{round(best)}分）。",
                          f"Meaning: '{pair[0]}' in '{a.raw}' and '{pair[1]}' in '{b.raw}' render the same name or word (alias table) ({round(best)})."))
    return out


def _risk(score: int) -> str:
    if score >= HIGH_RISK:
        return "high"
    if score >= MEDIUM_RISK:
        return "medium"
    return "low"


def compare_keys(
    a: MarkKeys, b: MarkKeys, goods: GoodsSimilarity, *, well_known: bool = False, aliases: Aliases | None = None
) -> tuple[int, int, list[Factor]]:
    """(combined score, mark similarity, factors) for two keyed marks and their goods similarity.

    The factors end with the goods/services factor (when classes were compared on both sides) and the
    well-known claim, so a one-to-one comparison and a register screening show the same lines and score.
    """
    factors = mark_factors(a, b, aliases)
    mark_sim = max(f.score for f in factors)
    if goods.score < 0:
        combined = mark_sim  # goods not compared: report the mark similarity alone
    elif well_known:
        combined = mark_sim  # Trademark Law Art. 13: protection across goods for a well-known mark
    else:
        combined = round(mark_sim * (0.3 + 0.7 * goods.score / 100))
    if goods.score >= 0:
        factors.append(goods_factor(goods))
    if well_known:
        factors.append(WELL_KNOWN_FACTOR)
    return combined, mark_sim, factors


def goods_factor(goods: GoodsSimilarity) -> Factor:
    """The goods/services similarity as a factor line (SPC trademark interpretation Art. 12: the table is a
    reference only, and the shipped table is partial)."""
    return Factor("goods", goods.score, f"商品/服务：{goods.detail_zh}（{goods.score}分；区分表数据为部分数据，仅供参考）",
                  f"Goods/services: {goods.detail_en} ({goods.score}; partial table data, reference only)")


WELL_KNOWN_FACTOR = Factor("well_known", 100, "知名度：在先商标主张为驰名商标，可跨类保护（需另行举证认定）。",
                           "Reputation: the earlier mark is claimed to be well known, protected across classes (to be proven).")


def likely_confusion(combined: int, goods: GoodsSimilarity | int, well_known: bool) -> bool:
    """Confusion is likely from the threshold on, when the goods are similar enough or were not compared
    (or the earlier mark is claimed well known)."""
    gs = goods if isinstance(goods, int) else goods.score
    return combined >= CONFUSION_THRESHOLD and (gs < 0 or gs >= 40 or well_known)


def compare_marks(
    mark: str,
    other: str,
    *,
    classes: str | tuple[str, ...] | list[str] | None = None,
    other_classes: str | tuple[str, ...] | list[str] | None = None,
    well_known: bool = False,
    aliases_path: str | Path | None = None,
) -> TrademarkResult:
    """Compare ``mark`` (the right holder's) with ``other`` (the suspect sign) on the given classes/groups."""
    if not mark or not mark.strip():
        raise ValidationError("mark is empty", field="mark")
    if not other or not other.strip():
        raise ValidationError("other mark is empty", field="other")
    ca = parse_codes(classes, field="classes")
    cb = parse_codes(other_classes if other_classes is not None else classes, field="other_classes")
    al = load_aliases(str(aliases_path) if aliases_path else None)
    ka, kb = mark_keys(mark, al), mark_keys(other, al)
    goods = goods_similarity(ca, cb)
    combined, mark_sim, factors = compare_keys(ka, kb, goods, well_known=well_known, aliases=al)
    likely = likely_confusion(combined, goods, well_known)
    keys = ["trademark_law_57", "spc_tm_interp_art9", "spc_tm_interp_art10", "spc_tm_interp_art11", "spc_tm_interp_art12"]
    if any(f.name in ("cross_script", "meaning") for f in factors):
        keys.append("cnipa_tm_guideline_similarity")
    if well_known:
        keys.append("trademark_law_13")
    inputs = {"mark": mark, "classes": ",".join(ca), "other": other, "other_classes": ",".join(cb),
              "well_known": well_known, "aliases": list(al.sources)}
    return TrademarkResult(
        mark=mark, other=other, score=int(combined), likely_confusion=bool(likely), risk=_risk(int(combined)),
        mark_similarity=int(mark_sim), goods=goods, factors=tuple(factors), citations=cite(*keys), inputs=inputs,
    )
