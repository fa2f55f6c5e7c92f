"""The consultation log: every walk-in, call, online message and letter, most of which never become cases."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Column, Integer, MetaData, Table, Text, false, func, or_, select, text
from sqlalchemy.orm import Session

from qcy_workstation import limits
from qcy_workstation.accounts.principal import Acting, Principal
from qcy_workstation.cases import audit, personal, search
from qcy_workstation.cases.dto import (
    CaseDetail,
    ConsultationFilter,
    ConsultationView,
    NewCase,
    NewConsultation,
)
from qcy_workstation.cases.models import Case, Consultation
from qcy_workstation.cases.services import CaseService
from qcy_workstation.cases.settings import earliest_date, load_settings
from qcy_workstation.cases.validation import (
    CHANNELS,
    IP_TYPES,
    check_date_range,
    check_page,
    validate_choice,
    validate_line,
    validate_phone,
    validate_required,
    validate_text,
)
from qcy_workstation.db.audit import AuditEvent
from qcy_workstation.db.base import CHINA_TZ, to_china_time
from qcy_workstation.db.store import Store
from qcy_workstation.errors import ConflictError, NotFoundError, ValidationError

CONSULTATION_FTS = Table("consultation_fts", MetaData(), Column("rowid", Integer, primary_key=True),
                         Column("body", Text))


def clean_consultation(c: NewConsultation) -> NewConsultation:
    values = asdict(c)
    values["channel"] = validate_choice(c.channel, CHANNELS, "channel")
    values["enquirer"] = validate_required(c.enquirer, "enquirer", 100)
    values["topic"] = validate_required(c.topic, "topic", 300)
    values["ip_type"] = validate_choice(c.ip_type, IP_TYPES, "ip_type") if c.ip_type else ""
    values["phone"] = validate_phone(c.phone, "phone")
    values["organisation"] = validate_line(c.organisation, "organisation", 200)
    values["staff"] = validate_line(c.staff, "staff", 100)
    values["summary"] = validate_text(c.summary, "summary")
    values["advice"] = validate_text(c.advice, "advice")
    today = china_now().date()
    if c.at is not None:  # a consultation "in 2099" was accepted: it is held now or was held before
        check_date_range(c.at.date(), "at", today=today)
    if c.follow_up_on:
        held = c.at.date() if c.at else today  # a consultation logged without a time is held now
        if c.follow_up_on < held:
            raise ValidationError("is before the consultation", field="follow_up_on", value=c.follow_up_on,
                                  reason="date.before_consultation")
        check_date_range(c.follow_up_on, "follow_up_on",
                         latest=held + timedelta(days=limits.FOLLOW_UP_MAX_DAYS))
    return NewConsultation(**values)


def china_now() -> datetime:
    """The wall-clock time at the workstation (China Standard Time), without a zone, as stored."""
    return datetime.now(CHINA_TZ).replace(tzinfo=None, microsecond=0)


def _changed_since(s: Session, row: Consultation) -> ConflictError:
    """Who last corrected the consultation and when (China time), from its newest change in the audit trail."""
    last = s.execute(select(AuditEvent.actor, AuditEvent.at).where(
        AuditEvent.entity == "consultation", AuditEvent.entity_id == str(row.id),
        AuditEvent.action.notin_(("view", "export", "print"))).order_by(AuditEvent.id.desc()).limit(1)).first()
    by, at = (last[0], to_china_time(last[1]).strftime("%Y-%m-%d %H:%M")) if last else ("?", "?")
    return ConflictError(f"consultation {row.id} was changed by {by} at {at} (China time) after you opened it; "
                         "nothing was saved: reload it and apply your changes again", field="id", value=row.id,
                         reason="consultation.changed", params={"id": row.id, "by": by, "at": at})


def _view(c: Consultation, case_number: str | None, full: bool = True) -> ConsultationView:
    """The consultation as the service hands it out; ``full`` False masks the enquirer's phone and any ID or
    mobile number in the texts (``personal.view_full``, cases/personal.py)."""
    if full:
        return ConsultationView(c.id, c.at, c.channel, c.staff, c.enquirer, c.organisation, c.phone, c.ip_type,
                                c.topic, c.summary, c.advice, c.follow_up_on, case_number, c.row_version)
    m = personal.mask_text
    return ConsultationView(c.id, c.at, c.channel, c.staff, m(c.enquirer), m(c.organisation),
                            personal.mask_phone(c.phone), c.ip_type, m(c.topic), m(c.summary), m(c.advice),
                            c.follow_up_on, case_number, c.row_version)


@dataclass(frozen=True)
class AnonymiseResult:
    """What ``ConsultationService.anonymise_expired`` did (or, with ``dry_run``, would do)."""

    count: int
    retention_months: int  # 0: consultations are kept forever, nothing is anonymised
    cutoff: date | None  # consultations before this day (and their follow-ups) are past the retention
    dry_run: bool


def _scrub(text: str, names: list[str]) -> str:
    """Free text without the enquirer's name and organisation and with no ID or mobile number left in it."""
    for name in sorted(names, key=len, reverse=True):
        text = text.replace(name, personal.ANONYMISED)
    return personal.mask_text(text, whole=True)


class ConsultationService(Acting):
    """The consultation log: registrars, officers and the head log and correct consultations."""

    def __init__(self, store: Store, actor: Principal | str = "staff") -> None:
        super().__init__(store, actor)

    def add(self, new: NewConsultation) -> ConsultationView:
        new = clean_consultation(new)
        self.require("consultation.create")
        with self.store.write() as s:
            case = None
            if new.case_number:
                case = s.execute(select(Case).where(Case.number == new.case_number.strip().upper())).scalar()
                if case is None:
                    raise NotFoundError(f"no case {new.case_number!r}", field="case", value=new.case_number,
                                        reason="case.not_found", params={"number": new.case_number})
            at = new.at or china_now()
            check_date_range(at.date(), "at", earliest=earliest_date(load_settings(s)))
            row = Consultation(at=at, channel=new.channel, staff=new.staff or self.actor, enquirer=new.enquirer,
                               organisation=new.organisation, phone=new.phone, ip_type=new.ip_type,
                               topic=new.topic, summary=new.summary, advice=new.advice,
                               follow_up_on=new.follow_up_on, case_id=case.id if case else None)
            s.add(row)
            s.flush()
            audit.record(s, actor=self.actor, action="create", entity="consultation", entity_id=row.id,
                         case_id=row.case_id, details={"channel": row.channel, "enquirer": row.enquirer,
                                                       "topic": row.topic})
            self.reindex(s, row)
            if case is not None:
                CaseService.reindex(s, case)
            return _view(row, case.number if case else None)

    EDITABLE = ("at", "channel", "enquirer", "organisation", "phone", "ip_type", "topic", "summary", "advice",
                "follow_up_on")

    def update(self, consultation_id: int, *, expected_version: int | None = None, **fields: Any) -> ConsultationView:
        """Correct a logged consultation (typo, wrong channel, advice added later). Validated like ``add``;
        the audit event keeps every changed field as [old, new]. The link to a case is ``link``/``unlink``.
        ``expected_version``: the ``row_version`` the form showed; when another desk corrected it since,
        nothing is saved (ConflictError ``consultation.changed``, naming who and when)."""
        self.require("consultation.create")
        unknown = set(fields) - set(self.EDITABLE)
        if unknown:
            raise ValidationError(f"cannot be changed here; changeable: {', '.join(self.EDITABLE)}",
                                  field=sorted(unknown)[0])
        with self.store.write() as s:
            row = s.get(Consultation, consultation_id)
            if row is None:
                raise NotFoundError(f"no consultation {consultation_id}", field="id", value=consultation_id)
            if expected_version is not None and row.row_version != expected_version:
                raise _changed_since(s, row)
            current = NewConsultation(channel=row.channel, enquirer=row.enquirer, topic=row.topic,
                                      organisation=row.organisation, phone=row.phone, ip_type=row.ip_type,
                                      summary=row.summary, advice=row.advice, follow_up_on=row.follow_up_on,
                                      at=row.at)
            merged = clean_consultation(replace(current, **fields))
            after = {k: getattr(merged, k) for k in fields}
            for k in ("organisation", "summary", "advice"):
                if k in after:
                    after[k] = (after[k] or "").strip()
            if "at" in after and after["at"] is None:
                raise ValidationError("must be filled in", field="at")
            before = {k: getattr(row, k) for k in fields}
            diff = audit.changes(before, after)
            number = None
            if row.case_id:
                number = s.execute(select(Case.number).where(Case.id == row.case_id)).scalar()
            if not diff:
                return _view(row, number)
            for k, v in after.items():
                setattr(row, k, v)
            s.flush()
            audit.record(s, actor=self.actor, action="update", entity="consultation", entity_id=row.id,
                         case_id=row.case_id, details=diff)
            self.reindex(s, row)
            if row.case_id:
                case = s.get(Case, row.case_id)
                if case is not None:
                    CaseService.reindex(s, case)
            return _view(row, number)

    @staticmethod
    def reindex(s: Session, c: Consultation) -> None:
        body = search.index_body(c.enquirer, c.organisation, c.topic, c.summary, c.advice, c.phone)
        s.execute(text("DELETE FROM consultation_fts WHERE rowid = :id"), {"id": c.id})
        s.execute(text("INSERT INTO consultation_fts(rowid, body) VALUES (:id, :body)"), {"id": c.id, "body": body})

    def get(self, consultation_id: int, *, full: bool | None = None) -> ConsultationView:
        """One consultation: in full for the roles that may see personal details, masked for others.
        ``full=True`` insists on the full details and refuses (``auth.forbidden``) an account that may not."""
        principal = self.require("consultation.view")
        if full:
            self.require(personal.VIEW_FULL)
        show = personal.sees_full(principal) if full is None else full
        with self.store.read() as s:
            row = s.get(Consultation, consultation_id)
            if row is None:
                raise NotFoundError(f"no consultation {consultation_id}", field="id", value=consultation_id)
            number = s.execute(select(Case.number).where(Case.id == row.case_id)).scalar() if row.case_id else None
            return _view(row, number, show)

    def _filtered(self, f: ConsultationFilter, q: Any, s: Session) -> Any:
        self.require("consultation.view")
        if f.channel:
            q = q.where(Consultation.channel == validate_choice(f.channel, CHANNELS, "channel"))
        if f.ip_type:
            q = q.where(Consultation.ip_type == validate_choice(f.ip_type, IP_TYPES, "ip_type"))
        if f.staff:
            q = q.where(Consultation.staff == f.staff)
        if f.date_from:
            q = q.where(Consultation.at >= datetime.combine(f.date_from, datetime.min.time()))
        if f.date_to:
            q = q.where(Consultation.at <= datetime.combine(f.date_to, datetime.max.time()))
        if f.unlinked_only:
            q = q.where(Consultation.case_id.is_(None))
        if f.case_number:
            q = q.where(Case.number == f.case_number.strip().upper())
        if f.text and f.text.strip():
            q = self._text_condition(f.text, q, s)[0]
        return q

    def _text_condition(self, query: str, q: Any, s: Session, want: int | None = None) -> tuple[Any, bool]:
        """``q`` narrowed to the consultations matching ``query``, and whether only the newest ``want`` of them
        are in it (``search.pg_condition``)."""
        expr = search.match_expression(query)
        if expr is None:
            return q.where(false()), False
        if self.store.is_sqlite:
            return q.join(CONSULTATION_FTS, CONSULTATION_FTS.c.rowid == Consultation.id).where(
                text("consultation_fts MATCH :cfts").bindparams(cfts=expr)), False
        found = search.pg_condition(s, CONSULTATION_FTS, query, want=want)
        return q.join(CONSULTATION_FTS, CONSULTATION_FTS.c.rowid == Consultation.id).where(found.clause), found.capped

    def list(self, f: ConsultationFilter | None = None, *, offset: int = 0,
             limit: int | None = None) -> list[ConsultationView]:
        """Newest first; phone numbers masked for the roles without ``personal.view_full``."""
        f = f or ConsultationFilter()
        check_page(offset, limit)
        q = select(Consultation, Case.number).outerjoin(Case, Consultation.case_id == Case.id)
        full = personal.sees_full(self.principal)
        searching = bool(f.text and f.text.strip() and search.match_expression(f.text))
        with self.store.read() as s:
            base = self._filtered(replace(f, text=None), q, s) if searching else q

            def fetch(want: int | None) -> tuple[list[Any], bool]:
                page, capped = self._text_condition(f.text or "", base, s, want) if searching else (
                    self._filtered(f, q, s), False)  # a text of nothing searchable ("！？") finds nothing
                if searching:
                    page = page.order_by(CONSULTATION_FTS.c.rowid.desc())  # index order: stops after one page
                else:
                    page = page.order_by(Consultation.at.desc(), Consultation.id.desc())
                return list(s.execute(page.offset(offset or None).limit(limit)).all()), capped

            rows = search.fill_page(fetch, search.first_want(offset, limit) if searching else None, limit)
            return [_view(c, number, full) for c, number in rows]

    def count(self, f: ConsultationFilter | None = None) -> int:
        q = select(func.count(Consultation.id)).select_from(Consultation).outerjoin(
            Case, Consultation.case_id == Case.id)
        with self.store.read() as s:
            return int(s.execute(self._filtered(f or ConsultationFilter(), q, s)).scalar() or 0)

    def enquirer_suggestions(self, prefix: str, limit: int = 10) -> list[tuple[str, str, str]]:
        """(enquirer, organisation, phone) of earlier consultations starting with ``prefix``: autocompletion
        (the phone masked for the roles without ``personal.view_full``; anonymised ones never offered)."""
        principal = self.require("consultation.view")
        prefix = prefix.strip()
        if not prefix or prefix.startswith(personal.ANONYMISED):
            return []
        full = personal.sees_full(principal)
        q = (select(Consultation.enquirer, Consultation.organisation, Consultation.phone)
             .where(Consultation.enquirer.like(prefix.replace("%", "") + "%"))
             .group_by(Consultation.enquirer, Consultation.organisation, Consultation.phone)
             .order_by(func.max(Consultation.at).desc()).limit(limit))
        with self.store.read() as s:
            rows = [(r[0], r[1], r[2]) for r in s.execute(q)]
        return rows if full else [(e, o, personal.mask_phone(p)) for e, o, p in rows]

    def link(self, consultation_id: int, case_number: str) -> ConsultationView:
        self.require("consultation.create")
        with self.store.write() as s:
            row = s.get(Consultation, consultation_id)
            if row is None:
                raise NotFoundError(f"no consultation {consultation_id}", field="id", value=consultation_id)
            case = s.execute(select(Case).where(Case.number == case_number.strip().upper())).scalar()
            if case is None:
                raise NotFoundError(f"no case {case_number!r}", field="case", value=case_number,
                                    reason="case.not_found", params={"number": case_number})
            row.case_id = case.id
            audit.record(s, actor=self.actor, action="link", entity="consultation", entity_id=row.id,
                         case_id=case.id, details={"case": case.number})
            CaseService.reindex(s, case)
            return _view(row, case.number)

    def unlink(self, consultation_id: int) -> ConsultationView:
        """Undo a wrong link: the consultation stands alone again; the case's search text loses it."""
        self.require("consultation.create")
        with self.store.write() as s:
            row = s.get(Consultation, consultation_id)
            if row is None:
                raise NotFoundError(f"no consultation {consultation_id}", field="id", value=consultation_id)
            case = s.get(Case, row.case_id) if row.case_id else None
            if case is None:
                raise ValidationError("is not linked to a case", field="case", value=consultation_id)
            row.case_id = None
            audit.record(s, actor=self.actor, action="unlink", entity="consultation", entity_id=row.id,
                         case_id=case.id, details={"case": case.number})
            CaseService.reindex(s, case)
            return _view(row, None)

    # ------------------------------------------------------------ retention (PIPL, issue 14 item 6)

    def anonymise_expired(self, today: date | None = None, *, dry_run: bool = False) -> AnonymiseResult:
        """Anonymise the consultations that never became cases once ``consultation_retention_months`` have
        passed since them (and since their follow-up date): the enquirer's name, organisation and phone are
        blanked (the enquirer reads ``（已匿名）``), the enquirer's name and any ID or mobile number are taken
        out of the summary and the advice; date, channel, IP type, topic and staff stay, so every statistics
        figure is unchanged. One audit event (who, how many, the cut-off date). Administrators only
        (``personal.anonymise``); ``dry_run`` counts without changing anything and records nothing.
        A retention of 0 months keeps everything."""
        self.require(personal.ANONYMISE)
        today = today or china_now().date()
        with self.store.read() as s:
            months = personal.retention_months(load_settings(s).extra)
        if not months:
            return AnonymiseResult(0, months, None, dry_run)
        cutoff = personal.months_before(today, months)
        due = (select(Consultation).where(Consultation.case_id.is_(None),
                                          Consultation.at < datetime.combine(cutoff, datetime.min.time()),
                                          or_(Consultation.follow_up_on.is_(None), Consultation.follow_up_on < cutoff),
                                          or_(Consultation.enquirer != personal.ANONYMISED,
                                              Consultation.organisation != "", Consultation.phone != ""))
               .order_by(Consultation.id))
        if dry_run:
            with self.store.read() as s:
                n = s.execute(select(func.count()).select_from(due.subquery())).scalar() or 0
            return AnonymiseResult(int(n), months, cutoff, True)
        with self.store.write() as s:
            count = 0
            for row in s.execute(due).scalars().all():  # read first: the rows change under the loop
                names = [x for x in (row.enquirer, row.organisation) if x and x != personal.ANONYMISED]
                row.summary = _scrub(row.summary, names)
                row.advice = _scrub(row.advice, names)
                row.enquirer, row.organisation, row.phone = personal.ANONYMISED, "", ""
                self.reindex(s, row)
                count += 1
            if count:
                audit.record(s, actor=self.actor, action="anonymise", entity="consultation", entity_id="retention",
                             details={"count": count, "cutoff": cutoff.isoformat(), "retention_months": months})
            return AnonymiseResult(count, months, cutoff, False)

    def convert_to_case(self, consultation_id: int, new: NewCase) -> CaseDetail:
        """Open a case from a consultation; the consultation is linked to it in the same transaction."""
        self.require("consultation.convert")
        return CaseService(self.store, self.who).create(new, consultation_id=consultation_id)
