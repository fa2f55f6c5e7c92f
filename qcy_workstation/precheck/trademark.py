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
from qcy_workstation.precheck import lexicon
from qcy_workstation.precheck import trademark_rules as rules
from qcy_workstation.precheck.common import (
    Citation,
    citation_fields,
    cite,
    load_data,
    load_user_file,
    result_header,
)
from qcy_workstation.precheck.goods import GoodsSimilarity, goods_similarity, parse_codes
from qcy_workstation.precheck.tables import hand_tables_on
from qcy_workstation.precheck.text import (
    fold,
    has_cjk,
    is_cjk,
    normalise_mark,
    pinyin_syllables,
    split_scripts,
)
from qcy_workstation.precheck.trademark_review import ReviewReason, review_reasons
from qcy_workstation.precheck.trademark_review import summary_en as review_summary_en
from qcy_workstation.precheck.trademark_review import summary_zh as review_summary_zh

# Decision thresholds (general screening choices, documented in the result; not legal numbers).
CONFUSION_THRESHOLD = 65  # combined score from which confusion is likely
WEAK_CONTAINED = 0.8  # containment of a common word or place name counts this much
SOUND_ONLY = 0.75  # a Chinese mark's sound similarity when its characters look different
MAX_MARK = 200  # characters: longer is not a mark (the register's column holds 200)
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


def load_aliases(user_path: str | None = None) -> Aliases:
    """The alias table (shipped plus the staff file), or an empty one while the hand tables are off."""
    if not hand_tables_on():
        return _NO_ALIASES
    return _load_aliases(user_path)


_NO_ALIASES = Aliases({}, ())


@lru_cache(maxsize=8)
def _load_aliases(user_path: str | None = None) -> Aliases:
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
    meanings: tuple[str, ...] = ()  # CC-CEDICT renderings of the Chinese part, letters only (星巴克 -> starbucks)


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
        meanings=rules.cedict_meanings(cjk) if cjk else (),
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

    @property
    def review_reasons(self) -> tuple[ReviewReason, ...]:
        """The classes of pairs whose outcome the examiners' rules leave to facts the words do not show
        (reputation, use, get-up, descriptive fair use, co-existence): ``trademark_review``."""
        return review_reasons(self.mark, self.other, score=self.score, mark_similarity=self.mark_similarity,
                              goods_score=self.goods.score, factors=self.factors, threshold=CONFUSION_THRESHOLD,
                              given=_given_facts(self.inputs))

    @property
    def needs_review(self) -> bool:
        """The answer turns on facts the words do not show: staff should check before relying on it, and a
        letter does not state it as settled."""
        return bool(self.review_reasons)

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
                "needs_review": self.needs_review,
                "review_reasons": [r.to_dict() for r in self.review_reasons],
                "review_facts_zh": review_summary_zh(self.review_reasons),
                "review_facts_en": review_summary_en(self.review_reasons),
                "thresholds": {"likely_confusion": CONFUSION_THRESHOLD, "high": HIGH_RISK, "medium": MEDIUM_RISK},
            }
        )
        d.update(citation_fields(self.citations))
        return d


def _given_facts(inputs: dict[str, Any]) -> tuple[str, ...]:
    """Facts staff stated for a comparison: the earlier mark's reputation (the reputation box, or the well-known
    claim, which is staff's own statement; a well-known list entry is not one)."""
    return ("reputation",) if inputs.get("reputed") is True or inputs.get("well_known") is True else ()


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


def mark_factors(a: MarkKeys, b: MarkKeys, aliases: Aliases | None = None, *,
                 classes: tuple[str, ...] = (), other_classes: tuple[str, ...] = (),
                 earlier_well_known: bool = False, _inner: bool = False) -> list[Factor]:
    """Word-mark factors between two keyed marks: glyph, sound, sound across scripts, containment, meaning
    (alias table and CC-CEDICT), and the examiner's rules (distinctive part beside weak words, one character
    different, word order, Chinese against its bare pinyin)."""
    out = _basic_factors(a, b, aliases, reputed=bool(earlier_well_known))
    out += _examiner_factors(a, b, out, classes=classes, other_classes=other_classes,
                             earlier_well_known=earlier_well_known, inner=_inner)
    return out


def _basic_factors(a: MarkKeys, b: MarkKeys, aliases: Aliases | None = None, *, reputed: bool = False) -> list[Factor]:
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
        if a.cjk == a.norm and b.cjk == b.norm and vis < 50:
            # Chinese marks: the same or a close sound makes them similar together with a similar form
            # (商标审查审理指南 下编第五章: 读音相同或近似且字形或整体外观近似); sound alone, with different
            # characters and meaning, weighs less
            phon *= SOUND_ONLY
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
    elif _one_character_contained(short, long_):
        # a one-character mark inside a short sign (茅 in 金茅): containment of the whole earlier mark, unless
        # the character is part of a word with its own meaning there (贵 in 贵族) or a weak word
        cont = 70 + 30 / len(long_.norm)
    elif short.sound and len(short.sound) >= 4 and short.sound != long_.sound and short.sound in long_.sound:
        cont = 0.9 * (70 + 30 * len(short.sound) / len(long_.sound))
    weak = ""
    if cont and not reputed and short.cjk == short.norm and len(short.cjk) >= 2 \
            and lexicon.kind_of(short.cjk) in ("place", "word"):
        # the contained mark is an ordinary word or a place name (CC-CEDICT): a weak mark, whose presence in a
        # longer sign with its own meaning does not by itself make the signs similar
        weak = lexicon.kind_of(short.cjk)
        cont *= WEAK_CONTAINED
    if cont and weak:
        what = "地名" if weak == "place" else "普通词语"
        out.append(Factor("weak_containment", round(cont),
                          f"包含：「{long_.raw}」包含「{short.raw}」，但后者为{what}（汉英词典CC-CEDICT），显著性较弱，"
                          f"包含关系本身不足以认定近似（{round(cont)}分）。",
                          f"Containment: '{long_.raw}' contains '{short.raw}', but that is a "
                          f"{'place name' if weak == 'place' else 'common word'} (CC-CEDICT), a weak mark; containment "
                          f"alone does not make them similar ({round(cont)})."))
    if cont and not weak:
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
    out += _cedict_factors(a, b)
    return out


def _cedict_factors(a: MarkKeys, b: MarkKeys) -> list[Factor]:
    """Meaning and sound across scripts without a table: CC-CEDICT's English for the Chinese mark against the
    Latin mark (星巴克 / STARBUCKS), and the consonant frame of the pinyin against the Latin name."""
    out: list[Factor] = []
    for x, y in ((a, b), (b, a)):
        if not (x.cjk and y.latin and not y.cjk):
            continue
        lat = y.latin
        if x.meanings and lat in x.meanings:
            full = not x.latin and len(x.cjk) == len(x.norm)
            s = 92 if full else 82
            out.append(Factor("meaning", s,
                              f"含义：「{x.raw}」在汉英词典（CC-CEDICT）中的英文为“{lat}”，与「{y.raw}」含义相同；中外文商标含义"
                              f"对应、相关公众熟知的，一般判为近似（{s}分）。",
                              f"Meaning: CC-CEDICT gives '{lat}' for '{x.raw}', the same as '{y.raw}'; Chinese and foreign "
                              f"marks whose meanings correspond are in principle similar ({s})."))
            break
        # the Chinese name CC-CEDICT gives the Latin mark, written with other characters of the same sound
        # (陆虎 for 路虎 = Land Rover): the public hears the established rendering
        names = rules.latin_meanings_in_chinese(fold(y.raw).split())
        same_sound = [n for n in names if n != x.cjk and pinyin_syllables(n) == x.pinyin]
        if same_sound:
            out.append(Factor("meaning", 85,
                              f"含义与读音：「{y.raw}」在汉英词典（CC-CEDICT）中的中文名称为“{same_sound[0]}”，「{x.raw}」"
                              f"与之读音相同（{' '.join(x.pinyin)}），相关公众易将其视为该外文商标的中文名称（85分）。",
                              f"Meaning and sound: CC-CEDICT names '{y.raw}' '{same_sound[0]}' in Chinese, and '{x.raw}' "
                              f"sounds the same ({' '.join(x.pinyin)}); the public may take it for the foreign mark's "
                              "Chinese name (85)."))
            break
        sk_c, sk_l = rules.consonant_skeleton("".join(x.pinyin)), rules.consonant_skeleton(lat)
        if len(sk_c) >= 2 and len(sk_l) >= 2 and not _is_pinyin_of(lat, x):
            frame = _ratio(sk_c, sk_l)
            vowels = max(_ratio(latin_phonetic("".join(x.pinyin)), y.latin_sound), _ratio("".join(x.pinyin), lat))
            s = 0.5 * frame + 0.5 * vowels
            if min(len(sk_c), len(sk_l)) < 3:
                s = min(s, 75)  # a two-consonant frame matches too many names
            if s >= 55:
                zh, en = _degree(s)
                out.append(Factor("transliteration", round(s),
                                  f"音译：「{x.raw}」的读音（{' '.join(x.pinyin)}）与「{y.raw}」的读音框架相符，可能为其音译，"
                                  f"读音{zh}（{round(s)}分）。",
                                  f"Transliteration: '{x.raw}' ({' '.join(x.pinyin)}) keeps the sound frame of '{y.raw}'; "
                                  f"{en} in sound ({round(s)})."))
                break
    return out


def _one_character_contained(short: MarkKeys, long_: MarkKeys) -> bool:
    ch = short.norm
    if len(ch) != 1 or not is_cjk(ch) or long_.cjk != long_.norm or not 2 <= len(long_.norm) <= 4 or ch not in long_.norm:
        return False
    if ch in rules.weak_words(("*",)) or any(ch in w for w in rules.weak_words(()) if len(w) == 1):
        return False
    return not any(ch in word and kind for word, kind in rules.segment(long_.norm) if len(word) >= 2)


def _first_syllable_differs(a: MarkKeys, b: MarkKeys) -> bool:
    """The first character of two Chinese marks differs clearly in sound (another syllable, not only another
    tone) and in shape (not look-alikes): 海底捞 / 河底捞 (hai / he)."""
    if not a.pinyin or not b.pinyin or a.cjk[:1] == b.cjk[:1]:
        return False
    return a.pinyin[0] != b.pinyin[0] and a.visual[:1] != b.visual[:1]


def _multiset_minus(longer: list[str], shorter: list[str]) -> int:
    rest = list(longer)
    for ch in shorter:
        if ch in rest:
            rest.remove(ch)
        else:
            return 99
    return len(rest)


def _is_pinyin_of(latin: str, k: MarkKeys) -> bool:
    """The Latin mark is just the pinyin of the Chinese characters (QIAODAN for 乔丹)."""
    return bool(k.pinyin) and latin == "".join(k.pinyin)


def _examiner_factors(a: MarkKeys, b: MarkKeys, basic: list[Factor], *, classes: tuple[str, ...],
                      other_classes: tuple[str, ...], earlier_well_known: bool, inner: bool) -> list[Factor]:
    out: list[Factor] = []
    # Distinctive part: weak words for the goods (纳米, 科技, SPACE, 集团 ...) looked past on both sides.
    if not inner:
        da = rules.distinctive_part(a.norm, classes)
        db = rules.distinctive_part(b.norm, other_classes or classes)
        if (da, db) != (a.norm, b.norm) and da and db:
            ka, kb = mark_keys(da), mark_keys(db)
            sub_f = _basic_factors(ka, kb) + _examiner_factors(ka, kb, [], classes=(), other_classes=(),
                                                                earlier_well_known=earlier_well_known, inner=True)
            s = max((f.score for f in sub_f if f.name != "pinyin_rule"), default=0)
            if s >= 85:
                sc = round(0.95 * s)
                out.append(Factor("distinctive_part", sc,
                                  f"显著部分：去除描述性或通用词后，「{a.raw}」的显著部分“{da}”与「{b.raw}」的显著部分“{db}”"
                                  f"相同或近似，附加的描述性词语不足以区分（{sc}分）。",
                                  f"Distinctive part: without the descriptive or common words, '{da}' in '{a.raw}' and "
                                  f"'{db}' in '{b.raw}' are the same or similar; the added words do not set them apart ({sc})."))
            elif s < 50 and max((f.score for f in basic), default=0) >= 50:
                out.append(Factor("weak_shared", 40,
                                  f"仅共有弱显著词：「{a.raw}」与「{b.raw}」的显著部分“{da}”与“{db}”区别明显，二者仅共有描述性或"
                                  "常用词语，一般不因此判为近似（40分）。",
                                  f"Only weak words shared: the distinctive parts '{da}' and '{db}' differ clearly; a shared "
                                  "descriptive or common word alone does not make the marks similar (40)."))
    # One character different in marks of three or more characters (same length), with no meaning of its own.
    for x, y in ((a.cjk, b.cjk), (a.latin, b.latin)):
        if x and y and x == (a.norm if x is a.cjk else a.latin) and len(x) == len(y) >= (3 if is_cjk(x[0]) else 4) \
                and x != y:
            diff = [i for i in range(len(x)) if x[i] != y[i]]
            if len(diff) == 1 and is_cjk(x[0]):
                i = diff[0]
                first_differs = i == 0 and _first_syllable_differs(a, b)
                meaning_a, meaning_b = lexicon.glosses(x), lexicon.glosses(y)  # the whole mark (整体含义)
                distinct = bool(meaning_a or meaning_b) and not (set(meaning_a) & set(meaning_b))
                if not first_differs and not distinct:
                    out.append(Factor("one_character", 80,
                                      f"仅一字之差：「{a.raw}」与「{b.raw}」均为三字以上商标，仅第{i + 1}个字不同，整体无明显不同的含义，"
                                      "一般判为近似（80分）。",
                                      f"One character different: '{a.raw}' and '{b.raw}' (three or more characters) differ "
                                      f"only in character {i + 1} and have no clearly different meaning: in principle similar (80)."))
    # The exception to the one-character rule: the first character differs clearly in sound and shape
    # (商标审查审理指南 下编第五章: 首字读音或者字形明显不同的除外). Also for Latin marks that read as pinyin
    # (LEHAHA / WAHAHA: le-ha-ha / wa-ha-ha), which CNIPA reads as Chinese.
    if a.cjk == a.norm and b.cjk == b.norm and len(a.cjk) == len(b.cjk) >= 3 \
            and sum(x != y for x, y in zip(a.cjk, b.cjk, strict=True)) == 1 and _first_syllable_differs(a, b):
        out.append(Factor("first_character", 55,
                          f"首字不同：「{a.raw}」与「{b.raw}」仅首字不同，且首字读音（{a.pinyin[0]} / {b.pinyin[0]}）和字形"
                          "明显不同；依商标审查审理指南，三字以上仅一字之差的近似规则对首字读音或字形明显不同者除外，"
                          "一般不判为近似，但在先商标知名度较高的除外（需人工复核）。",
                          f"First character: '{a.raw}' and '{b.raw}' differ only in the first character, which differs "
                          f"clearly in sound ({a.pinyin[0]} / {b.pinyin[0]}) and shape; the CNIPA guideline's one-character "
                          "rule excepts a clearly different first character, so they are in principle not similar unless "
                          "the earlier mark has a strong reputation (for review)."))
    elif a.latin == a.norm and b.latin == b.norm and a.latin != b.latin:
        sa, sb = rules.pinyin_split(a.latin), rules.pinyin_split(b.latin)
        if len(sa) == len(sb) >= 3 and sa[0] != sb[0] and sa[1:] == sb[1:]:
            out.append(Factor("first_character", 55,
                              f"首音节不同：「{a.raw}」与「{b.raw}」按汉语拼音认读（{' '.join(sa)} / {' '.join(sb)}），仅首音节"
                              "不同且呼叫明显不同；依商标审查审理指南，首字读音明显不同的一般不判为近似，在先商标知名度较高的"
                              "除外（需人工复核）。",
                              f"First syllable: '{a.raw}' and '{b.raw}' read as pinyin ({' '.join(sa)} / {' '.join(sb)}) "
                              "differ only in a clearly different first syllable; under the CNIPA guideline such marks are in "
                              "principle not similar unless the earlier mark has a strong reputation (for review)."))
        elif not sa and not sb and min(len(a.latin), len(b.latin)) >= 5 and a.latin[0] == b.latin[0]:
            # foreign words with one or two letters changed and no clearly different sound (GARRETT / Galitt):
            # the same consonant frame from the same first letter, the vowels between them unstressed
            ka_, kb_ = rules.consonant_skeleton(a.latin), rules.consonant_skeleton(b.latin)
            if ka_ == kb_ and len(ka_) >= 3:
                out.append(Factor("letter_sound", 76,
                                  f"外文读音：「{a.raw}」与「{b.raw}」首字母相同、辅音框架相同（{ka_}），仅个别字母不同而读音"
                                  "无明显区别；依商标审查审理指南，外文商标仅个别字母不同、读音或含义无明显区别的，一般判为近似（76分）。",
                                  f"Foreign words: '{a.raw}' and '{b.raw}' share the first letter and the consonant frame "
                                  f"({ka_}); one or two letters changed without a clearly different sound: in principle "
                                  "similar under the CNIPA guideline (76)."))
    # Latin letters in another order, or one letter added (BMW / MBW / MBWL): 商标审查审理指南 on foreign marks.
    if a.latin and b.latin and a.latin == a.norm and b.latin == b.norm and a.latin != b.latin \
            and min(len(a.latin), len(b.latin)) >= 3:
        sa, sb = sorted(a.latin), sorted(b.latin)
        extra = abs(len(sa) - len(sb)) == 1 and _multiset_minus(sb if len(sb) > len(sa) else sa,
                                                                 sa if len(sb) > len(sa) else sb) == 1
        if sa == sb or extra:
            s = 78 if sa == sb else 70
            out.append(Factor("letter_order", s,
                              f"字母顺序：「{a.raw}」与「{b.raw}」字母组成{'相同仅顺序不同' if sa == sb else '基本相同（仅多一个字母）'}，"
                              f"读音与外观无明显区别的，一般判为近似（{s}分）。",
                              f"Letters: '{a.raw}' and '{b.raw}' use {'the same letters in another order' if sa == sb else 'the same letters plus one'}; "
                              f"in principle similar ({s})."))
    # Same characters in another order (吉祥 / 祥吉) without a different meaning.
    if a.cjk and b.cjk and a.cjk != b.cjk and sorted(a.cjk) == sorted(b.cjk) and len(a.cjk) >= 2:
        ma, mb = rules.cedict_meanings(a.cjk), rules.cedict_meanings(b.cjk)
        if not (ma and mb and not set(ma) & set(mb)):
            out.append(Factor("word_order", 78,
                              f"文字顺序调换：「{a.raw}」与「{b.raw}」由相同文字组成，仅顺序不同，整体含义无明显区别（78分）。",
                              f"Word order: '{a.raw}' and '{b.raw}' use the same characters in another order with no clearly "
                              "different meaning (78)."))
    # A mark wholly contained in a longer sign that has a distinctive part of its own (张裕 in 张裕卡斯特酒庄,
    # 罗斯柴尔德堡 in 拉斐罗斯柴尔德堡): the public may read the longer sign by its own part, so whether the
    # earlier mark still stands out depends on its reputation (SPC trademark interpretation Art. 10(2)-(3):
    # whole and dominant part, distinctiveness and reputation of the registered mark).
    if not inner and any(f.name == "containment" for f in basic):
        short, long_ = (a, b) if len(a.norm) <= len(b.norm) else (b, a)
        if short.cjk == short.norm and long_.cjk and short.norm in long_.cjk:
            own = rules.own_distinctive_parts(long_.cjk, short.norm, classes or other_classes)
            if own:
                parts = "、".join(own)
                out.append(Factor("own_distinctive_part", 60,
                                  f"整体比对：「{long_.raw}」虽完整包含「{short.raw}」，但另含可独立识别来源的部分“{parts}”，"
                                  "相关公众可能以其整体或该部分认读；依最高人民法院商标民事纠纷解释第10条，是否近似取决于"
                                  f"「{short.raw}」的显著性和知名度（需人工复核）。",
                                  f"Overall comparison: '{long_.raw}' contains '{short.raw}' but also '{', '.join(own)}', which "
                                  "can identify a source by itself; under the SPC interpretation Art. 10 whether the signs are "
                                  f"similar turns on the distinctiveness and reputation of '{short.raw}' (for review)."))
    # A place name and the goods' own word (金华火腿) used by another to say where its goods come from
    # (金华特产火腿): Trademark Law 2019 Art. 59(1), fair use of a place name the mark contains.
    if not inner and a.cjk == a.norm and b.cjk == b.norm and a.norm not in b.norm and b.norm not in a.norm:
        pg = rules.place_and_goods(a.cjk)
        if pg and pg[0] in b.cjk and pg[1] in b.cjk:
            out.append(Factor("place_fair_use", 50,
                              f"地名的正当使用：「{a.raw}」由地名“{pg[0]}”和商品名称“{pg[1]}”组成，「{b.raw}」以地名和商品名称"
                              "说明产地与品名；依商标法第59条第1款，商标中含有的地名，权利人无权禁止他人正当使用，"
                              "一般不构成近似使用（是否规范使用、是否另标自有商标，需人工复核）。",
                              f"Fair use of a place name: '{a.raw}' is the place '{pg[0]}' plus the goods' word '{pg[1]}', "
                              f"and '{b.raw}' uses them to state origin and product; under Trademark Law Art. 59(1) the owner "
                              "cannot prohibit fair use of a place name the mark contains (whether the use is fair, with the "
                              "user's own mark, is for review)."))
    # 2001 standard: a Chinese mark and the bare pinyin of the same characters are in principle not similar.
    if not inner:
        for x, y in ((a, b), (b, a)):
            if x.cjk and not x.latin and y.latin and not y.cjk and _is_pinyin_of(y.latin, x) and not earlier_well_known:
                out.append(Factor("pinyin_rule", 55,
                                  f"汉字与拼音：「{y.raw}」是「{x.raw}」的拼音。依商标局2001年汉字与拼音商标审查标准，汉字商标与其"
                                  "拼音商标原则上不判为近似，在先商标驰名或该拼音已为相关公众识别为其对应称呼的除外（需核实知名度）。",
                                  f"Chinese and pinyin: '{y.raw}' is the pinyin of '{x.raw}'. Under the Trademark Office's 2001 "
                                  "standard a Chinese mark and its pinyin are in principle not similar, unless the earlier mark is "
                                  "well known or the pinyin is its usual name to the public (reputation to be checked)."))
                break
    return out


def _risk(score: int) -> str:
    if score >= HIGH_RISK:
        return "high"
    if score >= MEDIUM_RISK:
        return "medium"
    return "low"


# Factors that say the rule turns on facts the words do not show (reputation, the manner of use): the result
# is marked for review, and without a reputation they hold the mark similarity below the threshold.
REVIEW_FACTORS = ("first_character", "own_distinctive_part", "place_fair_use", "pinyin_rule", "reputation_scope")
REVIEW_CAP = 60


def _reputed_for(wk: Any, classes: tuple[str, ...]) -> bool:
    """A well-known list entry shows a reputation for the goods of its classes only (SPC trademark
    interpretation Art. 10(3) weighs the reputation of the registered mark for its goods): 娃哈哈 for drinks
    says nothing of advertising services."""
    if not isinstance(wk, rules.WellKnown):
        return False
    listed = {c[:2].lstrip("0") for c in wk.classes}
    return not classes or bool(listed & {c[:2].lstrip("0") for c in classes})


def _reputation_scope(a: MarkKeys, b: MarkKeys) -> Factor | None:
    """A reputed earlier Chinese mark of three or four characters whose leading characters, all but the last,
    the later mark keeps (恒源祥 / 恒源彩羊): SPC trademark interpretation Art. 10(3), the reputation of the
    registered mark widens what the public takes for it. Two-character marks sharing one character (海尔 /
    海信) are too common for this."""
    if not (a.cjk == a.norm and b.cjk == b.norm and 3 <= len(a.cjk) <= 4 and len(b.cjk) <= len(a.cjk) + 2):
        return None
    n = 0
    while n < min(len(a.cjk), len(b.cjk)) and a.cjk[n] == b.cjk[n]:
        n += 1
    if n < len(a.cjk) - 1 or n < 2 or a.cjk == b.cjk:  # one shared character (海尔 / 海信) is too common
        return None
    lead = a.cjk[:n]
    return Factor("reputation_scope", 78,
                  f"知名度：在先商标「{a.raw}」具有较高知名度（由工作人员确认或见于驰名商标名录），「{b.raw}」保留其起首部分"
                  f"“{lead}”；依最高人民法院商标民事纠纷解释第10条第（3）项，认定近似应考虑请求保护商标的显著性和知名度，"
                  "相关公众易误认二者存在特定联系（78分；知名度须举证，需人工复核）。",
                  f"Reputation: the earlier mark '{a.raw}' is reputed (confirmed by staff or on the well-known list) and "
                  f"'{b.raw}' keeps its leading part '{lead}'; under the SPC interpretation Art. 10(3) reputation weighs in, "
                  "and the public may assume a link (78; reputation to be proved, for review).")


def compare_keys(
    a: MarkKeys, b: MarkKeys, goods: GoodsSimilarity, *, well_known: bool = False, aliases: Aliases | None = None,
    classes: tuple[str, ...] = (), other_classes: tuple[str, ...] = (), reputed: bool = False,
) -> tuple[int, int, list[Factor]]:
    """(combined score, mark similarity, factors) for two keyed marks and their goods similarity.

    ``reputed``: the earlier mark ``a`` has a reputation for its goods (staff's finding; a well-known mark
    always has one). It lifts the review caps and widens the comparison to the leading part.
    The factors end with the goods/services factor (when classes were compared on both sides) and the
    well-known claim, so a one-to-one comparison and a register screening show the same lines and score.
    """
    factors = mark_factors(a, b, aliases, classes=classes, other_classes=other_classes, earlier_well_known=well_known)
    reputed = bool(reputed or well_known is True or _reputed_for(well_known, classes))
    if reputed:
        # in a register screening the stored (second) mark is the earlier one whose list entry was found
        later_listed = isinstance(well_known, rules.WellKnown) and rules.well_known(b.norm) is well_known \
            and rules.well_known(a.norm) is not well_known
        rs = _reputation_scope(b, a) if later_listed else _reputation_scope(a, b)
        if rs:
            factors.append(rs)
    names = {f.name for f in factors}
    strong = [f.score for f in factors if f.name not in ("pinyin_rule", "weak_shared")]
    mark_sim = max(strong, default=0)
    weak_cont = [f for f in factors if f.name == "weak_containment"]
    if weak_cont and not (names & {"meaning", "distinctive_part", "one_character", "word_order"}):
        mark_sim = min(mark_sim, weak_cont[0].score)  # a weak earlier mark inside a longer sign
    if "pinyin_rule" in names:
        # only the pinyin ties them: the 2001 standard's "in principle not similar"
        mark_sim = min(mark_sim, 55) if not (names & {"meaning", "distinctive_part"}) else mark_sim
    if "weak_shared" in names and not (names & {"meaning", "one_character", "word_order"}):
        mark_sim = min(mark_sim, 45)
    if not reputed and names & {"first_character", "own_distinctive_part"} and "meaning" not in names:
        mark_sim = min(mark_sim, REVIEW_CAP)  # the exception holds unless the earlier mark is reputed
    if "place_fair_use" in names and "meaning" not in names:
        mark_sim = min(mark_sim, REVIEW_CAP)
    if goods.score < 0:
        combined = mark_sim  # goods not compared: report the mark similarity alone
    elif well_known:
        combined = mark_sim  # Trademark Law Art. 13: protection across goods for a well-known mark
    else:
        combined = round(mark_sim * (0.3 + 0.7 * goods.score / 100))
    if goods.score >= 0:
        factors.append(goods_factor(goods))
    if well_known:
        factors.append(well_known_factor(well_known))
    return combined, mark_sim, factors


def well_known_factor(wk: Any) -> Factor:
    """The reputation line: claimed by staff (True) or found in the well-known list (an entry)."""
    if isinstance(wk, rules.WellKnown):
        src = wk.source if wk.verified else "认定文书未核实"
        src_en = wk.source if wk.verified else "recognition not checked"
        return Factor("well_known", 100,
                      f"知名度：在先商标见于驰名商标名录（{wk.holder}；{src}），按跨类保护比对（商标法第13条）；但驰名商标"
                      "系个案认定，其知名度须在本案中另行举证证明（商标法第14条）。",
                      f"Reputation: the earlier mark is on the list of well-known marks ({wk.holder}; {src_en}) and is "
                      "compared across classes (Trademark Law Art. 13); recognition is case by case, so its reputation "
                      "must still be proved in this case (Art. 14).")
    return WELL_KNOWN_FACTOR


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
    reputed: bool = False,
) -> TrademarkResult:
    """Compare ``mark`` (the right holder's) with ``other`` (the suspect sign) on the given classes/groups.

    ``well_known``: staff claim the earlier mark is well known (compared across classes, Trademark Law Art. 13).
    ``reputed``: staff find the earlier mark has a reputation for its goods (SPC interpretation Art. 10(3)),
    without claiming protection across classes."""
    if not mark or not mark.strip():
        raise ValidationError("mark is empty", field="mark")
    if not other or not other.strip():
        raise ValidationError("other mark is empty", field="other")
    ca = parse_codes(classes, field="classes")
    cb = parse_codes(other_classes if other_classes is not None else classes, field="other_classes")
    if len(mark) > MAX_MARK or len(other) > MAX_MARK:
        raise ValidationError(f"a mark is longer than {MAX_MARK} characters", field="mark" if len(mark) > MAX_MARK else "other")
    al = load_aliases(str(aliases_path) if aliases_path else None)
    ka, kb = mark_keys(mark, al), mark_keys(other, al)
    goods = goods_similarity(ca, cb)
    wk: Any = well_known or rules.well_known(ka.norm) or False  # the list is consulted when staff do not say
    combined, mark_sim, factors = compare_keys(ka, kb, goods, well_known=wk, aliases=al, classes=tuple(ca),
                                               other_classes=tuple(cb), reputed=reputed)
    likely = likely_confusion(combined, goods, bool(wk))
    keys = ["trademark_law_57", "spc_tm_interp_art9", "spc_tm_interp_art10", "spc_tm_interp_art11", "spc_tm_interp_art12"]
    if any(f.name in ("cross_script", "meaning", "distinctive_part", "one_character", "word_order", "letter_order",
                      "pinyin_rule", "weak_shared", "weak_containment", "transliteration", "first_character",
                      "letter_sound", "own_distinctive_part")
           for f in factors):
        keys.append("cnipa_tm_guideline_similarity")
    if any(f.name == "pinyin_rule" for f in factors):
        keys.append("tmo_pinyin_standard_2001")
    if any(f.name == "place_fair_use" for f in factors):
        keys.append("trademark_law_59")
    if wk:
        keys += ["trademark_law_13"] + (["trademark_law_14"] if not isinstance(wk, bool) else [])
    reasons = review_reasons(mark, other, score=int(combined), mark_similarity=int(mark_sim), goods_score=goods.score,
                             factors=factors, threshold=CONFUSION_THRESHOLD,
                             given=_given_facts({"well_known": well_known, "reputed": reputed}))
    keys += [r.source for r in reasons if r.source not in keys]
    inputs = {"mark": mark, "classes": ",".join(ca), "other": other, "other_classes": ",".join(cb),
              "well_known": well_known, "reputed": reputed, "aliases": list(al.sources),
              "well_known_list": rules.as_dict(wk) if isinstance(wk, rules.WellKnown) else None}
    return TrademarkResult(
        mark=mark, other=other, score=int(combined), likely_confusion=bool(likely), risk=_risk(int(combined)),
        mark_similarity=int(mark_sim), goods=goods, factors=tuple(factors), citations=cite(*keys), inputs=inputs,
    )
