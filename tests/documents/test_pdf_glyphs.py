"""Issue 13 item 6: "85℃" printed as "85 " because the shipped face maps ℃ to an empty glyph.

The list of such characters is checked against the font file itself, and a document with them is
rendered and read back."""

from __future__ import annotations

import io
import unicodedata

from fontTools.ttLib import TTFont
from pypdf import PdfReader

from qcy_workstation.documents import CaseData, PartyInfo, build_document, render
from qcy_workstation.documents.pdf import BLANK_GLYPHS, printable
from qcy_workstation.resources import font_path


def _font() -> tuple[dict[int, str], object]:
    font = TTFont(str(font_path()), fontNumber=0)
    return font.getBestCmap(), font["glyf"]


def test_every_visible_character_the_face_leaves_blank_has_a_printable_stand_in() -> None:
    cmap, glyf = _font()
    blank = {cp for cp, name in cmap.items() if getattr(glyf[name], "numberOfContours", 1) == 0
             and cp > 0x20 and not unicodedata.category(chr(cp)).startswith(("Z", "C", "M"))}
    assert blank <= set(BLANK_GLYPHS), sorted(chr(c) for c in blank - set(BLANK_GLYPHS))
    for cp in BLANK_GLYPHS:
        for ch in printable(chr(cp)):
            assert ch == " " or (ord(ch) in cmap and getattr(glyf[cmap[ord(ch)]], "numberOfContours", 1) != 0), ch


def test_a_temperature_in_a_trade_secret_opinion_prints() -> None:
    case = CaseData(number="QCY-2026-00008", ip_type="trade-secret", applicant=PartyInfo("陕西秦岭智能装备有限公司"),
                    facts="加热至85℃保温30min。", status="in_progress")
    pdf = render(build_document("reference-opinion", case, lang="zh"), "pdf")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "85°C" in text and "85℃" not in text
