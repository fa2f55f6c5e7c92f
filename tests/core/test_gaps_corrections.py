"""Stories: staff correct what was logged wrong or has changed since — a consultation's details and its link
to a case, the applicant's address and phone, a right recorded by mistake. Every correction keeps the old and
the new value in the audit trail and the search finds the new text."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from sqlalchemy import select

from qcy_workstation.cases.audit import verify_chain
from qcy_workstation.cases.consultations import ConsultationService
from qcy_workstation.cases.dto import ConsultationFilter, NewCase, NewConsultation, PartyInput, RightInput
from qcy_workstation.cases.models import AuditEvent
from qcy_workstation.errors import NotFoundError, ValidationError

USCC = "91330100716105852F"
USCC_2 = "9144030071526726XG"


def _events(store, entity: str, action: str | None = None) -> list[dict]:  # type: ignore[no-untyped-def]
    with store.read() as s:
        q = select(AuditEvent).where(AuditEvent.entity == entity).order_by(AuditEvent.id)
        if action:
            q = q.where(AuditEvent.action == action)
        return [json.loads(e.details) | {"_actor": e.actor, "_case_id": e.case_id}
                for e in s.execute(q).scalars()]


def _case(cases, title: str, applicant: PartyInput, opponent: PartyInput | None = None):  # type: ignore[no-untyped-def]
    return cases.create(NewCase(title=title, ip_type="trademark", applicant=applicant, opponent=opponent,
                                rights=(RightInput(kind="trademark", number="10145231", title="秦川",
                                                   nice_classes="30"),
                                        RightInput(kind="trademark", number="20231234", title="秦川牌",
                                                   nice_classes="30"))))


def test_a_consultation_logged_with_typos_is_corrected_and_found_by_its_new_words(store, consultations) -> None:  # type: ignore[no-untyped-def]
    c = consultations.add(NewConsultation(channel="phone", enquirer="王经里", topic="商标续展",
                                          phone="13800000000", at=datetime(2026, 11, 20, 9, 30)))
    fixed = consultations.update(c.id, enquirer="王经理", channel="walk-in", organisation=" 西安秦川食品有限公司 ",
                                 advice="建议在宽展期内提交续展申请", follow_up_on=date(2026, 11, 27))
    assert (fixed.enquirer, fixed.channel, fixed.organisation, fixed.follow_up_on) == \
        ("王经理", "walk-in", "西安秦川食品有限公司", date(2026, 11, 27))
    again = ConsultationService(store).get(c.id)
    assert again.advice == "建议在宽展期内提交续展申请" and again.topic == "商标续展"

    [event] = _events(store, "consultation", "update")
    assert event["enquirer"] == ["王经里", "王经理"]
    assert event["channel"] == ["phone", "walk-in"]
    assert event["follow_up_on"] == [None, "2026-11-27"]
    assert event["_actor"] == "李四"
    assert "topic" not in event  # unchanged fields are not recorded
    # the search index follows the correction
    assert [v.id for v in consultations.list(ConsultationFilter(text="宽展期"))] == [c.id]
    assert consultations.list(ConsultationFilter(text="王经里")) == []
    # nothing changed: no event
    consultations.update(c.id, enquirer="王经理")
    assert len(_events(store, "consultation", "update")) == 1
    with store.read() as s:
        assert verify_chain(s) == []


def test_a_correction_is_validated_like_a_new_consultation(consultations) -> None:  # type: ignore[no-untyped-def]
    c = consultations.add(NewConsultation(channel="phone", enquirer="赵先生", topic="专利侵权",
                                          at=datetime(2026, 11, 20, 9, 30)))
    with pytest.raises(ValidationError) as bad_phone:
        consultations.update(c.id, phone="12")
    assert bad_phone.value.field == "phone"
    with pytest.raises(ValidationError) as empty_topic:
        consultations.update(c.id, topic="  ")
    assert empty_topic.value.field == "topic"
    with pytest.raises(ValidationError) as early:
        consultations.update(c.id, follow_up_on=date(2026, 11, 1))
    assert early.value.field == "follow_up_on"
    with pytest.raises(ValidationError) as not_here:
        consultations.update(c.id, case_number="QCY-2026-00001")
    assert not_here.value.field == "case_number"
    with pytest.raises(NotFoundError):
        consultations.update(9999, topic="x")
    assert consultations.get(c.id).topic == "专利侵权"


def test_linked_consultation_correction_reindexes_its_case_and_can_be_unlinked(store, cases, consultations) -> None:  # type: ignore[no-untyped-def]
    case = _case(cases, "网店使用近似商标", PartyInput("西安秦川食品有限公司", USCC))
    c = consultations.add(NewConsultation(channel="phone", enquirer="王经理", topic="网店侵权"))
    linked = consultations.link(c.id, case.number.lower())
    assert linked.case_number == case.number
    consultations.update(c.id, summary="对方在拼多多开设猕猴桃专营店")
    assert [r.number for r in cases.search("拼多多")] == [case.number]

    unlinked = consultations.unlink(c.id)
    assert unlinked.case_number is None
    assert consultations.get(c.id).case_number is None
    assert cases.search("拼多多") == []  # the case's search text no longer holds the consultation
    [event] = _events(store, "consultation", "unlink")
    assert event["case"] == case.number and event["_case_id"] == case.id
    with pytest.raises(ValidationError):
        consultations.unlink(c.id)  # nothing to unlink
    with pytest.raises(NotFoundError) as missing:
        consultations.link(c.id, "QCY-2026-99999")
    assert missing.value.field == "case"


def test_applicant_details_are_corrected_for_every_case_of_that_enterprise(store, cases) -> None:  # type: ignore[no-untyped-def]
    first = _case(cases, "网店使用近似商标", PartyInput("西安秦川食品有限公司", USCC, phone="029-88886666"),
                  PartyInput("咸阳某商贸有限公司"))
    second = _case(cases, "展会上的仿冒包装", PartyInput("西安秦川食品有限公司", USCC))
    assert cases.party_case_count(first.number, "applicant") == 2
    assert cases.party_case_count(first.number, "opponent") == 1

    detail = cases.update_party(first.number, "applicant", PartyInput(
        "西安秦川食品有限公司", USCC, address="西安市高新区锦业路1号", contact="王经理", phone="029-88887777",
        email="legal@qinchuan.example.cn", industry="食品制造", settled=True))
    assert detail.applicant.address == "西安市高新区锦业路1号" and detail.applicant.settled
    other = cases.get(second.number).applicant
    assert (other.phone, other.email, other.industry) == ("029-88887777", "legal@qinchuan.example.cn", "食品制造")

    [event] = _events(store, "party", "update")
    assert event["phone"] == ["029-88886666", "029-88887777"]
    assert event["address"] == ["", "西安市高新区锦业路1号"]
    assert event["settled"] == [False, True]
    assert event["also_in"] == [second.number] and event["role"] == "applicant"
    assert event["_case_id"] == first.id and event["_actor"] == "张三"
    assert any(e.entity == "party" for e in cases.timeline(first.number))

    # the opponent's credit code, found later; both cases' search text follows a renamed enterprise
    cases.update_party(first.number, "opponent", PartyInput("咸阳某商贸有限公司", USCC_2.lower()))
    assert cases.get(first.number).opponent.uscc == USCC_2
    cases.update_party(second.number, "applicant", PartyInput("陕西秦川食品集团有限公司", USCC))
    assert {r.number for r in cases.search("秦川食品集团")} == {first.number, second.number}


def test_bad_party_details_are_refused_and_nothing_changes(store, cases) -> None:  # type: ignore[no-untyped-def]
    first = _case(cases, "网店使用近似商标", PartyInput("西安秦川食品有限公司", USCC))
    _case(cases, "展会上的仿冒包装", PartyInput("西安星河新材料有限公司", USCC_2))
    with pytest.raises(ValidationError) as bad_code:
        cases.update_party(first.number, "applicant", PartyInput("西安秦川食品有限公司", "91610000220530069K"))
    assert bad_code.value.field == "applicant_uscc"
    with pytest.raises(ValidationError) as taken:
        cases.update_party(first.number, "applicant", PartyInput("西安秦川食品有限公司", USCC_2))
    assert taken.value.field == "applicant_uscc"
    with pytest.raises(ValidationError) as bad_mail:
        cases.update_party(first.number, "applicant", PartyInput("西安秦川食品有限公司", USCC, email="not-mail"))
    assert bad_mail.value.field == "applicant_email"
    with pytest.raises(NotFoundError):
        cases.update_party(first.number, "opponent", PartyInput("某公司"))  # the case has no opponent
    with pytest.raises(ValidationError):
        cases.update_party(first.number, "witness", PartyInput("某公司"))
    assert cases.get(first.number).applicant.uscc == USCC
    assert _events(store, "party") == []


def test_a_right_recorded_by_mistake_is_removed(store, cases) -> None:  # type: ignore[no-untyped-def]
    case = _case(cases, "网店使用近似商标", PartyInput("西安秦川食品有限公司", USCC))
    wrong = next(r for r in case.rights if r.number == "20231234")
    after = cases.remove_right(case.number, wrong.id)
    assert [r.number for r in after.rights] == ["10145231"]
    assert cases.search("20231234") == []
    [event] = _events(store, "right", "remove")
    assert event["number"] == "20231234"
