"""Issue 13 item 6: "85℃" printed as "85 " because the shipped sans face maps ℃ to an empty glyph; item 10:
documents print in the shipped serif faces, which draw it.

Each character goes to a face that draws it; the stand-ins for characters no face draws are checked against
the font files, and a document with such characters is rendered and read back."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

from fontTools.ttLib import TTFont
from pypdf import PdfReader

from qcy_workstation.documents import CaseData, PartyInfo, build_document, render
from qcy_workstation.documents.pdf import BLANK_GLYPHS, LATIN, SANS, SERIF, printable, register_font, runs
from qcy_workstation.resources import document_font_paths, font_path

PACKAGE = Path(__file__).resolve().parents[2] / "qcy_workstation"


def _blank_and_drawn(path: Path) -> tuple[set[int], set[int]]:
    """(visible code points mapped to an empty glyph, code points drawn) of a TrueType file."""
    font = TTFont(str(path), lazy=True)
    cmap = font.getBestCmap()
    order = {name: i for i, name in enumerate(font.getGlyphOrder())}
    loca = font["loca"].locations
    blank = {cp for cp, name in cmap.items() if loca[order[name] + 1] == loca[order[name]]
             and cp > 0x20 and not unicodedata.category(chr(cp)).startswith(("Z", "C", "M"))}
    return blank, set(cmap) - blank


def test_every_visible_character_the_sans_face_leaves_blank_has_a_printable_stand_in() -> None:
    blank, drawn = _blank_and_drawn(font_path())
    assert blank <= set(BLANK_GLYPHS), sorted(chr(c) for c in blank - set(BLANK_GLYPHS))
    for cp in BLANK_GLYPHS:
        for ch in chr(cp).translate(BLANK_GLYPHS):
            assert ch == " " or ord(ch) in drawn, ch


def test_the_serif_faces_draw_every_character_they_map() -> None:
    for key in ("serif-cjk", "serif-latin", "serif-latin-bold"):
        blank, _ = _blank_and_drawn(document_font_paths()[key])
        assert not blank, (key, sorted(chr(c) for c in blank)[:20])


def test_every_character_in_the_documents_code_and_data_prints_in_a_serif_face() -> None:
    """Every non-ASCII character the builders, guidance texts and law data can print (℃, ×, ≤, 〔〕, ①, — ...)
    is drawn by the Chinese or the Latin serif face; the sans face is a fallback for what staff type only."""
    register_font()
    chars: set[str] = set()
    for folder in ("documents", "compensation"):
        for path in (PACKAGE / folder).rglob("*"):
            if path.suffix in (".py", ".json", ".md", ".txt"):
                chars |= {ch for ch in path.read_text(encoding="utf-8") if ord(ch) > 0x7E}
    chars = {ch for ch in chars if not unicodedata.category(ch).startswith(("Z", "C", "M"))}
    faces = {face for text in chars for face, _ in runs(text, "serif", "zh")}
    in_sans = sorted(ch for ch in chars if runs(ch, "serif", "zh")[0][0] == SANS)
    # U+2212 MINUS, U+2194, U+3164 and U+301C are not in AR PL UMing CN; the sans face draws them
    assert set(in_sans) <= {"\u2212", "↔", "\u3164", "〜", "⚑"}, in_sans
    assert faces <= {SERIF, LATIN, SANS}
    assert printable("85℃") == "85℃"  # the serif face draws ℃: no stand-in needed any more


def test_a_temperature_in_a_trade_secret_opinion_prints() -> None:
    case = CaseData(number="QCY-2026-00008", ip_type="trade-secret", applicant=PartyInfo("陕西秦岭智能装备有限公司"),
                    facts="加热至85℃保温30min。", status="in_progress")
    pdf = render(build_document("reference-opinion", case, lang="zh"), "pdf")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "85℃" in text
