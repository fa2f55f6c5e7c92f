"""Enterprise portfolios: the one service the CLI and the desktop client call (issue 17 item 3).

An enterprise is a ``parties`` row of kind enterprise (the applicants staff already keep); its rights are
records linked to it. The dates that keep a right alive are computed from the law in
``data/right_terms.json`` (each rule with its effective dates and article) and from what staff entered --
never checked against the CNIPA register, which every output says. Who may do what: ``enterprise.view``,
``enterprise.edit`` (permissions table). Every write is one transaction with its audit event; bad input is
refused with a code and the field before anything is written.
"""

from __future__ import annotations

import calendar
import json
import os
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from qcy_workstation.accounts.principal import Acting, Principal
from qcy_workstation.cases import audit
from qcy_workstation.cases.models import Party
from qcy_workstation.cases.validation import (
    check_date_range,
    validate_choice,
    validate_line,
    validate_required,
)
from qcy_workstation.db.base import china_today
from qcy_workstation.db.store import Store
from qcy_workstation.errors import NotFoundError, ValidationError
from qcy_workstation.portfolios.dto import (
    DEFAULT_DUE_DAYS,
    PATENT_KINDS,
    RIGHT_KINDS,
    DueItem,
    NewRight,
    RightEventView,
    RightView,
)
from qcy_workstation.portfolios.models import EnterpriseRight, RightEvent

LAW_FILE = Path(__file__).resolve().parent / "data" / "right_terms.json"
MAX_DUE_DAYS = 3660
NICE_CLASSES = range(1, 46)  # Nice Classification: 34 classes of goods, 11 of services


@lru_cache(maxsize=1)
def law() -> dict[str, Any]:
    return json.loads(LAW_FILE.read_text(encoding="utf-8"))


def add_months(day: date, months: int) -> date:
    """``day`` moved by ``months`` calendar months; the 31st becomes the month's last day when it has none."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def add_years(day: date, years: int) -> date:
    return add_months(day, 12 * years)


def _in_force(rules: list[dict[str, Any]], on: date, kind: str) -> dict[str, Any] | None:
    for rule in rules:
        kinds = rule.get("kinds") or [rule.get("kind")]
        until = rule.get("until")
        if (kind in kinds and date.fromisoformat(rule["from"]) <= on
                and (until is None or on <= date.fromisoformat(until))):
            return rule
    return None


@dataclass(frozen=True)
class _Dates:
    term_ends: date | None
    computed: bool
    term_rule: dict[str, Any] | None
    renewal_opens: date | None
    grace_ends: date | None
    renewal_rule: dict[str, Any] | None


def _dates(kind: str, filed: date | None, registered: date | None, expires: date | None) -> _Dates:
    """The term and (trademarks) the renewal window of one right, from the rules in force."""
    rules = law()
    term_rule = None
    term_ends = expires
    if kind == "trademark" and registered is not None:
        term_rule = _in_force(rules["terms"], registered, kind)
    elif kind in PATENT_KINDS and filed is not None:
        term_rule = _in_force(rules["terms"], filed, kind)
    computed = False
    if term_ends is None and term_rule is not None:
        start = registered if term_rule["counted_from"] == "registration" else filed
        term_ends = add_years(start, term_rule["years"]) - timedelta(days=1)  # type: ignore[arg-type]
        computed = True
    renewal_rule = opens = grace = None
    if kind == "trademark" and term_ends is not None:
        renewal_rule = _in_force(rules["renewal"], term_ends, kind)
        if renewal_rule is not None:
            opens = add_months(term_ends, -renewal_rule["months_before"]) + timedelta(days=1)
            grace = add_months(term_ends, renewal_rule["grace_months"])
    return _Dates(term_ends, computed, term_rule, opens, grace, renewal_rule)


def _cite(rule: dict[str, Any] | None, lang: str) -> str:
    return rule["article"][lang] if rule else ""


def _view(row: EnterpriseRight, party: Party, paid_year: int = 0, renewals: int = 0) -> RightView:
    d = _dates(row.kind, row.filed_on, row.registered_on, row.expires_on)
    return RightView(row.id, party.id, party.name, row.kind, row.number, row.title, row.classes, row.filed_on,
                     row.registered_on, row.expires_on, d.term_ends, d.computed, _cite(d.term_rule, "zh"),
                     _cite(d.term_rule, "en"), d.renewal_opens, d.grace_ends, _cite(d.renewal_rule, "zh"),
                     _cite(d.renewal_rule, "en"), row.note, paid_year, renewals)


def _event_summary(s: Session, ids: list[int] | None) -> tuple[dict[int, int], dict[int, int]]:
    """(right id -> last patent year paid, right id -> renewals recorded), for ``ids`` (None: all)."""
    paid_q = select(RightEvent.right_id, func.max(RightEvent.patent_year)).where(RightEvent.kind == "annuity")
    ren_q = select(RightEvent.right_id, func.count(RightEvent.id)).where(RightEvent.kind == "renewal")
    if ids is not None:
        if not ids:
            return {}, {}
        paid_q, ren_q = paid_q.where(RightEvent.right_id.in_(ids)), ren_q.where(RightEvent.right_id.in_(ids))
    paid = {rid: int(y or 0) for rid, y in s.execute(paid_q.group_by(RightEvent.right_id))}
    renewed = {rid: int(n) for rid, n in s.execute(ren_q.group_by(RightEvent.right_id))}
    return paid, renewed


def due_items(right: RightView, start: date, end: date) -> list[DueItem]:
    """What falls due for ``right`` between ``start`` and ``end`` (inclusive)."""
    out: list[DueItem] = []

    def item(day: date, event: str, grace: date | None, zh: str, en: str, year: int | None = None) -> None:
        if start <= day <= end:
            out.append(DueItem(day, event, right.enterprise_id, right.enterprise, right.id, right.kind, right.number,
                               right.title, grace, zh, en, year))

    if right.kind == "trademark":
        if right.renewal_opens:
            item(right.renewal_opens, "renewal_opens", right.grace_ends, right.renewal_article,
                 right.renewal_article_en)
        if right.term_ends:
            item(right.term_ends, "term_ends", right.grace_ends, right.renewal_article or right.term_article,
                 right.renewal_article_en or right.term_article_en)
        if right.grace_ends:
            item(right.grace_ends, "grace_ends", None, right.renewal_article, right.renewal_article_en)
        return out
    if right.term_ends:
        item(right.term_ends, "term_ends", None, right.term_article, right.term_article_en)
    if right.kind in PATENT_KINDS and right.filed_on and right.registered_on and right.term_ends:
        rule = _in_force(law()["annuity"], right.filed_on, right.kind)
        if rule is not None:
            first = max(1, (start.year - right.filed_on.year) - 1)
            for k in range(first, first + (end.year - start.year) + 3):
                due = add_years(right.filed_on, k)  # patent year k+1 begins
                if due > right.term_ends:
                    break
                if due > right.registered_on and k + 1 > right.paid_year:  # a year paid leaves the list
                    item(due, "annuity_due", add_months(due, rule["grace_months"]), rule["article"]["zh"],
                         rule["article"]["en"], k + 1)
    return out


_CLASS_SPLIT = re.compile(r"[\s,，、;；]+")


def _nice_classes(text: str) -> str:
    found: list[int] = []
    for part in _CLASS_SPLIT.split(text.strip()):
        if not part:
            continue
        if not part.isdigit() or int(part) not in NICE_CLASSES:
            raise ValidationError(f"class {part} is not a Nice class (1-45)", field="classes", value=part,
                                  reason="portfolio.nice_class", params={"value": part})
        if int(part) not in found:
            found.append(int(part))
    return ",".join(str(c) for c in sorted(found))


def clean_right(new: NewRight) -> dict[str, Any]:
    """The columns of a right from staff's input, or a coded error naming the field (nothing written)."""
    kind = validate_choice(new.kind, tuple(RIGHT_KINDS), "kind")
    number = validate_required(new.number, "number", 40)
    title = validate_line(new.title, "title", 300)
    classes = _nice_classes(new.classes) if kind == "trademark" else validate_line(new.classes, "classes", 200)
    note = validate_line(new.note, "note", 2000)
    today = china_today()
    filed = check_date_range(new.filed_on, "filed_on", today=today) if new.filed_on else None
    registered = check_date_range(new.registered_on, "registered_on", today=today) if new.registered_on else None
    expires = new.expires_on
    if kind == "trademark" and registered is None:
        raise ValidationError("is required for a trademark (its term runs from registration)",
                              field="registered_on", value=None, reason="required")
    if kind in PATENT_KINDS and filed is None:
        raise ValidationError("is required for a patent (its term runs from filing)", field="filed_on",
                              value=None, reason="required")
    if filed and registered and registered < filed:
        raise ValidationError("registration or grant cannot be before filing", field="registered_on",
                              value=registered, reason="portfolio.registered_before_filed",
                              params={"filed_on": filed.isoformat()})
    start = registered or filed
    if expires is not None and start is not None and expires <= start:
        raise ValidationError("expiry must come after registration", field="expires_on", value=expires,
                              reason="portfolio.expiry_before_registration", params={"date": start.isoformat()})
    if kind in PATENT_KINDS and _in_force(law()["terms"], filed, kind) is None:  # type: ignore[arg-type]
        raise ValidationError("no patent term rule covers this filing date", field="filed_on", value=filed,
                              reason="portfolio.no_rule", params={"date": filed.isoformat()})  # type: ignore[union-attr]
    return {"kind": kind, "number": number, "title": title, "classes": classes, "filed_on": filed,
            "registered_on": registered, "expires_on": expires, "note": note}


class PortfolioService(Acting):
    """The enterprises' own rights and what falls due for them."""

    def __init__(self, store: Store, actor: Principal | str = "staff") -> None:
        super().__init__(store, actor)

    # ------------------------------------------------------------------ rights

    def add(self, new: NewRight) -> RightView:
        v = clean_right(new)
        self.require("enterprise.edit")
        with self.store.write() as s:
            party = self._enterprise(s, new.enterprise)
            self._refuse_duplicate(s, party.id, v["kind"], v["number"])
            row = EnterpriseRight(party_id=party.id, created_by=self.actor, **v)
            s.add(row)
            s.flush()
            audit.record(s, actor=self.actor, action="create", entity="enterprise_right", entity_id=row.id,
                         details={"enterprise": party.name, "kind": v["kind"], "number": v["number"]})
            return _view(row, party)

    def get(self, right_id: int) -> RightView:
        self.require("enterprise.view")
        with self.store.read() as s:
            row = self._right(s, right_id)
            return self._viewed(s, row)

    def update(self, right_id: int, new: NewRight) -> RightView:
        """Correct a right's entry (the dialog's "edit"); the enterprise stays, a changed number must stay
        unique in its portfolio. A recorded renewal keeps its term unless the expiry is corrected too."""
        v = clean_right(new)
        self.require("enterprise.edit")
        with self.store.write() as s:
            row = self._right(s, right_id)
            if (v["kind"], v["number"]) != (row.kind, row.number):
                self._refuse_duplicate(s, row.party_id, v["kind"], v["number"])
            before = {k: getattr(row, k) for k in v}
            for k, value in v.items():
                setattr(row, k, value)
            diff = audit.changes(before, {k: getattr(row, k) for k in v})
            if diff:
                audit.record(s, actor=self.actor, action="update", entity="enterprise_right", entity_id=row.id,
                             details=diff)
            s.flush()
            return self._viewed(s, row)

    def record_renewal(self, right_id: int, filed_on: date, *, note: str = "") -> RightView:
        """A trademark renewal filed on ``filed_on`` (Trademark Law Art. 40): the new term runs 10 years from
        the day after the previous one expires; the due list moves on to the new term."""
        from qcy_workstation.portfolios.payments import renewal_term

        note = validate_line(note, "note", 2000)
        self.require("enterprise.edit")
        with self.store.write() as s:
            row = self._right(s, right_id)
            view = self._viewed(s, row)
            term_from, term_to, article = renewal_term(view, filed_on)
            row.expires_on = term_to
            s.add(RightEvent(right_id=row.id, kind="renewal", on=filed_on, term_from=term_from, term_to=term_to,
                             article=article, note=note, created_by=self.actor))
            s.flush()
            audit.record(s, actor=self.actor, action="renew", entity="enterprise_right", entity_id=row.id,
                         details={"number": row.number, "filed_on": filed_on.isoformat(),
                                  "term": f"{term_from.isoformat()}..{term_to.isoformat()}", "article": article})
            return self._viewed(s, row)

    def record_annuity(self, right_id: int, year: int, paid_on: date, *, note: str = "") -> RightView:
        """A patent's annual fee paid on ``paid_on`` for patent year ``year`` (Patent Law Art. 43): that year
        and the ones before it leave the due list."""
        from qcy_workstation.portfolios.payments import check_annuity

        note = validate_line(note, "note", 2000)
        self.require("enterprise.edit")
        with self.store.write() as s:
            row = self._right(s, right_id)
            view = self._viewed(s, row)
            article = check_annuity(view, year, paid_on)
            if s.execute(select(RightEvent.id).where(RightEvent.right_id == row.id, RightEvent.kind == "annuity",
                                                     RightEvent.patent_year == year)).first():
                raise ValidationError(f"the fee for year {year} is already recorded", field="year", value=year,
                                      reason="portfolio.annuity_recorded", params={"year": year})
            s.add(RightEvent(right_id=row.id, kind="annuity", on=paid_on, patent_year=year, article=article,
                             note=note, created_by=self.actor))
            s.flush()
            audit.record(s, actor=self.actor, action="annuity", entity="enterprise_right", entity_id=row.id,
                         details={"number": row.number, "year": year, "paid_on": paid_on.isoformat()})
            return self._viewed(s, row)

    def events(self, right_id: int) -> list[RightEventView]:
        """The renewals and fees recorded for one right, oldest first."""
        self.require("enterprise.view")
        with self.store.read() as s:
            self._right(s, right_id)
            rows = s.execute(select(RightEvent).where(RightEvent.right_id == right_id)
                             .order_by(RightEvent.on, RightEvent.id)).scalars()
            return [RightEventView(e.id, e.right_id, e.kind, e.on, e.patent_year, e.term_from, e.term_to, e.article,
                                   e.note, e.created_by) for e in rows]

    def import_rights(self, enterprise: str | int, *, file: str | os.PathLike[str] | None = None,
                      from_register: bool = False, apply: bool = True) -> Any:
        """The enterprise's rights from a register file or from the register staff imported (holder matched
        by normalised name or credit code): what would be added, what is already there, the bad lines; with
        ``apply`` the new ones are added in one transaction."""
        from qcy_workstation.portfolios.importing import plan_import

        self.require("enterprise.edit" if apply else "enterprise.view")
        with self.store.read() as s:
            party = self._enterprise(s, enterprise)
            held = {(k, n) for k, n in s.execute(select(EnterpriseRight.kind, EnterpriseRight.number)
                                                  .where(EnterpriseRight.party_id == party.id))}
            plan = plan_import(s, party.name, party.uscc, held, file=file, from_register=from_register)
            party_id = party.id
        if not apply or not plan.to_add:
            return plan
        with self.store.write() as s:
            party = self._enterprise(s, party_id)
            for new in plan.to_add:
                self._refuse_duplicate(s, party.id, new.kind, new.number)  # a desk added it meanwhile
                s.add(EnterpriseRight(party_id=party.id, created_by=self.actor, **clean_right(new)))
            audit.record(s, actor=self.actor, action="import", entity="enterprise", entity_id=party.id,
                         details={"source": plan.source, "added": len(plan.to_add), "already": len(plan.already),
                                  "bad": len(plan.bad)})
        return plan.applied()

    def list(self, enterprise: str | int | None = None) -> list[RightView]:
        self.require("enterprise.view")
        with self.store.read() as s:
            q = select(EnterpriseRight, Party).join(Party, Party.id == EnterpriseRight.party_id)
            if enterprise not in (None, ""):
                q = q.where(EnterpriseRight.party_id == self._enterprise(s, enterprise).id)  # type: ignore[arg-type]
            rows = s.execute(q.order_by(Party.name, EnterpriseRight.kind, EnterpriseRight.number)).all()
            paid, renewed = _event_summary(s, [r.id for r, _ in rows] if enterprise not in (None, "") else None)
            return [_view(r, p, paid.get(r.id, 0), renewed.get(r.id, 0)) for r, p in rows]

    def due(self, days: int = DEFAULT_DUE_DAYS, *, today: date | None = None,
            enterprise: str | int | None = None) -> list[DueItem]:
        """What falls due in the next ``days`` days (from ``today``, China's date) for every enterprise, or
        one: renewal windows opening, terms and grace periods ending, annual fees; soonest first."""
        if not isinstance(days, int) or not 1 <= days <= MAX_DUE_DAYS:
            raise ValidationError(f"must be 1 to {MAX_DUE_DAYS} days", field="days", value=days,
                                  reason="portfolio.days", params={"max": MAX_DUE_DAYS})
        start = today or china_today()
        end = start + timedelta(days=days)
        items = [i for r in self.list(enterprise) for i in due_items(r, start, end)]
        return sorted(items, key=lambda i: (i.date, i.enterprise, i.number, i.event))

    def watch(self, *, since: date | None = None, batch: str | None = None, trigger: str = "manual") -> Any:
        """Watch-list screening (``portfolios.watch``): the register rows imported since ``since`` (a China
        date; from its first hour) or in import ``batch`` against every enterprise's own marks and claims;
        hits are stored as early-warning risks. Without either: the last 7 days' imports."""
        from datetime import datetime

        from qcy_workstation.portfolios.watch import run_watch

        self.require("warning.edit")
        if since is not None and not isinstance(since, date):
            raise ValidationError("must be a date", field="since", value=since, reason="date.format")
        start = None
        if since is not None or not batch:
            day = since or (china_today() - timedelta(days=7))
            start = datetime(day.year, day.month, day.day) - timedelta(hours=8)  # China midnight in UTC
        return run_watch(self.store, actor=self.actor, today=china_today(), since=start, batch=batch,
                         trigger=trigger)

    # ------------------------------------------------------------------ reminder letter

    def letter(self, enterprise: str | int, *, lang: str = "zh", days: int = DEFAULT_DUE_DAYS,
               today: date | None = None) -> Any:
        """The reminder letter to ``enterprise`` (``DocumentContent`` for ``documents.render``)."""
        from qcy_workstation.documents.service import DocumentService
        from qcy_workstation.portfolios.letter import build_letter

        day = today or china_today()
        items = self.due(days, today=day, enterprise=enterprise)
        rights = self.list(enterprise)
        with self.store.read() as s:
            name = self._enterprise(s, enterprise).name
        docs = DocumentService(self.store, self.who)
        return build_letter(name, rights, items, days=days, workstation=docs.workstation_info(), lang=lang,
                            issue_date=day)

    def export_letter(self, enterprise: str | int, fmt: str, out: str | os.PathLike[str], *, lang: str = "zh",
                      days: int = DEFAULT_DUE_DAYS, today: date | None = None) -> Path:
        """Write the reminder letter as PDF or DOCX and record the export in the audit trail."""
        from qcy_workstation.documents import render
        from qcy_workstation.outputs import check_output_path, write_output

        if fmt not in ("pdf", "docx"):
            raise ValidationError("format must be pdf or docx", field="format", value=fmt, reason="choice",
                                  params={"choices": "pdf, docx"})
        target = check_output_path(out, field="out")
        content = self.letter(enterprise, lang=lang, days=days, today=today)
        write_output(render(content, fmt), target, field="out")
        with self.store.write() as s:
            party = self._enterprise(s, enterprise)
            audit.record(s, actor=self.actor, action="export", entity="enterprise", entity_id=party.id,
                         details={"document": "rights-reminder", "format": fmt, "lang": lang, "days": days})
        return target

    # ------------------------------------------------------------------ helpers

    def _viewed(self, s: Session, row: EnterpriseRight) -> RightView:
        paid, renewed = _event_summary(s, [row.id])
        return _view(row, s.get(Party, row.party_id), paid.get(row.id, 0), renewed.get(row.id, 0))  # type: ignore[arg-type]

    @staticmethod
    def _right(s: Session, right_id: int) -> EnterpriseRight:
        row = s.get(EnterpriseRight, right_id) if isinstance(right_id, int) or str(right_id).isdigit() else None
        if row is None:
            raise NotFoundError(f"no enterprise right {right_id!r}", field="right", value=right_id,
                                reason="portfolio.right_not_found", params={"right": str(right_id)})
        return row

    @staticmethod
    def _refuse_duplicate(s: Session, party_id: int, kind: str, number: str) -> None:
        if s.execute(select(EnterpriseRight.id).where(EnterpriseRight.party_id == party_id,
                                                      EnterpriseRight.kind == kind,
                                                      EnterpriseRight.number == number)).first():
            raise ValidationError(f"{number} is already in this enterprise's portfolio", field="number",
                                  value=number, reason="portfolio.right_exists", params={"number": number})

    @staticmethod
    def _enterprise(s: Session, key: str | int) -> Party:
        text = str(key or "").strip()
        party = None
        if text.isdigit():
            party = s.get(Party, int(text))
        if party is None and text:
            party = s.execute(select(Party).where(Party.name == text).order_by(Party.id)).scalars().first()
        if party is None or party.kind != "enterprise":
            raise NotFoundError(f"no enterprise {text!r}", field="enterprise", value=text,
                                reason="portfolio.enterprise_not_found", params={"enterprise": text})
        return party
