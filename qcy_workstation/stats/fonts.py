"""Fonts for reports and charts: the shipped TrueType font, plus a Latin face only if it lacks Latin.

The shipped font (``resources.font_path()``) is used for everything when it has glyphs for ASCII letters
and digits. A CJK-only face (the project shipped Droid Sans Fallback at first, which has none) would print
figures as blank boxes, so then non-CJK runs use reportlab's bundled ``Vera.ttf`` (Bitstream Vera licence;
TrueType, so it embeds). DOCX needs no split: Word picks the East Asian font (w:eastAsia) by itself.
"""

from __future__ import annotations

import threading
from functools import cache
from html import escape
from pathlib import Path

import reportlab
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, TTFontFile

from qcy_workstation.resources import font_path

CJK_PDF_FONT = "QcyStatsCJK"
LATIN_PDF_FONT = "QcyStatsLatin"
LATIN_PDF_FONT_BOLD = "QcyStatsLatinBold"
_lock = threading.Lock()


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


def register_pdf_fonts() -> tuple[str, str]:
    """Register both fonts with reportlab once per process; returns (cjk name, latin name)."""
    with _lock:
        names = pdfmetrics.getRegisteredFontNames()
        if CJK_PDF_FONT not in names:
            pdfmetrics.registerFont(TTFont(CJK_PDF_FONT, str(cjk_font_file())))
        if LATIN_PDF_FONT not in names and not shipped_font_has_latin():
            pdfmetrics.registerFont(TTFont(LATIN_PDF_FONT, str(latin_font_file())))
            pdfmetrics.registerFont(TTFont(LATIN_PDF_FONT_BOLD, str(latin_font_file(bold=True))))
    return CJK_PDF_FONT, LATIN_PDF_FONT


def mixed_markup(text: str, *, bold: bool = False) -> str:
    """Paragraph markup with the base font CJK and every non-CJK run switched to the Latin font."""
    latin = LATIN_PDF_FONT_BOLD if bold else LATIN_PDF_FONT
    out: list[str] = []
    run, run_cjk = "", True
    for ch in text:
        cjk = is_cjk_char(ch)
        if run and cjk != run_cjk:
            out.append(escape(run, quote=False) if run_cjk else f'<font name="{latin}">{escape(run, quote=False)}</font>')
            run = ""
        run += ch
        run_cjk = cjk
    if run:
        out.append(escape(run, quote=False) if run_cjk else f'<font name="{latin}">{escape(run, quote=False)}</font>')
    return "".join(out).replace("\n", "<br/>")


def runs(text: str) -> list[tuple[str, str]]:
    """``text`` cut into (run, PDF font name) pieces by script."""
    out: list[tuple[str, str]] = []
    for ch in text:
        font = CJK_PDF_FONT if is_cjk_char(ch) else LATIN_PDF_FONT
        if out and out[-1][1] == font:
            out[-1] = (out[-1][0] + ch, font)
        else:
            out.append((ch, font))
    return out


def string_width(text: str, size: float) -> float:
    """Width in points of mixed text set in the font pair (for canvas drawing)."""
    register_pdf_fonts()
    return sum(pdfmetrics.stringWidth(run, font, size) for run, font in runs(text))


def draw_mixed(canvas, x: float, y: float, text: str, size: float, *, anchor: str = "l") -> None:  # type: ignore[no-untyped-def]
    """Draw mixed text on a reportlab canvas (``anchor`` l / r / m), one text object per script run."""
    register_pdf_fonts()
    w = string_width(text, size)
    if anchor == "r":
        x -= w
    elif anchor == "m":
        x -= w / 2
    for run, font in runs(text):
        canvas.setFont(font, size)
        canvas.drawString(x, y, run)
        x += pdfmetrics.stringWidth(run, font, size)
