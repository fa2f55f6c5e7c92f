"""Staff export every kind of document as PDF and DOCX, in Chinese and English, and read them back."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import replace
from datetime import date

import pytest
from docx import Document
from pypdf import PdfReader

from qcy_workstation.documents import DOCUMENT_KINDS, Decision, build_document, layout, render
from qcy_workstation.documents.model import chinese_date, english_date

APPLICANT = "陕西秦岭智能装备有限公司"  # as in conftest.case_data
OPPONENT = "西安渭水机械制造有限公司"
CASE_NUMBER = "QCY-2026-00042"

ISSUED = date(2026, 11, 24)


DECLINED_ON = date(2026, 11, 5)


def _case_for(kind, case_data):  # type: ignore[no-untyped-def]
    """A case whose status fits the document: a non-acceptance notice exists only for a declined case."""
    if kind == "non-acceptance-notice":
        return replace(case_data, status="declined",
                       decisions={"declined": Decision(DECLINED_ON, "未提供有效的专利权属证明", "李四")})
    return case_data


def _issued_on(kind, case_data):  # type: ignore[no-untyped-def]
    """Notices carry the decision's date, every other document the date it is issued."""
    case = _case_for(kind, case_data)
    if kind == "acceptance-notice":
        return case.decisions["accepted"].on
    if kind == "non-acceptance-notice":
        return case.decisions["declined"].on
    return ISSUED


def _content(kind, lang, case_data, workstation):
    return build_document(kind, _case_for(kind, case_data), lang=lang, workstation=workstation,
                          number="QCY-YJ-2026-0007", issue_date=ISSUED,
                          options={"topic": "litigation", "handler": "张三"})


def _pdf_text(data: bytes) -> tuple[str, PdfReader]:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages), reader


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _embedded_fonts(reader: PdfReader) -> dict[str, bool]:
    fonts: dict[str, bool] = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            desc = (descendants[0].get_object() if descendants else font).get("/FontDescriptor")
            desc = desc.get_object() if desc is not None else {}
            fonts[str(font["/BaseFont"])] = "/FontFile2" in desc
    return fonts


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("kind", DOCUMENT_KINDS)
def test_pdf_holds_the_fields_and_embeds_its_fonts(kind, lang, case_data, workstation) -> None:
    content = _content(kind, lang, case_data, workstation)
    text, reader = _pdf_text(render(content, "pdf"))
    flat = _flat(text)
    assert "QCY-YJ-2026-0007" in flat
    assert _flat(content.title) in flat
    assert _flat(content.letterhead.name) in flat
    day = _issued_on(kind, case_data)
    assert (chinese_date(day) if lang == "zh" else _flat(english_date(day))) in flat
    pages = len(reader.pages)
    assert (f"第{pages}页共{pages}页" if lang == "zh" else f"Page{pages}of{pages}") in flat
    if kind != "guidance":
        assert CASE_NUMBER in flat or kind in ("early-warning-memo",)
        assert APPLICANT in flat
    fonts = _embedded_fonts(reader)
    assert fonts and all(fonts.values()), fonts  # every font is an embedded TrueType (FontFile2)
    opinion = kind not in ("acceptance-notice", "non-acceptance-notice", "consultation-record")
    if lang == "zh":  # the reference-opinion disclaimer only where the document gives an opinion
        assert ("不构成司法或行政认定" in flat) == opinion
    else:
        assert ("not a judicial or administrative determination" in text.replace("\n", " ")) == opinion


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("kind", DOCUMENT_KINDS)
def test_docx_holds_the_fields_and_sets_the_east_asian_font(kind, lang, case_data, workstation) -> None:
    content = _content(kind, lang, case_data, workstation)
    data = render(content, "docx")
    doc = Document(io.BytesIO(data))
    paragraphs = "\n".join(p.text for p in doc.paragraphs)
    cells = "\n".join(c.text for t in doc.tables for row in t.rows for c in row.cells)
    everything = paragraphs + "\n" + cells
    assert content.title in paragraphs
    assert "QCY-YJ-2026-0007" in paragraphs
    assert content.date_text in paragraphs
    assert content.disclaimer in paragraphs
    if kind != "guidance":
        assert APPLICANT in everything
    assert "{{" not in everything and "{%" not in everything
    styles = zipfile.ZipFile(io.BytesIO(data)).read("word/styles.xml").decode()
    # body and titles in the shipped Song/Ming serif, Latin in Times metrics; Chinese documents send the
    # shared punctuation to the Chinese face (w:hint), English ones keep it Latin
    assert f'w:eastAsia="{layout.SERIF_CJK_FAMILY}"' in styles and f'w:ascii="{layout.SERIF_LATIN_FAMILY}"' in styles
    assert ('w:hint="eastAsia"' in styles) == (lang == "zh")
    footer = "".join(zipfile.ZipFile(io.BytesIO(data)).read(n).decode()
                     for n in zipfile.ZipFile(io.BytesIO(data)).namelist() if "footer" in n)
    assert "NUMPAGES" in footer


def test_reference_opinion_shows_claim_chart_factors_gi_secret_and_amounts(case_data, workstation,
                                                                             estimate_dict) -> None:
    content = _content("reference-opinion", "zh", case_data, workstation)
    text, _ = _pdf_text(render(content, "pdf"))
    flat = _flat(text)
    for needle in ("技术特征", "基于图像识别的分级单元", "等同", "秦林", "字形", "可能构成冒用", "配方比例",
                   "1,234,567.89", "叁佰柒拾肆万捌仟柒佰零叁元陆角柒分", "第七十一条", OPPONENT):
        assert _flat(needle) in flat, needle
    doc = Document(io.BytesIO(render(content, "docx")))
    chart = next(t for t in doc.tables if t.rows[0].cells[1].text == "技术特征")
    assert chart.rows[2].cells[1].text == "基于图像识别的分级单元"
    assert estimate_dict["total_capitals"] in "\n".join(p.text for p in doc.paragraphs)


def test_guidance_differs_by_ip_type(workstation) -> None:
    secret = build_document("guidance", None, lang="zh", options={"topic": "evidence", "ip_type": "trade-secret"})
    patent = build_document("guidance", None, lang="zh", options={"topic": "evidence", "ip_type": "patent"})
    assert "举证责任转移" in secret.all_text() and "举证责任转移" not in patent.all_text()
    customs = build_document("guidance", None, lang="en", options={"topic": "customs", "ip_type": "trade-secret"})
    assert "outside customs protection" in customs.all_text()


def test_every_guidance_topic_has_both_languages_and_citations() -> None:
    from qcy_workstation.documents.builders import GUIDANCE_TOPICS, guidance_topic

    for topic in GUIDANCE_TOPICS:
        data = guidance_topic(topic)
        assert data["title"]["zh"] and data["title"]["en"]
        assert any(sec["citations"] for sec in data["sections"]), topic
        for sec in data["sections"]:
            assert sec["zh"]["paragraphs"] and sec["en"]["paragraphs"]
            assert len(sec["zh"].get("steps", [])) == len(sec["en"].get("steps", []))


def test_bad_requests_name_the_field(case_data) -> None:
    from qcy_workstation.errors import ValidationError

    with pytest.raises(ValidationError) as err:
        build_document("memo", case_data)
    assert err.value.field == "doc"
    with pytest.raises(ValidationError) as err:
        build_document("guidance", None, options={"topic": "astrology"})
    assert err.value.field == "topic"
    with pytest.raises(ValidationError) as err:
        render(build_document("advice-letter", case_data), "odt")
    assert err.value.field == "format"


def test_pdf_rendering_is_deterministic(case_data, workstation) -> None:
    content = _content("advice-letter", "zh", case_data, workstation)
    assert render(content, "pdf") == render(content, "pdf")
