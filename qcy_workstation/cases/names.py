"""Normalising party names so that 西安秦川科技有限公司 and （西安）秦川科技 match in the conflict check."""

from __future__ import annotations

import re

# Longest first: the loop strips one suffix at a time from the end.
_SUFFIXES = sorted(
    {
        "股份有限公司", "有限责任公司", "有限公司", "集团有限公司", "集团股份有限公司", "集团公司", "集团",
        "总公司", "分公司", "公司", "合伙企业", "有限合伙", "工作室", "研究院", "研究所", "厂", "商行", "中心",
        "co ltd", "co., ltd", "co.,ltd", "company limited", "limited", "ltd", "inc", "incorporated",
        "corp", "corporation", "llc", "gmbh", "co", "company", "group",
    },
    key=len,
    reverse=True,
)
_PLACE_PREFIX = re.compile(r"^(陕西省?|西安市?|咸阳市?|宝鸡市?|渭南市?|延安市?|汉中市?|榆林市?|安康市?|商洛市?|铜川市?|杨凌)")
_PUNCT = re.compile(r"[\s\(\)（）\[\]【】·.,，、\"'“”‘’&\-_/]+")


def fold_width(text: str) -> str:
    out = []
    for ch in text:
        code = ord(ch)
        if 0xFF01 <= code <= 0xFF5E:
            ch = chr(code - 0xFEE0)
        elif code == 0x3000:
            ch = " "
        out.append(ch)
    return "".join(out)


def normalise_name(name: str, *, drop_place: bool = False) -> str:
    """Lower-case, half-width, simplified Chinese, without company-form suffixes and punctuation.

    ``drop_place`` also removes a leading Shaanxi place name, which registered names often carry
    (陕西秦川… / 秦川…); the conflict check compares both forms.
    """
    text = _zhconv().convert(fold_width(name), "zh-cn").lower().strip()
    text = re.sub(r"[\(（][^\)）]*[\)）]", lambda m: m.group(0) if len(m.group(0)) > 8 else "", text)
    changed = True
    while changed:
        changed = False
        stripped = text.rstrip(" .,")
        for suffix in _SUFFIXES:
            if stripped.endswith(suffix) and len(stripped) > len(suffix):
                text = stripped[: -len(suffix)]
                changed = True
                break
    text = _PUNCT.sub("", text)
    if drop_place:
        shorter = _PLACE_PREFIX.sub("", text)
        if len(shorter) >= 2:
            text = shorter
    return text


def _zhconv():  # type: ignore[no-untyped-def]
    """zhconv is imported on first use: it pulls in pkg_resources (~50 ms), which start-up can do without."""
    import zhconv

    return zhconv


def match_score(key: str, other: str) -> float:
    """How closely two normalised keys (``normalise_name(..., drop_place=True)``) match, 0-100, scored as the
    intake conflict check scores them: plain ratio for keys under four characters (two-character person
    names would otherwise match any name containing them), rapidfuzz's WRatio otherwise."""
    from rapidfuzz import fuzz

    if not key or not other:
        return 0.0
    scorer = fuzz.ratio if len(key) < 4 else fuzz.WRatio
    return float(scorer(key, other))
