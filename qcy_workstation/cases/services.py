"""Use cases on assistance cases: intake, workflow, deadlines, search, conflict check, timeline.

Each public method is one transaction and returns plain dataclasses (``dto``), never ORM objects, so
callers on any thread can keep them. Every change writes an audit event in the same transaction.
"""

from __future__ import annotations

from dataclasses import asdict, replace
from datetime import date
from typing import Any

from sqlalchemy import (
    Column,
    Integer,
    MetaData,
    Select,
    Table,
    Text,
    and_,
    delete,
    false,
    func,
    or_,
    select,
    text,
)
from sqlalchemy.orm import Session, aliased

from qcy_workstation.accounts.permissions import require
from qcy_workstation.accounts.principal import Acting, Principal
from qcy_workstation.accounts.principal import normalise_name as normalise_staff
from qcy_workstation.cases import audit, personal, sealing, search
from qcy_workstation.cases.access import check_visible, visible_clause
from qcy_workstation.cases.conflicts import find_conflicts
from qcy_workstation.cases.deadlines import add_working_days
from qcy_workstation.cases.dto import (
    CaseDetail,
    CaseFilter,
    CaseRow,
    ConflictHit,
    NewCase,
    PartyInput,
    PartyView,
    RightInput,
    RightView,
    TransitionView,
)
from qcy_workstation.cases.models import Case, Consultation, Party, Right, Transition
from qcy_workstation.cases.names import normalise_name
from qcy_workstation.cases.settings import earliest_date, load_settings
from qcy_workstation.cases.validation import (
    ASSISTANCE,
    GI_ROUTES,
    IP_TYPES,
    PATENT_KINDS,
    PRIORITIES,
    check_date_range,
    check_page,
    patent_kind_from_number,
    validate_choice,
    validate_email,
    validate_line,
    validate_nice_classes,
    validate_patent_number,
    validate_phone,
    validate_required,
    validate_similar_groups,
    validate_text,
    validate_trademark_number,
    validate_uscc,
)
from qcy_workstation.cases.workflow import OPEN_STATUSES, STATUSES, allowed_from, check_transition
from qcy_workstation.db.audit import AuditEvent
from qcy_workstation.db.base import china_today, to_china_time
from qcy_workstation.db.store import Store
from qcy_workstation.errors import ConflictError, NotFoundError, ValidationError

READ_ACTIONS = ("view", "export", "print")  # audit events that change nothing

# The FTS5 table made by migration 0001 (kept out of Base.metadata: it is a virtual table).
CASE_FTS = Table("case_fts", MetaData(), Column("rowid", Integer, primary_key=True), Column("body", Text))
SORT_COLUMNS = ("number", "title", "type", "status", "applicant", "staff", "received_on", "due", "priority")


# ---------------------------------------------------------------- validation of inputs

# A right's free-text fields: one-line ones with their column's length, and multi-line ones.
_RIGHT_LINES = {"title": 300, "protected_area": 300, "owner": 200}
_RIGHT_TEXTS = ("claims", "goods", "secret_description", "secrecy_measures")


def clean_party(p: PartyInput, role: str) -> PartyInput:
    name = validate_required(p.name, f"{role}_name", 200)
    uscc = validate_uscc(p.uscc, f"{role}_uscc") if p.uscc else None
    kind = validate_choice(p.kind or "enterprise", ("enterprise", "person"), f"{role}_kind")
    return PartyInput(name=name, uscc=uscc, kind=kind, address=validate_line(p.address, f"{role}_address", 300),
                      contact=validate_line(p.contact, f"{role}_contact", 100),
                      phone=validate_phone(p.phone, f"{role}_phone"), email=validate_email(p.email, f"{role}_email"),
                      industry=validate_line(p.industry, f"{role}_industry", 100), settled=bool(p.settled))


def clean_right(r: RightInput, index: int = 0) -> RightInput:
    """Validate one right; field names carry the index (``rights[1].number``) so forms can point at it."""
    pre = f"rights[{index}]."
    kind = validate_choice(r.kind, IP_TYPES, pre + "kind")
    values = asdict(r) | {"kind": kind}
    for name, max_len in _RIGHT_LINES.items():
        values[name] = validate_line(values[name], pre + name, max_len)
    for name in _RIGHT_TEXTS:
        values[name] = validate_text(values[name], pre + name)
    if kind == "patent":
        if r.number:
            values["number"] = validate_patent_number(r.number, pre + "number")
            values["patent_kind"] = r.patent_kind or patent_kind_from_number(values["number"])
        if values["patent_kind"]:
            values["patent_kind"] = validate_choice(values["patent_kind"], PATENT_KINDS, pre + "patent_kind")
    elif kind == "trademark":
        if r.number:
            values["number"] = validate_trademark_number(r.number, pre + "number")
        if r.nice_classes:
            values["nice_classes"] = validate_nice_classes(r.nice_classes, pre + "nice_classes")
        if r.similar_groups:
            values["similar_groups"] = validate_similar_groups(r.similar_groups, pre + "similar_groups")
            classes = {int(g[:2]) for g in values["similar_groups"].split(",")}
            listed = {int(c) for c in values["nice_classes"].split(",") if c}
            if listed and not classes <= listed:
                raise ValidationError("a similar group's class is not among the Nice classes",
                                      field=pre + "similar_groups", value=r.similar_groups)
    elif kind == "gi":
        validate_required(r.title, pre + "title", 200)
        if r.gi_route:
            values["gi_route"] = validate_choice(r.gi_route, GI_ROUTES, pre + "gi_route")
    elif kind == "trade-secret":
        validate_required(r.secret_description, pre + "secret_description", 20000, multiline=True)
    return RightInput(**values)


def clean_new_case(new: NewCase) -> NewCase:
    title = validate_required(new.title, "title")
    ip_type = validate_choice(new.ip_type, IP_TYPES, "type")
    assistance = tuple(validate_choice(a, ASSISTANCE, "assistance") for a in new.assistance)
    priority = validate_choice(new.priority or "normal", PRIORITIES, "priority")
    applicant = clean_party(new.applicant, "applicant")
    opponent = clean_party(new.opponent, "opponent") if new.opponent and new.opponent.name.strip() else None
    if new.received_on:  # 0001-01-01 once became case QCY-1-00001 (limits.EARLIEST_DATE)
        check_date_range(new.received_on, "received_on", today=china_today())
    rights = tuple(clean_right(r, i) for i, r in enumerate(new.rights))
    return NewCase(title=title, ip_type=ip_type, applicant=applicant, opponent=opponent,
                   facts=validate_text(new.facts, "facts"), assistance=assistance,
                   staff=normalise_staff(validate_line(new.staff, "staff", 100)), priority=priority,
                   confidential=new.confidential, received_on=new.received_on, rights=rights)


# ---------------------------------------------------------------- conversions


def _party_view(p: Party, full: bool = True) -> PartyView:
    """A party as handed out; ``full`` False masks its contact person, phone and e-mail (cases/personal.py)."""
    if full:
        return PartyView(p.id, p.name, p.kind, p.uscc, p.address, p.contact, p.phone, p.email, p.industry, p.settled)
    return PartyView(p.id, p.name, p.kind, p.uscc, personal.mask_text(p.address), personal.mask_name(p.contact),
                     personal.mask_phone(p.phone), personal.mask_email(p.email), p.industry, p.settled)


def _right_view(r: Right) -> RightView:
    return RightView(r.id, r.kind, r.number, r.title, r.patent_kind, r.claims, r.nice_classes, r.similar_groups,
                     r.goods, r.protected_area, r.gi_route, r.secret_description, r.secrecy_measures, r.owner)


def current_due(status: str, acceptance_due: date | None, opinion_due: date | None) -> date | None:
    if status == "received":
        return acceptance_due
    if status in ("accepted", "in_progress"):
        return opinion_due
    return None


def deadline_state(due: date | None, today: date, soon_limit: date) -> str:
    if due is None:
        return ""
    if due < today:
        return "overdue"
    if due <= soon_limit:
        return "due_soon"
    return "ok"


class CaseService(Acting):
    """Cases: the store's main use cases. ``actor`` is who acts (a logged-in account's :class:`Principal`;
    a plain name only on a store without accounts); permissions and confidentiality are checked here."""

    def __init__(self, store: Store, actor: Principal | str = "staff", *, today: date | None = None) -> None:
        super().__init__(store, actor)
        self._today = today

    @property
    def today(self) -> date:
        return self._today or china_today()

    def _soon_limit(self, session: Session) -> date:
        days = load_settings(session).due_soon_days
        return add_working_days(self.today, days).due

    # ------------------------------------------------------------ intake

    def create(self, new: NewCase, *, consultation_id: int | None = None) -> CaseDetail:
        """Validate everything first, then write the case, its parties and rights in one transaction."""
        new = clean_new_case(new)
        principal = self.require("case.create")
        if new.staff and not principal.same_person(new.staff) and not principal.open_store:
            self.require("case.assign")  # proposing another officer at intake is an assignment
        if new.ip_type == "trade-secret" and not new.confidential:
            new = replace(new, confidential=True)  # trade secrets are confidential by default
        with self.store.write() as s:
            case = self._insert(s, new)
            if consultation_id is not None:
                consultation = s.get(Consultation, consultation_id)
                if consultation is None:
                    raise NotFoundError(f"no consultation {consultation_id}", field="consultation",
                                        value=consultation_id)
                consultation.case_id = case.id
                audit.record(s, actor=self.actor, action="link", entity="consultation", entity_id=consultation_id,
                             case_id=case.id, details={"case": case.number})
            self.reindex(s, case)
            return self._detail(s, case)

    def _insert(self, s: Session, new: NewCase) -> Case:
        settings = load_settings(s)
        received = new.received_on or self.today
        check_date_range(received, "received_on", earliest=earliest_date(settings))  # the opened_on setting
        year = received.year
        seq = (s.execute(select(func.max(Case.seq)).where(Case.year == year)).scalar() or 0) + 1
        applicant = self._find_or_create_party(s, new.applicant)
        opponent = self._find_or_create_party(s, new.opponent) if new.opponent else None
        acceptance = add_working_days(received, settings.acceptance_days)
        case = Case(
            number=f"QCY-{year}-{seq:05d}", year=year, seq=seq, title=new.title, ip_type=new.ip_type,
            assistance=",".join(new.assistance), applicant=applicant, opponent=opponent, facts=new.facts,
            staff=new.staff or self.actor, priority=new.priority, confidential=new.confidential, status="received",
            received_on=received, acceptance_due=acceptance.due, created_by=self.actor,
        )
        for r in new.rights:
            case.rights.append(Right(**asdict(r)))
        s.add(case)
        s.flush()
        self._audit(s, case, action="create", entity="case", entity_id=case.number,
                     details={"title": case.title, "type": case.ip_type, "applicant": applicant.name,
                              "opponent": opponent.name if opponent else None,
                              "acceptance_due": acceptance.due.isoformat(),
                              "calendar_estimated": acceptance.estimated})
        return case

    @staticmethod
    def _find_or_create_party(s: Session, p: PartyInput) -> Party:
        norm = normalise_name(p.name, drop_place=True)
        party = None
        if p.uscc:
            party = s.execute(select(Party).where(Party.uscc == p.uscc).limit(1)).scalar()
            if party is not None and party.name != p.name:
                # Same code, different name: enterprises rename; keep the new name, audit shows the old.
                party.name, party.name_norm = p.name, norm
        if party is None:
            party = s.execute(select(Party).where(Party.name == p.name, Party.uscc.is_(None)).limit(1)).scalar()
            if party is not None and p.uscc:
                party.uscc = p.uscc
        if party is None:
            party = Party(name=p.name, name_norm=norm, kind=p.kind, uscc=p.uscc, address=p.address,
                          contact=p.contact, phone=p.phone, email=p.email, industry=p.industry, settled=p.settled)
            s.add(party)
            s.flush()
        else:
            for attr in ("address", "contact", "phone", "email", "industry"):
                if getattr(p, attr):
                    setattr(party, attr, getattr(p, attr))
            party.settled = party.settled or p.settled
        return party

    def _audit(self, s: Session, case: Case, **event: Any) -> None:
        """An audit event of a change to ``case`` that also seals the case's row as it now is (``row``):
        ``store check`` then finds a case row edited outside the app (issue 12, what store check must
        detect)."""
        s.flush()
        details = dict(event.pop("details", None) or {})
        details["row"] = case_row_digest(s, case)
        audit.record(s, actor=self.actor, case_id=case.id, details=details, **event)

    # ------------------------------------------------------------ reading

    def _get(self, s: Session, number: str, action: str | None = None) -> Case:
        """The case, once the principal may see it (and do ``action`` on it, when given)."""
        case = s.execute(select(Case).where(Case.number == number.strip().upper())).scalar()
        if case is None:
            raise NotFoundError(f"no case {number!r}", field="number", value=number, reason="case.not_found",
                                params={"number": number})
        principal = self.require("case.view")
        check_visible(s, principal, case)
        if action is not None:
            require(principal, action, case_staff=case.staff)
        return case

    def _detail(self, s: Session, case: Case) -> CaseDetail:
        due = current_due(case.status, case.acceptance_due, case.opinion_due)
        full = personal.sees_full(self.principal)  # the parties' contact details (personal.view_full)
        return CaseDetail(
            id=case.id, number=case.number, title=case.title, type=case.ip_type, status=case.status,
            facts=case.facts if full else personal.mask_text(case.facts),
            assistance=tuple(a for a in case.assistance.split(",") if a), staff=case.staff,
            priority=case.priority, confidential=case.confidential, received_on=case.received_on,
            accepted_on=case.accepted_on, opinion_on=case.opinion_on, closed_on=case.closed_on,
            acceptance_due=case.acceptance_due, opinion_due=case.opinion_due, due=due,
            deadline_state=deadline_state(due, self.today, self._soon_limit(s)), outcome=case.outcome,
            applicant=_party_view(case.applicant, full),
            opponent=_party_view(case.opponent, full) if case.opponent else None,
            rights=tuple(_right_view(r) for r in case.rights),
            transitions=tuple(TransitionView(t.from_status, t.to_status, t.on, t.at, t.by, t.reason)
                              for t in case.transitions),
            allowed_transitions=allowed_from(case.status), created_by=case.created_by, created_at=case.created_at,
            row_version=case.row_version,
        )

    def get(self, number: str) -> CaseDetail:
        with self.store.read() as s:
            return self._detail(s, self._get(s, number))

    def open(self, number: str) -> CaseDetail:
        """The case as staff open it: a ``view`` audit event (issue 14 item 4), then its detail."""
        with self.store.write() as s:
            case = self._get(s, number)
            audit.record(s, actor=self.actor, action="view", entity="case", entity_id=case.number, case_id=case.id,
                         details={"confidential": True} if case.confidential else {})
            return self._detail(s, case)

    def grant_access(self, number: str, login: str, reason: str) -> None:
        """Let an account that is not assigned see a confidential case (the head, with a reason; audited)."""
        from qcy_workstation.accounts.models import Account, CaseAccess

        reason = validate_required(reason, "reason")
        with self.store.write() as s:
            case = self._get(s, number, "case.grant_access")
            account = s.execute(select(Account).where(Account.login == login.strip().lower())).scalar()
            if account is None:
                raise NotFoundError(f"no account {login}", field="login", value=login, reason="account.not_found",
                                    params={"login": login})
            if s.execute(select(CaseAccess.id).where(CaseAccess.case_id == case.id,
                                                     CaseAccess.account_id == account.id)).first() is None:
                s.add(CaseAccess(case_id=case.id, account_id=account.id, reason=reason, granted_by=self.actor))
            key = self._share_case_key(s, case, [account])
            audit.record(s, actor=self.actor, action="grant_access", entity="case", entity_id=case.number,
                         case_id=case.id, details={"account": account.login, "reason": reason, "case_key": key})

    def access_grants(self, number: str) -> list[Any]:
        """The accounts granted access to case ``number`` (the head, ``case.grant_access``: whom to revoke),
        by name, as ``accounts.directory.AccessGrant``."""
        from qcy_workstation.accounts.directory import AccessGrant
        from qcy_workstation.accounts.models import Account, CaseAccess

        with self.store.read() as s:
            case = self._get(s, number, "case.grant_access")
            rows = s.execute(select(Account.login, Account.display_name, CaseAccess.reason, CaseAccess.granted_by)
                             .join(CaseAccess, CaseAccess.account_id == Account.id)
                             .where(CaseAccess.case_id == case.id).order_by(Account.display_name)).all()
        return [AccessGrant(login, name, reason or "", by or "") for login, name, reason, by in rows]

    def revoke_access(self, number: str, login: str) -> None:
        """Take back a grant (the head; audited): the account no longer sees the case, and its wrappings of the
        case's keys are removed. A key it has already unwrapped, or files it already opened, cannot be taken
        back; so the case key is rotated: a new key, wrapped to the accounts still allowed, seals the files
        added from now on, and the old key stays wrapped to them for the files sealed with it
        (``case_keys.rotate``)."""
        from qcy_workstation.accounts import case_keys
        from qcy_workstation.accounts.models import Account, CaseAccess

        with self.store.write() as s:
            case = self._get(s, number, "case.grant_access")
            account = s.execute(select(Account).where(Account.login == login.strip().lower())).scalar()
            if account is None:
                raise NotFoundError(f"no account {login}", field="login", value=login, reason="account.not_found",
                                    params={"login": login})
            s.execute(delete(CaseAccess).where(CaseAccess.case_id == case.id, CaseAccess.account_id == account.id))
            s.flush()
            allowed = sealing.allowed_accounts(s, case)
            details: dict[str, Any] = {"account": account.login}
            if account not in allowed:  # still the officer or a head: keeps the key
                case_keys.remove_for_account(s, case.id, account.id)
                details["case_key"] = "rotated" if case_keys.rotate(s, case.id, allowed, self.actor,
                                                                        holder=self.principal) else "none"
            audit.record(s, actor=self.actor, action="revoke_access", entity="case", entity_id=case.number,
                         case_id=case.id, details=details)

    def _share_case_key(self, s: Session, case: Case, accounts: list[Any]) -> str:
        """Wrap the case key (if the case has one) to ``accounts``, opened with the acting principal's own
        wrapping. Returns "wrapped", "none" (no case key yet: made when a file is first sealed) or
        "pending" (this session cannot open the case key: a holder's later grant wraps it)."""
        from qcy_workstation.accounts import case_keys

        if not case_keys.has_case_key(s, case.id):
            return "none"
        return case_keys.share_held(s, case.id, self.principal, accounts, self.actor)  # former keys too

    def _filtered(self, s: Session, f: CaseFilter, columns: Select[Any]) -> Select[Any]:
        q = columns
        self.require("case.view")
        hidden = visible_clause(self.principal)
        if hidden is not None:
            q = q.where(hidden)
        if f.ip_type:
            q = q.where(Case.ip_type == validate_choice(f.ip_type, IP_TYPES, "type"))
        if f.status:
            statuses = (f.status,) if isinstance(f.status, str) else tuple(f.status)
            for st in statuses:
                if st not in STATUSES:
                    raise ValidationError(f"{st!r} is not one of: {', '.join(STATUSES)}", field="status", value=st)
            q = q.where(Case.status.in_(statuses))
        if f.staff:
            q = q.where(Case.staff == f.staff)
        if f.date_from:
            q = q.where(Case.received_on >= f.date_from)
        if f.date_to:
            q = q.where(Case.received_on <= f.date_to)
        if not f.include_confidential:
            q = q.where(Case.confidential.is_(False))
        if f.deadline in ("overdue", "due_soon"):
            lo, hi = (None, self.today) if f.deadline == "overdue" else (self.today, self._soon_limit(s))
            def window(col):  # type: ignore[no-untyped-def]
                return col < hi if lo is None else and_(col >= lo, col <= hi)
            q = q.where(or_(and_(Case.status == "received", window(Case.acceptance_due)),
                            and_(Case.status.in_(("accepted", "in_progress")), window(Case.opinion_due))))
        elif f.deadline:
            raise ValidationError("must be 'overdue' or 'due_soon'", field="deadline", value=f.deadline)
        if f.text and f.text.strip():
            q = self._text_condition(s, q, f.text)[0]
        return q

    def _text_condition(self, s: Session, q: Select[Any], query: str,
                        want: int | None = None) -> tuple[Select[Any], bool]:
        """``q`` narrowed to the cases matching ``query``, and whether only the newest ``want`` of them are in
        it (``search.pg_condition``)."""
        expr = search.match_expression(query)
        if expr is None:
            return q.where(false()), False
        if s.get_bind().dialect.name == "sqlite":
            # Join (not IN): SQLite then drives the query from the FTS index in rowid order and can stop
            # after one page even when a common word matches half the store.
            return q.join(CASE_FTS, CASE_FTS.c.rowid == Case.id).where(
                text("case_fts MATCH :fts").bindparams(fts=expr)), False
        found = search.pg_condition(s, CASE_FTS, query, want=want)
        return q.join(CASE_FTS, CASE_FTS.c.rowid == Case.id).where(found.clause), found.capped

    def list(self, f: CaseFilter | None = None, *, offset: int = 0, limit: int | None = None,
             sort: str = "received_on", descending: bool = True) -> list[CaseRow]:
        """Rows for the case table, one page at a time (``limit``), in the order asked for."""
        f = f or CaseFilter()
        check_page(offset, limit)
        applicant, opponent = aliased(Party), aliased(Party)
        due_expr = current_due_sql()
        cols = select(Case.id, Case.number, Case.title, Case.ip_type, Case.status, applicant.name,
                      opponent.name, Case.staff, Case.priority, Case.confidential, Case.received_on, due_expr
                      ).join(applicant, Case.applicant_id == applicant.id
                      ).outerjoin(opponent, Case.opponent_id == opponent.id)
        if sort not in SORT_COLUMNS:
            raise ValidationError(f"must be one of {', '.join(SORT_COLUMNS)}", field="sort", value=sort)
        searching = bool(f.text and f.text.strip())
        # search results by the index's own order, newest entered first (see _text_condition)
        by_index = sort == "received_on" and searching and search.match_expression(f.text or "") is not None
        with self.store.read() as s:
            base = self._filtered(s, replace(f, text=None), cols)
            key = {"number": Case.number, "title": Case.title, "type": Case.ip_type, "status": Case.status,
                   "applicant": applicant.name, "staff": Case.staff, "received_on": Case.received_on,
                   "due": due_expr, "priority": Case.priority}[sort]
            soon = self._soon_limit(s)

            def fetch(want: int | None) -> tuple[list[Any], bool]:
                q, capped = self._text_condition(s, base, f.text or "", want) if searching else (base, False)
                if by_index:
                    q = q.order_by(CASE_FTS.c.rowid.desc() if descending else CASE_FTS.c.rowid.asc())
                else:
                    q = q.order_by(key.desc() if descending else key.asc(), Case.id.desc() if descending else Case.id)
                return list(s.execute(q.offset(offset or None).limit(limit)).all()), capped

            rows = search.fill_page(fetch, search.first_want(offset, limit) if by_index and descending else None,
                                    limit)
            return [CaseRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6] or "", r[7], r[8], bool(r[9]), r[10], r[11],
                            deadline_state(r[11], self.today, soon)) for r in rows]

    def count(self, f: CaseFilter | None = None) -> int:
        with self.store.read() as s:
            return int(s.execute(self._filtered(s, f or CaseFilter(), select(func.count(Case.id)))).scalar() or 0)

    def counts_by_status(self, f: CaseFilter | None = None) -> dict[str, int]:
        with self.store.read() as s:
            q = self._filtered(s, f or CaseFilter(), select(Case.status, func.count(Case.id))).group_by(Case.status)
            return {status: n for status, n in s.execute(q)}

    def search(self, query: str, f: CaseFilter | None = None, *, limit: int | None = 50) -> list[CaseRow]:
        """Cases whose number, title, facts, parties, rights or linked consultations contain ``query``."""
        base = f or CaseFilter()
        return self.list(CaseFilter(**{**asdict(base), "text": query}), limit=limit)

    def staff_names(self) -> list[str]:
        with self.store.read() as s:
            return [r[0] for r in s.execute(select(Case.staff).distinct().order_by(Case.staff)) if r[0]]

    # ------------------------------------------------------------ changes

    def transition(self, number: str, target: str, *, reason: str | None = None,
                   on: date | None = None) -> CaseDetail:
        """Move a case along the workflow; dated, attributed and audited. Refused moves raise WorkflowError."""
        reason = validate_text(reason, "reason") if reason else reason
        with self.store.write() as s:
            case = self._get(s, number, "case.transition")
            target = (target or "").strip().lower().replace("-", "_")
            check_transition(case.status, target, reason)
            day = on or self.today
            check_date_range(day, "on", today=self.today)  # a status cannot change on a day still to come
            if day < case.received_on:
                raise ValidationError("cannot be before the case was received", field="on", value=day,
                                      reason="date.before_received")
            if target == "accepted":
                case.accepted_on = day
                case.opinion_due = add_working_days(day, load_settings(s).opinion_days).due
            elif target == "opinion_issued":
                case.opinion_on = day
            elif target in ("closed", "declined", "withdrawn"):
                case.closed_on = day
            elif target == "in_progress" and case.status in ("closed", "opinion_issued"):
                case.closed_on = None
            elif target == "received":  # a declined case reconsidered: a fresh acceptance deadline
                case.closed_on = None
                case.acceptance_due = add_working_days(day, load_settings(s).acceptance_days).due
            previous = case.status
            case.status = target
            case.transitions.append(Transition(from_status=previous, to_status=target, on=day, by=self.actor,
                                               reason=(reason or "").strip()))
            self._audit(s, case, action="transition", entity="case", entity_id=case.number,
                         details={"from": previous, "to": target, "reason": reason or "",
                                                   "on": day.isoformat()})
            s.flush()
            return self._detail(s, case)

    UPDATABLE = ("title", "facts", "staff", "priority", "confidential", "assistance", "outcome")

    def update(self, number: str, *, expected_version: int | None = None, **changes: Any) -> CaseDetail:
        """Edit a case's own fields (not status: that is ``transition``).

        ``expected_version`` is the ``row_version`` of the case as the form showed it: when another desk
        changed the case since, nothing is saved and ConflictError ``case.changed`` names who changed it
        and when, so the form can reload the case and apply its edits again instead of overwriting theirs."""
        unknown = set(changes) - set(self.UPDATABLE)
        if unknown:
            name = sorted(unknown)[0]
            raise ValidationError(f"cannot be changed here; changeable: {', '.join(self.UPDATABLE)}", field=name)
        if "title" in changes:
            changes["title"] = validate_required(changes["title"], "title")
        for name, max_len in (("staff", 100), ("outcome", 300)):
            if name in changes:
                changes[name] = validate_line(str(changes[name] or ""), name, max_len)
        if "facts" in changes:
            changes["facts"] = validate_text(str(changes["facts"] or ""), "facts")
        if "priority" in changes:
            changes["priority"] = validate_choice(changes["priority"], PRIORITIES, "priority")
        if "assistance" in changes:
            items = changes["assistance"]
            items = items.split(",") if isinstance(items, str) else items
            changes["assistance"] = ",".join(validate_choice(a, ASSISTANCE, "assistance") for a in items if a)
        if "staff" in changes:
            changes["staff"] = normalise_staff(changes["staff"])
        resealed = None  # (case id, confidential) when the mark changes: its files are (un)sealed around it
        if "confidential" in changes:
            changes["confidential"] = bool(changes["confidential"])
            with self.store.read() as s:
                case = self._get(s, number, "case.edit")
                if case.confidential != changes["confidential"]:
                    resealed = (case.id, changes["confidential"])
            if resealed is not None and not sealing.prepare(self.store, self.principal, *resealed):
                resealed = None
        with self.store.write() as s:
            case = self._get(s, number, "case.edit")
            if expected_version is not None and case.row_version != expected_version:
                raise self._changed_since(s, case)
            reassigned = "staff" in changes and changes["staff"] != case.staff
            if reassigned:
                require(self.principal, "case.assign")
            before = {k: getattr(case, k) for k in changes}
            for k, v in changes.items():
                setattr(case, k, v)
            diff = audit.changes(before, changes)
            if diff:
                self._audit(s, case, action="update", entity="case", entity_id=case.number,
                             details=diff)
                self.reindex(s, case)
            if reassigned:  # the new officer gets the case key from whoever assigns (a head holds it)
                self._share_case_key(s, case, sealing.allowed_accounts(s, case))
            s.flush()  # the new row_version, for the next edit
            detail = self._detail(s, case)
        if resealed is not None:
            sealing.finish(self.store, *resealed)
        return detail

    @staticmethod
    def _changed_since(s: Session, case: Case) -> ConflictError:
        """Who last changed the case and when (China time), from its newest change in the audit trail."""
        last = s.execute(select(AuditEvent.actor, AuditEvent.at).where(
            AuditEvent.case_id == case.id, AuditEvent.action.notin_(READ_ACTIONS)).order_by(
            AuditEvent.id.desc()).limit(1)).first()
        by, at = (last[0], to_china_time(last[1]).strftime("%Y-%m-%d %H:%M")) if last else ("?", "?")
        return ConflictError(f"case {case.number} was changed by {by} at {at} (China time) after you opened it; "
                             "nothing was saved: reload the case and apply your changes again", field="case",
                             value=case.number, reason="case.changed",
                             params={"number": case.number, "by": by, "at": at})

    def add_right(self, number: str, right: RightInput) -> CaseDetail:
        with self.store.write() as s:
            case = self._get(s, number, "case.edit")
            clean = clean_right(right, len(case.rights))
            case.rights.append(Right(**asdict(clean)))
            s.flush()
            self._audit(s, case, action="add", entity="right", entity_id=case.rights[-1].id,
                         details={k: v for k, v in asdict(clean).items() if v})
            self.reindex(s, case)
            return self._detail(s, case)

    def remove_right(self, number: str, right_id: int) -> CaseDetail:
        with self.store.write() as s:
            case = self._get(s, number, "case.edit")
            right = next((r for r in case.rights if r.id == right_id), None)
            if right is None:
                raise NotFoundError(f"case {number} has no right {right_id}", field="right", value=right_id)
            case.rights.remove(right)
            self._audit(s, case, action="remove", entity="right", entity_id=right_id,
                         details={"kind": right.kind, "number": right.number, "title": right.title})
            self.reindex(s, case)
            return self._detail(s, case)

    def set_opponent(self, number: str, opponent: PartyInput | None) -> CaseDetail:
        clean = clean_party(opponent, "opponent") if opponent and opponent.name.strip() else None
        with self.store.write() as s:
            case = self._get(s, number, "case.edit")
            old = case.opponent.name if case.opponent else None
            case.opponent = self._find_or_create_party(s, clean) if clean else None
            self._audit(s, case, action="update", entity="case", entity_id=case.number,
                         details={"opponent": [old, clean.name if clean else None]})
            self.reindex(s, case)
            return self._detail(s, case)

    PARTY_FIELDS = ("name", "uscc", "kind", "address", "contact", "phone", "email", "industry", "settled")

    def update_party(self, number: str, role: str, party: PartyInput) -> CaseDetail:
        """Correct the applicant's or opponent's details as given later (new phone, address, credit code).

        The party is one record shared by every case it appears in, so the change shows in all of them;
        each of those cases is reindexed (its search text holds the party's name and credit code). Audited
        once, on this case, with [old, new] per changed field and the other cases affected."""
        role = validate_choice(role, ("applicant", "opponent"), "role")
        clean = clean_party(party, role)
        with self.store.write() as s:
            case = self._get(s, number, "case.edit")
            target = case.applicant if role == "applicant" else case.opponent
            if target is None:
                raise NotFoundError(f"case {case.number} has no {role}", field=f"{role}_name", value=case.number)
            if clean.uscc and clean.uscc != target.uscc:
                other = s.execute(select(Party.id).where(Party.uscc == clean.uscc, Party.id != target.id)
                                  .limit(1)).scalar()
                if other is not None:
                    raise ValidationError("another party already has this credit code", field=f"{role}_uscc",
                                          value=clean.uscc)
            before = {k: getattr(target, k) for k in self.PARTY_FIELDS}
            after = {k: getattr(clean, k) for k in self.PARTY_FIELDS}
            diff = audit.changes(before, after)
            if not diff:
                return self._detail(s, case)
            for k, v in after.items():
                setattr(target, k, v)
            if "name" in diff:
                target.name_norm = normalise_name(clean.name, drop_place=True)
            s.flush()
            shared = s.execute(select(Case).where(
                (Case.applicant_id == target.id) | (Case.opponent_id == target.id)).order_by(Case.id)).scalars().all()
            audit.record(s, actor=self.actor, action="update", entity="party", entity_id=target.id,
                         case_id=case.id, details={"role": role, "party": target.name, **diff,
                                                   "also_in": [c.number for c in shared if c.id != case.id]})
            for c in shared:
                self.reindex(s, c)
            return self._detail(s, case)

    def party_case_count(self, number: str, role: str) -> int:
        """How many cases share this case's applicant/opponent record (the edit dialog warns when > 1)."""
        with self.store.read() as s:
            case = self._get(s, number)
            target = case.applicant if role == "applicant" else case.opponent
            if target is None:
                return 0
            return int(s.execute(select(func.count(Case.id)).where(
                (Case.applicant_id == target.id) | (Case.opponent_id == target.id))).scalar() or 0)

    # ------------------------------------------------------------ search index

    @staticmethod
    def reindex(s: Session, case: Case) -> None:
        """Refresh the case's full-text document (FTS5 on SQLite, a plain table on PostgreSQL) inside the
        caller's transaction."""
        s.flush()
        consultations = s.execute(select(Consultation.topic, Consultation.summary, Consultation.enquirer,
                                         Consultation.organisation).where(Consultation.case_id == case.id)).all()
        body = search.index_body(
            case.number, case.title, case.facts, case.applicant.name if case.applicant else "",
            case.opponent.name if case.opponent else "", case.applicant.uscc if case.applicant else "",
            *(" ".join((r.number, r.title, r.goods, r.protected_area, r.owner, r.secret_description))
              for r in case.rights),
            *(" ".join(c) for c in consultations),
        )
        s.execute(text("DELETE FROM case_fts WHERE rowid = :id"), {"id": case.id})
        s.execute(text("INSERT INTO case_fts(rowid, body) VALUES (:id, :body)"), {"id": case.id, "body": body})

    # ------------------------------------------------------------ conflict check and deadlines

    def conflict_check(self, applicant: str, opponent: str | None = None, *, applicant_uscc: str | None = None,
                       opponent_uscc: str | None = None, exclude_number: str | None = None) -> list[ConflictHit]:
        """Where the workstation already assists or opposes the new case's parties (``cases.conflicts``)."""
        principal = self.require("case.view")
        with self.store.read() as s:
            return find_conflicts(s, principal, applicant, opponent, applicant_uscc=applicant_uscc,
                                  opponent_uscc=opponent_uscc, exclude_number=exclude_number,
                                  on_server=self.store.restricted)

    def deadline_overview(self) -> dict[str, list[CaseRow]]:
        """Overdue and due-soon open cases, most urgent first: the desk's daily view."""
        return {k: sorted(self.list(CaseFilter(deadline=k)), key=lambda r: (r.due or date.max, r.number))
                for k in ("overdue", "due_soon")}

    def timeline(self, number: str) -> list[audit.AuditEntry]:
        from qcy_workstation.cases.models import AuditEvent

        with self.store.read() as s:
            case = self._get(s, number)
            events = s.execute(select(AuditEvent).where(AuditEvent.case_id == case.id).order_by(AuditEvent.id))
            return [audit.to_entry(e) for e in events.scalars()]


def current_due_sql():  # type: ignore[no-untyped-def]
    """SQL for ``current_due``: the deadline that applies in the case's status."""
    from sqlalchemy import case as sql_case

    return sql_case((Case.status == "received", Case.acceptance_due),
                    (Case.status.in_(("accepted", "in_progress")), Case.opinion_due), else_=None)


__all__ = ["CaseService", "OPEN_STATUSES", "clean_new_case", "clean_party", "clean_right"]


def case_row_digest(s: Session, case: Case) -> str:
    """SHA-256 over a case's own columns and its rights, as the app last wrote them."""
    import hashlib
    import json

    s.refresh(case)
    cols = [str(getattr(case, c.key)) for c in Case.__table__.columns if c.key != "id"]
    rights = sorted(json.dumps([str(getattr(r, c.key)) for c in Right.__table__.columns if c.key != "id"],
                               ensure_ascii=False) for r in case.rights)
    return hashlib.sha256(json.dumps([cols, rights], ensure_ascii=False).encode("utf-8")).hexdigest()
