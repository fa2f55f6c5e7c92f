"""Issue 13 item 1: a notice states the decision the case carries, with its recorded reason and date.

A clerk declines a request with a reason, then exports the notices; the files are read back."""

from __future__ import annotations

import io
import json
import re
from datetime import date

import pytest
from docx import Document
from pypdf import PdfReader

from qcy_workstation.cases.dto import NewCase, PartyInput
from qcy_workstation.cli import main
from qcy_workstation.documents.service import DocumentService
from qcy_workstation.errors import WorkflowError

REASON = "申请人未能提供涉案专利的有效权属证明，且被控侵权产品信息不明确。"


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture
def declined(cases) -> str:  # type: ignore[no-untyped-def]
    number = cases.create(NewCase(title="分拣设备专利纠纷", ip_type="patent",
                                  applicant=PartyInput("陕西秦岭智能装备有限公司"),
                                  received_on=date(2026, 11, 2))).number
    cases.transition(number, "declined", reason=REASON, on=date(2026, 11, 6))
    return number


def test_a_non_acceptance_notice_carries_the_recorded_reason_the_decision_date_and_reconsideration(
        store, declined) -> None:  # type: ignore[no-untyped-def]
    docs = DocumentService(store, "张三")
    pdf = _flat("\n".join(p.extract_text() for p in PdfReader(io.BytesIO(
        docs.export("non-acceptance-notice", declined, "pdf"))).pages))
    assert _flat(REASON) in pdf
    assert "未能提供明确的侵权对象" not in pdf  # no stock reason
    assert "2026年11月6日" in pdf and "决定不予受理" in pdf
    assert "复核" in pdf
    docx = "\n".join(p.text for p in Document(io.BytesIO(
        docs.export("non-acceptance-notice", declined, "docx", lang="en"))).paragraphs)
    assert "6 November 2026" in docx and "reconsider" in docx


def test_an_acceptance_notice_for_a_declined_case_is_refused_and_nothing_is_written(
        store, store_url, declined, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(WorkflowError) as caught:
        DocumentService(store, "张三").export("acceptance-notice", declined, "pdf")
    assert caught.value.reason == "document.notice_status"
    out = tmp_path / "notice.pdf"
    code = main(["export", "--db", store_url, "--json", "--case", declined, "--doc", "acceptance-notice",
                 "--out", str(out)])
    assert code == 1 and not out.exists()
    assert json.loads(capsys.readouterr().err)["reason"] == "document.notice_status"


def test_an_accepted_case_gets_its_acceptance_notice_dated_by_the_decision_and_no_refusal(
        store, cases) -> None:  # type: ignore[no-untyped-def]
    number = cases.create(NewCase(title="商标侵权", ip_type="trademark", applicant=PartyInput("西安秦川食品有限公司"),
                                  received_on=date(2026, 11, 2))).number
    cases.transition(number, "accepted", on=date(2026, 11, 4))
    docs = DocumentService(store, "张三")
    text = _flat("\n".join(p.extract_text() for p in PdfReader(io.BytesIO(
        docs.export("acceptance-notice", number, "pdf"))).pages))
    assert "2026年11月4日决定予以受理" in text
    with pytest.raises(WorkflowError):
        docs.export("non-acceptance-notice", number, "pdf")


def test_an_estimate_under_another_rights_law_is_refused_on_the_case_and_left_out_of_letters(
        store, cases) -> None:  # type: ignore[no-untyped-def]
    """Issue 13 item 2: a patent estimate on a trademark case would make its letter cite Patent Law Art. 71."""
    from decimal import Decimal

    from qcy_workstation.compensation import CompensationInput, Evidence
    from qcy_workstation.documents.builders import CaseData
    from qcy_workstation.errors import ValidationError

    number = cases.create(NewCase(title="商标侵权", ip_type="trademark",
                                  applicant=PartyInput("西安秦川食品有限公司"))).number
    docs = DocumentService(store, "张三")
    patent = CompensationInput(right_type="patent", infringement_date=date(2024, 5, 1),
                               actual_loss=Evidence.of(Decimal(500000), "high"))
    with pytest.raises(ValidationError) as caught:
        docs.save_estimate(number, patent)
    assert (caught.value.reason, caught.value.field) == ("estimate.wrong_law", "right_type")
    assert docs.current_estimate(number) is None
    saved = docs.save_estimate(number, CompensationInput(
        right_type="trademark", infringement_date=date(2024, 5, 1), actual_loss=Evidence.of(Decimal(500000), "high")))
    assert saved.total > 0
    letter = _flat("\n".join(p.extract_text() for p in PdfReader(io.BytesIO(
        docs.export("advice-letter", number, "pdf"))).pages))
    assert "商标法" in letter and "专利法第七十一条" not in letter
    # an estimate saved under the wrong law before this check existed is left out, not printed
    old = CaseData(number=number, ip_type="trademark", compensation={"right_type": "patent", "total": "1"})
    assert old.compensation is None


def test_the_workstation_sets_its_document_numbers_and_the_issued_copy_names_reviewer_and_issuer(
        store, cases) -> None:  # type: ignore[no-untyped-def]
    """Issue 13 item 9: a proper document number (format in settings); 审核人 and 签发人 on the issued version."""
    from qcy_workstation.cases.settings import SettingsService
    from qcy_workstation.errors import ValidationError

    admin = SettingsService(store, "管理员")
    for bad in ("秦创原维援〔{year}〕号", "{year}-{seq}-{case}", "{year"):
        with pytest.raises(ValidationError) as caught:
            admin.update(document_number_format=bad)
        assert caught.value.reason == "settings.number_format"
    admin.update(document_number_format="秦创原维援〔{year}〕{seq}号")
    number = cases.create(NewCase(title="商标侵权", ip_type="trademark",
                                  applicant=PartyInput("西安秦川食品有限公司"))).number
    cases.transition(number, "accepted")
    zhang, li, wang = (DocumentService(store, n) for n in ("张三", "李四", "王五"))
    first = zhang.draft("advice-letter", number)
    second = zhang.draft("acceptance-notice", number)
    year = date.today().year
    assert (first.number, second.number) == (f"秦创原维援〔{year}〕1号", f"秦创原维援〔{year}〕2号")  # one sequence
    li.review(first.id)
    issued = wang.issue(first.id)
    text = _flat("\n".join(p.extract_text() for p in PdfReader(io.BytesIO(wang.reprint(issued.number, "pdf"))).pages))
    assert f"秦创原维援〔{year}〕1号" in text and "审核人：李四" in text and "签发人：王五" in text
