"""The early-warning memo (预警备忘录): the documents package's template and renderers, filled from a project.

``documents.build_document("early-warning-memo", ...)`` lays out the memo (letterhead, number, sections,
signature, disclaimer); this module supplies the project's data, replaces the case-style background with
the project's own particulars and adds the claim chart of the top patent hit. The same content renders to
PDF and DOCX (``documents.render``), so both say the same.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from qcy_workstation import labels
from qcy_workstation.cases.dto import WorkstationSettings
from qcy_workstation.china_time import china_today
from qcy_workstation.db.base import to_china_time
from qcy_workstation.warning.dto import ProjectView, RiskView
from qcy_workstation.warning.screening import DISCLAIMER_EN, DISCLAIMER_ZH, action_text

CATEGORY = {"patent": ("专利", "Patent"), "trademark": ("商标", "Trademark"), "gi": ("地理标志", "GI"),
            "party": ("交易方", "Counterparty")}
CHART_STATUS = {"covered": ("相同", "identical"), "equivalent": ("等同（待确认）", "equivalent (to confirm)"),
                "missing": ("缺少", "missing"), "unclear": ("未见对应（待核实）", "not found (to check)")}


def _l(pair: tuple[str, str], lang: str) -> str:
    return pair[0] if lang == "zh" else pair[1]


def memo_number(project: ProjectView, issue: date) -> str:
    """QCY-YA-2026-0007: the documents' numbering scheme with the project's sequence."""
    from qcy_workstation.documents.builders import default_number

    return default_number("early-warning-memo", project.number, seq=int(project.number.rsplit("-", 1)[1]),
                          year=issue.year)


def build_memo(project: ProjectView, settings: WorkstationSettings, *, lang: str = "zh",
               today: date | None = None) -> Any:
    """The memo's DocumentContent for the project's active risks (most severe first)."""
    from qcy_workstation.documents.builders import CaseData, PartyInfo, WorkstationInfo, build_document
    from qcy_workstation.documents.model import KeyValues, Paragraph, Section, Table

    zh = lang == "zh"
    day = today or china_today()
    risks = [r for r in project.risks if r.active and r.status != "resolved"]
    findings = [[r.subject, f"{r.target}（{r.target_ref}）" if r.target_ref and zh else
                 (f"{r.target} ({r.target_ref})" if r.target_ref else r.target),
                 _l(CATEGORY[r.category], lang), labels.name(labels.SEVERITIES, r.severity, lang),
                 _short(r.reason if zh else r.reason_en)] for r in risks]
    header = (["拟用对象", "在先权利/案件", "类别", "风险等级", "说明"] if zh else
              ["Project item", "Earlier right / case", "Kind", "Risk", "Note"])
    risk_texts = [f"{i}. [{labels.name(labels.SEVERITIES, r.severity, lang)}] " + (r.reason if zh else r.reason_en)
                  for i, r in enumerate((r for r in risks if r.severity in ("high", "medium")), start=1)]
    if not risks:
        risk_texts = ["经对照本工作站掌握的权利信息，未发现需要提示的风险。" if zh else
                      "No risk was found against the rights known to this workstation."]
    recs: list[str] = []
    for action in dict.fromkeys(r.action for r in risks):
        related = "、".join(dict.fromkeys(r.subject or r.target for r in risks if r.action == action))  # each once
        recs.append((f"针对{related}：" if zh else f"For {related}: ") + action_text(action, lang))
    if not recs:
        recs = ["项目已列入监测名单，权利库更新时将自动复核。" if zh else
                "The project stays on the watch list and is re-screened when the register changes."]
    ws = WorkstationInfo(name=settings.workstation_name, name_en=settings.workstation_name_en,
                         letterhead=settings.letterhead, letterhead_en=settings.letterhead_en,
                         address=settings.address, phone=settings.phone)
    case = CaseData(number=project.number, title=project.title,
                    applicant=PartyInfo(name=project.enterprise, uscc=project.enterprise_uscc or ""),
                    facts=project.technology, received_on=to_china_time(project.created_at).date(), staff=project.owner)
    content = build_document("early-warning-memo", case, lang=lang, workstation=ws, issue_date=day,
                             number=memo_number(project, day),
                             options={"memo": {"subject": f"{project.title}（{project.number}）" if zh else
                                               f"{project.title} ({project.number})",
                                               "findings": findings, "findings_header": header,
                                               "risks": risk_texts, "recommendations": recs},
                                      "handler": project.owner})
    # The template's background is a case's; a project has its own particulars.
    particulars = [("项目编号" if zh else "Project no.", project.number),
                   ("企业" if zh else "Enterprise", project.enterprise)]
    if project.enterprise_uscc:
        particulars.append(("统一社会信用代码" if zh else "USCC", project.enterprise_uscc))
    particulars.append(("项目类型" if zh else "Kind", labels.name(labels.PROJECT_KINDS, project.kind, lang)))
    sep = "、" if zh else ", "
    for label_zh, label_en, values in (("目标市场", "Target markets", project.target_markets),
                                       ("关键技术特征", "Key features", project.key_features),
                                       ("拟用商标", "Marks", project.marks),
                                       ("产品名称", "Product names", project.product_names),
                                       ("尼斯分类", "Nice classes", (project.nice_classes,) if project.nice_classes else ()),
                                       ("涉及地理标志", "GIs involved", project.gis),
                                       ("生产地", "Producer region", (project.producer_region,) if project.producer_region else ()),
                                       ("交易方", "Counterparties", project.counterparties)):
        if values:
            particulars.append((label_zh if zh else label_en, sep.join(values)))
    if project.start_on or project.end_on:
        particulars.append(("项目期间" if zh else "Dates",
                            f"{project.start_on or '…'} — {project.end_on or '…'}"))
    # stored in UTC; an enterprise reads Beijing time (issue 13 item 9)
    screened = (to_china_time(project.last_screened_at).strftime("%Y-%m-%d %H:%M") if project.last_screened_at
                else "—")
    particulars.append(("最近筛查" if zh else "Last screened", screened))
    background = [KeyValues(particulars)]
    if project.technology:
        background.append(Paragraph(project.technology))
    content.sections[0] = Section(content.sections[0].heading, background)
    for block in content.sections[1].blocks:  # the findings table: give the note room
        if isinstance(block, Table):
            block.widths = [1.2, 1.7, 0.7, 0.6, 3.6]
    top = next((r for r in risks if r.category == "patent" and r.details.get("chart")), None)
    if top is not None:
        content.sections.insert(2, _claim_chart_section(top, lang, Section, Table, Paragraph))
    content.disclaimer = (content.disclaimer + " " if content.disclaimer else "") + (
        DISCLAIMER_ZH + "。" if zh else DISCLAIMER_EN[0].upper() + DISCLAIMER_EN[1:] + ".")
    content.metadata["project"] = project.number
    return content


def _short(text: str, limit: int = 90) -> str:
    """The first sentence of a reason (the full text is in the risks section), cut to ``limit``."""
    for stop in ("。", ". "):
        if stop in text[:limit]:
            return text[: text.index(stop) + 1]
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _claim_chart_section(risk: RiskView, lang: str, Section: Any, Table: Any, Paragraph: Any) -> Any:  # noqa: N803
    zh = lang == "zh"
    d = risk.details
    head = (["序号", "技术特征", "对比结果", "得分", "项目技术方案中的对应内容"] if zh else
            ["No.", "Feature", "Result", "Score", "Matching passage of the project"])
    rows = [[str(e["index"]), e["element"], _l(CHART_STATUS.get(e["status"], (e["status"], e["status"])), lang),
             str(e["score"]), e.get("evidence") or "—"] for e in d["chart"]]
    heading = ("附：权利要求对比表（专利 " if zh else "Annex: claim chart (patent ") + risk.target_ref + ("）" if zh else ")")
    intro = (f"对比对象：{risk.target}（{risk.target_ref}）权利要求{d.get('claim', 1)}；依全面覆盖原则逐项对比。"
             if zh else f"Claim {d.get('claim', 1)} of {risk.target} ({risk.target_ref}), feature by feature "
                        "(all-elements rule).")
    return Section(heading, [Paragraph(intro), Table(head, rows, widths=[0.5, 2.2, 1.0, 0.6, 2.7])])


def render_memo(content: Any, fmt: str) -> bytes:
    """PDF or DOCX bytes through the documents package's renderers."""
    from qcy_workstation.documents import render

    return render(content, fmt)
