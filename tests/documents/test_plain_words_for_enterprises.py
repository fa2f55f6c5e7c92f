"""Issue 13 item 7: a letter to an enterprise carries plain words only.

Engine codes (visual, risk: high, likely_infringing) and notes meant for staff ("条款号依记忆", "from memory")
never reach the exported file; the unverified points are listed for staff and worded as a reservation."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date

import pytest
from docx import Document
from pypdf import PdfReader

from qcy_workstation.compensation import CompensationInput, Evidence, estimate
from qcy_workstation.documents import build_document, render

LEAKS = re.compile(r"依记忆|未在本工作站核对|from memory|not verified here|risk:|statutory\.max|\bvisual\b|"
                   r"\bphonetic\b|likely_infringing|misuse_likely|substantially_same|secret_start|aucl-\d{4}")


def _texts(content) -> list[str]:  # type: ignore[no-untyped-def]
    pdf = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(render(content, "pdf"))).pages)
    doc = Document(io.BytesIO(render(content, "docx")))
    docx = "\n".join([p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows for c in r.cells])
    return [pdf, docx]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_reference_opinion_carries_no_engine_codes_or_staff_notes(case_data, workstation, lang) -> None:
    case = replace(case_data, prechecks=[
        {"kind": "trademark", "mark": "秦岭", "other": "秦林", "score": 78, "likely_confusion": True, "risk": "high",
         "factors": [{"name": "visual", "score": 80, "text_zh": "两字相同一字近似", "text_en": "glyphs close"},
                     {"name": "phonetic", "score": 70, "text_zh": "读音相近", "text_en": "sounds close"}]},
        {"kind": "trade_secret", "verdict": "substantially_same", "reason_en": "3 of 4 points match",
         "matches": [{"point": "配方比例", "score": 92, "secret_start": 10, "secret_end": 40}]},
    ])
    content = build_document("reference-opinion", case, lang=lang, workstation=workstation,
                             issue_date=date(2026, 11, 24))
    for text in _texts(content):
        assert not LEAKS.search(text), LEAKS.search(text)
        flat = re.sub(r"\s+", "", text) if lang == "zh" else text  # a line may break inside "较高"
        assert ("字形" in flat and "较高" in flat) if lang == "zh" else ("appearance" in text and "high" in text)
        assert ("秘密点" in text) if lang == "zh" else ("secret point" in text)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_unverified_citations_become_a_reservation_and_are_listed_for_staff(case_data, workstation, lang) -> None:
    guidance = build_document("guidance", None, lang=lang, workstation=workstation,
                              options={"topic": "litigation", "ip_type": "patent"})
    secret = replace(case_data, ip_type="trade-secret", prechecks=[], compensation=estimate(CompensationInput(
        right_type="trade_secret", infringement_date=date(2018, 6, 1),
        actual_loss=Evidence.of(300000))).to_dict())
    letter = build_document("advice-letter", secret, lang=lang, workstation=workstation)
    for content in (guidance, letter):
        for text in _texts(content):
            assert not LEAKS.search(text), LEAKS.search(text)
    assert guidance.metadata["staff_checks"]  # what staff must check before relying on it
    flat = "".join(_texts(guidance)[0].split())
    assert ("以官方公布文本为准" in flat) if lang == "zh" else ("subjecttotheofficialtext" in flat)
