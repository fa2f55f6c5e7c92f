"""One page layout for the PDF renderer and the DOCX templates, so both paginate alike.

Every figure that decides where a line or a page breaks lives here: page and margins, each style's face,
size and (exact) line height, the space around paragraphs, the gaps between blocks, the letterhead, the
seal area and the table cell padding. ``pdf.py`` draws with them; ``templates/build_templates.py`` writes
them into the DOCX styles as exact line spacing (Word's "Exactly", LibreOffice's "Fixed"), so a line is
as tall in Word as in the PDF whatever the face's own ascent and descent say.
``tests/documents/test_page_parity.py`` renders every kind both ways and compares the page counts.

Faces (the fonts shipped in ``resources/fonts``; see its README):

- body, titles, tables, letterhead and signature: a Song/Ming serif for Chinese (AR PL UMing CN) and a
  Times-metric serif for Latin letters and digits (Liberation Serif; the DOCX names Times New Roman, which
  has the same metrics, and LibreOffice maps one to the other);
- Chinese section headings in Hei (the interface's sans face, WenQuanYi Micro Hei), as GB/T 9704-2012
  7.3.3 sets the first level of an official document's headings in 黑体; English headings in bold serif.
"""

from __future__ import annotations

from dataclasses import dataclass

MM = 72 / 25.4  # points per millimetre

PAGE_WIDTH_MM, PAGE_HEIGHT_MM = 210, 297
MARGIN_LEFT_MM, MARGIN_RIGHT_MM = 26, 24
MARGIN_TOP_MM, MARGIN_BOTTOM_MM = 22, 22
HEADER_DISTANCE_MM = FOOTER_DISTANCE_MM = 10
TEXT_WIDTH_MM = PAGE_WIDTH_MM - MARGIN_LEFT_MM - MARGIN_RIGHT_MM  # 160

# DOCX font names (what Word and LibreOffice look up) of the shipped faces
SERIF_CJK_FAMILY = "AR PL UMing CN"
SERIF_LATIN_FAMILY = "Times New Roman"  # metric twin of the shipped Liberation Serif
SANS_FAMILY = "WenQuanYi Micro Hei"


@dataclass(frozen=True)
class TextStyle:
    """A paragraph style: size and exact line height in points, space before and after in points."""

    size: float
    leading: float
    before: float = 0.0
    after: float = 0.0
    sans: bool = False  # Chinese headings in Hei
    bold: bool = False  # English headings


def styles(lang: str) -> dict[str, TextStyle]:
    """The paragraph styles of a document in ``lang`` (``zh`` or ``en``)."""
    zh = lang == "zh"
    return {
        "title": TextStyle(20 if zh else 17, 28 if zh else 23, 6, 4),
        "number": TextStyle(11, 16, 0, 10),
        "heading": TextStyle(13, 20, 8, 4, sans=zh, bold=not zh),
        "body": TextStyle(12, 21, 0, 3),
        "plain": TextStyle(12, 21, 0, 3),
        "note": TextStyle(9.5, 14, 0, 3),
        "cell": TextStyle(9.5, 13),
        "caption": TextStyle(9.5, 14, 2, 4),
        "disclaimer": TextStyle(9.5, 14),
        "signature": TextStyle(12, 18),
    }


# The letterhead (红头): the workstation's name in red, an optional subtitle, a red double rule (thick over
# thin) and the contact line under it. Heights are exact line heights in points.
LETTERHEAD_NAME_SIZE = {"zh": 22, "en": 17}
LETTERHEAD_NAME_LEADING = 30
LETTERHEAD_SUB_SIZE, LETTERHEAD_SUB_LEADING = 10, 15
RULE_THICK_PT, RULE_THIN_PT = 2.25, 0.75  # Word's thickThinSmallGap border of 3 pt
CONTACT_SIZE, CONTACT_LEADING = 8, 12
LETTERHEAD_GAP_AFTER = 10  # after the contact line, before the title

GAP_AFTER_TABLE_MM = 2.5  # an empty line of this height after each table
GAP_AFTER_SECTION_MM = 2.0
GAP_BEFORE_SEAL_MM = 6.0
GAP_BEFORE_DISCLAIMER_MM = 4.0
END_LINE_PT = 1.0  # the DOCX ends with an empty line this tall (a document cannot end with a table)

# The seal area: a block of fixed height made of lines of exact height (so Word and LibreOffice keep them
# together with "keep with next" like any paragraph): the staff line on the left; in a column on the right the
# seal hint, the organisation and the date, centred on the dashed circle where the seal goes.
SEAL_COLUMN_MM = 84.0  # the right column; its centre is the seal's centre
SEAL_RIGHT_GAP_MM = 2.0
SEAL_RADIUS_MM = 19.0
SEAL_LINES = (  # (what, size, exact line height) from the top
    ("staff", 12, 30.0),
    ("hint", 8, 14.0),
    ("organisation", 12, 30.0),
    ("date", 12, 24.0),
)
SEAL_AREA_HEIGHT_MM = 42.0  # the last line fills the block to this height
SEAL_FILL_PT = SEAL_AREA_HEIGHT_MM * MM - sum(line[2] for line in SEAL_LINES)
SEAL_CIRCLE_CENTRE_PT = 30.0 + 14.0 + 19.0  # from the top of the block: about the organisation's middle
BASELINE_RATIO = 0.8  # where a baseline sits in an exact line, from its top (as Word and LibreOffice place it)


def seal_organisation_size(name: str) -> float:
    """The organisation's point size in the seal column: 12 pt, smaller for a long name so it stays on one line.
    Counted in ems (a Chinese character one em, other characters half), the same for the PDF and the DOCX."""
    import unicodedata

    ems = sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.5 for ch in name)
    size = 12.0
    while size > 7 and ems * size > (SEAL_COLUMN_MM - 4) * MM:
        size -= 0.5
    return size


# Table cells: padding in points (reportlab's TOP/BOTTOM/LEFT/RIGHTPADDING, Word's tblCellMar)
CELL_PAD_TOP = CELL_PAD_BOTTOM = 3.0
CELL_PAD_SIDE = 4.0
GRID_WIDTH_PT = 0.5
DISCLAIMER_PAD_SIDE = 6.0
DISCLAIMER_BORDER_EIGHTHS = 5  # its box line, in eighths of a point (Word's unit): 0.625 pt
