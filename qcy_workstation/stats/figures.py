"""The workstation's figures: what the dashboard shows and what is reported to the platform each month/year.

Every figure is a SQL aggregate (GROUP BY or conditional SUM) over cases, consultations, transitions and
early-warning tables: no query returns more rows than there are groups, so the dashboard stays fast at
100,000 cases and 200,000 consultations (see ``benchmarks/bench_stats.py``). Working days need the
Chinese holiday calendar, which SQL does not know: they are computed per distinct pair of dates returned by
a GROUP BY, with a cumulative working-day index so each pair costs O(1).

Period filter: cases count by ``received_on``; consultations by their date; outcomes by the date of the
transition; early-warning projects and risks by the day they were created/first found.
"""

from __future__ import annotations

import heapq
import json
import time
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from sqlalchemy import String, case, func, literal_column, select, type_coerce
from sqlalchemy.orm import Session

from qcy_workstation.accounts.principal import Principal
from qcy_workstation.cases.access import visible_clause
from qcy_workstation.cases.deadlines import is_workday
from qcy_workstation.cases.models import Case, Consultation, Party
from qcy_workstation.cases.validation import ASSISTANCE, parse_date
from qcy_workstation.cases.workflow import OPEN_STATUSES, STATUSES
from qcy_workstation.db.base import china_today, utcnow
from qcy_workstation.db.store import Store
from qcy_workstation.errors import ValidationError
from qcy_workstation.stats import labels as L
from qcy_workstation.stats import models as _indexes  # noqa: F401  (the indexes these queries rely on)
from qcy_workstation.stats.sources import figures_sources
from qcy_workstation.tables import Table

OUTCOME_STATUSES = ("opinion_issued", "closed", "declined", "withdrawn")


@dataclass(frozen=True)
class StatsPeriod:
    """Inclusive date range; ``None`` on either side means open-ended."""

    date_from: date | None = None
    date_to: date | None = None

    def __post_init__(self) -> None:
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValidationError("the start of the period is after its end", field="from", value=self.date_from)

    @classmethod
    def parse(cls, date_from: str | date | None, date_to: str | date | None) -> StatsPeriod:
        """From command-line or form text (YYYY-MM-DD)."""
        def one(value: str | date | None, name: str) -> date | None:
            if value is None or value == "":
                return None
            return value if isinstance(value, date) else parse_date(str(value), name)
        return cls(one(date_from, "from"), one(date_to, "to"))

    @classmethod
    def month(cls, year: int, month: int) -> StatsPeriod:
        nxt = date(year + month // 12, month % 12 + 1, 1)
        return cls(date(year, month, 1), nxt - timedelta(days=1))

    @classmethod
    def year(cls, year: int) -> StatsPeriod:
        return cls(date(year, 1, 1), date(year, 12, 31))

    def label(self, lang: str = "zh") -> str:
        a = self.date_from.isoformat() if self.date_from else ("开始" if lang == "zh" else "start")
        b = self.date_to.isoformat() if self.date_to else ("至今" if lang == "zh" else "now")
        return f"{a} — {b}"


@dataclass(frozen=True)
class Dashboard:
    """All figures for one period. Dict fields map a code (ip type, status, channel...) to a count."""

    date_from: date | None
    date_to: date | None
    today: date
    generated_at: datetime
    totals: dict[str, int]
    cases_by_type: dict[str, int]
    cases_by_status: dict[str, int]
    cases_by_month: dict[str, int]
    outcomes: dict[str, int]
    consultations_by_channel: dict[str, int]
    consultations_by_ip_type: dict[str, int]
    consultations_by_topic: dict[str, int]
    consultations_by_month: dict[str, int]
    top_topics: list[tuple[str, int]]
    working_days: dict[str, dict[str, float | int | None]]
    compliance: dict[str, dict[str, int | float | None]]
    cases_by_assistance: dict[str, int]
    cases_by_industry: dict[str, int]
    top_enterprises: list[dict[str, Any]]
    warning: dict[str, Any]
    timings_ms: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["top_topics"] = [{"topic": t, "count": n} for t, n in self.top_topics]
        d["notes"] = NOTES
        return d

    def tables(self, lang: str = "zh") -> list[Table]:
        """Every table of the dashboard, in reading order (for XLSX export and the reports)."""
        return dashboard_tables(self, lang)


NOTES = {
    "period": "Cases by date received; consultations by date; outcomes by the date of the status change; "
              "early-warning projects by creation date and risks by the date first found.",
    "working_days": "Working days per the State Council holiday schedule (chinesecalendar); days after the start "
                    "up to and including the end. Years outside the official schedule count weekends only.",
    "compliance": "Acceptance on time: accepted on or before the acceptance due date; opinion on time: issued on "
                  "or before the opinion due date. Time limits are this workstation's settings (no national "
                  "figure).",
}


# ---------------------------------------------------------------- working days


class WorkdayIndex:
    """Cumulative count of working days, so the working days between two dates is one subtraction.

    ``between(a, b)`` equals ``deadlines.working_days_between(a, b)`` (days after ``a`` up to and
    including ``b``; 0 when ``b <= a``), tested against it.
    """

    def __init__(self, first: date, last: date) -> None:
        self.first = first
        self.cum: list[int] = [0]
        day, total = first, 0
        while day < last:
            day += timedelta(days=1)
            total += 1 if is_workday(day) else 0
            self.cum.append(total)

    def between(self, start: date, end: date) -> int:
        if end <= start:
            return 0
        return self.cum[(end - self.first).days] - self.cum[(start - self.first).days]


def _iso_key(value: date | str) -> str:
    """A date as ISO text (SQLite returns date columns as ISO text already; PostgreSQL returns dates)."""
    return value if isinstance(value, str) else value.isoformat()


def _working_day_summary(pairs: list[tuple[Any, Any, int]]) -> dict[str, float | int | None]:
    """Average, median and max working days over (start, end, count) groups.

    Dates may be ISO text or ``date`` objects; the cumulative index is keyed by ISO text, so rows are
    never converted one by one (42,000 groups at 100,000 cases)."""
    keyed = [r for r in pairs if r[0] is not None and r[1] is not None]
    if keyed and not isinstance(keyed[0][0], str):
        keyed = [(_iso_key(a), _iso_key(b), n) for a, b, n in keyed]
    if not keyed:
        return {"cases": 0, "average": None, "median": None, "max": None}
    starts = [r[0] for r in keyed]
    ends = [r[1] for r in keyed]
    first = date.fromisoformat(min(min(starts), min(ends))[:10])
    last = date.fromisoformat(max(max(starts), max(ends))[:10])
    index = WorkdayIndex(first, last)
    cum = {(first + timedelta(days=i)).isoformat(): c for i, c in enumerate(index.cum)}
    dist: dict[int, int] = defaultdict(int)
    for a, b, n in keyed:
        dist[cum[b[:10]] - cum[a[:10]] if b > a else 0] += n
    total = sum(dist.values())
    mean = sum(d * n for d, n in dist.items()) / total
    half, seen, median = total / 2, 0, 0
    for d in sorted(dist):
        seen += dist[d]
        if seen >= half:
            median = d
            break
    return {"cases": total, "average": round(mean, 2), "median": median, "max": max(dist)}


# ---------------------------------------------------------------- helpers


@cache
def topic_categories() -> dict[str, Any]:
    """The keyword categories of consultation topics (``data/topic_keywords.json``)."""
    path = resources.files("qcy_workstation.stats").joinpath("data").joinpath("topic_keywords.json")
    with path.open("r", encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=200_000)
def topic_category(topic: str) -> str:
    """The category of one topic text: the first category with a keyword in it (case-insensitive)."""
    folded = topic.lower()
    for cat in topic_categories()["categories"]:
        if any(kw.lower() in folded for kw in cat["keywords"]):
            return str(cat["key"])
    return str(topic_categories()["other"]["key"])


WIDE_PERIOD_DAYS = 92


def _range(s: Session, column, lo, hi):  # type: ignore[no-untyped-def]
    """Period conditions on ``column``. For a wide period on SQLite they are marked likely-true, so the
    planner keeps reading the grouped column's covering index in order instead of range-scanning the date
    and sorting (5-10x faster at 100,000 rows, measured); a short period (a month) is left to the date
    indexes, which then touch only that month's rows."""
    conds = []
    if lo is not None:
        conds.append(column >= lo)
    if hi is not None:
        conds.append(column < hi if isinstance(hi, datetime) else column <= hi)
    wide = lo is None or hi is None or (hi - lo).days > WIDE_PERIOD_DAYS
    if wide and s.get_bind().dialect.name == "sqlite":
        conds = [func.likelihood(c, literal_column("0.9")) for c in conds]
    return conds


def _case_range(s: Session, period: StatsPeriod, source: Any = Case) -> list[Any]:
    return _range(s, source.received_on, period.date_from, period.date_to)


def _consultation_bounds(period: StatsPeriod) -> tuple[datetime | None, datetime | None]:
    lo = datetime.combine(period.date_from, datetime.min.time()) if period.date_from else None
    hi = datetime.combine(period.date_to + timedelta(days=1), datetime.min.time()) if period.date_to else None
    return lo, hi


def _ordered(counts: dict[str, int], order: tuple[str, ...] | list[str]) -> dict[str, int]:
    """Known codes first in their usual order (zeros included), then any others by count."""
    out = {k: int(counts.get(k, 0)) for k in order}
    for k, v in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        if k not in out:
            out[k] = int(v)
    return out


# ---------------------------------------------------------------- sections


def case_figures(s: Session, period: StatsPeriod, today: date) -> dict[str, Any]:
    """Cases by type, status, day (folded to months) and assistance kind; pending overdue cases."""
    cases, _ = figures_sources(s)  # every case, without details, on a secured server store
    where = _case_range(s, period, cases)
    by_type = dict(s.execute(select(cases.ip_type, func.count()).where(*where).group_by(cases.ip_type)).all())
    by_status = dict(s.execute(select(cases.status, func.count()).where(*where).group_by(cases.status)).all())
    by_month: dict[str, int] = defaultdict(int)
    for day, n in s.execute(select(cases.received_on, func.count()).where(*where).group_by(cases.received_on)):
        by_month[f"{day.year:04d}-{day.month:02d}"] += n
    assistance: dict[str, int] = defaultdict(int)
    for codes, n in s.execute(select(cases.assistance, func.count()).where(*where).group_by(cases.assistance)):
        for code in {c for c in (codes or "").split(",") if c}:
            assistance[code] += n
    pend_acc = s.execute(select(func.count()).where(cases.status == "received", cases.acceptance_due < today,
                                                    *where)).scalar() or 0
    pend_op = s.execute(select(func.count()).where(cases.status.in_(("accepted", "in_progress")),
                                                   cases.opinion_due < today, *where)).scalar() or 0
    total = sum(by_type.values())
    return {
        "cases_by_type": _ordered(by_type, ("trademark", "patent", "gi", "trade-secret")),  # type: ignore[arg-type]
        "cases_by_status": _ordered(by_status, STATUSES),  # type: ignore[arg-type]
        "cases_by_month": dict(sorted(by_month.items())),
        "cases_by_assistance": _ordered(assistance, ASSISTANCE),
        "totals": {"cases": total, "open_cases": sum(by_status.get(st, 0) for st in OPEN_STATUSES)},
        "pending_overdue": {"acceptance": int(pend_acc), "opinion": int(pend_op), "as_of": today.isoformat()},
    }


def _raw(s: Session, column):  # type: ignore[no-untyped-def]
    """A date column without SQLAlchemy's per-row conversion (SQLite gives ISO text; compared as text)."""
    return type_coerce(column, String) if s.get_bind().dialect.name == "sqlite" else column


def working_day_figures(s: Session, period: StatsPeriod) -> dict[str, Any]:
    """Receipt -> acceptance and acceptance -> opinion in working days, and whether each met its due date.

    One GROUP BY per stage over (start, end) pairs with the on-time count summed in SQL; the working days
    of each distinct pair come from a cumulative calendar index, so 100,000 cases cost as many Python steps
    as there are distinct pairs."""
    cases, _ = figures_sources(s)
    where = _case_range(s, period, cases)

    def on_time(end, due):  # type: ignore[no-untyped-def]
        return func.sum(case((end <= due, 1), else_=0)), func.sum(case((end > due, 1), else_=0))

    acc_q = (select(_raw(s, cases.received_on), _raw(s, cases.accepted_on), func.count(),
                    *on_time(cases.accepted_on, cases.acceptance_due))
             .where(cases.accepted_on.is_not(None), *where).group_by(cases.received_on, cases.accepted_on))
    # accepted_on >= received_on >= date_from always holds: stating it lets the opinion index serve the range
    opi_q = select(_raw(s, cases.accepted_on), _raw(s, cases.opinion_on), func.count(),
                   *on_time(cases.opinion_on, cases.opinion_due)).where(cases.opinion_on.is_not(None), *where)
    opi_q = opi_q.where(cases.accepted_on >= period.date_from) if period.date_from else opi_q.where(
        cases.accepted_on.is_not(None))
    conn = s.connection()  # Core rows: no ORM bookkeeping per row
    acc_rows = conn.execute(acc_q).all()
    opi_rows = conn.execute(opi_q.group_by(cases.accepted_on, cases.opinion_on)).all()

    def compliance(rows) -> dict[str, int | float | None]:  # type: ignore[no-untyped-def]
        ok = int(sum(r[3] or 0 for r in rows))
        late = int(sum(r[4] or 0 for r in rows))
        return {"on_time": ok, "late": late, "on_time_rate": round(ok / (ok + late), 4) if ok + late else None}

    return {
        "working_days": {"receipt_to_acceptance": _working_day_summary([(r[0], r[1], r[2]) for r in acc_rows]),
                         "acceptance_to_opinion": _working_day_summary([(r[0], r[1], r[2]) for r in opi_rows])},
        "compliance": {"acceptance": compliance(acc_rows), "opinion": compliance(opi_rows)},
    }


def outcome_figures(s: Session, period: StatsPeriod) -> dict[str, int]:
    """Outcomes reached in the period, by the date of the status change (each change counts: a case closed,
    reopened and closed again counts twice)."""
    _, moves = figures_sources(s)
    q = select(moves.to_status, func.count()).where(
        moves.to_status.in_(OUTCOME_STATUSES), *_range(s, moves.on, period.date_from, period.date_to))
    return _ordered(dict(s.execute(q.group_by(moves.to_status)).all()), OUTCOME_STATUSES)  # type: ignore[arg-type]


def consultation_figures(s: Session, period: StatsPeriod, top_n: int = 15) -> dict[str, Any]:
    """Consultations by channel, IP type, topic (keyword category and commonest topics) and month."""
    lo, hi = _consultation_bounds(period)
    where = _range(s, Consultation.at, lo, hi)
    by_channel: dict[str, int] = {}
    linked = 0
    for channel, n, n_linked in s.execute(select(Consultation.channel, func.count(), func.count(Consultation.case_id))
                                          .where(*where).group_by(Consultation.channel)):
        by_channel[channel] = n
        linked += n_linked
    by_ip = {(k or ""): n for k, n in s.execute(select(Consultation.ip_type, func.count()).where(*where)
                                                 .group_by(Consultation.ip_type))}
    by_topic: dict[str, int] = defaultdict(int)
    topics = s.execute(select(Consultation.topic, func.count()).where(*where).group_by(Consultation.topic)).all()
    for topic, n in topics:
        by_topic[topic_category(topic)] += n
    top = [(t, int(n)) for t, n in heapq.nsmallest(top_n, topics, key=lambda tn: (-tn[1], tn[0]))]
    # Months: one range count per month on the date index (a GROUP BY on a month expression would sort).
    by_month: dict[str, int] = {}
    first, last = s.execute(select(func.min(Consultation.at), func.max(Consultation.at)).where(*where)).one()
    if first is not None:
        y, m = first.year, first.month
        while (y, m) <= (last.year, last.month):
            ny, nm = (y + 1, 1) if m == 12 else (y, m + 1)
            start, end = datetime(y, m, 1), datetime(ny, nm, 1)
            n = s.execute(select(func.count()).where(
                Consultation.at >= max(start, lo) if lo else Consultation.at >= start,
                Consultation.at < min(end, hi) if hi else Consultation.at < end)).scalar() or 0
            if n:
                by_month[f"{y:04d}-{m:02d}"] = int(n)
            y, m = ny, nm
    cats = topic_categories()
    return {
        "consultations_by_channel": _ordered(by_channel, ("walk-in", "phone", "online", "letter")),
        "consultations_by_ip_type": _ordered(by_ip, ("trademark", "patent", "gi", "trade-secret")),
        "consultations_by_topic": _ordered(by_topic, [c["key"] for c in cats["categories"]] + [cats["other"]["key"]]),
        "consultations_by_month": by_month,
        "top_topics": top,
        "totals": {"consultations": sum(by_channel.values()), "consultations_linked_to_cases": linked},
    }


def enterprise_figures(s: Session, period: StatsPeriod, top_n: int = 10, visible: Any | None = None) -> dict[str, Any]:
    """Assistance by the applicant's industry and the enterprises assisted most (cases per applicant).

    ``visible`` (a condition on ``Case``, ``cases.access.visible_clause``) limits the *named* list to the
    cases the reader may see: an enterprise known only through confidential cases is not named and its
    confidential cases are not in its count; the industries and the totals still count every case."""
    per_applicant = select(Case.applicant_id.label("pid"), func.count().label("n")).where(
        *_case_range(s, period)).group_by(Case.applicant_id).subquery()
    industry = {(ind or ""): int(n) for ind, n in s.execute(
        select(Party.industry, func.sum(per_applicant.c.n)).join(per_applicant, per_applicant.c.pid == Party.id)
        .group_by(Party.industry))}
    named = per_applicant if visible is None else select(
        Case.applicant_id.label("pid"), func.count().label("n")).where(
        *_case_range(s, period), visible).group_by(Case.applicant_id).subquery()
    top = [{"name": name, "uscc": uscc, "industry": ind, "cases": int(n)} for name, uscc, ind, n in s.execute(
        select(Party.name, Party.uscc, Party.industry, named.c.n)
        .join(named, named.c.pid == Party.id)
        .order_by(named.c.n.desc(), Party.name).limit(top_n))]
    enterprises = s.execute(select(func.count()).select_from(per_applicant)).scalar() or 0
    return {"cases_by_industry": dict(sorted(industry.items(), key=lambda kv: (-kv[1], kv[0]))),
            "top_enterprises": top, "totals": {"enterprises_assisted": int(enterprises)}}


def warning_figures(s: Session, period: StatsPeriod) -> dict[str, Any]:
    """Early-warning projects by kind and status; risks by severity, status and category; open flags."""
    from qcy_workstation.warning.models import WarningProject, WarningRisk

    def between(q, col):  # type: ignore[no-untyped-def]
        if period.date_from:
            q = q.where(col >= datetime.combine(period.date_from, datetime.min.time()))
        if period.date_to:
            q = q.where(col < datetime.combine(period.date_to + timedelta(days=1), datetime.min.time()))
        return q

    projects_by_kind: dict[str, int] = defaultdict(int)
    watched = 0
    for kind, is_watched, n in s.execute(between(select(WarningProject.kind, WarningProject.watched, func.count()),
                                                 WarningProject.created_at)
                                         .group_by(WarningProject.kind, WarningProject.watched)):
        projects_by_kind[kind] += n
        watched += n if is_watched else 0
    sev: dict[str, int] = defaultdict(int)
    st: dict[str, int] = defaultdict(int)
    cat: dict[str, int] = defaultdict(int)
    flagged = 0
    q = between(select(WarningRisk.severity, WarningRisk.status, WarningRisk.category,
                       func.sum(case((WarningRisk.flag != "", 1), else_=0)), func.count()),
                WarningRisk.first_seen_at).where(WarningRisk.active.is_(True))
    for severity, status, category, n_flag, n in s.execute(
            q.group_by(WarningRisk.severity, WarningRisk.status, WarningRisk.category)):
        sev[severity] += n
        st[status] += n
        cat[category] += n
        flagged += int(n_flag or 0)
    return {
        "projects_by_kind": _ordered(projects_by_kind, tuple(L.PROJECT_KINDS)),
        "projects": sum(projects_by_kind.values()),
        "watched_projects": watched,
        "risks_by_severity": _ordered(sev, ("high", "medium", "low")),
        "risks_by_status": _ordered(st, ("open", "accepted", "resolved")),
        "risks_by_category": _ordered(cat, ("patent", "trademark", "gi", "party")),
        "risks": sum(sev.values()),
        "flagged_risks": flagged,
    }


# ---------------------------------------------------------------- the dashboard


class StatsService:
    """Computes the dashboard for a period. Thread-safe (one read transaction per call)."""

    def __init__(self, store: Store, *, today: date | None = None) -> None:
        self.store = store
        self._today = today

    @property
    def today(self) -> date:
        return self._today or china_today()

    def dashboard(self, period: StatsPeriod | None = None, *, top_n: int = 10,
                  principal: Principal | None = None) -> Dashboard:
        """Every figure of the dashboard for ``period``, in one read transaction (a consistent snapshot).

        ``principal`` is who reads it: the named list of enterprises then leaves out confidential cases it
        may not see (they stay in every count; issue 14 item 3, "count without details"). None (and the
        head, and a store without accounts) names every enterprise.

        ``timings_ms`` has each section's time and ``total``. (Running the sections on two threads was
        measured: no gain, the remaining cost is Python holding the GIL.)"""
        period = period or StatsPeriod()
        timings: dict[str, float] = {}
        parts: dict[str, Any] = {}
        start = time.perf_counter()
        sections = (
            ("cases", "cases", case_figures, (period, self.today)),
            ("days", "working_days", working_day_figures, (period,)),
            ("outcomes", "outcomes", outcome_figures, (period,)),
            ("consult", "consultations", consultation_figures, (period, max(top_n, 15))),
            ("ent", "enterprises", enterprise_figures,
             (period, top_n, visible_clause(principal) if principal is not None else None)),
            ("warn", "warning", warning_figures, (period,)),
        )
        with self.store.read() as s:
            for key, name, fn, args in sections:
                t0 = time.perf_counter()
                parts[key] = fn(s, *args)
                timings[name] = round((time.perf_counter() - t0) * 1000, 1)
        c, k, e = parts["cases"], parts["consult"], parts["ent"]
        totals = {**c["totals"], **k["totals"], **e["totals"],
                  "warning_projects": parts["warn"]["projects"], "warning_risks": parts["warn"]["risks"]}
        timings["total"] = round((time.perf_counter() - start) * 1000, 1)
        return Dashboard(
            date_from=period.date_from, date_to=period.date_to, today=self.today, generated_at=utcnow(),
            totals=totals, cases_by_type=c["cases_by_type"], cases_by_status=c["cases_by_status"],
            cases_by_month=c["cases_by_month"], outcomes=parts["outcomes"],
            consultations_by_channel=k["consultations_by_channel"],
            consultations_by_ip_type=k["consultations_by_ip_type"],
            consultations_by_topic=k["consultations_by_topic"], consultations_by_month=k["consultations_by_month"],
            top_topics=k["top_topics"], working_days=parts["days"]["working_days"],
            compliance={**parts["days"]["compliance"], "pending_overdue": c["pending_overdue"]},
            cases_by_assistance=c["cases_by_assistance"], cases_by_industry=e["cases_by_industry"],
            top_enterprises=e["top_enterprises"], warning=parts["warn"], timings_ms=timings,
        )


# ---------------------------------------------------------------- tables for export and reports


def _counts_table(key: str, zh: str, en: str, head: tuple[str, str], counts: dict[str, int],
                  names: dict[str, tuple[str, str]] | None, lang: str, chart: bool = True) -> Table:
    total = sum(counts.values())
    rows = tuple((L.label(k, lang, names) if names else k, v, round(v / total, 4) if total else 0.0)
                 for k, v in counts.items())
    share = "占比" if lang == "zh" else "Share"
    count = "数量" if lang == "zh" else "Count"
    return Table(key, zh, en, (head[0] if lang == "zh" else head[1], count, share), rows, chart, (2,))


def dashboard_tables(d: Dashboard, lang: str = "zh") -> list[Table]:
    zh = lang == "zh"
    topic_names = {c["key"]: (c["zh"], c["en"]) for c in topic_categories()["categories"]}
    topic_names[topic_categories()["other"]["key"]] = (topic_categories()["other"]["zh"],
                                                       topic_categories()["other"]["en"])
    t: list[Table] = []
    summary_names = {
        "cases": ("案件数", "Cases"), "open_cases": ("在办案件", "Open cases"),
        "consultations": ("咨询数", "Consultations"),
        "consultations_linked_to_cases": ("转为案件的咨询", "Consultations linked to cases"),
        "enterprises_assisted": ("受援助企业数", "Enterprises assisted"),
        "warning_projects": ("预警项目", "Early-warning projects"), "warning_risks": ("预警风险", "Early-warning risks"),
    }
    t.append(Table("summary", "总体情况", "Summary", ("指标", "数值") if zh else ("Figure", "Value"),
                   tuple((summary_names.get(k, (k, k))[0 if zh else 1], v) for k, v in d.totals.items()), False))
    t.append(_counts_table("cases_by_type", "案件按知识产权类型", "Cases by IP type", ("类型", "IP type"),
                           d.cases_by_type, L.IP_TYPES, lang))
    t.append(_counts_table("cases_by_status", "案件按状态", "Cases by status", ("状态", "Status"),
                           d.cases_by_status, L.STATUSES, lang))
    t.append(_counts_table("cases_by_month", "案件按接收月份", "Cases by month received", ("月份", "Month"),
                           d.cases_by_month, None, lang))
    t.append(_counts_table("outcomes", "办理结果", "Outcomes", ("结果", "Outcome"), d.outcomes, L.OUTCOMES, lang))
    t.append(_counts_table("consultations_by_channel", "咨询按渠道", "Consultations by channel", ("渠道", "Channel"),
                           d.consultations_by_channel, L.CHANNELS, lang))
    t.append(_counts_table("consultations_by_ip_type", "咨询按知识产权类型", "Consultations by IP type",
                           ("类型", "IP type"), d.consultations_by_ip_type, L.IP_TYPES, lang))
    t.append(_counts_table("consultations_by_topic", "咨询按主题", "Consultations by topic", ("主题", "Topic"),
                           d.consultations_by_topic, topic_names, lang))
    t.append(_counts_table("consultations_by_month", "咨询按月份", "Consultations by month", ("月份", "Month"),
                           d.consultations_by_month, None, lang))
    t.append(Table("top_topics", "常见咨询事项", "Most frequent consultation topics",
                   ("咨询事项", "数量") if zh else ("Topic", "Count"), tuple(d.top_topics), False))
    wd_names = {"receipt_to_acceptance": ("接收至受理", "Receipt to acceptance"),
                "acceptance_to_opinion": ("受理至出具意见", "Acceptance to opinion")}
    t.append(Table("working_days", "办理时长（工作日）", "Processing time (working days)",
                   ("阶段", "案件数", "平均", "中位数", "最长") if zh else ("Stage", "Cases", "Average", "Median", "Max"),
                   tuple((wd_names[k][0 if zh else 1], v["cases"], v["average"], v["median"], v["max"])
                         for k, v in d.working_days.items()), False))
    comp = d.compliance
    t.append(Table("compliance", "期限遵守情况", "Deadline compliance",
                   ("环节", "按期", "逾期", "按期率") if zh else ("Step", "On time", "Late", "On-time rate"),
                   ((("受理" if zh else "Acceptance"), comp["acceptance"]["on_time"], comp["acceptance"]["late"],
                     comp["acceptance"]["on_time_rate"]),
                    (("出具意见" if zh else "Opinion"), comp["opinion"]["on_time"], comp["opinion"]["late"],
                     comp["opinion"]["on_time_rate"]),
                    (("当前逾期未受理" if zh else "Now overdue for acceptance"),
                     comp["pending_overdue"]["acceptance"], None, None),
                    (("当前逾期未出具意见" if zh else "Now overdue for opinion"),
                     comp["pending_overdue"]["opinion"], None, None)), False, (3,)))
    t.append(_counts_table("cases_by_assistance", "案件按援助事项", "Cases by kind of assistance",
                           ("援助事项", "Assistance"), d.cases_by_assistance, L.ASSISTANCE, lang))
    t.append(_counts_table("cases_by_industry", "援助按行业", "Assistance by industry", ("行业", "Industry"),
                           {(k or ("未注明" if zh else "not stated")): v for k, v in d.cases_by_industry.items()},
                           None, lang))
    t.append(Table("top_enterprises", "受援助最多的企业", "Enterprises assisted most",
                   ("企业", "统一社会信用代码", "行业", "案件数") if zh else ("Enterprise", "USCC", "Industry", "Cases"),
                   tuple((e["name"], e["uscc"] or "", e["industry"], e["cases"]) for e in d.top_enterprises), False))
    w = d.warning
    t.append(_counts_table("warning_projects_by_kind", "预警项目按类型", "Early-warning projects by kind",
                           ("类型", "Kind"), w["projects_by_kind"], L.PROJECT_KINDS, lang))
    t.append(_counts_table("warning_risks_by_severity", "预警风险按等级", "Early-warning risks by severity",
                           ("等级", "Severity"), w["risks_by_severity"], L.SEVERITIES, lang))
    t.append(_counts_table("warning_risks_by_status", "预警风险按处理状态", "Early-warning risks by status",
                           ("状态", "Status"), w["risks_by_status"], L.RISK_STATUSES, lang, chart=False))
    return t
