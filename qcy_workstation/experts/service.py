"""The expert pool and expert panels on cases: the one service the CLI and the desktop client call
(issue 17 item 2).

Who may do what comes from the permissions table: ``expert.pool_edit`` (the head and the administrator keep
the pool), ``expert.panel`` (convene a panel, record opinions, conclude: the head, an officer on their own
cases) and ``expert.view`` (officers, reviewers, the head see the pool and the panels). A confidential case's
panels are seen only by those who may see the case (``cases.access``). Every write is one transaction with its
audit event; bad input is refused before anything is written, with a code and the field it concerns.

An expert is not seated on a case where their name or affiliation resembles a party of the case (applicant or
opposing party): the keys and the scoring are those of the intake conflict check (``cases.names``,
``CaseService.conflict_check``), so 西安秦川食品有限公司 and （西安）秦川食品研究院 meet as they do at intake.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from qcy_workstation.accounts.permissions import may, require
from qcy_workstation.accounts.principal import Acting, Principal
from qcy_workstation.cases import audit, personal
from qcy_workstation.cases.access import check_visible, visible_case, visible_clause
from qcy_workstation.cases.conflicts import CONFLICT_THRESHOLD
from qcy_workstation.cases.models import Case, Party
from qcy_workstation.cases.names import match_score, normalise_name
from qcy_workstation.cases.settings import earliest_date, load_settings
from qcy_workstation.cases.validation import (
    _fold,
    check_date_range,
    validate_line,
    validate_nice_classes,
    validate_required,
    validate_text,
)
from qcy_workstation.db.base import china_today
from qcy_workstation.db.store import Store
from qcy_workstation.errors import NotFoundError, ValidationError, WorkflowError
from qcy_workstation.experts.dto import (
    MAX_FEE,
    MAX_HOURS,
    ExpertConflict,
    ExpertView,
    NewExpert,
    NewPanel,
    PanelView,
    Seat,
    SeatView,
)
from qcy_workstation.experts.models import Expert, ExpertPanel, PanelSeat

#: An IPC symbol as far as staff need it: section letter A-H, class (two digits), subclass letter, and a
#: main group/subgroup (WIPO, International Patent Classification, Guide §§ 16-30): H04L, G06F 17/30, A01.
_IPC = re.compile(r"[A-H](?:\d{2}(?:[A-Z](?:\s*\d{1,4}/\d{1,6})?)?)?")
MAX_PANEL_SEATS = 15


def validate_ipc_classes(value: str, field: str = "ipc_classes") -> str:
    """'h04l, G06F 17/30；A01' -> 'H04L,G06F 17/30,A01' (upper-case, unique, in the order given)."""
    out: list[str] = []
    for item in re.split(r"[,，、;；]+", _fold(value or "")):
        text = re.sub(r"\s+", " ", item.strip().upper())
        if not text:
            continue
        if not _IPC.fullmatch(text):
            raise ValidationError(f"{item.strip()!r} is not an IPC symbol (e.g. H04L or G06F 17/30)", field=field,
                                  value=value, reason="expert.ipc_class", params={"item": item.strip()})
        if text not in out:
            out.append(text)
    return ",".join(out)


def _amount(value: Decimal | float | str | None, field: str, most: Decimal) -> Decimal | None:
    """Hours or a fee: a number from 0 to ``most`` with at most two decimals, or None when not given."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        raise ValidationError("is not a number", field=field, value=value, reason="number.invalid") from None
    if not number.is_finite() or number < 0 or number > most:
        raise ValidationError(f"must be between 0 and {most}", field=field, value=value, reason="number.range",
                              params={"min": 0, "max": str(most)})
    return number.quantize(Decimal("0.01"))


def _split(value: str) -> tuple[str, ...]:
    return tuple(v for v in value.split(",") if v)


def _expert_view(e: Expert, panels: int = 0, *, full: bool = True) -> ExpertView:
    """The expert as handed out; ``full`` False masks phone and ID numbers in the contact, as every list does
    for roles without ``personal.view_full`` (cases/personal.py)."""
    return ExpertView(e.id, e.name, e.field, _split(e.ipc_classes), _split(e.nice_classes), e.affiliation,
                      e.contact if full else personal.mask_text(e.contact), e.active, panels)


class ExpertService(Acting):
    """The expert pool, the conflict check of experts against a case's parties, panels on cases."""

    def __init__(self, store: Store, actor: Principal | str = "staff") -> None:
        super().__init__(store, actor)

    # ------------------------------------------------------------------ pool

    def add_expert(self, new: NewExpert) -> ExpertView:
        name = validate_required(new.name, "name", 100)
        fields = validate_line(new.field, "field", 200)
        ipc = validate_ipc_classes(new.ipc_classes)
        nice = validate_nice_classes(new.nice_classes or "")
        affiliation = validate_line(new.affiliation, "affiliation", 200)
        contact = validate_text(new.contact, "contact", 2000)
        self.require("expert.pool_edit")
        with self.store.write() as s:
            same = s.execute(select(Expert.id).where(Expert.name == name, Expert.affiliation == affiliation)).first()
            if same:
                raise ValidationError(f"{name} ({affiliation or 'no affiliation'}) is already in the pool",
                                      field="name", value=name, reason="expert.exists", params={"name": name})
            row = Expert(name=name, field=fields, ipc_classes=ipc, nice_classes=nice, affiliation=affiliation,
                         contact=contact, created_by=self.actor)
            s.add(row)
            s.flush()
            audit.record(s, actor=self.actor, action="create", entity="expert", entity_id=row.id,
                         details={"name": name, "field": fields, "affiliation": affiliation})
            return _expert_view(row)

    def update_expert(self, expert: int | str, *, field: str | None = None, ipc_classes: str | None = None,
                      nice_classes: str | None = None, affiliation: str | None = None, contact: str | None = None,
                      active: bool | None = None) -> ExpertView:
        after: dict[str, Any] = {}
        if field is not None:
            after["field"] = validate_line(field, "field", 200)
        if ipc_classes is not None:
            after["ipc_classes"] = validate_ipc_classes(ipc_classes)
        if nice_classes is not None:
            after["nice_classes"] = validate_nice_classes(nice_classes)
        if affiliation is not None:
            after["affiliation"] = validate_line(affiliation, "affiliation", 200)
        if contact is not None:
            after["contact"] = validate_text(contact, "contact", 2000)
        if active is not None:
            after["active"] = bool(active)
        self.require("expert.pool_edit")
        with self.store.write() as s:
            row = self._expert(s, expert)
            diff = audit.changes({k: getattr(row, k) for k in after}, after)
            for k, v in after.items():
                setattr(row, k, v)
            s.flush()
            if diff:
                audit.record(s, actor=self.actor, action="update", entity="expert", entity_id=row.id, details=diff)
            return _expert_view(row)

    def list_experts(self, *, include_inactive: bool = False, ipc: str | None = None,
                     nice: str | None = None, text: str | None = None) -> list[ExpertView]:
        """The pool by name; ``ipc`` keeps experts with an IPC symbol that starts like it (H04 finds H04L),
        ``nice`` those with that Nice class, ``text`` those whose name, field or affiliation contains it."""
        full = may(self._require_view(), "personal.view_full")
        q = (select(Expert, func.count(PanelSeat.id)).outerjoin(PanelSeat, PanelSeat.expert_id == Expert.id)
             .group_by(Expert.id).order_by(Expert.name, Expert.id))
        if not include_inactive:
            q = q.where(Expert.active.is_(True))
        with self.store.read() as s:
            rows = [_expert_view(e, n, full=full) for e, n in s.execute(q)]
        if ipc:
            want = validate_ipc_classes(ipc, "ipc").split(",")[0]
            rows = [e for e in rows if any(c.startswith(want) or want.startswith(c) for c in e.ipc_classes)]
        if nice:
            want_nice = validate_nice_classes(nice, "nice").split(",")
            rows = [e for e in rows if set(want_nice) & set(e.nice_classes)]
        if text and text.strip():
            needle = text.strip().lower()
            rows = [e for e in rows if needle in f"{e.name} {e.field} {e.affiliation}".lower()]
        return rows

    def get_expert(self, expert: int | str) -> ExpertView:
        full = may(self._require_view(), "personal.view_full")
        with self.store.read() as s:
            row = self._expert(s, expert)
            n = s.execute(select(func.count(PanelSeat.id)).where(PanelSeat.expert_id == row.id)).scalar() or 0
            return _expert_view(row, n, full=full)

    # ------------------------------------------------------------------ conflict check

    def conflicts(self, case_number: str, experts: tuple[int | str, ...] | None = None) -> list[ExpertConflict]:
        """Experts (the given ones, else the whole active pool) whose name or affiliation resembles a party
        of the case, with the party and its role: the same keys and threshold as the intake conflict check."""
        self.require("expert.view")
        with self.store.read() as s:
            case = self._case(s, case_number)
            if experts is None:
                rows = list(s.execute(select(Expert).where(Expert.active.is_(True)).order_by(Expert.name)).scalars())
            else:
                rows = [self._expert(s, e) for e in experts]
            return [hit for e in rows for hit in _conflicts_of(s, case, e)]

    # ------------------------------------------------------------------ panels

    def add_panel(self, new: NewPanel) -> PanelView:
        """Convene a panel on a case. Refused, with nothing saved: no expert, an unknown or inactive expert, an
        expert named twice, an expert in conflict with a party of the case (``expert.conflict`` names the
        party), negative or implausible hours or fees, a date before the case was received or in the future."""
        questions = validate_text(new.questions, "questions", 10000)
        today = china_today()
        held_on = check_date_range(new.held_on or today, "held_on", today=today)
        seats = [e if isinstance(e, Seat) else Seat(e) for e in new.experts]
        if not seats:
            raise ValidationError("a panel needs at least one expert", field="experts", reason="expert.panel_empty")
        if len(seats) > MAX_PANEL_SEATS:
            raise ValidationError(f"a panel seats at most {MAX_PANEL_SEATS} experts", field="experts",
                                  value=len(seats), reason="number.range", params={"min": 1, "max": MAX_PANEL_SEATS})
        amounts = [(_amount(x.hours, "hours", MAX_HOURS), _amount(x.fee, "fee", MAX_FEE)) for x in seats]
        with self.store.write() as s:
            case = self._case(s, new.case_number)
            require(self.principal, "expert.panel", case_staff=case.staff)
            if held_on < case.received_on:
                raise ValidationError("cannot be before the case was received", field="held_on", value=held_on,
                                      reason="date.before_received")
            check_date_range(held_on, "held_on", earliest=earliest_date(load_settings(s)))
            rows: list[Expert] = []
            for x in seats:
                e = self._expert(s, x.expert)
                if not e.active:
                    raise ValidationError(f"{e.name} is marked as no longer in the pool", field="experts",
                                          value=e.name, reason="expert.inactive", params={"expert": e.name})
                if e.id in {r.id for r in rows}:
                    raise ValidationError(f"{e.name} is named twice", field="experts", value=e.name,
                                          reason="expert.twice", params={"expert": e.name})
                hits = _conflicts_of(s, case, e)
                if hits:
                    h = hits[0]
                    raise ValidationError(
                        f"{e.name}: the {h.matched} {h.text} resembles {h.party}, the {h.role} of case {case.number}"
                        " (conflict of interest); the expert is not seated", field="experts", value=e.name,
                        reason="expert.conflict", params={"expert": e.name, "party": h.party, "role": h.role,
                                                          "matched": h.matched, "text": h.text})
                rows.append(e)
            panel = ExpertPanel(number=self._next_number(s, held_on.year), case_id=case.id, held_on=held_on,
                                questions=questions, staff=self.actor)
            s.add(panel)
            s.flush()
            for e, (hours, fee) in zip(rows, amounts, strict=True):
                s.add(PanelSeat(panel_id=panel.id, expert_id=e.id, hours=hours, fee=fee))
            s.flush()
            audit.record(s, actor=self.actor, action="create", entity="expert_panel", entity_id=panel.number,
                         case_id=case.id, details={"held_on": held_on.isoformat(),
                                                   "experts": [e.name for e in rows]})
            return self._view(s, panel)

    def record_opinion(self, number: str, expert: int | str, *, opinion: str | None = None,
                       hours: Decimal | float | str | None = None,
                       fee: Decimal | float | str | None = None) -> PanelView:
        """One seated expert's opinion and their hours or fee (each left as it is when not given)."""
        text = validate_text(opinion, "opinion", 10000) if opinion is not None else None
        h = _amount(hours, "hours", MAX_HOURS)
        f = _amount(fee, "fee", MAX_FEE)
        with self.store.write() as s:
            panel = self._panel_for_change(s, number)
            e = self._expert(s, expert)
            seat = s.execute(select(PanelSeat).where(PanelSeat.panel_id == panel.id,
                                                     PanelSeat.expert_id == e.id)).scalar()
            if seat is None:
                raise ValidationError(f"{e.name} does not sit on panel {panel.number}", field="expert", value=e.name,
                                      reason="expert.not_seated", params={"expert": e.name, "number": panel.number})
            after: dict[str, Any] = {}
            if text is not None:
                after["opinion"] = text
            if h is not None:
                after["hours"] = h
            if f is not None:
                after["fee"] = f
            diff = audit.changes({k: getattr(seat, k) for k in after}, after)
            for k, v in after.items():
                setattr(seat, k, v)
            s.flush()
            if diff:
                audit.record(s, actor=self.actor, action="opinion", entity="expert_panel", entity_id=panel.number,
                             case_id=panel.case_id, details={"expert": e.name, **diff})
            return self._view(s, panel)

    def conclude(self, number: str, conclusion: str, *, dissent: str = "", on: date | None = None) -> PanelView:
        """The panel's conclusion (and any dissent). Every seated expert's opinion must be recorded first;
        a concluded panel is closed: its conclusion is what the reference opinion cites."""
        text = validate_required(conclusion, "conclusion", 10000, multiline=True)
        dissent_text = validate_text(dissent, "dissent", 10000)
        today = china_today()
        day = check_date_range(on or today, "concluded_on", today=today)
        with self.store.write() as s:
            panel = self._panel_for_change(s, number)
            if day < panel.held_on:
                raise ValidationError(f"cannot be before the meeting ({panel.held_on.isoformat()})",
                                      field="concluded_on", value=day, reason="expert.date_before_meeting",
                                      params={"held_on": panel.held_on.isoformat()})
            missing = [name for name, opinion in s.execute(
                select(Expert.name, PanelSeat.opinion).join(Expert, Expert.id == PanelSeat.expert_id)
                .where(PanelSeat.panel_id == panel.id).order_by(PanelSeat.id)) if not opinion.strip()]
            if missing:
                raise WorkflowError(f"record the opinion of {', '.join(missing)} before concluding", field="opinion",
                                    value=missing, reason="expert.opinion_missing",
                                    params={"experts": "、".join(missing)})
            panel.conclusion, panel.dissent, panel.concluded_on = text, dissent_text, day
            s.flush()
            audit.record(s, actor=self.actor, action="conclude", entity="expert_panel", entity_id=panel.number,
                         case_id=panel.case_id, details={"concluded_on": day.isoformat(), "dissent": bool(dissent_text)})
            return self._view(s, panel)

    def list_panels(self, case_number: str | None = None) -> list[PanelView]:
        """Panels, newest meeting first; of one case, or of every case the account may see."""
        principal = self.require("expert.view")
        with self.store.read() as s:
            q = select(ExpertPanel).join(Case, Case.id == ExpertPanel.case_id)
            if case_number:
                q = q.where(ExpertPanel.case_id == self._case(s, case_number).id)
            hidden = visible_clause(principal)
            if hidden is not None:
                q = q.where(hidden)
            q = q.order_by(ExpertPanel.held_on.desc(), ExpertPanel.id.desc())
            return [self._view(s, p) for p in s.execute(q).scalars()]

    def get_panel(self, number: str) -> PanelView:
        self.require("expert.view")
        with self.store.read() as s:
            return self._view(s, self._panel(s, number))

    # ------------------------------------------------------------------ helpers

    def _require_view(self) -> Principal:
        """The pool is read by those who see panels and by those who keep it."""
        principal = self.principal
        if not may(principal, "expert.pool_edit"):
            require(principal, "expert.view")
        return principal

    @staticmethod
    def _expert(s: Session, expert: int | str | Seat) -> Expert:
        if isinstance(expert, Seat):
            expert = expert.expert
        row = None
        if isinstance(expert, int) or (isinstance(expert, str) and expert.strip().isdigit()):
            row = s.get(Expert, int(expert))
        elif isinstance(expert, str) and expert.strip():
            found = list(s.execute(select(Expert).where(Expert.name == expert.strip())).scalars())
            if len(found) > 1:
                raise ValidationError(f"{len(found)} experts are named {expert.strip()}: give the id", field="expert",
                                      value=expert, reason="expert.ambiguous", params={"expert": expert.strip()})
            row = found[0] if found else None
        if row is None:
            raise NotFoundError(f"no expert {expert!r} in the pool", field="expert", value=expert,
                                reason="expert.not_found", params={"expert": str(expert)})
        return row

    def _case(self, s: Session, number: str) -> Case:
        return visible_case(s, self.principal, number)

    def _panel(self, s: Session, number: str) -> ExpertPanel:
        key = (number or "").strip().upper()
        row = s.execute(select(ExpertPanel).where(ExpertPanel.number == key)).scalar()
        if row is None and key.isdigit():
            row = s.get(ExpertPanel, int(key))
        if row is None:
            raise NotFoundError(f"no expert panel {number!r}", field="panel", value=number,
                                reason="expert.panel_not_found", params={"number": number})
        case = s.get(Case, row.case_id)
        if case is not None:
            check_visible(s, self.principal, case)
        return row

    def _panel_for_change(self, s: Session, number: str) -> ExpertPanel:
        panel = self._panel(s, number)
        case = s.get(Case, panel.case_id)
        require(self.principal, "expert.panel", case_staff=case.staff if case else None)
        if panel.concluded_on is not None:
            raise WorkflowError(f"panel {panel.number} was concluded on {panel.concluded_on}; nothing was changed",
                                field="panel", value=panel.number, reason="expert.panel_concluded",
                                params={"number": panel.number, "on": panel.concluded_on.isoformat()})
        return panel

    @staticmethod
    def _next_number(s: Session, year: int) -> str:
        prefix = f"LZ-{year}-"
        last = s.execute(select(func.max(ExpertPanel.number)).where(ExpertPanel.number.like(prefix + "%"))).scalar()
        seq = int(last.rsplit("-", 1)[1]) + 1 if last else 1
        return f"{prefix}{seq:04d}"

    @staticmethod
    def _view(s: Session, p: ExpertPanel) -> PanelView:
        case = s.get(Case, p.case_id)
        seats = s.execute(select(PanelSeat, Expert).join(Expert, Expert.id == PanelSeat.expert_id)
                          .where(PanelSeat.panel_id == p.id).order_by(PanelSeat.id)).all()
        return PanelView(
            id=p.id, number=p.number, case_number=case.number if case else "", case_title=case.title if case else "",
            held_on=p.held_on, questions=p.questions, conclusion=p.conclusion, dissent=p.dissent,
            concluded_on=p.concluded_on, staff=p.staff, row_version=p.row_version,
            seats=tuple(SeatView(e.id, e.name, e.affiliation, e.field, seat.opinion,
                                 float(seat.hours) if seat.hours is not None else None,
                                 float(seat.fee) if seat.fee is not None else None) for seat, e in seats))


def _conflicts_of(s: Session, case: Case, e: Expert) -> list[ExpertConflict]:
    parties = [("applicant", s.get(Party, case.applicant_id))]
    if case.opponent_id:
        parties.append(("opponent", s.get(Party, case.opponent_id)))
    hits: list[ExpertConflict] = []
    for matched, text in (("name", e.name), ("affiliation", e.affiliation)):
        key = normalise_name(text, drop_place=True) if text else ""
        if not key:
            continue
        for role, party in parties:
            if party is None:
                continue
            score = match_score(key, party.name_norm or normalise_name(party.name, drop_place=True))
            if score >= CONFLICT_THRESHOLD:
                hits.append(ExpertConflict(e.id, e.name, matched, text, party.name, role, round(score, 1)))
    hits.sort(key=lambda h: -h.score)
    return hits


def concluded_panels(s: Session, case_id: int) -> list[dict[str, Any]]:
    """A case's concluded panels as plain values for documents (oldest first)."""
    out = []
    for p in s.execute(select(ExpertPanel).where(ExpertPanel.case_id == case_id,
                                                 ExpertPanel.concluded_on.is_not(None))
                       .order_by(ExpertPanel.held_on, ExpertPanel.id)).scalars():
        experts = [{"name": e.name, "affiliation": e.affiliation, "field": e.field} for e in s.execute(
            select(Expert).join(PanelSeat, PanelSeat.expert_id == Expert.id)
            .where(PanelSeat.panel_id == p.id).order_by(PanelSeat.id)).scalars()]
        out.append({"number": p.number, "held_on": p.held_on, "concluded_on": p.concluded_on,
                    "questions": p.questions, "conclusion": p.conclusion, "dissent": p.dissent, "experts": experts})
    return out
