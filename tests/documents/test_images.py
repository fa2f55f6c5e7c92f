"""Story: a document carries a picture (a statistics chart) with a caption; the PDF and the Word file both
show the picture at the asked width, and the caption reads back next to it."""

from __future__ import annotations

import io
from datetime import date

from docx import Document
from pypdf import PdfReader

from qcy_workstation.documents import build_document, render
from qcy_workstation.documents.model import Image, Paragraph, Section
from qcy_workstation.stats.charts import bar_chart_png
from qcy_workstation.templates.build_templates import seal_circle_png

CAPTION = "图1 案件按知识产权类型"


def _chart() -> bytes:
    return bar_chart_png(["商标", "专利", "地理标志", "商业秘密"], [9, 4, 1, 2], title="案件按知识产权类型")


def _document_with_image(width_cm: float = 12.0):  # type: ignore[no-untyped-def]
    content = build_document("guidance", None, lang="zh", issue_date=date(2026, 11, 24),
                             options={"topic": "evidence"})
    content.sections.append(Section("附图", [Paragraph("本期案件构成如下图。"),
                                             Image(_chart(), width_cm, caption=CAPTION)]))
    return content


def test_pdf_shows_the_picture_at_its_width_with_its_caption() -> None:
    content = _document_with_image(12.0)
    reader = PdfReader(io.BytesIO(render(content, "pdf")))
    pages_with_image = [p for p in reader.pages
                        if any(xo.get_object()["/Subtype"] == "/Image"
                               for xo in (p["/Resources"].get("/XObject") or {}).values())]
    assert len(pages_with_image) == 1
    page = pages_with_image[0]
    assert CAPTION.replace(" ", "") in page.extract_text().replace(" ", "").replace("\n", "")
    png = page.images[0].image
    assert png.width == 1600  # the chart's own pixels, not re-sampled
    assert "附图" in content.all_text() and CAPTION in content.all_text()


def test_a_picture_wider_than_the_text_is_scaled_to_the_text_width() -> None:
    pdf = render(_document_with_image(40.0), "pdf")  # a 40 cm picture must still fit the A4 page
    assert sum(len(p.images) for p in PdfReader(io.BytesIO(pdf)).pages) == 1


def test_docx_holds_the_picture_as_an_inline_shape_with_its_caption() -> None:
    docx = Document(io.BytesIO(render(_document_with_image(12.0), "docx")))
    assert len(docx.inline_shapes) == 1  # the seal circle floats behind the signature: not an inline shape
    shape = docx.inline_shapes[0]
    assert abs(shape.width.cm - 12.0) < 0.01
    assert abs(shape.height.cm / shape.width.cm - 0.2375) < 0.05  # aspect ratio kept (1600 x 380 px)
    seal_circle = seal_circle_png()
    image_parts = [p for p in docx.part.package.parts if p.content_type == "image/png" and p.blob != seal_circle]
    assert len(image_parts) == 1 and image_parts[0].blob == _chart()
    texts = [p.text for p in docx.paragraphs]
    assert CAPTION in texts and "本期案件构成如下图。" in texts
    caption = next(p for p in docx.paragraphs if p.text == CAPTION)
    east_asia = caption.style.element.rPr.rFonts.get(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia")
    assert east_asia  # the caption keeps the Chinese font


def test_docx_clamps_a_picture_to_the_text_width() -> None:
    docx = Document(io.BytesIO(render(_document_with_image(40.0), "docx")))
    assert abs(docx.inline_shapes[0].width.cm - 16.0) < 0.01
