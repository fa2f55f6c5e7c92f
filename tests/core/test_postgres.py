"""The core use cases on PostgreSQL with a store of demo data (the shared store for several desks).

Runs with ``--store=postgresql`` (the whole suite does; this story seeds 120 demo cases first, which the
other stories do not): the demo seeder's bulk inserts with explicit ids move the id sequences on."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.postgresql_only


def test_core_use_cases_on_a_seeded_postgresql_store(store) -> None:  # type: ignore[no-untyped-def]
    from qcy_workstation.cases import audit
    from qcy_workstation.cases.demo import seed_demo
    from qcy_workstation.cases.dto import CaseFilter, NewCase, PartyInput
    from qcy_workstation.cases.services import CaseService

    assert store.engine.dialect.name == "postgresql"
    seed_demo(store, cases=120, seed=3)
    svc = CaseService(store, "张三")
    d = svc.create(NewCase(title="周至猕猴桃冒用", ip_type="gi", applicant=PartyInput("周至县协会", "91330100716105852F")))
    assert svc.transition(d.number, "accepted").status == "accepted"
    assert d.number in {r.number for r in svc.search("猕猴桃")}
    assert svc.count() == 121
    assert len(svc.list(CaseFilter(deadline="overdue"), limit=5)) <= 5
    assert svc.conflict_check("周至县协会")[0].case_number == d.number
    with store.read() as s:
        assert audit.verify_chain(s) == []
