"""The service record of one enterprise (issue 17 item 4): every consultation, case, referral, early-warning
project and document the workstation gave it, in date order, and the rights of its portfolio that fall due.

How a record is linked to an enterprise (an enterprise is a ``parties`` row of kind enterprise):

* **Cases** -- by the applicant: the enterprise's own row, any other enterprise row with the same unified social
  credit code (USCC), and rows without a code whose name matches (below). A case where the enterprise is the
  *opponent* is not a service to it and is never listed (it would show another enterprise's matter).
* **Consultations** -- those logged against one of its cases, and those whose free-text ``organisation``
  matches its name (below).
* **Referrals** -- of its cases and of its consultations. **Documents** -- the register's issued documents of
  its cases, and the exports the audit trail records for it (reminder letters, service reports, the memos of
  its early-warning projects).
* **Early-warning projects** -- by USCC when both the project and the enterprise carry one (a different code
  is a different enterprise, even under the same name); otherwise by name.

Name matching: both names are normalised (``cases.names.normalise_name``: width, traditional characters,
company-form suffixes, punctuation). They match when equal; when one of them carries no Shaanxi place prefix
(陕西/西安/宝鸡…), they also match with the prefix dropped -- unless another enterprise on file has the same
name without its prefix (then only the exact form matches, so 宝鸡秦川食品 is never 西安秦川食品).

What it cannot catch: a consultation where the registrar wrote a short or trade name (“秦川” for 西安秦川食品
有限公司), a misspelling, an English name, or a former name after a rename (records keep the name of their day;
the USCC links cases only when it was entered). Such records are simply missing from the record, never wrongly
added; staff link them by logging the consultation on the case.

Confidentiality: a confidential case the principal may not see (``cases.access``) is counted
(``hidden_cases``), not shown, and neither are its consultations, referrals and documents. A consultation's
topic is masked (ID and mobile numbers) for an account without ``personal.view_full``, as the log masks it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from qcy_workstation.accounts.principal import Acting, Principal
from qcy_workstation.cases import personal
from qcy_workstation.cases.access import can_see
from qcy_workstation.cases.models import Case, Consultation, Party
from qcy_workstation.cases.names import normalise_name
from qcy_workstation.cases.settings import earliest_date, load_settings
from qcy_workstation.cases.workflow import OPEN_STATUSES
from qcy_workstation.db.audit import AuditEvent
from qcy_workstation.db.base import china_today, to_china_time
from qcy_workstation.db.store import Store
from qcy_workstation.documents.models import DocumentRecord
from qcy_workstation.errors import NotFoundError, ValidationError
from qcy_workstation.portfolios.dto import DueItem, RightView
from qcy_workstation.referrals.dto import FINAL_OUTCOMES
from qcy_workstation.referrals.models import PartnerBody, Referral
from qcy_workstation.warning.models import WarningProject, WarningRisk

#: Kinds of service on the record (code: zh, en), in the order the page and the report group them.
ENTRY_KINDS: dict[str, tuple[str, str]] = {
    "consultation": ("咨询", "Consultation"),
    "case": ("维权援助案件", "Assistance case"),
    "referral": ("转介", "Referral"),
    "warning": ("预警项目", "Early-warning project"),
    "document": ("出具文书", "Document"),
}
#: Documents the audit trail records as exported for an enterprise (details ``document``: zh, en).
EXPORTED_DOCUMENTS: dict[str, tuple[str, str]] = {
    "rights-reminder": ("知识产权到期提醒函", "Rights reminder letter"),
    "service-report": ("年度服务报告", "Annual service report"),
    "warning-memo": ("预警提示函", "Early-warning memo"),
}


@dataclass(frozen=True)
class ServiceEntry:
    """One service on the record. ``settled`` says whether it has a final result; ``note`` is for staff only
    (body name, open risks, outcome) and never goes into the report to the enterprise."""

    kind: str  # ENTRY_KINDS
    on: date
    ref: str  # case, referral, project or document number; "#id" for a consultation
    title: str
    status: str  # a code of the kind's own list (case status, referral outcome or "pending", ...)
    settled: bool
    case_number: str | None = None
    confidential: bool = False
    note: str = ""


@dataclass(frozen=True)
class EnterpriseRow:
    """An enterprise in the Enterprises list."""

    id: int
    name: str
    uscc: str | None
    settled: bool
    cases: int
    rights: int


@dataclass(frozen=True)
class ServiceRecord:
    enterprise_id: int
    enterprise: str
    uscc: str | None
    year: int | None  # None: every year
    entries: tuple[ServiceEntry, ...]
    hidden_cases: int  # confidential cases the principal may not see (counted, not shown)
    rights: tuple[RightView, ...]
    due: tuple[DueItem, ...]  # rights falling due: in the year after ``year``, or the next 365 days
    due_from: date
    due_to: date
    other_names: tuple[str, ...] = field(default=())  # other parties' names: the report blanks them out

    def counts(self) -> dict[str, int]:
        return {k: sum(1 for e in self.entries if e.kind == k) for k in ENTRY_KINDS}

    def pending(self) -> list[ServiceEntry]:
        return [e for e in self.entries if not e.settled]


@lru_cache(maxsize=20000)
def _norm(text: str, drop_place: bool = False) -> str:
    """``normalise_name`` kept for repeated organisations (the consultation log repeats them)."""
    return normalise_name(text, drop_place=drop_place)


class NameKey:
    """The two normalised forms of an enterprise's name and whether the short form is its own."""

    def __init__(self, name: str, *, loose_unique: bool = True) -> None:
        self.strict = _norm(name)
        self.loose = _norm(name, True)
        self.has_place = self.strict != self.loose
        self.loose_unique = loose_unique

    def matches(self, text: str | None) -> bool:
        if not text or not text.strip():
            return False
        loose = _norm(text, True)
        if not loose or loose != self.loose:
            return False  # equal strict forms have equal loose forms: nothing else can match
        strict = _norm(text)
        if strict == self.strict:
            return True
        other_has_place = strict != loose
        if self.has_place and other_has_place:
            return False  # 西安秦川 is not 宝鸡秦川; equal forms matched above
        return self.loose_unique


def check_year(year: int | None, s: Session, *, field: str = "year") -> int | None:
    """``year`` when the workstation can have served anyone in it: not in the future, not before the store's
    opening (setting ``opened_on``, else ``limits.EARLIEST_DATE``)."""
    if year is None:
        return None
    if not isinstance(year, int) or isinstance(year, bool):
        raise ValidationError("is not a year", field=field, value=year, reason="number.invalid")
    now = china_today().year
    first = earliest_date(load_settings(s)).year
    if year > now:
        raise ValidationError(f"{year} has not begun", field=field, value=year, reason="service.year_future",
                              params={"year": year, "now": now})
    if year < first:
        raise ValidationError(f"the workstation opened in {first}", field=field, value=year,
                              reason="service.year_before_opening", params={"year": year, "first": first})
    return year


def resolve_enterprise(s: Session, key: str | int) -> Party:
    """The enterprise by id, USCC, exact name, or -- when exactly one enterprise has it -- normalised name."""
    text = str(key if key is not None else "").strip()
    party = None
    if text.isascii() and text.isdigit() and len(text) < 12:
        party = s.get(Party, int(text))
    if party is None and len(text) == 18 and text.isalnum():
        party = s.execute(select(Party).where(Party.uscc == text.upper()).order_by(Party.id)).scalars().first()
    if party is None and text:
        party = s.execute(select(Party).where(Party.name == text, Party.kind == "enterprise")
                          .order_by(Party.id)).scalars().first()
    if party is None and text:
        norm = _norm(text)
        found = [p for p in s.execute(select(Party).where(Party.kind == "enterprise")).scalars()
                 if _norm(p.name) == norm]
        if len(found) > 1:
            raise ValidationError(f"{text!r} matches {len(found)} enterprises; give the id", field="enterprise",
                                  value=text, reason="service.ambiguous",
                                  params={"enterprise": text, "names": "、".join(p.name for p in found[:5])})
        party = found[0] if found else None
    if party is None or party.kind != "enterprise":
        raise NotFoundError(f"no enterprise {text!r}", field="enterprise", value=text,
                            reason="portfolio.enterprise_not_found", params={"enterprise": text})
    return party


def _key_for(s: Session, party: Party) -> NameKey:
    key = NameKey(party.name)
    # ``name_norm`` is the stored loose form (cases.names, drop_place=True): only those rows can share it
    others = s.execute(select(Party.name, Party.uscc).where(Party.kind == "enterprise", Party.id != party.id,
                                                           Party.name_norm == key.loose)).all()
    key.loose_unique = not any(_norm(n) != key.strict and not (party.uscc and u == party.uscc) for n, u in others)
    return key


def _own_parties(s: Session, party: Party, key: NameKey) -> list[int]:
    """The enterprise's party rows: itself, rows with its USCC, and rows without a code whose name matches."""
    ids = {party.id}
    q = select(Party).where(Party.kind == "enterprise", Party.id != party.id)
    q = q.where(Party.name_norm == key.loose) if not party.uscc else q.where(
        or_(Party.name_norm == key.loose, Party.uscc == party.uscc))
    for p in s.execute(q).scalars():
        if party.uscc and p.uscc == party.uscc or (p.uscc is None or party.uscc is None) and key.matches(p.name):
            ids.add(p.id)
    return sorted(ids)


def _day(ts: object) -> date:
    return to_china_time(ts).date()  # type: ignore[arg-type]


class ServiceRecordService(Acting):
    """The service record of one enterprise and its annual report (``enterprise.view``)."""

    def __init__(self, store: Store, actor: Principal | str = "staff") -> None:
        super().__init__(store, actor)

    def enterprises(self, text: str = "") -> list[EnterpriseRow]:
        """The enterprises the workstation serves (applicants of a case, settled ones, holders of rights on
        file), filtered by ``text`` in the name, the normalised name or the USCC."""
        from qcy_workstation.portfolios.models import EnterpriseRight

        self.require("enterprise.view")
        needle = (text or "").strip()
        with self.store.read() as s:
            cases: dict[int, int] = {}
            for (pid,) in s.execute(select(Case.applicant_id)):
                cases[pid] = cases.get(pid, 0) + 1
            rights: dict[int, int] = {}
            for (pid,) in s.execute(select(EnterpriseRight.party_id)):
                rights[pid] = rights.get(pid, 0) + 1
            out = []
            norm = _norm(needle) if needle else ""
            for p in s.execute(select(Party).where(Party.kind == "enterprise").order_by(Party.name, Party.id)).scalars():
                if not (p.settled or p.id in cases or p.id in rights):
                    continue  # only ever an opponent: not served here
                if needle and not (needle in p.name or (norm and norm in _norm(p.name))
                                   or (p.uscc and needle.upper() in p.uscc)):
                    continue
                out.append(EnterpriseRow(p.id, p.name, p.uscc, bool(p.settled), cases.get(p.id, 0),
                                         rights.get(p.id, 0)))
            return out

    def record(self, enterprise: str | int, *, year: int | None = None, today: date | None = None) -> ServiceRecord:
        """Everything the workstation did for ``enterprise`` (in ``year``, or ever), oldest first."""
        from qcy_workstation.portfolios.service import PortfolioService, due_items

        principal = self.require("enterprise.view")
        full = personal.sees_full(principal)
        day = today or china_today()
        with self.store.read() as s:
            year = check_year(year, s)
            party = resolve_enterprise(s, enterprise)
            key = _key_for(s, party)
            own = _own_parties(s, party, key)
            entries: list[ServiceEntry] = []
            hidden = 0
            visible_case_ids: dict[int, Case] = {}
            hidden_case_ids: set[int] = set()
            for case in s.execute(select(Case).where(Case.applicant_id.in_(own)).order_by(Case.id)).scalars():
                if can_see(s, principal, case):
                    visible_case_ids[case.id] = case
                    entries.append(ServiceEntry("case", case.received_on, case.number, case.title, case.status,
                                                case.status not in OPEN_STATUSES, case.number, case.confidential,
                                                note=case.staff))
                else:
                    hidden_case_ids.add(case.id)
                    if year is None or case.received_on.year == year:
                        hidden += 1
            consults: dict[int, Consultation] = {}
            # the organisations written in the log, matched once each; then only their consultations are read
            orgs = [o for (o,) in s.execute(select(Consultation.organisation).where(Consultation.organisation != "")
                                            .distinct()) if key.matches(o)]
            q = select(Consultation).where(or_(Consultation.case_id.in_(list(visible_case_ids) or [-1]),
                                               Consultation.organisation.in_(orgs)))
            for c in s.execute(q.order_by(Consultation.id)).scalars():
                if c.case_id in hidden_case_ids:
                    continue
                if c.case_id in visible_case_ids or key.matches(c.organisation):
                    consults[c.id] = c
                    number = visible_case_ids[c.case_id].number if c.case_id in visible_case_ids else None
                    pending = c.follow_up_on is not None and c.follow_up_on >= day and c.case_id is None
                    topic = c.topic if full else personal.mask_text(c.topic)  # as the consultation log masks it
                    entries.append(ServiceEntry("consultation", c.at.date(), f"#{c.id}", topic,
                                                "became_case" if c.case_id else ("follow_up" if pending else "answered"),
                                                not pending, number, note=c.channel))
            rq = select(Referral, PartnerBody.name).join(PartnerBody, PartnerBody.id == Referral.body_id).where(
                or_(Referral.case_id.in_(list(visible_case_ids) or [-1]),
                    Referral.consultation_id.in_(list(consults) or [-1])))
            for r, body in s.execute(rq.order_by(Referral.id)).all():
                if r.case_id in hidden_case_ids:
                    continue
                number = visible_case_ids[r.case_id].number if r.case_id in visible_case_ids else None
                entries.append(ServiceEntry("referral", r.referred_on, r.number, body, r.outcome or "pending",
                                            r.outcome in FINAL_OUTCOMES, number, note=r.outcome_note))
            projects: list[str] = []
            for p in s.execute(select(WarningProject).order_by(WarningProject.id)).scalars():
                if party.uscc and p.enterprise_uscc:
                    if p.enterprise_uscc != party.uscc:
                        continue
                elif not key.matches(p.enterprise):
                    continue
                projects.append(p.number)
                open_risks = sum(1 for (st,) in s.execute(select(WarningRisk.status).where(
                    WarningRisk.project_id == p.id, WarningRisk.active.is_(True))) if st == "open")
                entries.append(ServiceEntry("warning", p.start_on or _day(p.created_at), p.number, p.title, p.status,
                                            p.status == "closed", note=str(open_risks)))
            dq = select(DocumentRecord).where(DocumentRecord.case_id.in_(list(visible_case_ids) or [-1]),
                                              DocumentRecord.status == "issued")
            for d in s.execute(dq.order_by(DocumentRecord.id)).scalars():
                issued = date.fromisoformat(d.issued_on) if d.issued_on else _day(d.issued_at)
                entries.append(ServiceEntry("document", issued, d.number, d.title, "issued", True,
                                            visible_case_ids[d.case_id].number, note=d.kind))
            aq = select(AuditEvent).where(AuditEvent.action == "export", or_(
                (AuditEvent.entity == "enterprise") & (AuditEvent.entity_id == str(party.id)),
                (AuditEvent.entity == "warning_memo") & AuditEvent.entity_id.in_(projects or ["-"])))
            for ev in s.execute(aq.order_by(AuditEvent.id)).scalars():
                details = json.loads(ev.details or "{}")
                doc = "warning-memo" if ev.entity == "warning_memo" else str(details.get("document", ""))
                if doc not in EXPORTED_DOCUMENTS:
                    continue
                ref = ev.entity_id if ev.entity == "warning_memo" else str(details.get("year", ""))
                entries.append(ServiceEntry("document", _day(ev.at), ref, EXPORTED_DOCUMENTS[doc][0], "sent", True,
                                            note=doc))
            # other parties' names, for the report to blank out (not those inside the enterprise's own name)
            others = tuple(sorted({n for (n, i) in s.execute(select(Party.name, Party.id))
                                   if i not in own and n not in party.name}, key=len, reverse=True))
            name, uscc, party_id = party.name, party.uscc, party.id
        if year is not None:
            entries = [e for e in entries if e.on.year == year]
        order = list(ENTRY_KINDS)
        entries.sort(key=lambda e: (e.on, order.index(e.kind), e.ref))
        portfolio = PortfolioService(self.store, self.who)
        rights = portfolio.list(party_id)
        start, end = ((date(year + 1, 1, 1), date(year + 1, 12, 31)) if year is not None
                      else (day, day + timedelta(days=365)))
        due = sorted((i for r in rights for i in due_items(r, start, end)), key=lambda i: (i.date, i.number, i.event))
        return ServiceRecord(party_id, name, uscc, year, tuple(entries), hidden, tuple(rights), tuple(due), start, end,
                             others)

    # ------------------------------------------------------------------ annual report

    def report(self, enterprise: str | int, year: int, *, lang: str = "zh", today: date | None = None):  # type: ignore[no-untyped-def]
        """The annual service report's content (``DocumentContent`` for ``documents.render``)."""
        from qcy_workstation.documents.service import DocumentService
        from qcy_workstation.portfolios.service_report import build_report

        if year is None:
            raise ValidationError("is required", field="year", value=None, reason="required")
        if lang not in ("zh", "en"):
            raise ValidationError("must be zh or en", field="lang", value=lang, reason="choice",
                                  params={"choices": "zh, en"})
        record = self.record(enterprise, year=year, today=today)
        # the report does not list itself: a PDF and a DOCX written one after the other say the same
        record = replace(record, entries=tuple(e for e in record.entries if e.note != "service-report"))
        info = DocumentService(self.store, self.who).workstation_info()
        return build_report(record, workstation=info, lang=lang, issue_date=today or china_today())

    def export_report(self, enterprise: str | int, year: int, out: str, *, fmt: str | None = None,
                      lang: str = "zh", today: date | None = None) -> str:
        """Write the annual service report as PDF or DOCX (from ``fmt`` or the file's suffix) and record the
        export, with the file's SHA-256, in the audit trail (the next record lists it as sent)."""
        import hashlib
        from pathlib import Path

        from qcy_workstation.cases import audit
        from qcy_workstation.documents import render
        from qcy_workstation.outputs import check_output_path, write_output

        target = check_output_path(out, field="out")  # first: a folder or the store is named as such
        fmt = (fmt or Path(str(out)).suffix.lstrip(".")).lower()
        if fmt not in ("pdf", "docx"):
            raise ValidationError("must be pdf or docx", field="format", value=fmt, reason="choice",
                                  params={"choices": "pdf, docx"})
        content = self.report(enterprise, year, lang=lang, today=today)
        data = render(content, fmt)
        write_output(data, target, field="out")
        with self.store.write() as s:
            party = resolve_enterprise(s, enterprise)
            audit.record(s, actor=self.actor, action="export", entity="enterprise", entity_id=party.id,
                         details={"document": "service-report", "year": year, "format": fmt, "lang": lang,
                                  "sha256": hashlib.sha256(data).hexdigest(), "out": str(target)})
        return str(target)
