"""Partner bodies and referrals: the one service the CLI and the desktop client call (issue 17 item 1).

Who may do what comes from the permissions table (``referral.view``, ``referral.create`` -- on a case only
its officer or the head, like evidence -- and ``referral.body_edit``); a confidential case is referred, listed
and followed up only by those who may see it (``cases.access``). Every write is one transaction with its
audit event; bad input is refused before anything is written, with a code and the field it concerns.
Follow-up dates are counted in Chinese working days with the calendar of case deadlines
(``cases.deadlines``): statutory holidays and adjusted weekends, weekends only (and said so) beyond the
official schedule.
"""

from __future__ import annotations

import json
import os
import statistics
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from qcy_workstation import labels, limits
from qcy_workstation.accounts.permissions import require
from qcy_workstation.accounts.principal import Acting, Principal
from qcy_workstation.cases import audit, personal
from qcy_workstation.cases.access import check_visible, visible_case, visible_clause
from qcy_workstation.cases.deadlines import add_working_days, working_days_between
from qcy_workstation.cases.models import Case, Consultation
from qcy_workstation.cases.settings import earliest_date, load_settings
from qcy_workstation.cases.validation import (
    IP_TYPES,
    check_date_range,
    validate_choice,
    validate_line,
    validate_required,
    validate_text,
)
from qcy_workstation.db.base import china_today
from qcy_workstation.db.store import Store
from qcy_workstation.errors import NotFoundError, ValidationError, WorkflowError
from qcy_workstation.referrals.dto import (
    BODY_KINDS,
    DEFAULT_FOLLOW_UP_WORKING_DAYS,
    FINAL_OUTCOMES,
    OUTCOMES,
    BodyView,
    NewBody,
    NewReferral,
    ReceivedDocument,
    ReferralView,
)
from qcy_workstation.referrals.models import PartnerBody, Referral, ReferralDocument
from qcy_workstation.tables import Table

STARTER_DIRECTORY = Path(__file__).resolve().parent / "data" / "bodies_shaanxi.json"
MAX_FOLLOW_UP_WORKING_DAYS = 250  # about a year: a longer wait is a mistyped figure


def _matters(value: tuple[str, ...] | list[str] | str) -> tuple[str, ...]:
    items = value.split(",") if isinstance(value, str) else list(value)
    out: list[str] = []
    for item in items:
        if item.strip():
            code = validate_choice(item, IP_TYPES, "matters")
            if code not in out:
                out.append(code)
    return tuple(out)


def _body_view(b: PartnerBody, count: int = 0) -> BodyView:
    return BodyView(b.id, b.name, b.kind, b.jurisdiction, tuple(m for m in b.matters.split(",") if m), b.contact,
                    b.source_note, b.active, count)


@dataclass(frozen=True)
class ReferralFigures:
    """Referrals counted by body, kind of matter and outcome, and the working days they took."""

    total: int
    by_body: tuple[tuple[str, int], ...]
    by_matter: tuple[tuple[str, int], ...]
    by_outcome: tuple[tuple[str, int], ...]  # "" = no outcome yet
    median_days_to_outcome: float | None  # referral -> final outcome, Chinese working days
    median_days_to_acceptance: float | None
    with_outcome: int
    with_acceptance: int = 0

    def tables(self, lang: str = "zh") -> list[Table]:
        """The figures as statistics tables (dashboard, XLSX, report), headings in ``lang``."""
        zh = lang == "zh"
        outcome_names = {**OUTCOMES, "": ("尚无结果", "No outcome yet")}
        count = "件数" if zh else "Referrals"
        return [
            Table("referrals_by_body", "转介：按接收单位", "Referrals by body", ("接收单位" if zh else "Body", count),
                  tuple(self.by_body)),
            Table("referrals_by_matter", "转介：按事项类型", "Referrals by kind of matter",
                  ("事项类型" if zh else "Kind of matter", count),
                  tuple((labels.name(labels.IP_TYPES_OR_UNSTATED, k, lang), n) for k, n in self.by_matter)),
            Table("referrals_by_outcome", "转介：按结果", "Referrals by outcome", ("结果" if zh else "Outcome", count),
                  tuple((labels.name(outcome_names, k, lang), n) for k, n in self.by_outcome)),
            Table("referrals_time", "转介：办理用时（工作日中位数）", "Referrals: time to outcome (median working days)",
                  ("指标" if zh else "Measure", "工作日（中位数）" if zh else "Working days (median)",
                   "件数" if zh else "Referrals counted"),
                  (("转介至最终结果" if zh else "Referral to final outcome", self.median_days_to_outcome,
                    self.with_outcome),
                   ("转介至受理" if zh else "Referral to acceptance", self.median_days_to_acceptance,
                    self.with_acceptance)), chart=False),
        ]


class ReferralService(Acting):
    """Partner bodies and the referrals of cases and consultations to them."""

    def __init__(self, store: Store, actor: Principal | str = "staff") -> None:
        super().__init__(store, actor)

    # ------------------------------------------------------------------ bodies

    def add_body(self, new: NewBody) -> BodyView:
        name = validate_required(new.name, "name", 200)
        kind = validate_choice(new.kind, tuple(BODY_KINDS), "kind")
        jurisdiction = validate_line(new.jurisdiction, "jurisdiction", 200)
        matters = _matters(new.matters)
        contact = validate_text(new.contact, "contact", 2000)
        note = validate_text(new.source_note, "source_note", 2000)
        self.require("referral.body_edit")
        with self.store.write() as s:
            if s.execute(select(PartnerBody.id).where(PartnerBody.name == name)).first():
                raise ValidationError(f"a body named {name} is already in the directory", field="name", value=name,
                                      reason="referral.body_exists", params={"name": name})
            row = PartnerBody(name=name, kind=kind, jurisdiction=jurisdiction, matters=",".join(matters),
                              contact=contact, source_note=note, created_by=self.actor)
            s.add(row)
            s.flush()
            audit.record(s, actor=self.actor, action="create", entity="partner_body", entity_id=row.id,
                         details={"name": name, "kind": kind, "matters": list(matters)})
            return _body_view(row)

    def update_body(self, body: int | str, *, contact: str | None = None, jurisdiction: str | None = None,
                    matters: tuple[str, ...] | None = None, active: bool | None = None) -> BodyView:
        """Staff fill in what the directory ships empty (contact) and correct the rest."""
        after: dict[str, Any] = {}
        if contact is not None:
            after["contact"] = validate_text(contact, "contact", 2000)
        if jurisdiction is not None:
            after["jurisdiction"] = validate_line(jurisdiction, "jurisdiction", 200)
        if matters is not None:
            after["matters"] = ",".join(_matters(matters))
        if active is not None:
            after["active"] = bool(active)
        self.require("referral.body_edit")
        with self.store.write() as s:
            row = self._body(s, body)
            diff = audit.changes({k: getattr(row, k) for k in after}, after)
            for k, v in after.items():
                setattr(row, k, v)
            s.flush()
            if diff:
                audit.record(s, actor=self.actor, action="update", entity="partner_body", entity_id=row.id,
                             details=diff)
            return _body_view(row)

    def load_starter_directory(self, path: Path = STARTER_DIRECTORY) -> list[BodyView]:
        """Add the shipped starter bodies that are not in the directory yet; returns those added."""
        self.require("referral.body_edit")
        data = json.loads(path.read_text(encoding="utf-8"))
        with self.store.read() as s:
            have = set(s.execute(select(PartnerBody.name)).scalars())
        return [self.add_body(NewBody(name=b["name"], kind=b["kind"], jurisdiction=b.get("jurisdiction", ""),
                                      matters=tuple(b.get("matters", ())), source_note=b.get("source_note", "")))
                for b in data["bodies"] if b["name"] not in have]

    def list_bodies(self, *, kind: str | None = None, matter: str | None = None,
                    include_inactive: bool = False) -> list[BodyView]:
        """The directory, by kind; for those who see referrals and for those who keep the directory."""
        from qcy_workstation.accounts.permissions import may

        if not may(self.principal, "referral.body_edit"):
            self.require("referral.view")
        q = select(PartnerBody, func.count(Referral.id)).outerjoin(Referral, Referral.body_id == PartnerBody.id)
        if kind:
            q = q.where(PartnerBody.kind == validate_choice(kind, tuple(BODY_KINDS), "kind"))
        if not include_inactive:
            q = q.where(PartnerBody.active.is_(True))
        q = q.group_by(PartnerBody.id).order_by(PartnerBody.name)
        order = list(BODY_KINDS)
        with self.store.read() as s:
            rows = sorted((_body_view(b, n) for b, n in s.execute(q)),
                          key=lambda b: order.index(b.kind) if b.kind in order else len(order))
        if matter:
            code = validate_choice(matter, IP_TYPES, "matter")
            rows = [b for b in rows if code in b.matters]
        return rows

    @staticmethod
    def _body(s: Session, body: int | str) -> PartnerBody:
        row = None
        if isinstance(body, int) or (isinstance(body, str) and body.strip().isdigit()):
            row = s.get(PartnerBody, int(body))
        if row is None and isinstance(body, str):
            row = s.execute(select(PartnerBody).where(PartnerBody.name == body.strip())).scalar()
        if row is None:
            raise NotFoundError(f"no partner body {body!r} in the directory", field="body", value=body,
                                reason="referral.body_not_found", params={"body": str(body)})
        return row

    # ------------------------------------------------------------------ referrals

    def add(self, new: NewReferral) -> ReferralView:
        """Refer a case or a consultation to a body; the first follow-up falls ``follow_up_days`` working
        days after the referral (``DEFAULT_FOLLOW_UP_WORKING_DAYS`` when not given)."""
        if bool(new.case_number) == (new.consultation_id is not None):
            raise ValidationError("refer either a case or a consultation", field="case",
                                  reason="referral.case_or_consultation")
        request = validate_text(new.request, "request", 5000)
        reference = validate_line(new.body_reference, "body_reference", 100)
        today = china_today()
        referred_on = check_date_range(new.referred_on or today, "referred_on", today=today)
        days = new.follow_up_days
        if days is not None and not 1 <= days <= MAX_FOLLOW_UP_WORKING_DAYS:
            raise ValidationError(f"must be between 1 and {MAX_FOLLOW_UP_WORKING_DAYS} working days",
                                  field="follow_up_days", value=days, reason="number.range",
                                  params={"min": 1, "max": MAX_FOLLOW_UP_WORKING_DAYS})
        with self.store.write() as s:
            body = self._body(s, new.body)
            if not body.active:
                raise ValidationError(f"{body.name} is marked as no longer used", field="body", value=body.name,
                                      reason="referral.body_inactive", params={"body": body.name})
            case = consultation = None
            if new.case_number:
                case = self._case(s, new.case_number)
                require(self.principal, "referral.create", case_staff=case.staff)
                if referred_on < case.received_on:
                    raise ValidationError("cannot be before the case was received", field="referred_on",
                                          value=referred_on, reason="date.before_received")
                matter = case.ip_type
            else:
                self.require("referral.create")
                consultation = s.get(Consultation, new.consultation_id)
                if consultation is None:
                    raise NotFoundError(f"no consultation {new.consultation_id}", field="consultation",
                                        value=new.consultation_id, reason="referral.consultation_not_found",
                                        params={"id": new.consultation_id})
                if consultation.case_id:  # a consultation that became a case is referred as that case
                    linked = s.get(Case, consultation.case_id)
                    if linked is not None:
                        check_visible(s, self.principal, linked)
                if referred_on < consultation.at.date():
                    raise ValidationError("is before the consultation", field="referred_on", value=referred_on,
                                          reason="date.before_consultation")
                matter = consultation.ip_type
            check_date_range(referred_on, "referred_on", earliest=earliest_date(load_settings(s)))
            if new.matter:
                matter = validate_choice(new.matter, IP_TYPES, "matter")
            if new.follow_up_on is not None:
                if new.follow_up_on < referred_on:
                    raise ValidationError("cannot be before the referral", field="follow_up_on",
                                          value=new.follow_up_on, reason="referral.date_before_referral",
                                          params={"referred_on": referred_on.isoformat()})
                check_date_range(new.follow_up_on, "follow_up_on",
                                 latest=referred_on + timedelta(days=limits.FOLLOW_UP_MAX_DAYS))
                follow_up, estimated = new.follow_up_on, False
            else:
                due = add_working_days(referred_on, days or DEFAULT_FOLLOW_UP_WORKING_DAYS)
                follow_up, estimated = due.due, due.estimated
            row = Referral(number=self._next_number(s, referred_on.year), case_id=case.id if case else None,
                           consultation_id=consultation.id if consultation else None, body_id=body.id,
                           matter=matter, referred_on=referred_on, request=request, body_reference=reference,
                           follow_up_on=follow_up, follow_up_estimated=estimated, staff=self.actor)
            s.add(row)
            s.flush()
            audit.record(s, actor=self.actor, action="create", entity="referral", entity_id=row.number,
                         case_id=row.case_id, details={"body": body.name, "referred_on": referred_on.isoformat(),
                                                       "consultation": row.consultation_id,
                                                       "follow_up_on": follow_up.isoformat()})
            return self._view(s, row)

    def list(self, *, case_number: str | None = None, consultation_id: int | None = None,
             body: int | str | None = None, open_only: bool = False) -> list[ReferralView]:
        """Referrals the account may see, newest first."""
        principal = self.require("referral.view")
        q = select(Referral).outerjoin(Case, Referral.case_id == Case.id)
        clause = visible_clause(principal)
        if clause is not None:
            q = q.where(or_(Referral.case_id.is_(None), clause))
        with self.store.read() as s:
            if case_number:
                q = q.where(Referral.case_id == self._case(s, case_number).id)
            if consultation_id is not None:
                q = q.where(Referral.consultation_id == consultation_id)
            if body is not None:
                q = q.where(Referral.body_id == self._body(s, body).id)
            if open_only:
                q = q.where(Referral.outcome.notin_(FINAL_OUTCOMES))
            rows = s.execute(q.order_by(Referral.referred_on.desc(), Referral.id.desc())).scalars().all()
            full = personal.sees_full(principal)
            return [self._view(s, r, full=full) for r in rows]

    def get(self, number: str) -> ReferralView:
        principal = self.require("referral.view")
        with self.store.read() as s:
            return self._view(s, self._referral(s, number), full=personal.sees_full(principal))

    def follow_ups_due(self, today: date | None = None) -> list[ReferralView]:
        """Open referrals whose follow-up date has passed or falls within the "due soon" window of working
        days (the setting of case deadlines), earliest first: what Today shows."""
        today = today or china_today()
        principal = self.require("referral.view")
        with self.store.read() as s:
            window = load_settings(s).due_soon_days
            horizon = add_working_days(today, window).due
            q = (select(Referral).outerjoin(Case, Referral.case_id == Case.id)
                 .where(Referral.outcome.notin_(FINAL_OUTCOMES), Referral.follow_up_on.is_not(None),
                        Referral.follow_up_on <= horizon)
                 .order_by(Referral.follow_up_on, Referral.id))
            clause = visible_clause(principal)
            if clause is not None:
                q = q.where(or_(Referral.case_id.is_(None), clause))
            full = personal.sees_full(principal)
            return [self._view(s, r, today=today, full=full) for r in s.execute(q).scalars()]

    def set_reference(self, number: str, body_reference: str) -> ReferralView:
        """Record the body's own file number (立案号, 案号 ...)."""
        reference = validate_required(body_reference, "body_reference", 100)
        return self._change(number, "reference", {"body_reference": reference})

    def follow_up(self, number: str, *, days: int | None = None, on: date | None = None,
                  today: date | None = None) -> ReferralView:
        """The next follow-up: ``days`` working days from today, or on the date ``on``."""
        today = today or china_today()
        if (days is None) == (on is None):
            raise ValidationError("give either working days or a date", field="days", reason="referral.follow_up_how")
        estimated = False
        if days is not None:
            if not 1 <= days <= MAX_FOLLOW_UP_WORKING_DAYS:
                raise ValidationError(f"must be between 1 and {MAX_FOLLOW_UP_WORKING_DAYS} working days",
                                      field="days", value=days, reason="number.range",
                                      params={"min": 1, "max": MAX_FOLLOW_UP_WORKING_DAYS})
            due = add_working_days(today, days)
            on, estimated = due.due, due.estimated
        assert on is not None
        if on < today:
            raise ValidationError("cannot be in the past", field="follow_up_on", value=on, reason="date.past")
        check_date_range(on, "follow_up_on", latest=today + timedelta(days=limits.FOLLOW_UP_MAX_DAYS))
        return self._change(number, "follow_up", {"follow_up_on": on, "follow_up_estimated": estimated},
                            open_only=True)

    def record_outcome(self, number: str, outcome: str, *, on: date | None = None, note: str = "",
                       body_reference: str = "") -> ReferralView:
        """The body's answer: ``accepted`` (it took the matter up: the follow-up moves on by the default
        working days) or a final outcome (penalty, judgment, mediation agreement, withdrawn, declined), which
        closes the referral. The date may not precede the referral nor lie in the future."""
        code = validate_choice(outcome, tuple(OUTCOMES), "outcome")
        note = validate_text(note, "note", 5000)
        reference = validate_line(body_reference, "body_reference", 100)
        today = china_today()
        on = check_date_range(on or today, "outcome_on", today=today)
        with self.store.read() as s:
            row = self._referral(s, number)
            if on < row.referred_on:
                raise ValidationError(f"cannot be before the referral ({row.referred_on.isoformat()})",
                                      field="outcome_on", value=on, reason="referral.date_before_referral",
                                      params={"referred_on": row.referred_on.isoformat()})
        after: dict[str, Any] = {}
        if code == "accepted":
            due = add_working_days(on, DEFAULT_FOLLOW_UP_WORKING_DAYS)
            after = {"accepted_on": on, "outcome": "accepted", "follow_up_on": max(due.due, today),
                     "follow_up_estimated": due.estimated}
        else:
            after = {"outcome": code, "outcome_on": on, "follow_up_on": None, "follow_up_estimated": False}
        if note:
            after["outcome_note"] = note
        if reference:
            after["body_reference"] = reference
        return self._change(number, "outcome", after, open_only=True)

    def add_document(self, number: str, title: str, *, received_on: date | None = None,
                     path: str | os.PathLike[str] | None = None) -> ReferralView:
        """A document the body sent back. With a file on a case's referral the file is stored as the case's
        evidence (hashed, sealed on a confidential case) with the body as its source; a consultation's
        referral keeps the title and date only (there is no case file to put it in)."""
        title = validate_required(title, "title", 300)
        today = china_today()
        received = check_date_range(received_on or today, "received_on", today=today)
        with self.store.read() as s:
            row = self._referral(s, number)
            self._check_may_change(s, row)
            if received < row.referred_on:
                raise ValidationError(f"cannot be before the referral ({row.referred_on.isoformat()})",
                                      field="received_on", value=received, reason="referral.date_before_referral",
                                      params={"referred_on": row.referred_on.isoformat()})
            case_number = s.get(Case, row.case_id).number if row.case_id else None  # type: ignore[union-attr]
            body_name = s.get(PartnerBody, row.body_id).name  # type: ignore[union-attr]
        evidence_id = None
        if path is not None:
            if case_number is None:
                raise ValidationError("a consultation's referral has no case file to store a document in; "
                                      "record its title, or turn the consultation into a case first",
                                      field="file", reason="referral.file_needs_case")
            from qcy_workstation.cases.evidence import EvidenceService

            evidence_id = EvidenceService(self.store, self.who).add(
                case_number, path, source=body_name, description=f"{title}（转介 {number}）",
                received_on=received).id
        with self.store.write() as s:
            row = self._referral(s, number)
            doc = ReferralDocument(referral_id=row.id, title=title, received_on=received, evidence_id=evidence_id,
                                   added_by=self.actor)
            s.add(doc)
            s.flush()
            audit.record(s, actor=self.actor, action="document", entity="referral", entity_id=row.number,
                         case_id=row.case_id, details={"title": title, "received_on": received.isoformat(),
                                                       "evidence": evidence_id})
            return self._view(s, row)

    # ------------------------------------------------------------------ statistics

    def figures(self, *, date_from: date | None = None, date_to: date | None = None) -> ReferralFigures:
        """Counts of the referrals made in the period (confidential cases counted, never detailed) and the
        median Chinese working days from referral to outcome and to acceptance."""
        self.require("stats.view")
        q = select(Referral.referred_on, Referral.matter, Referral.outcome, Referral.outcome_on,
                   Referral.accepted_on, PartnerBody.name).join(PartnerBody, PartnerBody.id == Referral.body_id)
        if date_from:
            q = q.where(Referral.referred_on >= date_from)
        if date_to:
            q = q.where(Referral.referred_on <= date_to)
        with self.store.read() as s:
            rows = s.execute(q).all()
        by_body: dict[str, int] = {}
        by_matter: dict[str, int] = {}
        by_outcome: dict[str, int] = {}
        to_outcome: list[int] = []
        to_acceptance: list[int] = []
        for referred_on, matter, outcome, outcome_on, accepted_on, body in rows:
            by_body[body] = by_body.get(body, 0) + 1
            by_matter[matter] = by_matter.get(matter, 0) + 1
            by_outcome[outcome] = by_outcome.get(outcome, 0) + 1
            if outcome in FINAL_OUTCOMES and outcome_on:
                to_outcome.append(working_days_between(referred_on, outcome_on))
            if accepted_on:
                to_acceptance.append(working_days_between(referred_on, accepted_on))

        def ranked(counts: dict[str, int]) -> tuple[tuple[str, int], ...]:
            return tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))

        return ReferralFigures(
            total=len(rows), by_body=ranked(by_body), by_matter=ranked(by_matter), by_outcome=ranked(by_outcome),
            median_days_to_outcome=float(statistics.median(to_outcome)) if to_outcome else None,
            median_days_to_acceptance=float(statistics.median(to_acceptance)) if to_acceptance else None,
            with_outcome=len(to_outcome), with_acceptance=len(to_acceptance))

    # ------------------------------------------------------------------ letter

    def letter(self, number: str, *, lang: str = "zh", issue_date: date | None = None) -> Any:
        """The referral letter (``DocumentContent``) for the documents renderers (``documents.render``)."""
        from qcy_workstation.documents.service import DocumentService
        from qcy_workstation.referrals.letter import build_letter

        with self.store.read() as s:
            row = self._referral(s, number)
            self._check_may_change(s, row)
            view = self._view(s, row)
            body = _body_view(s.get(PartnerBody, row.body_id))  # type: ignore[arg-type]
            found = s.get(Consultation, row.consultation_id) if row.consultation_id else None
            consultation = {"topic": found.topic, "summary": found.summary} if found is not None else None
        docs = DocumentService(self.store, self.who)
        case = docs.case_data(view.case_number) if view.case_number else None
        return build_letter(view, body, case=case, consultation=consultation, workstation=docs.workstation_info(),
                            lang=lang, issue_date=issue_date)

    def export_letter(self, number: str, fmt: str, out: str | os.PathLike[str], *, lang: str = "zh",
                      issue_date: date | None = None) -> Path:
        """Write the referral letter as PDF or DOCX (atomically, never into the store's own files) and record
        the export in the audit trail."""
        from qcy_workstation.documents import render
        from qcy_workstation.outputs import check_output_path, write_output

        if fmt not in ("pdf", "docx"):
            raise ValidationError("format must be pdf or docx", field="format", value=fmt, reason="choice",
                                  params={"choices": "pdf, docx"})
        target = check_output_path(out, field="out")
        content = self.letter(number, lang=lang, issue_date=issue_date)
        write_output(render(content, fmt), target, field="out")
        with self.store.write() as s:
            row = self._referral(s, number)
            audit.record(s, actor=self.actor, action="export", entity="referral", entity_id=row.number,
                         case_id=row.case_id, details={"document": "referral-letter", "format": fmt, "lang": lang})
        return target

    # ------------------------------------------------------------------ helpers

    def _case(self, s: Session, number: str) -> Case:
        return visible_case(s, self.principal, number)

    def _referral(self, s: Session, number: str) -> Referral:
        key = (number or "").strip().upper()
        row = s.execute(select(Referral).where(Referral.number == key)).scalar()
        if row is None and key.isdigit():
            row = s.get(Referral, int(key))
        if row is None:
            raise NotFoundError(f"no referral {number!r}", field="referral", value=number,
                                reason="referral.not_found", params={"number": number})
        if row.case_id:
            case = s.get(Case, row.case_id)
            if case is not None:
                check_visible(s, self.principal, case)
        return row

    def _check_may_change(self, s: Session, row: Referral) -> None:
        staff = s.get(Case, row.case_id).staff if row.case_id else None  # type: ignore[union-attr]
        require(self.principal, "referral.create", case_staff=staff)

    def _change(self, number: str, action: str, after: dict[str, Any], *, open_only: bool = False) -> ReferralView:
        with self.store.write() as s:
            row = self._referral(s, number)
            self._check_may_change(s, row)
            if open_only and row.outcome in FINAL_OUTCOMES:
                raise WorkflowError(f"referral {row.number} is closed ({row.outcome}); nothing was changed",
                                    field="outcome", value=row.outcome, reason="referral.closed",
                                    params={"number": row.number, "outcome": row.outcome})
            diff = audit.changes({k: getattr(row, k) for k in after}, after)
            for k, v in after.items():
                setattr(row, k, v)
            s.flush()
            if diff:
                audit.record(s, actor=self.actor, action=action, entity="referral", entity_id=row.number,
                             case_id=row.case_id, details=diff)
            return self._view(s, row)

    @staticmethod
    def _next_number(s: Session, year: int) -> str:
        prefix = f"ZJ-{year}-"
        last = s.execute(select(func.max(Referral.number)).where(Referral.number.like(prefix + "%"))).scalar()
        seq = int(last.rsplit("-", 1)[1]) + 1 if last else 1
        return f"{prefix}{seq:04d}"

    @staticmethod
    def _view(s: Session, r: Referral, *, today: date | None = None, full: bool = True) -> ReferralView:
        """The referral as handed out; ``full`` False masks ID and mobile numbers in a consultation's
        enquirer and topic, as the consultation log does for roles without ``personal.view_full``."""
        body = s.get(PartnerBody, r.body_id)
        assert body is not None
        case_number = subject = applicant = None
        if r.case_id:
            case = s.get(Case, r.case_id)
            if case is not None:
                case_number, subject, applicant = case.number, case.title, case.applicant.name
        if r.consultation_id and subject is None:
            c = s.get(Consultation, r.consultation_id)
            if c is not None:
                subject, applicant = c.topic, c.organisation or c.enquirer
                if not full:
                    subject, applicant = personal.mask_text(subject), personal.mask_text(applicant)
        docs = s.execute(select(ReferralDocument).where(ReferralDocument.referral_id == r.id)
                         .order_by(ReferralDocument.received_on, ReferralDocument.id)).scalars()
        taken = tuple(m for m in body.matters.split(",") if m)
        return ReferralView(
            id=r.id, number=r.number, body_id=body.id, body_name=body.name, body_kind=body.kind,
            case_number=case_number, consultation_id=r.consultation_id, subject=subject or "",
            applicant=applicant or "", matter=r.matter, referred_on=r.referred_on, request=r.request,
            body_reference=r.body_reference, follow_up_on=r.follow_up_on, follow_up_estimated=r.follow_up_estimated,
            accepted_on=r.accepted_on, outcome=r.outcome, outcome_on=r.outcome_on, outcome_note=r.outcome_note,
            staff=r.staff, row_version=r.row_version, matter_taken=not r.matter or not taken or r.matter in taken,
            documents=tuple(ReceivedDocument(d.id, d.title, d.received_on, d.evidence_id, d.added_by) for d in docs),
            follow_up_state=_follow_up_state(r, today or china_today()))


def _follow_up_state(r: Referral, today: date) -> str:
    """``overdue`` (the follow-up date has passed), ``due`` (today or later) or ``""`` (closed, none set)."""
    if r.outcome in FINAL_OUTCOMES or r.follow_up_on is None:
        return ""
    return "overdue" if r.follow_up_on < today else "due"
