"""On a real store: staff draft, review and issue documents for a case; issued documents are frozen,
reprints return the same bytes, and every export is in the audit trail."""

from __future__ import annotations

import hashlib
import io
import json
from datetime import date
from decimal import Decimal

import pytest
from docx import Document
from pypdf import PdfReader
from sqlalchemy import select, text

from qcy_workstation.cases.dto import NewCase, NewConsultation, PartyInput, RightInput
from qcy_workstation.cases.models import AuditEvent
from qcy_workstation.cases.settings import SettingsService
from qcy_workstation.cli import main
from qcy_workstation.compensation import CompensationInput, Evidence
from qcy_workstation.documents.service import DocumentService
from qcy_workstation.errors import IntegrityError, PermissionDeniedError, WorkflowError

PATENT_CASE = NewCase(
    title="猕猴桃分拣装置专利侵权", ip_type="patent",
    applicant=PartyInput("陕西秦岭智能装备有限公司", "91330100716105852F"),
    opponent=PartyInput("西安渭水机械制造有限公司"),
    facts="被申请人在展会上销售与涉案专利技术方案相同的分拣设备。",
    rights=(RightInput(kind="patent", number="202010566088.9", title="一种猕猴桃自动分拣装置"),),
    received_on=date(2026, 11, 2),
)


def _text(pdf: bytes) -> str:
    return "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).replace(" ", "").replace("\n", "")


@pytest.fixture
def patent_case(cases, consultations) -> str:  # type: ignore[no-untyped-def]
    number = cases.create(PATENT_CASE).number
    cases.transition(number, "accepted")  # accepted, so its acceptance notice exists
    consultations.add(NewConsultation(channel="walk-in", enquirer="王经理", topic="专利侵权判断",
                                      summary="询问对方设备是否侵权", advice="建议固定证据", case_number=number))
    return number


def test_advice_letter_uses_the_case_settings_and_saved_estimate(store, patent_case) -> None:  # type: ignore[no-untyped-def]
    SettingsService(store, "管理员").update(workstation_name="秦创原（西安高新）知识产权维权援助工作站")
    docs = DocumentService(store, "张三")
    est = docs.save_estimate(patent_case, CompensationInput(
        right_type="patent", infringement_date=date(2024, 5, 1), infringer_profit=Evidence.of(800000, "high"),
        punitive_multiple=Decimal(2), intent_circumstances=("continued_after_notice",),
        seriousness_circumstances=("huge_profit_or_loss",)))
    assert est.total == Decimal(2400000)
    again = docs.current_estimate_input(patent_case)  # the calculator page reopens the saved input
    assert again is not None and again.punitive_multiple == Decimal(2)
    assert again.infringer_profit == Evidence.of(800000, "high")
    pdf = docs.export("advice-letter", patent_case, "pdf")
    flat = _text(pdf)
    for needle in (patent_case, "陕西秦岭智能装备有限公司", "西安渭水机械制造有限公司", "秦创原（西安高新）知识产权维权援助工作站",
                   "2,400,000.00", "贰佰肆拾万元整", "ZL202010566088.9".removeprefix("ZL")):
        assert needle in flat, needle
    record = docs.export("consultation-record", patent_case, "docx")
    cells = [c.text for t in Document(io.BytesIO(record)).tables for r in t.rows for c in r.cells]
    assert "王经理" in cells and "建议固定证据" in cells


def test_review_and_issue_need_other_staff_and_issued_documents_are_frozen(store, patent_case, tmp_path) -> None:  # type: ignore[no-untyped-def]
    zhang, li, wang = (DocumentService(store, n) for n in ("张三", "李四", "王五"))
    draft = zhang.draft("advice-letter", patent_case, options={"advice": ["建议先行发送警告函。"]})
    assert draft.status == "drafted" and draft.number.startswith("QCY-YJ-")
    with pytest.raises(PermissionDeniedError):
        zhang.review(draft.number)
    with pytest.raises(WorkflowError):
        li.issue(draft.number)  # not reviewed yet
    li.review(draft.number)
    with pytest.raises(PermissionDeniedError):
        zhang.issue(draft.number)
    issued = wang.issue(draft.number, issue_date=date(2026, 11, 24))
    assert issued.status == "issued" and set(issued.files) == {"pdf", "docx"}

    first = wang.reprint(issued.number, "pdf", out=tmp_path / "a.pdf")
    second = li.reprint(issued.id, "pdf")
    assert first == second == (tmp_path / "a.pdf").read_bytes()
    assert hashlib.sha256(first).hexdigest() == issued.files["pdf"]
    assert "建议先行发送警告函" in _text(first) and "2026年11月24日" in _text(first)
    # the case changes later: the issued document does not
    from qcy_workstation.cases.services import CaseService
    CaseService(store, "张三").update(patent_case, facts="补充事实：对方已停止销售。")
    assert zhang.export("advice-letter", patent_case, "pdf") == first
    with pytest.raises(WorkflowError):
        zhang.update_draft(issued.number, {"advice": ["改"]})
    v2 = zhang.new_version(issued.number)
    assert (v2.number, v2.version, v2.status) == (issued.number, 2, "drafted")
    draft_pdf = zhang.export_draft(v2.id, "pdf")
    assert "草稿" in _text(draft_pdf) and "对方已停止销售" in _text(draft_pdf)

    with store.read() as s:
        exports = [json.loads(e.details) for e in
                   s.execute(select(AuditEvent).where(AuditEvent.action == "export")).scalars()]
    assert len(exports) == 4  # two reprints, the export that reprinted, the draft preview
    assert all(e["format"] == "pdf" for e in exports)
    assert [e.get("reprint", False) for e in exports] == [True, True, True, False]


def test_a_tampered_issued_file_is_refused(store, patent_case) -> None:  # type: ignore[no-untyped-def]
    zhang, li = DocumentService(store, "张三"), DocumentService(store, "李四")
    doc = zhang.draft("acceptance-notice", patent_case)
    li.review(doc.id)
    issued = li.issue(doc.id)
    path = li.blob_path(issued.files["docx"])
    path.chmod(0o644)
    path.write_bytes(b"changed")
    with pytest.raises(IntegrityError):
        li.reprint(issued.number, "docx")
    # store check finds it too, naming the document (issue 13 item 9)
    assert li.verify_issued() == [{"document": issued.number, "version": "1", "format": "docx",
                                   "problem": "modified"}]
    db = store.url
    assert main(["store", "--db", db, "check"]) == 1


def test_saved_precheck_results_appear_in_the_reference_opinion(store, patent_case) -> None:  # type: ignore[no-untyped-def]
    from qcy_workstation.precheck.models import PrecheckResult  # the pre-check feature's table

    result = {"kind": "patent", "claim": 1, "verdict": "likely", "verdict_zh": "可能落入保护范围",
              "reason_zh": "全部特征相同。", "elements": [{"index": 1, "element": "输送带", "status": "covered",
                                                     "evidence": "设有输送带", "note": ""}]}
    with store.write() as s:
        case_id = s.execute(text("SELECT id FROM cases WHERE number = :n"), {"n": patent_case}).scalar()
        s.add(PrecheckResult(case_id=case_id, kind="patent", inputs_json="{}", engine_version="precheck-1.0.0",
                             result_json=json.dumps(result, ensure_ascii=False)))
        s.add(PrecheckResult(case_id=case_id, kind="screen_trademark", inputs_json="{}", engine_version="x",
                             result_json=json.dumps({"kind": "screen_trademark", "hits": []})))
    docs = DocumentService(store, "张三")
    prechecks = docs.case_data(patent_case).prechecks
    assert [p["kind"] for p in prechecks] == ["patent"]  # screenings are not pre-checks of the case
    flat = _text(docs.export("reference-opinion", patent_case, "pdf"))
    assert "技术特征" in flat and "设有输送带" in flat


def test_cli_export_single_batch_and_register(store_url, store, patent_case, cases, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    other = cases.create(PATENT_CASE).number
    cases.transition(other, "accepted")
    db = ["--db", store_url]
    out = tmp_path / "letter.pdf"
    assert main(["export", *db, "--case", patent_case, "--doc", "advice-letter", "--out", str(out)]) == 0
    assert patent_case in _text(out.read_bytes())
    assert main(["export", *db, "--cases", f"{patent_case},{other}", "--doc", "acceptance-notice", "--format",
                 "docx", "--lang", "en", "--out-dir", str(tmp_path / "batch"), "--json"]) == 0
    assert sorted(p.name for p in (tmp_path / "batch").iterdir()) == sorted(
        f"{n}_acceptance-notice.en.docx" for n in (patent_case, other))
    assert main(["export", *db, "--all-status", "accepted", "--doc", "guidance", "--topic", "customs",
                 "--out-dir", str(tmp_path / "all")]) == 0
    assert len(list((tmp_path / "all").iterdir())) == 2
    assert main(["export", *db, "--doc", "guidance", "--topic", "evidence", "--out", str(tmp_path / "g.docx")]) == 0
    capsys.readouterr()

    assert main(["documents", *db, "--staff", "张三", "draft", "--case", patent_case, "--doc",
                 "reference-opinion", "--json"]) == 0
    number = json.loads(capsys.readouterr().out)["number"]
    assert main(["documents", *db, "--staff", "张三", "review", number]) == 1  # the drafter cannot review
    assert "drafter" in capsys.readouterr().err
    assert main(["documents", *db, "--staff", "李四", "review", number]) == 0
    assert main(["documents", *db, "--staff", "李四", "issue", number, "--date", "2026-11-24"]) == 0
    capsys.readouterr()
    a, b = tmp_path / "r1.pdf", tmp_path / "r2.pdf"
    assert main(["documents", *db, "reprint", number, "--out", str(a)]) == 0
    assert main(["documents", *db, "reprint", number, "--out", str(b)]) == 0
    assert a.read_bytes() == b.read_bytes()
    assert main(["documents", *db, "list", "--case", patent_case, "--json"]) == 0
    listed = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert [d["status"] for d in listed] == ["issued"]
    assert main(["compensate", *db, "--type", "patent", "--actual-loss", "50000:high", "--save-to-case",
                 patent_case, "--json"]) == 0
    assert DocumentService(store, "x").current_estimate(patent_case)["base"] == 50000


def test_staff_edited_template_is_used_without_code(store, patent_case, tmp_path) -> None:  # type: ignore[no-untyped-def]
    # staff copy the shipped template, add fixed wording in Word, and point the setting at their folder
    from qcy_workstation.documents.docx_renderer import template_path

    folder = tmp_path / "my-templates"
    folder.mkdir()
    doc = Document(str(template_path("acceptance-notice", "zh")))
    doc.add_paragraph("本工作站地址：西安市高新区科技路（员工自行添加）")
    doc.save(str(folder / "acceptance-notice.zh.docx"))
    SettingsService(store, "管理员").update(template_dir=str(folder))
    data = DocumentService(store, "张三").export("acceptance-notice", patent_case, "docx")
    texts = [p.text for p in Document(io.BytesIO(data)).paragraphs]
    assert "本工作站地址：西安市高新区科技路（员工自行添加）" in texts
    assert any(patent_case in t for t in texts)
