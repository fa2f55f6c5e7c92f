"""Staff open cases, move them through the workflow, and find them again."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from qcy_workstation.cases.dto import CaseFilter, NewCase, PartyInput, RightInput
from qcy_workstation.cases.models import AuditEvent, Case
from qcy_workstation.cases.services import CaseService
from qcy_workstation.cases.workflow import STATUSES, TRANSITIONS
from qcy_workstation.errors import NotFoundError, ValidationError, WorkflowError

KIWI = NewCase(
    title="周至猕猴桃地理标志被冒用", ip_type="gi",
    applicant=PartyInput("周至县猕猴桃产业协会", "91330100716105852F"),
    opponent=PartyInput("咸阳某果业有限公司"),
    facts="对方在外包装上标注“周至猕猴桃”，产地却在外省。",
    rights=(RightInput(kind="gi", title="周至猕猴桃", gi_route="agricultural_gi", protected_area="陕西省西安市周至县"),),
    received_on=date(2026, 9, 28),
)


def test_intake_numbers_the_case_and_computes_the_acceptance_deadline(cases: CaseService) -> None:
    d = cases.create(KIWI)
    assert d.number == "QCY-2026-00001"
    assert d.status == "received"
    # 5 working days after 2026-09-28: Sep 29, 30, Oct 8, 9 and Saturday Oct 10, an adjusted working day
    # of the 2026 National Day schedule (Oct 1-7 off).
    assert d.acceptance_due == date(2026, 10, 10)
    second = cases.create(KIWI)
    assert second.number == "QCY-2026-00002"
    assert second.applicant.id == d.applicant.id  # same credit code: the same enterprise


def test_bad_credit_code_is_refused_and_nothing_is_written(cases: CaseService, store) -> None:  # type: ignore[no-untyped-def]
    bad = NewCase(title="x", ip_type="patent", applicant=PartyInput("某公司", "91610000220530069K"))
    with pytest.raises(ValidationError) as err:
        cases.create(bad)
    assert err.value.field == "applicant_uscc"
    with store.read() as s:
        assert s.execute(select(func.count(Case.id))).scalar() == 0
        assert s.execute(select(func.count(AuditEvent.id))).scalar() == 0


def test_bad_patent_number_names_the_right(cases: CaseService) -> None:
    bad = NewCase(title="专利", ip_type="patent", applicant=PartyInput("某公司"),
                  rights=(RightInput(kind="patent", number="202310123456.7"),))
    with pytest.raises(ValidationError) as err:
        cases.create(bad)
    assert err.value.field == "rights[0].number"


def test_workflow_through_to_closing_is_dated_and_attributed(cases: CaseService) -> None:
    n = cases.create(KIWI).number
    d = cases.transition(n, "accepted", on=date(2026, 9, 30))
    assert d.opinion_due == date(2026, 11, 3)  # 20 working days, National Day skipped
    cases.transition(n, "in_progress", on=date(2026, 10, 9))
    cases.transition(n, "opinion_issued", on=date(2026, 10, 20))
    d = cases.transition(n, "closed", on=date(2026, 10, 30))
    assert [t.to_status for t in d.transitions] == ["accepted", "in_progress", "opinion_issued", "closed"]
    assert all(t.by == "张三" for t in d.transitions)
    assert d.allowed_transitions == ("in_progress",)
    timeline = cases.timeline(n)
    assert [e.action for e in timeline] == ["create", "transition", "transition", "transition", "transition"]


def test_declining_needs_a_reason(cases: CaseService) -> None:
    n = cases.create(KIWI).number
    with pytest.raises(WorkflowError) as err:
        cases.transition(n, "declined")
    assert err.value.field == "reason"
    assert cases.transition(n, "declined", reason="不属于本地管辖").status == "declined"


def test_refused_transitions_explain_what_is_allowed(cases: CaseService) -> None:
    n = cases.create(KIWI).number
    with pytest.raises(WorkflowError, match="allowed: accepted, declined, withdrawn"):
        cases.transition(n, "closed")
    with pytest.raises(WorkflowError, match="unknown status"):
        cases.transition(n, "finished")
    with pytest.raises(NotFoundError):
        cases.transition("QCY-2026-99999", "accepted")


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(STATUSES), max_size=6))
def test_any_sequence_of_moves_follows_the_transition_table(tmp_path_factory, open_test_store,
                                                            moves: list[str]) -> None:  # type: ignore[no-untyped-def]
    store = open_test_store(tmp_path_factory.mktemp("wf"))
    svc = CaseService(store, "王五")
    n = svc.create(KIWI).number
    status = "received"
    for target in moves:
        allowed = target in TRANSITIONS[status]
        try:
            status = svc.transition(n, target, reason="原因").status
            assert allowed
        except WorkflowError:
            assert not allowed
    assert svc.get(n).status == status
    store.close()


def test_search_finds_two_character_and_single_character_chinese(cases: CaseService) -> None:
    n = cases.create(KIWI).number
    cases.create(NewCase(title="“秦韵”商标侵权", ip_type="trademark", applicant=PartyInput("西安秦韵茶业有限公司"),
                         rights=(RightInput(kind="trademark", title="秦韵", nice_classes="30"),)))
    assert [r.number for r in cases.search("猕猴")] == [n]
    assert [r.number for r in cases.search("猕猴桃")] == [n]
    assert [r.number for r in cases.search("桃")] == [n]  # a single character at the end of a word
    assert [r.title for r in cases.search("秦韵")] == ["“秦韵”商标侵权"]
    assert cases.search("苹果") == []
    assert [r.number for r in cases.search("咸阳某果业")] == [n]  # opponent name
    assert [r.number for r in cases.search(n)] == [n]  # case number
    assert [r.number for r in cases.search("獼猴")] == [n]  # traditional characters


def test_search_combines_with_filters(cases: CaseService) -> None:
    cases.create(KIWI)
    assert cases.search("猕猴", CaseFilter(ip_type="patent")) == []
    assert len(cases.search("猕猴", CaseFilter(ip_type="gi", status="received"))) == 1


def test_consultation_text_makes_its_case_findable(cases: CaseService, consultations) -> None:  # type: ignore[no-untyped-def]
    from qcy_workstation.cases.dto import NewConsultation

    n = cases.create(KIWI).number
    consultations.add(NewConsultation(channel="phone", enquirer="赵女士", topic="电商平台投诉流程",
                                      summary="询问向电商平台投诉的材料", case_number=n))
    assert [r.number for r in cases.search("电商平台")] == [n]


def test_conflict_check_sees_an_applicant_on_the_other_side(cases: CaseService) -> None:
    cases.create(KIWI)
    hits = cases.conflict_check("咸阳某果业股份有限公司", "周至猕猴桃产业协会")
    kinds = {(h.role_new, h.role_existing, h.kind) for h in hits}
    assert ("applicant", "opponent", "conflict") in kinds
    assert ("opponent", "applicant", "conflict") in kinds
    assert cases.conflict_check("宝鸡完全无关科技有限公司") == []


def test_overdue_and_due_soon(store) -> None:  # type: ignore[no-untyped-def]
    svc = CaseService(store, "张三", today=date(2026, 10, 14))
    late = svc.create(KIWI).number  # acceptance due 2026-10-10: overdue on the 14th
    soon = svc.create(NewCase(**{**KIWI.__dict__, "received_on": date(2026, 10, 12)})).number  # due 10-19
    assert [r.number for r in svc.list(CaseFilter(deadline="overdue"))] == [late]
    assert [r.number for r in svc.list(CaseFilter(deadline="due_soon"))] == [soon]
    assert svc.get(late).deadline_state == "overdue"


def test_case_list_pages_and_sorts(cases: CaseService) -> None:
    for i in range(7):
        cases.create(NewCase(**{**KIWI.__dict__, "title": f"案件{i}", "received_on": date(2026, 9, 1 + i)}))
    first = cases.list(limit=3)
    second = cases.list(offset=3, limit=3)
    assert [r.title for r in first] == ["案件6", "案件5", "案件4"]
    assert [r.title for r in second] == ["案件3", "案件2", "案件1"]
    assert [r.title for r in cases.list(limit=2, sort="received_on", descending=False)] == ["案件0", "案件1"]
    assert cases.count() == 7


def test_update_is_audited_with_old_and_new_values(cases: CaseService) -> None:
    n = cases.create(KIWI).number
    cases.update(n, priority="urgent", facts="补充：对方已在三个平台销售。")
    event = cases.timeline(n)[-1]
    assert event.action == "update"
    assert event.details["priority"] == ["normal", "urgent"]
    with pytest.raises(ValidationError) as err:
        cases.update(n, status="closed")
    assert err.value.field == "status"
