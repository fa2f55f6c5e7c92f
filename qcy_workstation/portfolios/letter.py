"""The reminder letter to one enterprise (权利到期提醒函): what falls due, when, under which article, and what
the enterprise holds (DOCX template ``templates/rights-reminder.<lang>.docx``).

The dates are computed from what the workstation holds on file; nobody checked them with CNIPA. The letter
says so and asks the enterprise to confirm each date in the register before acting (the uncertainty is told,
never a date stated as settled).
"""

from __future__ import annotations

from datetime import date

from qcy_workstation import labels
from qcy_workstation.documents.builders import WorkstationInfo
from qcy_workstation.documents.labels import L
from qcy_workstation.documents.model import (
    DocumentContent,
    Letterhead,
    Paragraph,
    Section,
    Signature,
    Table,
    format_date,
)
from qcy_workstation.portfolios.dto import EVENTS, RIGHT_KINDS, DueItem, RightView

KIND = "rights-reminder"
TITLE = {"zh": "知识产权到期提醒函", "en": "Reminder: Intellectual Property Dates Falling Due"}
NOTE = {
    "zh": "本函所列日期由本工作站根据贵单位提供或登记在案的申请日、注册日（授权日）按所列法律条文推算，工作人员未向"
          "国家知识产权局核实。请以国家知识产权局登记簿及官方通知为准，并在办理前自行核对；本函不构成法律意见。",
    "en": "The dates in this letter were computed by the workstation from the filing and registration (grant) "
          "dates on file, under the articles cited. Staff verified nothing with CNIPA. The CNIPA register and "
          "its official notices are the authority: please check each date there before acting. This letter is "
          "not legal advice.",
}


def _d(day: date | None, lang: str) -> str:
    return format_date(day, lang) if day else "—"


def build_letter(enterprise: str, rights: list[RightView], items: list[DueItem], *, days: int,
                 workstation: WorkstationInfo, lang: str = "zh", issue_date: date) -> DocumentContent:
    zh = lang == "zh"
    ws_name = workstation.name if zh else workstation.name_en
    content = DocumentContent(
        kind=KIND, lang=lang, title=TITLE[lang], number="", issue_date=issue_date,
        date_text=format_date(issue_date, lang),
        letterhead=Letterhead(name=ws_name, subtitle=workstation.letterhead if zh else workstation.letterhead_en,
                              address=workstation.address,
                              phone=(("电话：" if zh else "Tel. ") + workstation.phone) if workstation.phone else ""),
        signature=Signature(organisation=ws_name, date_text=format_date(issue_date, lang), seal_hint=L["seal"][lang]),
        number_label=L["number"][lang], page_label=L["page"][lang],
        metadata={"kind": KIND, "lang": lang, "enterprise": enterprise},
    )
    content.addressee = L["dear"][lang].format(name=enterprise)
    until = issue_date.toordinal() + days
    until_text = format_date(date.fromordinal(until), lang)
    if zh:
        content.intro = [f"根据本工作站登记的贵单位知识产权信息，自{format_date(issue_date, lang)}起{days}日内"
                         f"（至{until_text}）有下列事项到期，请及时办理，以免权利失效。"]
    else:
        content.intro = [f"From the records of your rights this workstation holds, the following fall due in the "
                         f"{days} days from {format_date(issue_date, lang)} (until {until_text}). Please act in "
                         "time so that no right lapses."]
    header = (["日期", "事项", "权利", "号码", "名称/标志", "逾期可办至", "依据"] if zh else
              ["Date", "What falls due", "Right", "Number", "Title / mark", "Late until", "Article"])
    rows = []
    for i in items:
        event = labels.name(EVENTS, i.event, lang)
        if i.patent_year:
            event += f"（第{i.patent_year}年度）" if zh else f" (year {i.patent_year})"
        rows.append([_d(i.date, lang), event, labels.name(RIGHT_KINDS, i.kind, lang), i.number, i.title,
                     _d(i.grace_ends, lang) + (("（需缴滞纳金）" if zh else " (with surcharge)")
                                               if i.event == "annuity_due" and i.grace_ends else ""),
                     i.article if zh else i.article_en])
    if rows:
        content.sections.append(Section("到期事项" if zh else "What falls due",
                                        [Table(header, rows, widths=[1.1, 1.3, 1.15, 1.75, 1.2, 1.2, 1.95])]))
    else:
        content.sections.append(Section("到期事项" if zh else "What falls due", [Paragraph(
            "在上述期间内，本工作站登记的贵单位权利没有到期事项。" if zh else
            "None of your rights on file has anything falling due in this period.")]))
    held = (["权利", "号码", "名称/标志", "类别", "申请日", "注册/授权日", "届满日"] if zh else
            ["Right", "Number", "Title / mark", "Classes", "Filed", "Registered / granted", "Term ends"])
    held_rows = [[labels.name(RIGHT_KINDS, r.kind, lang), r.number, r.title, r.classes, _d(r.filed_on, lang),
                  _d(r.registered_on, lang), _d(r.term_ends, lang) + ("*" if r.term_computed else "")]
                 for r in rights]
    if held_rows:
        content.sections.append(Section("贵单位在本工作站登记的权利" if zh else "Your rights on file with us", [
            Table(held, held_rows, widths=[1.0, 1.75, 1.5, 0.7, 1.1, 1.2, 1.2]),
            Paragraph("* 届满日按法定保护期推算：注册商标有效期十年（《商标法》第三十九条），可在期满前十二个月内"
                      "申请续展，期满后有六个月宽展期（《商标法》第四十条）；专利权期限自申请日起计算（《专利法》"
                      "第四十二条）。" if zh else
                      "* Term end computed from the statutory term: a trademark registration lasts 10 years "
                      "(Trademark Law Art. 39) and may be renewed in the 12 months before expiry or in 6 months' "
                      "grace after it (Art. 40); patent terms run from the filing date (Patent Law Art. 42).",
                      style="note")]))
    contact = workstation.phone or "12330"
    content.closing = [("如有疑问，请联系本工作站：" if zh else "Questions: please contact the workstation, ") + contact]
    content.disclaimer = NOTE[lang]
    return content
