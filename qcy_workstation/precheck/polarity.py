"""What a description says is absent or replaced: negation and stated alternatives, Chinese and English.

Why: a non-infringing product usually differs from the claim in one feature that its description states
to be absent (没有透气孔, without a filter), replaced (采用磁吸代替卡扣, instead of a spring) or done
another way. Sentence embeddings do not see negation ("没有透气孔" sits next to "设有透气孔"), so the
description is split into *positive* pieces (what the product has) and *negated* pieces (what it is said
not to have, or what was replaced). Only positive pieces can support a claim feature; a negated piece
that matches a feature better than anything positive is evidence that the feature is absent.

The cue lists are general grammar of the two languages (negators, contrast and substitution
constructions as any grammar of Mandarin or English lists them), not words of any example.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

# 无 starts many ordinary words (无线, 无刷, 无纺布...): only a free-standing 无 negates
_NO_WU = "线刷人机纺缝级菌叶尘声损限穷论须需关法效数"
_NEG_ZH = (
    r"(?:并|也|都|均|完全|根本)?(?:没有|没|并无|毫无|无需|无须|不需要?|不用|不含|不包括|不包含|不带|不设置?|不配备?|"
    r"不具备|不具有|不提供|不采用|不使用|未设置?|未采用|未使用|未配备?|未安装|不再|去掉了?|去除了?|取消了?|省去了?|"
    r"省掉了?|免去了?|并非|不是|不能|不会|不可|无法|非|无任何|无(?![" + _NO_WU + r"]))"
)
# "以/用/采用 Y 代替/取代/替代/替换 X": X is what was replaced
_SUBST_ZH = re.compile(r"(?:代替|取代|替代|替换|换掉|而不是|而非)(?:了|原有的?|传统的?|常见的?)?")
_CONTRAST_ZH = re.compile(r"而是|改为|改成|改用|换成|换为|转而")
_NEG_EN = re.compile(
    r"\b(?:without|no|not|never|none|nor|neither|nothing|lacks?|lacking|free of|devoid of|absent|omit\w*|eliminat\w*|"
    r"dispens\w* with|does ?n[o']t|doesn't|isn't|aren't|won't|cannot|can't|instead of|rather than|in place of|"
    r"replac\w+(?: by| with)?|substitut\w+(?: for| by| with)?|swap\w*(?: for| out)?)\b",
    re.I,
)
_EN_STOP = re.compile(r"\b(?:but|and|instead|so|which|while|whereas|because|though)\b|[,.;:!?()]", re.I)
_ZH_STOP = re.compile(r"[，,。；;！？!?、（）()]|而|但|却|只|仅")


@dataclass(frozen=True)
class Piece:
    """A stretch of a clause with its polarity: what the product has (True) or is said not to have."""

    text: str
    start: int
    end: int
    positive: bool
    # for a negated piece, what the cue denies: "object" (没有X, no X, without X: the part is not there),
    # "attribute" (并非翻折形成, not removable: the part is there, made or working otherwise) or "substitute"
    # (代替X, instead of X, replaced by: something else is in its place)
    cue: str = ""


_ATTR_ZH = re.compile(r"^(?:并|也|都|均|完全|根本)?(?:并非|不是|非|不能|不会|不可|无法|不再)")
_ATTR_EN = re.compile(r"^(?:not|never|does ?n[o']t|doesn't|isn't|aren't|won't|cannot|can't)$", re.I)
_SUBST_EN = re.compile(r"^(?:instead of|rather than|in place of|replac|substitut|swap)", re.I)


def _zh_pieces(text: str, base: int) -> list[Piece]:
    neg: list[tuple[int, int, str]] = []
    for m in re.finditer(_NEG_ZH, text):
        s = m.start()
        rest = text[m.end():]
        stop = _ZH_STOP.search(rest)
        e = m.end() + (stop.start() if stop else len(rest))
        if e - m.end() >= 1:
            kind = "attribute" if _ATTR_ZH.match(m.group(0)) else "object"
            neg.append((s, e, kind))
            # "没有卡片、弹簧或定位结构": each further item of the list is denied too, as a piece of its own
            # (one bag of all the items would dilute each)
            lm = _ZH_LIST.match(text, e)
            if lm:
                neg.append((e + 1, lm.end(), kind))
    for m in _SUBST_ZH.finditer(text):
        rest = text[m.end():]
        stop = _ZH_STOP.search(rest)
        e = m.end() + (stop.start() if stop else len(rest))
        if e > m.end():
            neg.append((m.start(), e, "substitute"))
    return _pieces(text, base, neg)


# a negation governs a whole coordinated list: "no holes, slots or mesh", "没有卡扣、螺钉或胶水"
_ZH_LIST = re.compile(r"(?:、[^，,。；;！？!?、（）()而但却只仅]{1,8})+")


def list_continuation(clause: str) -> bool:
    """Whether a clause is only the rest of a coordinated list ("slots or mesh", "finger or loop on the
    front"): after a clause that ends in a denial ("with no holes,"), it is denied too."""
    return bool(_EN_LIST_REST.match(clause))


_EN_LIST_REST = re.compile(r"^\s*(?:(?:or|nor)\s+)?(?:an?\s+|any\s+)?[A-Za-z-]+(?:\s+[A-Za-z-]+)?\s+(?:or|nor)\s+"
                           r"(?:an?\s+|any\s+)?[A-Za-z-]+(?:\s+[A-Za-z-]+){0,3}\s*[,.;:!?]?\s*$"
                           r"|^\s*(?:or|nor)\s+(?:an?\s+|any\s+)?[A-Za-z-]+(?:\s+[A-Za-z-]+){0,3}\s*[,.;:!?]?\s*$", re.I)


def _en_pieces(text: str, base: int) -> list[Piece]:
    neg: list[tuple[int, int, str]] = []
    for m in _NEG_EN.finditer(text):
        cue = m.group(0).lower()
        kind = "substitute" if _SUBST_EN.match(cue) else ("attribute" if _ATTR_EN.match(cue) else "object")
        if cue.startswith(("replac", "substitut", "swap")) and (
                not re.search(r"\b(?:by|with|for|out)$", cue) or cue.endswith(("by", "with"))):
            # "X is replaced" / "X replaced by Y": X, before the cue, is what went
            before = text[: m.start()]
            stop = max((mm.end() for mm in _EN_STOP.finditer(before)), default=0)
            neg.append((stop, m.end(), kind))
            continue
        rest = text[m.end():]
        stop = _EN_STOP.search(rest)
        e = m.end() + (stop.start() if stop else len(rest))
        if e > m.end():
            if kind == "attribute" and re.match(r"\s*(?:a|an|any|the)\b", rest, re.I):
                kind = "object"  # "not a hinge": the part itself
            neg.append((m.start(), e, kind))
    return _pieces(text, base, neg)


_CUE_RANK = {"object": 2, "substitute": 1, "attribute": 0}


def _pieces(text: str, base: int, neg: list[tuple[int, int, str]]) -> list[Piece]:
    neg.sort()
    merged: list[list[Any]] = []
    for s, e, kind in neg:
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
            if _CUE_RANK[kind] > _CUE_RANK[merged[-1][2]]:
                merged[-1][2] = kind  # "不是…也没有X": the stronger denial wins
        else:
            merged.append([s, e, kind])
    out: list[Piece] = []
    last = 0
    for s, e, kind in merged:
        if text[last:s].strip(" ，,。；;:：、"):
            out.append(Piece(text[last:s], base + last, base + s, True))
        out.append(Piece(text[s:e], base + s, base + e, False, kind))
        last = e
    if text[last:].strip(" ，,。；;:：、"):
        out.append(Piece(text[last:], base + last, base + len(text), True))
    return out


def split_polarity(text: str, start: int = 0) -> list[Piece]:
    """The clause as positive and negated pieces, offsets relative to the whole description."""
    if re.search(r"[\u3400-\u9fff]", text):
        pieces = _zh_pieces(text, start)
        # English words inside Chinese text ("不带 USB") are covered by the Chinese cues
        return pieces
    return _en_pieces(text, start)


def positive_text(text: str) -> str:
    """The clause without its negated pieces."""
    return "".join(p.text for p in split_polarity(text) if p.positive).strip()


def negated_texts(text: str) -> list[str]:
    return [p.text.strip() for p in split_polarity(text) if not p.positive and p.text.strip()]


_SUBSTITUTE = re.compile(
    r"代替|取代|替代|替换|换掉|而不是|而非|而是|改为|改用|改成|换成|换为|转而|取而代之|代之以|靠|依靠|"
    r"\b(?:instead|rather than|in place of|replac\w+|substitut\w+|relies on|relying on|in its place|swapp?\w*)\b",
    re.I)


def replaced_in_sentence(text: str, start: int, end: int) -> bool:
    """Whether the sentence around a negated piece names something in its place ("没有X，而是/靠Y",
    "uses Y instead of X"): then the feature may be replaced by an equivalent, not simply absent."""
    s = max(text.rfind(ch, 0, start) for ch in "。.;；!?！？\n") + 1
    ends = [i for i in (text.find(ch, end) for ch in "。;；!?！？\n") if i >= 0]
    e = min(ends) if ends else len(text)
    return bool(_SUBSTITUTE.search(text[s:e]))
