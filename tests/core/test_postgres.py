"""The same services on PostgreSQL (the shared store planned for several desks).

Runs when ``QCY_TEST_PG_URL`` names an empty database, e.g.
``QCY_TEST_PG_URL=postgresql+psycopg://qcy:qcy@127.0.0.1/qcy_test`` (needs ``pip install -e .[postgres]``);
skipped otherwise. Checked by hand on PostgreSQL 15 on 2026-11-24.
"""

from __future__ import annotations

import os

import pytest

PG_URL = os.environ.get("QCY_TEST_PG_URL")
pytestmark = pytest.mark.skipif(not PG_URL, reason="QCY_TEST_PG_URL not set")


@pytest.fixture
def pg_store():  # type: ignore[no-untyped-def]
    from sqlalchemy import create_engine, text

    engine = create_engine(PG_URL)  # type: ignore[arg-type]
    with engine.begin() as conn:  # start from an empty schema
        conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    engine.dispose()
    from qcy_workstation.db.store import open_store

    store = open_store(PG_URL)
    yield store
    store.close()


def test_core_use_cases_on_postgresql(pg_store) -> None:  # type: ignore[no-untyped-def]
    from qcy_workstation.cases import audit
    from qcy_workstation.cases.demo import seed_demo
    from qcy_workstation.cases.dto import CaseFilter, NewCase, PartyInput
    from qcy_workstation.cases.services import CaseService

    seed_demo(pg_store, cases=120, seed=3)
    svc = CaseService(pg_store, "张三")
    d = svc.create(NewCase(title="周至猕猴桃冒用", ip_type="gi", applicant=PartyInput("周至县协会", "91330100716105852F")))
    assert svc.transition(d.number, "accepted").status == "accepted"
    assert d.number in {r.number for r in svc.search("猕猴桃")}
    assert svc.count() == 121
    assert len(svc.list(CaseFilter(deadline="overdue"), limit=5)) <= 5
    assert svc.conflict_check("周至县协会")[0].case_number == d.number
    with pg_store.read() as s:
        assert audit.verify_chain(s) == []
