"""Screening a project against known rights: pure functions from plain inputs to hits (no store).

- Technology (description + key features) against register patents' claims: a cheap term-overlap ranking
  picks the candidates, then the pre-check engine draws the claim chart of each (all-elements rule, SPC
  Interpretation 2009 Art. 7); hits ranked by verdict and feature coverage.
- Planned marks against register trademarks in the classes concerned (pre-check trademark engine:
  glyph, sound, meaning, goods similarity; Trademark Law 2019 Art. 57, SPC trademark interpretation
  Arts. 9-12).
- Product names and labels against the GI register (name present, with or without qualifiers such as
  型/式/风味, and the producer's region against the protected area).
- Counterparties against the parties of existing cases (``CaseService.conflict_check``).

Every hit is a reference for the enterprise, not a legal determination.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from qcy_workstation.cases.dto import ConflictHit
from qcy_workstation.cases.names import normalise_name
from qcy_workstation.errors import ValidationError

DISCLAIMER_ZH = "预警结论为参考性分析，非法律认定"
DISCLAIMER_EN = "early-warning findings are a reference analysis, not a legal determination"
MAX_PARTY_MATCHES = 10
GI_QUALIFIERS = ("型", "式", "类", "风味", "风格", "仿", "品种", "种类", "style", "type", "imitation", "kind")


@cache
def policy() -> dict[str, Any]:
    """Follow-up days, action texts and thresholds (``warning/data/policy.json``)."""
    path = resources.files("qcy_workstation.warning").joinpath("data").joinpath("policy.json")
    with path.open("r", encoding="utf-8") as fh:
        return json.load(fh)


# ---------------------------------------------------------------- register entries (plain)


@dataclass(frozen=True)
class PatentEntry:
    number: str
    title: str
    owner: str
    claims: str
    source: str  # "register" | "case QCY-2026-00001"


@dataclass(frozen=True)
class TrademarkEntry:
    number: str
    mark: str
    owner: str
    classes: str  # "25,35" or similar groups "2501"
    source: str
    status: str = ""


@dataclass(frozen=True)
class GIEntry:
    name: str
    protected_area: str
    route: str
    source: str


@dataclass(frozen=True)
class Hit:
    """One screening hit before it is stored as a risk."""

    key: str
    category: str
    subject: str
    target: str
    target_ref: str
    severity: str
    score: int
    reason: str
    reason_en: str
    action: str
    basis: tuple[Any, ...]  # what must change for the risk to count as "changed"
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def fingerprint(self) -> str:
        return hashlib.sha256(json.dumps([self.severity, *self.basis], ensure_ascii=False, default=str)
                              .encode()).hexdigest()


def action_text(action: str, lang: str = "zh") -> str:
    return policy()["actions"].get(action, {}).get(lang, action)


# ---------------------------------------------------------------- patents


@lru_cache(maxsize=20_000)
def _terms(text: str) -> frozenset[str]:
    from qcy_workstation.precheck.text import segment

    return frozenset(t for t in segment(text) if len(t) >= 2 or not t.isascii())


def _first_claim(claims: str) -> str:
    """Claim 1 (or the whole text when numbering is absent), for the overlap ranking."""
    parts = re.split(r"\n\s*2\s*[\.．、]", claims, maxsplit=1)
    return parts[0]


def patent_hit(*, number: str, title: str, owner: str, source: str, verdict: str, claim: int,
               chart: Sequence[dict[str, Any]]) -> Hit | None:
    """A risk from one claim chart (rows as ``ElementResult.to_dict()``), or None below the low bar."""
    limits = policy()["thresholds"]
    rows = list(chart)
    if not rows:
        return None
    covered = sum(1 for r in rows if r["status"] == "covered")
    equivalent = sum(1 for r in rows if r["status"] == "equivalent")
    coverage = (covered + equivalent) / len(rows)
    score = round(100 * (covered + 0.8 * equivalent) / len(rows))
    # an infringing reading that rests on features the engine could not find (precheck "unclear": nothing
    # found, nothing contradicted) is not a finding: then the features actually matched decide the level
    found = verdict if not any(r["status"] == "unclear" for r in rows) else "not_infringing"
    if found in ("literal", "equivalent"):
        severity, action = "high", "fto_opinion"
    elif coverage >= limits["patent_medium_coverage"]:
        severity, action = "medium", "design_around"
    elif coverage >= limits["patent_low_coverage"]:
        severity, action = "low", "design_around"
    else:
        return None
    missing = [r["index"] for r in rows if r["status"] in ("missing", "unclear")]
    label = f"{number}《{title}》" if title else number
    if found == "literal":
        zh = (f"项目技术方案包含专利{label}权利要求{claim}的全部{len(rows)}项技术特征，"
              f"依全面覆盖原则存在字面落入其保护范围的风险（专利法第64条；最高法2009年解释第7条）。")
        en = (f"The project's technology has all {len(rows)} features of claim {claim} of patent {number}: "
              "risk of literal infringement (all-elements rule; Patent Law Art. 64, SPC 2009 Art. 7).")
    elif found == "equivalent":
        zh = (f"项目技术方案与专利{label}权利要求{claim}的全部技术特征相同或等同（其中{equivalent}项为等同特征，"
              f"需确认），存在等同侵权风险（最高法专利纠纷规定第13条）。")
        en = (f"Every feature of claim {claim} of patent {number} is matched, {equivalent} only by equivalents "
              "(to be confirmed): risk of infringement by equivalents (SPC provisions Art. 13, 2020 revision).")
    else:
        zh = (f"项目技术方案具备专利{label}权利要求{claim}的{covered + equivalent}/{len(rows)}项技术特征，"
              f"第{'、'.join(map(str, missing))}项未见；目前不落入，但设计调整时须避免补全缺失特征。")
        en = (f"The project has {covered + equivalent} of {len(rows)} features of claim {claim} of patent "
              f"{number}; feature(s) {', '.join(map(str, missing))} not found. Outside the claim now; keep it so.")
    return Hit(key=f"patent:{number}", category="patent", subject="技术方案 / technology", target=title or number,
               target_ref=number, severity=severity, score=score, reason=zh, reason_en=en, action=action,
               basis=(verdict, number, claim, tuple(missing)),
               details={"verdict": verdict, "claim": claim, "coverage": round(coverage, 3), "owner": owner,
                        "source": source, "chart": rows, "engine": "qcy_workstation.precheck.patent"})


def _sort(hits: list[Hit]) -> list[Hit]:
    order = {"high": 0, "medium": 1, "low": 2}
    return sorted(hits, key=lambda h: (order[h.severity], -h.score, h.key))


def project_text(technology: str, features: Sequence[str]) -> str:
    """What the patents are compared with: the description and the key features, one per line."""
    return "\n".join([technology.strip(), *[f.strip() for f in features if f.strip()]]).strip()


def screen_patents(technology: str, features: Sequence[str], patents: Iterable[PatentEntry], *,
                   enterprise: str = "", candidates: int | None = None) -> list[Hit]:
    """Claim charts of the best candidate patents (given as entries) against the project's technology."""
    from qcy_workstation.precheck.patent import compare_claim, parse_claims, prepare_product

    text = project_text(technology, features)
    if not text:
        return []
    k = candidates or int(policy()["thresholds"]["patent_candidates"])
    own = normalise_name(enterprise, drop_place=True) if enterprise else ""
    project_terms = _terms(text)
    ranked: list[tuple[float, PatentEntry]] = []
    for p in patents:
        if not p.claims.strip() or (own and normalise_name(p.owner, drop_place=True) == own):
            continue  # the enterprise's own patents are no risk to it
        claim_terms = _terms(_first_claim(p.claims))
        if not claim_terms:
            continue
        overlap = len(project_terms & claim_terms) / len(claim_terms)
        if overlap > 0:
            ranked.append((overlap, p))
    ranked.sort(key=lambda x: (-x[0], x[1].number))
    product = prepare_product(text)
    hits: list[Hit] = []
    for _overlap, p in ranked[:k]:
        try:
            claims = parse_claims(p.claims)
            number = next((c.number for c in claims.claims if c.independent), claims.claims[0].number)
            result = compare_claim(claims, product, claim=number, include_dependents=False)
        except ValidationError:
            continue  # claims that cannot be parsed: not screenable, not a hit
        hit = patent_hit(number=p.number, title=p.title, owner=p.owner, source=p.source, verdict=result.verdict,
                         claim=number, chart=[r.to_dict() for r in result.chart.elements])
        if hit is not None:
            hits.append(hit)
    return _sort(hits)


def screen_register_patents(store: Any, technology: str, features: Sequence[str], *, enterprise: str = "",
                            top: int = 10) -> list[Hit]:
    """The pre-check register's patents (indexed shortlist, then claim charts: ``precheck.screening``)."""
    from qcy_workstation.precheck.screening import screen_patent

    text = project_text(technology, features)
    if not text:
        return []
    own = normalise_name(enterprise, drop_place=True) if enterprise else ""
    hits: list[Hit] = []
    for h in screen_patent(store, text, top=top).hits:
        if own and normalise_name(h.owner, drop_place=True) == own:
            continue
        hit = patent_hit(number=h.number, title=h.title, owner=h.owner, source="register", verdict=h.verdict,
                         claim=int(h.chart.get("claim", 1)), chart=h.chart.get("elements", []))
        if hit is not None:
            hits.append(hit)
    return _sort(hits)


# ---------------------------------------------------------------- trademarks


def _class_set(codes: str) -> set[str]:
    """Nice classes of a class/group list ("25,35" or "2501,3501"), as two-digit strings."""
    out = set()
    for code in re.split(r"[,，;；\s]+", codes or ""):
        code = code.strip()
        if re.fullmatch(r"[0-9]+", code):  # not isdigit(): "²" is a digit int() cannot read
            out.add(f"{int(code[:2] if len(code) >= 4 else code):02d}")
    return out


def mark_hit(*, mark: str, classes: str, reg_no: str, reg_mark: str, owner: str, reg_classes: str, score: int,
             likely: bool, risk: str, factors: Sequence[Any], source: str, status: str = "",
             result: dict[str, Any] | None = None, review: Sequence[Any] = ()) -> Hit | None:
    """A risk from one mark comparison, or None when the engine rates it low and not confusing.

    ``review``: the comparison's review reasons (``precheck.trademark_review``): the pair turns on facts the
    words cannot show, so the memo says that confusion is still to be checked, and on which facts, instead of
    stating a conclusion."""
    keep = ("high",) if policy()["thresholds"]["trademark_min_risk"] == "high" else ("high", "medium")
    if risk not in keep and not likely:
        return None
    severity = risk if risk in ("high", "medium") else "medium"
    action = "change_mark" if severity == "high" else "opposition_invalidation_search"
    if review:
        from qcy_workstation.precheck.trademark_review import summary_en, summary_zh

        said_zh = f"存在一定近似，是否易导致混淆尚不能仅凭文字判断，需结合{summary_zh(review)}核实"
        said_en = f"some similarity; whether confusion is likely cannot be told from the words and depends on {summary_en(review)}"
    else:
        said_zh = "易导致混淆" if likely else "存在近似"
        said_en = "likely confusion" if likely else "similar"
    zh = (f"拟用商标「{mark}」与在先注册商标「{reg_mark}」（注册号{reg_no}，第{reg_classes}类）"
          f"{said_zh}，综合评分{score}（商标法第57条）。"
          + "".join(f.text_zh for f in factors))
    en = (f"Planned mark '{mark}' vs registered mark '{reg_mark}' (no. {reg_no}, class {reg_classes}): "
          f"{said_en}, score {score} (Trademark Law Art. 57). "
          + " ".join(f.text_en for f in factors))
    return Hit(key=f"trademark:{mark}|{reg_no or reg_mark}", category="trademark", subject=mark, target=reg_mark,
               target_ref=reg_no, severity=severity, score=score, reason=zh, reason_en=en, action=action,
               basis=(likely, reg_no, reg_classes, status) + (("review",) if review else ()),
               details={"owner": owner, "classes": reg_classes, "project_classes": classes, "source": source,
                        "status": status, "factors": [f.to_dict() for f in factors],
                        "needs_review": bool(review), "review_reasons": [r.to_dict() for r in review],
                        "result": result or {}, "engine": "qcy_workstation.precheck.trademark"})


def screen_marks(marks: Sequence[str], classes: str, trademarks: Iterable[TrademarkEntry], *,
                 enterprise: str = "") -> list[Hit]:
    """Each planned mark against the given marks sharing a Nice class (all classes when none are given)."""
    from qcy_workstation.precheck.trademark import compare_marks

    wanted = _class_set(classes)
    own = normalise_name(enterprise, drop_place=True) if enterprise else ""
    hits: list[Hit] = []
    entries = [t for t in trademarks if t.mark.strip()]
    for mark in (m.strip() for m in marks if m and m.strip()):
        for t in entries:
            theirs = _class_set(t.classes)
            if wanted and theirs and not wanted & theirs:
                continue
            if own and normalise_name(t.owner, drop_place=True) == own:
                continue
            try:
                r = compare_marks(t.mark, mark, classes=t.classes or None,
                                  other_classes=classes or t.classes or None)
            except ValidationError:
                continue
            hit = mark_hit(mark=mark, classes=classes, reg_no=t.number, reg_mark=t.mark, owner=t.owner,
                           reg_classes=t.classes, score=r.score, likely=r.likely_confusion, risk=r.risk,
                           factors=r.factors, source=t.source, status=t.status, result=r.to_dict(),
                           review=r.review_reasons)
            if hit is not None:
                hits.append(hit)
    return _sort(hits)


def screen_register_marks(store: Any, marks: Sequence[str], classes: str, *, enterprise: str = "",
                          top: int = 20) -> list[Hit]:
    """Each planned mark against the pre-check register (``precheck.screening.screen_trademark``)."""
    from qcy_workstation.precheck.screening import screen_trademark

    own = normalise_name(enterprise, drop_place=True) if enterprise else ""
    hits: list[Hit] = []
    for mark in dict.fromkeys(m.strip() for m in marks if m and m.strip()):
        for h in screen_trademark(store, mark, classes=classes or None, top=top).hits:
            if own and normalise_name(h.owner, drop_place=True) == own:
                continue
            hit = mark_hit(mark=mark, classes=classes, reg_no=h.reg_no, reg_mark=h.mark, owner=h.owner,
                           reg_classes=h.classes or h.groups, score=h.score, likely=h.likely_confusion,
                           risk=h.risk, factors=h.factors, source="register", status=h.status,
                           review=h.review_reasons)
            if hit is not None:
                hits.append(hit)
    return _sort(hits)


# ---------------------------------------------------------------- geographical indications


def _area_units(area: str) -> list[str]:
    """Place names of a protected area from the most specific: '陕西省延安市洛川县' -> ['洛川', '延安', '陕西']."""
    units = re.findall(r"([\u4e00-\u9fff]{1,8}?)(?:自治县|县|区|市|省|自治区|镇|乡)", area)
    return [u for u in reversed(units) if u]


def screen_gis(labels: Sequence[str], producer_region: str, extra: Iterable[GIEntry] = (), *,
               check: Callable[[str, str], Any] | None = None) -> list[Hit]:
    """GI names in product names/labels, judged against where the goods are produced.

    The pre-check GI engine (``precheck.gi.check_label``: exact, alias, place+product, fuzzy, translation,
    qualifiers, region against protected area) covers its register; GIs known only from case rights
    (``extra``) are matched by name here. ``check(label, region)`` defaults to the shipped register;
    the service passes ``precheck.screening.screen_gi`` bound to the store (shipped + imported GIs)."""
    from qcy_workstation.precheck.gi import check_label
    from qcy_workstation.precheck.text import fold

    check = check or check_label
    extra = list(extra)
    hits: list[Hit] = []
    seen: set[str] = set()
    region = fold(producer_region or "")
    for label in dict.fromkeys(lb.strip() for lb in labels if lb and lb.strip()):
        r = check(label, producer_region or "")
        if r.gi is not None:
            seen.add(r.gi.name)
            if r.verdict == "misuse":
                severity = "high" if r.region_match in ("outside",) or (r.match and r.match.qualifiers) else "medium"
                score, action = (90, "change_mark") if severity == "high" else (60, "change_mark")
            else:
                severity, score, action = "low", 30, "licence"
            area = r.gi.area.label()
            hits.append(Hit(
                key=f"gi:{label}|{r.gi.name}", category="gi", subject=label, target=r.gi.name,
                target_ref=area[:100], severity=severity, score=score,
                reason=r.reason_zh, reason_en=r.reason_en, action=action,
                basis=(r.verdict, r.region_match, area),
                details={"protected_area": area, "routes": list(r.gi.routes), "region_match": r.region_match,
                         "producer_region": producer_region, "needs_review": r.needs_review, "source": "register",
                         "result": r.to_dict(), "engine": "qcy_workstation.precheck.gi"}))
        folded = fold(label)
        for g in extra:
            name = fold(g.name)
            if not name or g.name in seen or name not in folded:
                continue
            units = _area_units(g.protected_area)
            inside = bool(region) and bool(units) and units[0] in region
            qualifiers = [q for q in GI_QUALIFIERS if q in folded.replace(name, " ")]
            if inside and not qualifiers:
                severity, score, action = "low", 30, "licence"
                zh = (f"产品名称/标签「{label}」使用了地理标志“{g.name}”，生产地（{producer_region}）位于保护范围"
                      f"（{g.protected_area}）内：须符合其产品标准并取得专用标志使用许可（商标法第16条）。")
                en = (f"Label '{label}' uses the GI '{g.name}'; the producer is inside the protected area "
                      f"({g.protected_area}): meet the GI's standard and obtain the right to use its mark.")
            else:
                severity = "high" if region or qualifiers else "medium"
                score, action = (90 if severity == "high" else 60), "change_mark"
                where = (f"生产地（{producer_region}）不在保护范围（{g.protected_area}）内" if region and not inside
                         else f"项目未注明生产地（保护范围：{g.protected_area}）" if not region
                         else f"附加“{'、'.join(qualifiers)}”等字样")
                zh = (f"产品名称/标签「{label}」使用了地理标志“{g.name}”，{where}，存在冒用地理标志的风险；"
                      f"加注“型、式、类、风味”等限定词不能使使用合法（商标法第16条；TRIPS第23条）。")
                en = (f"Label '{label}' uses the GI '{g.name}' (protected area {g.protected_area}; producer "
                      f"{producer_region or 'not stated'}{'; qualifiers ' + ', '.join(qualifiers) if qualifiers else ''}): "
                      "risk of GI misuse; qualifiers do not make it lawful (Trademark Law Art. 16; TRIPS Art. 23).")
            hits.append(Hit(
                key=f"gi:{label}|{g.name}", category="gi", subject=label, target=g.name,
                target_ref=g.protected_area[:100],
                severity=severity, score=score, reason=zh, reason_en=en, action=action,
                basis=(inside, bool(region), g.protected_area, tuple(qualifiers)),
                details={"protected_area": g.protected_area, "route": g.route, "qualifiers": qualifiers,
                         "producer_region": producer_region, "source": g.source}))
    return hits


# ---------------------------------------------------------------- counterparties


def screen_parties(counterparties: Sequence[str],
                   conflict_check: Callable[[str], list[ConflictHit]]) -> list[Hit]:
    """Counterparties that already appear in the workstation's cases: one risk per (counterparty, matched
    party, role), naming the cases (most relevant first) rather than one risk per case."""
    hits: list[Hit] = []
    for cp in dict.fromkeys(c.strip() for c in counterparties if c and c.strip()):
        grouped: dict[tuple[str, str], list[ConflictHit]] = {}
        for h in conflict_check(cp):
            grouped.setdefault((h.matched_party, h.role_existing), []).append(h)
        # the closest names first, accused parties before applicants; a common name can resemble many
        # parties, so only the closest MAX_PARTY_MATCHES become risks (the rest would bury them)
        ranked = sorted(grouped.items(), key=lambda kv: (-max(h.score for h in kv[1]), kv[0][1] != "opponent",
                                                         kv[0][0]))
        for (party, role), group in ranked[:MAX_PARTY_MATCHES]:
            group.sort(key=lambda h: h.case_number, reverse=True)  # newest case numbers first
            best = max(h.score for h in group)
            cases = [h.case_number for h in group]
            first = group[0]
            more_zh = f"等{len(cases)}件案件" if len(cases) > 1 else ""
            more_en = f" and {len(cases) - 1} more case(s)" if len(cases) > 1 else ""
            if role == "opponent":
                severity, score = "high", int(best)
                zh = (f"交易方“{cp}”与案件{first.case_number}（{first.case_title}）{more_zh}中被投诉/被控侵权的对方当事人"
                      f"“{party}”相近（相似度{best:.0f}），存在知识产权纠纷记录。")
                en = (f"Counterparty '{cp}' resembles '{party}', the accused party in case {first.case_number} "
                      f"({first.case_title}){more_en} (similarity {best:.0f}): a record of IP disputes.")
            else:
                severity, score = "medium", int(best * 0.7)
                zh = (f"交易方“{cp}”与案件{first.case_number}（{first.case_title}）{more_zh}的申请人“{party}”相近"
                      f"（相似度{best:.0f}）：其积极主张知识产权，交易前应核实其权利及许可范围。")
                en = (f"Counterparty '{cp}' resembles '{party}', the applicant in case {first.case_number}{more_en} "
                      f"(similarity {best:.0f}): it enforces its IP; check its rights and licences first.")
            hits.append(Hit(
                key=f"party:{cp}|{party}|{role}", category="party", subject=cp, target=party,
                target_ref=first.case_number, severity=severity, score=score, reason=zh, reason_en=en,
                action="due_diligence", basis=(role, party, len(cases)),
                details={"cases": cases[:50], "case_count": len(cases), "similarity": best,
                         "case_status": first.case_status, "message": first.message}))
    return _sort(hits)
