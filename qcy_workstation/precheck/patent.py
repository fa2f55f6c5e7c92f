"""Patent pre-check: parse a claim set and compare a claim with an accused product (all-elements rule).

Scope is defined by the claims (Patent Law 2020 Art. 64). The accused solution falls within the scope only
if it has features identical or equivalent to every technical feature of the claim (SPC Interpretation
2009 Art. 7). An equivalent feature uses basically the same means for basically the same function and
effect and is obvious without creative work (SPC provisions on patent disputes, 2020 revision, Art. 13):
the engine only flags candidate equivalents from its term table; staff confirm them. Numerical features
limited by "at least / not more than" get no equivalents (SPC Interpretation II Art. 12).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

from qcy_workstation.errors import ValidationError
from qcy_workstation.precheck import contrasts, counts, lexicon, semantic
from qcy_workstation.precheck.common import Citation, citation_fields, cite, load_data, result_header
from qcy_workstation.precheck.polarity import list_continuation, replaced_in_sentence, split_polarity
from qcy_workstation.precheck.quantities import (
    Constraint,
    extract_constraints,
    extract_quantities,
    strip_quantities,
)
from qcy_workstation.precheck.tables import hand_tables_on
from qcy_workstation.precheck.text import add_words, fold, has_cjk, is_cjk, segment, stem_en

COVERED_MIN = 0.75  # share of an element's key terms found literally for `covered`
PARTIAL_MIN = 0.5  # below the bar but enough to ask staff to look
MAX_TEXT = 200_000  # characters: a claim set or a product description longer than a long brochure is an error
NUMERIC_EQUIV_GAP = 0.05  # a value this close outside a plain range is only a candidate equivalent
# meaning layer (cosine of multilingual sentence vectors); fitted on the development sets only
SEM_COVERED = 0.60  # a positive passage this close reads on the element (literal, by meaning)
SEM_SURE = 0.70  # below this a reading by meaning is flagged for review
SEM_EQUIV = 0.48  # this close but not enough for literal: a candidate equivalent, always reviewed
SEM_REVIEW = 0.40  # below SEM_EQUIV but this close: "missing", flagged for review
SEM_NEG_MIN = 0.45  # a negated piece this close to the element may state it absent...
NEG_MARGIN = 0.0  # ...when it is closer than every positive passage by this much
NEG_WORDS_AS = 0.8  # word coverage counted as this much similarity when weighing a negated piece
ABSENT_SURE = 0.25  # a stated absence leading the next element by less than this is flagged for review
ABSENT_COVER = 0.55  # share (idf-weighted) of a negated piece's words that must belong to the element
ABSENT_LEAD = 0.05  # ...and by this much more than to any other element
ABSENT_PRECISION_LEAD = 0.15  # a tie is broken by the share of a feature's own words the piece names
WORD_SIM_ZERO, WORD_SIM_FULL = 0.45, 0.80  # word-vector cosine mapped to 0..0.9 support
SENT_WEIGHT = 0.5  # an element's support: this much sentence meaning, the rest word support

# ---------------------------------------------------------------------------------------------------
# Claim parsing
# ---------------------------------------------------------------------------------------------------

_NUM_LINE = re.compile(r"(?:^|\n)\s*(?:权利要求\s*|claim\s+)?(\d{1,3})\s*[\.．、:：)）]\s*", re.I)
_INLINE_NUM = re.compile(r"(?<=[。.;；])\s*(\d{1,3}\s*[\.．、]\s*)(?=[\u4e00-\u9fffA-Za-z])")
_DEP_ZH = re.compile(
    r"(?:根据|按照|依据|如|依照)\s*(?:上述)?权利要求\s*(\d+)(?:\s*(?:[-~至到或和、,，]|或者)\s*(?:权利要求)?\s*(\d+))*\s*(?:中任[一意]项)?\s*所述的?"
)
_DEP_EN = re.compile(
    r"(?:according to|as claimed in|as defined in|as recited in|as set forth in|as in|of|in)\s+(?:any\s+(?:one\s+)?of\s+)?claims?\s+(\d+)(?:\s*(?:-|to|or|and|,)\s*(\d+))*",
    re.I,
)
_CHAR_ZH = re.compile(r"其特征在于[：:，,]?|其特征是[：:，,]?")
_CHAR_EN = re.compile(r"\bcharacteri[sz]ed\s+in\s+that\b[:,]?|\bcharacteri[sz]ed\s+by\b[:,]?", re.I)
_COMPRISING_EN = re.compile(r"\b(?:comprising|which comprises|comprises|including|consisting of)\b\s*:?", re.I)
_COMPRISING_ZH = re.compile(r"(?:它|其)?(?:至少)?(?:包括|包含|含有|由以下部分组成)(?:以下|如下)?(?:处理)?(?:步骤)?[：:]?")
_WHEREIN_EN = re.compile(r"\bwherein\b[:,]?", re.I)
_CLAIM_SHAPE = re.compile(r"一种|其特征|所述|包括|包含|\b(?:comprising|comprises|wherein|characteri[sz]ed|"
                          r"consisting of|including|claim)\b", re.I)


@dataclass(frozen=True)
class Claim:
    """One claim: its number, dependency, preamble/characterising split and technical features."""

    number: int
    text: str
    depends_on: tuple[int, ...]
    language: str  # zh | en
    subject: str
    preamble: str
    characterising: str
    elements: tuple[str, ...]

    @property
    def independent(self) -> bool:
        return not self.depends_on

    def to_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "text": self.text,
            "independent": self.independent,
            "depends_on": list(self.depends_on),
            "language": self.language,
            "subject": self.subject,
            "preamble": self.preamble,
            "characterising": self.characterising,
            "elements": list(self.elements),
        }


@dataclass(frozen=True)
class ClaimSet:
    claims: tuple[Claim, ...]

    def get(self, number: int) -> Claim:
        for c in self.claims:
            if c.number == number:
                return c
        raise ValidationError(f"claim {number} not found (claims: {[c.number for c in self.claims]})",
                              field="claim", value=number)

    def chain(self, number: int) -> list[Claim]:
        """The claim and the claims it depends on, root first (first parent of multiple dependencies)."""
        seen: list[Claim] = []
        c = self.get(number)
        while True:
            seen.append(c)
            if not c.depends_on or len(seen) > 50:
                break
            parent = c.depends_on[0]
            if parent >= c.number or parent in {s.number for s in seen}:
                break
            c = self.get(parent)
        return list(reversed(seen))

    def dependents_of(self, number: int) -> list[Claim]:
        """Claims depending (directly or not) on ``number``."""
        out: list[Claim] = []
        for c in self.claims:
            if c.number != number and any(x.number == number for x in self.chain(c.number)[:-1]):
                out.append(c)
        return out

    def to_dict(self) -> dict[str, Any]:
        return {"claims": [c.to_dict() for c in self.claims]}


_REF_NUM = re.compile(r"\s*[（(]\s*\d{1,4}[a-zA-Z']?(?:\s*[,，、]\s*\d{1,4}[a-zA-Z']?)*\s*[)）]")


def strip_reference_numerals(text: str) -> str:
    """Drawing reference numerals ("中空部(11)", "a lid (20)") say nothing about the feature."""
    return _REF_NUM.sub("", text)


def _clean_element(e: str, lang: str) -> str:
    prev = None
    while prev != e:
        prev = e
        e = e.strip().strip("。.;；,，:： \n\t")
        if lang == "zh":
            e = re.sub(r"^(?:其中|并且|而且|且|并|以及|和|它|其|至少|包括|包含)[，,：:]?", "", e).strip()
            e = re.sub(r"^(?:以下|如下)?(?:处理)?步骤[：:]?", "", e).strip()
            e = re.sub(r"^(?:[A-Za-z]|\d{1,2}|[一二三四五六七八九十]+|[（(][A-Za-z0-9一二三四五六七八九十]+[)）])[\.．、:：)）]\s*", "", e).strip()
        else:
            e = re.sub(r"^(?:and|wherein|whereby|further|in which|such that|comprising|including)\b[\s,:]*", "", e, flags=re.I).strip()
            e = re.sub(r"^(?:\(?[a-z]\)|[a-z]\.)\s+", "", e, flags=re.I).strip()
    return e


def _split_list_items(text: str, lang: str) -> list[str]:
    """Split 'A、B和C' / 'a X, a Y and a Z' component lists when every item is short."""
    if lang == "zh":
        parts = [p for p in re.split(r"、|以及|和|及|与", text) if p.strip()]
        # "A、B和C" lists of components; without "、" only short items ("上装和下装"), so that a step such
        # as "检测与所述触摸屏的接触" is not cut at 与
        limit = 20 if "、" in text else 8
        if len(parts) > 1 and all(len(p.strip()) <= limit for p in parts):
            return [p.strip() for p in parts]
        return [text]
    parts = [p for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", text) if p.strip()]
    # a list of parts names each with a determiner ("a lid, a base and two legs"); "a platform for receiving
    # and drying the towel" is one part with two verbs, not a list
    det = re.compile(r"^\s*(?:a|an|the|said|one|two|three|four|five|several|at least)\b", re.I)
    if len(parts) > 1 and all(len(p.split()) <= 5 for p in parts) and all(det.match(p) for p in parts[1:]):
        return [p.strip() for p in parts]
    return [text]


def split_elements(text: str, lang: str) -> list[str]:
    """Technical features of a claim body: split on ；/; always, on ，/, when the pieces are substantial."""
    out: list[str] = []
    for chunk in re.split(r"[；;]\s*|\n+", text):
        chunk = chunk.strip()
        if not chunk:
            continue
        if lang == "zh":
            pieces = [p for p in re.split(r"[，,]", chunk) if p.strip()]
            merged: list[str] = []
            for p in pieces:
                if merged and (len(_clean_element(p, lang)) < 5 or re.match(r"^\s*(?:使|以|从而|用以|用于|以便|进而)", p)):
                    merged[-1] = merged[-1] + "，" + p
                else:
                    merged.append(p)
            pieces = merged
        else:
            pieces = re.split(r";\s*|,\s*(?=wherein\b)|,\s*and\s+(?=(?:a|an|the|said)\b)|,\s*(?=(?:the|said)\s+\w+\s+\w+ing\b)"
                              r"|,\s*(?=(?:a|an)\s+\w+(?:\s+\w+)?\s+(?:\w+ing|\w+ed|mounted|having|defining|for|with)\b)",
                              chunk, flags=re.I)
        for p in pieces:
            e = _clean_element(p, lang)
            if not e:
                continue
            listed = re.match(r"^(?:它|其)?由(.+?)(?:等)?(?:部件|部分)?(?:构成|组成)$", e) if lang == "zh" else None
            if listed:
                # "由台阶(1)、砚池(2)…和脚(5)组成": a list of components, each a feature of its own
                out.extend(x for x in (_clean_element(i, lang) for i in _split_list_items(listed.group(1), lang)) if x)
            elif re.match(r"^(?:它|其)?(?:包括|包含)", p.strip()) or re.match(r"^(?:comprising|including)\b", p.strip(), re.I):
                out.extend(x for x in (_clean_element(i, lang) for i in _split_list_items(e, lang)) if x)
            else:
                out.append(e)
    return out


def _parse_one(number: int, text: str) -> Claim:
    body = re.sub(r"\s+", " ", text).strip() if not has_cjk(text) else re.sub(r"\s+", "", text).strip()
    lang = "zh" if has_cjk(body) else "en"
    depends: list[int] = []
    rest = body
    head = body[:160]
    m = (_DEP_ZH if lang == "zh" else _DEP_EN).search(head)
    if m:
        nums = [int(x) for x in re.findall(r"\d+", m.group(0))]
        if re.search(r"[-~至到]|\bto\b", m.group(0)) and len(nums) == 2:
            nums = list(range(nums[0], nums[1] + 1))
        depends = [n for n in nums if n < number]
        if depends:
            # drop the reference and the repeated subject: "根据权利要求1所述的保温杯，" / "The cup of claim 1,"
            after = body[m.end():]
            if lang == "zh":
                after = re.sub(r"^[^，,：:]*?[，,：:]", "", after, count=1) if re.search(r"[，,：:]", after[:40]) else after
            else:
                after = re.sub(r"^[^,]*,\s*", "", after, count=1) if "," in after[:80] else after
            rest = after
    subject, preamble, characterising = "", "", rest
    cm = (_CHAR_ZH if lang == "zh" else _CHAR_EN).search(rest)
    if not depends:
        if cm:
            preamble, characterising = rest[: cm.start()], rest[cm.end():]
        else:
            comp = (_COMPRISING_ZH if lang == "zh" else _COMPRISING_EN).search(rest)
            if comp:
                preamble, characterising = rest[: comp.start()], rest[comp.start():]
            else:
                preamble, characterising = "", rest
        # subject: the title in the preamble ("一种保温杯" / "A fan assembly for ...")
        if lang == "zh":
            sm = re.match(r"^\s*(一种[^，,：:]*|[^，,：:]{1,30})", preamble or rest)
            subject = sm.group(1) if sm else ""
        else:
            comp = _COMPRISING_EN.search(preamble or rest)
            subject = (preamble or rest)[: comp.start()] if comp else (preamble or rest).split(",")[0]
            subject = subject.strip(" ,")
    elif cm:
        characterising = rest[cm.end():]
        preamble = rest[: cm.start()]
    pre_elements: list[str] = []
    if preamble:
        pre_body = preamble[len(subject):] if subject and preamble.startswith(subject) else preamble
        pre_elements = split_elements(pre_body, lang)
    # "包括…" / "comprising …" stays in front so that split_elements recognises the component list
    char_body = characterising
    elements = [e for e in pre_elements + split_elements(char_body, lang)
                if e and e != subject and (_content_tokens(e) or extract_constraints(e))]
    if not elements and body:
        elements = [_clean_element(body, lang)]
    return Claim(number, text.strip(), tuple(depends), lang, subject.strip(), preamble.strip(" ，,"),
                 characterising.strip(" ，,"), tuple(elements))


def claims_text(claims: ClaimSet) -> str:
    """The claim set as numbered text ("1. …\n2. …") that :func:`parse_claims` reads back unchanged."""
    return "\n".join(f"{c.number}. {c.text}" for c in claims.claims)


def parse_claims(text: str) -> ClaimSet:
    """Number and parse a claim set (Chinese or English). Unnumbered text is one claim numbered 1."""
    if not text or not text.strip():
        raise ValidationError("the claim text is empty", field="claims", reason="required")
    t = text.replace("\r\n", "\n").strip()
    t = re.sub(r"^\s*(?:权利要求书|claims|what is claimed is:?|we claim:?|i claim:?)\s*\n", "", t, flags=re.I)
    if len(_NUM_LINE.findall("\n" + t)) <= 1:
        # claims pasted as one line: "1. 一种…。2. 根据权利要求1所述的…" -> one claim per line
        t = _INLINE_NUM.sub(lambda m: "\n" + m.group(1), t)
    marks = list(_NUM_LINE.finditer("\n" + t))
    claims: list[Claim] = []
    if not marks and not _CLAIM_SHAPE.search(t):
        # neither numbered nor worded as a claim ("一种…包括/其特征在于", "A … comprising/wherein"): most likely
        # a product description or another document pasted into the claims field
        raise ValidationError("the claim text has no claim in it (no numbered claim, no “一种…，包括…” or "
                              "“A … comprising …”)", field="claims", reason="patent.no_claim")
    if not marks:
        claims.append(_parse_one(1, t))
    else:
        src = "\n" + t
        lead = src[: marks[0].start()].strip()
        if lead and int(marks[0].group(1)) > 1 and len(lead) >= 6:
            claims.append(_parse_one(int(marks[0].group(1)) - 1, lead))  # the first claim lost its number
        for i, m in enumerate(marks):
            end = marks[i + 1].start() if i + 1 < len(marks) else len(src)
            chunk = src[m.end():end].strip()
            if chunk:
                claims.append(_parse_one(int(m.group(1)), chunk))
    return ClaimSet(tuple(claims))


# ---------------------------------------------------------------------------------------------------
# Term tables
# ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Terms:
    syn: dict[str, int]
    syn_groups: tuple[tuple[str, ...], ...]
    eq: dict[str, int]
    eq_groups: tuple[tuple[str, ...], ...]
    eq_function: tuple[str, ...]
    stop: frozenset[str]
    light: frozenset[int]
    kinds: dict[str, tuple[str, ...]]


def _key(term: str) -> str:
    t = fold(term).strip()
    if not has_cjk(t):
        t = " ".join(stem_en(w) for w in t.split())
    return t


def _terms() -> _Terms:
    """The term tables, or empty ones while the hand tables are switched off (stop words stay: they are
    grammar, not vocabulary of any example)."""
    return _terms_full() if hand_tables_on() else _terms_bare()


@lru_cache(maxsize=1)
def _terms_bare() -> _Terms:
    data = load_data("patent_terms.json")
    stop = frozenset(_key(w) for w in data["stopwords_zh"] + data["stopwords_en"])
    return _Terms({}, (), {}, (), (), stop, frozenset(), {})


@lru_cache(maxsize=1)
def _terms_full() -> _Terms:
    data = load_data("patent_terms.json")
    syn: dict[str, int] = {}
    groups = []
    for gid, g in enumerate(data["synonyms"]):
        keys = tuple(dict.fromkeys(_key(t) for t in g))
        groups.append(keys)
        for k in keys:
            syn.setdefault(k, gid)
    eq: dict[str, int] = {}
    eq_groups, funcs = [], []
    for gid, g in enumerate(data["equivalents"]):
        keys = tuple(dict.fromkeys(_key(t) for t in g["terms"]))
        eq_groups.append(keys)
        funcs.append(g["function"])
        for k in keys:
            eq.setdefault(k, gid)
    add_words([t for g in groups for t in g] + [t for g in eq_groups for t in g])
    stop = frozenset(_key(w) for w in data["stopwords_zh"] + data["stopwords_en"])
    light = frozenset(syn[_key(w)] for w in data.get("light_words", []) if _key(w) in syn)
    kinds = {_key(k): tuple(_key(x) for x in v) for k, v in data.get("kinds", {}).items()}
    add_words([x for v in kinds.values() for x in v] + list(kinds))
    return _Terms(syn, tuple(groups), eq, tuple(eq_groups), tuple(funcs), stop, light, kinds)


_ANTECEDENT = frozenset({"所述", "该", "said", "the", "此"})
_FUNCTION_CHARS = frozenset("内外上下中而由该地的得着了在于与和及或其此各每再若则即并且向到给按将对从把被使以之有为是成多条个种未也")


def _content_tokens(text: str) -> list[str]:
    return [t for t, _, _ in _element_terms(text)[0]]


def _element_terms(text: str) -> tuple[list[tuple[str, bool, float]], dict[str, str]]:
    """Key terms of an element with an 'antecedent' flag (the word after 所述/said/the names something
    already introduced, so it may be found anywhere in the product): segmented, stemmed, stop words and
    numbers removed, compounds of the term table kept whole ('flash memory')."""
    terms = _terms()
    toks: list[str] = []
    ante: list[bool] = []
    light: set[str] = set()
    prev_ante = False
    alt_next = False
    alts: dict[str, str] = {}
    for tok in segment(strip_quantities(text)):
        if not re.search(r"[a-z\u3400-\u9fff]", tok):
            continue
        if tok in _ANTECEDENT:
            prev_ante = True
            continue
        if tok in ("或", "或者", "or") and toks:
            alt_next = True
            continue
        k = tok if is_cjk(tok[0]) else stem_en(tok)
        if k in terms.stop or (len(k) == 1 and not is_cjk(k)):
            continue
        if is_cjk(k[0]) and len(k) == 2 and k not in terms.syn and k not in terms.eq:
            rest = "".join(ch for ch in k if ch not in _FUNCTION_CHARS)
            if not rest:
                continue
            k = rest  # jieba glued a function character on: 内设 -> 设, 壁上 -> 壁
        if not is_cjk(tok[0]) and _en_weight(tok) < 1:
            light.add(k)
        if alt_next and k not in alts.values():
            alts[k] = toks[-1]  # "金属细丝或者金属粉末": either alternative is enough
        alt_next = False
        toks.append(k)
        ante.append(prev_ante)
        prev_ante = False
    flags: dict[str, bool] = {}
    for t, a in zip(toks, ante, strict=True):
        flags.setdefault(t, a)  # "a mesh panel …, the mesh panel having …": introduced here, not earlier
    # join English bigrams that are table terms ("flash memory", "touch screen")
    out: list[str] = []
    i = 0
    while i < len(toks):
        if i + 1 < len(toks) and not is_cjk(toks[i][0]):
            bi = f"{toks[i]} {toks[i + 1]}"
            if bi in terms.syn or bi in terms.eq:
                out.append(bi)
                i += 2
                continue
        out.append(toks[i])
        i += 1
    return [(t, flags.get(t, False), 0.0 if t in alts else _weight(t) * (0.5 if t in light else 1.0)) for t in out], alts


# ---------------------------------------------------------------------------------------------------
# Product side
# ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Passage:
    text: str
    start: int
    end: int
    folded: str
    tokens: frozenset[str]


@dataclass(frozen=True)
class Product:
    """An accused product/process description split into clauses, ready for many comparisons.

    Evidence passages are windows of one to four neighbouring clauses (``windows`` holds clause index
    ranges); terms are matched per clause once and combined per window.
    """

    text: str
    clauses: tuple[_Passage, ...]
    windows: tuple[tuple[int, int], ...]
    whole: _Passage
    # meaning layer: what the product has (positive text of one or two neighbouring clauses) and what it is
    # said not to have or to have replaced (negated pieces), each (text, start, end)
    positives: tuple[tuple[str, int, int], ...] = ()
    negatives: tuple[tuple[str, int, int, str], ...] = ()  # (text, start, end, cue: object|attribute|substitute)

    @property
    def passages(self) -> tuple[_Passage, ...]:
        """Every evidence window as a passage (built on demand; the comparison itself works per clause)."""
        return tuple(self.window(i, j) for i, j in self.windows)

    def window(self, i: int, j: int) -> _Passage:
        s, e = self.clauses[i].start, self.clauses[j].end
        seg = self.text[s:e]
        folded = "".join(c.folded for c in self.clauses[i:j + 1])
        return _Passage(seg.strip(), s, e, folded, frozenset().union(*(c.tokens for c in self.clauses[i:j + 1])))


_NEGATED = re.compile(
    r"(?:不含|不包括|不包含|没有|不设置?|未设置?|无需|不具备|不具有|不提供|不带|不再|无(?![线刷人机纺缝级菌叶尘声损限穷]))[^，,。；;！？!?\n的]{0,10}"
    r"|\b(?:without|no|not|never|lacks?|lacking)\b[^,.;:!?\n]{0,40}"
)


def strip_negated(text: str) -> str:
    """Drop negated stretches ('没有滤网', 'without a filter'): a feature said to be absent is absent.
    Applied to claims and products alike so that '无剩磁' in both still lines up."""
    return _NEGATED.sub(" ", text)


def _variants(tokens: frozenset[str], folded: str) -> frozenset[str]:
    return tokens | frozenset(w for w in re.findall(r"[a-z]+", folded))


def prepare_product(text: str) -> Product:
    """Split the description into clauses and windows of two neighbouring clauses (offsets kept)."""
    if not text or not re.search(r"[0-9A-Za-z\u3400-\u9fff]", text):
        raise ValidationError("the product description is empty", field="product", reason="required")
    clauses: list[tuple[int, int]] = []
    for m in re.finditer(r"[^。；;！？!?\n，,]+[。；;！？!?，,]?", text):
        s, e = m.span()
        seg = text[s:e]
        if seg.strip(" \t。；;！？!?，,"):
            lead = len(seg) - len(seg.lstrip())
            clauses.append((s + lead, e))
    # English sentences: split on ". " too
    refined: list[tuple[int, int]] = []
    for s, e in clauses:
        last = s
        for m in re.finditer(r"\.\s+(?=[A-Za-z])", text[s:e]):
            refined.append((last, s + m.end()))
            last = s + m.end()
        refined.append((last, e))
    spans = [(s, e) for s, e in refined if text[s:e].strip()]
    clause_ps = []
    for s, e in spans:
        seg = text[s:e]
        folded = strip_negated(fold(seg))
        clause_ps.append(_Passage(seg.strip(), s, e, folded, _variants(frozenset(_content_tokens(folded)), folded)))
    windows = [(i, min(i + w, len(spans) - 1)) for w in range(4) for i in range(len(spans) - w)]
    folded = strip_negated(fold(text))
    whole = _Passage(text, 0, len(text), folded, _variants(frozenset(_content_tokens(folded)), folded))
    positives, negatives = _meaning_units(text, spans)
    if not clause_ps:
        return Product(text, (whole,), ((0, 0),), whole, positives, negatives)
    return Product(text, tuple(clause_ps), tuple(windows), whole, positives, negatives)


def _meaning_units(text: str, spans: list[tuple[int, int]]) -> tuple[tuple[tuple[str, int, int], ...],
                                                                      tuple[tuple[str, int, int, str], ...]]:
    """Positive text of each clause and of each pair of neighbouring clauses (a feature is often told in
    two: "盖子上开了个小孔，用来透气"), and the negated pieces, for the meaning layer."""
    pos: list[tuple[str, int, int]] = []
    neg: list[tuple[str, int, int, str]] = []
    per: list[tuple[str, int, int]] = []
    carry = ""  # the cue of a denial that ended its clause on a comma ("with no holes,")
    for s, e in spans or [(0, len(text))]:
        if carry and list_continuation(text[s:e]):
            # "…with no holes, | slots or mesh, | so …": the rest of the list is denied as well
            per.append(("", s, e))
            neg.append((text[s:e].strip(" ，,。；;:：、."), s, e, carry))
            continue
        pieces = split_polarity(text[s:e], s)
        ptxt = "".join(p.text for p in pieces if p.positive).strip(" ，,。；;:：、.")
        per.append((ptxt, s, e))
        neg.extend((p.text.strip(" ，,。；;:：、."), p.start, p.end, p.cue) for p in pieces
                   if not p.positive and len(p.text.strip()) >= 2)
        tail = pieces[-1] if pieces else None
        carry = tail.cue if tail is not None and not tail.positive and text[s:e].rstrip().endswith(",") else ""
    for i, (t, s, e) in enumerate(per):
        if t:
            pos.append((t, s, e))
        if i + 1 < len(per) and t and per[i + 1][0]:
            sep = "，" if re.search(r"[\u3400-\u9fff]", t) else ", "
            pos.append((t + sep + per[i + 1][0], s, per[i + 1][2]))
    return tuple(pos), tuple(neg)


# ---------------------------------------------------------------------------------------------------
# Element comparison
# ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ElementResult:
    """One row of the claim chart."""

    index: int
    element: str
    origin_claim: int
    status: str  # covered | equivalent | missing | unclear (no counterpart found, nothing contradicts it)
    score: int
    evidence: str
    evidence_start: int
    evidence_end: int
    matched_terms: tuple[str, ...]
    equivalent_terms: tuple[str, ...]
    missing_terms: tuple[str, ...]
    note: str
    needs_review: bool
    note_en: str = ""
    meaning: int = -1  # best cosine x 100 of the element with a positive passage (-1: layer off)
    basis: str = "words"  # words | meaning | numbers | count | stated_absent | stated_replaced | contradicted | substituted | not_found | staff
    candidates: tuple[tuple[str, int, int, int], ...] = ()  # two best passages (text, start, end, score)
    engine_status: str = ""  # the engine's own reading when staff overrode it

    def to_dict(self) -> dict[str, Any]:
        return {
            "meaning": self.meaning,
            "basis": self.basis,
            "candidates": [{"text": t, "start": a, "end": b, "score": sc} for t, a, b, sc in self.candidates],
            "engine_status": self.engine_status,
            "index": self.index,
            "element": self.element,
            "origin_claim": self.origin_claim,
            "status": self.status,
            "score": self.score,
            "evidence": self.evidence,
            "evidence_start": self.evidence_start,
            "evidence_end": self.evidence_end,
            "matched_terms": list(self.matched_terms),
            "equivalent_terms": list(self.equivalent_terms),
            "missing_terms": list(self.missing_terms),
            "note": self.note,
            "note_en": self.note_en,
            "needs_review": self.needs_review,
        }


def _present(term: str, p: _Passage) -> bool:
    if term in p.tokens:
        return True
    if is_cjk(term[0]) or has_cjk(term):  # 无线通信模块, 4g通信模组: plain substring
        return len(term) >= 2 and term in p.folded
    return bool(re.search(rf"(?<![a-z0-9]){re.escape(term)}", p.folded))


def _match_term(term: str, p: _Passage) -> tuple[str, str]:
    """('literal'|'equivalent'|'', the product word that matched)."""
    terms = _terms()
    if _present(term, p):
        return "literal", term
    gid = terms.syn.get(term)
    if gid is not None:
        for other in terms.syn_groups[gid]:
            if other == term:
                continue
            short_cjk = is_cjk(other[0]) and len(other) < 2
            if (other in p.tokens) if short_cjk else _present(other, p):
                return "literal", other
    # a generic claim word reads on a specific product word (加热器 -> 电热管)
    for g in {term} | ({x for x in terms.syn_groups[gid]} if gid is not None else set()):
        for kind in terms.kinds.get(g, ()):
            if _present(kind, p):
                return "literal", kind
    # compound Chinese words: 金属网膜 vs 金属 + 网膜 (all parts literal -> literal, else equivalent)
    if is_cjk(term[0]) and len(term) >= 4:
        halves = (term[: len(term) // 2], term[len(term) // 2:])
        kinds_found = [_match_term(h, p) for h in halves]
        if all(k == "literal" for k, _ in kinds_found):
            return "literal", term
        if all(k for k, _ in kinds_found):
            return "equivalent", "".join(w for _, w in kinds_found)
    if not is_cjk(term[0]) and len(term) >= 5:
        for tok in p.tokens:
            if not is_cjk(tok[0]) and fuzz.ratio(term, tok) >= 88:
                return "literal", tok
    eid = terms.eq.get(term)
    if eid is None and gid is not None:
        for other in terms.syn_groups[gid]:
            if other in terms.eq:
                eid = terms.eq[other]
                break
    if eid is not None:
        for other in terms.eq_groups[eid]:
            if other != term and _present(other, p):
                return "equivalent", other
    return "", ""


def _weight(term: str) -> float:
    terms = _terms()
    if terms.syn.get(term, -1) in terms.light:
        return 0.3  # 设有 / 连接-type words say little on their own
    if is_cjk(term[0]):
        return 0.5 if len(term) == 1 else 1.0
    return 1.0 if len(term) > 2 else 0.5


def _en_weight(original: str) -> float:
    """English participles and gerunds describe function more than structure: half weight."""
    return 0.5 if re.search(r"(?:ing|ed)$", original) and len(original) > 5 else 1.0


def _check_numbers(cons: list[Constraint], passage: _Passage, product: Product) -> tuple[str, str, str, list[str]]:
    """('ok'|'equivalent'|'outside'|'absent', note zh, note en, cited keys) for an element's numbers."""
    if not cons:
        return "ok", "", "", []
    worst = "ok"
    notes: list[str] = []
    notes_en: list[str] = []
    keys: list[str] = []
    order = {"ok": 0, "equivalent": 1, "absent": 2, "outside": 3}
    for c in cons:
        cands = [q for q in extract_quantities(passage.text) if q.dimension == c.dimension]
        if not cands:
            cands = [q for q in extract_quantities(product.text) if q.dimension == c.dimension]
        if not cands:
            state, note = "absent", f"产品描述未给出与“{c.text}”对应的数值"
            note_en = f"the description states no value for '{c.text}'"
        elif any(c.contains(q.low, q.high) for q in cands):
            q = next(q for q in cands if c.contains(q.low, q.high))
            state, note = "ok", f"数值“{q.text}”落入“{c.text}”"
            note_en = f"'{q.text}' lies within '{c.text}'"
        else:
            q = min(cands, key=lambda q: c.relative_gap(q.low, q.high))
            gap = c.relative_gap(q.low, q.high)
            if c.limit_word:
                state = "outside"
                note = (f"数值“{q.text}”不在“{c.text}”之内；该特征以“至少/不超过”类用语限定，不适用等同"
                        "（最高人民法院专利解释（二）第12条）")
                note_en = (f"'{q.text}' is outside '{c.text}'; a limit worded 'at least / not more than' gets no "
                           "equivalents (SPC Interpretation II Art. 12)")
                keys.append("spc_patent_interp2_art12")
            elif gap <= NUMERIC_EQUIV_GAP:
                state = "equivalent"
                note = f"数值“{q.text}”略超出“{c.text}”（{gap:.0%}），数值特征的等同需专家判断"
                note_en = f"'{q.text}' is just outside '{c.text}' ({gap:.0%}); equivalence of a numerical feature needs an expert"
                keys.append("spc_patent_provisions_2020_art13")
            elif c.low == c.high:
                # one value, no range and no limit word ("a height of 3 mm"): how exact the claim means it is
                # a question of construction, so the difference is for staff to weigh, not a finding
                state, note = "absent", f"数值“{q.text}”与“{c.text}”不同；单一数值的解释需核实"
                note_en = f"'{q.text}' differs from '{c.text}'; how exactly a single value is meant needs checking"
            else:
                state, note = "outside", f"数值“{q.text}”不在“{c.text}”之内"
                note_en = f"'{q.text}' is outside '{c.text}'"
        notes.append(note)
        notes_en.append(note_en)
        if order[state] > order[worst]:
            worst = state
    return worst, "；".join(notes), "; ".join(notes_en), keys


def compare_element(
    element: str, product: Product, *, index: int = 1, origin_claim: int = 1, subject: str = "",
    denied: tuple[str, int, int, float, bool] | None = None, claim_text: str = "",
) -> tuple[ElementResult, list[str]]:
    """Classify one element against the product; returns the chart row and the citation keys it used.

    Words of the claim's subject (墨盒 in 一种墨盒) were introduced in the preamble, so like 所述 terms
    they may be found anywhere in the product description.
    """
    context = set(_content_tokens(subject)) if subject else set()
    element_shown = element
    element = strip_reference_numerals(element)
    triples, alts = _element_terms(strip_negated(fold(element)))
    toks = list(dict.fromkeys(t for t, _, _ in triples))
    ante = {t for t, a, _ in triples if a}
    wt = {t: w for t, _, w in triples}
    cons = extract_constraints(element)
    el_fold = fold(element)
    best: tuple[float, float, float, int] | None = None
    best_p: _Passage | None = None
    best_detail: tuple[list[str], list[str], list[str]] = ([], [], [])
    total = sum(wt[t] for t in toks) or 1.0
    rank = {"literal": 2, "equivalent": 1, "": 0}
    # terms introduced earlier (所述…, the claim's subject) may be found anywhere in the product
    anywhere = {t: _match_term(t, product.whole) for t in toks if t in ante or t in context}
    per_clause: list[dict[str, tuple[str, str]]] = []
    for p in product.clauses:
        kinds: dict[str, tuple[str, str]] = {}
        for t in toks:
            kind, word = _match_term(t, p)
            if not kind and t in anywhere:
                kind, word = anywhere[t]
            kinds[t] = (kind, word)
        # segmentation quirks: two missing neighbours that appear glued together (扰 + 流筋 = 扰流筋)
        for a, b in zip(toks, toks[1:], strict=False):
            if not kinds[a][0] and not kinds[b][0] and is_cjk(a[0]) and is_cjk(b[0]) and (a + b) in p.folded:
                kinds[a] = kinds[b] = ("literal", a + b)
        per_clause.append(kinds)
    for i, j in product.windows:
        kinds = dict(per_clause[i])
        for k in range(i + 1, j + 1):
            for t, kw in per_clause[k].items():
                if rank[kw[0]] > rank[kinds[t][0]]:
                    kinds[t] = kw
        for alt, base in alts.items():  # either alternative is enough: take the better of the two
            if alt in kinds and base in kinds and rank[kinds[alt][0]] > rank[kinds[base][0]]:
                kinds[base] = kinds[alt]
            if alt in kinds:
                kinds[alt] = kinds.get(base, kinds[alt])
        wl = sum(wt[t] for t in toks if kinds[t][0] == "literal")
        we = sum(wt[t] for t in toks if kinds[t][0] == "equivalent")
        cov_all = (wl + we) / total
        head = (round(cov_all, 3), round(wl / total, 3))
        if best is not None and head < best[:2]:
            continue
        p = product.window(i, j)
        fz = fuzz.partial_ratio(el_fold, p.folded) / 100.0 if toks else 0.0
        key = (head[0], head[1], fz, -len(p.text))
        if best is None or key > best:
            lit = [t for t in toks if kinds[t][0] == "literal"]
            eqv = [f"{t}→{kinds[t][1]}" for t in toks if kinds[t][0] == "equivalent"]
            miss = [t for t in toks if not kinds[t][0]]
            best, best_p, best_detail = key, p, (lit, eqv, miss)
    assert best is not None and best_p is not None
    lit, eqv, miss = best_detail
    cov_lit = sum(wt[t] for t in lit) / total if toks else 0.0
    cov_all = best[0] if toks else 0.0
    num_state, num_note, num_note_en, keys = _check_numbers(cons, best_p, product)
    if not toks and cons:
        cov_lit = cov_all = 1.0  # a purely numerical element: the numbers decide
    needs_review = False
    notes: list[str] = []
    notes_en: list[str] = []
    substituted = any(wt.get(e.split("→")[0], 0) >= 0.5 for e in eqv)
    mean = _meaning(element, product, triples, cov_all)
    if denied is not None:
        mean = replace(mean, absent=True, absent_text=denied[0], absent_start=denied[1], absent_end=denied[2],
                       absent_margin=denied[3])
    basis = "words"
    against = _contrasted(element, mean, best_p, cov_all, product.text, claim_text) if denied is None and not mean.absent else None
    counted = counts.count_conflict(element, product.text, claim_text) if denied is None and not mean.absent else None
    if denied is not None and denied[4] and num_state != "outside":
        # "没有X，而是Y" / "Y instead of X": the claimed means is not used, something else is in its place.
        # Whether that is an equivalent (same means, function, effect; obvious) is for staff to judge.
        status = "equivalent"
        basis = "stated_replaced"
        needs_review = True
        best_p = _Passage(denied[0], denied[1], denied[2], "", frozenset())
        keys.append("spc_patent_provisions_2020_art13")
        notes.append(f"产品描述称该特征未采用而以他物替代：“{denied[0]}”。替代手段是否以基本相同的手段实现基本相同的功能、"
                     "达到基本相同的效果，且无需创造性劳动即可想到，须由工作人员判断；如否，则不落入保护范围")
        notes_en.append(f"the description says this feature is not used and something else takes its place: "
                        f"'{denied[0]}'. Whether the substitute is an equivalent (same means, function, effect; "
                        "obvious) is for staff to judge; if not, the product is outside the scope")
    elif mean.absent and num_state not in ("outside",):
        # the description says this feature is not there, or was replaced
        status = "missing"
        basis = "stated_absent"
        needs_review = mean.absent_margin < ABSENT_SURE
        notes.append(f"产品描述称该特征不具备或已被替换：“{mean.absent_text}”")
        notes_en.append(f"the description states this feature is absent or replaced: '{mean.absent_text}'")
    elif counted is not None and num_state != "outside":
        # "three slim tines" for "four wide teeth": another count of the part, told positively. A count
        # limits the claim like a number (all-elements rule); the pairing of the nouns can be wrong, so
        # the reading is always for staff to confirm
        status, basis, needs_review = "missing", "count", True
        pc = counted.product
        best_p = _Passage(product.text[pc.start:pc.end], pc.start, pc.end, "", frozenset())
        notes.append(f"权利要求限定“{counted.claim.text}”（{counted.claim.n}），产品描述称“{pc.text}”（{pc.n}）：数量不同，"
                     "该特征不相同；两处是否指同一部件，请工作人员核对")
        notes_en.append(f"the claim says '{counted.claim.text}' ({counted.claim.n}), the description '{pc.text}' "
                        f"({pc.n}): another count, not the same feature; staff to confirm both name the same part")
    elif against is not None and num_state != "outside":
        con, (ct, ca, cb) = against
        needs_review = True
        best_p = _Passage(ct, ca, cb, "", frozenset())
        keys.append("spc_patent_provisions_2020_art13")
        if con.kind == "opposite":
            # the passage says the part the other way round ("a raised cap" for a concave lid): not the same
            # feature. Whether the reversal keeps the function (a post on the front face instead of the rear)
            # or defeats it (a domed lid where the claim needs a recess) the words do not tell: the engine
            # proposes an equivalent, always for review, rather than a confident "not infringing"
            status, basis = "equivalent", "contradicted"
            notes.append(f"产品描述就该部件称“{con.product_word}”，与权利要求的“{con.claim_word}”相反：“{ct}”。该特征不相同；"
                         "如替代方式以基本相同的手段实现基本相同的功能、达到基本相同的效果且显而易见，则为等同，否则不落入保护范围，"
                         "须由工作人员判断")
            notes_en.append(f"the description says '{con.product_word}' of this part where the claim says "
                            f"'{con.claim_word}': '{ct}'. Not the same feature; an equivalent only if it is basically "
                            "the same means, function and effect and obvious, otherwise outside the scope: staff to judge")
        else:
            # another shape or material of the same class: a substituted means, a candidate equivalent
            status, basis = "equivalent", "substituted"
            notes.append(f"产品以“{con.product_word}”代替权利要求的“{con.claim_word}”：“{ct}”。请确认是否以基本相同的手段"
                         "实现基本相同的功能、达到基本相同的效果，且无需创造性劳动即可想到")
            notes_en.append(f"the product has '{con.product_word}' where the claim says '{con.claim_word}': '{ct}'. "
                            "Confirm basically the same means, function and effect, obvious without creative work")
    elif cov_lit >= COVERED_MIN and num_state == "ok" and not substituted:
        status = "covered"
    elif mean.score >= SEM_COVERED and num_state == "ok" and not substituted:
        status = "covered"
        basis = "meaning"
        best_p = _Passage(mean.best_text, mean.best_start, mean.best_end, "", frozenset())
        needs_review = mean.score < SEM_SURE
        notes.append("用语不同，依语义对应" + ("；请核对" if needs_review else ""))
        notes_en.append("different words, matched by meaning" + ("; please check" if needs_review else ""))
    elif mean.score >= SEM_EQUIV and num_state == "ok" and cov_all < COVERED_MIN and not substituted:
        # related wording, nothing said to be absent or replaced: most likely the same feature in lay words
        status = "covered"
        basis = "meaning"
        needs_review = True
        best_p = _Passage(mean.best_text, mean.best_start, mean.best_end, "", frozenset())
        notes.append(f"用语差别较大，初步判读产品以“{mean.best_text}”具备该特征，请核对")
        notes_en.append(f"worded quite differently: read as present in '{mean.best_text}'; please check")
    elif cov_all >= COVERED_MIN and num_state in ("ok", "equivalent"):
        status = "equivalent"
        needs_review = True
        keys.append("spc_patent_provisions_2020_art13")
        if eqv:
            notes.append("替换手段：" + "、".join(eqv) + "；请确认是否以基本相同的手段实现基本相同的功能、达到基本相同的效果，且无需创造性劳动即可想到")
            notes_en.append("substituted: " + ", ".join(eqv) + "; confirm basically the same means, function and effect, "
                            "obvious without creative work")
    elif num_state == "outside":
        # numbers outside the claimed range
        status = "missing"
        basis = "numbers"
        if cov_all >= COVERED_MIN or mean.score >= SEM_EQUIV:
            notes.append("文字特征有对应，但数值特征不满足")
            notes_en.append("the words match but the numerical feature is not met")
    else:
        # nothing supports the feature and nothing contradicts it: the description is silent or says it in
        # words the engine cannot place. Not a finding of absence: staff check.
        status = "unclear"
        basis = "not_found"
        needs_review = True
        if mean.best_text:
            best_p = _Passage(mean.best_text, mean.best_start, mean.best_end, "", frozenset())
        if num_state == "absent" and (cov_all >= COVERED_MIN or mean.score >= SEM_EQUIV):
            notes.append("文字特征有对应，但产品描述未给出相应数值，需核实")
            notes_en.append("the words match but the description gives no value: to be checked")
        else:
            notes.append("产品描述中未见该特征的明确对应，需核实产品是否具备（如不具备，则不落入保护范围）")
            notes_en.append("no clear counterpart in the description: check whether the product has it (if not, "
                            "it is outside the scope)")
    if num_note:
        notes.insert(0, num_note)
        notes_en.insert(0, num_note_en)
    score = round(100 * (cov_lit + 0.85 * (cov_all - cov_lit)))
    if mean.score >= 0:
        score = min(score, round(100 * mean.score)) if status == "missing" else max(score, round(100 * mean.score))
    if num_state in ("outside", "absent"):
        score = min(score, 40)
    elif num_state == "equivalent":
        score = min(score, 70)
    row = ElementResult(
        index=index, element=element_shown, origin_claim=origin_claim, status=status, score=int(score),
        evidence=best_p.text if cov_all > 0 or num_state == "ok" and cons else "",
        evidence_start=best_p.start if cov_all > 0 else -1, evidence_end=best_p.end if cov_all > 0 else -1,
        matched_terms=tuple(lit), equivalent_terms=tuple(eqv), missing_terms=tuple(miss),
        note="；".join(notes), note_en="; ".join(notes_en), needs_review=needs_review,
        meaning=round(100 * mean.score) if mean.score >= 0 else -1, basis=basis, candidates=mean.candidates,
    )
    if basis in ("meaning", "stated_absent"):
        row = replace(row, evidence=best_p.text if basis == "meaning" else mean.absent_text,
                      evidence_start=best_p.start if basis == "meaning" else mean.absent_start,
                      evidence_end=best_p.end if basis == "meaning" else mean.absent_end)
    return row, keys


CONTRAST_ABOUT = 0.48  # a passage this close to the feature (meaning) is about its part


def _contrasted(element: str, mean: _Meaning, best_p: _Passage, cov_all: float, whole: str, claim: str
                ) -> tuple[contrasts.Contrast, tuple[str, int, int]] | None:
    """A contradiction between the feature and a passage about it (:mod:`contrasts`): the two best passages
    by meaning, and the best window by words."""
    el = _element_for_meaning(strip_reference_numerals(element))
    cands = [(t, a, b) for t, a, b, sc in mean.candidates if sc >= 100 * CONTRAST_ABOUT]
    if cov_all >= PARTIAL_MIN and best_p.text:
        cands.append((best_p.text, best_p.start, best_p.end))
    for t, a, b in cands:
        con = contrasts.contrast(el, t, whole, claim)
        if con is not None:
            return con, (t, a, b)
    return None


@dataclass(frozen=True)
class _Meaning:
    score: float  # best similarity with a positive passage (max of meaning and words); -1: layer off
    best_text: str
    best_start: int
    best_end: int
    absent: bool
    absent_text: str
    absent_start: int
    absent_end: int
    absent_margin: float
    candidates: tuple[tuple[str, int, int, int], ...]


_TRACE: list[tuple[str, float, float, str]] | None = None  # evaluation only: (element, pos, neg, piece)
_NO_MEANING = _Meaning(-1.0, "", -1, -1, False, "", -1, -1, 0.0, ())


def _element_for_meaning(element: str) -> str:
    t = re.sub(r"所述的?|该|上述的?|\bsaid\b|\bthe\b", "", element, flags=re.I)
    return re.sub(r"\s+", " ", t).strip(" ，,;；")


def _neg_cover(triples: list[tuple[str, bool, float]], text: str) -> float:
    """Share (by weight) of the element's words found in a negated piece."""
    if not triples:
        return 0.0
    folded = fold(text)
    p = _Passage(text, 0, len(text), folded, _variants(frozenset(_content_tokens(folded)), folded))
    total = sum(w for _, _, w in triples) or 1.0
    return sum(w for t, _, w in triples if _match_term(t, p)[0]) / total


_CUE_WORDS = re.compile(
    r"没有任何|没有|并无|毫无|无需|无须|不需要?|不用|不含|不包括|不包含|不带|不设置?|不配备?|不具备|不具有|不提供|不采用|"
    r"不使用|未设置?|未采用|未使用|未配备?|未安装|不再|去掉了?|去除了?|取消了?|省去了?|省掉了?|免去了?|并非|不是|不能|"
    r"不会|不可|无法|任何|无|代替|取代|替代|替换|换掉|而不是|而非|"
    r"\b(?:without|no|not|never|none|nor|neither|nothing|lacks?|lacking|free of|devoid of|absent|any|anywhere|at all|"
    r"instead of|rather than|in place of|does ?n[o']t|doesn't|isn't|aren't|won't|cannot|can't|there is|there are)\b",
    re.I)


def stated_absent(elements: list[str], product: Product) -> dict[int, tuple[str, int, int, float, bool]]:
    """Which elements the description says are absent or replaced: each negated piece ("没有任何隔热层",
    "no ball joints", "nothing dips below the rim") is read against every element of the claim; the words it
    negates must belong to one element more than to the others (words shared by every element, such as the
    claim's subject, say little). Returns {element position: (piece, start, end, strength, replaced)};
    ``replaced``: the sentence names something in the feature's place (a candidate equivalent)."""
    if not product.negatives or not elements:
        return {}
    import math

    els = [strip_reference_numerals(e) for e in elements]
    # the words each element introduces: "所述隔热层环设在…" refers back to the layer another element
    # introduced, so a denial of the layer belongs to that other element
    el_toks = []
    for e in els:
        triples, _ = _element_terms(strip_negated(fold(e)))
        own = tuple(dict.fromkeys(t for t, ante, w in triples if not ante and w > 0))
        el_toks.append(own or _unit_tokens(e))
    # what each element introduces, as the text to find words in (Chinese words joined as written)
    els = ["".join(t if is_cjk(t[0]) else f" {t} " for t in ts).strip() for ts in el_toks]
    n = len(els)
    out: dict[int, tuple[str, int, int, float, bool]] = {}
    vec_words: list[str] = []
    pieces = []
    for text, a, b, cue in product.negatives:
        core = _CUE_WORDS.sub(" ", text)
        words = _unit_tokens(core)
        if words:
            pieces.append((text, a, b, cue, words))
            vec_words += list(words)
    if not pieces:
        return {}
    vecs: dict[str, Any] = {}
    if semantic.available():
        allw = list(dict.fromkeys(vec_words + [t for ts in el_toks for t in ts]))
        vecs = dict(zip(allw, semantic.embed(allw), strict=True))
    for text, a, b, cue, words in pieces:
        scores = []
        # how specific each negated word is to one element: elements holding the same word (or, across
        # languages, a translation of it) share it
        df: list[int] = []
        for w in words:
            cross = is_cjk(w[0]) != any(is_cjk(t[0]) for ts in el_toks for t in ts[:1])
            if cross:
                df.append(sum(_term_support(w, e, ts, vecs, vecs.get(w)) >= 0.85 for e, ts in zip(els, el_toks, strict=True)))
            else:
                df.append(sum(any(_word_alike(w, t, vecs) for t in ts) for ts in el_toks))
        for i, (e, ts) in enumerate(zip(els, el_toks, strict=True)):
            num = den = 0.0
            specific = 0.0
            for w, ref in zip(words, df, strict=True):
                # a word no feature holds says nothing about which feature is denied: half the weight of
                # a word one feature holds
                idf = math.log((n + 1) / (ref + 1)) + 0.2 if ref else 0.5 * (math.log((n + 1) / 2) + 0.2)
                sup = _term_support(w, e, ts, vecs, vecs.get(w))
                num += idf * sup
                den += idf
                if sup >= 0.85 and ref and ref < n:
                    specific = max(specific, sup)
            scores.append((num / den if den else 0.0, specific, i))
        scores.sort(reverse=True)
        cov, specific, i = scores[0]
        second = scores[1][0] if len(scores) > 1 else 0.0
        if len(scores) > 1 and cov - second < ABSENT_LEAD and cov >= ABSENT_COVER and specific:
            # the denied words belong equally to two features ("不是PLA材料" against "PLA筷腔" and "PLA筷腔中空"):
            # the denial is about the feature it says the most of, the one with the larger share of its own
            # words denied
            tied = [sc for sc in scores if cov - sc[0] < ABSENT_LEAD and sc[1]]
            prec = sorted(((_precision(words, els[k], el_toks[k], vecs), k) for _, _, k in tied), reverse=True)
            if len(prec) > 1 and prec[0][0] - prec[1][0] >= ABSENT_PRECISION_LEAD:
                i = prec[0][1]
                second = cov - ABSENT_LEAD  # decided by the tie-break, at the weakest lead (flagged for review)
        if cov >= ABSENT_COVER and specific and cov - second >= ABSENT_LEAD and (i not in out or out[i][3] < cov):
            # "not formed by folding", "not removable": the part is there, made or working another way; with
            # a substitute named in the sentence, something else takes its place: both are for staff to
            # weigh as possible equivalents. "没有X", "no X": the part is not there.
            replaced = cue in ("attribute", "substitute") or replaced_in_sentence(product.text, a, b)
            out[i] = (text.strip(" ，,。；;:：、."), a, b, cov - second, replaced)
    return out


def _precision(words: tuple[str, ...], el: str, el_toks: tuple[str, ...], vecs: dict[str, Any]) -> float:
    """Share of a feature's own words that a denied piece names."""
    if not el_toks:
        return 0.0
    wt = tuple(words)
    return sum(_term_support(t, " ".join(wt), wt, vecs, vecs.get(t)) >= 0.85 for t in el_toks) / len(el_toks)


def _word_alike(a: str, b: str, vecs: dict[str, Any]) -> bool:
    if a == b:
        return True
    if a in vecs and b in vecs:
        return float(vecs[a] @ vecs[b]) >= WORD_SIM_FULL
    return False


@lru_cache(maxsize=256)
def _unit_tokens(text: str) -> tuple[str, ...]:
    """Content words of a meaning unit (segmented, stemmed, no stop words)."""
    return tuple(dict.fromkeys(_content_tokens(fold(text))))


def _term_support(term: str, unit: str, toks: tuple[str, ...], tok_vecs: dict[str, Any],
                  term_vec: Any) -> float:
    """How well one claim word is present in a passage, 0..1: the same word or a table synonym (1), a
    CC-CEDICT near-synonym or translation (0.9), a word close in meaning (up to 0.9), a Chinese compound
    sharing its head character (0.6)."""
    folded = fold(unit)
    p = _Passage(unit, 0, len(unit), folded, _variants(frozenset(toks), folded))
    kind, _ = _match_term(term, p)
    if kind == "literal":
        return 1.0
    best = 0.85 if kind == "equivalent" else 0.0
    cjk = is_cjk(term[0])
    if cjk:
        heads = _english_heads(term)
        for tok in toks:
            if is_cjk(tok[0]):
                if lexicon.near_synonyms(term, tok):
                    return 0.9
                if len(term) >= 2 and len(tok) >= 2 and term[-1] == tok[-1] and (term[0] in tok or tok[0] in term):
                    best = max(best, 0.6)  # 透气孔 / 小孔: the same head character
                elif len(term) == 2 and len(tok) == 2 and set(term) & set(tok):
                    best = max(best, 0.45)  # 锯齿 / 钢锯: one character in common
            elif tok in heads:
                return 0.9
    else:
        zh = lexicon.chinese_for(term)
        if zh and any(tok in zh for tok in toks):
            return 0.9
        if term in _cjk_heads(folded) or stem_en(term) in _cjk_heads(folded):
            return 0.9  # "breath" for 透气 inside 设有透气孔
        if zh and any(len(w) >= 2 and w in folded for w in zh):
            best = max(best, 0.8)  # "hole" -> 孔洞 inside 透气孔洞
        elif zh and any(w in folded for w in zh):
            best = max(best, 0.6)  # a one-character gloss (孔) inside a compound
    if term_vec is not None and toks:
        sim = max(float(term_vec @ tok_vecs[t]) for t in toks)
        best = max(best, min(0.9, max(0.0, (sim - WORD_SIM_ZERO) / (WORD_SIM_FULL - WORD_SIM_ZERO)) * 0.9))
    return best


@lru_cache(maxsize=4096)
def _cjk_heads(text: str) -> frozenset[str]:
    """English heads of every two- and three-character stretch of the Chinese in a text."""
    out: set[str] = set()
    for run in re.findall(r"[\u3400-\u9fff]+", text):
        for n in (2, 3):
            for i in range(len(run) - n + 1):
                hs = lexicon.english_for(run[i:i + n])
                out |= hs | {stem_en(h) for h in hs}
    return frozenset(out)


@lru_cache(maxsize=8192)
def _english_heads(term: str) -> frozenset[str]:
    """English head words for a Chinese term; a compound CC-CEDICT lacks (透气孔) through its parts (透气,
    气孔), stemmed like the English side."""
    heads = set(lexicon.english_for(term))
    if not heads and len(term) >= 3:
        for i in range(len(term) - 1):
            heads |= lexicon.english_for(term[i:i + 2])
    return frozenset(heads | {stem_en(h) for h in heads})


def _soft_cover(triples: list[tuple[str, bool, float]], units: list[str], *, whole: str = "") -> list[float]:
    """Weighted share of the element's words present in each unit, by word, dictionary and meaning.

    Words introduced earlier in the claim (所述 X, the claim's subject) count as present wherever the
    product has them (``whole``); without ``whole`` they are left out (a negated piece is weighed on what
    the element adds)."""
    ante = {t for t, a, _ in triples if a}
    terms = [(t, w) for t, a, w in triples if w > 0 and (whole or not a)]
    if not terms or not units:
        return [0.0] * len(units)
    toks = [_unit_tokens(u) for u in units]
    vecs: dict[str, Any] = {}
    tvecs: dict[str, Any] = {}
    if semantic.available():
        allw = list(dict.fromkeys([t for ts in toks for t in ts]))
        ev = semantic.embed(allw + [t for t, _ in terms])
        vecs = dict(zip(allw, ev[: len(allw)], strict=True))
        tvecs = {t: ev[len(allw) + i] for i, (t, _) in enumerate(terms)}
    total = sum(w for _, w in terms)
    anywhere: dict[str, float] = {}
    if whole and ante:
        wt = _unit_tokens(whole)
        if semantic.available():
            for t, v in zip(wt, semantic.embed(list(wt)), strict=True):
                vecs.setdefault(t, v)
        anywhere = {t: _term_support(t, whole, wt, vecs, tvecs.get(t)) for t, _ in terms if t in ante}
    out = []
    for u, ts in zip(units, toks, strict=True):
        out.append(sum(w * max(_term_support(t, u, ts, vecs, tvecs.get(t)), anywhere.get(t, 0.0))
                       for t, w in terms) / total)
    return out


def _new_part(element: str, triples: list[tuple[str, bool, float]]) -> str:
    """The element without the words it takes from earlier features: what it adds (上设有透气孔)."""
    out = element
    for t, a, _ in triples:
        if a and is_cjk(t[0]):
            out = out.replace(t, "")
        elif a:
            out = re.sub(rf"\b{re.escape(t)}\w*", "", out, flags=re.I)
    out = _element_for_meaning(out)
    return out if len(out) >= 2 else _element_for_meaning(element)


def _meaning(element: str, product: Product, triples: list[tuple[str, bool, float]], cov_words: float) -> _Meaning:
    """The meaning layer's reading of one element: its best positive passage and whether the description
    states it to be absent (a negated piece that matches the element better than anything positive).

    A passage's support mixes the sentence vectors' cosine with the share of the element's words present
    (by word, CC-CEDICT and word vectors); without the model, word support alone."""
    if not product.positives:
        return _NO_MEANING
    el = _element_for_meaning(element)
    pos_texts = [t for t, _, _ in product.positives]
    neg_texts = [t for t, *_ in product.negatives]
    soft_pos = _soft_cover(triples, pos_texts, whole=product.text)
    soft_neg = _soft_cover(triples, neg_texts) if neg_texts else []
    if semantic.available():
        sent_pos = semantic.similarity_matrix([el], pos_texts)[0]
        sent_neg = semantic.similarity_matrix([_new_part(fold(element), triples)], neg_texts)[0] if neg_texts else []
        pos = [SENT_WEIGHT * float(a) + (1 - SENT_WEIGHT) * b for a, b in zip(sent_pos, soft_pos, strict=True)]
        neg = [SENT_WEIGHT * float(a) + (1 - SENT_WEIGHT) * b for a, b in zip(sent_neg, soft_neg, strict=True)]
    else:
        pos, neg = list(soft_pos), list(soft_neg)
    order = sorted(range(len(pos)), key=lambda k: -pos[k])
    cands: list[tuple[str, int, int, int]] = []
    seen: list[tuple[int, int]] = []
    for k in order:
        t, a, b = product.positives[k]
        if any(a < e and s_ < b for s_, e in seen):
            continue
        seen.append((a, b))
        cands.append((t, a, b, round(100 * pos[k])))
        if len(cands) == 2:
            break
    k0 = order[0]
    best_pos = max(pos[k0], cov_words * NEG_WORDS_AS)
    absent, margin, where = False, 0.0, ("", -1, -1)
    if _TRACE is not None:
        _TRACE.append((element, best_pos, max(neg, default=0.0),
                       product.negatives[max(range(len(neg)), key=lambda i: neg[i])][0] if neg else ""))
    for i, (t, a, b, _cue) in enumerate(product.negatives):
        m = neg[i] - best_pos
        if neg[i] >= SEM_NEG_MIN and m > NEG_MARGIN and (not absent or m > margin):
            absent, margin, where = True, m, (t, a, b)
    t0, a0, b0 = product.positives[k0]
    return _Meaning(pos[k0], t0, a0, b0, absent, where[0], where[1], where[2], margin, tuple(cands))


# ---------------------------------------------------------------------------------------------------
# Claim chart and verdict
# ---------------------------------------------------------------------------------------------------

VERDICT_ZH = {"literal": "字面落入（相同侵权）", "equivalent": "等同落入（等同侵权）", "not_infringing": "未落入保护范围"}


@dataclass(frozen=True)
class ClaimChart:
    claim: int
    independent: bool
    depends_on: tuple[int, ...]
    subject: str
    verdict: str
    reason_zh: str
    reason_en: str
    elements: tuple[ElementResult, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "claim": self.claim,
            "independent": self.independent,
            "depends_on": list(self.depends_on),
            "subject": self.subject,
            "verdict": self.verdict,
            "reason_zh": self.reason_zh,
            "reason_en": self.reason_en,
            "elements": [e.to_dict() for e in self.elements],
        }


@dataclass(frozen=True)
class PatentResult:
    verdict: str
    chart: ClaimChart
    dependent_charts: tuple[ClaimChart, ...]
    claim: Claim
    citations: tuple[Citation, ...]
    inputs: dict[str, Any] = field(default_factory=dict)

    @property
    def elements(self) -> tuple[ElementResult, ...]:
        return self.chart.elements

    @property
    def review(self) -> list[dict[str, Any]]:
        """Elements whose reading is uncertain, each with the engine's reading and its two best passages."""
        return [{"index": e.index, "element": e.element, "status": e.status, "basis": e.basis,
                 "note": e.note, "note_en": e.note_en,
                 "candidates": [{"text": t, "start": a, "end": b, "score": sc} for t, a, b, sc in e.candidates]}
                for e in self.chart.elements if e.needs_review]

    def to_dict(self) -> dict[str, Any]:
        d = result_header("patent", self.inputs)
        d.update(
            {
                "verdict": self.verdict,
                "verdict_zh": VERDICT_ZH[self.verdict] + (f"（{len(self.review)}项特征待核实）" if self.review else ""),
                "review": self.review,
                "claim": self.chart.claim,
                "reason_zh": self.chart.reason_zh,
                "reason_en": self.chart.reason_en,
                "elements": [e.to_dict() for e in self.chart.elements],
                "parsed_claim": self.claim.to_dict(),
                "dependent_claims": [c.to_dict() for c in self.dependent_charts],
            }
        )
        d.update(citation_fields(self.citations))
        return d


def _verdict(rows: list[ElementResult]) -> tuple[str, str, str]:
    """The all-elements rule (SPC Interpretation 2009 Art. 7), said as firmly as the evidence allows: a
    feature the description states to be absent is different from a feature the engine did not find."""
    missing = [r for r in rows if r.status == "missing"]
    equiv = [r for r in rows if r.status == "equivalent"]
    unclear = [r for r in rows if r.status == "unclear"]
    review = [r for r in rows if r.needs_review]
    tail_zh = f"第{'、'.join(str(r.index) for r in review)}项的判读不确定，请工作人员核对。" if review else ""
    tail_en = f" The reading of feature(s) {', '.join(str(r.index) for r in review)} is uncertain: staff to check." \
        if review else ""
    if missing:
        firm = [r for r in missing if r.basis in ("stated_absent", "numbers", "count", "staff")]
        loose = [r for r in missing if r not in firm]
        parts_zh, parts_en = [], []
        if firm:
            nums = "、".join(str(r.index) for r in firm)
            parts_zh.append(f"第{nums}项技术特征在被诉产品中不具备（描述表明其缺失、被替换或数值不符）")
            parts_en.append(f"feature(s) {nums} absent from the product (stated missing, replaced or outside the numbers)")
        if loose:
            nums = "、".join(str(r.index) for r in loose)
            parts_zh.append(f"第{nums}项技术特征在产品描述中未找到相同或等同的对应")
            parts_en.append(f"no identical or equivalent counterpart of feature(s) {nums} found in the description")
        return ("not_infringing", "；".join(parts_zh) + "，依全面覆盖原则，按现有描述不落入保护范围。" + tail_zh,
                "; ".join(parts_en).capitalize() + ": on this description, outside the scope under the all-elements rule."
                + tail_en)
    if unclear:
        # the best reading while nothing contradicts the claim; said as a reading, never as a finding
        nums = "、".join(str(r.index) for r in unclear)
        kind_zh, kind_en = ("等同", "by equivalents") if equiv else ("相同", "literally")
        return ("equivalent" if equiv else "literal",
                f"产品描述未表明缺少任何技术特征，但第{nums}项特征未见明确对应；在其经核实具备的前提下，初步判读为{kind_zh}落入"
                "保护范围。如产品不具备其中任一项，则依全面覆盖原则不落入。" + tail_zh,
                f"The description states no feature to be absent, but feature(s) {nums} have no clear counterpart; provided "
                f"they are confirmed, the product falls within the scope {kind_en}. If any of them is absent, it is outside "
                "the scope under the all-elements rule." + tail_en)
    if equiv:
        nums = "、".join(str(r.index) for r in equiv)
        return ("equivalent", f"全部技术特征均有对应，其中第{nums}项为等同特征（需确认手段、功能、效果基本相同且显而易见）。" + tail_zh,
                f"Every feature is matched; feature(s) {nums} only by equivalents (to be confirmed)." + tail_en)
    return ("literal", "被诉产品包含与权利要求全部技术特征相同的特征，字面落入保护范围。" + tail_zh,
            "The product has features identical to every feature of the claim: literal infringement." + tail_en)


STAFF_STATUSES = ("covered", "equivalent", "missing")  # staff decide: "unclear" is the engine's word only


def _confirm(row: ElementResult, confirmations: list[dict[str, Any]]) -> ElementResult:
    """Staff's reading of an element replaces the engine's (kept in ``engine_status``)."""
    for c in confirmations:
        if int(c.get("claim", 0)) == row.origin_claim and str(c.get("element", "")).strip() == row.element.strip():
            note = str(c.get("note", "")).strip()
            who = str(c.get("by", "")).strip()
            zh = "工作人员确认" + (f"（{who}）" if who else "") + (f"：{note}" if note else "")
            en = "confirmed by staff" + (f" ({who})" if who else "") + (f": {note}" if note else "")
            return replace(row, status=c["status"], engine_status=row.engine_status or row.status, basis="staff",
                           needs_review=False, note=zh + ("；" + row.note if row.note else ""),
                           note_en=en + ("; " + row.note_en if row.note_en else ""))
    return row


def _check_confirmations(confirmations: Any) -> list[dict[str, Any]]:
    if not confirmations:
        return []
    out = []
    for i, c in enumerate(confirmations, 1):
        if not isinstance(c, dict) or c.get("status") not in STAFF_STATUSES or not str(c.get("element", "")).strip():
            raise ValidationError(f"confirmation {i}: needs claim, element and a status of {', '.join(STAFF_STATUSES)}",
                                  field="confirmations", value=i)
        try:
            claim = int(c.get("claim", 1))
        except (TypeError, ValueError):
            raise ValidationError(f"confirmation {i}: the claim number is not a number", field="confirmations",
                                  value=i) from None
        out.append({**c, "claim": claim})
    return out


def _chart(claims: ClaimSet, number: int, product: Product, overrides: dict[int, list[str]],
           confirmations: list[dict[str, Any]] | None = None) -> tuple[ClaimChart, set[str]]:
    rows: list[ElementResult] = []
    keys: set[str] = set()
    target = claims.get(number)
    chain = claims.chain(number)
    subject = chain[0].subject
    plan = [(c.number, el) for c in chain for el in (overrides.get(c.number) or list(c.elements))]
    denied = stated_absent([el for _, el in plan], product)
    claim_words = "；".join(el for _, el in plan)
    for c_number, el in plan:
        row, k = compare_element(el, product, index=len(rows) + 1, origin_claim=c_number, subject=subject,
                                 denied=denied.get(len(rows)), claim_text=claim_words)
        rows.append(_confirm(row, confirmations or []))
        keys.update(k)
    v, zh, en = _verdict(rows)
    return ClaimChart(number, target.independent, target.depends_on, target.subject, v, zh, en, tuple(rows)), keys


def compare_claim(
    claims: str | ClaimSet,
    product: str | Product,
    *,
    claim: int = 1,
    elements: list[str] | tuple[str, ...] | None = None,
    include_dependents: bool = True,
    confirmations: list[dict[str, Any]] | None = None,
) -> PatentResult:
    """Claim chart for claim ``claim`` (and its dependents) against the accused product description.

    ``elements`` replaces the parsed feature list of ``claim`` (staff's corrected split).
    ``confirmations``: staff's reading of single elements, ``{"claim": 1, "element": "...", "status":
    "covered" | "equivalent" | "missing", "note": "...", "by": "..."}``; the verdict then follows by the
    all-elements rule and the engine's own reading stays on the row. They are kept in the inputs, so a
    saved result re-runs with them.
    """
    confirmations = _check_confirmations(confirmations)
    if isinstance(product, str) and len(product) > MAX_TEXT:
        raise ValidationError(f"the product description is longer than {MAX_TEXT:,} characters", field="product",
                              reason="too_long", params={"max": MAX_TEXT})
    if isinstance(claims, str) and len(claims) > MAX_TEXT:
        raise ValidationError(f"the claim text is longer than {MAX_TEXT:,} characters", field="claims",
                              reason="too_long", params={"max": MAX_TEXT})
    cs = parse_claims(claims) if isinstance(claims, str) else claims
    prod = prepare_product(product) if isinstance(product, str) else product
    target = cs.get(claim)
    overrides: dict[int, list[str]] = {}
    if elements is not None:
        cleaned = [e.strip() for e in elements if e and e.strip()]
        if not cleaned:
            raise ValidationError("the corrected element list is empty", field="elements")
        overrides[claim] = cleaned
    chart, keys = _chart(cs, claim, prod, overrides, confirmations)
    deps: list[ClaimChart] = []
    if include_dependents:
        for d in cs.dependents_of(claim):
            dc, k = _chart(cs, d.number, prod, overrides, confirmations)
            deps.append(dc)
            keys.update(k)
    cite_keys = ["patent_law_64", "spc_patent_2009_art7"] + sorted(keys)
    inputs = {
        # a parsed set is recorded with its claim numbers, so that parse_claims() gives the same claims back
        # and a saved result can be re-run
        "claims": claims if isinstance(claims, str) else claims_text(cs),
        "product": product if isinstance(product, str) else prod.text,
        "claim": claim,
        "elements": list(elements) if elements is not None else None,
        "confirmations": confirmations,
    }
    return PatentResult(chart.verdict, chart, tuple(deps), target, cite(*cite_keys), inputs)
