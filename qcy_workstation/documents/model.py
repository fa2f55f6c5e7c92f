"""One content model for every document the workstation issues; the PDF and DOCX renderers read it.

Plain dataclasses: builders (``builders.py``) fill them from case data, the desktop page may edit the free
text (``Paragraph.text``) before rendering, and both renderers say the same thing because they read the
same value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

DOCUMENT_KINDS = (
    "acceptance-notice",
    "non-acceptance-notice",
    "consultation-record",
    "advice-letter",
    "reference-opinion",
    "early-warning-memo",
    "guidance",
)
LANGS = ("zh", "en")


@dataclass
class Paragraph:
    """A paragraph of body text; ``style`` is ``body``, ``note`` (small) or ``plain`` (no first-line indent)."""

    text: str
    style: str = "body"
    kind: Literal["para"] = "para"


@dataclass
class Table:
    """A grid table with a header row; ``widths`` are relative column weights (optional)."""

    header: list[str]
    rows: list[list[str]]
    widths: list[float] | None = None
    caption: str = ""
    kind: Literal["table"] = "table"


@dataclass
class KeyValues:
    """Label / value pairs shown as a two-column form."""

    items: list[tuple[str, str]]
    kind: Literal["kv"] = "kv"


@dataclass
class Image:
    """A picture (PNG bytes, e.g. a statistics chart) printed ``width_cm`` wide (at most the text width),
    height by its aspect ratio, with an optional caption kept on the same page."""

    png: bytes
    width_cm: float = 16.0
    caption: str = ""
    kind: Literal["image"] = "image"


Block = Paragraph | Table | KeyValues | Image


@dataclass
class Section:
    heading: str
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Letterhead:
    """The workstation's letterhead, from the store's settings (``SettingsService``)."""

    name: str
    subtitle: str = ""
    address: str = ""
    phone: str = ""


@dataclass
class Signature:
    """The signature and seal area at the end: organisation (sealed), staff line, date."""

    organisation: str
    date_text: str
    staff_label: str = ""
    staff_name: str = ""
    seal_hint: str = ""


@dataclass
class DocumentContent:
    """Everything a rendered document shows, already in its language."""

    kind: str
    lang: str
    title: str
    number: str
    issue_date: date
    date_text: str
    letterhead: Letterhead
    signature: Signature
    addressee: str = ""
    intro: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)
    disclaimer: str = ""
    number_label: str = ""
    page_label: str = ""  # "第 {page} 页 共 {pages} 页" or "Page {page} of {pages}"
    metadata: dict[str, Any] = field(default_factory=dict)

    def all_text(self) -> str:
        """Every visible string, for search and tests."""
        parts = [self.letterhead.name, self.title, self.number, self.date_text, self.addressee, *self.intro]
        for section in self.sections:
            parts.append(section.heading)
            for block in section.blocks:
                if isinstance(block, Paragraph):
                    parts.append(block.text)
                elif isinstance(block, Table):
                    parts.extend(block.header)
                    parts.extend(cell for row in block.rows for cell in row)
                elif isinstance(block, Image):
                    parts.append(block.caption)
                else:
                    parts.extend(f"{k} {v}" for k, v in block.items)
        parts.extend(self.closing)
        parts.append(self.disclaimer)
        return "\n".join(p for p in parts if p)


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def chinese_date(day: date) -> str:
    """2026年11月24日 (no leading zeros, as on official documents)."""
    return f"{day.year}年{day.month}月{day.day}日"


def english_date(day: date) -> str:
    """24 November 2026."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def format_date(day: date, lang: str) -> str:
    return chinese_date(day) if lang == "zh" else english_date(day)
