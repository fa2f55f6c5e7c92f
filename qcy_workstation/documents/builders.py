"""Build :class:`DocumentContent` for each document kind from plain case data (no store, no Qt).

The documents service (``service.py``) turns a stored case into :class:`CaseData`; tests and the desktop
page may build :class:`CaseData` directly. ``build_document`` is the one entry point.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from qcy_workstation.china_time import china_today
from qcy_workstation.compensation.money import format_rmb, rmb_capitals
from qcy_workstation.documents import labels
from qcy_workstation.documents.case_sections import (
    EvidenceInfo,
    attachments_section,
    aucl_sources_line,
    default_attachments,
    evidence_section,
    gi_citation_keys,
    gi_route,
    gi_route_words,
    panel_section,
    rights_status_section,
)
from qcy_workstation.documents.labels import DISCLAIMER, GUIDANCE_NOTE, IP_TYPE_NAMES, NUMBER_CODES, TITLES, L
from qcy_workstation.documents.model import (
    DOCUMENT_KINDS,
    LANGS,
    DocumentContent,
    KeyValues,
    Letterhead,
    Paragraph,
    Section,
    Signature,
    Table,
    format_date,
)
from qcy_workstation.documents.plain_words import chart_status, detail_table, for_enterprise, words_for
from qcy_workstation.errors import ValidationError, WorkflowError

GUIDANCE_DIR = Path(__file__).resolve().parent / "data" / "guidance"
GUIDANCE_TOPICS = ("evidence", "administrative-complaint", "mediation-arbitration", "litigation", "customs",
                   "overseas")


@dataclass
class PartyInfo:
    name: str
    uscc: str = ""
    address: str = ""
    contact: str = ""
    phone: str = ""


@dataclass
class RightInfo:
    kind: str
    number: str = ""
    title: str = ""
    owner: str = ""
    detail: str = ""
    gi_route: str = ""  # a GI's protection route (collective_mark, certification_mark, gi_product, agricultural_gi)
    register_status: str = ""  # the status in a register extract imported at the workstation, if found there


@dataclass
class ConsultationInfo:
    on: date | None
    channel: str
    enquirer: str
    topic: str
    summary: str = ""
    advice: str = ""
    staff: str = ""


@dataclass(frozen=True)
class Decision:
    """A recorded decision on a request (the case's transition to accepted or declined)."""

    on: date
    reason: str = ""
    by: str = ""


# A notice states a decision, so it exists only for a case that carries that decision (issue 13 item 1).
NOTICE_DECISION = {"acceptance-notice": "accepted", "non-acceptance-notice": "declined"}
NOTICE_STATUSES = {"acceptance-notice": ("accepted", "in_progress", "opinion_issued", "closed"),
                   "non-acceptance-notice": ("declined",)}


@dataclass
class CaseData:
    """What documents need to know about a case (plain values; ``precheck`` and ``compensation`` are dicts)."""

    number: str
    ip_type: str = ""
    title: str = ""
    applicant: PartyInfo | None = None
    opponent: PartyInfo | None = None
    rights: list[RightInfo] = field(default_factory=list)
    facts: str = ""
    received_on: date | None = None
    staff: str = ""
    status: str = ""
    consultations: list[ConsultationInfo] = field(default_factory=list)
    prechecks: list[dict[str, Any]] = field(default_factory=list)
    compensation: dict[str, Any] | None = None
    decisions: dict[str, Decision] = field(default_factory=dict)  # "accepted"/"declined" -> the latest
    evidence: list[EvidenceInfo] = field(default_factory=list)
    panels: list[dict[str, Any]] = field(default_factory=list)  # concluded expert panels (experts.service)

    def __post_init__(self) -> None:
        # An estimate saved under another right's law (before saving was checked) is left out of every
        # document rather than printed with the wrong article (issue 13 item 2).
        from qcy_workstation.compensation.rules import RIGHT_FOR_CASE_TYPE

        expected = RIGHT_FOR_CASE_TYPE.get(self.ip_type)
        if self.compensation and expected and self.compensation.get("right_type", expected) != expected:
            self.compensation = None


def notice_decision(kind: str, case: CaseData) -> Decision:
    """The decision a notice of ``kind`` states, or a WorkflowError when the case does not carry it
    (an acceptance notice for a declined case, a non-acceptance notice for an accepted one)."""
    decision = case.decisions.get(NOTICE_DECISION[kind])
    if case.status not in NOTICE_STATUSES[kind] or decision is None:
        raise WorkflowError(f"a {kind} needs a case that was {NOTICE_DECISION[kind]}; case {case.number} is "
                            f"{case.status or 'without a status'}", field="doc", value=kind,
                            reason="document.notice_status", params={"kind": kind, "case_status": case.status})
    return decision


@dataclass
class WorkstationInfo:
    name: str = "秦创原知识产权维权援助工作站"
    name_en: str = "Qin Chuangyuan IP Rights-Protection Assistance Workstation"
    letterhead: str = "秦创原创新驱动平台 · 知识产权维权援助工作站"
    letterhead_en: str = "Qin Chuangyuan Innovation Platform · IP Rights-Protection Assistance Workstation"
    address: str = "陕西省西安市"
    phone: str = "12330"


def default_number(kind: str, case_number: str, seq: int = 1, year: int | None = None) -> str:
    """A document number like ``QCY-YJ-2026-0007`` (same in both languages)."""
    year = year or china_today().year
    return f"QCY-{NUMBER_CODES[kind]}-{year}-{seq:04d}"


def _t(key: str, lang: str, **kw: Any) -> str:
    return L[key][lang].format(**kw)


def _ip(ip_type: str, lang: str) -> str:
    return IP_TYPE_NAMES.get(ip_type, {"zh": ip_type, "en": ip_type})[lang]


def _case_facts(case: CaseData, lang: str) -> KeyValues:
    items = [(_t("case_number", lang), case.number)]
    if case.applicant:
        items.append((_t("applicant", lang), case.applicant.name))
        if case.applicant.uscc:
            items.append((_t("uscc", lang), case.applicant.uscc))
    if case.opponent:
        items.append((_t("opponent", lang), case.opponent.name))
    items.append((_t("ip_type", lang), _ip(case.ip_type, lang)))
    if case.received_on:
        items.append((_t("received", lang), format_date(case.received_on, lang)))
    if case.staff:
        items.append((_t("staff", lang), case.staff))
    return KeyValues(items)


def _rights_table(case: CaseData, lang: str) -> Table | None:
    if not case.rights:
        return None
    header = [_t("right_kind", lang), _t("right_number", lang), _t("right_title", lang), _t("right_owner", lang)]
    rows = [[_ip(r.kind, lang), r.number, r.title, r.owner] for r in case.rights]
    return Table(header, rows, widths=[1, 1.6, 2.4, 1.6])


def _applicant_name(case: CaseData) -> str:
    return case.applicant.name if case.applicant else ""


# ------------------------------------------------------------------------------------------ compensation


def compensation_section(estimate: dict[str, Any], lang: str) -> Section:
    """The compensation estimate (``CompensationEstimate.to_dict()``) as lines with citations."""
    zh = lang == "zh"
    heading = "赔偿数额估算" if zh else "Compensation estimate"
    blocks: list[Any] = []
    law = f"{estimate.get('law_zh' if zh else 'law_en', '')} {estimate.get('article_zh' if zh else 'article_en', '')}"
    blocks.append(Paragraph(("适用规则：" if zh else "Rules applied: ") + law, style="plain"))
    rows = []
    for line in estimate.get("lines", []):
        amount = "" if line.get("amount") is None else format_rmb(line["amount"], lang=lang)
        rows.append([line["label_zh" if zh else "label_en"], amount, line["citation_zh" if zh else "citation_en"]])
    for line in estimate.get("why_not", []):
        rows.append([line["label_zh" if zh else "label_en"],
                     "" if line.get("amount") is None else format_rmb(line["amount"], lang=lang),
                     line["note_zh" if zh else "note_en"]])
    header = ["项目", "金额", "依据 / 说明"] if zh else ["Item", "Amount", "Basis / note"]
    blocks.append(Table(header, rows, widths=[2.0, 2.1, 3.9]))
    total = estimate.get("total", 0)
    low, high = estimate.get("range", [total, total])
    if zh:
        blocks.append(Paragraph(
            f"估算可能金额为{format_rmb(total)}（{rmb_capitals(total)}），估算区间为{format_rmb(low)}至{format_rmb(high)}"
            f"（{rmb_capitals(low)}至{rmb_capitals(high)}）。"))
    else:
        blocks.append(Paragraph(
            f"The likely figure is {format_rmb(total, lang='en')}, within an estimated range of "
            f"{format_rmb(low, lang='en')} to {format_rmb(high, lang='en')}."))
    comp = estimate.get("composition") or {}
    if comp.get("model"):
        key = "zh" if zh else "en"
        text = (f"计算构成：{comp['formula_zh']}。把握程度：中等。{comp['reasoning_zh']}" if zh else
                f"Composition: {comp['formula_en']}. Confidence: {comp.get('confidence', 'medium')}. "
                f"{comp['reasoning_en']}")
        if comp.get("alternative_total") is not None:
            alt = format_rmb(comp["alternative_total"], lang=lang)
            multiplicative = comp.get("alternative_model") == "multiplicative"
            text += (f"按{'乘法' if multiplicative else '加法'}理解（{comp['alternative_formula_zh']}）的金额为{alt}。" if zh
                     else f" Under the {'multiplicative' if multiplicative else 'additive'} reading "
                          f"({comp['alternative_formula_en']}) the figure is {alt}.")
        blocks.append(Paragraph(text, style="note"))
        blocks.append(Paragraph(("依据：" if zh else "Source: ") + comp[f"citation_{key}"], style="note"))
        # the circumstances the multiple rests on (SPC 2021 interpretation Arts. 3-4), in words
        circ = estimate.get("circumstances") or {}
        for kind, (zh_head, en_head) in (("intent", ("故意情形（惩罚性赔偿解释第三条）", "Intent (SPC 2021 interpretation Art. 3)")),
                                         ("seriousness", ("情节严重情形（惩罚性赔偿解释第四条）",
                                                          "Serious circumstances (SPC 2021 interpretation Art. 4)"))):
            items = [c.get(key) or c.get("code", "") for c in circ.get(kind, [])]
            if items:
                blocks.append(Paragraph((zh_head + "：" + "；".join(items) + "。") if zh else
                                        (en_head + ": " + "; ".join(items) + "."), style="note"))
    factors = estimate.get("statutory_factors") or {}
    if estimate.get("basis") == "statutory" and factors:
        blocks.append(Paragraph(
            ("法定赔偿考虑因素：" if zh else "Factors for statutory damages: ")
            + (factors.get("law_zh") if zh else factors.get("law_en", "")), style="note"))
    for note in estimate.get("notes_zh" if zh else "notes_en", []):
        blocks.append(Paragraph(note, style="note"))
    return Section(heading, blocks)


# -------------------------------------------------------------------------------------------- precheck


def precheck_sections(results: list[dict[str, Any]], lang: str, case: CaseData | None = None,
                      checks: list[str] | None = None) -> list[Section]:
    """Saved pre-check results (``to_dict()`` of the pre-check engine) as sections of the opinion.

    With ``case``: a trade-secret comparison cites the one AUCL text in force on the date of the acts, and a
    GI comparison only the route of the case's GI right (issue 13 item 6); points for staff go to ``checks``.
    """
    zh = lang == "zh"
    checks = checks if checks is not None else []
    out: list[Section] = []
    for res in results:
        kind = res.get("kind", "")
        blocks: list[Any] = []
        if kind == "patent":
            heading = "专利侵权比对（技术特征对照表）" if zh else "Patent comparison (claim chart)"
            blocks.append(Paragraph(
                (f"比对权利要求：第{res.get('claim', '')}项。结论：{res.get('verdict_zh') or words_for(res.get('verdict'), 'zh')}。"
                 f"{res.get('reason_zh', '')}") if zh else
                f"Claim {res.get('claim', '')}: {words_for(res.get('verdict'), 'en')}. {res.get('reason_en', '')}"))
            rows = []
            for e in res.get("elements", []):
                status = e.get("status", "")
                rows.append([str(e.get("index", "")), e.get("element", ""),
                             chart_status(status, "zh" if zh else "en"), e.get("evidence", ""),
                             e.get("note", "")])
            header = (["序号", "技术特征", "比对", "被诉方案对应内容", "说明"] if zh else
                      ["#", "Technical feature", "Finding", "Accused solution", "Note"])
            blocks.append(Table(header, rows, widths=[0.5, 2.5, 1.1, 2.5, 1.5]))
        elif kind == "trademark":
            heading = "商标近似与混淆可能性" if zh else "Trademark similarity and likelihood of confusion"
            if res.get("needs_review"):
                blocks += _trademark_review_blocks(res, zh, checks)
            else:
                blocks.append(Paragraph(
                    (f"权利商标“{res.get('mark', '')}”与被诉标识“{res.get('other', '')}”：综合得分{res.get('score', '')}，"
                     f"混淆可能性{'较大' if res.get('likely_confusion') else '较小'}，风险{words_for(res.get('risk'), 'zh')}。")
                    if zh else
                    f"Mark '{res.get('mark', '')}' v. sign '{res.get('other', '')}': score {res.get('score', '')}; "
                    f"confusion is {'likely' if res.get('likely_confusion') else 'unlikely'}; the risk is "
                    f"{words_for(res.get('risk'), 'en')}."))
            rows = [[words_for(f.get("name", ""), "zh" if zh else "en"), str(f.get("score", "")),
                     f.get("text_zh" if zh else "text_en", "")] for f in res.get("factors", [])]
            header = ["因素", "得分", "说明"] if zh else ["Factor", "Score", "Explanation"]
            blocks.append(Table(header, rows, widths=[1.4, 0.7, 5]))
        else:
            names = {"gi": ("地理标志使用判断", "GI finding"), "trade_secret": ("商业秘密比对", "Trade-secret comparison"),
                     "trade-secret": ("商业秘密比对", "Trade-secret comparison")}
            heading = names.get(kind, ("预判结果", "Pre-check result"))[0 if zh else 1]
            finding = (res.get("verdict_zh") if zh else None) or words_for(
                res.get("verdict") or res.get("finding"), "zh" if zh else "en")
            reason = res.get("reason_zh" if zh else "reason_en") or res.get("summary", "")
            blocks.append(Paragraph(f"结论：{finding}。{reason}" if zh else f"Finding: {finding}. {reason}"))
            for key in ("matches", "items", "findings", "elements", "points"):
                items = res.get(key)
                if isinstance(items, list) and items and isinstance(items[0], dict):
                    table = detail_table(items, "zh" if zh else "en")
                    if table is not None:
                        blocks.append(table)
                    break
        cites = res.get("citations") or []
        # Results of precheck >= 1.1 carry their citations grouped by source (each law named once);
        # older saved results get the per-article line they always had.
        text = res.get("citation_text_zh" if zh else "citation_text_en") or "；".join(
            f"{c.get('source', '')}（{c.get('version', '')}）{c.get('article', '')}" for c in cites if isinstance(c, dict))
        if case is not None and kind in ("trade_secret", "trade-secret"):
            blocks.append(Paragraph(aucl_sources_line(case, lang, checks), style="note"))
            text = ""
        elif case is not None and kind == "gi":
            route = gi_route(case)
            keys = gi_citation_keys(route)
            if keys is None:
                checks.append("地理标志的保护途径未在权利信息中记录，意见未限定一种途径；请在案件的权利信息中选择保护途径。")
            else:
                from qcy_workstation.precheck.common import group_citations

                kept = [c for c in cites if isinstance(c, dict) and c.get("key") in keys]
                groups = group_citations(kept)
                text = ("；" if zh else "; ").join(g.label("zh" if zh else "en") for g in groups)
                blocks.insert(0, Paragraph(gi_route_words(route, lang)))
        if text:
            blocks.append(Paragraph(("依据：" if zh else "Sources: ") + text, style="note"))
        blocks.append(Paragraph(res.get("disclaimer" if zh else "disclaimer_en")
                                or ("参考性预判，非法律认定" if zh else "reference pre-check, not a legal determination"),
                                style="note"))
        out.append(Section(heading, blocks))
    return out


# -------------------------------------------------------------------------------------------- guidance


@cache
def guidance_topic(topic: str) -> dict[str, Any]:
    """A guidance topic's data file (sections per IP type with citations)."""
    if topic not in GUIDANCE_TOPICS:
        raise ValidationError("unknown guidance topic; one of " + ", ".join(GUIDANCE_TOPICS), field="topic",
                              value=topic)
    return json.loads((GUIDANCE_DIR / f"{topic}.json").read_text(encoding="utf-8"))


def guidance_sections(topic: str, ip_type: str, lang: str) -> tuple[str, list[Section]]:
    """The topic's title and the sections that apply to ``ip_type`` (all types when empty)."""
    data = guidance_topic(topic)
    ip = ip_type.replace("_", "-")
    sections = []
    for sec in data["sections"]:
        applies = sec.get("applies_to", ["all"])
        if ip and "all" not in applies and ip not in applies:
            continue
        blocks: list[Any] = [Paragraph(p) for p in sec[lang]["paragraphs"]]
        steps = sec[lang].get("steps")
        if steps:
            blocks.append(Table(["步骤", "做法"] if lang == "zh" else ["Step", "What to do"],
                                [[str(i + 1), s] for i, s in enumerate(steps)], widths=[0.6, 7]))
        cites = sec.get("citations", [])
        if cites:
            blocks.append(Paragraph(("依据：" if lang == "zh" else "Sources: ")
                                    + ("；" if lang == "zh" else "; ").join(c[lang] for c in cites), style="note"))
        sections.append(Section(sec[lang]["heading"], blocks))
    return data["title"][lang], sections


# ------------------------------------------------------------------------------------------- documents


def build_document(
    kind: str,
    case: CaseData | None,
    *,
    lang: str = "zh",
    workstation: WorkstationInfo | None = None,
    number: str | None = None,
    issue_date: date | None = None,
    options: dict[str, Any] | None = None,
) -> DocumentContent:
    """The content of a document of ``kind`` for ``case`` (``case`` may be None for guidance).

    ``options``: ``advice`` (list of paragraphs), ``reasons`` (non-acceptance), ``topic`` and ``ip_type``
    (guidance), ``memo`` (early-warning data: ``subject``, ``findings`` [rows], ``risks``,
    ``recommendations``), ``handler``/``reviewer`` names, ``remarks``.
    """
    if kind not in DOCUMENT_KINDS:
        raise ValidationError("document kind must be one of " + ", ".join(DOCUMENT_KINDS), field="doc", value=kind)
    if lang not in LANGS:
        raise ValidationError("language must be zh or en", field="lang", value=lang)
    if case is None and kind != "guidance":
        raise ValidationError("this document needs a case", field="case", reason="document.needs_case")
    ws = workstation or WorkstationInfo()
    opts = options or {}
    day = issue_date or china_today()
    if kind in NOTICE_DECISION:
        assert case is not None
        day = notice_decision(kind, case).on  # a notice is dated by the decision, not by the export
    zh = lang == "zh"
    ws_name = ws.name if zh else ws.name_en
    content = DocumentContent(
        kind=kind, lang=lang, title=TITLES[kind][lang],
        number=number or default_number(kind, case.number if case else "", year=day.year),
        issue_date=day, date_text=format_date(day, lang),
        letterhead=Letterhead(name=ws_name, subtitle=ws.letterhead if zh else ws.letterhead_en,
                              address=ws.address, phone=(("电话：" if zh else "Tel. ") + ws.phone) if ws.phone else ""),
        signature=Signature(organisation=ws_name, date_text=format_date(day, lang), seal_hint=_t("seal", lang),
                            staff_label=_t("handler", lang) if opts.get("handler") else "",
                            staff_name=opts.get("handler", "")),
        number_label=_t("number", lang), page_label=L["page"][lang],
        metadata={"case_number": case.number if case else "", "kind": kind, "lang": lang},
    )
    builder = _BUILDERS[kind]
    builder(content, case, opts, ws)
    for_enterprise(content)  # staff notes become reservations; codes were put in words by the builders
    if len(content.signature.organisation) > 14 and zh:
        pass  # long names wrap inside the seal area's width; kept as is (staff can shorten in settings)
    return content


_CN_NUM = "〇一二三四五六七八九十"
CHANNELS = labels.CHANNEL_NAMES


def _addressee(content: DocumentContent, case: CaseData) -> None:
    name = _applicant_name(case)
    if name:
        content.addressee = _t("dear", content.lang, name=name)


def _acceptance(content: DocumentContent, case: CaseData, opts: dict[str, Any], ws: WorkstationInfo) -> None:
    zh = content.lang == "zh"
    _addressee(content, case)
    received = format_date(case.received_on, content.lang) if case.received_on else ""
    decided = format_date(notice_decision("acceptance-notice", case).on, content.lang)
    content.intro = [
        (f"你单位于{received}提交的知识产权维权援助申请（案件编号：{case.number}），经审查，符合受理条件，本工作站于{decided}"
         "决定予以受理。" if zh else
         f"Your request for IP rights-protection assistance received on {received} (case {case.number}) meets "
         f"the conditions for acceptance; the workstation decided to accept it on {decided}.")
    ]
    blocks: list[Any] = [_case_facts(case, content.lang)]
    rights = _rights_table(case, content.lang)
    if rights:
        blocks.append(rights)
    content.sections.append(Section("受理事项" if zh else "Matter accepted", blocks))
    steps = opts.get("next_steps") or ([
        "本工作站将指定承办人员跟进，必要时通知你单位补充证据材料。",
        "请保持联系方式畅通，并妥善保存与本案有关的原始证据。",
        "援助为公益性服务，不收取费用；援助意见仅供参考。",
    ] if zh else [
        "A case officer will follow the matter and may ask you for further evidence.",
        "Please keep your contact details current and keep the original evidence safe.",
        "Assistance is a free public service; its opinions are for reference.",
    ])
    content.sections.append(Section("后续安排" if zh else "Next steps", [Paragraph(s) for s in steps]))
    content.disclaimer = ""  # a notice or a record states facts: no "reference opinion" disclaimer


def _non_acceptance(content: DocumentContent, case: CaseData, opts: dict[str, Any], ws: WorkstationInfo) -> None:
    zh = content.lang == "zh"
    _addressee(content, case)
    received = format_date(case.received_on, content.lang) if case.received_on else ""
    decision = notice_decision("non-acceptance-notice", case)
    decided = format_date(decision.on, content.lang)
    content.intro = [
        (f"你单位于{received}提交的知识产权维权援助申请（案件编号：{case.number}），经审查，不符合受理条件，本工作站于{decided}"
         "决定不予受理。" if zh else
         f"Your request for IP rights-protection assistance received on {received} (case {case.number}) does "
         f"not meet the conditions for acceptance; the workstation decided on {decided} not to accept it.")
    ]
    # the reason recorded with the decision (staff may reword it in the editor); never a stock reason
    reasons = opts.get("reasons") or [r for r in decision.reason.splitlines() if r.strip()] or [
        "理由见本工作站的审查记录，可向承办人员了解。" if zh else "The reasons are in the workstation's review record; "
        "the case officer can explain them."]
    content.sections.append(Section("不予受理的理由" if zh else "Reasons", [Paragraph(r) for r in reasons]))
    content.sections.append(Section("受理条件" if zh else "Conditions for acceptance", [Paragraph(
        "实名提出申请；有明确的援助对象；有具体的事实、理由和证据材料；属于本工作站服务范围；未由其他机构处理。" if zh else
        "A request in the applicant's real name; a specific target; concrete facts, reasons and evidence; within "
        "the workstation's remit; not already handled elsewhere.")]))
    content.sections.append(Section("其他途径" if zh else "Other routes", [Paragraph(
        "你单位补正材料后可重新提出申请，也可拨打12330知识产权保护热线或向市场监督管理部门、人民法院寻求救济。" if zh else
        "You may apply again with the missing material, call the 12330 IP hotline, or turn to the market "
        "regulation authorities or the courts.")]))
    content.sections.append(Section("复核" if zh else "Reconsideration", [Paragraph(
        "你单位对本决定有异议的，可以书面向本工作站申请复核，写明理由并附补充材料；本工作站将指定未参与原审查的人员复核，"
        "并将复核结果书面告知你单位。" if zh else
        "If you disagree with this decision you may ask the workstation in writing to reconsider it, giving your "
        "reasons and any further material; a member of staff who did not take the decision will review it and "
        "tell you the outcome in writing.")]))
    content.disclaimer = ""  # a notice or a record states facts: no "reference opinion" disclaimer


def _consultation_record(content: DocumentContent, case: CaseData, opts: dict[str, Any], ws: WorkstationInfo) -> None:
    zh = content.lang == "zh"
    content.sections.append(Section("案件信息" if zh else "Case", [_case_facts(case, content.lang)]))
    header = (["日期", "方式", "咨询人", "事项", "咨询内容", "答复意见", "接待人"] if zh else
              ["Date", "Channel", "Enquirer", "Topic", "Question", "Answer", "Staff"])
    rows = [[format_date(c.on, content.lang) if c.on else "", CHANNELS.get(c.channel, {}).get(content.lang, c.channel),
             c.enquirer, c.topic, c.summary, c.advice,
             c.staff] for c in case.consultations]
    if not rows:
        rows = [["", "", "", "", "无咨询记录" if zh else "no consultations recorded", "", ""]]
    content.sections.append(Section("咨询记录" if zh else "Consultations",
                                    [Table(header, rows, widths=[1.2, 0.8, 1.0, 1.2, 2.2, 2.2, 0.8])]))
    if opts.get("remarks"):
        content.sections.append(Section("备注" if zh else "Remarks", [Paragraph(opts["remarks"])]))
    content.disclaimer = ""  # a notice or a record states facts: no "reference opinion" disclaimer


def _advice_letter(content: DocumentContent, case: CaseData, opts: dict[str, Any], ws: WorkstationInfo) -> None:
    zh = content.lang == "zh"
    _addressee(content, case)
    content.intro = [
        (f"你单位就{_ip(case.ip_type, 'zh')}纠纷（案件编号：{case.number}）向本工作站申请维权援助。本工作站根据你单位提供的材料，"
         "经分析研究，提出如下援助意见，供参考。" if zh else
         f"Your enterprise asked the workstation for assistance in a {_ip(case.ip_type, 'en')} dispute (case "
         f"{case.number}). Having studied the material you provided, the workstation gives the following advice "
         "for your reference.")
    ]
    blocks: list[Any] = [_case_facts(case, content.lang)]
    if case.facts:
        blocks.append(Paragraph(case.facts))
    sections = [Section("基本情况" if zh else "The matter", blocks),
                rights_status_section(case, content.lang, _gi_standing(case, zh)),
                evidence_section(case, content.lang)]
    advice = opts.get("advice") or _default_advice(case, content.lang)
    content.metadata["editable"] = {"advice": len(sections)}
    sections.append(Section("援助意见" if zh else "Advice", [Paragraph(a) for a in advice]))
    if case.compensation:
        sections.append(compensation_section(case.compensation, content.lang))
    for n, sec in enumerate(sections, 1):
        sec.heading = (f"{_CN_NUM[n]}、" if zh else f"{n}. ") + sec.heading
    content.sections.extend(sections)
    _attachments(content, case, opts, estimate=bool(case.compensation))
    content.closing = [("以上意见供你单位参考。如有疑问，请与本工作站联系。" if zh else
                        "The above is for your reference. Please contact the workstation with any questions.")]
    content.disclaimer = DISCLAIMER[content.lang]


def _default_advice(case: CaseData, lang: str) -> list[str]:
    """The standard advice, per IP type and per what the comparison found (issue 13 item 8): no trademark
    renewal in a patent letter, no warning letter where no infringement was found."""
    zh = lang == "zh"
    other = case.opponent.name if case.opponent else ("对方" if zh else "the other party")
    finding = opinion_finding(case.prechecks)
    kind = case.ip_type
    out: list[tuple[str, str]] = [(
        f"建议及时固定{other}的侵权证据，可通过公证购买、网页公证或可信时间戳等方式保全，并保存购买凭证和实物。",
        f"Preserve evidence of {other}'s conduct promptly: notarised purchase, notarised web pages or trusted time "
        "stamps; keep receipts and the goods.")]
    out.append({
        "patent": ("请核实专利仍然有效（年费按时缴纳），准备专利证书和登记簿副本；实用新型和外观设计专利可向国家知识产权局申请专利权"
                   "评价报告（《专利法》第六十六条第二款）。",
                   "Check that the patent is in force (annuities paid) and prepare the certificate and a register "
                   "extract; for a utility model or design, request a patent evaluation report from CNIPA (Patent "
                   "Law Art. 66(2))."),
        "trademark": ("请核实注册商标在被诉使用的商品或服务上核定使用、仍在有效期内（期满前十二个月内可办理续展，《商标法》第四十条），"
                      "并保存近三年的使用证据，以应对不使用抗辩。",
                      "Check that the registration covers the goods or services concerned and is in force (renewal "
                      "within twelve months before expiry, Trademark Law Art. 40), and keep evidence of use over the "
                      "last three years against a non-use defence."),
        "gi": ("请确认你单位的主体资格：系地理标志集体商标、证明商标的注册人或经许可的使用人，或已获准使用地理标志产品专用标志；"
               "并按所选保护途径准备相应证明。",
               "Establish your standing: registrant or authorised user of the GI collective or certification mark, "
               "or approved user of the GI product mark; prepare the proof that fits the route chosen."),
        "trade-secret": ("请梳理秘密点，并整理采取保密措施的证据（保密协议、权限管理、培训记录等）；核查涉嫌人员或单位的接触渠道"
                         "（劳动合同、离职交接、合作协议）。",
                         "Identify the secret points and collect evidence of the confidentiality measures "
                         "(agreements, access control, training); establish how the suspected persons or firms had "
                         "access (employment contracts, exit records, cooperation agreements)."),
    }.get(kind, ("请准备权利证明文件。", "Prepare proof of your right.")))
    if kind == "trade-secret":
        out.append(("涉及本单位员工或离职员工的，可依劳动合同、保密协议申请劳动仲裁；损失或获利数额较大、情节严重的，可考虑向公安机关"
                    "报案（《刑法》第二百一十九条），是否达到立案标准由公安机关审查。",
                    "Where employees or former employees are involved, labour arbitration under the contract or "
                    "confidentiality agreement is open; where the loss or gain is large, consider reporting to the "
                    "police (Criminal Law Art. 219), who decide whether the threshold for a criminal case is met."))
    if finding == "positive":
        out.append((f"可向{other}发送警告函，要求停止侵权；警告后仍继续实施的，可作为认定故意的情形之一。",
                    f"Consider a warning letter to {other}; continuing after a warning is one of the circumstances "
                    "that show intent."))
    elif finding == "negative":
        out.append(("比对未发现侵权的依据，不建议发送侵权警告函：无依据的警告可能引发确认不侵权之诉或商业诋毁纠纷。",
                    "The comparison found no basis for infringement: we do not recommend a warning letter, which "
                    "may provoke an action for a declaration of non-infringement or a claim of commercial "
                    "disparagement."))
    else:
        out.append(("是否发送警告函，宜在补充证据、完成比对核实后再定，以免引发确认不侵权之诉或商业诋毁纠纷。",
                    "Decide on a warning letter only after the evidence is complete and the comparison checked, to "
                    "avoid an action for a declaration of non-infringement or a disparagement claim."))
    if re.search(r"出口|进口|海关|跨境|境外|export|import|customs", f"{case.facts} {case.title}", re.IGNORECASE):
        out.append(("涉及进出口的，可办理知识产权海关保护备案，并在目标市场检索、布局相关权利。",
                    "As goods cross the border, consider recording the right with China Customs and searching and "
                    "securing rights in the target markets."))
    out.append(("可根据证据情况选择行政投诉、调解或向人民法院起诉；涉及赔偿的，应注意三年诉讼时效（《民法典》第一百八十八条）。",
                "Depending on the evidence choose an administrative complaint, mediation or a court action; a "
                "damages claim is subject to the three-year limitation period (Civil Code Art. 188)."))
    defences = {
        "patent": ("对方可能提出现有技术抗辩（《专利法》第六十七条）或合法来源抗辩（第七十七条），请提前准备应对材料。",
                   "Expect a prior-art defence (Patent Law Art. 67) or a lawful-source defence (Art. 77)."),
        "trademark": ("对方可能提出三年不使用抗辩、合法来源抗辩（《商标法》第六十四条）或正当使用抗辩（第五十九条）。",
                      "Expect a non-use or lawful-source defence (Trademark Law Art. 64) or a fair-use defence "
                      "(Art. 59)."),
        "trade-secret": ("对方可能主张自行开发研制或反向工程获得（最高人民法院关于审理侵犯商业秘密民事案件的规定第十四条），"
                         "请保存研发过程和时间先后的证据。",
                         "Expect a defence of independent development or reverse engineering (SPC provisions on "
                         "trade-secret cases, Art. 14); keep evidence of your development and its dates."),
        "gi": ("对方可能主张其产品确产自地理标志产地或属正当使用，请核实其产地和使用方式。",
               "Expect the other party to claim its goods come from the GI area or that its use is fair; check its "
               "origin and how it uses the name."),
    }.get(kind)
    if defences:
        out.append(defences)
    return [z if zh else e for z, e in out]


def _reference_opinion(content: DocumentContent, case: CaseData, opts: dict[str, Any], ws: WorkstationInfo) -> None:
    zh = content.lang == "zh"
    _addressee(content, case)
    content.intro = [
        (f"应{_applicant_name(case)}申请，本工作站就案件{case.number}所涉{_ip(case.ip_type, 'zh')}侵权问题进行了比对分析，"
         "形成如下参考意见。" if zh else
         f"At the request of {_applicant_name(case)}, the workstation compared the rights and the accused "
         f"conduct in case {case.number} ({_ip(case.ip_type, 'en')}) and gives the following reference opinion.")
    ]
    blocks: list[Any] = [_case_facts(case, content.lang)]
    if case.facts:
        blocks.append(Paragraph(case.facts))
    head = [Section("基本情况" if zh else "The matter", blocks),
            rights_status_section(case, content.lang, _gi_standing(case, zh)),
            evidence_section(case, content.lang)]
    for n, sec in enumerate(head, 1):
        sec.heading = (f"{_CN_NUM[n]}、" if zh else f"{n}. ") + sec.heading
    content.sections.extend(head)
    checks: list[str] = content.metadata.setdefault("staff_checks", [])
    pre = precheck_sections(case.prechecks, content.lang, case, checks)
    if not pre:
        pre = [Section("侵权比对" if zh else "Comparison", [Paragraph(
            "本案尚无保存的比对结果。" if zh else "No saved comparison for this case.")])]
    n = len(head) + 1  # section numbers follow what the opinion actually contains
    for i, sec in enumerate(pre):
        if len(pre) == 1:
            sec.heading = (f"{_CN_NUM[n]}、" if zh else f"{n}. ") + sec.heading
        else:
            sec.heading = (f"{_CN_NUM[n]}、（{i + 1}）" if zh else f"{n}.{i + 1} ") + sec.heading
        content.sections.append(sec)
    finding = opinion_finding(case.prechecks)
    estimate_shown = bool(case.compensation) and finding != "negative"
    if estimate_shown:
        n += 1
        sec = compensation_section(case.compensation or {}, content.lang)
        sec.heading = (f"{_CN_NUM[n]}、" if zh else f"{n}. ") + sec.heading
        content.sections.append(sec)
    if case.panels:  # the experts' conclusion is cited, then the workstation's own opinion (issue 17 item 2)
        n += 1
        sec = panel_section(case.panels, content.lang)
        sec.heading = (f"{_CN_NUM[n]}、" if zh else f"{n}. ") + sec.heading
        content.sections.append(sec)
    n += 1
    default = _finding_words(finding, case, zh)
    if case.compensation and not estimate_shown:
        default.append("比对未发现侵权的依据，本意见不作赔偿数额估算。" if zh else
                       "As the comparison found no basis for infringement, this opinion gives no compensation "
                       "estimate.")
    default += _confirmed_words(case.prechecks, zh)
    if _is_utility_model(case):
        default.append(
            "涉案专利为实用新型专利。依照《专利法》第六十六条第二款，人民法院或者管理专利工作的部门可以要求专利权人出具专利权"
            "评价报告，作为审理、处理专利侵权纠纷的证据；建议在维权前向国家知识产权局申请专利权评价报告。" if zh else
            "The patent is a utility model. Under Patent Law Art. 66(2) a court or the patent administration may ask "
            "the patentee for a patent evaluation report as evidence; we suggest requesting one from CNIPA before "
            "taking action.")
    conclusion = opts.get("advice") or default
    content.metadata["editable"] = {"advice": len(content.sections)}
    content.sections.append(Section((f"{_CN_NUM[n]}、参考意见" if zh else f"{n}. Opinion"),
                                    [Paragraph(c) for c in conclusion]))
    _attachments(content, case, opts, estimate=estimate_shown)
    content.disclaimer = DISCLAIMER[content.lang]


def _trademark_review_blocks(res: dict[str, Any], zh: bool, checks: list[str]) -> list[Any]:
    """A trademark comparison the engine sent to review (``precheck.trademark_review``): the opinion gives the
    score as a reference and says which facts the outcome turns on, never a settled conclusion; the reasons go
    to staff as points to check before issuing."""
    mark, other = res.get("mark", ""), res.get("other", "")
    reasons = [r for r in res.get("review_reasons") or [] if isinstance(r, dict)]
    facts_zh = res.get("review_facts_zh") or "在先商标的知名度、标志的实际使用方式"
    facts_en = res.get("review_facts_en") or "the earlier mark's reputation, the manner of use"
    out: list[Any] = [Paragraph(
        f"权利商标“{mark}”与被诉标识“{other}”：文字比对综合得分{res.get('score', '')}（仅供参考）。此类标志是否构成近似、"
        f"是否易导致混淆，不能仅凭文字判断，尚需结合{facts_zh}等事实和证据核实后再作判断，本意见对此不作确定结论。"
        if zh else
        f"Mark '{mark}' v. sign '{other}': the word comparison scores {res.get('score', '')} (for reference only). "
        f"Whether such signs are similar and confusion is likely cannot be told from the words alone; it must be "
        f"checked against the facts and evidence on {facts_en}, and this opinion draws no settled conclusion on it.")]
    for r in reasons:
        out.append(Paragraph(("待核实：" if zh else "To be checked: ") + str(r.get("text_zh" if zh else "text_en", "")),
                             style="note"))
    codes = "、".join(str(r.get("code", "")) for r in reasons) or "needs_review"
    checks.append(f"商标比对「{mark}」/「{other}」需人工复核（{codes}）：核实{facts_zh}后，再决定意见中的结论。")
    return out


POSITIVE_VERDICTS = {"literal", "equivalent", "likely_infringing", "misuse_likely", "misuse", "possible_misuse",
                     "substantially_same"}
NEGATIVE_VERDICTS = {"not_infringing", "no_misuse", "lawful_use", "different"}


def opinion_finding(results: list[dict[str, Any]]) -> str:
    """"positive", "negative", "review" or "none": what the saved comparisons support, said no more firmly
    than they allow. A negative patent finding that rests only on features not found (``unclear``), not on
    features shown to be absent (``missing``), is "review": an element not found is not an element absent."""
    verdicts = []
    for r in results:
        v = r.get("verdict")
        if r.get("kind") == "trademark":
            v = "likely_infringing" if r.get("likely_confusion") else "not_infringing"
            if r.get("needs_review"):  # turns on facts the words cannot show: no settled finding either way
                v = "needs_review"
        if r.get("kind") == "patent" and v == "not_infringing":
            statuses = {e.get("status") for e in r.get("elements", [])}
            if "missing" not in statuses:
                v = "needs_review"
        if r.get("review") and v in POSITIVE_VERDICTS:
            v = "needs_review"
        verdicts.append(v)
    if not verdicts:
        return "none"
    if any(v in POSITIVE_VERDICTS for v in verdicts):
        return "positive"
    if all(v in NEGATIVE_VERDICTS for v in verdicts):
        return "negative"
    return "review"


def _finding_words(finding: str, case: CaseData, zh: bool) -> list[str]:
    if finding == "positive":
        return ["根据现有材料，被诉行为可能构成侵权；上述比对与估算系依据当事企业提供的材料作出的初步分析，建议补强证据后"
                "选择维权途径。" if zh else
                "On the material provided the accused conduct may infringe; the comparison and estimate above are a "
                "preliminary analysis: strengthen the evidence, then choose the route."]
    if finding == "negative":
        return ["根据现有材料，被诉方案缺少权利要求的技术特征或与权利不构成近似，侵权成立的可能性较小；不建议据此发送侵权警告函，"
                "以免引发确认不侵权之诉或商业诋毁纠纷。" if zh else
                "On the material provided a feature of the claim is absent from the accused product, or the signs "
                "are not similar: infringement is unlikely. We do not recommend a warning letter on this basis (it "
                "may provoke an action for a declaration of non-infringement or a claim of commercial "
                "disparagement)."]
    if finding == "review":
        return ["现有材料尚不足以得出结论：部分技术特征或事实在材料中未见对应内容，需补充证据、经核实后再作判断。" if zh else
                "The material does not yet support a conclusion: some features or facts were not found in it and "
                "must be checked with further evidence before a finding is made."]
    return ["本案尚无保存的比对结果，待比对后再出具意见。" if zh else
            "There is no saved comparison for this case yet; the opinion follows the comparison."]


def _confirmed_words(results: list[dict[str, Any]], zh: bool) -> list[str]:
    """What staff confirmed where the pre-check asked for review (the opinion says so, in words)."""
    out = []
    for r in results:
        confirmed = [e for e in r.get("elements", []) if e.get("basis") == "staff"]
        if confirmed:
            items = "、".join(f"第{e.get('index')}项（{chart_status(e.get('status'), 'zh')}）" for e in confirmed)
            items_en = ", ".join(f"feature {e.get('index')} ({chart_status(e.get('status'), 'en')})" for e in confirmed)
            out.append(f"其中{items}系工作人员结合证据核实后认定。" if zh else
                       f"Of these, {items_en} were confirmed by staff against the evidence.")
    return out


def _gi_standing(case: CaseData, zh: bool) -> str:
    """For a GI case, the applicant's standing in words (issue 13 item 6): the holder of the GI collective or
    certification mark may act in its own name; anyone else needs the holder's authorisation or approval to
    use the GI product mark, which the opinion asks for rather than assumes."""
    if case.ip_type != "gi":
        return ""
    applicant = _applicant_name(case)
    holders = [r.owner for r in case.rights if r.owner]
    if applicant and applicant in holders:
        return (f"主体资格：{applicant}为涉案地理标志的登记权利人，可以自己的名义主张权利。" if zh else
                f"Standing: {applicant} is the registered holder of the GI and may act in its own name.")
    return (f"主体资格：材料中未见{applicant or '申请人'}为涉案地理标志的登记权利人；请提供集体商标、证明商标注册人的使用许可，"
            "或经核准使用地理标志产品专用标志的证明，本意见以此为前提。" if zh else
            f"Standing: the material does not show {applicant or 'the applicant'} as the registered holder of the GI; "
            "please provide the holder's authorisation or the approval to use the GI product mark. This opinion "
            "assumes it.")


def _attachments(content: DocumentContent, case: CaseData, opts: dict[str, Any], *, estimate: bool) -> None:
    """The attachments list (staff may give their own in ``options["attachments"]``; an empty list: none)."""
    items = opts.get("attachments")
    if items is None:
        items = default_attachments(case, content.lang, estimate=estimate)
    section = attachments_section(list(items), content.lang)
    if section is not None:
        content.sections.append(section)


def _is_utility_model(case: CaseData) -> bool:
    from qcy_workstation.cases.validation import patent_kind_from_number

    if case.ip_type != "patent":
        return False
    for r in case.rights:
        if r.kind == "patent" and r.number:
            try:
                return patent_kind_from_number(r.number) == "utility_model"
            except (IndexError, ValueError):
                return False
    return False


def _early_warning(content: DocumentContent, case: CaseData, opts: dict[str, Any], ws: WorkstationInfo) -> None:
    zh = content.lang == "zh"
    memo = opts.get("memo") or {}
    _addressee(content, case)
    subject = memo.get("subject") or case.title or case.number
    content.intro = [(f"事由：{subject}" if zh else f"Subject: {subject}")]
    content.sections.append(Section("一、背景" if zh else "1. Background",
                                    [_case_facts(case, content.lang)] + ([Paragraph(case.facts)] if case.facts else [])))
    findings = memo.get("findings") or []
    header = memo.get("findings_header") or (["对象", "权利/申请号", "状态", "风险等级", "说明"] if zh else
                                             ["Item", "Right / application", "Status", "Risk", "Note"])
    rows = [list(map(str, r)) for r in findings] or [["", "", "", "", "待补充" if zh else "to be completed"]]
    content.sections.append(Section("二、检索与分析结果" if zh else "2. Search and analysis",
                                     [Table(header, rows)]))
    risks = memo.get("risks") or (["待补充" if zh else "to be completed"])
    content.sections.append(Section("三、风险提示" if zh else "3. Risks", [Paragraph(r) for r in risks]))
    recs = memo.get("recommendations") or (["待补充" if zh else "to be completed"])
    content.sections.append(Section("四、应对建议" if zh else "4. Recommendations", [Paragraph(r) for r in recs]))
    content.disclaimer = DISCLAIMER[content.lang]


def _guidance(content: DocumentContent, case: CaseData | None, opts: dict[str, Any], ws: WorkstationInfo) -> None:
    topic = opts.get("topic") or "evidence"
    ip_type = opts.get("ip_type") or (case.ip_type if case else "")
    title, sections = guidance_sections(topic, ip_type, content.lang)
    zh = content.lang == "zh"
    content.title = f"{TITLES['guidance'][content.lang]}：{title}" if zh else f"{TITLES['guidance']['en']}: {title}"
    if ip_type:
        content.intro = [("适用权利类型：" if zh else "For: ") + _ip(ip_type, content.lang)]
    content.sections = sections
    content.closing = [("咨询电话：" if zh else "Enquiries: ") + (ws.phone or "12330")]
    content.disclaimer = GUIDANCE_NOTE[content.lang]
    content.metadata["topic"] = topic


_BUILDERS = {
    "acceptance-notice": _acceptance,
    "non-acceptance-notice": _non_acceptance,
    "consultation-record": _consultation_record,
    "advice-letter": _advice_letter,
    "reference-opinion": _reference_opinion,
    "early-warning-memo": _early_warning,
    "guidance": _guidance,
}

__all__ = [
    "GUIDANCE_TOPICS", "CaseData", "ConsultationInfo", "PartyInfo", "RightInfo", "WorkstationInfo",
    "build_document", "compensation_section", "default_number", "guidance_sections", "labels",
    "precheck_sections",
]
