"""Fonts for the chart images: the shipped TrueType font, plus a Latin face only if it lacks Latin.

The shipped font (``resources.font_path()``) is used for everything when it has glyphs for ASCII letters
and digits. A CJK-only face (the project shipped Droid Sans Fallback at first, which has none) would print
figures as blank boxes, so then non-CJK runs use reportlab's bundled ``Vera.ttf`` (Bitstream Vera licence;
TrueType, so it embeds). DOCX needs no split: Word picks the East Asian font (w:eastAsia) by itself.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import reportlab
from reportlab.pdfbase.ttfonts import TTFontFile

from qcy_workstation.resources import font_path


def cjk_font_file() -> Path:
    return font_path()


@cache
def shipped_font_has_latin() -> bool:
    """Whether the shipped font maps ASCII letters, digits and the punctuation figures use."""
    face = TTFontFile(str(font_path()))
    return all(ord(ch) in face.charToGlyph for ch in "AZaz09%.,-()")


def latin_font_file(bold: bool = False) -> Path:
    if shipped_font_has_latin():
        return font_path()
    return Path(reportlab.__file__).parent / "fonts" / ("VeraBd.ttf" if bold else "Vera.ttf")


def is_cjk_char(ch: str) -> bool:
    """Drawn with the main (CJK) font: CJK radicals onwards, or everything when it has Latin glyphs."""
    return ord(ch) >= 0x2E80 or shipped_font_has_latin()










