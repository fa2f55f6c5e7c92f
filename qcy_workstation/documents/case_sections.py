"""Sections an advice letter and a reference opinion share: the evidence reviewed (with SHA-256), the rights'
status and the applicant's standing, the attachments list, and the one law text or route the opinion cites.

Why here and not in ``builders.py``: these read the case's records (evidence, register status, the date of
the acts) rather than the pre-check, and each rests on a rule that lives in ``data/law_versions.json`` with
its source: the AUCL text in force on the date of the acts (issue 13 item 6), the GI route of the case's
right, the patent terms of Patent Law Art. 42.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qcy_workstation.documents.model import Paragraph, Section, Table, format_date

if TYPE_CHECKING:
    from qcy_workstation.documents.builders import CaseData

DATA = Path(__file__).resolve().parent / "data" / "law_versions.json"


@dataclass
class EvidenceInfo:
    """One item of evidence held on the case (as stored: the file's SHA-256 proves which file was read)."""

    name: str
    sha256: str
    size: int = 0
    source: str = ""
    description: str = ""
    received_on: date | None = None


@cache
def law_versions() -> dict[str, Any]:
    return json.loads(DATA.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def acts_date(case: CaseData) -> date | None:
    """The date of the acts the opinion is about: the infringement date the estimate was made for."""
    raw = (case.compensation or {}).get("infringement_date")
    if isinstance(raw, date):
        return raw
    try:
        return date.fromisoformat(str(raw)) if raw else None
    except ValueError:
        return None


def aucl_version(on: date | None) -> dict[str, Any] | None:
    """The AUCL text in force on ``on`` (the law at the time of the acts applies); None before 2018 or
    when the date is unknown."""
    if on is None:
        return None
    chosen = None
    for version in law_versions()["aucl_trade_secret"]:
        if date.fromisoformat(version["effective_from"]) <= on:
            chosen = version
    return chosen


def aucl_sources_line(case: CaseData, lang: str, checks: list[str]) -> str:
    """The "Sources" line of a trade-secret comparison: one AUCL version, by the date of the acts, plus the
    SPC provisions (2020) the comparison rests on. Unknown date: no version is asserted."""
    zh = lang == "zh"
    spc = ("《最高人民法院关于审理侵犯商业秘密民事案件适用法律若干问题的规定》（法释〔2020〕7号）第六条、第十三条、第十四条"
           if zh else "SPC Provisions on trade-secret civil cases (2020) Arts. 6, 13 and 14")
    version = aucl_version(acts_date(case))
    if version is None:
        checks.append("侵权行为发生日期未记录（赔偿估算中的侵权日期），文书未写明适用的反不正当竞争法版本；请记录日期后重新生成。")
        law = ("侵权行为发生时施行的《中华人民共和国反不正当竞争法》关于商业秘密的规定" if zh else
               "the provisions on trade secrets of the Anti-Unfair Competition Law in force when the acts took place")
    else:
        if not version.get("verified", True):
            checks.append(version.get("staff_note_zh", ""))
        law = (f"{version['law_zh']}{version['articles_zh']}" if zh else f"{version['law_en']}, {version['articles_en']}")
    return ("依据：" if zh else "Sources: ") + law + ("；" if zh else "; ") + spc


def gi_route(case: CaseData) -> str:
    """The one protection route the GI opinion analyses: the case's GI right's route, else the estimate's."""
    for r in case.rights:
        if r.kind == "gi" and r.gi_route:
            return r.gi_route
    return str((case.compensation or {}).get("gi_route") or "")


def gi_route_words(route: str, lang: str) -> str:
    info = law_versions()["gi_routes"].get(route)
    if not info:
        return ""
    zh = lang == "zh"
    return (f"保护途径：本意见按{info['zh']}途径分析，适用{info['law_zh']}；比对、结论与赔偿估算均依此途径。" if zh else
            f"Route: this opinion treats the GI as a {info['en']} under {info['law_en']}; the comparison, the "
            "conclusion and the estimate all follow this route.")


def gi_citation_keys(route: str) -> list[str] | None:
    """Citation keys a GI comparison keeps for ``route`` (None: no route recorded, keep them all)."""
    table = law_versions()["gi_routes"]
    if route not in table or route.startswith("_"):
        return None
    return list(table[route]["citations"]) + list(table["always"])


def _hash_groups(sha: str) -> str:
    """A SHA-256 in groups of eight, so it wraps in a table cell and can be read aloud and compared."""
    return " ".join(sha[i:i + 8] for i in range(0, len(sha), 8))


def _evidence_name(e: EvidenceInfo, zh: bool) -> str:
    if not e.description:
        return e.name
    return f"{e.name}（{e.description}）" if zh else f"{e.name} ({e.description})"


def evidence_section(case: CaseData, lang: str) -> Section:
    """The evidence the opinion rests on, each with its SHA-256: the enterprise can check that the files it
    holds are the ones read (issue 13 item 8)."""
    zh = lang == "zh"
    header = ["序号", "材料名称", "来源", "收到日期", "SHA-256 校验值"] if zh else ["#", "Item", "Source", "Received",
                                                                            "SHA-256"]
    rows = [[str(i), _evidence_name(e, zh), e.source, format_date(e.received_on, lang) if e.received_on else "",
             _hash_groups(e.sha256)] for i, e in enumerate(case.evidence, 1)]
    blocks: list[Any] = []
    if rows:
        blocks.append(Paragraph(
            f"本意见依据以下{len(rows)}份材料作出；校验值可用于核对所持文件与本工作站审阅的文件是否一致。" if zh else
            f"This document rests on the {len(rows)} items below; the checksums show whether a file you hold is the "
            "one the workstation read.", style="plain"))
        blocks.append(Table(header, rows, widths=[0.5, 2.4, 1.2, 1.3, 2.6]))
    else:
        blocks.append(Paragraph("本案尚未登记证据材料；本意见仅依据申请人陈述作出。" if zh else
                                "No evidence is recorded on the case; this document rests on the applicant's account "
                                "only.", style="plain"))
    return Section("证据材料" if zh else "Evidence reviewed", blocks)


_KIND_WORDS = {"patent": ("专利", "patent"), "trademark": ("注册商标", "registered mark"), "gi": ("地理标志", "GI"),
               "trade-secret": ("商业秘密", "trade secret")}


def _patent_term(number: str, lang: str) -> str:
    from qcy_workstation.cases.validation import patent_kind_from_number

    body = number.removeprefix("ZL").split(".")[0]
    if len(body) != 12 or not body[:4].isdigit():
        return ""
    year = int(body[:4])
    kind = patent_kind_from_number(number)
    terms = law_versions()["patent_terms"]
    years = terms[kind]
    zh = lang == "zh"
    note = ""
    if kind == "design" and year <= 2021:
        years = terms["design_before_2021_06_01"] if year < 2021 else years
        if year == 2021:
            note = "（2021年6月1日前申请的为十年）" if zh else " (10 years if filed before 1 June 2021)"
    return (f"{year}年申请，保护期自申请日起{years}年，至{year + years}年届满{note}（《专利法》第四十二条）；年费缴纳情况须核实" if zh else
            f"filed in {year}; the term is {years} years from filing, ending in {year + years}{note} (Patent Law "
            "Art. 42); check that annuities are paid")


def rights_status_section(case: CaseData, lang: str, standing: str) -> Section:
    """Each right's status as far as the workstation can see it (register extract imported here, term from the
    filing year) and the applicant's standing; what is not shown is said to need checking, not assumed."""
    zh = lang == "zh"
    applicant = case.applicant.name if case.applicant else ""
    rows = []
    for r in case.rights:
        kind = _KIND_WORDS.get(r.kind, (r.kind, r.kind))[0 if zh else 1]
        status = []
        if r.register_status:
            status.append(f"本工作站导入的登记信息显示：{r.register_status}" if zh else
                           f"register extract held here: {r.register_status}")
        else:
            status.append("未在本工作站导入的登记信息中查到，以官方登记簿为准" if zh else
                          "not in the register extracts held here; the official register governs")
        if r.kind == "patent" and r.number:
            term = _patent_term(r.number, lang)
            if term:
                status.append(term)
        if r.owner and applicant and r.owner != applicant:
            owner = (f"{r.owner}（非申请人：请提供许可合同或授权）" if zh else
                     f"{r.owner} (not the applicant: please provide the licence or authorisation)")
        else:
            owner = r.owner or ("未填写" if zh else "not given")
        rows.append([kind, r.number or r.title, owner, "；".join(status) if zh else "; ".join(status)])
    blocks: list[Any] = []
    if rows:
        header = ["权利", "号码/名称", "权利人", "状态"] if zh else ["Right", "Number / name", "Holder", "Status"]
        blocks.append(Table(header, rows, widths=[1.0, 1.8, 1.8, 3.4]))
    owners = {r.owner for r in case.rights if r.owner}
    if standing:
        blocks.append(Paragraph(standing))
    elif applicant and owners == {applicant}:
        blocks.append(Paragraph(f"主体资格：{applicant}为上述权利的权利人，可以自己的名义主张权利。" if zh else
                                f"Standing: {applicant} holds the rights above and may act in its own name."))
    elif applicant and case.rights and not owners:
        blocks.append(Paragraph(f"主体资格：材料中未写明权利人；本意见以{applicant}为权利人为前提，请提供权利证明。" if zh else
                                f"Standing: the material does not name the holder; this document assumes {applicant} "
                                "holds the rights: please provide proof."))
    if not blocks:
        blocks.append(Paragraph("本案未登记权利信息，请补充权利证明。" if zh else
                                "No right is recorded on the case; please provide proof of the right.", style="plain"))
    return Section("权利状态与主体资格" if zh else "The rights and standing", blocks)


def attachments_section(items: list[str], lang: str) -> Section | None:
    """附件：1. … 2. … (after the body, before the signature, as on official documents)."""
    items = [i.strip() for i in items if i and i.strip()]
    if not items:
        return None
    zh = lang == "zh"
    return Section("附件" if zh else "Attachments",
                   [Paragraph(f"{n}. {item}", style="plain") for n, item in enumerate(items, 1)])


def default_attachments(case: CaseData, lang: str, *, estimate: bool) -> list[str]:
    """What normally goes with an advice letter or opinion: the evidence list and the estimate's workings."""
    zh = lang == "zh"
    out = []
    if case.evidence:
        out.append(f"证据材料清单及校验值（{len(case.evidence)}份）" if zh else
                   f"List of evidence with checksums ({len(case.evidence)} items)")
    if estimate:
        out.append("赔偿数额估算明细" if zh else "Workings of the compensation estimate")
    return out


def panel_section(panels: list[dict[str, Any]], lang: str) -> Section:
    """The conclusions of the case's concluded expert panels (issue 17 item 2), cited in the reference opinion:
    when and who met, the questions, the conclusion and any dissent, and that it is an expert view given for
    reference, not a legal determination (the workstation's opinions are for reference: the disclaimer)."""
    zh = lang == "zh"
    blocks: list[Any] = []
    for p in panels:
        people = []
        for e in p["experts"]:
            about = [x for x in (e["affiliation"], e["field"]) if x]
            people.append(e["name"] + ((f"（{'，'.join(about)}）" if zh else f" ({', '.join(about)})") if about else ""))
        who = ("、" if zh else "; ").join(people)
        held = format_date(p["held_on"], lang)
        blocks.append(Paragraph(
            f"{held}，本工作站就本案组织专家论证（编号 {p['number']}），参加论证的专家：{who}。" if zh else
            f"On {held} the workstation convened an expert panel on this case (no. {p['number']}); the experts: "
            f"{who}."))
        if p["questions"]:
            blocks.append(Paragraph(("论证的问题：" if zh else "Questions put to the panel: ") + p["questions"]))
        blocks.append(Paragraph(("专家论证结论：" if zh else "The panel's conclusion: ") + p["conclusion"]))
        if p["dissent"]:
            blocks.append(Paragraph(("不同意见：" if zh else "Dissent: ") + p["dissent"]))
    blocks.append(Paragraph(
        "专家论证意见系参加论证专家的专业意见，供参考，不构成行政机关或人民法院的认定。" if zh else
        "The panel's conclusion is the professional view of the experts who sat on it, given for reference; it "
        "is not a finding of an administrative authority or a court."))
    return Section("专家论证意见" if zh else "Expert panel's conclusion", blocks)
