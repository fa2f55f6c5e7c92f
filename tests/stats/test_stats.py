"""Story: the workstation head prepares the monthly figures. Cases and consultations are entered through
the real services; every figure of ``stats`` must equal a count made here by hand over what was entered."""

from __future__ import annotations

import json
import random
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from cli_runner import run_cli

from qcy_workstation.cases.consultations import ConsultationService
from qcy_workstation.cases.deadlines import working_days_between
from qcy_workstation.cases.dto import NewCase, NewConsultation, PartyInput
from qcy_workstation.cases.services import CaseService
from qcy_workstation.cases.validation import make_uscc
from qcy_workstation.stats import StatsPeriod, StatsService, WorkdayIndex

TODAY = date(2026, 11, 20)
TYPES = ("trademark", "patent", "gi", "trade-secret")
CHANNELS = ("walk-in", "phone", "online", "letter")
TOPICS = ("商标侵权投诉途径", "保密协议如何签订", "专利无效宣告程序", "地理标志专用标志使用申请", "商标近似如何判断",
          "其他问题")
# Paths through the workflow: (status, [(target, days after the previous step)])
PATHS = {
    "received": [],
    "accepted": [("accepted", 3)],
    "in_progress": [("accepted", 2), ("in_progress", 1)],
    "opinion_issued": [("accepted", 6), ("in_progress", 1), ("opinion_issued", 25)],
    "closed": [("accepted", 1), ("in_progress", 2), ("opinion_issued", 40), ("closed", 5)],
    "declined": [("declined", 4)],
    "withdrawn": [("accepted", 2), ("withdrawn", 3)],
}
ENTERPRISES = [("西安秦川科技有限公司", "信息技术"), ("咸阳丝路食品有限公司", "食品加工"), ("宝鸡华光电子有限公司", "电子信息"),
               ("杨凌博睿农业科技有限公司", "现代农业"), ("渭南汉唐新材料有限公司", "新材料")]


def _uscc(i: int) -> str:
    return make_uscc("91", "610131", f"{'ABCDEFGH'[i]}{i:07d}")


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory, open_test_store):  # type: ignore[no-untyped-def]
    """40 cases and 60 consultations over 2025-2026, plus the same facts kept as plain records."""
    store = open_test_store(tmp_path_factory.mktemp("stats"))
    cases = CaseService(store, actor="张三", today=TODAY)
    consult = ConsultationService(store, actor="李四")
    rng = random.Random(7)
    records = []
    for i in range(40):
        received = date(2025, 9, 1) + timedelta(days=rng.randrange(0, 420))
        ip_type = TYPES[i % 4] if i % 5 else "trademark"
        status = list(PATHS)[i % len(PATHS)]
        ent, industry = ENTERPRISES[i % 3 if i % 2 else i % 5]
        applicant = PartyInput(name=ent, uscc=_uscc(ENTERPRISES.index((ent, industry))), industry=industry)
        opponent = PartyInput(name=f"某侵权公司{i}") if i % 4 else None
        detail = cases.create(NewCase(title=f"案件{i}", ip_type=ip_type, applicant=applicant, opponent=opponent,
                                      received_on=received,
                                      assistance=("infringement-opinion",) if i % 3 else ("dispute-route",)))
        day = received
        steps = []
        for target, gap in PATHS[status]:
            day = min(day + timedelta(days=gap), TODAY)
            detail = cases.transition(detail.number, target, on=day,
                                      reason="材料不全" if target == "declined" else None)
            steps.append((target, day))
        records.append({"type": ip_type, "status": status, "received": received, "steps": steps,
                        "enterprise": ent, "industry": industry, "accepted": detail.accepted_on,
                        "acceptance_due": detail.acceptance_due, "opinion": detail.opinion_on,
                        "opinion_due": detail.opinion_due, "assistance": detail.assistance})
    consultations = []
    for i in range(60):
        at = datetime(2025, 10, 1, 9) + timedelta(days=rng.randrange(0, 400), minutes=rng.randrange(0, 500))
        rec = {"channel": CHANNELS[rng.randrange(4)], "ip_type": rng.choice(TYPES + ("",)),
               "topic": rng.choice(TOPICS), "at": at}
        consult.add(NewConsultation(channel=rec["channel"], enquirer=f"咨询人{i}", topic=rec["topic"],
                                    ip_type=rec["ip_type"], at=at))
        consultations.append(rec)
    yield store, records, consultations
    store.close()


def _in(day: date, period: StatsPeriod) -> bool:
    return (period.date_from is None or day >= period.date_from) and (period.date_to is None or day <= period.date_to)


PERIODS = [StatsPeriod(), StatsPeriod(date(2026, 1, 1), date(2026, 6, 30)), StatsPeriod.month(2026, 3)]


@pytest.mark.parametrize("period", PERIODS, ids=["all", "first-half-2026", "march-2026"])
def test_figures_equal_hand_counts(seeded, period: StatsPeriod) -> None:  # type: ignore[no-untyped-def]
    store, records, consultations = seeded
    d = StatsService(store, today=TODAY).dashboard(period)
    mine = [r for r in records if _in(r["received"], period)]

    assert {k: v for k, v in d.cases_by_type.items() if v} == dict(Counter(r["type"] for r in mine))
    assert {k: v for k, v in d.cases_by_status.items() if v} == dict(Counter(r["status"] for r in mine))
    assert d.cases_by_month == dict(sorted(Counter(f"{r['received']:%Y-%m}" for r in mine).items()))
    assert d.totals["cases"] == len(mine)

    outcomes = Counter(t for r in records for t, day in r["steps"]
                       if t in ("opinion_issued", "closed", "declined", "withdrawn") and _in(day, period))
    assert {k: v for k, v in d.outcomes.items() if v} == dict(outcomes)

    acc = [working_days_between(r["received"], r["accepted"]) for r in mine if r["accepted"]]
    opi = [working_days_between(r["accepted"], r["opinion"]) for r in mine if r["opinion"]]
    assert d.working_days["receipt_to_acceptance"]["cases"] == len(acc)
    if acc:
        assert d.working_days["receipt_to_acceptance"]["average"] == round(sum(acc) / len(acc), 2)
        assert d.working_days["receipt_to_acceptance"]["max"] == max(acc)
    if opi:
        assert d.working_days["acceptance_to_opinion"]["average"] == round(sum(opi) / len(opi), 2)

    on_time = sum(1 for r in mine if r["accepted"] and r["accepted"] <= r["acceptance_due"])
    late = sum(1 for r in mine if r["accepted"] and r["accepted"] > r["acceptance_due"])
    assert (d.compliance["acceptance"]["on_time"], d.compliance["acceptance"]["late"]) == (on_time, late)
    op_ok = sum(1 for r in mine if r["opinion"] and r["opinion"] <= r["opinion_due"])
    op_late = sum(1 for r in mine if r["opinion"] and r["opinion"] > r["opinion_due"])
    assert (d.compliance["opinion"]["on_time"], d.compliance["opinion"]["late"]) == (op_ok, op_late)
    pend = sum(1 for r in mine if r["status"] == "received" and r["acceptance_due"] < TODAY)
    assert d.compliance["pending_overdue"]["acceptance"] == pend

    assert {k: v for k, v in d.cases_by_industry.items() if v} == dict(Counter(r["industry"] for r in mine))
    top = Counter(r["enterprise"] for r in mine).most_common()
    assert [(e["name"], e["cases"]) for e in d.top_enterprises] == sorted(top, key=lambda kv: (-kv[1], kv[0]))[:10]
    assert d.cases_by_assistance["dispute-route"] == sum("dispute-route" in r["assistance"] for r in mine)

    cmine = [c for c in consultations if _in(c["at"].date(), period)]
    assert {k: v for k, v in d.consultations_by_channel.items() if v} == dict(Counter(c["channel"] for c in cmine))
    assert {k: v for k, v in d.consultations_by_ip_type.items() if v} == dict(Counter(c["ip_type"] for c in cmine))
    assert d.consultations_by_month == dict(sorted(Counter(f"{c['at']:%Y-%m}" for c in cmine).items()))
    assert sum(d.consultations_by_topic.values()) == len(cmine)
    assert d.consultations_by_topic["other"] == sum(c["topic"] == "其他问题" for c in cmine)
    assert d.consultations_by_topic["trade_secret"] == sum(c["topic"] == "保密协议如何签订" for c in cmine)
    assert dict(d.top_topics) == dict(Counter(c["topic"] for c in cmine))


def test_workday_index_agrees_with_the_deadline_calendar() -> None:
    index = WorkdayIndex(date(2025, 9, 20), date(2026, 2, 28))  # spans National Day and the Spring Festival
    days = [date(2025, 9, 20) + timedelta(days=i) for i in range(0, 160, 3)]
    for a in days:
        for b in days[::4]:
            assert index.between(a, b) == working_days_between(a, b), (a, b)


def test_bad_period_is_refused_with_the_field_named() -> None:
    from qcy_workstation.errors import ValidationError

    with pytest.raises(ValidationError) as err:
        StatsPeriod.parse("2026-06-01", "2026-01-01")
    assert err.value.field == "from"
    with pytest.raises(ValidationError):
        StatsPeriod.parse("2026-02-30", None)


def test_cli_stats_json_has_the_contract_keys(seeded, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store, records, consultations = seeded
    out = run_cli(["--db", store.url, "stats",
                          "--from", "2026-01-01", "--to", "2026-12-31", "--json"],
                         capture_output=True, text=True, check=True, timeout=60)
    data = json.loads(out.stdout)
    mine = [r for r in records if r["received"] >= date(2026, 1, 1)]
    assert {k: v for k, v in data["cases_by_type"].items() if v} == dict(Counter(r["type"] for r in mine))
    assert {k: v for k, v in data["cases_by_status"].items() if v} == dict(Counter(r["status"] for r in mine))
    cmine = [c for c in consultations if c["at"].year == 2026]
    assert {k: v for k, v in data["consultations_by_channel"].items() if v} == dict(Counter(c["channel"] for c in cmine))
    bad = run_cli(["--db", store.url, "stats",
                          "--from", "2026-13-01", "--json"], capture_output=True, text=True, timeout=60)
    assert bad.returncode == 1 and json.loads(bad.stderr)["field"] == "from"


def test_early_warning_figures_count_projects_and_risks(seeded) -> None:  # type: ignore[no-untyped-def]
    from qcy_workstation.warning.dto import NewProject
    from qcy_workstation.warning.service import WarningService

    store, _records, _consultations = seeded
    svc = WarningService(store, actor="王静", today=TODAY)
    a = svc.add(NewProject(title="出口项目", enterprise="西安新创科技有限公司", kind="trade",
                           counterparties=("某侵权公司1", "某侵权公司2")))
    svc.add(NewProject(title="研发项目", enterprise="西安新创科技有限公司", kind="rd", technology="一种存证系统",
                       watched=False))
    risks = svc.screen(a.number).risks
    d = StatsService(store, today=TODAY).dashboard()
    w = d.warning
    assert w["projects"] == 2 and w["projects_by_kind"]["trade"] == 1 and w["projects_by_kind"]["rd"] == 1
    assert w["watched_projects"] == 1
    assert w["risks"] == len(risks) > 0
    assert w["risks_by_severity"] == {s: sum(r.severity == s for r in risks) for s in ("high", "medium", "low")}
    assert w["risks_by_category"]["party"] == len(risks) and w["flagged_risks"] == len(risks)
    assert d.totals["warning_projects"] == 2


def test_chart_axes_of_counts_are_whole_numbers() -> None:
    from qcy_workstation.stats.charts import axis_ticks

    assert axis_ticks([1, 2]) == (4, ["0", "1", "2", "3", "4"])
    assert axis_ticks([3, 17, 9]) == (20, ["0", "5", "10", "15", "20"])
    vmax, labels = axis_ticks([0.5, 1.25])  # shares and amounts keep their fractions
    assert labels[-1] == f"{vmax:g}" and any("." in t for t in labels)
