"""Bar charts as PNG images (Pillow), used in both the PDF and the DOCX reports so they look the same.

Why Pillow and not reportlab.graphics: reportlab's bitmap renderer (renderPM) needs the optional
``rlPyCairo`` backend, which is not installed; and the shipped CJK font has no Latin glyphs (digits,
letters), so every label is drawn run by run, CJK runs in the shipped font and the rest in reportlab's
bundled Vera (see :mod:`qcy_workstation.stats.fonts`). Images are drawn at twice their print size.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence

from PIL import Image, ImageDraw, ImageFont

from qcy_workstation.stats.fonts import cjk_font_file, is_cjk_char, latin_font_file

PALETTE = ("#2F5D8A", "#4F8DBF", "#7FB3D5", "#A9CCE3", "#D4A017", "#C0504D", "#6A9955", "#8E7CC3")
BACKGROUND = "#FFFFFF"
GRID = "#E3E7EC"
TEXT = "#222222"


class _Fonts:
    def __init__(self, size: int) -> None:
        self.cjk = ImageFont.truetype(str(cjk_font_file()), size)
        self.latin = ImageFont.truetype(str(latin_font_file()), int(size * 0.92))
        self.size = size

    def runs(self, text: str) -> list[tuple[str, ImageFont.FreeTypeFont]]:
        out: list[tuple[str, ImageFont.FreeTypeFont]] = []
        for ch in text:
            font = self.cjk if is_cjk_char(ch) else self.latin
            if out and out[-1][1] is font:
                out[-1] = (out[-1][0] + ch, font)
            else:
                out.append((ch, font))
        return out

    def width(self, text: str) -> float:
        return sum(font.getlength(run) for run, font in self.runs(text))

    def draw(self, draw: ImageDraw.ImageDraw, xy: tuple[float, float], text: str, fill: str = TEXT,
             anchor: str = "l") -> None:
        """Draw mixed-script text; ``anchor`` l / r / m horizontally, baseline-aligned on a common line."""
        x, y = xy
        w = self.width(text)
        if anchor == "r":
            x -= w
        elif anchor == "m":
            x -= w / 2
        for run, font in self.runs(text):
            draw.text((x, y), run, font=font, fill=fill, anchor="ls")
            x += font.getlength(run)


def _fit(fonts: _Fonts, text: str, width: float) -> str:
    if fonts.width(text) <= width:
        return text
    while text and fonts.width(text + "…") > width:
        text = text[:-1]
    return text + "…"


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1
    magnitude = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def axis_ticks(values: Sequence[float]) -> tuple[float, list[str]]:
    """The axis maximum and its five tick labels. Counts (all whole numbers) get whole-number ticks:
    a chart of 2 cases is labelled 0, 1, 2, 3, 4, never 0.5 of a case."""
    vmax = _nice_max(max(values, default=0))
    if all(float(v).is_integer() for v in values):
        vmax = 4 * max(1, math.ceil(vmax / 4))
        return vmax, [str(int(vmax * i / 4)) for i in range(5)]
    return vmax, [f"{vmax * i / 4:g}" for i in range(5)]


def bar_chart_png(labels: Sequence[str], values: Sequence[float], *, title: str = "", width_px: int = 1600,
                  vertical: bool | None = None, scale: int = 2) -> bytes:
    """A bar chart as PNG bytes. Horizontal bars for categories, columns for long series (months)."""
    if len(labels) != len(values):
        raise ValueError("labels and values differ in length")
    vertical = len(labels) > 12 if vertical is None else vertical
    s = scale
    fonts = _Fonts(15 * s)
    title_fonts = _Fonts(18 * s)
    top = (38 if title else 14) * s
    vmax, tick_labels = axis_ticks(values)
    if vertical:
        height = 360 * s
        img = Image.new("RGB", (width_px, height), BACKGROUND)
        d = ImageDraw.Draw(img)
        if title:
            title_fonts.draw(d, (width_px / 2, 26 * s), title, anchor="m")
        left, right, bottom = 56 * s, width_px - 16 * s, height - 44 * s
        plot_h = bottom - top
        for i in range(5):
            y = bottom - plot_h * i / 4
            d.line((left, y, right, y), fill=GRID, width=s)
            fonts.draw(d, (left - 6 * s, y + 5 * s), tick_labels[i], anchor="r")
        n = max(1, len(values))
        slot = (right - left) / n
        every = max(1, int(n / ((right - left) / (fonts.width("2026-12") + 10 * s))) + 1)
        for i, (label, value) in enumerate(zip(labels, values, strict=True)):
            x0 = left + i * slot + slot * 0.15
            x1 = left + (i + 1) * slot - slot * 0.15
            y = bottom - plot_h * (value / vmax)
            d.rectangle((x0, y, x1, bottom), fill=PALETTE[0])
            if i % every == 0:
                fonts.draw(d, ((x0 + x1) / 2, bottom + 20 * s), str(label), anchor="m")
        d.line((left, bottom, right, bottom), fill=TEXT, width=s)
    else:
        row = 34 * s
        height = top + row * max(1, len(labels)) + 16 * s
        img = Image.new("RGB", (width_px, height), BACKGROUND)
        d = ImageDraw.Draw(img)
        if title:
            title_fonts.draw(d, (width_px / 2, 26 * s), title, anchor="m")
        label_w = min(width_px * 0.34, max((fonts.width(str(lb)) for lb in labels), default=0) + 12 * s)
        left = label_w + 8 * s
        value_w = max((fonts.width(f"{v:g}") for v in values), default=0) + 14 * s
        right = width_px - value_w
        for i in range(5):
            x = left + (right - left) * i / 4
            d.line((x, top - 4 * s, x, top + row * len(labels)), fill=GRID, width=s)
        for i, (label, value) in enumerate(zip(labels, values, strict=True)):
            y0 = top + i * row
            x1 = left + (right - left) * (value / vmax)
            d.rectangle((left, y0 + row * 0.18, max(left + s, x1), y0 + row * 0.82), fill=PALETTE[i % len(PALETTE)])
            fonts.draw(d, (left - 8 * s, y0 + row * 0.68), _fit(fonts, str(label), label_w - 8 * s), anchor="r")
            fonts.draw(d, (x1 + 6 * s, y0 + row * 0.68), f"{value:g}")
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=False)
    return buf.getvalue()
