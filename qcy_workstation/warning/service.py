"""Early-warning use cases: projects, screening, watch lists, risk follow-up and the memo.

Each public method is one transaction (screening reads first, then writes its results in one go) and
returns plain values (``warning.dto``). Every change is an audit event.

Flags: a risk is flagged ``new`` when a screening finds it for the first time and ``changed`` when a later
screening finds it with a different severity or basis (or no longer finds it: ``active`` becomes False).
Flags stay until staff acknowledge them, so nothing found by an unattended watch-list run is lost; each
``ScreeningResult`` also lists exactly what that screening added or changed.
"""

from __future__ import annotations

import json
from dataclasses import asdict, replace
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from qcy_workstation.accounts.principal import Acting, Principal
from qcy_workstation.cases import audit
from qcy_workstation.cases.deadlines import add_working_days
from qcy_workstation.cases.services import CaseService
from qcy_workstation.cases.validation import parse_date, validate_choice, validate_required, validate_uscc
from qcy_workstation.db.base import china_today, utcnow
from qcy_workstation.db.store import Store
from qcy_workstation.errors import NotFoundError, ValidationError
from qcy_workstation.outputs import check_output_path, write_output
from qcy_workstation.warning import screening, sources
from qcy_workstation.warning.dto import (
    PROJECT_KINDS,
    RISK_STATUSES,
    NewProject,
    ProjectRow,
    ProjectView,
    RiskView,
    ScreeningResult,
)
from qcy_workstation.warning.models import WarningProject, WarningRisk, WarningScreening

LIST_FIELDS = ("target_markets", "key_features", "marks", "product_names", "gis", "counterparties")
UPDATABLE = ("title", "enterprise", "enterprise_uscc", "industry", "kind", "technology", "nice_classes",
             "producer_region", "start_on", "end_on", "owner", "watched", "status", "notes", *LIST_FIELDS)
SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}


def _split(value: Any) -> tuple[str, ...]:
    """A list field from a tuple/list or from text (one per line, or separated by ; ， or |)."""
    if value is None:
        return ()
    if isinstance(value, str):
        import re

        items = re.split(r"[\n;；|]+", value)
    else:
        items = list(value)
    return tuple(dict.fromkeys(str(i).strip() for i in items if str(i).strip()))


def clean_project(p: NewProject) -> NewProject:
    """Validate a project; raises ValidationError naming the field."""
    title = validate_required(p.title, "title", 300)
    enterprise = validate_required(p.enterprise, "enterprise", 200)
    kind = validate_choice((p.kind or "").strip().lower().replace("-", "_"), PROJECT_KINDS, "kind")
    uscc = validate_uscc(p.enterprise_uscc, "enterprise_uscc") if p.enterprise_uscc else None
    classes = p.nice_classes.strip()
    if classes:
        from qcy_workstation.precheck.goods import parse_codes

        classes = ",".join(parse_codes(classes, field="nice_classes"))
    if p.start_on and p.end_on and p.end_on < p.start_on:
        raise ValidationError("ends before it starts", field="end_on", value=p.end_on)
    values = asdict(p) | {"title": title, "enterprise": enterprise, "kind": kind, "enterprise_uscc": uscc,
                          "nice_classes": classes}
    for f in LIST_FIELDS:
        values[f] = _split(getattr(p, f))
    if not any(values[f] for f in ("key_features", "marks", "product_names", "gis", "counterparties")) \
            and not p.technology.strip():
        raise ValidationError("give at least a technology description, key features, marks, product names, "
                              "GIs or counterparties to screen", field="technology")
    return NewProject(**values)


def _risk_view(r: WarningRisk, *, with_details: bool = True) -> RiskView:
    return RiskView(r.id, r.key, r.category, r.subject, r.target, r.target_ref, r.severity, r.score, r.reason,
                    r.reason_en, r.action, r.action_text, r.owner, r.follow_up_on, r.status, r.flag, r.active,
                    r.first_seen_at, r.changed_at, json.loads(r.details or "{}") if with_details else {})


def _project_view(p: WarningProject, risks: list[WarningRisk]) -> ProjectView:
    lists = {f: tuple(json.loads(getattr(p, f) or "[]")) for f in LIST_FIELDS}
    ordered = sorted(risks, key=lambda r: (not r.active, SEVERITY_ORDER.get(r.severity, 9), -r.score, r.key))
    return ProjectView(
        id=p.id, number=p.number, title=p.title, enterprise=p.enterprise, enterprise_uscc=p.enterprise_uscc,
        industry=p.industry, kind=p.kind, technology=p.technology, nice_classes=p.nice_classes,
        producer_region=p.producer_region, start_on=p.start_on, end_on=p.end_on, owner=p.owner,
        watched=p.watched, status=p.status, notes=p.notes, created_at=p.created_at, created_by=p.created_by,
        last_screened_at=p.last_screened_at, risks=tuple(_risk_view(r) for r in ordered), **lists)


class WarningService(Acting):
    """Early-warning projects. ``actor`` acts (officers and the head change projects: ``warning.edit``)."""

    def __init__(self, store: Store, actor: Principal | str = "staff", *, today: date | None = None) -> None:
        super().__init__(store, actor)
        self._today = today

    @property
    def today(self) -> date:
        return self._today or china_today()

    # ------------------------------------------------------------ projects

    def add(self, new: NewProject) -> ProjectView:
        """Validate and store a project (watched by default). Does not screen: call ``screen``."""
        new = clean_project(new)
        self.require("warning.edit")
        with self.store.write() as s:
            year = self.today.year
            prefix = f"EW-{year}-"
            last = s.execute(select(func.max(WarningProject.number)).where(
                WarningProject.number.like(prefix + "%"))).scalar()
            seq = int(last.rsplit("-", 1)[1]) + 1 if last else 1
            values = asdict(new)
            for f in LIST_FIELDS:
                values[f] = json.dumps(list(values[f]), ensure_ascii=False)
            project = WarningProject(number=f"{prefix}{seq:04d}", created_by=self.actor,
                                     **{**values, "owner": new.owner or self.actor})
            s.add(project)
            s.flush()
            audit.record(s, actor=self.actor, action="create", entity="warning_project", entity_id=project.number,
                         details={"title": project.title, "enterprise": project.enterprise, "kind": project.kind})
            return _project_view(project, [])

    def _get(self, s: Session, number: str) -> WarningProject:
        p = s.execute(select(WarningProject).where(WarningProject.number == number.strip().upper())).scalar()
        if p is None:
            raise NotFoundError(f"no early-warning project {number!r}", field="project", value=number)
        return p

    def get(self, number: str) -> ProjectView:
        with self.store.read() as s:
            p = self._get(s, number)
            risks = list(s.execute(select(WarningRisk).where(WarningRisk.project_id == p.id)).scalars())
            return _project_view(p, risks)

    def update(self, number: str, **changes: Any) -> ProjectView:
        """Edit a project's fields; the next screening uses the new values."""
        self.require("warning.edit")
        unknown = set(changes) - set(UPDATABLE)
        if unknown:
            raise ValidationError(f"cannot be changed; changeable: {', '.join(UPDATABLE)}", field=sorted(unknown)[0])
        for f in ("start_on", "end_on"):
            if f in changes and isinstance(changes[f], str):
                changes[f] = parse_date(changes[f], f)
        with self.store.write() as s:
            p = self._get(s, number)
            current = self._as_new(p)
            merged = clean_project(replace(current, **{k: v for k, v in changes.items() if k != "status"}))
            if "status" in changes:
                validate_choice(changes["status"], ("active", "closed"), "status")
            before = {k: getattr(p, k) for k in changes}
            for k in changes:
                if k == "status":
                    p.status = changes[k]
                    continue
                value = getattr(merged, k)
                setattr(p, k, json.dumps(list(value), ensure_ascii=False) if k in LIST_FIELDS else value)
            diff = audit.changes(before, {k: getattr(p, k) for k in changes})
            if diff:
                audit.record(s, actor=self.actor, action="update", entity="warning_project", entity_id=p.number,
                             details=diff)
            risks = list(s.execute(select(WarningRisk).where(WarningRisk.project_id == p.id)).scalars())
            return _project_view(p, risks)

    @staticmethod
    def _as_new(p: WarningProject) -> NewProject:
        lists = {f: tuple(json.loads(getattr(p, f) or "[]")) for f in LIST_FIELDS}
        return NewProject(title=p.title, enterprise=p.enterprise, kind=p.kind, enterprise_uscc=p.enterprise_uscc,
                          industry=p.industry, technology=p.technology, nice_classes=p.nice_classes,
                          producer_region=p.producer_region, start_on=p.start_on, end_on=p.end_on, owner=p.owner,
                          watched=p.watched, notes=p.notes, **lists)

    def list(self, *, watched_only: bool = False, flagged_only: bool = False, text: str | None = None) -> list[ProjectRow]:
        """Projects with their open-risk counts by severity and flags, newest first."""
        active = WarningRisk.active.is_(True)
        counts = (select(WarningRisk.project_id.label("pid"),
                         func.sum(case(((WarningRisk.severity == "high") & active, 1), else_=0)).label("high"),
                         func.sum(case(((WarningRisk.severity == "medium") & active, 1), else_=0)).label("medium"),
                         func.sum(case(((WarningRisk.severity == "low") & active, 1), else_=0)).label("low"),
                         func.sum(case((WarningRisk.flag != "", 1), else_=0)).label("flagged"))
                  .where(WarningRisk.status != "resolved").group_by(WarningRisk.project_id).subquery())
        q = (select(WarningProject, counts.c.high, counts.c.medium, counts.c.low, counts.c.flagged)
             .outerjoin(counts, counts.c.pid == WarningProject.id).order_by(WarningProject.id.desc()))
        if watched_only:
            q = q.where(WarningProject.watched.is_(True))
        if text and text.strip():
            like = f"%{text.strip()}%"
            q = q.where(WarningProject.title.like(like) | WarningProject.enterprise.like(like)
                        | WarningProject.number.like(like))
        with self.store.read() as s:
            state = sources.register_state(s)
            rows = []
            for p, high, medium, low, flagged in s.execute(q):
                due = p.watched and p.status == "active" and json.loads(p.register_state or "{}") != state
                row = ProjectRow(p.number, p.title, p.enterprise, p.kind, p.watched, p.status, p.owner,
                                 p.last_screened_at, int(high or 0), int(medium or 0), int(low or 0),
                                 int(flagged or 0), bool(due))
                if not flagged_only or row.flagged:
                    rows.append(row)
            return rows

    # ------------------------------------------------------------ screening

    def screen(self, number: str, *, trigger: str = "manual") -> ScreeningResult:
        """Screen one project against every source; store risks, flag what is new or changed."""
        with self.store.read() as s:
            p = self._get(s, number)
            project = self._as_new(p)
            case_patents, case_marks, case_gis = sources.patents(s), sources.trademarks(s), sources.case_gis(s)
            state = sources.register_state(s)  # read first: a change during the run shows at the next one
        ent = project.enterprise
        hits: list[screening.Hit] = []
        hits += screening.screen_patents(project.technology, project.key_features, case_patents, enterprise=ent)
        hits += screening.screen_marks(project.marks, project.nice_classes, case_marks, enterprise=ent)
        labels = list(project.product_names) + list(project.gis) + list(project.marks)
        counted = {"case_patents": len(case_patents), "case_trademarks": len(case_marks), "case_gis": len(case_gis),
                   "counterparties": len(project.counterparties)}
        try:
            from qcy_workstation.precheck.screening import screen_gi
        except ImportError:  # an engine without the rights register: case rights only
            hits += screening.screen_gis(labels, project.producer_region, case_gis)
        else:
            hits += screening.screen_register_patents(self.store, project.technology, project.key_features,
                                                      enterprise=ent)
            hits += screening.screen_register_marks(self.store, project.marks, project.nice_classes, enterprise=ent)
            hits += screening.screen_gis(labels, project.producer_region, case_gis,
                                         check=lambda label, region: screen_gi(self.store, label, region))
            counted.update({k: v[0] for k, v in state.items() if k.startswith("register_")})
        checker = CaseService(self.store, actor=self.who)
        hits += screening.screen_parties(project.counterparties, lambda name: checker.conflict_check(name))
        # one risk per key (a mark can meet the same right in case rights and in the register): the most severe
        by_key: dict[str, screening.Hit] = {}
        for h in hits:
            old = by_key.get(h.key)
            if old is None or (SEVERITY_ORDER[h.severity], -h.score) < (SEVERITY_ORDER[old.severity], -old.score):
                by_key[h.key] = h
        return self._record(number, list(by_key.values()), state, counted, trigger)

    def _record(self, number: str, hits: list[screening.Hit], state: dict[str, Any], counted: dict[str, int],
                trigger: str) -> ScreeningResult:
        now = utcnow()
        days = screening.policy()["follow_up_working_days"]
        with self.store.write() as s:
            p = self._get(s, number)
            existing = {r.key: r for r in s.execute(select(WarningRisk).where(WarningRisk.project_id == p.id)).scalars()}
            run = WarningScreening(project_id=p.id, at=now, by=self.actor, trigger=trigger,
                                   register_state=json.dumps(state, ensure_ascii=False),
                                   engine="precheck " + _engine_version())
            s.add(run)
            s.flush()
            new, changed, gone, unchanged = [], [], [], 0
            for h in hits:
                r = existing.pop(h.key, None)
                fields = {"category": h.category, "subject": h.subject[:300], "target": h.target[:300],
                          "target_ref": h.target_ref[:100], "severity": h.severity, "score": h.score,
                          "reason": h.reason, "reason_en": h.reason_en, "action": h.action,
                          "action_text": screening.action_text(h.action, "zh") + " / "
                          + screening.action_text(h.action, "en"),
                          "details": json.dumps(h.details, ensure_ascii=False, default=str),
                          "fingerprint": h.fingerprint, "last_seen_at": now}
                if r is None:
                    r = WarningRisk(project_id=p.id, key=h.key[:300], owner=p.owner or self.actor,
                                    follow_up_on=add_working_days(self.today, int(days[h.severity])).due,
                                    status="open", flag="new", active=True, flagged_screening_id=run.id,
                                    first_seen_at=now, **fields)
                    s.add(r)
                    new.append(r)
                elif r.fingerprint != h.fingerprint or not r.active:
                    for k, v in fields.items():
                        setattr(r, k, v)
                    r.active, r.changed_at, r.flag, r.flagged_screening_id = True, now, "changed", run.id
                    if r.status == "resolved":
                        r.status = "open"  # a resolved risk that comes back with a different basis is open again
                    changed.append(r)
                else:
                    for k in ("reason", "reason_en", "details", "score", "last_seen_at"):
                        setattr(r, k, fields[k])
                    unchanged += 1
            for r in existing.values():
                if r.active:
                    r.active, r.changed_at, r.flag, r.flagged_screening_id = False, now, "changed", run.id
                    gone.append(r)
            run.new, run.changed, run.unchanged, run.gone = len(new), len(changed), unchanged, len(gone)
            p.last_screened_at = now
            p.register_state = json.dumps(state, ensure_ascii=False)
            s.flush()
            audit.record(s, actor=self.actor, action="screen", entity="warning_project", entity_id=p.number,
                         details={"trigger": trigger, "new": len(new), "changed": len(changed), "gone": len(gone),
                                  "unchanged": unchanged, "screening": run.id})
            risks = list(s.execute(select(WarningRisk).where(WarningRisk.project_id == p.id,
                                                             WarningRisk.active.is_(True))).scalars())
            risks.sort(key=lambda r: (SEVERITY_ORDER.get(r.severity, 9), -r.score, r.key))
            notes = (screening.DISCLAIMER_ZH, screening.DISCLAIMER_EN)
            return ScreeningResult(p.number, run.id, trigger, now, tuple(_risk_view(r) for r in risks),
                                   tuple(_risk_view(r) for r in new), tuple(_risk_view(r) for r in changed),
                                   tuple(_risk_view(r) for r in gone), unchanged, state, counted, notes)

    def rescreen_watched(self, *, force: bool = False) -> list[ScreeningResult]:
        """Re-screen every watched, active project whose sources changed since its last screening
        (all of them with ``force``). Call after a register import; cheap when nothing changed."""
        with self.store.read() as s:
            state = sources.register_state(s)
            due = [p.number for p in s.execute(select(WarningProject).where(
                WarningProject.watched.is_(True), WarningProject.status == "active")).scalars()
                if force or json.loads(p.register_state or "{}") != state]
        return [self.screen(n, trigger="register_change") for n in due]

    # ------------------------------------------------------------ risks

    def acknowledge(self, number: str, risk_ids: list[int] | None = None) -> ProjectView:
        """Staff have seen the flagged risks (all, or the given ones): clear their flags."""
        self.require("warning.edit")
        with self.store.write() as s:
            p = self._get(s, number)
            q = select(WarningRisk).where(WarningRisk.project_id == p.id, WarningRisk.flag != "")
            if risk_ids:
                q = q.where(WarningRisk.id.in_(risk_ids))
            cleared = []
            for r in s.execute(q).scalars():
                r.flag = ""
                cleared.append(r.id)
            if cleared:
                audit.record(s, actor=self.actor, action="acknowledge", entity="warning_project",
                             entity_id=p.number, details={"risks": cleared})
            risks = list(s.execute(select(WarningRisk).where(WarningRisk.project_id == p.id)).scalars())
            return _project_view(p, risks)

    def update_risk(self, number: str, risk_id: int, *, status: str | None = None, owner: str | None = None,
                    follow_up_on: date | str | None = None, severity: str | None = None) -> RiskView:
        """Follow-up on a risk: its status (open / accepted / resolved), owner, follow-up date, severity."""
        self.require("warning.edit")
        with self.store.write() as s:
            p = self._get(s, number)
            r = s.get(WarningRisk, risk_id)
            if r is None or r.project_id != p.id:
                raise NotFoundError(f"project {p.number} has no risk {risk_id}", field="risk", value=risk_id)
            before = {"status": r.status, "owner": r.owner, "follow_up_on": r.follow_up_on, "severity": r.severity}
            if status is not None:
                r.status = validate_choice(status, RISK_STATUSES, "status")
            if owner is not None:
                r.owner = validate_required(owner, "owner", 100)
            if follow_up_on is not None:
                r.follow_up_on = parse_date(follow_up_on, "follow_up_on")
            if severity is not None:
                r.severity = validate_choice(severity, ("high", "medium", "low"), "severity")
            after = {"status": r.status, "owner": r.owner, "follow_up_on": r.follow_up_on, "severity": r.severity}
            diff = audit.changes(before, after)
            if diff:
                audit.record(s, actor=self.actor, action="update", entity="warning_risk", entity_id=r.id,
                             details=diff | {"project": p.number})
            return _risk_view(r)

    def due_follow_ups(self, on: date | None = None) -> list[tuple[str, RiskView]]:
        """Open or accepted risks whose follow-up date has come (project number, risk), earliest first."""
        day = on or self.today
        with self.store.read() as s:
            rows = s.execute(select(WarningProject.number, WarningRisk).join(
                WarningProject, WarningProject.id == WarningRisk.project_id).where(
                WarningRisk.active.is_(True), WarningRisk.status != "resolved", WarningRisk.follow_up_on <= day)
                .order_by(WarningRisk.follow_up_on, WarningRisk.id)).all()
            return [(n, _risk_view(r, with_details=False)) for n, r in rows]

    # ------------------------------------------------------------ memo

    def memo(self, number: str, *, lang: str = "zh") -> Any:
        """The early-warning memo's content (documents' content model) for the project's current risks."""
        from qcy_workstation.warning.memo import build_memo

        project = self.get(number)
        from qcy_workstation.cases.settings import SettingsService

        return build_memo(project, SettingsService(self.store).get(), lang=lang, today=self.today)

    def export_memo(self, number: str, path: str | Path, *, fmt: str | None = None, lang: str = "zh") -> Path:
        """Write the memo as PDF or DOCX (from ``fmt`` or the suffix); an audit event records the export."""
        from qcy_workstation.warning.memo import render_memo

        out = Path(path)
        fmt = (fmt or out.suffix.lstrip(".")).lower()
        if fmt not in ("pdf", "docx"):
            raise ValidationError("must be pdf or docx", field="format", value=fmt)
        check_output_path(out)
        content = self.memo(number, lang=lang)
        data = render_memo(content, fmt)
        write_output(data, out)
        import hashlib

        with self.store.write() as s:
            p = self._get(s, number)
            audit.record(s, actor=self.actor, action="export", entity="warning_memo", entity_id=p.number,
                         details={"format": fmt, "lang": lang, "path": str(out), "bytes": len(data),
                                  "sha256": hashlib.sha256(data).hexdigest(), "number": content.number})
        return out


def _engine_version() -> str:
    try:
        from qcy_workstation.precheck.common import ENGINE_VERSION

        return ENGINE_VERSION
    except ImportError:
        return "unknown"


__all__ = ["WarningService", "clean_project"]
