"""Story (issue 10): a planned mark one character from a registered two-character mark. Whether the public would
confuse them turns on the earlier mark's reputation and use, which the words cannot show: the memo handed to the
enterprise says so, and which facts decide, instead of stating that confusion is likely."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from docx import Document
from pypdf import PdfReader

from qcy_workstation.warning.dto import NewProject
from qcy_workstation.warning.service import WarningService

TODAY = date(2026, 11, 20)
PROJECT = NewProject(title="茶饮新品牌", enterprise="西安云间茶饮有限公司", kind="trade",
                     technology="", marks=("秦云",), nice_classes="30")


def _squash(text: str) -> str:
    return "".join(text.split())


def test_the_memo_leaves_a_pair_for_review_open_and_names_the_facts(store, register_cases, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    svc = WarningService(store, actor="王静", today=TODAY)
    number = svc.add(PROJECT).number
    risks = [r for r in svc.screen(number).risks if r.category == "trademark"]
    assert risks and all(r.target == "秦韵" for r in risks)
    assert all("需结合" in r.reason and "易导致混淆，" not in r.reason for r in risks)

    pdf = _squash("".join(p.extract_text() for p in PdfReader(svc.export_memo(number, tmp_path / "m.pdf")).pages))
    docx = Document(str(svc.export_memo(number, tmp_path / "m.docx")))
    word = _squash("\n".join([p.text for p in docx.paragraphs]
                             + [c.text for t in docx.tables for row in t.rows for c in row.cells]))
    for text in (pdf, word):
        assert "秦韵" in text and "秦云" in text
        assert "是否易导致混淆尚不能仅凭文字判断" in text and "知名度" in text
        assert "」易导致混淆" not in text  # never the settled wording for this pair
    en = _squash("".join(p.extract_text() for p in PdfReader(
        svc.export_memo(number, tmp_path / "m-en.pdf", lang="en")).pages))
    assert "cannotbetoldfromthewords" in en and "reputation" in en
