"""Generate the shipped DOCX templates (``<kind>.<lang>.docx``) with python-docx.

Run ``python -m qcy_workstation.templates.build_templates`` after changing the layout here; the generated
files are committed. Staff may then edit a template in Word without code: move or restyle the
placeholders (``{{ title }}``, ``{{ number }}``, ...), change the styles named ``Qcy …``, add fixed
wording. The loops (``{%p for … %}``, ``{%tr … %}``, ``{%tc … %}``) must stay in their own paragraphs,
rows and cells. Placeholders available: see ``qcy_workstation.documents.docx_renderer.template_context``.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from qcy_workstation.resources import FONT_FAMILY

TEMPLATE_DIR = Path(__file__).resolve().parent
KINDS = ("acceptance-notice", "non-acceptance-notice", "consultation-record", "advice-letter", "reference-opinion",
         "early-warning-memo", "guidance", "statistics-report")
# One shipped face for Chinese and Latin (the lead's decision, .dev/FONT_CHANGED): the same font as the PDF,
# so the DOCX and the PDF look alike. Where Word lacks it, Windows substitutes its own CJK font (w:eastAsia and
# the eastAsia hint keep Chinese in a CJK face); the installer is expected to install the shipped font.
EAST_ASIAN_FONT = FONT_FAMILY
LATIN_FONT = FONT_FAMILY
RED = RGBColor(0xC8, 0x10, 0x10)


def set_fonts(rpr_owner, *, east_asia: str = EAST_ASIAN_FONT, latin: str = LATIN_FONT) -> None:
    """Set w:rFonts ascii/hAnsi/eastAsia (+ hint) on a style's or run's rPr so Word shows Chinese."""
    rpr = rpr_owner.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:cs"), latin)
    fonts.set(qn("w:hint"), "eastAsia")


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


def _doc_defaults(doc: Document) -> None:
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
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    rpr.append(lang)


def _style(doc: Document, name: str, *, size: float, align=None, color: RGBColor | None = None,
           first_line_chars: int = 0, space_before: float = 0, space_after: float = 3, line: float = 1.5,
           bold: bool = False):
    style = doc.styles.add_style(name, 1)  # paragraph style
    style.base_style = doc.styles["Normal"]
    style.font.size = Pt(size)
    style.font.bold = bold
    if color is not None:
        style.font.color.rgb = color
    set_fonts(style.element)
    pf = style.paragraph_format
    if align is not None:
        pf.alignment = align
    pf.space_before = Pt(space_before)
    pf.space_after = Pt(space_after)
    pf.line_spacing = line
    if first_line_chars:  # "2 characters" (firstLineChars), as Chinese letters are indented
        ind = style.element.get_or_add_pPr().get_or_add_ind()
        ind.set(qn("w:firstLineChars"), str(first_line_chars * 100))
        ind.set(qn("w:firstLine"), str(int(size * 20 * first_line_chars)))
    return style


def _border(paragraph, side: str, *, val: str = "single", size: int = 12, color: str = "C81010") -> None:
    ppr = paragraph._p.get_or_add_pPr()
    borders = ppr.find(qn("w:pBdr"))
    if borders is None:
        borders = OxmlElement("w:pBdr")
        _ppr_insert(ppr, borders)
    el = OxmlElement(f"w:{side}")
    el.set(qn("w:val"), val)
    el.set(qn("w:sz"), str(size))
    el.set(qn("w:space"), "4")
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


def _grid_table(doc: Document, rows: list[list[str]], *, header_fill: bool = False):
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            cell = table.cell(r, c)
            cell.text = text
            cell.paragraphs[0].style = doc.styles["Qcy Cell"]
    if header_fill:
        # the header row repeats on a new page and never stays behind alone at the foot of a page
        trpr = table.rows[0]._tr.get_or_add_trPr()
        trpr.append(OxmlElement("w:tblHeader"))
        for cell in table.rows[0].cells:
            cell.paragraphs[0].paragraph_format.keep_with_next = True
            tcpr = cell._tc.get_or_add_tcPr()
            shd = OxmlElement("w:shd")
            shd.set(qn("w:val"), "clear")
            shd.set(qn("w:color"), "auto")
            shd.set(qn("w:fill"), "EDEDED")
            tcpr.append(shd)
    return table


def build_template(kind: str, lang: str) -> Document:
    """The template document of one kind and language."""
    zh = lang == "zh"
    doc = Document()
    _doc_defaults(doc)
    normal = doc.styles["Normal"]
    normal.font.size = Pt(12)
    set_fonts(normal.element)
    for tag in ("w:autoSpaceDE", "w:autoSpaceDN"):  # no extra gap between Chinese and digits: 2026年11月24日
        off = OxmlElement(tag)
        off.set(qn("w:val"), "0")
        _ppr_insert(normal.element.get_or_add_pPr(), off)
    for name in ("Table Grid",):
        set_fonts(doc.styles[name].element)

    section = doc.sections[0]
    section.page_height, section.page_width = Mm(297), Mm(210)
    section.left_margin, section.right_margin = Mm(26), Mm(24)
    section.top_margin, section.bottom_margin = Mm(22), Mm(22)
    section.header_distance = section.footer_distance = Mm(10)
    section.different_first_page_header_footer = True
    _ = WD_SECTION  # (single section)

    _style(doc, "Qcy Letterhead", size=22 if zh else 16, align=WD_ALIGN_PARAGRAPH.CENTER, color=RED, space_after=0,
           line=1.1)
    _style(doc, "Qcy Letterhead Sub", size=10, align=WD_ALIGN_PARAGRAPH.CENTER, color=RED, space_after=0, line=1.1)
    _style(doc, "Qcy Rule", size=8, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=10, line=1.0,
           color=RGBColor(0x55, 0x55, 0x55))
    _style(doc, "Qcy Title", size=20 if zh else 17, align=WD_ALIGN_PARAGRAPH.CENTER, space_before=6, space_after=4,
           line=1.2)
    _style(doc, "Qcy Number", size=11, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=10, line=1.2)
    _style(doc, "Qcy Heading", size=13, space_before=8, space_after=4, line=1.3, bold=not zh)
    doc.styles["Qcy Heading"].paragraph_format.keep_with_next = True
    _style(doc, "Qcy Body", size=12, align=WD_ALIGN_PARAGRAPH.JUSTIFY if zh else WD_ALIGN_PARAGRAPH.LEFT,
           first_line_chars=2 if zh else 0, line=1.5)
    _style(doc, "Qcy Plain", size=12, line=1.5)
    _style(doc, "Qcy Note", size=9.5, line=1.25, color=RGBColor(0x33, 0x33, 0x33))
    _style(doc, "Qcy Cell", size=9.5, line=1.15, space_after=0)
    _style(doc, "Qcy Right", size=12, align=WD_ALIGN_PARAGRAPH.RIGHT, line=1.5, space_after=0)
    _style(doc, "Qcy Seal", size=8, align=WD_ALIGN_PARAGRAPH.RIGHT, color=RGBColor(0xCC, 0x99, 0x99), space_after=0)
    _style(doc, "Qcy Disclaimer", size=9.5, line=1.25, space_before=10)
    _style(doc, "Qcy Header", size=9, line=1.0, space_after=0)
    _style(doc, "Qcy Image", size=9.5, align=WD_ALIGN_PARAGRAPH.CENTER, line=1.0, space_before=4, space_after=2)
    doc.styles["Qcy Image"].paragraph_format.keep_with_next = True  # the picture stays with its caption
    _style(doc, "Qcy Caption", size=9.5, align=WD_ALIGN_PARAGRAPH.CENTER, line=1.25, space_after=6,
           color=RGBColor(0x33, 0x33, 0x33))

    def p(text: str, style: str):
        return doc.add_paragraph(text, style=doc.styles[style])

    p("{{ letterhead.name }}", "Qcy Letterhead")
    p("{{ letterhead.subtitle }}", "Qcy Letterhead Sub")
    rule = p("{{ letterhead.contact }}", "Qcy Rule")
    _border(rule, "bottom", val="thickThinSmallGap", size=24)
    p("{{ title }}", "Qcy Title")
    p("{{ number_label }}{{ number }}", "Qcy Number")
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
    _grid_table(doc, [
        ["{%tc for h in b.header %}", "{{ h }}", "{%tc endfor %}"],
        ["{%tr for row in b.rows %}", "", ""],
        ["{%tc for c in row %}", "{{ c }}", "{%tc endfor %}"],
        ["{%tr endfor %}", "", ""],
    ], header_fill=True)
    p("", "Qcy Note")  # keeps consecutive tables apart (Word would merge them)
    p("{%p elif b.kind == 'kv' %}", "Qcy Plain")
    _grid_table(doc, [
        ["{%tr for item in b.pairs %}", ""],
        ["{{ item[0] }}", "{{ item[1] }}"],
        ["{%tr endfor %}", ""],
    ])
    p("", "Qcy Note")
    p("{%p elif b.kind == 'image' %}", "Qcy Plain")
    p("{{ b.image }}", "Qcy Image")
    p("{%p if b.caption %}", "Qcy Plain")
    p("{{ b.caption }}", "Qcy Caption")
    p("{%p endif %}", "Qcy Plain")
    p("{%p endif %}", "Qcy Plain")
    p("{%p endfor %}", "Qcy Plain")
    p("{%p endfor %}", "Qcy Plain")
    p("{%p for text in closing %}", "Qcy Plain")
    p("{{ text }}", "Qcy Body")
    p("{%p endfor %}", "Qcy Plain")
    p("", "Qcy Plain")
    p("{%p if signature.staff_label %}", "Qcy Plain")
    p("{{ signature.staff_label }}{{ signature.staff_name }}", "Qcy Plain")
    p("{%p endif %}", "Qcy Plain")
    p("{{ signature.seal_hint }}", "Qcy Seal")
    p("{{ signature.organisation }}", "Qcy Right")
    p("{{ signature.date_text }}", "Qcy Right")
    p("{%p if disclaimer %}", "Qcy Plain")
    box = p("{{ disclaimer }}", "Qcy Disclaimer")
    for side in ("top", "left", "bottom", "right"):
        _border(box, side, size=6, color="888888")
    p("{%p endif %}", "Qcy Plain")

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
