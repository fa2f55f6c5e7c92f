"""When a trademark pre-check should not answer: the classes of pairs sent to staff for review.

The word-level engine compares what the words show (shape, sound, meaning, containment, goods). In a
number of classes of pairs the examiners' and courts' rules either conflict or turn on facts the words
cannot show: the earlier mark's reputation at the filing date, the manner of use, descriptive (fair) use,
the get-up, a party's own earlier or co-existing mark. In those classes the result still carries the
score, but says ``needs_review`` with the reasons, and a letter to an enterprise does not state its
conclusion as settled.

How the classes and the band were chosen: on the development decisions only
(``tests/data/precheck/trademark_decisions_dev.jsonl``), before the held-out sets were run; each class is
a class of the legal rules (named with its source), not a list of pairs. The band around the threshold is
the narrowest that minimises, on the development hard pairs, the number of confident wrong answers plus a
quarter of the number of pairs sent to review (a wrong confident answer costs four reviews).
Figures: ``benchmarks/RESULTS.md`` ("Pre-check 2: abstention").

Engine 1.3 (chosen on the development decisions only, to make the confident answers on the hard development
pairs reliably right rather than to answer more of them): the same sound written with other characters, the
leading part of a three- or four-character mark kept, a Chinese and a foreign sign linked other than by a
general dictionary's entry for the whole sign, and pinyin letters compared by syllable; the guideline's own
one-character rule (three characters, four letters, not the first) now answers without review.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from qcy_workstation.precheck import lexicon
from qcy_workstation.precheck import trademark_rules as rules
from qcy_workstation.precheck.text import normalise_mark, pinyin_syllables, split_scripts

# Facts a pair may turn on that the words do not show (codes; words for staff and letters below).
FACTS: dict[str, tuple[str, str]] = {
    "reputation": ("在先商标在申请日/行为时的知名度", "the earlier mark's reputation at the filing date or time of use"),
    "use": ("标志的实际使用方式", "the manner in which the signs are actually used"),
    "fair_use": ("是否属于描述性的正当使用", "whether the use is a descriptive (fair) use"),
    "get_up": ("商品包装装潢等整体外观", "the get-up and overall presentation of the goods"),
    "coexistence": ("当事人自有的在先商标或已共存的情况", "a party's own earlier mark or an existing co-existence"),
}

# Half-width of the band around the likely-confusion threshold in which the score alone does not decide
# (|score - threshold| < REVIEW_BAND goes to review). Scanned 0-15 on the development hard pairs after the
# classes below: no band gives 2 confident wrong answers and 28 reviews (cost 9.0 with the cost above), a band
# of 1 adds 3 reviews and removes no wrong answer, the first band that removes one is 14 (cost 9.5), so the
# development split chose no band: near the threshold the classes below already catch the conflicts.
REVIEW_BAND = 0
SAME_SOUND = 95  # cross_script factor from which the foreign sign is the Chinese mark's own sound (the pinyin rule)
LOOK_ALIKE = 90  # visual factor from which the differing character is a look-alike (visual_confusables.json)


@dataclass(frozen=True)
class ReviewReason:
    """One reason a pair goes to review: the class, the facts it turns on, its source and words for staff."""

    code: str
    facts: tuple[str, ...]
    source: str  # citation key in legal_sources.json
    text_zh: str
    text_en: str

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "facts": list(self.facts), "source": self.source,
                "facts_zh": [FACTS[f][0] for f in self.facts], "facts_en": [FACTS[f][1] for f in self.facts],
                "text_zh": self.text_zh, "text_en": self.text_en}


def _facts_zh(facts: tuple[str, ...]) -> str:
    return "、".join(FACTS[f][0] for f in facts)


def _facts_en(facts: tuple[str, ...]) -> str:
    return ", ".join(FACTS[f][1] for f in facts)


def _reason(code: str, facts: tuple[str, ...], source: str, zh: str, en: str) -> ReviewReason:
    return ReviewReason(code, facts, source, f"{zh}需核实：{_facts_zh(facts)}。",
                        f"{en} To be checked: {_facts_en(facts)}.")


# Factors whose rule carries an exception that turns on facts outside the words, with the class they open.
_FACTOR_CLASSES: dict[str, tuple[str, tuple[str, ...], str, str, str]] = {
    "first_character": (
        "first_character_exception", ("reputation",), "cnipa_tm_guideline_similarity",
        "三字以上商标仅首字不同且首字音形明显不同，审查审理指南原则上不判近似，但在先商标知名度较高的除外（商标审查审理指南下编第五章）。",
        "Marks of three or more characters differing only in a clearly different first character are in principle "
        "not similar under the CNIPA guideline, unless the earlier mark is highly reputed (guideline Part 2 ch. 5)."),
    "own_distinctive_part": (
        "own_distinctive_part", ("reputation",), "spc_tm_interp_art10",
        "后一标志完整包含在先商标，另有自身可识别来源的部分；是否近似取决于在先商标的显著性和知名度（最高人民法院商标民事纠纷解释第10条）。",
        "The later sign contains the earlier mark and has a distinctive part of its own; similarity turns on the "
        "earlier mark's distinctiveness and reputation (SPC trademark interpretation Art. 10)."),
    "place_fair_use": (
        "descriptive_fair_use", ("fair_use", "use"), "trademark_law_59",
        "在先商标由地名和商品名称组成，他人以之说明产地和品名的，可能属于正当使用（商标法第59条第1款）。",
        "The earlier mark is a place name and the goods' name; using them to state origin and product may be fair "
        "use (Trademark Law Art. 59(1))."),
    "pinyin_rule": (
        "pinyin_vs_chinese", ("reputation",), "tmo_pinyin_standard_2001",
        "汉字商标与其拼音原则上不判近似，在先商标驰名或该拼音已为相关公众识别为其对应称呼的除外（商标局2001年汉字与拼音商标审查标准）。",
        "A Chinese mark and its bare pinyin are in principle not similar, unless the earlier mark is well known or "
        "the public knows the pinyin as its name (Trademark Office 2001 standard)."),
    "reputation_scope": (
        "reputation_scope", ("reputation",), "spc_tm_interp_art10",
        "结论依赖在先商标的知名度扩张其保护范围，知名度须举证（最高人民法院商标民事纠纷解释第10条第（3）项）。",
        "The finding relies on the earlier mark's reputation widening its scope; the reputation must be proved "
        "(SPC trademark interpretation Art. 10(3))."),
}


def review_reasons(mark: str, other: str, *, score: int, mark_similarity: int, goods_score: int,
                   factors: Iterable[Any], threshold: int, band: int = REVIEW_BAND,
                   given: Iterable[str] = ()) -> tuple[ReviewReason, ...]:
    """The review classes this pair falls in (empty: the engine may answer confidently).

    ``mark`` is the earlier (right holder's) mark, ``other`` the later sign; ``factors`` the result's factors
    (objects with ``name`` and ``score``); ``goods_score`` -1 when goods were not compared. ``given``: facts
    staff have stated for this comparison (``reputation`` when they tick the reputation or well-known box; a
    list entry does not count, as the list cannot know the filing date): a class that turns only on given
    facts is not raised (the result then rests on staff's statement, which its factors say must be proved)."""
    names = {f.name: f.score for f in factors}
    out: list[ReviewReason] = []
    known = frozenset(given)
    # 1. the examiners' own exceptions, which turn on reputation, use or fair use
    for name, (code, facts, source, zh, en) in _FACTOR_CLASSES.items():
        if name in names:
            out.append(_reason(code, facts, source, zh, en))
    # 2. dissimilar goods with similar marks: only a well-known mark reaches across (Trademark Law Arts. 13-14),
    #    and that status is found case by case for the time of filing, whatever a list or staff say
    if 0 <= goods_score < 40 and mark_similarity >= threshold:
        out.append(_reason(
            "cross_class_reputation", ("reputation",), "trademark_law_13",
            f"商品/服务不类似（{goods_score}分）而标志近似（{mark_similarity}分）：只有在诉争商标申请日前已驰名的商标才能跨类保护，"
            "驰名须个案认定（商标法第13条、第14条）。",
            f"The goods are not similar ({goods_score}) but the signs are ({mark_similarity}): only a mark well known "
            "before the later filing date is protected across goods, found case by case (Trademark Law Arts. 13-14)."))
    na, nb = normalise_mark(mark), normalise_mark(other)
    ca, la = split_scripts(na)
    cb, lb = split_scripts(nb)
    # 3. one character (letter) different in short marks: the guideline's rule for marks of three or more
    #    characters has exceptions (first character, own meaning), and two-character marks have no rule;
    #    the outcome turns on the earlier mark's reputation and on how the signs are used
    # (a look-alike character, 雪碧 / 雷碧, is the guideline's plain case of similar form: no review for that)
    if _one_unit_different(na, nb, ca, cb, la, lb) and "first_character" not in names \
            and (names.get("visual", 0) < LOOK_ALIKE or (la == na and lb == nb and _syllables_one_different(la, lb))) \
            and not _guideline_one_unit(na, nb, ca, cb, la, lb, names, score >= threshold):
        out.append(_reason(
            "one_character", ("reputation", "use", "get_up"), "cnipa_tm_guideline_similarity",
            "两标志长度相同，仅一字（字母）不同：审查审理指南对三字以上商标原则上判近似，但首字不同或整体含义不同的除外，"
            "二字商标则无一般规则，判断取决于在先商标的知名度和实际使用（商标审查审理指南下编第五章）。",
            "The signs have the same length and differ in one character or letter: the CNIPA guideline treats marks "
            "of three or more characters as similar in principle, except where the first character or the meaning "
            "differs, and has no general rule for two characters; the outcome turns on reputation and actual use "
            "(guideline Part 2 ch. 5)."))
    # 4. a short earlier mark (one or two Chinese characters, up to three letters) or an ordinary word contained
    #    in a longer sign: whether it stands out there depends on its distinctiveness and reputation
    #    (SPC interpretation Art. 10(2)-(3)) and on whether the other uses the words descriptively (Art. 59(1))
    short, long_ = (na, nb) if len(na) <= len(nb) else (nb, na)
    contained = short != long_ and short in long_ and ("containment" in names or "weak_containment" in names
                                                       or "distinctive_part" in names)
    if contained and "own_distinctive_part" not in names and "place_fair_use" not in names:
        weak = "weak_containment" in names or "distinctive_part" in names  # a weak word, or only weak words added
        if weak or (split_scripts(short)[0] and len(short) <= 2) or (not split_scripts(short)[0] and len(short) <= 3):
            out.append(_reason(
                "short_mark_contained", ("reputation", "fair_use", "use"), "spc_tm_interp_art10",
                f"较短或显著性较弱的商标「{short}」被完整包含在较长标志中（或仅附加了描述性词语）：其是否在整体中起识别作用，"
                "取决于其本身对该商品是否具有描述性、其显著性和知名度，以及他人是否仅作描述性使用（最高人民法院商标民事纠纷解释第10条；商标法第59条第1款）。",
                f"The short or weak mark '{short}' is contained in a longer sign (or only descriptive words are added): "
                "whether it identifies a source there turns on whether it is itself descriptive of the goods, on its "
                "distinctiveness and reputation and on whether the other uses the words only "
                "descriptively (SPC trademark interpretation Art. 10; Trademark Law Art. 59(1))."))
    # 5. a Chinese mark against a foreign one with no correspondence of meaning found: the dictionary and the
    #    alias table cannot show that the public does not link them, and a link by sound alone counts only
    #    where the public knows it (guideline on Chinese and foreign marks)
    if ((ca and not la and lb and not cb) or (cb and not lb and la and not ca)) and "meaning" not in names \
            and "pinyin_rule" not in names and names.get("cross_script", 0) < SAME_SOUND:
        out.append(_reason(
            "cross_script", ("reputation", "use"), "cnipa_tm_guideline_similarity",
            "中文标志与外文标志之间未查到含义对应：中外文商标是否近似，取决于相关公众是否已将二者对应识别（含义、音译或实际使用形成的"
            "对应关系），词典和别名表无法证明不存在这种对应（商标审查审理指南下编第五章）。",
            "No correspondence of meaning was found between the Chinese and the foreign sign: whether they are "
            "similar turns on whether the public links them (by meaning, transliteration or use), which a dictionary "
            "cannot rule out (CNIPA guideline Part 2 ch. 5)."))
    out += _more_reasons(na, nb, ca, cb, la, lb, names, score >= threshold)
    # 6. a score close to the threshold: the factors do not decide either way (SPC interpretation Art. 10:
    #    overall comparison, with the distinctiveness and reputation of the earlier mark)
    if band and abs(score - threshold) < band and not out:
        out.append(_reason(
            "near_threshold", ("reputation", "use"), "spc_tm_interp_art10",
            f"综合得分{score}与判断阈值{threshold}相差小于{band}分，文字因素不足以决定结论；应整体比对并考虑在先商标的显著性和知名度"
            "（最高人民法院商标民事纠纷解释第10条）。",
            f"The score {score} is within {band} of the threshold {threshold}: the word factors do not decide; the "
            "signs must be compared as a whole with the earlier mark's distinctiveness and reputation (SPC "
            "trademark interpretation Art. 10)."))
    return tuple(r for r in out if not set(r.facts) <= known)


def _one_unit_different(na: str, nb: str, ca: str, cb: str, la: str, lb: str) -> bool:
    if na == nb:
        return False
    if la == na and lb == nb and _syllables_one_different(la, lb):
        return True  # letters read as pinyin differ in one syllable (SANWEI / SANEI: san-wei / san-ei)
    if len(na) != len(nb):
        return False
    if ca == na and cb == nb and len(na) >= 2:
        return sum(x != y for x, y in zip(na, nb, strict=True)) == 1
    if la == na and lb == nb and len(na) >= 4:
        return sum(x != y for x, y in zip(na, nb, strict=True)) == 1
    return False


def _syllables_one_different(la: str, lb: str) -> tuple[int, int] | None:
    """(syllable count, index of the differing syllable) when both Latin marks read as pinyin (the 2001
    standard: letters that spell pinyin are read the Chinese way) with as many syllables, one different."""
    sa, sb = rules.pinyin_split(la), rules.pinyin_split(lb)
    if not sa or len(sa) != len(sb):
        return None
    diff = [i for i, (x, y) in enumerate(zip(sa, sb, strict=True)) if x != y]
    return (len(sa), diff[0]) if len(diff) == 1 else None


def _guideline_one_unit(na: str, nb: str, ca: str, cb: str, la: str, lb: str, names: dict[str, int],
                        similar: bool) -> bool:
    """The guideline's own rule settles a one-character (letter) difference without review: Chinese marks of
    three or more characters, the difference not in the first character and no different meaning of the whole
    (the engine's ``one_character`` factor), and foreign words of four or more letters differing in one letter
    other than the first, no different meaning, that the score already finds similar (商标审查审理指南 下编
    第五章: 三个以上汉字 / 四个以上字母仅个别不同，整体无含义或含义无明显区别的，判为近似). Pinyin letters are
    compared by syllable like characters: two syllables have no general rule (SANWEI / SANEI), so no."""
    if "one_character" in names:
        return True
    if la == na and lb == nb:
        syl = _syllables_one_different(la, lb)
        if syl is not None:
            return syl[0] >= 3 and syl[1] > 0 and similar
        if rules.pinyin_split(la) or rules.pinyin_split(lb):
            return False
        return len(la) == len(lb) >= 4 and la[0] == lb[0] and similar
    return False


def _more_reasons(na: str, nb: str, ca: str, cb: str, la: str, lb: str, names: dict[str, int],
                  similar: bool) -> list[ReviewReason]:
    """The classes added after the first set (chosen on the development decisions only; see the module doc)."""
    out: list[ReviewReason] = []
    # 7. the same sound written with other characters (今礼来 / 金利来, 倍芬 / 贝分): the guideline makes sound
    #    decide together with a similar form or overall look (读音相同或近似，且字形或整体外观近似); with
    #    different characters, whether either reading carries a meaning of its own and how the signs are
    #    written decide, which the words alone cannot show
    if ca == na and cb == nb and ca != cb and len(ca) == len(cb) >= 2 and "one_character" not in names \
            and names.get("visual", 0) < LOOK_ALIKE and pinyin_syllables(ca) == pinyin_syllables(cb):
        out.append(_reason(
            "same_sound", ("use", "get_up", "reputation"), "cnipa_tm_guideline_similarity",
            f"两标志读音相同（{' '.join(pinyin_syllables(ca))}）而汉字不同：审查审理指南以读音相同或近似且字形或整体外观近似为"
            "近似的情形；字形不同时，取决于各自是否另有含义、标志的实际书写和使用方式以及在先商标的知名度（商标审查审理指南下编第五章）。",
            f"The signs sound the same ({' '.join(pinyin_syllables(ca))}) but are written with other characters: the "
            "CNIPA guideline finds similarity where the sound and the form or overall look are close; with another "
            "form, it turns on each reading's own meaning, the way the signs are written and used and the earlier "
            "mark's reputation (guideline Part 2 ch. 5)."))
    # 8. the later sign keeps the leading part of an earlier mark of three or four characters (all but its
    #    last character) and adds its own: whether the public still takes it for the earlier mark turns on that
    #    mark's distinctiveness and reputation (SPC trademark interpretation Art. 10(3)); only the answer
    #    "not similar" needs it
    if not similar and ca == na and cb == nb and 3 <= len(ca) <= 4 and len(cb) <= len(ca) + 2 and ca not in cb:
        n = 0
        while n < min(len(ca), len(cb)) and ca[n] == cb[n]:
            n += 1
        if n >= 2 and n >= len(ca) - 1:
            out.append(_reason(
                "leading_part_kept", ("reputation", "use"), "spc_tm_interp_art10",
                f"后一标志保留了在先商标「{ca}」的起首部分“{ca[:n]}”并另加文字：相关公众是否仍将其视为在先商标或其关联标志，取决于"
                "在先商标的显著性和知名度（最高人民法院商标民事纠纷解释第10条第（3）项）。",
                f"The later sign keeps the leading part '{ca[:n]}' of the earlier mark '{ca}' and adds its own: whether "
                "the public still takes it for the earlier mark or a variant turns on that mark's distinctiveness and "
                "reputation (SPC trademark interpretation Art. 10(3))."))
    # 9. a Chinese sign and a foreign one linked other than by a general dictionary's entry for the whole Chinese
    #    sign (苹果 / APPLE, 星巴克 / STARBUCKS in CC-CEDICT) or by its own pinyin (the 2001 standard's case):
    #    through the staff alias table, a part of the sign, or a rendering by sound (陸虎 for 路虎). The guideline
    #    treats such marks as similar where the public knows the correspondence; whether it did before the
    #    filing date, formed by the right holder's own use rather than by the media, is a fact of the case.
    #    (A dictionary entry is taken as evidence that the public knows the correspondence today.)
    cross = (ca == na and lb == nb) or (cb == nb and la == na)
    if cross and ("meaning" in names or "transliteration" in names) and "pinyin_rule" not in names:
        c, lat = (ca, lb) if ca == na else (cb, la)
        spelt = "".join(pinyin_syllables(c))
        if lat != spelt and lat not in {rules.letters_of(g) for g in lexicon.glosses(c)}:
            out.append(_reason(
                "correspondence_by_use", ("reputation", "use"), "cnipa_tm_guideline_similarity",
                f"中文标志「{c}」与外文标志「{lat}」之间的对应来自别名表、标志的一部分或音译，而非通用词典对整个中文标志的释义："
                "这种对应关系是否在申请日前已为相关公众所知，且由权利人自己的使用形成（而非媒体等第三方的称呼），须以证据认定"
                "（商标审查审理指南下编第五章）。",
                f"The Chinese sign '{c}' and the foreign sign '{lat}' correspond through the alias table, a part of the "
                "sign or a rendering by sound, not through a general dictionary's entry for the whole sign: whether the "
                "public knew the correspondence before the filing date, formed by the right holder's own use rather "
                "than by the media, must be shown by evidence (CNIPA guideline Part 2 ch. 5)."))
    return out


def summary_zh(reasons: Iterable[ReviewReason]) -> str:
    """The facts to be checked, once each, for a letter: ``在先商标的知名度、实际使用方式``."""
    facts = dict.fromkeys(f for r in reasons for f in r.facts)
    return "、".join(FACTS[f][0] for f in facts)


def summary_en(reasons: Iterable[ReviewReason]) -> str:
    facts = dict.fromkeys(f for r in reasons for f in r.facts)
    return ", ".join(FACTS[f][1] for f in facts)
