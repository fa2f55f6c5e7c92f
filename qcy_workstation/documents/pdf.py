"""PDF renderer (reportlab platypus) for :class:`DocumentContent`.

The shipped TrueType font is registered once per process and embedded (subset) in every PDF, so Chinese
prints on any machine. Chinese paragraphs wrap with ``wordWrap='CJK'``. Page numbers need the total, so
the canvas keeps each page's state and writes "第 X 页 共 Y 页" when the document is saved.
"""

from __future__ import annotations

import io
import threading
from typing import Any

from reportlab.lib import colors
from reportlab.lib import textsplit as rl_textsplit
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm, mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    Flowable,
    Image,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus import paragraph as rl_paragraph

from qcy_workstation.documents import model
from qcy_workstation.resources import font_path

FONT_NAME = "QcySans"  # the shipped TrueType font (qcy_workstation.resources.font_path): CJK and Latin
SEAL_RED = colors.Color(0.78, 0.06, 0.06)
_font_lock = threading.Lock()

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_LEFT = 26 * mm
MARGIN_RIGHT = 24 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 22 * mm
TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT


# Chinese punctuation that must not start a line (GB/T 15834 practice). reportlab's list covers Japanese
# usage and misses the full-width comma, semicolon, colon, !, ? and closing quotes and book-title marks;
# its CJK wrapper then hangs the character at the end of the previous line.
_CANNOT_START_ZH = "，；：！？》〉”’…"
for _module in (rl_paragraph, rl_textsplit):  # single-fragment paragraphs wrap in textsplit.wordSplit
    _module.ALL_CANNOT_START += "".join(ch for ch in _CANNOT_START_ZH if ch not in _module.ALL_CANNOT_START)


def register_font(*, force: bool = False) -> str:
    """Register the shipped TrueType font once per process (parsing it takes ~0.1 s); returns its name.

    ``force`` re-parses the font file (the naive baseline of the benchmark does that per document).
    """
    with _font_lock:
        if force or FONT_NAME not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(FONT_NAME, str(font_path())))
    return FONT_NAME


# Characters the shipped face (WenQuanYi Micro Hei) maps to an EMPTY glyph: they would print as a blank ("85 "
# for "85℃"). Each is printed as the nearest text the face does draw. tests/documents/test_pdf_glyphs.py
# checks this list against the font file, so a new font brings its own list.
BLANK_GLYPHS = str.maketrans({
    "℃": "°C", "℉": "°F", "\u212b": "\u00c5", "Ⅴ": "V", "Ⅹ": "X", "∼": "~", "‾": "¯", "ㅤ": " ",
    "ǎ": "a", "ǐ": "i", "ǒ": "o", "ǔ": "u", "ǘ": "ü", "ǚ": "ü", "ǜ": "ü", "ˊ": "´", "ˋ": "`",
})


def printable(text: str) -> str:
    """``text`` with the characters the shipped face cannot draw replaced (see ``BLANK_GLYPHS``)."""
    return text.translate(BLANK_GLYPHS)


def _escape(text: str) -> str:
    return printable(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _markup(text: str) -> str:
    return _escape(text).replace("\n", "<br/>")


def string_width(text: str, size: float) -> float:
    return pdfmetrics.stringWidth(printable(text), FONT_NAME, size)


def draw_text(c: rl_canvas.Canvas, x: float, y: float, text: str, size: float, align: str = "left") -> None:
    """Draw text on a canvas in the shipped font, aligned left, centre or right of ``x``."""
    c.setFont(FONT_NAME, size)
    text = printable(text)
    if align == "centre":
        c.drawCentredString(x, y, text)
    elif align == "right":
        c.drawRightString(x, y, text)
    else:
        c.drawString(x, y, text)


class _Styles:
    """Paragraph styles for one language (CJK wrapping and first-line indent for Chinese)."""

    def __init__(self, lang: str) -> None:
        zh = lang == "zh"
        wrap: dict[str, Any] = {"wordWrap": "CJK"} if zh else {}
        size = 12
        self.body = ParagraphStyle("body", fontName=FONT_NAME, fontSize=size, leading=size * 1.75,
                                   alignment=TA_JUSTIFY if zh else TA_LEFT, firstLineIndent=2 * size if zh else 0,
                                   spaceAfter=3, **wrap)
        self.plain = ParagraphStyle("plain", parent=self.body, firstLineIndent=0)
        self.note = ParagraphStyle("note", parent=self.plain, fontSize=9.5, leading=14, textColor=colors.HexColor("#333333"))
        self.cell = ParagraphStyle("cell", fontName=FONT_NAME, fontSize=9.5, leading=13, alignment=TA_LEFT, **wrap)
        self.cell_head = ParagraphStyle("cellhead", parent=self.cell, alignment=TA_CENTER)
        self.heading = ParagraphStyle("heading", fontName=FONT_NAME, fontSize=13, leading=20, spaceBefore=8,
                                      spaceAfter=4, **wrap)
        self.title = ParagraphStyle("title", fontName=FONT_NAME, fontSize=20 if zh else 17, leading=28 if zh else 23, alignment=TA_CENTER,
                                    spaceBefore=6, spaceAfter=4, **wrap)
        self.number = ParagraphStyle("number", fontName=FONT_NAME, fontSize=11, leading=16, alignment=TA_CENTER,
                                     spaceAfter=10, **wrap)
        self.right = ParagraphStyle("right", parent=self.plain, alignment=TA_RIGHT)
        self.caption = ParagraphStyle("caption", parent=self.note, alignment=TA_CENTER, spaceBefore=2, spaceAfter=4)
        self.disclaimer = ParagraphStyle("disclaimer", fontName=FONT_NAME, fontSize=9.5, leading=14,
                                         textColor=colors.HexColor("#222222"), **wrap)


class _SealArea(Flowable):
    """Signature and seal block: organisation and date on the right, a light circle where the seal goes."""

    def __init__(self, signature: model.Signature, styles: _Styles) -> None:
        super().__init__()
        self.signature = signature
        self.styles = styles
        self.width = TEXT_WIDTH
        self.height = 42 * mm

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        sig = self.signature
        right = self.width - 4 * mm
        centre_x = right - 30 * mm
        c.saveState()
        if sig.staff_label:
            draw_text(c, 0, self.height - 8 * mm, f"{sig.staff_label}{sig.staff_name}", 11)
        # the seal circle overlaps organisation and date, as a real seal does
        c.setStrokeColor(colors.Color(0.85, 0.55, 0.55))
        c.setDash(2, 2)
        c.circle(centre_x, 20 * mm, 19 * mm, stroke=1, fill=0)
        c.setDash()
        if sig.seal_hint:
            c.setFillColor(colors.Color(0.8, 0.6, 0.6))
            draw_text(c, centre_x, 33 * mm, sig.seal_hint, 8, "centre")
        c.setFillColor(colors.black)
        size = 12
        while size > 7 and string_width(sig.organisation, size) > 80 * mm:
            size -= 0.5
        draw_text(c, min(centre_x, right - string_width(sig.organisation, size) / 2), 20 * mm, sig.organisation,
                  size, "centre")
        draw_text(c, centre_x, 12 * mm, sig.date_text, 12, "centre")
        c.restoreState()


def _numbered_canvas_class(content: model.DocumentContent) -> type[rl_canvas.Canvas]:
    """A canvas that draws the letterhead and "page X of Y" on every page once the total is known."""

    letterhead = content.letterhead
    page_label = content.page_label
    number = content.number

    class NumberedCanvas(rl_canvas.Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # every font in the file must be embedded: never fall back to the unembedded Helvetica
            kwargs["initialFontName"] = FONT_NAME
            super().__init__(*args, **kwargs)
            self._saved_pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab API
            self._saved_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved_pages)
            for state in self._saved_pages:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            page = self._pageNumber
            self.saveState()
            self.setFillColor(colors.HexColor("#444444"))
            draw_text(self, PAGE_WIDTH / 2, 12 * mm, page_label.format(page=page, pages=total), 9, "centre")
            if page > 1:  # running header on continuation pages
                draw_text(self, MARGIN_LEFT, PAGE_HEIGHT - 13 * mm, letterhead.name, 9)
                draw_text(self, PAGE_WIDTH - MARGIN_RIGHT, PAGE_HEIGHT - 13 * mm, number, 9, "right")
                self.setStrokeColor(colors.HexColor("#999999"))
                self.setLineWidth(0.4)
                self.line(MARGIN_LEFT, PAGE_HEIGHT - 15 * mm, PAGE_WIDTH - MARGIN_RIGHT, PAGE_HEIGHT - 15 * mm)
            self.restoreState()

    return NumberedCanvas


class _Letterhead(Flowable):
    """Red workstation name, subtitle and a double red rule, as on an official letter (红头)."""

    def __init__(self, letterhead: model.Letterhead, lang: str) -> None:
        super().__init__()
        self.letterhead = letterhead
        self.lang = lang
        self.width = TEXT_WIDTH
        self.height = 24 * mm if letterhead.subtitle else 19 * mm

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        lh = self.letterhead
        c.saveState()
        c.setFillColor(SEAL_RED)
        size = 22 if self.lang == "zh" else 17
        while size > 10 and string_width(lh.name, size) > self.width:
            size -= 1
        y = self.height - size
        draw_text(c, self.width / 2, y, lh.name, size, "centre")
        if lh.subtitle:
            y -= 6 * mm
            sub = 10
            while sub > 6 and string_width(lh.subtitle, sub) > self.width:
                sub -= 0.5
            draw_text(c, self.width / 2, y, lh.subtitle, sub, "centre")
        c.setStrokeColor(SEAL_RED)
        c.setLineWidth(1.6)
        c.line(0, 3.2 * mm, self.width, 3.2 * mm)
        c.setLineWidth(0.5)
        c.line(0, 2.2 * mm, self.width, 2.2 * mm)
        c.setFillColor(colors.HexColor("#555555"))
        contact = "  ".join(x for x in (lh.address, lh.phone) if x)
        if contact:
            draw_text(c, self.width / 2, -1 * mm, contact, 8, "centre")
        c.restoreState()


def _table(block: model.Table, styles: _Styles) -> Table:
    ncols = max(len(block.header), max((len(r) for r in block.rows), default=0), 1)
    weights = block.widths or [1.0] * ncols
    total = sum(weights)
    widths = [TEXT_WIDTH * w / total for w in weights]
    data = [[RLParagraph(_markup(h), styles.cell_head) for h in block.header]] if block.header else []
    for row in block.rows:
        cells = [RLParagraph(_markup(str(c)), styles.cell) for c in row]
        cells += [""] * (ncols - len(cells))
        data.append(cells)
    table = Table(data, colWidths=widths, repeatRows=1 if block.header else 0)
    style = [
        ("FONTNAME", (0, 0), (-1, -1), FONT_NAME),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#666666")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if block.header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#EDEDED")))
    table.setStyle(TableStyle(style))
    return table


def _kv(block: model.KeyValues, styles: _Styles) -> Table:
    data = [[RLParagraph(_markup(k), styles.cell), RLParagraph(_markup(v), styles.cell)] for k, v in block.items]
    table = Table(data, colWidths=[TEXT_WIDTH * 0.28, TEXT_WIDTH * 0.72])
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT_NAME),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#666666")),
        ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#F3F3F3")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    return table


def _image(block: model.Image, styles: _Styles) -> list[Flowable]:
    """The picture scaled to ``width_cm`` (never wider than the text), kept on one page with its caption."""
    img = Image(io.BytesIO(block.png))
    width = min(block.width_cm * cm, TEXT_WIDTH)
    ratio = img.imageHeight / img.imageWidth
    max_height = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM - 40 * mm  # a tall picture still fits a page
    width = min(width, max_height / ratio)
    img.drawWidth, img.drawHeight = width, width * ratio
    img.hAlign = "CENTER"
    parts: list[Flowable] = [img]
    if block.caption:
        parts.append(Paragraph(_markup(block.caption), styles.caption))
    parts.append(Spacer(1, 2.5 * mm))
    return parts


def story(content: model.DocumentContent) -> list[Flowable]:
    """The platypus flowables of a document (exposed for the desktop preview and tests)."""
    styles = _Styles(content.lang)
    out: list[Flowable] = [_Letterhead(content.letterhead, content.lang), Spacer(1, 5 * mm),
                           Paragraph(_markup(content.title), styles.title)]
    meta = f"{content.number_label}{content.number}" if content.number else ""
    if meta:
        out.append(Paragraph(_markup(meta), styles.number))
    if content.addressee:
        out.append(Paragraph(_markup(content.addressee), styles.plain))
    for text in content.intro:
        out.append(Paragraph(_markup(text), styles.body))
    for section in content.sections:
        # each block's flowables in groups that stay on one page (reportlab's KeepTogether cannot nest: an
        # inner one reports an unbounded height, so the outer one would always start a new page)
        groups: list[list[Flowable]] = []
        for block in section.blocks:
            if isinstance(block, model.Paragraph):
                style = {"note": styles.note, "plain": styles.plain}.get(block.style, styles.body)
                groups.append([Paragraph(_markup(block.text), style)])
            elif isinstance(block, model.Table):
                if block.caption:
                    groups.append([Paragraph(_markup(block.caption), styles.note)])
                groups += [[_table(block, styles)], [Spacer(1, 2.5 * mm)]]
            elif isinstance(block, model.Image):
                groups.append(_image(block, styles))
            else:
                groups += [[_kv(block, styles)], [Spacer(1, 2.5 * mm)]]
        # a heading never ends a page alone: keep it with the first block
        out.append(KeepTogether([Paragraph(_markup(section.heading), styles.heading), *(groups[0] if groups else [])]))
        out.extend(KeepTogether(group) if len(group) > 1 else group[0] for group in groups[1:])
        out.append(Spacer(1, 2 * mm))
    for text in content.closing:
        out.append(Paragraph(_markup(text), styles.body))
    # an official letter never has a page with only the seal on it: keep the last text with the seal
    tail: list[Flowable] = []
    while out and isinstance(out[-1], Spacer):
        out.pop()
    if out and not isinstance(out[-1], (_Letterhead, KeepTogether)):
        tail.append(out.pop())
    ending: list[Flowable] = [*tail, Spacer(1, 6 * mm), _SealArea(content.signature, styles)]
    if content.disclaimer:
        box = Table([[Paragraph(_markup(content.disclaimer), styles.disclaimer)]], colWidths=[TEXT_WIDTH])
        box.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT_NAME), ("BOX", (0, 0), (-1, -1), 0.6, colors.HexColor("#888888")),
                                 ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#F7F7F7"))]))
        ending += [Spacer(1, 4 * mm), box]
    out.append(KeepTogether(ending))  # the seal and the disclaimer stay on one page
    return out


def render_pdf(content: model.DocumentContent) -> bytes:
    """Render to PDF bytes. Deterministic for the same content (fixed creation date, invariant mode)."""
    register_font()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=MARGIN_LEFT, rightMargin=MARGIN_RIGHT, topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM, title=content.title, author=content.letterhead.name,
        subject=content.number, creator="QCY Workstation", invariant=1,
    )
    doc.build(story(content), canvasmaker=_numbered_canvas_class(content))
    return buffer.getvalue()
