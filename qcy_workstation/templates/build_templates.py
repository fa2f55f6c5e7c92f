"""Generate the shipped DOCX templates (``<kind>.<lang>.docx``) with python-docx.

Run ``python -m qcy_workstation.templates.build_templates`` after changing the layout here; the generated
files are committed. Staff may then edit a template in Word without code: move or restyle the
placeholders (``{{ title }}``, ``{{ number }}``, ...), change the styles named ``Qcy …``, add fixed
wording. The loops (``{%p for … %}``, ``{%tr … %}``, ``{%tc … %}``) must stay in their own paragraphs,
rows and cells. Placeholders available: see ``qcy_workstation.documents.docx_renderer.template_context``.
"""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from qcy_workstation.documents import layout

TEMPLATE_DIR = Path(__file__).resolve().parent
KINDS = ("acceptance-notice", "non-acceptance-notice", "consultation-record", "advice-letter", "reference-opinion",
         "early-warning-memo", "guidance", "statistics-report", "referral-letter", "rights-reminder",
         "service-report")
# The faces of the PDF (documents/layout.py): Chinese in the Song/Ming serif AR PL UMing CN, Latin in Times New
# Roman (the PDF embeds its metric twin Liberation Serif; LibreOffice maps one to the other), Chinese headings in
# the Hei face of the interface. The installer installs the shipped faces, so Word shows what the PDF shows.
EAST_ASIAN_FONT = layout.SERIF_CJK_FAMILY
LATIN_FONT = layout.SERIF_LATIN_FAMILY
RED = RGBColor(0xC8, 0x10, 0x10)


def set_fonts(rpr_owner, *, east_asia: str = EAST_ASIAN_FONT, latin: str = LATIN_FONT, hint: bool = True) -> None:
    """Set w:rFonts ascii/hAnsi/eastAsia on a style's or run's rPr so Word shows Chinese; ``hint`` (Chinese
    documents) sends the punctuation and symbols Chinese and Latin share (“ ” — × …) to the East Asian face."""
    rpr = rpr_owner.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:cs"), latin)
    if hint:
        fonts.set(qn("w:hint"), "eastAsia")
    elif qn("w:hint") in fonts.attrib:
        del fonts.attrib[qn("w:hint")]


# child order of w:pPr (ECMA-376 CT_PPrBase), as python-docx declares it
_PPR_ORDER = ("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl",
              "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens",
              "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN",
              "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
              "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
              "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


def _ppr_insert(ppr, element) -> None:  # noqa: ANN001
    """Insert ``element`` into a w:pPr at its schema position (Word rejects out-of-order children)."""
    seq = _PPR_ORDER
    tag = element.tag.split("}")[1]
    successors = seq[seq.index(f"w:{tag}") + 1:]
    existing = ppr.find(element.tag)
    if existing is not None:
        ppr.remove(existing)
    ppr.insert_element_before(element, *successors)


def _doc_defaults(doc: Document, lang: str) -> None:
    styles = doc.styles.element
    rpr_default = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    rpr = rpr_default.find(qn("w:rPr"))
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    fonts.set(qn("w:ascii"), LATIN_FONT)
    fonts.set(qn("w:hAnsi"), LATIN_FONT)
    fonts.set(qn("w:eastAsia"), EAST_ASIAN_FONT)
    fonts.set(qn("w:cs"), LATIN_FONT)
    lang_el = OxmlElement("w:lang")
    lang_el.set(qn("w:val"), "zh-CN" if lang == "zh" else "en-GB")
    lang_el.set(qn("w:eastAsia"), "zh-CN")
    rpr.append(lang_el)


def _exact(pf, points: float) -> None:  # noqa: ANN001
    """Exact line height, as the PDF's leading (Word "Exactly", LibreOffice "Fixed")."""
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    pf.line_spacing = Pt(points)


def _style(doc: Document, name: str, spec: layout.TextStyle, lang: str, *, align=None, color: RGBColor | None = None,
           first_line_chars: int = 0):
    style = doc.styles.add_style(name, 1)  # paragraph style
    style.base_style = doc.styles["Normal"]
    style.font.size = Pt(spec.size)
    style.font.bold = spec.bold
    if color is not None:
        style.font.color.rgb = color
    if spec.sans:
        set_fonts(style.element, east_asia=layout.SANS_FAMILY, latin=layout.SANS_FAMILY, hint=lang == "zh")
    else:
        set_fonts(style.element, hint=lang == "zh")
    pf = style.paragraph_format
    if align is not None:
        pf.alignment = align
    pf.space_before = Pt(spec.before)
    pf.space_after = Pt(spec.after)
    _exact(pf, spec.leading)
    if first_line_chars:  # "2 characters" (firstLineChars), as Chinese letters are indented
        ind = style.element.get_or_add_pPr().get_or_add_ind()
        ind.set(qn("w:firstLineChars"), str(first_line_chars * 100))
        ind.set(qn("w:firstLine"), str(int(spec.size * 20 * first_line_chars)))
    return style


def _gap_style(doc: Document, name: str, height_pt: float):
    """An empty line of ``height_pt``: the PDF's Spacer between blocks."""
    style = doc.styles.add_style(name, 1)
    style.base_style = doc.styles["Normal"]
    style.font.size = Pt(1)
    pf = style.paragraph_format
    pf.space_before = pf.space_after = Pt(0)
    _exact(pf, height_pt)
    return style


def _border(paragraph, side: str, *, val: str = "single", size: int = 12, color: str = "C81010", space: int = 4) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    borders = ppr.find(qn("w:pBdr"))
    if borders is None:
        borders = OxmlElement("w:pBdr")
        _ppr_insert(ppr, borders)
    el = OxmlElement(f"w:{side}")
    el.set(qn("w:val"), val)
    el.set(qn("w:sz"), str(size))
    el.set(qn("w:space"), str(space))
    el.set(qn("w:color"), color)
    borders.append(el)


def _field(paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) showing a placeholder digit until Word updates it."""
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run._r.append(begin)
    run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run._r.append(instr)
    run = paragraph.add_run()
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    run._r.append(sep)
    paragraph.add_run("1")
    run = paragraph.add_run()
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(end)


def _page_footer(paragraph, lang: str) -> None:
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if lang == "zh":
        paragraph.add_run("第 ")
        _field(paragraph, "PAGE")
        paragraph.add_run(" 页 共 ")
        _field(paragraph, "NUMPAGES")
        paragraph.add_run(" 页")
    else:
        paragraph.add_run("Page ")
        _field(paragraph, "PAGE")
        paragraph.add_run(" of ")
        _field(paragraph, "NUMPAGES")
    for run in paragraph.runs:
        run.font.size = Pt(9)


def _twips(points: float) -> str:
    return str(round(points * 20))


def _table_props(table, *, cell_pad_side: float = layout.CELL_PAD_SIDE, borders: str | None = "666666",
                 border_eighths: int = 4, caption: str = "") -> None:
    """Cell padding, fixed layout and grid lines as the PDF's tables have them."""
    tblpr = table._tbl.tblPr
    layout_el = OxmlElement("w:tblLayout")
    layout_el.set(qn("w:type"), "fixed")
    tblpr.append(layout_el)
    mar = OxmlElement("w:tblCellMar")
    for side, value in (("top", layout.CELL_PAD_TOP), ("left", cell_pad_side), ("bottom", layout.CELL_PAD_BOTTOM),
                        ("right", cell_pad_side)):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), _twips(value))
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    tblpr.append(mar)
    tblpr_borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{side}")
        if borders is None:
            el.set(qn("w:val"), "nil")
        else:
            el.set(qn("w:val"), "single")
            el.set(qn("w:sz"), str(border_eighths))
            el.set(qn("w:space"), "0")
            el.set(qn("w:color"), borders)
        tblpr_borders.append(el)
    tblpr.append(tblpr_borders)
    if caption:  # how the DOCX renderer finds the block after rendering
        el = OxmlElement("w:tblCaption")
        el.set(qn("w:val"), caption)
        tblpr.append(el)
    # schema order of tblPr children
    order = ("w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize",
             "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders", "w:shd",
             "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription")
    children = sorted(tblpr, key=lambda el: order.index(el.tag.replace(qn("w:x")[:-1], "w:")))
    for el in children:
        tblpr.remove(el)
        tblpr.append(el)


def _cant_split(row) -> None:  # noqa: ANN001
    """A row never splits across pages (reportlab never splits one)."""
    trpr = row._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:cantSplit"))


def _shade(cell, fill: str) -> None:  # noqa: ANN001
    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcpr.append(shd)


def _grid_table(doc: Document, rows: list[list[str]], *, header_fill: bool = False, first_col_fill: bool = False):
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _table_props(table)
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            cell = table.cell(r, c)
            cell.text = text
            cell.paragraphs[0].style = doc.styles["Qcy Cell Head" if header_fill and r == 0 else "Qcy Cell"]
        _cant_split(table.rows[r])
    if header_fill:
        # the header row repeats on a new page and never stays behind alone at the foot of a page
        trpr = table.rows[0]._tr.get_or_add_trPr()
        trpr.append(OxmlElement("w:tblHeader"))
        for cell in table.rows[0].cells:
            cell.paragraphs[0].paragraph_format.keep_with_next = True
            _shade(cell, "EDEDED")
    if first_col_fill:
        for row in table.rows:
            _shade(row.cells[0], "F3F3F3")
    return table


def seal_circle_png() -> bytes:
    """The dashed circle where the seal goes (as the PDF draws it), a transparent PNG."""
    import io
    import math

    from PIL import Image, ImageDraw

    size = 760  # px for the 38 mm circle: 20 px per mm
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    colour = (217, 140, 140, 255)
    radius = size / 2 - 6
    dash = 2 * 72 / 25.4 * 20 / (72 / 25.4)  # 2 pt dashes, in px
    steps = int(2 * math.pi * radius / dash)
    for i in range(0, steps, 2):
        a0, a1 = 360 * i / steps, 360 * (i + 1) / steps
        draw.arc((6, 6, size - 6, size - 6), a0, a1, fill=colour, width=5)
    out = io.BytesIO()
    img.save(out, "PNG", optimize=True)
    return out.getvalue()


def _anchor_behind(run, *, x_mm: float, y_mm: float) -> None:  # noqa: ANN001
    """Turn the run's inline picture into one floating behind the text at (x, y) from the cell and paragraph
    top, so it takes no room in the flow: the seal circle overlaps the organisation and the date."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    inline = run._r.find(".//" + qn("wp:inline"))
    extent = inline.find(qn("wp:extent"))
    anchor = parse_xml(
        f'<wp:anchor {nsdecls("wp")} distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" '
        f'behindDoc="1" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="column"><wp:posOffset>{int(Mm(x_mm))}</wp:posOffset></wp:positionH>'
        f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>{int(Mm(y_mm))}</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{extent.get("cx")}" cy="{extent.get("cy")}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f"<wp:wrapNone/></wp:anchor>")
    for tag in ("wp:docPr", "wp:cNvGraphicFramePr", "a:graphic"):
        el = inline.find(qn(tag))
        if el is not None:
            anchor.append(el)
    inline.getparent().replace(inline, anchor)


def build_template(kind: str, lang: str) -> Document:
    """The template document of one kind and language."""
    zh = lang == "zh"
    doc = Document()
    _doc_defaults(doc, lang)
    normal = doc.styles["Normal"]
    normal.font.size = Pt(12)
    set_fonts(normal.element, hint=zh)
    normal.paragraph_format.widow_control = True  # as the PDF: no single line at the foot or head of a page
    for tag in ("w:autoSpaceDE", "w:autoSpaceDN"):  # no extra gap between Chinese and digits: 2026年11月24日
        off = OxmlElement(tag)
        off.set(qn("w:val"), "0")
        _ppr_insert(normal.element.get_or_add_pPr(), off)
    off = OxmlElement("w:snapToGrid")  # lines exactly as tall as the style says, no document grid
    off.set(qn("w:val"), "0")
    _ppr_insert(normal.element.get_or_add_pPr(), off)
    for name in ("Table Grid",):
        set_fonts(doc.styles[name].element, hint=zh)

    section = doc.sections[0]
    section.page_height, section.page_width = Mm(layout.PAGE_HEIGHT_MM), Mm(layout.PAGE_WIDTH_MM)
    section.left_margin, section.right_margin = Mm(layout.MARGIN_LEFT_MM), Mm(layout.MARGIN_RIGHT_MM)
    section.top_margin, section.bottom_margin = Mm(layout.MARGIN_TOP_MM), Mm(layout.MARGIN_BOTTOM_MM)
    section.header_distance = Mm(layout.HEADER_DISTANCE_MM)
    section.footer_distance = Mm(layout.FOOTER_DISTANCE_MM)
    section.different_first_page_header_footer = True
    _ = WD_SECTION  # (single section)

    spec = layout.styles(lang)
    grey = RGBColor(0x33, 0x33, 0x33)
    centre = WD_ALIGN_PARAGRAPH.CENTER
    name_spec = layout.TextStyle(layout.LETTERHEAD_NAME_SIZE[lang], layout.LETTERHEAD_NAME_LEADING)
    _style(doc, "Qcy Letterhead", name_spec, lang, align=centre, color=RED)
    _style(doc, "Qcy Letterhead Sub", layout.TextStyle(layout.LETTERHEAD_SUB_SIZE, layout.LETTERHEAD_SUB_LEADING), lang,
           align=centre, color=RED)
    _style(doc, "Qcy Rule", layout.TextStyle(layout.CONTACT_SIZE, layout.CONTACT_LEADING, 0, layout.LETTERHEAD_GAP_AFTER),
           lang, align=centre, color=RGBColor(0x55, 0x55, 0x55))
    _style(doc, "Qcy Title", spec["title"], lang, align=centre)
    _style(doc, "Qcy Number", spec["number"], lang, align=centre)
    _style(doc, "Qcy Heading", spec["heading"], lang)
    doc.styles["Qcy Heading"].paragraph_format.keep_with_next = True
    _style(doc, "Qcy Body", spec["body"], lang, align=WD_ALIGN_PARAGRAPH.JUSTIFY if zh else WD_ALIGN_PARAGRAPH.LEFT,
           first_line_chars=2 if zh else 0)
    _style(doc, "Qcy Plain", spec["plain"], lang)
    _style(doc, "Qcy Note", spec["note"], lang, color=grey)
    _style(doc, "Qcy Table Caption", spec["note"], lang, color=grey)
    doc.styles["Qcy Table Caption"].paragraph_format.keep_with_next = True  # a caption stays with its table
    _style(doc, "Qcy Cell", spec["cell"], lang)
    _style(doc, "Qcy Cell Head", spec["cell"], lang, align=centre)
    sig = spec["signature"]
    _style(doc, "Qcy Right", sig, lang, align=centre)  # organisation and date, centred on the seal
    _style(doc, "Qcy Staff", sig, lang)
    _style(doc, "Qcy Seal", layout.TextStyle(8, 14), lang, align=centre, color=RGBColor(0xCC, 0x99, 0x99))
    _style(doc, "Qcy Disclaimer", spec["disclaimer"], lang, color=RGBColor(0x22, 0x22, 0x22))
    _style(doc, "Qcy Header", layout.TextStyle(9, 12), lang)
    # a picture's line must not be exact (it would be cut): single spacing, kept with its caption
    _style(doc, "Qcy Image", layout.TextStyle(9.5, 14), lang, align=centre)
    doc.styles["Qcy Image"].paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    doc.styles["Qcy Image"].paragraph_format.keep_with_next = True
    _style(doc, "Qcy Caption", spec["caption"], lang, align=centre, color=grey)
    _gap_style(doc, "Qcy Gap", layout.GAP_AFTER_TABLE_MM * layout.MM)
    _gap_style(doc, "Qcy Section Gap", layout.GAP_AFTER_SECTION_MM * layout.MM)
    _gap_style(doc, "Qcy Seal Gap", layout.GAP_BEFORE_SEAL_MM * layout.MM)
    _gap_style(doc, "Qcy Disclaimer Gap", layout.GAP_BEFORE_DISCLAIMER_MM * layout.MM)
    _gap_style(doc, "Qcy End", layout.END_LINE_PT)

    def p(text: str, style: str):
        return doc.add_paragraph(text, style=doc.styles[style])

    p("{{ letterhead.name }}", "Qcy Letterhead")
    p("{%p if letterhead.subtitle %}", "Qcy Plain")
    p("{{ letterhead.subtitle }}", "Qcy Letterhead Sub")
    p("{%p endif %}", "Qcy Plain")
    # the red double rule (thick over thin) over the contact line, as the PDF draws it
    rule = p("{{ letterhead.contact }}", "Qcy Rule")
    _border(rule, "top", val="thickThinSmallGap", size=24, space=2)
    p("{{ title }}", "Qcy Title")
    p("{%p if number %}", "Qcy Plain")
    p("{{ number_label }}{{ number }}", "Qcy Number")
    p("{%p endif %}", "Qcy Plain")
    p("{%p if addressee %}", "Qcy Plain")
    p("{{ addressee }}", "Qcy Plain")
    p("{%p endif %}", "Qcy Plain")
    p("{%p for text in intro %}", "Qcy Plain")
    p("{{ text }}", "Qcy Body")
    p("{%p endfor %}", "Qcy Plain")
    p("{%p for sec in sections %}", "Qcy Plain")
    p("{{ sec.heading }}", "Qcy Heading")
    p("{%p for b in sec.blocks %}", "Qcy Plain")
    p("{%p if b.kind == 'para' and b.style == 'note' %}", "Qcy Plain")
    p("{{ b.text }}", "Qcy Note")
    p("{%p elif b.kind == 'para' and b.style == 'plain' %}", "Qcy Plain")
    p("{{ b.text }}", "Qcy Plain")
    p("{%p elif b.kind == 'para' %}", "Qcy Plain")
    p("{{ b.text }}", "Qcy Body")
    p("{%p elif b.kind == 'table' %}", "Qcy Plain")
    p("{%p if b.caption %}", "Qcy Plain")
    p("{{ b.caption }}", "Qcy Table Caption")
    p("{%p endif %}", "Qcy Plain")
    _grid_table(doc, [
        ["{%tc for h in b.header %}", "{{ h }}", "{%tc endfor %}"],
        ["{%tr for row in b.rows %}", "", ""],
        ["{%tc for c in row %}", "{{ c }}", "{%tc endfor %}"],
        ["{%tr endfor %}", "", ""],
    ], header_fill=True)
    p("", "Qcy Gap")  # the PDF's gap after a table; also keeps consecutive tables apart (Word would merge them)
    p("{%p elif b.kind == 'kv' %}", "Qcy Plain")
    _grid_table(doc, [
        ["{%tr for item in b.pairs %}", ""],
        ["{{ item[0] }}", "{{ item[1] }}"],
        ["{%tr endfor %}", ""],
    ], first_col_fill=True)
    p("", "Qcy Gap")
    p("{%p elif b.kind == 'image' %}", "Qcy Plain")
    p("{{ b.image }}", "Qcy Image")
    p("{%p if b.caption %}", "Qcy Plain")
    p("{{ b.caption }}", "Qcy Caption")
    p("{%p endif %}", "Qcy Plain")
    p("", "Qcy Gap")
    p("{%p endif %}", "Qcy Plain")
    p("{%p endfor %}", "Qcy Plain")
    p("", "Qcy Section Gap")
    p("{%p endfor %}", "Qcy Plain")
    p("{%p for text in closing %}", "Qcy Plain")
    p("{{ text }}", "Qcy Body")
    p("{%p endfor %}", "Qcy Plain")
    p("", "Qcy Seal Gap")

    # the seal area, as in the PDF: lines of exact height kept together (and with the paragraph before them:
    # docx_renderer sets that); the staff line on the left, the seal hint, organisation and date centred in
    # the right column on a dashed circle floating behind them, where the seal goes
    texts = {"staff": "{{ signature.staff_label }}{{ signature.staff_name }}", "hint": "{{ signature.seal_hint }}",
             "organisation": "{{ signature.organisation }}", "date": "{{ signature.date_text }}"}
    column_left = layout.TEXT_WIDTH_MM - layout.SEAL_COLUMN_MM - layout.SEAL_RIGHT_GAP_MM
    for what, size, leading in layout.SEAL_LINES:
        style = "Qcy Staff" if what == "staff" else "Qcy Seal" if what == "hint" else "Qcy Right"
        line = p(texts[what], style)
        line.runs[0].font.size = Pt(size)
        pf = line.paragraph_format
        _exact(pf, leading)
        pf.keep_with_next = True
        if what != "staff":
            pf.left_indent, pf.right_indent = Mm(column_left), Mm(layout.SEAL_RIGHT_GAP_MM)
        if what == "hint":
            circle = line.add_run()
            diameter = 2 * layout.SEAL_RADIUS_MM
            circle.add_picture(io.BytesIO(seal_circle_png()), width=Mm(diameter), height=Mm(diameter))
            centre_x = layout.TEXT_WIDTH_MM - layout.SEAL_RIGHT_GAP_MM - layout.SEAL_COLUMN_MM / 2
            _anchor_behind(circle, x_mm=centre_x - layout.SEAL_RADIUS_MM,
                           y_mm=(layout.SEAL_CIRCLE_CENTRE_PT - layout.SEAL_LINES[0][2]) / layout.MM
                           - layout.SEAL_RADIUS_MM)
    fill = p("", "Qcy Gap")
    fill.paragraph_format.keep_with_next = True
    _exact(fill.paragraph_format, layout.SEAL_FILL_PT)

    p("{%p if disclaimer %}", "Qcy Plain")
    gap = p("", "Qcy Disclaimer Gap")
    gap.paragraph_format.keep_with_next = True
    box = p("{{ disclaimer }}", "Qcy Disclaimer")  # a box as the PDF's: grey lines, light grey ground
    for side, space in (("top", layout.CELL_PAD_TOP), ("left", layout.DISCLAIMER_PAD_SIDE),
                        ("bottom", layout.CELL_PAD_BOTTOM), ("right", layout.DISCLAIMER_PAD_SIDE)):
        _border(box, side, size=layout.DISCLAIMER_BORDER_EIGHTHS, color="888888", space=int(space))
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), "F7F7F7")
    _ppr_insert(box._p.get_or_add_pPr(), shd)
    indent = Mm(layout.DISCLAIMER_PAD_SIDE / layout.MM)
    box.paragraph_format.left_indent = box.paragraph_format.right_indent = indent
    p("{%p endif %}", "Qcy Plain")
    # should a template end with a table, Word and LibreOffice would add a full empty line (and maybe a page)
    p("", "Qcy End")

    # running header on continuation pages; page numbers on every page
    header = section.header.paragraphs[0]
    header.text = "{{ letterhead.name }}\t\t{{ number }}"
    header.style = doc.styles["Qcy Header"]
    from docx.enum.text import WD_TAB_ALIGNMENT

    header.paragraph_format.tab_stops.add_tab_stop(Mm(80), WD_TAB_ALIGNMENT.CENTER)
    header.paragraph_format.tab_stops.add_tab_stop(Mm(160), WD_TAB_ALIGNMENT.RIGHT)
    _border(header, "bottom", size=4, color="999999")
    _page_footer(section.footer.paragraphs[0], lang)
    _page_footer(section.first_page_footer.paragraphs[0], lang)
    doc.core_properties.title = "{{ title }}"
    doc.core_properties.subject = "{{ number }}"
    doc.core_properties.author = "{{ letterhead.name }}"
    doc.core_properties.comments = f"QCY Workstation template: {kind} ({lang})"
    return doc


def template_path(kind: str, lang: str) -> Path:
    return TEMPLATE_DIR / f"{kind}.{lang}.docx"


def build_all(target: Path = TEMPLATE_DIR) -> list[Path]:
    """Write every template; returns the paths written."""
    out = []
    for kind in KINDS:
        for lang in ("zh", "en"):
            path = target / f"{kind}.{lang}.docx"
            build_template(kind, lang).save(path)
            out.append(path)
    return out


if __name__ == "__main__":
    for written in build_all():
        print(written)
