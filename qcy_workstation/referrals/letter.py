"""The referral letter (转介函): one content value for the documents renderers, so the PDF and the DOCX say
the same thing (DOCX template ``templates/referral-letter.<lang>.docx``).

A referral passes a matter on; it decides nothing. The letter therefore states the facts as the applicant
gave them and says that the workstation's views are for reference only and do not replace the body's own
finding (the uncertainty is told, never a conclusion stated as settled).
"""

from __future__ import annotations

from datetime import date

from qcy_workstation import labels
from qcy_workstation.documents.builders import CaseData, WorkstationInfo
from qcy_workstation.documents.labels import L
from qcy_workstation.documents.model import (
    DocumentContent,
    KeyValues,
    Letterhead,
    Paragraph,
    Section,
    Signature,
    Table,
    format_date,
)
from qcy_workstation.referrals.dto import BODY_KINDS, BodyView, ReferralView

KIND = "referral-letter"
TITLE = {"zh": "知识产权纠纷转介函", "en": "Letter of Referral"}
NOTE = {
    "zh": "本函仅为转介，所述事实由申请人提供，所附材料及本工作站的意见仅供参考，不代替贵单位依法作出的认定。",
    "en": "This letter refers a matter; it decides nothing. The facts are as the applicant gave them; the "
          "enclosures and any view of the workstation are for reference only and do not replace your own "
          "finding under the law.",
}


def build_letter(referral: ReferralView, body: BodyView, *, case: CaseData | None,
                 consultation: dict[str, str] | None,
                 workstation: WorkstationInfo, lang: str = "zh", issue_date: date | None = None) -> DocumentContent:
    """The letter referring ``referral`` to ``body`` (``case`` for a case's referral, ``consultation`` the
    consultation's ``topic`` and ``summary`` for a consultation's)."""
    zh = lang == "zh"
    day = issue_date or referral.referred_on
    ws_name = workstation.name if zh else workstation.name_en
    content = DocumentContent(
        kind=KIND, lang=lang, title=TITLE[lang], number=referral.number, issue_date=day,
        date_text=format_date(day, lang),
        letterhead=Letterhead(name=ws_name, subtitle=workstation.letterhead if zh else workstation.letterhead_en,
                              address=workstation.address,
                              phone=(("电话：" if zh else "Tel. ") + workstation.phone) if workstation.phone else ""),
        signature=Signature(organisation=ws_name, date_text=format_date(day, lang), seal_hint=L["seal"][lang],
                            staff_label=L["handler"][lang] if referral.staff else "", staff_name=referral.staff),
        number_label=L["number"][lang], page_label=L["page"][lang],
        metadata={"case_number": referral.case_number or "", "kind": KIND, "lang": lang,
                  "referral": referral.number},
    )
    content.addressee = L["dear"][lang].format(name=body.name)
    matter = labels.name(labels.IP_TYPES_OR_UNSTATED, referral.matter, lang)
    subject = referral.subject
    who = referral.applicant
    if zh:
        content.intro = [f"{who}就“{subject}”（{matter}）向本工作站请求维权援助。经初步了解，该事项属于贵单位"
                         "职责范围，现转介贵单位，请依法处理，并将受理情况和处理结果函告本工作站。"]
    else:
        content.intro = [f"{who} asked this workstation for assistance with “{subject}” ({matter.lower()}). As "
                         "the matter appears to fall within your remit, we refer it to you for handling under the "
                         "law, and ask you to tell us whether you take it up and how it ends."]
    items = [(("转介编号" if zh else "Referral no."), referral.number)]
    if referral.case_number:
        items.append((("案件编号" if zh else "Case no."), referral.case_number))
    if referral.consultation_id:
        items.append((("咨询记录" if zh else "Consultation"), f"#{referral.consultation_id}"))
    items.append((("请求人" if zh else "Applicant"), who))
    if case is not None and case.opponent is not None:
        items.append((("对方当事人" if zh else "Opposing party"), case.opponent.name))
    items.append((("事项类型" if zh else "Kind of matter"), matter))
    items.append((("转介日期" if zh else "Referred on"), format_date(referral.referred_on, lang)))
    items.append((("接收单位" if zh else "Referred to"),
                  f"{body.name}（{labels.name(BODY_KINDS, body.kind, lang)}）" if zh
                  else f"{body.name} ({labels.name(BODY_KINDS, body.kind, lang)})"))
    if referral.body_reference:
        items.append((("贵方文号" if zh else "Your reference"), referral.body_reference))
    content.sections.append(Section("转介事项" if zh else "Matter referred", [KeyValues(items)]))
    facts = (case.facts if case is not None else
             "。".join(t for t in ((consultation or {}).get("topic", ""), (consultation or {}).get("summary", "")) if t))
    if facts:
        content.sections.append(Section("基本情况" if zh else "Facts as stated by the applicant",
                                        [Paragraph(p) for p in facts.splitlines() if p.strip()]))
    if case is not None and case.rights:
        header = (["权利类型", "号码", "名称", "权利人"] if zh else ["Right", "Number", "Title", "Owner"])
        rows = [[labels.name(labels.IP_TYPES, r.kind, lang), r.number, r.title, r.owner] for r in case.rights]
        content.sections.append(Section("涉及的权利" if zh else "Rights concerned",
                                        [Table(header, rows, widths=[1, 1.6, 2.4, 1.6])]))
    if referral.request:
        content.sections.append(Section("转介请求" if zh else "What we ask", [Paragraph(referral.request)]))
    if case is not None and case.evidence:
        names = [e.name for e in case.evidence if getattr(e, "name", "")]
        if names:
            content.sections.append(Section("附件" if zh else "Enclosures",
                                            [Paragraph(f"{i}. {n}", style="plain") for i, n in enumerate(names, 1)]))
    contact = (workstation.phone or "12330")
    content.closing = [("联系电话：" if zh else "Contact: ") + contact]
    content.disclaimer = NOTE[lang]
    return content
