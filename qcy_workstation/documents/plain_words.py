"""What goes to an enterprise is in plain Chinese (or English): no engine codes, no notes to staff.

Why: a letter goes out under the workstation's name. The rule data carries notes meant for staff ("条款号依记忆，
未在本工作站核对", "case name from memory") and the pre-check carries codes (``visual``, ``risk: high``,
``likely_infringing``). In the app these tell staff what to check; in a letter they read as carelessness, or
state an unverified point as if it were settled. So, once a document is built:

* each staff note on an unverified citation becomes a reservation a letter can carry ("以官方公布文本为准",
  "subject to the official text"), and the points are listed in ``content.metadata["staff_checks"]`` for
  the app to show to staff (never printed);
* engine codes are turned into words by :func:`words_for` (unknown codes become a neutral word, never the
  code itself).
"""

from __future__ import annotations

import re
from typing import Any

from qcy_workstation.documents.model import DocumentContent, Image, KeyValues, Paragraph, Table

# staff note -> what the enterprise reads instead (a reservation, not a claim of certainty)
_STAFF_NOTES: list[tuple[re.Pattern[str], dict[str, str]]] = [
    (re.compile(r"（条款号依记忆[^）]*）"), {"zh": "（具体条款以官方公布文本为准）", "en": ""}),
    (re.compile(r"，条款号依记忆）"), {"zh": "，具体条款以官方公布文本为准）", "en": ""}),
    (re.compile(r"案例名称依记忆引用，未在本工作站核对。"), {"zh": "", "en": ""}),
    (re.compile(r"系依记忆录入，未在本工作站核对，出具意见前请核对原文。"),
     {"zh": "以官方公布文本为准。", "en": ""}),
    (re.compile(r"本规则集（[^）]*）未经本工作站核对：[^。；]*[。；]?"),
     {"zh": "本估算所依据的条款与金额以官方公布文本为准。", "en": ""}),
    (re.compile(r"This rule set \([^)]*\) is not verified here: [^.;]*[.;]?"),
     {"zh": "", "en": "The articles and amounts this estimate rests on are subject to the official text."}),
    (re.compile(r"were entered from memory and are not verified here: check the statute before relying on them\."),
     {"zh": "", "en": "are subject to the official text."}),
    (re.compile(r"\s*\((?:article )?number from memory[^)]*\)"), {"zh": "", "en": " (subject to the official text)"}),
    (re.compile(r",\s*number from memory\)"), {"zh": "", "en": ", subject to the official text)"}),
    (re.compile(r"\s*\((?:article numbers? )?from memory[^)]*\)"), {"zh": "", "en": " (subject to the official text)"}),
    (re.compile(r"\s*Case names? (?:cited )?from memory[^.]*\."), {"zh": "", "en": ""}),
]
_STAFF_MARK = re.compile(r"依记忆|from memory|未在本工作站核对|未经本工作站核对|not verified here|is not verified")

# pre-check codes -> words (zh, en)
WORDS: dict[str, tuple[str, str]] = {
    # trademark factors
    "visual": ("字形", "appearance"), "phonetic": ("读音", "sound"), "meaning": ("含义", "meaning"),
    "goods": ("商品或服务类似", "similar goods or services"), "well_known": ("驰名程度", "reputation"),
    "distinctive_part": ("显著部分", "distinctive part"), "one_character": ("仅一字之差", "one character apart"),
    "word_order": ("文字顺序调换", "words in another order"), "containment": ("完整包含", "contains the mark"),
    "weak_containment": ("包含普通词语或地名", "contains a common word or place name"),
    "weak_shared": ("仅共有描述性词语", "shares only descriptive words"),
    "pinyin_rule": ("拼音与汉字", "pinyin and Chinese characters"),
    "first_character": ("首字不同", "a different first character"),
    "letter_sound": ("外文字母个别不同、读音相近", "a letter or two changed, same sound"),
    "own_distinctive_part": ("另含独立显著部分", "a distinctive part of its own"),
    "place_fair_use": ("地名的正当使用", "fair use of a place name"),
    "reputation_scope": ("知名度扩大比对范围", "reputation widens the comparison"),
    "transliteration": ("音译对应", "transliteration"), "translation": ("意译对应", "translation"),
    "alias": ("对应名称", "known equivalent name"), "cedict": ("词义对应", "dictionary meaning"),
    # risk
    "high": ("较高", "high"), "medium": ("中等", "moderate"), "low": ("较低", "low"),
    # verdicts
    "likely_infringing": ("可能落入保护范围", "likely within the scope of the claim"),
    "literal": ("可能字面落入保护范围", "likely literally within the scope"),
    "equivalent": ("可能以等同方式落入保护范围", "likely within the scope by equivalence"),
    "not_infringing": ("未发现落入保护范围的依据", "no basis found for infringement"),
    "needs_review": ("需人工进一步核实", "needs further review by staff"),
    "misuse_likely": ("可能构成冒用", "likely misuse"), "misuse": ("构成冒用的可能性较大", "likely misuse"),
    "possible_misuse": ("可能存在冒用", "possible misuse"), "no_misuse": ("未见冒用", "no misuse found"),
    "lawful_use": ("属正当使用", "lawful use"),
    "substantially_same": ("实质相同", "substantially the same"), "similar": ("相近", "similar"),
    "different": ("不同", "different"),
    # claim chart statuses
    "covered": ("相同", "identical"), "missing": ("缺少", "missing"), "unclear": ("未见对应（待核实）",
                                                                              "not found (to be checked)"),
}

# a claim chart's finding per feature (zh, en): one table for the chart and for what staff confirmed
CHART_STATUS: dict[str, tuple[str, str]] = {
    "covered": ("相同", "identical"), "equivalent": ("等同", "equivalent"), "missing": ("缺少", "absent"),
    "unclear": ("未见对应（待核实）", "not found (to be checked)"),
}


def chart_status(code: Any, lang: str) -> str:
    """A claim-chart status in words (an unknown code: a neutral word, never the code)."""
    pair = CHART_STATUS.get(str(code or ""))
    return pair[0 if lang == "zh" else 1] if pair else words_for(code, lang)


# column names of pre-check detail tables -> headings; other (internal) columns are left out
COLUMNS: dict[str, tuple[str, str]] = {
    "point": ("秘密点", "secret point"), "score": ("相似度", "similarity"), "verdict": ("结论", "finding"),
    "text": ("内容", "text"), "evidence": ("对应内容", "matching passage"), "name": ("名称", "name"),
    "finding": ("结论", "finding"), "note": ("说明", "note"), "element": ("技术特征", "feature"),
    "status": ("比对", "finding"),
}


def words_for(code: Any, lang: str) -> str:
    """An engine code in words; a code not listed becomes a neutral word, never the code itself."""
    text = str(code or "")
    pair = WORDS.get(text)
    if pair is not None:
        return pair[0 if lang == "zh" else 1]
    if re.fullmatch(r"[a-z]+(?:_[a-z]+)+|[a-z]+", text):
        return "其他因素" if lang == "zh" else "other factor"
    return text


def detail_table(items: list[dict[str, Any]], lang: str) -> Table | None:
    """A pre-check detail list as a table with worded headings; internal columns (offsets, ids) dropped."""
    cols = [c for c in items[0] if c in COLUMNS and not isinstance(items[0][c], dict | list)][:5]
    if not cols:
        return None
    header = [COLUMNS[c][0 if lang == "zh" else 1] for c in cols]
    rows = [[words_for(i.get(c, ""), lang) if c in ("verdict", "status", "finding") else str(i.get(c, ""))
             for c in cols] for i in items]
    return Table(header, rows)


def _clean(text: str, lang: str, checks: list[str]) -> str:
    if not _STAFF_MARK.search(text):
        return text
    checks.append(text)
    for pattern, replacement in _STAFF_NOTES:
        text = pattern.sub(replacement["zh" if lang == "zh" else "en"], text)
    # whatever note is left: a bracket becomes the reservation, a sentence to staff goes
    text = re.sub(r"（[^（）]*(?:依记忆|未在本工作站核对|未核对)[^（）]*）", "（以官方公布文本为准）", text)
    text = re.sub(r"[^。；（）]*(?:依记忆|未在本工作站核对)[^。；（）]*[。；]", "", text)
    text = re.sub(r"\s*\([^()]*(?:from memory|not verified)[^()]*\)", " (subject to the official text)", text)
    return re.sub(r"[^.;()]*(?:from memory|not verified here)[^.;()]*[.;]", "", text).strip()


def for_enterprise(content: DocumentContent) -> DocumentContent:
    """Turn staff notes into reservations throughout the document; list the points for staff."""
    checks: list[str] = list(content.metadata.get("staff_checks", []))  # points a builder already noted
    lang = content.lang
    content.intro = [_clean(t, lang, checks) for t in content.intro]
    content.closing = [_clean(t, lang, checks) for t in content.closing]
    for section in content.sections:
        for block in section.blocks:
            if isinstance(block, Paragraph):
                block.text = _clean(block.text, lang, checks)
            elif isinstance(block, Table):
                block.rows = [[_clean(c, lang, checks) for c in row] for row in block.rows]
            elif isinstance(block, KeyValues):
                block.items = [(k, _clean(v, lang, checks)) for k, v in block.items]
            elif isinstance(block, Image):
                block.caption = _clean(block.caption, lang, checks)
    content.metadata["staff_checks"] = checks
    return content
