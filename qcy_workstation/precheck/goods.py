"""Goods/services similarity from Nice classes and 4-digit similar-group codes.

The Similar Goods and Services Table is a reference, not binding (SPC trademark interpretation Art. 12):
the shipped data is partial and says so in every result.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from qcy_workstation.errors import ValidationError
from qcy_workstation.precheck.common import load_data


@dataclass(frozen=True)
class GoodsSimilarity:
    score: int  # 0-100
    basis: str  # same_group | related_group | same_class | related_class | different | unknown
    detail_zh: str
    detail_en: str
    table_edition: str
    table_partial: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "score": self.score,
            "basis": self.basis,
            "detail_zh": self.detail_zh,
            "detail_en": self.detail_en,
            "table_edition": self.table_edition,
            "table_partial": self.table_partial,
        }


def parse_codes(value: str | list[str] | tuple[str, ...] | None, *, field: str = "classes") -> tuple[str, ...]:
    """``"25,35"`` / ``"2501 2507"`` / ``["25"]`` -> normalised codes (class ``1``-``45`` or 4-digit group)."""
    if value is None:
        return ()
    items = re.split(r"[\s,，;；、]+", value) if isinstance(value, str) else [str(v) for v in value]
    out: list[str] = []
    for raw in items:
        code = raw.strip()
        if not code:
            continue
        if not re.fullmatch(r"[0-9]+", code):  # not isdigit(): "²" is a digit int() cannot read
            raise ValidationError(f"not a Nice class or group code: {code!r}", field=field, value=code)
        if len(code) <= 2:
            n = int(code)
            if not 1 <= n <= 45:
                raise ValidationError(f"Nice class must be 1-45: {code}", field=field, value=code)
            out.append(str(n))
        elif len(code) == 4:
            n = int(code[:2])
            if not 1 <= n <= 45:
                raise ValidationError(f"group code must start with a class 01-45: {code}", field=field, value=code)
            out.append(code)
        else:
            raise ValidationError(f"use a class (25) or a 4-digit group (2501): {code}", field=field, value=code)
    return tuple(dict.fromkeys(out))


def class_of(code: str) -> str:
    return str(int(code[:2])) if len(code) == 4 else code


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, Any], dict[frozenset[str], tuple[int, str]], dict[frozenset[str], tuple[int, str]]]:
    data = load_data("similar_groups.json")
    rel = {frozenset((r["a"], r["b"])): (int(r["score"]), r["note"]) for r in data["related"]}
    rel_cls = {frozenset((r["a"], r["b"])): (int(r["score"]), r["note"]) for r in data["related_classes"]}
    return data, rel, rel_cls


def describe_code(code: str) -> str:
    data, _, _ = _table()
    if len(code) == 4:
        title = data["groups"].get(code)
        return f"{code}（{title}）" if title else f"{code}（本表未收录名称）"
    return f"第{code}类（{data['classes'].get(code, '')}）"


def _pair(a: str, b: str) -> tuple[int, str, str]:
    _, rel, rel_cls = _table()
    ca, cb = class_of(a), class_of(b)
    if len(a) == 4 and len(b) == 4:
        if a == b:
            return 100, "same_group", "同一类似群"
        if frozenset((a, b)) in rel:
            s, note = rel[frozenset((a, b))]
            return s, "related_group", f"类似群交叉关联（{note}）"
        if ca == cb:
            return 40, "same_class", "同一类别但不同类似群，原则上不类似，需结合商品具体情况判断"
    elif ca == cb:
        return 80, "same_class", "同一类别（未给出类似群，需核对具体商品所属类似群）"
    if ca != cb and frozenset((ca, cb)) in rel_cls:
        s, note = rel_cls[frozenset((ca, cb))]
        return s, "related_class", f"跨类关联（{note}）"
    return 0, "different", "不同类别且无已知关联"


def goods_similarity(codes_a: tuple[str, ...], codes_b: tuple[str, ...]) -> GoodsSimilarity:
    """Best pairwise similarity between two sets of class/group codes."""
    data, _, _ = _table()
    edition, partial = data["edition"], bool(data.get("partial", True))
    if not codes_a or not codes_b:
        return GoodsSimilarity(
            -1, "unknown", "未提供商品/服务类别，未评估商品类似性", "no classes given; goods not compared", edition, partial
        )
    best = (-1, "different", "", "", "")
    for a in codes_a:
        for b in codes_b:
            s, basis, why = _pair(a, b)
            if s > best[0]:
                best = (s, basis, why, a, b)
    s, basis, why, a, b = best
    zh = f"{describe_code(a)} 与 {describe_code(b)}：{why}。"
    en = {
        "same_group": f"{a} and {b}: same similar group.",
        "related_group": f"{a} and {b}: groups linked by a cross-search note (unverified).",
        "same_class": f"{a} and {b}: same Nice class{'' if len(a) == 4 and len(b) == 4 else ''}.",
        "related_class": f"{a} and {b}: different classes with a known link (unverified).",
        "different": f"{a} and {b}: different classes with no known link.",
    }[basis]
    return GoodsSimilarity(s, basis, zh, en, edition, partial)
