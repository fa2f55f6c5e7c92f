"""The consultation log and the evidence store."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from qcy_workstation.cases.dto import ConsultationFilter, NewCase, NewConsultation, PartyInput
from qcy_workstation.cases.evidence import EvidenceService
from qcy_workstation.errors import IntegrityError, NotFoundError, ValidationError


def test_staff_logs_a_phone_consultation_and_turns_it_into_a_case(consultations, cases) -> None:  # type: ignore[no-untyped-def]
    c = consultations.add(NewConsultation(channel="phone", enquirer="王经理", organisation="西安秦韵茶业有限公司",
                                          topic="商标被抢注怎么办", summary="对方抢注“秦韵”", ip_type="trademark"))
    assert c.case_number is None
    assert consultations.count(ConsultationFilter(unlinked_only=True)) == 1
    d = consultations.convert_to_case(c.id, NewCase(title="“秦韵”商标抢注", ip_type="trademark",
                                                    applicant=PartyInput(c.organisation)))
    assert consultations.get(c.id).case_number == d.number
    assert consultations.count(ConsultationFilter(unlinked_only=True)) == 0
    assert [e.action for e in cases.timeline(d.number)] == ["create", "link"]


def test_consultation_validation_names_the_field(consultations) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as err:
        consultations.add(NewConsultation(channel="fax", enquirer="x", topic="y"))
    assert err.value.field == "channel"
    with pytest.raises(ValidationError) as err:
        consultations.add(NewConsultation(channel="phone", enquirer=" ", topic="y"))
    assert err.value.field == "enquirer"
    with pytest.raises(NotFoundError):
        consultations.add(NewConsultation(channel="phone", enquirer="x", topic="y", case_number="QCY-2026-00999"))
    assert consultations.count() == 0


def test_consultation_search_filters_and_autocomplete(consultations) -> None:  # type: ignore[no-untyped-def]
    consultations.add(NewConsultation(channel="walk-in", enquirer="刘女士", organisation="宝鸡精工", topic="专利无效宣告",
                                      summary="对方请求宣告其实用新型无效"))
    consultations.add(NewConsultation(channel="online", enquirer="刘先生", topic="保密协议", summary="竞业限制"))
    assert [c.enquirer for c in consultations.list(ConsultationFilter(text="无效"))] == ["刘女士"]
    assert [c.enquirer for c in consultations.list(ConsultationFilter(channel="online"))] == ["刘先生"]
    assert {s[0] for s in consultations.enquirer_suggestions("刘")} == {"刘女士", "刘先生"}


def test_evidence_is_copied_hashed_and_verified(store, cases, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    n = cases.create(NewCase(title="证据", ip_type="patent", applicant=PartyInput("某公司"))).number
    src = tmp_path / "公证书.pdf"
    src.write_bytes(b"%PDF-1.4 notarised purchase " * 1000)
    ev = EvidenceService(store, "张三").add(n, src, source="公证处")
    assert ev.sha256 == hashlib.sha256(src.read_bytes()).hexdigest()
    assert ev.size == src.stat().st_size
    stored = EvidenceService(store).open_path(ev.id)
    assert stored.read_bytes() == src.read_bytes()
    src.write_bytes(b"changed later")  # the original may change; the stored copy does not
    assert EvidenceService(store).verify(n) == []
    with pytest.raises(ValidationError, match="already attached"):
        EvidenceService(store).add(n, stored)
    os.chmod(stored, 0o644)
    stored.write_bytes(b"tampered")
    problems = EvidenceService(store).verify()
    assert [(p.original_name, p.problem) for p in problems] == [("公证书.pdf", "modified")]
    with pytest.raises(IntegrityError):
        EvidenceService(store).open_path(ev.id)


def test_cancelled_evidence_add_stores_nothing(store, cases, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from qcy_workstation.cases.evidence import Cancelled

    n = cases.create(NewCase(title="证据", ip_type="patent", applicant=PartyInput("某公司"))).number
    big = tmp_path / "video.bin"
    big.write_bytes(os.urandom(3 << 20))
    with pytest.raises(Cancelled):
        EvidenceService(store).add(n, big, progress=lambda done, total: done < (1 << 20))
    assert EvidenceService(store).list(n) == []
    root = EvidenceService(store).root
    assert [p for p in root.rglob("*") if p.is_file()] == []
