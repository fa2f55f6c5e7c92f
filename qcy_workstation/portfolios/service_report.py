"""The annual service report to one enterprise (年度知识产权服务报告, DOCX template
``templates/service-report.<lang>.docx``): how many consultations, cases, referrals, early-warning projects and
documents the workstation gave it in the year, the list of them, what is still pending, and the rights of
its portfolio falling due in the next year.

The report goes to the enterprise, so it says only what is the enterprise's own:

* no other party's name: every name of another party on file is replaced by “对方当事人” / “another party” in
  titles and topics (a short or trade name staff typed cannot be caught -- titles are written to be sent);
* no internal note: no staff names, case facts or outcomes as staff wrote them, consultation summaries and
  advice, referral requests or notes, the warning screening's hits (they name other holders' rights) --
  statuses are told in fixed words;
* a confidential case is named only as “保密案件” without title; cases the issuer may not see are counted;
* nothing unsettled as settled: an open case, a referral without a final outcome and an active project are
  told as pending “尚无结论” (as the reference opinion draws no settled conclusion where review is pending), and
  the rights' dates are said to be computed from the dates on file, not checked with CNIPA.
"""

from __future__ import annotations

from datetime import date

from qcy_workstation import labels
from qcy_workstation.cases import personal
from qcy_workstation.documents.builders import WorkstationInfo
from qcy_workstation.documents.labels import L
from qcy_workstation.documents.model import (
    Block,
    DocumentContent,
    Letterhead,
    Paragraph,
    Section,
    Signature,
    Table,
    format_date,
)
from qcy_workstation.portfolios.dto import EVENTS, RIGHT_KINDS
from qcy_workstation.portfolios.letter import NOTE as DATES_NOTE
from qcy_workstation.portfolios.service_record import ENTRY_KINDS, ServiceEntry, ServiceRecord
from qcy_workstation.referrals.dto import OUTCOMES

KIND = "service-report"
TITLE = {"zh": "知识产权维权援助年度服务报告", "en": "Annual Report of IP Assistance Services"}
OTHER_PARTY = {"zh": "对方当事人", "en": "another party"}
#: Statuses as the enterprise reads them; what has no final result says so.
CASE_STATUS = {
    "zh": {"received": "已收案，办理中，尚无结论", "accepted": "已受理，办理中，尚无结论",
           "in_progress": "办理中，尚无结论", "opinion_issued": "已出具参考意见，案件尚未办结",
           "closed": "已办结", "declined": "不予受理", "withdrawn": "已撤回"},
    "en": {"received": "Received; in progress, no conclusion yet", "accepted": "Accepted; in progress, no "
           "conclusion yet", "in_progress": "In progress, no conclusion yet",
           "opinion_issued": "Reference opinion given; the case is not closed yet", "closed": "Closed",
           "declined": "Not accepted", "withdrawn": "Withdrawn"},
}
OTHER_STATUS = {
    "zh": {"answered": "已答复", "became_case": "已转为案件", "follow_up": "待回访",
           "pending": "已转介，等待受理机关处理，尚无结果", "accepted": "受理机关已受理，尚无处理结果",
           "active": "持续监测中", "closed": "已结束", "issued": "已出具", "sent": "已发送"},
    "en": {"answered": "Answered", "became_case": "Became a case", "follow_up": "Follow-up due",
           "pending": "Referred; awaiting the body, no result yet", "accepted": "Taken up by the body; no result "
           "yet", "active": "Being watched", "closed": "Ended", "issued": "Issued", "sent": "Sent"},
}


def status_text(e: ServiceEntry, lang: str) -> str:
    """How the status of ``e`` reads to the enterprise (and on the Enterprises page): pending says so."""
    if e.kind == "case":
        return CASE_STATUS[lang].get(e.status, e.status)
    if e.kind == "referral" and e.status in OUTCOMES and e.status != "accepted":
        return labels.name(OUTCOMES, e.status, lang)
    return OTHER_STATUS[lang].get(e.status, e.status)


def _scrub(text: str, others: tuple[str, ...], lang: str) -> str:
    """``text`` without any other party's name on file, and without ID or mobile numbers."""
    for name in others:  # longest first
        if len(name) >= 2 and name in text:
            text = text.replace(name, OTHER_PARTY[lang])
    return personal.mask_text(text)


def _matter(e: ServiceEntry, record: ServiceRecord, lang: str) -> str:
    zh = lang == "zh"
    if e.confidential:
        return "保密案件（内容不在本报告列明）" if zh else "Confidential case (not detailed in this report)"
    if e.kind == "referral":
        where = f"（案件 {e.case_number}）" if zh and e.case_number else (f" (case {e.case_number})" if e.case_number else "")
        return (f"转介至{e.title}" if zh else f"Referred to {e.title}") + where
    if e.kind == "document" and e.status == "issued" and e.case_number:
        return _scrub(e.title, record.other_names, lang) + (f"（案件 {e.case_number}）" if zh else
                                                            f" (case {e.case_number})")
    if e.kind == "document" and e.status == "sent":
        from qcy_workstation.portfolios.service_record import EXPORTED_DOCUMENTS

        pair = EXPORTED_DOCUMENTS.get(e.note)
        return (pair[0] if zh else pair[1]) if pair else e.title
    return _scrub(e.title, record.other_names, lang)


def _ref(e: ServiceEntry, lang: str) -> str:
    if e.kind == "consultation":
        return "—"  # the log's row id means nothing to the enterprise
    if e.kind == "document" and e.status == "sent":
        return e.ref if e.note == "warning-memo" else "—"
    return e.ref


def build_report(record: ServiceRecord, *, workstation: WorkstationInfo, lang: str = "zh",
                 issue_date: date) -> DocumentContent:
    """The report's content from ``record`` (a record of one year): nothing else is read."""
    zh = lang == "zh"
    year = record.year
    ws_name = workstation.name if zh else workstation.name_en
    content = DocumentContent(
        kind=KIND, lang=lang, title=(f"{TITLE['zh']}（{year}年度）" if zh else f"{TITLE['en']} {year}"), number="",
        issue_date=issue_date, date_text=format_date(issue_date, lang),
        letterhead=Letterhead(name=ws_name, subtitle=workstation.letterhead if zh else workstation.letterhead_en,
                              address=workstation.address,
                              phone=(("电话：" if zh else "Tel. ") + workstation.phone) if workstation.phone else ""),
        signature=Signature(organisation=ws_name, date_text=format_date(issue_date, lang), seal_hint=L["seal"][lang]),
        number_label=L["number"][lang], page_label=L["page"][lang],
        metadata={"kind": KIND, "lang": lang, "enterprise": record.enterprise, "year": year},
    )
    content.addressee = L["dear"][lang].format(name=record.enterprise)
    as_of = format_date(issue_date, lang)
    content.intro = [
        f"现将本工作站{year}年度为贵单位提供知识产权维权援助服务的情况报告如下。各事项的状态截至{as_of}。" if zh else
        f"This report sets out the IP assistance services the workstation gave you in {year}. The status of "
        f"each item is as of {as_of}."]
    counts = record.counts()
    pending = record.pending()
    rows = [[labels.name(ENTRY_KINDS, k, lang), str(n), str(sum(1 for e in pending if e.kind == k))]
            for k, n in counts.items()]
    rows.append(["合计" if zh else "Total", str(len(record.entries)), str(len(pending))])
    summary: list[Block] = [Table(["服务类别", "件数", "其中尚未办结"] if zh else ["Service", "Number", "Of which pending"],
                                   rows, widths=[3.0, 1.5, 2.0])]
    if record.hidden_cases:
        summary.append(Paragraph(f"另有{record.hidden_cases}件保密案件未在本报告中列明。" if zh else
                                 f"{record.hidden_cases} further confidential case(s) are not listed in this report.",
                                 style="note"))
    content.sections.append(Section("一、服务概况" if zh else "1. Summary", summary))
    listed = [[format_date(e.on, lang), labels.name(ENTRY_KINDS, e.kind, lang), _ref(e, lang), _matter(e, record, lang),
               status_text(e, lang)] for e in record.entries]
    header = ["日期", "类别", "编号", "事项", "状态"] if zh else ["Date", "Service", "Number", "Matter", "Status"]
    content.sections.append(Section("二、服务明细" if zh else "2. Services in the year", [
        Table(header, listed, widths=[1.75, 1.3, 1.95, 2.85, 1.95]) if listed else Paragraph(
            f"{year}年度本工作站没有为贵单位办理的服务记录。" if zh else
            f"The workstation has no record of services to you in {year}.")]))
    open_rows = [[format_date(e.on, lang), labels.name(ENTRY_KINDS, e.kind, lang), _ref(e, lang),
                  _matter(e, record, lang), status_text(e, lang)] for e in pending]
    content.sections.append(Section("三、尚未办结的事项" if zh else "3. What is still pending", [
        Paragraph("下列事项截至本报告日期尚无最终结果，其结论以最终处理结果为准，本报告不作任何预判。" if zh else
                  "The items below have no final result as of the date of this report; their outcome is what the "
                  "final decision says, and this report anticipates none.", style="plain"),
        Table(header, open_rows, widths=[1.75, 1.3, 1.95, 2.85, 1.95])] if open_rows else [Paragraph(
            "截至本报告日期，上述事项均已办结。" if zh else "As of the date of this report, every item above is settled.")]))
    due_rows = []
    for i in record.due:
        event = labels.name(EVENTS, i.event, lang)
        if i.patent_year:
            event += f"（第{i.patent_year}年度）" if zh else f" (year {i.patent_year})"
        due_rows.append([format_date(i.date, lang), event, labels.name(RIGHT_KINDS, i.kind, lang), i.number, i.title,
                         i.article if zh else i.article_en])
    nxt = year + 1 if year is not None else ""
    content.sections.append(Section(f"四、{nxt}年度到期的权利事项" if zh else f"4. Rights falling due in {nxt}", [
        Table(["日期", "事项", "权利", "号码", "名称/标志", "依据"] if zh else
              ["Date", "What falls due", "Right", "Number", "Title / mark", "Article"], due_rows,
              widths=[1.6, 1.5, 1.2, 1.8, 1.3, 2.0]),
        Paragraph(DATES_NOTE[lang], style="note")] if due_rows else [Paragraph(
            (f"本工作站登记的贵单位权利在{nxt}年度没有到期事项。" if zh else
             f"None of your rights on file with the workstation has anything falling due in {nxt}.")
            + ("" if record.rights else ("（本工作站尚未登记贵单位的权利。）" if zh else
                                         " (The workstation holds no record of your rights yet.)")))]))
    contact = workstation.phone or "12330"
    content.closing = [("如有疑问或需要进一步服务，请联系本工作站：" if zh else
                        "For questions or further services, please contact the workstation: ") + contact]
    content.disclaimer = ("本报告仅汇总本工作站的服务记录，不构成法律意见；尚未办结事项的结论以有关机关的最终处理结果为准。"
                          if zh else "This report summarises the workstation's service record only and is not "
                          "legal advice; pending items are settled only by the final decision of the body concerned.")
    return content
