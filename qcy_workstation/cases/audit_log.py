"""Reading the audit trail (issue 14 item 4): filter by case, account, action and dates; export to XLSX.

Only the head and administrators read it (``audit.view``); reading it is not itself audited, exporting is.
Rows are never changed or deleted through the app: there is no such method anywhere (a test checks that
the audit table is only ever inserted into), and ``verify_chain`` finds any change made outside it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy import select

from qcy_workstation.accounts.principal import Acting
from qcy_workstation.cases import audit, personal
from qcy_workstation.cases.models import AuditEvent, Case, Consultation
from qcy_workstation.cases.validation import check_page
from qcy_workstation.db.base import to_china_time
from qcy_workstation.errors import NotFoundError
from qcy_workstation.tables import Table, write_tables_xlsx

MAX_ROWS = 100_000


@dataclass(frozen=True)
class AuditFilter:
    case_number: str | None = None
    actor: str | None = None
    action: str | None = None
    date_from: date | None = None  # China dates, inclusive
    date_to: date | None = None


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime  # China time
    actor: str
    action: str
    entity: str
    entity_id: str
    case_number: str
    details: dict[str, object]


class AuditLog(Acting):
    def _query(self, f: AuditFilter, limit: int) -> list[AuditRow]:
        self.require("audit.view")
        check_page(None, limit)
        q = select(AuditEvent, Case.number).outerjoin(Case, Case.id == AuditEvent.case_id)
        with self.store.read() as s:
            if f.case_number:
                case_id = s.execute(select(Case.id).where(Case.number == f.case_number.strip().upper())).scalar()
                if case_id is None:
                    raise NotFoundError(f"no case {f.case_number!r}", field="case", value=f.case_number,
                                        reason="case.not_found", params={"number": f.case_number})
                q = q.where(AuditEvent.case_id == case_id)
            if f.actor:
                q = q.where(AuditEvent.actor == f.actor.strip())
            if f.action:
                q = q.where(AuditEvent.action == f.action.strip())
            # stored times are UTC; the filter's days are China days (UTC+8, no daylight saving)
            if f.date_from:
                q = q.where(AuditEvent.at >= datetime.combine(f.date_from, time()) - timedelta(hours=8))
            if f.date_to:
                q = q.where(AuditEvent.at < datetime.combine(f.date_to + timedelta(days=1), time()) - timedelta(hours=8))
            rows = s.execute(q.order_by(AuditEvent.id.desc()).limit(limit)).all()
            # Personal details in the events (issue 14 item 6): masked for readers without personal.view_full;
            # those of consultations anonymised since are shown to no one (the stored rows stay as they are).
            full = personal.sees_full(self.principal)
            shown = sorted({int(e.entity_id) for e, _ in rows if e.entity == "consultation" and e.entity_id.isdigit()})
            gone: set[str] = set()
            for at in range(0, len(shown), 900):  # in chunks: SQLite limits the parameters of one statement
                gone.update(str(i) for (i,) in s.execute(select(Consultation.id).where(
                    Consultation.id.in_(shown[at:at + 900]), Consultation.enquirer == personal.ANONYMISED)))

            def details(e: AuditEvent) -> dict[str, object]:
                raw = audit.to_entry(e).details
                anonymised = e.entity == "consultation" and e.entity_id in gone
                return raw if full and not anonymised else personal.mask_details(raw, anonymised=anonymised)

            return [AuditRow(e.id, to_china_time(e.at), e.actor, e.action, e.entity, e.entity_id, number or "",
                             details(e)) for e, number in rows]

    def list(self, f: AuditFilter | None = None, *, limit: int = 500) -> list[AuditRow]:
        """The newest events matching ``f`` first."""
        return self._query(f or AuditFilter(), min(limit, MAX_ROWS))

    def export_xlsx(self, f: AuditFilter, path: str | Path, *, lang: str = "zh") -> Path:
        """The matching events to XLSX (formula-safe, written beside and moved into place); the export is
        itself an audit event with the file's SHA-256."""
        rows = self._query(f, MAX_ROWS)
        zh = lang == "zh"
        table = Table(key="audit", title_zh="审计记录", title_en="Audit trail",
                      headers=tuple(["编号", "时间", "人员", "操作", "对象", "对象编号", "案件", "详情"] if zh else
                                    ["#", "Time", "Staff", "Action", "Entity", "Id", "Case", "Details"]),
                      rows=tuple((r.id, r.at.strftime("%Y-%m-%d %H:%M:%S"), r.actor, r.action, r.entity, r.entity_id,
                                  r.case_number, ", ".join(f"{k}={v}" for k, v in r.details.items())) for r in rows),
                      chart=False)
        out = write_tables_xlsx([table], path, lang=lang)
        digest = hashlib.sha256(out.read_bytes()).hexdigest()
        with self.store.write() as s:
            audit.record(s, actor=self.actor, action="export", entity="audit", entity_id=out.name,
                         details={"rows": len(rows), "sha256": digest,
                                  "filter": {k: str(v) for k, v in vars(f).items() if v}})
        return out
