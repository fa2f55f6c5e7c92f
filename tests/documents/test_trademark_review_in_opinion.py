"""Story (issue 10): staff save a trademark comparison the engine sent to review (海天 / 每天: two characters,
one apart) and issue the reference opinion. The exported PDF and Word files give the score for reference,
name the facts the outcome turns on and draw no settled conclusion; the reasons are listed for staff."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date

import pytest
from docx import Document
from pypdf import PdfReader

from qcy_workstation.documents import build_document, render
from qcy_workstation.precheck.trademark import compare_marks


def _texts(content) -> list[str]:  # type: ignore[no-untyped-def]
    pdf = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(render(content, "pdf"))).pages)
    doc = Document(io.BytesIO(render(content, "docx")))
    docx = "\n".join([p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows for c in r.cells])
    return [re.sub(r"\s+", "", pdf), re.sub(r"\s+", "", docx)]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_pair_for_review_is_never_stated_as_settled_in_the_opinion(case_data, workstation, lang) -> None:
    saved = compare_marks("海天", "每天", classes="30").to_dict()
    assert saved["needs_review"]
    case = replace(case_data, prechecks=[saved])
    content = build_document("reference-opinion", case, lang=lang, workstation=workstation,
                             issue_date=date(2026, 11, 24))
    for text in _texts(content):
        if lang == "zh":
            assert "混淆可能性较大" not in text and "混淆可能性较小" not in text
            assert "本意见对此不作确定结论" in text and "知名度" in text and "商标审查审理指南" in text
            assert "尚不足以得出结论" in text  # the opinion's conclusion: review, neither positive nor negative
            assert "可能构成侵权" not in text and "侵权成立的可能性较小" not in text
        else:
            assert "confusionislikely;therisk" not in text and "confusionisunlikely;" not in text
            assert "drawsnosettledconclusion" in text and "reputation" in text
            assert "doesnotyetsupportaconclusion" in text
    checks = content.metadata["staff_checks"]
    assert any("海天" in c and "每天" in c and "one_character" in c for c in checks)


def test_a_confident_pair_keeps_its_plain_conclusion(case_data, workstation) -> None:
    saved = compare_marks("山楂树下", "山楂树下", classes="32").to_dict()
    assert not saved["needs_review"]
    content = build_document("reference-opinion", replace(case_data, prechecks=[saved]), lang="zh",
                             workstation=workstation, issue_date=date(2026, 11, 24))
    for text in _texts(content):
        assert "混淆可能性较大" in text and "不作确定结论" not in text
