"""Issue 13 item 10, layout: staff print a letter as PDF or open it in Word and get the same pages.

- the seal area never stands alone on a last page: the paragraph before it comes along (PDF read back page
  by page; the DOCX keeps it with "keep with next" and "keep lines together");
- the PDF and the DOCX paginate alike: every kind in both languages is rendered both ways and the DOCX is laid
  out by LibreOffice (the shipped fonts only, through a fontconfig file of its own), and the page counts are
  compared;
- the DOCX has the PDF's red double rule under the letterhead and its seal area (a dashed circle behind the
  organisation and date);
- body and titles print in the shipped serif faces, embedded in the PDF.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import zipfile
from dataclasses import replace
from datetime import date
from pathlib import Path

import pypdfium2
import pytest
from docx import Document
from docx.oxml.ns import qn

from qcy_workstation.documents import DOCUMENT_KINDS, Decision, build_document, render
from qcy_workstation.documents.docx_renderer import SEAL_GAP_STYLE
from qcy_workstation.documents.model import Paragraph, Section
from qcy_workstation.resources import resources_dir

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_soffice = pytest.mark.skipif(
    SOFFICE is None and not os.environ.get("CI"),
    reason="LibreOffice (soffice) is not installed here; .ci/run installs it, so CI runs this comparison")


def _content(kind, lang, case_data, workstation):  # type: ignore[no-untyped-def]
    case = case_data
    if kind == "non-acceptance-notice":
        case = replace(case_data, status="declined", decisions={"declined": Decision(date(2026, 11, 5), "未提供权属证明")})
    return build_document(kind, case, lang=lang, workstation=workstation, number="QCY-YJ-2026-0007",
                          issue_date=date(2026, 11, 24), options={"topic": "litigation", "handler": "张三"})


def _filled(lang, n, case_data, workstation):  # type: ignore[no-untyped-def]
    """An acceptance notice whose body is ``n`` one-line paragraphs, each marked ¶k: with n around 20 the
    body nearly fills the first page and the seal area no longer fits under it."""
    content = _content("acceptance-notice", lang, case_data, workstation)
    text = "¶{}：本段为填充正文。" if lang == "zh" else "¶{}: a line of filler body text."
    return replace(content, intro=[], closing=[],
                   sections=[Section("正文" if lang == "zh" else "Body",
                                     [Paragraph(text.format(k), style="plain") for k in range(1, n + 1)])])


def _pages(pdf: bytes) -> list[str]:
    doc = pypdfium2.PdfDocument(pdf)
    return [doc[i].get_textpage().get_text_range() for i in range(len(doc))]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_seal_never_stands_alone_on_a_last_page(lang, case_data, workstation) -> None:
    moved = 0
    for n in range(14, 34):
        content = _filled(lang, n, case_data, workstation)
        pages = _pages(render(content, "pdf"))
        last = pages[-1]
        assert content.signature.organisation.split()[0] in re.sub(r"\s+", " ", last)
        assert re.search(r"¶\d+", last), (n, len(pages))  # body text on the signature's page
        if len(pages) > 1:
            moved += 1
            assert f"¶{n}" in last  # the last paragraph went along with the seal
    assert moved, "no case pushed the seal area over the page end"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_docx_keeps_the_last_paragraph_with_the_seal_area(lang, case_data, workstation) -> None:
    doc = Document(io.BytesIO(render(_filled(lang, 20, case_data, workstation), "docx")))
    body = list(doc.element.body.iterchildren())
    start = next(i for i, el in enumerate(body) if el.find(f"{qn('w:pPr')}/{qn('w:pStyle')}") is not None
                 and el.find(f"{qn('w:pPr')}/{qn('w:pStyle')}").get(qn("w:val")) == SEAL_GAP_STYLE)
    paragraphs = {p._p: p for p in doc.paragraphs}
    last_text = next(paragraphs[el] for el in reversed(body[:start]) if el in paragraphs and paragraphs[el].text)
    assert last_text.text.startswith("¶20")
    fmt = last_text.paragraph_format
    assert fmt.keep_with_next and fmt.keep_together  # kept whole, and with the seal area
    for el in body[start:]:  # every line of the seal area keeps with the next, down to the disclaimer
        if el in paragraphs and paragraphs[el].style.name not in ("Qcy Disclaimer", "Qcy End"):
            assert paragraphs[el].paragraph_format.keep_with_next, paragraphs[el].text


def test_the_docx_has_the_red_rule_and_the_seal_area(case_data, workstation) -> None:
    data = render(_content("advice-letter", "zh", case_data, workstation), "docx")
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert re.search(r'<w:top w:val="thickThinSmallGap" w:sz="24" w:space="\d+" w:color="C81010"/>', xml)
    anchor = re.search(r"<wp:anchor [^>]*behindDoc=\"1\"[^>]*>.*?</wp:anchor>", xml, re.S)
    assert anchor and "<wp:wrapNone/>" in anchor.group(0)  # the circle floats behind the text
    doc = Document(io.BytesIO(data))
    texts = [p.text for p in doc.paragraphs]
    for line in ("（盖章）", "秦创原（西安高新）知识产权维权援助工作站", "2026年11月24日"):
        assert line in texts
    seal = doc.paragraphs[texts.index("（盖章）")]
    assert seal.style.paragraph_format.alignment == 1 and seal.paragraph_format.left_indent  # centred on the seal


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_documents_print_in_the_embedded_serif_faces(lang, case_data, workstation) -> None:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(render(_content("advice-letter", lang, case_data, workstation), "pdf")))
    fonts = {str(f.get_object()["/BaseFont"]).split("+")[-1] for page in reader.pages
             for f in page["/Resources"]["/Font"].values()}
    assert {"UMingCN", "LiberationSerif"} <= fonts, fonts
    assert ("WenQuanYiMicroHei" in fonts) == (lang == "zh")  # Chinese headings in Hei (GB/T 9704)


def _fontconfig(tmp: Path) -> dict[str, str]:
    """Environment for LibreOffice that sees the shipped faces (and the system's aliases), so the DOCX is
    laid out with the very fonts the PDF embeds; Times New Roman resolves to its metric twin."""
    conf = tmp / "fonts.conf"
    conf.write_text(f"""<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>{resources_dir() / "fonts"}</dir>
  <cachedir>{tmp / "fc-cache"}</cachedir>
  <alias binding="same"><family>Times New Roman</family><accept><family>Liberation Serif</family></accept></alias>
  <include ignore_missing="yes">/etc/fonts/conf.d</include>
</fontconfig>
""", encoding="utf-8")
    return {**os.environ, "FONTCONFIG_FILE": str(conf), "HOME": str(tmp)}


def _docx_pages(docs: dict[str, bytes], tmp: Path) -> dict[str, int]:
    """Page counts of DOCX files as LibreOffice lays them out (one soffice run converts them all)."""
    for name, data in docs.items():
        (tmp / f"{name}.docx").write_bytes(data)
    out = tmp / "pdf"
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{tmp / 'profile'}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(out), *(str(tmp / f"{n}.docx") for n in docs)],
                   env=_fontconfig(tmp), check=True, capture_output=True, timeout=600)
    return {name: len(pypdfium2.PdfDocument(out / f"{name}.pdf")) for name in docs}


@needs_soffice
def test_pdf_and_docx_paginate_alike(case_data, workstation, tmp_path) -> None:
    assert SOFFICE, "CI must have LibreOffice: .ci/run installs libreoffice-writer-nogui"
    contents = {f"{kind}.{lang}": _content(kind, lang, case_data, workstation)
                for kind in DOCUMENT_KINDS for lang in ("zh", "en")}
    for lang in ("zh", "en"):  # around the page end: the seal area fits, then moves with the last paragraph
        for n in (18, 22, 26):
            contents[f"filled-{n}.{lang}"] = _filled(lang, n, case_data, workstation)
    pdf_pages = {name: len(_pages(render(c, "pdf"))) for name, c in contents.items()}
    docx_pages = _docx_pages({name: render(c, "docx") for name, c in contents.items()}, tmp_path)
    assert docx_pages == pdf_pages
    assert max(pdf_pages.values()) >= 3  # the comparison covers documents of several pages
