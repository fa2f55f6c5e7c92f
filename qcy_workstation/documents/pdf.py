"""PDF renderer (reportlab platypus) for :class:`DocumentContent`.

Documents print in serif faces suited to official documents (``layout.py`` says which face goes where):
Chinese in AR PL UMing CN (Song/Ming), Latin letters and digits in Liberation Serif (Times metrics), Chinese
section headings in the interface's Hei face. Each character goes to the face Word would use for it with the
DOCX's font settings, falling back to a face that draws it; all faces are embedded (TrueType subsets).
Chinese paragraphs wrap with ``wordWrap='CJK'``. Page numbers need the total, so the canvas keeps each
page's state and writes "第 X 页 共 Y 页" when the document is saved. The page layout (sizes, exact line
heights, gaps, keep-together rules) is shared with the DOCX templates so both paginate alike.
"""

from __future__ import annotations

import functools
import io
import threading
from typing import Any

from reportlab.lib import colors
from reportlab.lib import textsplit as rl_textsplit
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm, mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    Image,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus import paragraph as rl_paragraph

from qcy_workstation.documents import layout, model
from qcy_workstation.resources import document_font_paths

SERIF = "QcySerifCJK"  # AR PL UMing CN: Chinese text
LATIN = "QcySerif"  # Liberation Serif: Latin letters and digits
LATIN_BOLD = "QcySerifBold"  # English headings
SANS = "QcySans"  # WenQuanYi Micro Hei: Chinese headings, and characters the serif faces lack
FONT_NAME = SERIF  # the canvas's initial font: never the unembedded Helvetica
_FACE_FILES = {SERIF: "serif-cjk", LATIN: "serif-latin", LATIN_BOLD: "serif-latin-bold", SANS: "sans"}
SEAL_RED = colors.Color(0.78, 0.06, 0.06)
_font_lock = threading.Lock()
_drawn: dict[str, frozenset[int]] = {}  # the code points each face draws

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_LEFT = layout.MARGIN_LEFT_MM * mm
MARGIN_RIGHT = layout.MARGIN_RIGHT_MM * mm
MARGIN_TOP = layout.MARGIN_TOP_MM * mm
MARGIN_BOTTOM = layout.MARGIN_BOTTOM_MM * mm
TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT


# Chinese punctuation that must not start a line (GB/T 15834 practice). reportlab's list covers Japanese
# usage and misses the full-width comma, semicolon, colon, !, ? and closing quotes and book-title marks;
# its CJK wrapper then hangs the character at the end of the previous line.
_CANNOT_START_ZH = "，；：！？》〉”’…"
for _module in (rl_paragraph, rl_textsplit):  # single-fragment paragraphs wrap in textsplit.wordSplit
    _module.ALL_CANNOT_START += "".join(ch for ch in _CANNOT_START_ZH if ch not in _module.ALL_CANNOT_START)


# Characters the sans face (WenQuanYi Micro Hei) maps to an EMPTY glyph: they would print as a blank ("85 "
# for "85℃"). The serif faces draw them, so they print as they are; only where no shipped face draws one is it
# replaced by the nearest text that does print. tests/documents/test_pdf_glyphs.py checks this list against
# the font files, so a new font brings its own list.
BLANK_GLYPHS = str.maketrans({
    "℃": "°C", "℉": "°F", "\u212b": "\u00c5", "Ⅴ": "V", "Ⅹ": "X", "∼": "~", "‾": "¯", "ㅤ": " ",
    "ǎ": "a", "ǐ": "i", "ǒ": "o", "ǔ": "u", "ǘ": "ü", "ǚ": "ü", "ǜ": "ü", "ˊ": "´", "ˋ": "`",
})


def register_font(*, force: bool = False) -> str:
    """Register the shipped TrueType faces once per process; returns the base (Chinese serif) face's name.

    ``force`` re-parses the font files (the naive baseline of the benchmark does that per document).
    """
    with _font_lock:
        for name, key in _FACE_FILES.items():
            if force or name not in pdfmetrics.getRegisteredFontNames():
                font = TTFont(name, str(document_font_paths()[key]))
                pdfmetrics.registerFont(font)
                drawn = set(font.face.charToGlyph)
                if name == SANS:
                    drawn -= set(BLANK_GLYPHS)
                _drawn[name] = frozenset(drawn)
    return FONT_NAME


def printable(text: str) -> str:
    """``text`` with the characters no shipped face draws replaced (see ``BLANK_GLYPHS``)."""
    register_font()
    return "".join(ch if any(ord(ch) in faces for faces in _drawn.values()) else ch.translate(BLANK_GLYPHS)
                   for ch in text)


# Which face a character prints in. Word picks the ASCII font for Basic Latin and Latin letters and the
# East Asian font for Chinese; in a Chinese document (w:hint="eastAsia") also for the shared punctuation and
# symbols (“ ” — × ° …), in an English one those stay Latin. The PDF does the same so that lines break alike.
_ROLES = {  # role -> (face for Latin, face for the rest)
    "serif": (LATIN, SERIF),
    "bold": (LATIN_BOLD, SERIF),
    "sans": (SANS, SANS),
}


def _is_latin(cp: int, lang: str) -> bool:
    if cp < 0x80:
        return True
    if 0xC0 <= cp <= 0x24F and cp not in (0xD7, 0xF7):
        return True
    return lang != "zh" and (0x80 <= cp < 0xC0 or cp in (0xD7, 0xF7) or 0x2000 <= cp <= 0x206F)


@functools.lru_cache(maxsize=65536)
def _face_for(ch: str, role: str, lang: str) -> tuple[str, str]:
    """(face, text): the face ``ch`` prints in for ``role``, and the text to print (a stand-in when no face
    draws ``ch``)."""
    latin, other = _ROLES[role]
    first = latin if _is_latin(ord(ch), lang) else other
    for face in (first, latin, other, SERIF, LATIN, SANS):
        if ord(ch) in _drawn[face]:
            return face, ch
    stand_in = ch.translate(BLANK_GLYPHS)
    if stand_in != ch:
        return _face_for(stand_in[0], role, lang)[0], stand_in
    return first, ch


@functools.lru_cache(maxsize=8192)
def runs(text: str, role: str = "serif", lang: str = "zh") -> tuple[tuple[str, str], ...]:
    """``text`` cut into (face, text) runs, each printed in one face. Spaces join the run before them."""
    out: list[list[str]] = []
    for ch in text:
        if ch in " \n" and out:
            out[-1][1] += ch
            continue
        face, shown = _face_for(ch, role, lang)
        if out and out[-1][0] == face:
            out[-1][1] += shown
        else:
            out.append([face, shown])
    return tuple((face, part) for face, part in out)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _markup(text: str, style: ParagraphStyle) -> str:
    """Paragraph markup for ``text`` in ``style``: runs in another face than the style's wrapped in <font>."""
    role, lang = style.qcy_role, style.qcy_lang  # type: ignore[attr-defined]
    parts = []
    for face, part in runs(text, role, lang):
        escaped = _escape(part).replace("\n", "<br/>")
        parts.append(escaped if face == style.fontName else f'<font face="{face}">{escaped}</font>')
    return "".join(parts)


def string_width(text: str, size: float, role: str = "serif", lang: str = "zh") -> float:
    return sum(pdfmetrics.stringWidth(part, face, size) for face, part in runs(text, role, lang))


def draw_text(c: rl_canvas.Canvas, x: float, y: float, text: str, size: float, align: str = "left", *,
              role: str = "serif", lang: str = "zh") -> None:
    """Draw text on a canvas in the shipped faces, aligned left, centre or right of ``x``."""
    parts = runs(text, role, lang)
    width = sum(pdfmetrics.stringWidth(part, face, size) for face, part in parts)
    if align == "centre":
        x -= width / 2
    elif align == "right":
        x -= width
    for face, part in parts:
        c.setFont(face, size)
        c.drawString(x, y, part)
        x += pdfmetrics.stringWidth(part, face, size)


class _Styles:
    """Paragraph styles for one language, from the shared layout (exact line heights, as in the DOCX)."""

    def __init__(self, lang: str) -> None:
        zh = lang == "zh"
        self.lang = lang
        spec = layout.styles(lang)

        def style(name: str, *, align: int = TA_LEFT, indent: float = 0, **extra: Any) -> ParagraphStyle:
            s = spec[extra.pop("spec", name)]
            role = "sans" if s.sans else "bold" if s.bold else "serif"
            base = {"serif": SERIF if zh else LATIN, "bold": LATIN_BOLD, "sans": SANS}[role]
            ps = ParagraphStyle(name, fontName=base, fontSize=s.size, leading=s.leading, spaceBefore=s.before,
                                spaceAfter=s.after, alignment=align, firstLineIndent=indent,
                                # Word's widow control: never one line alone at the foot or head of a page
                                allowWidows=0, allowOrphans=0, **({"wordWrap": "CJK"} if zh else {}), **extra)
            ps.qcy_role, ps.qcy_lang = role, lang  # type: ignore[attr-defined]
            return ps

        self.body = style("body", align=TA_JUSTIFY if zh else TA_LEFT, indent=2 * spec["body"].size if zh else 0)
        self.plain = style("plain")
        grey = colors.HexColor("#333333")
        self.note = style("note", textColor=grey)
        self.cell = style("cell")
        self.cell_head = style("cell", align=TA_CENTER)
        self.heading = style("heading")
        self.title = style("title", align=TA_CENTER)
        self.number = style("number", align=TA_CENTER)
        self.caption = style("caption", align=TA_CENTER, textColor=grey)
        self.disclaimer = style("disclaimer", textColor=colors.HexColor("#222222"))


class _SealArea(Flowable):
    """Signature and seal block of fixed height: the staff line on the left; on the right the organisation and
    the date, centred on a dashed circle where the seal goes (the DOCX template draws the same block)."""

    def __init__(self, signature: model.Signature, lang: str) -> None:
        super().__init__()
        self.signature = signature
        self.lang = lang
        self.width = TEXT_WIDTH
        self.height = layout.SEAL_AREA_HEIGHT_MM * mm

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        sig = self.signature
        lang = self.lang
        column = layout.SEAL_COLUMN_MM * mm
        centre_x = self.width - layout.SEAL_RIGHT_GAP_MM * mm - column / 2
        c.saveState()
        # the seal circle overlaps organisation and date, as a real seal does
        c.setStrokeColor(colors.Color(0.85, 0.55, 0.55))
        c.setDash(2, 2)
        c.circle(centre_x, self.height - layout.SEAL_CIRCLE_CENTRE_PT, layout.SEAL_RADIUS_MM * mm, stroke=1, fill=0)
        c.setDash()
        top = self.height
        for what, size, leading in layout.SEAL_LINES:
            baseline = top - leading * layout.BASELINE_RATIO
            top -= leading
            if what == "staff" and sig.staff_label:
                draw_text(c, 0, baseline, f"{sig.staff_label}{sig.staff_name}", size, lang=lang)
            elif what == "hint" and sig.seal_hint:
                c.setFillColor(colors.Color(0.8, 0.6, 0.6))
                draw_text(c, centre_x, baseline, sig.seal_hint, size, "centre", lang=lang)
                c.setFillColor(colors.black)
            elif what == "organisation":
                draw_text(c, centre_x, baseline, sig.organisation, layout.seal_organisation_size(sig.organisation),
                          "centre", lang=lang)
            elif what == "date":
                draw_text(c, centre_x, baseline, sig.date_text, size, "centre", lang=lang)
        c.restoreState()


def _numbered_canvas_class(content: model.DocumentContent) -> type[rl_canvas.Canvas]:
    """A canvas that draws the letterhead and "page X of Y" on every page once the total is known."""

    letterhead = content.letterhead
    page_label = content.page_label
    number = content.number
    lang = content.lang

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
            draw_text(self, PAGE_WIDTH / 2, 12 * mm, page_label.format(page=page, pages=total), 9, "centre",
                      lang=lang)
            if page > 1:  # running header on continuation pages
                draw_text(self, MARGIN_LEFT, PAGE_HEIGHT - 13 * mm, letterhead.name, 9, lang=lang)
                draw_text(self, PAGE_WIDTH - MARGIN_RIGHT, PAGE_HEIGHT - 13 * mm, number, 9, "right", lang=lang)
                self.setStrokeColor(colors.HexColor("#999999"))
                self.setLineWidth(0.4)
                self.line(MARGIN_LEFT, PAGE_HEIGHT - 15 * mm, PAGE_WIDTH - MARGIN_RIGHT, PAGE_HEIGHT - 15 * mm)
            self.restoreState()

    return NumberedCanvas


class _Letterhead(Flowable):
    """Red workstation name, subtitle, a red double rule (thick over thin) and the contact line under it, as
    on an official letter (红头); the DOCX template builds the same lines with the same heights."""

    def __init__(self, letterhead: model.Letterhead, lang: str) -> None:
        super().__init__()
        self.letterhead = letterhead
        self.lang = lang
        self.width = TEXT_WIDTH
        self.height = letterhead_height(letterhead)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        lh = self.letterhead
        lang = self.lang
        c.saveState()
        c.setFillColor(SEAL_RED)
        size = layout.LETTERHEAD_NAME_SIZE[lang]
        while size > 10 and string_width(lh.name, size, lang=lang) > self.width:
            size -= 1
        top = self.height
        # a baseline sits about a fifth of an exact line above its foot, as in Word
        draw_text(c, self.width / 2, top - layout.LETTERHEAD_NAME_LEADING * 0.78, lh.name, size, "centre", lang=lang)
        top -= layout.LETTERHEAD_NAME_LEADING
        if lh.subtitle:
            sub = float(layout.LETTERHEAD_SUB_SIZE)
            while sub > 6 and string_width(lh.subtitle, sub, lang=lang) > self.width:
                sub -= 0.5
            draw_text(c, self.width / 2, top - layout.LETTERHEAD_SUB_LEADING * 0.78, lh.subtitle, sub, "centre",
                      lang=lang)
            top -= layout.LETTERHEAD_SUB_LEADING
        c.setStrokeColor(SEAL_RED)
        top -= RULE_SPACE
        c.setLineWidth(layout.RULE_THICK_PT)
        c.line(0, top - layout.RULE_THICK_PT / 2, self.width, top - layout.RULE_THICK_PT / 2)
        c.setLineWidth(layout.RULE_THIN_PT)
        thin = top - layout.RULE_THICK_PT - RULE_GAP - layout.RULE_THIN_PT / 2
        c.line(0, thin, self.width, thin)
        top -= RULE_HEIGHT
        c.setFillColor(colors.HexColor("#555555"))
        contact = "  ".join(x for x in (lh.address, lh.phone) if x)
        if contact:
            draw_text(c, self.width / 2, top - layout.CONTACT_LEADING * 0.78, contact, layout.CONTACT_SIZE, "centre",
                      lang=lang)
        c.restoreState()


RULE_SPACE = 2.0  # above the rule
RULE_GAP = 0.75  # between its thick and thin lines
RULE_HEIGHT = RULE_SPACE + layout.RULE_THICK_PT + RULE_GAP + layout.RULE_THIN_PT + 2.0


def letterhead_height(letterhead: model.Letterhead) -> float:
    """Height in points of the letterhead block, including the gap before the title."""
    return (layout.LETTERHEAD_NAME_LEADING + (layout.LETTERHEAD_SUB_LEADING if letterhead.subtitle else 0)
            + RULE_HEIGHT + layout.CONTACT_LEADING + layout.LETTERHEAD_GAP_AFTER)


def _grid_style(header: bool) -> list[tuple[Any, ...]]:
    style: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT_NAME),  # empty cells too: never the unembedded Helvetica
        ("GRID", (0, 0), (-1, -1), layout.GRID_WIDTH_PT, colors.HexColor("#666666")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), layout.CELL_PAD_SIDE),
        ("RIGHTPADDING", (0, 0), (-1, -1), layout.CELL_PAD_SIDE),
        ("TOPPADDING", (0, 0), (-1, -1), layout.CELL_PAD_TOP),
        # LibreOffice and Word add the grid line to each row's height; reportlab draws it over the padding
        ("BOTTOMPADDING", (0, 0), (-1, -1), layout.CELL_PAD_BOTTOM + layout.GRID_WIDTH_PT),
    ]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#EDEDED")))
    return style


def _table(block: model.Table, styles: _Styles) -> Table:
    ncols = max(len(block.header), max((len(r) for r in block.rows), default=0), 1)
    weights = block.widths if block.widths and len(block.widths) == ncols else [1.0] * ncols
    total = sum(weights)
    widths = [TEXT_WIDTH * w / total for w in weights]
    data = []
    if block.header:
        header = [RLParagraph(_markup(h, styles.cell_head), styles.cell_head) for h in block.header]
        data.append(header + [""] * (ncols - len(header)))
    for row in block.rows:
        cells = [RLParagraph(_markup(str(c), styles.cell), styles.cell) for c in row]
        cells += [""] * (ncols - len(cells))
        data.append(cells)
    table = Table(data, colWidths=widths, repeatRows=1 if block.header else 0)
    table.setStyle(TableStyle(_grid_style(bool(block.header))))
    return table


def _kv(block: model.KeyValues, styles: _Styles) -> Table:
    data = [[RLParagraph(_markup(k, styles.cell), styles.cell), RLParagraph(_markup(v, styles.cell), styles.cell)]
            for k, v in block.items]
    table = Table(data, colWidths=[TEXT_WIDTH * 0.28, TEXT_WIDTH * 0.72])
    table.setStyle(TableStyle([*_grid_style(False), ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#F3F3F3"))]))
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
        parts.append(Paragraph(_markup(block.caption, styles.caption), styles.caption))
    parts.append(Spacer(1, layout.GAP_AFTER_TABLE_MM * mm))
    return parts


def _start_height(flowable: Flowable) -> float:
    """How much of ``flowable`` must stay with a heading above it, as Word's "keep with next" and widow
    control keep it: the first two lines of a paragraph, the first two rows of a table, all of anything else."""
    if isinstance(flowable, Paragraph):
        flowable.wrap(TEXT_WIDTH, PAGE_HEIGHT)
        lines = len(getattr(flowable.blPara, "lines", [])) or 1
        leading = flowable.style.leading
        return flowable.style.spaceBefore + leading * min(lines, 2) + (flowable.style.spaceAfter if lines <= 2 else 0)
    if isinstance(flowable, Table):
        flowable.wrap(TEXT_WIDTH, PAGE_HEIGHT)
        return sum(flowable._rowHeights[:2])  # noqa: SLF001 - reportlab keeps row heights there
    if isinstance(flowable, KeepTogether):  # a picture with its caption moves whole
        return sum(f.wrap(TEXT_WIDTH, PAGE_HEIGHT)[1] + f.getSpaceAfter() for f in flowable._content)  # noqa: SLF001
    return flowable.wrap(TEXT_WIDTH, PAGE_HEIGHT)[1]


def _kept_with_next(head: list[Flowable], following: Flowable) -> list[Flowable]:
    """``head`` (a heading, a caption) never ends a page: it goes to the next page unless the start of what
    follows fits under it. (reportlab's KeepTogether would move all of what follows.)"""
    need = 0.0
    for f in head:
        need += f.getSpaceBefore() + f.wrap(TEXT_WIDTH, PAGE_HEIGHT)[1] + f.getSpaceAfter()
        f.qcy_keep_next = True  # type: ignore[attr-defined]
    need += _start_height(following)
    return [CondPageBreak(need), *head]


def _gap(height_mm: float) -> Spacer:
    return Spacer(1, height_mm * mm)


def _ending(out: list[Flowable], content: model.DocumentContent, styles: _Styles) -> Flowable:
    """The seal area with what must stay on its page: it never stands alone on a last page.

    The last paragraph (or table, or picture) before it comes along whole, with the gaps between and the
    heading above it if that heading is kept with it; the disclaimer box stays under the seal. The DOCX does
    the same with "keep with next" and "keep lines together" (``docx_renderer._keep_ending_together``)."""
    tail: list[Flowable] = []
    while out and isinstance(out[-1], Spacer) and not isinstance(out[-1], CondPageBreak):
        tail.insert(0, out.pop())
    if out and not isinstance(out[-1], (_Letterhead, CondPageBreak)):
        last = out.pop()
        tail[:0] = list(last._content) if isinstance(last, KeepTogether) else [last]  # noqa: SLF001
        while out and getattr(out[-1], "qcy_keep_next", False):  # a heading kept with it comes along
            tail.insert(0, out.pop())
        if out and isinstance(out[-1], CondPageBreak):
            out.pop()  # the KeepTogether below decides the page break now
    ending: list[Flowable] = [*tail, _gap(layout.GAP_BEFORE_SEAL_MM), _SealArea(content.signature, content.lang)]
    if content.disclaimer:
        box = Table([[Paragraph(_markup(content.disclaimer, styles.disclaimer), styles.disclaimer)]],
                    colWidths=[TEXT_WIDTH])
        line = layout.DISCLAIMER_BORDER_EIGHTHS / 8  # the DOCX's bordered paragraph counts its lines in its height
        box.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT_NAME),
                                 ("BOX", (0, 0), (-1, -1), line, colors.HexColor("#888888")),
                                 ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#F7F7F7")),
                                 ("LEFTPADDING", (0, 0), (-1, -1), layout.DISCLAIMER_PAD_SIDE),
                                 ("RIGHTPADDING", (0, 0), (-1, -1), layout.DISCLAIMER_PAD_SIDE),
                                 ("TOPPADDING", (0, 0), (-1, -1), layout.CELL_PAD_TOP + line),
                                 ("BOTTOMPADDING", (0, 0), (-1, -1), layout.CELL_PAD_BOTTOM + line)]))
        ending += [_gap(layout.GAP_BEFORE_DISCLAIMER_MM), box]
    ending.append(Spacer(1, layout.END_LINE_PT))
    return KeepTogether(ending)


def story(content: model.DocumentContent) -> list[Flowable]:
    """The platypus flowables of a document (exposed for the desktop preview and tests)."""
    register_font()
    styles = _Styles(content.lang)

    def para(text: str, style: ParagraphStyle) -> Paragraph:
        return Paragraph(_markup(text, style), style)

    out: list[Flowable] = [_Letterhead(content.letterhead, content.lang), para(content.title, styles.title)]
    if content.number:
        out.append(para(f"{content.number_label}{content.number}", styles.number))
    if content.addressee:
        out.append(para(content.addressee, styles.plain))
    out.extend(para(text, styles.body) for text in content.intro)
    for section in content.sections:
        flow: list[Flowable | list[Flowable]] = []  # a list is a caption kept with the flowable after it
        for block in section.blocks:
            if isinstance(block, model.Paragraph):
                style = {"note": styles.note, "plain": styles.plain}.get(block.style, styles.body)
                flow.append(para(block.text, style))
            elif isinstance(block, model.Table):
                if block.caption:
                    flow.append([para(block.caption, styles.note)])
                flow += [_table(block, styles), _gap(layout.GAP_AFTER_TABLE_MM)]
            elif isinstance(block, model.Image):
                flow.append(KeepTogether(_image(block, styles)))  # the picture stays with its caption
            else:
                flow += [_kv(block, styles), _gap(layout.GAP_AFTER_TABLE_MM)]
        head: list[Flowable] = [para(section.heading, styles.heading)]
        for item in flow:
            if isinstance(item, list):
                head += item
                continue
            if head:  # a heading or caption never ends a page alone
                out += _kept_with_next(head, item)
                head = []
            out.append(item)
        if head:
            out += head
        out.append(_gap(layout.GAP_AFTER_SECTION_MM))
    out.extend(para(text, styles.body) for text in content.closing)
    out.append(_ending(out, content, styles))
    return out


def render_pdf(content: model.DocumentContent) -> bytes:
    """Render to PDF bytes. Deterministic for the same content (fixed creation date, invariant mode)."""
    register_font()
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer, pagesize=A4, leftMargin=MARGIN_LEFT, rightMargin=MARGIN_RIGHT, topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM, title=content.title, author=content.letterhead.name,
        subject=content.number, creator="QCY Workstation", invariant=1,
    )
    # no frame padding: the text is exactly as wide and the page exactly as tall as in the DOCX
    frame = Frame(MARGIN_LEFT, MARGIN_BOTTOM, TEXT_WIDTH, PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.build(story(content), canvasmaker=_numbered_canvas_class(content))
    return buffer.getvalue()
