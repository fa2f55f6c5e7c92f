"""Geographical-indication pre-check: find protected GI names in a product label and compare the producer's
region with the protected area.

Qualifiers (型, 式, 类, 风味, 仿, 种类, 品种, 风格, 仿制, style, type, kind, imitation) and translations do not
make the use of a GI lawful (Trademark Law 2019 Art. 16; GI product rules; TRIPS Art. 23; China-EU GI
agreement). A producer inside the protected area may use the name (subject to the standard and, for GI
marks, the holder's authorisation). A generic variety name used alone, without the place name, is not the GI.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from qcy_workstation.errors import ValidationError
from qcy_workstation.precheck.common import (
    Citation,
    citation_fields,
    cite,
    load_data,
    load_user_file,
    result_header,
)
from qcy_workstation.precheck.text import fold, pinyin_syllables

ROUTES = ("gi_product", "collective_mark", "certification_mark", "agricultural_gi")
ROUTE_ZH = {"gi_product": "地理标志产品", "collective_mark": "地理标志集体商标",
            "certification_mark": "地理标志证明商标", "agricultural_gi": "农产品地理标志"}
_IMITATION = frozenset({"仿", "仿制", "风味", "型", "式", "风格", "口味", "同款", "imitation", "style", "type", "like", "flavour", "flavor"})
_MAX_GAP = 6  # characters allowed between place and product ("洛川红富士苹果", "洛川风味苹果")


@dataclass(frozen=True)
class ProtectedArea:
    province: str
    city: str
    counties: tuple[str, ...]
    towns: tuple[str, ...]

    def label(self) -> str:
        parts = [self.province, self.city if self.city != self.province else "", "、".join(self.counties), "、".join(self.towns)]
        return "".join(p for p in parts if p)

    def to_dict(self) -> dict[str, Any]:
        return {"province": self.province, "city": self.city, "counties": list(self.counties), "towns": list(self.towns)}


@dataclass(frozen=True)
class GeoIndication:
    id: str
    name: str
    place: str
    product: str
    area: ProtectedArea
    routes: tuple[str, ...]
    english: tuple[str, ...]
    aliases: tuple[str, ...]
    place_aliases: tuple[str, ...]
    certificate: str | None
    holder: str | None
    verified: bool
    note: str
    category: str = ""
    source: str = "shipped"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "name": self.name, "place": self.place, "product": self.product,
            "area": self.area.to_dict(), "area_label": self.area.label(), "routes": list(self.routes),
            "routes_zh": [ROUTE_ZH[r] for r in self.routes], "english": list(self.english),
            "aliases": list(self.aliases), "certificate": self.certificate, "holder": self.holder,
            "verified": self.verified, "note": self.note, "category": self.category, "source": self.source,
        }


@dataclass(frozen=True)
class GiRegister:
    entries: tuple[GeoIndication, ...]
    qualifiers: tuple[str, ...]
    product_en: dict[str, tuple[str, ...]]
    product_kinds: dict[str, tuple[str, ...]]
    generic_terms: tuple[str, ...]
    edition: str
    sources: tuple[str, ...]


def _entry(raw: dict[str, Any], source: str) -> GeoIndication:
    try:
        area = raw.get("area") or {}
        routes = tuple(raw.get("routes") or ())
        bad = [r for r in routes if r not in ROUTES]
        if bad:
            raise ValidationError(f"unknown protection route {bad} (use {ROUTES})", field="routes", value=bad)
        return GeoIndication(
            id=str(raw["id"]), name=str(raw["name"]), place=str(raw["place"]), product=str(raw["product"]),
            area=ProtectedArea(str(area.get("province", "")), str(area.get("city", "")),
                               tuple(area.get("counties") or ()), tuple(area.get("towns") or ())),
            routes=routes, english=tuple(raw.get("english") or ()), aliases=tuple(raw.get("aliases") or ()),
            place_aliases=tuple(raw.get("place_aliases") or ()), certificate=raw.get("certificate"),
            holder=raw.get("holder"), verified=bool(raw.get("verified", False)), note=str(raw.get("note", "")),
            category=str(raw.get("category", "")), source=source,
        )
    except KeyError as exc:
        raise ValidationError(f"GI entry lacks {exc.args[0]!r}", field="gis", value=raw) from exc


@lru_cache(maxsize=8)
def load_gi_register(user_path: str | None = None) -> GiRegister:
    """The shipped GI register with the staff file (``{"gis": [...]}``) merged over it by ``id``."""
    data = load_data("gi_register.json")
    by_id = {g["id"]: _entry(g, "shipped") for g in data["gis"]}
    sources = [f"shipped:gi_register.json ({data['edition']})"]
    if user_path:
        extra = load_user_file(user_path)
        if not isinstance(extra, dict) or not isinstance(extra.get("gis"), list):
            raise ValidationError("GI file needs {\"gis\": [...]}", field="gi_file", value=user_path)
        for g in extra["gis"]:
            e = _entry(g, str(user_path))
            by_id[e.id] = e
        sources.append(str(user_path))
    return GiRegister(
        entries=tuple(by_id.values()), qualifiers=tuple(data["qualifiers"]),
        product_en={k: tuple(v) for k, v in data["product_en"].items()},
        product_kinds={k: tuple(v) for k, v in data["product_kinds"].items()},
        generic_terms=tuple(data["generic_terms"]), edition=data["edition"], sources=tuple(sources),
    )


@dataclass(frozen=True)
class GiMatch:
    gi: GeoIndication
    how: str  # exact | alias | place_product | fuzzy | translation
    matched_text: str
    qualifiers: tuple[str, ...]
    score: int

    def to_dict(self) -> dict[str, Any]:
        return {"gi": self.gi.to_dict(), "how": self.how, "matched_text": self.matched_text,
                "qualifiers": list(self.qualifiers), "score": self.score}


@dataclass(frozen=True)
class GiResult:
    verdict: str  # misuse | lawful
    gi: GeoIndication | None
    match: GiMatch | None
    region_match: str  # inside | outside | partial | unknown | n/a
    reason_zh: str
    reason_en: str
    needs_review: bool
    other_matches: tuple[GiMatch, ...]
    citations: tuple[Citation, ...]
    inputs: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        d = result_header("gi", self.inputs)
        d.update({
            "verdict": self.verdict,
            "gi": self.gi.name if self.gi else None,
            "gi_detail": self.gi.to_dict() if self.gi else None,
            "match": self.match.to_dict() if self.match else None,
            "region_match": self.region_match,
            "reason": self.reason_zh,
            "reason_en": self.reason_en,
            "needs_review": self.needs_review,
            "other_matches": [m.to_dict() for m in self.other_matches],
        })
        d.update(citation_fields(self.citations))
        return d


def _clean(text: str) -> str:
    return re.sub(r"[\s·•\-_/、，,。.:：;；!！?？'\"“”‘’()（）【】\[\]]+", "", fold(text))


def _short(name: str) -> list[str]:
    """Admin name variants: 洛川县 -> [洛川县, 洛川]; 巴音郭楞蒙古自治州 -> [.., 巴音郭楞]."""
    out = [name]
    m = re.match(r"^(.{2,}?)(?:维吾尔自治区|回族自治区|壮族自治区|自治区|蒙古自治州|自治州|自治县|省|市|县|区|州|盟|旗|镇|乡)$", name)
    if m and len(m.group(1)) >= 2:
        out.append(m.group(1))
    return out


def _qualifiers_near(label: str, start: int, end: int, quals: tuple[str, ...]) -> tuple[str, ...]:
    window = label[max(0, start - 4): end + 6]
    return tuple(q for q in quals if q in window)


def find_gis(label: str, register: GiRegister | None = None) -> list[GiMatch]:
    """Every GI whose name (or place + product, alias, English/pinyin rendering) occurs in the label."""
    reg = register or load_gi_register()
    lab = _clean(label)
    lab_words = fold(label)
    out: list[GiMatch] = []
    for g in reg.entries:
        best: GiMatch | None = None
        names = [(g.name, "exact")] + [(a, "alias") for a in g.aliases]
        for n, how in names:
            i = lab.find(_clean(n))
            if i >= 0:
                best = GiMatch(g, how, n, _qualifiers_near(lab, i, i + len(n), reg.qualifiers), 100)
                break
        if best is None:
            places = [_clean(p) for p in (g.place, *g.place_aliases) if p]
            products = [g.product, *reg.product_kinds.get(g.product, ())]
            for pl in places:
                for m in re.finditer(re.escape(pl), lab):
                    tail = lab[m.end(): m.end() + _MAX_GAP + 4]
                    for pr in products:
                        j = tail.find(_clean(pr))
                        if 0 <= j <= _MAX_GAP:
                            text = lab[m.start(): m.end() + j + len(pr)]
                            best = GiMatch(g, "place_product", text,
                                           _qualifiers_near(lab, m.start(), m.end() + j + len(pr), reg.qualifiers), 95)
                            break
                    if best:
                        break
                if best:
                    break
        if best is None and len(g.name) >= 4 and len(lab) >= len(g.name) and any(ch in lab for ch in g.place):
            # a near-spelling of the whole name; the product word alone (冬枣) is generic and never enough
            score = fuzz.partial_ratio(_clean(g.name), lab)
            if score >= 85:
                best = GiMatch(g, "fuzzy", g.name, (), int(score))
        if best is None:
            # English or pinyin rendering: "Luochuan-style apple", "West Lake Longjing"
            words = re.sub(r"[^a-z]+", " ", lab_words)
            squashed = words.replace(" ", "")
            renderings = [fold(e) for e in g.english]
            for r in renderings:
                if re.sub(r"[^a-z]+", "", r) and re.sub(r"[^a-z]+", "", r) in squashed:
                    best = GiMatch(g, "translation", r, tuple(q for q in reg.qualifiers if re.search(rf"\b{q}\b", words)), 95)
                    break
            if best is None:
                place_py = "".join(pinyin_syllables(g.place))
                en_products = reg.product_en.get(g.product, ())
                if place_py and place_py in squashed and any(re.search(rf"\b{re.escape(p)}", words) for p in en_products):
                    best = GiMatch(g, "translation", place_py, tuple(q for q in reg.qualifiers if re.search(rf"\b{q}\b", words)), 90)
        if best is not None:
            out.append(best)
    out.sort(key=lambda m: (-m.score, -len(m.gi.name)))
    return out


_UNIT_RE = re.compile(
    r"[\u4e00-\u9fff]{2,}?(?:自治州|州)(?=[\u4e00-\u9fff]|$)(?<!自治州州)|"
    r"[\u4e00-\u9fff]+?(?:特别行政区|维吾尔自治区|回族自治区|壮族自治区|自治区|自治县|省|市|盟|地区|县|区|旗|镇|乡)"
)
_LEVEL = {"province": 0, "city": 1, "county": 2, "town": 3}


def _unit_level(unit: str, after_city: bool) -> int:
    if unit.endswith(("省", "自治区", "特别行政区")):
        return 0
    if unit.endswith(("镇", "乡")):
        return 3
    if unit.endswith(("县", "区", "旗", "自治县")):
        return 2
    return 2 if after_city else 1  # a 市 after a city is a county-level city (仁怀市, 五常市)


def region_relation(region: str, area: ProtectedArea) -> tuple[str, str]:
    """(inside | outside | partial | unknown, explanation) of the producer's region against the area.

    The region is read as a chain of admin units (省 / 市 / 县区 / 镇乡); a unit the area does not name at
    the level the area is defined means outside; a chain that stops above that level is ``partial``.
    """
    r = _clean(region or "")
    if not r:
        return "unknown", "未提供生产者所在地区"
    levels: list[tuple[int, list[str]]] = [
        (0, _short(area.province) if area.province else []),
        (1, _short(area.city) if area.city and area.city != area.province else []),
        (2, [v for c in area.counties for v in _short(c)]),
        (3, [v for t in area.towns for v in _short(t)]),
    ]
    target = max((lvl for lvl, names in levels if names), default=0)
    matched = {lvl for lvl, names in levels if names and any(n in r for n in names)}
    if target in matched:
        return "inside", f"生产者位于保护范围（{area.label()}）内"
    rest = r
    for n in sorted((n for _, names in levels for n in names if len(n) >= 2 or n.endswith(("县", "区"))), key=len, reverse=True):
        rest = rest.replace(n, "|")  # known names are not foreign units ("贵州省" must not read as "贵州")
    units = [u for part in rest.split("|") for u in _UNIT_RE.findall(part)]
    seen_city = 1 in matched
    for u in units:
        lvl = _unit_level(u, seen_city)
        if lvl == 1:
            seen_city = True
        names = dict(levels)[lvl]
        if names and not any(n in u or u in n for n in names) and lvl <= target:
            return "outside", f"生产者位于{u}，不在保护范围（{area.label()}）内"
    if matched:
        top = max(matched)
        return "partial", f"地区仅写到{'省' if top == 0 else '市' if top == 1 else '县（区）'}一级，保护范围为{area.label()}，需核实具体产地"
    if units or re.search(r"[a-z]", r):
        return "outside", f"生产者所在地区（{region}）不在保护范围（{area.label()}）内"
    return "unknown", "无法判断生产者所在地区"


def check_label(label: str, region: str = "", *, gi_file: str | Path | None = None,
                register: GiRegister | None = None) -> GiResult:
    """Check a product label (and the producer's region) against the GI register.

    ``gi_file``: staff JSON merged over the shipped register; ``register``: a ready register (screening
    passes the shipped one merged with the store's entries).
    """
    if not label or not label.strip():
        raise ValidationError("the label is empty", field="label")
    reg = register or load_gi_register(str(gi_file) if gi_file else None)
    matches = find_gis(label, reg)
    inputs = {"label": label, "region": region, "gi_sources": list(reg.sources)}
    base_keys = ["trademark_law_16", "gi_product_rules"]
    if not matches:
        generic = [t for t in reg.generic_terms if t in _clean(label)]
        if generic:
            zh = f"标签仅使用品种或通用名称“{'、'.join(generic)}”，未使用受保护的地理标志名称（通用品种名称单独使用不构成地理标志）。"
            en = f"The label uses only generic/variety names ({', '.join(generic)}), not a protected GI name."
        else:
            zh, en = "标签中未发现已收录的受保护地理标志名称。", "No protected GI name from the register was found in the label."
        return GiResult("lawful", None, None, "n/a", zh + "（仅对照本库收录的地理标志）",
                        en + " (checked against the register shipped/maintained here only)", False, (), cite(*base_keys), inputs)
    m = matches[0]
    g = m.gi
    rel, why = region_relation(region, g.area)
    how_zh = {"exact": "直接使用地理标志名称", "alias": "使用地理标志的别称", "place_product": "使用“产地名＋产品名”组合",
              "fuzzy": "使用与地理标志名称高度近似的名称", "translation": "使用地理标志的外文译名或拼音"}[m.how]
    qual_zh = f"，并附加“{'、'.join(m.qualifiers)}”等字样" if m.qualifiers else ""
    keys = list(base_keys)
    if "certification_mark" in g.routes or "collective_mark" in g.routes:
        keys.append("tm_regulations_art4")
    if "agricultural_gi" in g.routes:
        keys.append("agri_gi_rules")
    if m.qualifiers or m.how == "translation":
        keys += ["trips_art23", "cn_eu_gi_agreement"]
    routes = "、".join(ROUTE_ZH[r] for r in g.routes)
    unverified = "" if g.verified else "（注：本库中该地理标志的保护范围未经核对，请以公告/注册信息为准）"
    needs_review = not g.verified
    imitation = [q for q in m.qualifiers if q in _IMITATION]
    if rel == "inside" and imitation:
        verdict = "misuse"
        zh = (f"标签{how_zh}“{m.matched_text}”并附加“{'、'.join(imitation)}”等字样，表明产品并非该地理标志产品本身；"
              f"即使生产者位于保护范围内，以仿制、风味、类型等方式使用“{g.name}”仍属不当使用。{unverified}")
        en = f"Label presents the product as an imitation/style of {g.name} ({', '.join(imitation)}): misuse even inside the area."
        keys += ["trips_art23", "cn_eu_gi_agreement"]
    elif rel == "inside":
        verdict = "lawful"
        zh = (f"标签{how_zh}“{m.matched_text}”{qual_zh}；{why}。保护范围内的生产者可以使用（{routes}），"
              f"但须符合该地理标志的产品标准，使用地理标志商标或专用标志的还须经权利人/主管部门许可。{unverified}")
        en = f"Label uses {g.name} ({m.how}); producer inside the protected area: use allowed subject to the GI standard and authorisation."
    else:
        verdict = "misuse"
        needs_review = needs_review or rel in ("partial", "unknown")
        qual_note = "；附加“型、式、类、风味、仿、种类、品种、风格、仿制”等字样或使用译名，不能使该使用合法" if (m.qualifiers or m.how == "translation") else ""
        zh = f"标签{how_zh}“{m.matched_text}”{qual_zh}；{why}。受保护地理标志“{g.name}”（{routes}）只能由保护范围内符合条件的生产者使用{qual_note}。{unverified}"
        en = (f"Label uses the protected GI {g.name} ({m.how}{', qualifiers: ' + ', '.join(m.qualifiers) if m.qualifiers else ''}); "
              f"producer region is {rel} of the protected area ({g.area.label()}): likely misuse"
              + ("; qualifiers or translations do not make it lawful." if qual_note else "."))
        if rel in ("partial", "unknown"):
            en += " The producer's exact location must be verified."
    return GiResult(verdict, g, m, rel, zh, en, needs_review, tuple(matches[1:]), cite(*dict.fromkeys(keys)), inputs)
