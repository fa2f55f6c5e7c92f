"""Excel export of a filtered case list (and of the consultation log): what staff hand to the platform or
keep for their own counts. Both carry what the services hand the account: confidential cases it may not see
are left out, phone numbers are masked for the roles without ``personal.view_full`` (cases/personal.py).

Written by the same XLSX writer as the statistics tables (``qcy_workstation.tables``), so every workbook
the workstation writes looks the same.
The export is one audit event (who exported which filter, how many rows, the file's SHA-256).
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict
from pathlib import Path
from typing import Any

from qcy_workstation import labels
from qcy_workstation.cases import audit
from qcy_workstation.cases.consultations import ConsultationService
from qcy_workstation.cases.dto import CaseFilter, ConsultationFilter
from qcy_workstation.cases.services import CaseService
from qcy_workstation.db.store import Store
from qcy_workstation.tables import Table, write_tables_xlsx

HEADERS = {
    "zh": ("编号", "名称", "类型", "状态", "收案日期", "期限", "期限状态", "申请人", "对方当事人", "承办人", "优先级", "保密"),
    "en": ("Number", "Title", "Type", "Status", "Received", "Due", "Deadline", "Applicant", "Opposing party", "Staff",
           "Priority", "Confidential"),
}
_DEADLINE = {"overdue": ("已逾期", "overdue"), "due_soon": ("即将到期", "due soon"), "ok": ("", ""), "": ("", "")}


def case_list_table(svc: CaseService, f: CaseFilter, *, lang: str = "zh") -> Table:
    """Every case matching ``f`` (no paging), newest first, as a table with display labels."""
    i = 0 if lang == "zh" else 1
    rows = tuple(
        (r.number, r.title, labels.IP_TYPES_OR_UNSTATED.get(r.type, (r.type, r.type))[i],
         labels.CASE_STATUSES.get(r.status, (r.status,) * 2)[i],
         r.received_on.isoformat(), r.due.isoformat() if r.due else "", _DEADLINE[r.deadline_state][i],
         r.applicant, r.opponent, r.staff, labels.name(labels.PRIORITIES, r.priority, lang),
         ("是" if r.confidential else "") if lang == "zh" else ("yes" if r.confidential else ""))
        for r in svc.list(f))
    return Table(key="cases", title_zh=f"案件清单（{len(rows)} 件）", title_en=f"Cases ({len(rows)})",
                 headers=HEADERS["zh" if lang == "zh" else "en"], rows=rows, chart=False)


def export_case_list_xlsx(store: Store, f: CaseFilter, path: str | Path, *, actor: Any, lang: str = "zh") -> Path:
    """Write the filtered case list to ``path`` and record the export in the audit trail."""
    svc = CaseService(store, actor)
    table = case_list_table(svc, f, lang=lang)
    out = write_tables_xlsx([table], path, lang=lang)
    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    with store.write() as s:
        audit.record(s, actor=svc.actor, action="export", entity="case_list", entity_id=out.name,
                     details={"filter": {k: v for k, v in asdict(f).items() if v not in (None, True)},
                              "rows": len(table.rows), "sha256": digest, "format": "xlsx"})
    return out


CONSULTATION_HEADERS = {
    "zh": ("编号", "时间", "渠道", "咨询人", "单位", "电话", "类型", "咨询事项", "摘要", "答复", "回访日期", "案件", "登记人"),
    "en": ("ID", "Time", "Channel", "Enquirer", "Organisation", "Phone", "Type", "Topic", "Summary", "Advice",
           "Follow-up", "Case", "Staff"),
}


def consultation_list_table(svc: ConsultationService, f: ConsultationFilter, *, lang: str = "zh") -> Table:
    """Every consultation matching ``f`` (no paging), newest first, as the service lists them (masked)."""
    i = 0 if lang == "zh" else 1
    rows = tuple(
        (c.id, c.at.strftime("%Y-%m-%d %H:%M"), labels.CHANNELS.get(c.channel, (c.channel,) * 2)[i], c.enquirer,
         c.organisation, c.phone, labels.IP_TYPES_OR_UNSTATED.get(c.ip_type, (c.ip_type,) * 2)[i] if c.ip_type else "",
         c.topic, c.summary, c.advice, c.follow_up_on.isoformat() if c.follow_up_on else "", c.case_number or "",
         c.staff)
        for c in svc.list(f))
    return Table(key="consultations", title_zh=f"咨询登记（{len(rows)} 条）", title_en=f"Consultations ({len(rows)})",
                 headers=CONSULTATION_HEADERS["zh" if lang == "zh" else "en"], rows=rows, chart=False)


def export_consultation_list_xlsx(store: Store, f: ConsultationFilter, path: str | Path, *, actor: Any,
                                  lang: str = "zh") -> Path:
    """Write the filtered consultation log to ``path`` (phones masked for roles that may not see them in
    full) and record the export in the audit trail."""
    svc = ConsultationService(store, actor)
    table = consultation_list_table(svc, f, lang=lang)
    out = write_tables_xlsx([table], path, lang=lang)
    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    with store.write() as s:
        audit.record(s, actor=svc.actor, action="export", entity="consultation_list", entity_id=out.name,
                     details={"filter": {k: v for k, v in asdict(f).items() if v not in (None, False)},
                              "rows": len(table.rows), "sha256": digest, "format": "xlsx"})
    return out
