"""Stories: paper and files leave the workstation — a printed draft, a printed issued document, the
dashboard in Excel and the monthly report for the bureau. Each one is in the audit trail: who, when, what,
and for files the SHA-256 so a copy handed over can be matched later."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from qcy_workstation.cases.audit import AuditEntry, to_entry, verify_chain
from qcy_workstation.cases.demo import seed_demo
from qcy_workstation.cases.dto import NewCase, PartyInput, RightInput
from qcy_workstation.cases.models import AuditEvent
from qcy_workstation.cli import main
from qcy_workstation.documents.service import DocumentService
from qcy_workstation.errors import NotFoundError, ValidationError
from qcy_workstation.stats import StatsPeriod, StatsService
from qcy_workstation.stats.export import export_table_xlsx, export_tables_xlsx
from qcy_workstation.stats.report import build_report, export_report

TODAY = date(2026, 11, 20)


def _events(store, entity: str, action: str) -> list[tuple[AuditEntry, dict]]:  # type: ignore[no-untyped-def]
    with store.read() as s:
        rows = s.execute(select(AuditEvent).where(AuditEvent.entity == entity, AuditEvent.action == action)
                         .order_by(AuditEvent.id)).scalars().all()
        return [(to_entry(e), json.loads(e.details)) for e in rows]


@pytest.fixture
def case_number(cases) -> str:  # type: ignore[no-untyped-def]
    number = cases.create(NewCase(
        title="网店使用近似商标", ip_type="trademark", applicant=PartyInput("西安秦川食品有限公司", "91330100716105852F"),
        rights=(RightInput(kind="trademark", number="10145231", title="秦川", nice_classes="30"),))).number
    cases.transition(number, "accepted")  # an acceptance notice exists only for an accepted case
    return number


def test_printing_a_preview_and_an_issued_document_is_recorded(store, case_number) -> None:  # type: ignore[no-untyped-def]
    zhang, li = DocumentService(store, "张三"), DocumentService(store, "李四")
    zhang.record_print("acceptance-notice", case_number, lang="zh", pages=2)
    doc = zhang.draft("acceptance-notice", case_number)
    li.review(doc.id)
    issued = li.issue(doc.id)
    li.record_print("acceptance-notice", case_number, lang="zh", ref=issued.id, pages=1, preview=True)

    (first, d1), (second, d2) = _events(store, "document", "print")
    assert (first.actor, d1["kind"], d1["pages"], d1["status"], d1["lang"]) == \
        ("张三", "acceptance-notice", 2, "unregistered", "zh")
    assert first.entity_id == "（未登记，无文号）"
    assert (second.actor, second.entity_id, d2["status"], d2["version"], d2["preview"]) == \
        ("李四", issued.number, "issued", 1, True)
    assert first.case_id == second.case_id is not None
    with store.read() as s:
        assert verify_chain(s) == []


def test_a_print_record_of_something_that_does_not_exist_is_refused(store, case_number) -> None:  # type: ignore[no-untyped-def]
    docs = DocumentService(store, "张三")
    with pytest.raises(ValidationError) as kind:
        docs.record_print("love-letter", case_number, pages=1)
    assert kind.value.field == "kind"
    with pytest.raises(ValidationError) as pages:
        docs.record_print("acceptance-notice", case_number, pages=0)
    assert pages.value.field == "pages"
    with pytest.raises(NotFoundError):
        docs.record_print("acceptance-notice", "QCY-2026-99999", pages=1)
    with pytest.raises(NotFoundError):
        docs.record_print("acceptance-notice", case_number, ref=12345, pages=1)
    assert _events(store, "document", "print") == []


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory, open_test_store):  # type: ignore[no-untyped-def]
    store = open_test_store(tmp_path_factory.mktemp("gaps-exports"))
    path = store.url  # what --db takes
    seed_demo(store, cases=60, seed=7, today=TODAY)
    yield store, path
    store.close()


def test_dashboard_excel_exports_are_audited_with_their_hash(demo_store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store, _path = demo_store
    before = len(_events(store, "stats_export", "export"))
    period = StatsPeriod(date(2026, 1, 1), date(2026, 11, 20))
    dash = StatsService(store, today=TODAY).dashboard(period)
    whole = export_tables_xlsx(dash.tables("zh"), tmp_path / "看板.xlsx", store=store, actor="王主任",
                               period=(period.date_from, period.date_to))
    one = export_table_xlsx(dash.tables("en")[0], tmp_path / "one.xlsx", lang="en", store=store, actor="王主任",
                            period=(period.date_from, period.date_to))
    export_tables_xlsx(dash.tables("zh"), tmp_path / "unaudited.xlsx")  # no store: a plain file, as before
    events = _events(store, "stats_export", "export")[before:]
    assert len(events) == 2
    (e1, d1), (e2, d2) = events
    assert (e1.actor, e1.entity_id, d1["kind"], d1["file"], d1["period"]) == \
        ("王主任", "看板.xlsx", "xlsx", "看板.xlsx", ["2026-01-01", "2026-11-20"])
    assert d1["sha256"] == hashlib.sha256(whole.read_bytes()).hexdigest()
    assert len(d1["tables"]) == len(dash.tables("zh"))
    assert d2["sha256"] == hashlib.sha256(one.read_bytes()).hexdigest() and d2["lang"] == "en"


def test_monthly_and_annual_reports_are_audited_from_the_service_and_the_cli(demo_store, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                             capsys) -> None:
    store, path = demo_store
    before = len(_events(store, "stats_export", "export"))
    report = build_report(store, kind="monthly", year=2026, month=10, today=TODAY)
    pdf = export_report(report, tmp_path / "2026-10.pdf", store=store, actor="王主任")
    (event, details), = _events(store, "stats_export", "export")[before:]
    assert (event.actor, details["kind"], details["format"], details["period"], details["file"]) == \
        ("王主任", "monthly", "pdf", ["2026-10-01", "2026-10-31"], "2026-10.pdf")
    assert details["sha256"] == hashlib.sha256(pdf.read_bytes()).hexdigest()

    out = tmp_path / "2025.docx"
    assert main(["--db", str(path), "--staff", "李四", "stats", "report", "--year", "2025", "--out", str(out)]) == 0
    assert main(["--db", str(path), "--staff", "李四", "stats", "--xlsx", str(tmp_path / "cli.xlsx"),
                 "--from", "2026-01-01", "--to", "2026-06-30"]) == 0
    capsys.readouterr()
    (annual_event, annual), (xlsx_event, xlsx) = _events(store, "stats_export", "export")[before + 1:]
    assert (annual_event.actor, annual["kind"], annual["format"], annual["period"]) == \
        ("李四", "annual", "docx", ["2025-01-01", "2025-12-31"])
    assert annual["sha256"] == hashlib.sha256(out.read_bytes()).hexdigest()
    assert (xlsx_event.actor, xlsx["kind"], xlsx["period"]) == ("李四", "xlsx", ["2026-01-01", "2026-06-30"])
    with store.read() as s:
        assert verify_chain(s) == []
