"""What the pre-check tabs (and the rights register's screening tabs) share: result colours, the
translated labels of the engines' codes, table helpers and models, and the tab base class.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTableView,
    QWidget,
)

from qcy_workstation.ui.models import Column, RowTableModel
from qcy_workstation.ui.widgets import ResultTab, record_table

if TYPE_CHECKING:
    from qcy_workstation.ui.pages.precheck.page import PrecheckPage


# ---------------------------------------------------------------------------------------------------- colours

GREEN_BG, GREEN_FG = QColor("#e3f4e1"), QColor("#1b5e20")
AMBER_BG, AMBER_FG = QColor("#fff3cd"), QColor("#7a5200")
RED_BG, RED_FG = QColor("#fde2e1"), QColor("#a4161a")
GREY_BG, GREY_FG = QColor("#eceff1"), QColor("#37474f")
STATUS_COLOURS = {"covered": (GREEN_BG, GREEN_FG), "equivalent": (AMBER_BG, AMBER_FG), "missing": (RED_BG, RED_FG),
                  "unclear": (GREY_BG, GREY_FG)}
RISK_COLOURS = {"high": (RED_BG, RED_FG), "medium": (AMBER_BG, AMBER_FG), "low": (GREEN_BG, GREEN_FG)}
POINT_COLOURS = {"found": (RED_BG, RED_FG), "changed": (AMBER_BG, AMBER_FG), "absent": (GREEN_BG, GREEN_FG)}
CHECK_COLOURS = {"indicated": (GREEN_BG, GREEN_FG), "to_check": (AMBER_BG, AMBER_FG), "missing": (RED_BG, RED_FG)}
MATCH_BG, CURRENT_MATCH_BG = QColor("#fff0a8"), QColor("#ffb74d")

# ---------------------------------------------------------------------------------------------------- labels

L = "PrecheckLabels"
ELEMENT_STATUS = {"covered": QT_TRANSLATE_NOOP("PrecheckLabels", "covered"), "equivalent": QT_TRANSLATE_NOOP("PrecheckLabels", "equivalent"),
                  "missing": QT_TRANSLATE_NOOP("PrecheckLabels", "missing"),
                  "unclear": QT_TRANSLATE_NOOP("PrecheckLabels", "not found, to check")}
POINT_STATUS = {"found": QT_TRANSLATE_NOOP("PrecheckLabels", "found"),
                "changed": QT_TRANSLATE_NOOP("PrecheckLabels", "other values"),
                "absent": QT_TRANSLATE_NOOP("PrecheckLabels", "absent")}
VERDICT = {"literal": QT_TRANSLATE_NOOP("PrecheckLabels", "Literal infringement: every element is covered"),
           "equivalent": QT_TRANSLATE_NOOP("PrecheckLabels", "Equivalent infringement: every element covered or equivalent"),
           "not_infringing": QT_TRANSLATE_NOOP("PrecheckLabels", "Not infringing: at least one element is missing")}
VERDICT_SHORT = {"literal": QT_TRANSLATE_NOOP("PrecheckLabels", "literal"), "equivalent": QT_TRANSLATE_NOOP("PrecheckLabels", "equivalent"),
                 "not_infringing": QT_TRANSLATE_NOOP("PrecheckLabels", "not infringing")}
RISK = {"high": QT_TRANSLATE_NOOP("PrecheckLabels", "high"), "medium": QT_TRANSLATE_NOOP("PrecheckLabels", "medium"), "low": QT_TRANSLATE_NOOP("PrecheckLabels", "low")}
FACTOR = {"visual": QT_TRANSLATE_NOOP("PrecheckLabels", "Glyph"), "phonetic": QT_TRANSLATE_NOOP("PrecheckLabels", "Sound"),
          "cross_script": QT_TRANSLATE_NOOP("PrecheckLabels", "Across scripts"), "containment": QT_TRANSLATE_NOOP("PrecheckLabels", "Containment"),
          "meaning": QT_TRANSLATE_NOOP("PrecheckLabels", "Meaning"), "goods": QT_TRANSLATE_NOOP("PrecheckLabels", "Goods/services"),
          "well_known": QT_TRANSLATE_NOOP("PrecheckLabels", "Reputation"),
          "transliteration": QT_TRANSLATE_NOOP("PrecheckLabels", "Transliteration"),
          "distinctive_part": QT_TRANSLATE_NOOP("PrecheckLabels", "Distinctive part"),
          "weak_shared": QT_TRANSLATE_NOOP("PrecheckLabels", "Only weak words shared"),
          "weak_containment": QT_TRANSLATE_NOOP("PrecheckLabels", "Contains a weak mark"),
          "one_character": QT_TRANSLATE_NOOP("PrecheckLabels", "One character different"),
          "word_order": QT_TRANSLATE_NOOP("PrecheckLabels", "Word order"),
          "letter_order": QT_TRANSLATE_NOOP("PrecheckLabels", "Letter order"),
          "pinyin_rule": QT_TRANSLATE_NOOP("PrecheckLabels", "Chinese and its pinyin"),
          "first_character": QT_TRANSLATE_NOOP("PrecheckLabels", "First character different"),
          "letter_sound": QT_TRANSLATE_NOOP("PrecheckLabels", "Letters changed, same sound"),
          "own_distinctive_part": QT_TRANSLATE_NOOP("PrecheckLabels", "A distinctive part of its own"),
          "place_fair_use": QT_TRANSLATE_NOOP("PrecheckLabels", "Fair use of a place name"),
          "reputation_scope": QT_TRANSLATE_NOOP("PrecheckLabels", "Reputation widens the scope")}
GI_VERDICT = {"misuse": QT_TRANSLATE_NOOP("PrecheckLabels", "Misuse of a protected GI"), "lawful": QT_TRANSLATE_NOOP("PrecheckLabels", "Lawful")}
REGION = {"inside": QT_TRANSLATE_NOOP("PrecheckLabels", "inside the protected area"),
          "outside": QT_TRANSLATE_NOOP("PrecheckLabels", "outside the protected area"),
          "partial": QT_TRANSLATE_NOOP("PrecheckLabels", "only partly known (province/city): check the exact place"),
          "unknown": QT_TRANSLATE_NOOP("PrecheckLabels", "not known: check the producer's place"),
          "n/a": QT_TRANSLATE_NOOP("PrecheckLabels", "not applicable")}
GI_HOW = {"exact": QT_TRANSLATE_NOOP("PrecheckLabels", "the GI name itself"), "alias": QT_TRANSLATE_NOOP("PrecheckLabels", "another name of the GI"),
          "place_product": QT_TRANSLATE_NOOP("PrecheckLabels", "place name + product name"),
          "fuzzy": QT_TRANSLATE_NOOP("PrecheckLabels", "a name very close to the GI"),
          "translation": QT_TRANSLATE_NOOP("PrecheckLabels", "a translation or pinyin of the GI")}
CHECK_STATUS = {"indicated": QT_TRANSLATE_NOOP("PrecheckLabels", "indicated"), "missing": QT_TRANSLATE_NOOP("PrecheckLabels", "missing"),
                "to_check": QT_TRANSLATE_NOOP("PrecheckLabels", "to check")}
MATCH_METHOD = {"exact": QT_TRANSLATE_NOOP("PrecheckLabels", "identical"), "near": QT_TRANSLATE_NOOP("PrecheckLabels", "nearly identical"),
                "reworded": QT_TRANSLATE_NOOP("PrecheckLabels", "reworded")}
KIND = {"patent": QT_TRANSLATE_NOOP("PrecheckLabels", "Patent"), "trademark": QT_TRANSLATE_NOOP("PrecheckLabels", "Trademark"),
        "gi": QT_TRANSLATE_NOOP("PrecheckLabels", "Geographical indication"), "trade_secret": QT_TRANSLATE_NOOP("PrecheckLabels", "Trade secret"),
        "screen_trademark": QT_TRANSLATE_NOOP("PrecheckLabels", "Mark screening"),
        "screen_patent": QT_TRANSLATE_NOOP("PrecheckLabels", "Patent screening"), "screen_gi": QT_TRANSLATE_NOOP("PrecheckLabels", "GI screening")}


def tl(table: dict[str, str], code: str | None) -> str:
    """The translated label of an engine code (the code itself when unknown)."""
    if code is None:
        return ""
    return QCoreApplication.translate("PrecheckLabels", table[code]) if code in table else str(code)


def ui_lang() -> str:
    return "zh" if QLocale().language() == QLocale.Language.Chinese else "en"


def disclaimer() -> str:
    from qcy_workstation.precheck.common import DISCLAIMER_EN, DISCLAIMER_ZH

    return DISCLAIMER_ZH if ui_lang() == "zh" else DISCLAIMER_EN.capitalize()


def _esc(text: str) -> str:
    return html.escape(text or "")


def badge(label: QLabel, text: str, colours: tuple[QColor, QColor] | None) -> None:
    """A coloured result line (verdict, risk)."""
    label.setText(text)
    if colours is None:
        label.setStyleSheet("font-size: 15px; font-weight: bold; padding: 6px 10px; border-radius: 4px;"
                            "background: #eef2f7; color: #1f3a5f;")
    else:
        bg, fg = colours
        label.setStyleSheet(f"font-size: 15px; font-weight: bold; padding: 6px 10px; border-radius: 4px;"
                            f"background: {bg.name()}; color: {fg.name()}; border: 1px solid {fg.name()};")


def note_label(parent: QWidget) -> QLabel:
    lab = QLabel(parent)
    lab.setWordWrap(True)
    lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return lab


def table_view(model: Any, parent: QWidget, name: str, *, stretch: int | None = None) -> QTableView:
    """The shared read-only record table (``ui.widgets.record_table``), wrapping its text (claim elements and
    passages are sentences), with column ``stretch`` taking the spare width instead of the last one."""
    view = record_table(model, parent, name)
    view.setWordWrap(True)
    view.setAlternatingRowColors(False)
    header = view.horizontalHeader()
    header.setStretchLastSection(stretch is None)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


def fit_rows(view: QTableView) -> None:
    view.resizeRowsToContents()


def chart_columns(view: QTableView) -> None:
    """Claim-chart column sizes: numbers fit their contents, the three text columns share the width and
    rows grow to show their wrapped text (again whenever the width changes)."""
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    for col in (0, 1, 3, 4):
        header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
    for col in (2, 5, 6):
        header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
    header.sectionResized.connect(lambda *_: view.resizeRowsToContents())


# ---------------------------------------------------------------------------------------------------- models


class StatusModel(RowTableModel):
    """A RowTableModel whose rows are coloured by a status code."""

    def __init__(self, columns: list[Column], status: Any, colours: dict[str, tuple[QColor, QColor]],
                 parent: Any = None) -> None:
        super().__init__(columns, parent)
        self.status = status
        self.colours = colours

    def row_colours(self, row: Any) -> tuple[QColor | None, QColor | None]:
        return self.colours.get(self.status(row), (None, None))


def _note(r: Any) -> str:
    return (r.note if ui_lang() == "zh" else (r.note_en or r.note)) or ""


def _terms_tip(r: Any) -> str:
    parts = []
    if r.matched_terms:
        parts.append(QCoreApplication.translate("PrecheckLabels", "found: %1").replace("%1", "、".join(r.matched_terms)))
    if r.equivalent_terms:
        parts.append(QCoreApplication.translate("PrecheckLabels", "equivalent: %1").replace("%1", "、".join(r.equivalent_terms)))
    if r.missing_terms:
        parts.append(QCoreApplication.translate("PrecheckLabels", "not found: %1").replace("%1", "、".join(r.missing_terms)))
    return "\n".join(parts + ([_note(r)] if _note(r) else []))


CHART_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "#"), lambda r: r.index, align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Claim"), lambda r: r.origin_claim, align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Element"), lambda r: r.element, tooltip=_terms_tip),
    Column(QT_TRANSLATE_NOOP("Columns", "Status"),
           lambda r: tl(ELEMENT_STATUS, r.status) + (" ⚑" if r.needs_review else ""), tooltip=_terms_tip),
    Column(QT_TRANSLATE_NOOP("Columns", "Score"), lambda r: r.score, align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Evidence passage"), lambda r: r.evidence or "—", tooltip=lambda r: r.evidence),
    Column(QT_TRANSLATE_NOOP("Columns", "Note"), _note, tooltip=_note),
]


def chart_model(parent: Any = None) -> StatusModel:
    """The claim chart: element, status (covered green, equivalent amber, missing red), score, evidence."""
    return StatusModel(CHART_COLUMNS, lambda r: r.status, STATUS_COLOURS, parent)


def element_rows(chart: dict[str, Any]) -> list[Any]:
    """ElementResult rows from a chart dict (screening hits, saved results)."""
    from qcy_workstation.precheck.patent import ElementResult

    rows = []
    for d in chart.get("elements", []):
        vals = {k: (tuple(v) if isinstance(v, list) else v) for k, v in d.items()}
        vals.setdefault("note_en", "")
        rows.append(ElementResult(**vals))
    return rows


def _factor_text(f: Any) -> str:
    return f.text_zh if ui_lang() == "zh" else f.text_en


FACTOR_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "Factor"), lambda f: tl(FACTOR, f.name)),
    Column(QT_TRANSLATE_NOOP("Columns", "Score"), lambda f: f.score, align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "For a letter"), _factor_text, tooltip=_factor_text),
]


def _factor_band(f: Any) -> str:
    return "high" if f.score >= 80 else ("medium" if f.score >= 55 else "low")


def factor_columns(view: QTableView) -> None:
    header = view.horizontalHeader()
    header.setStretchLastSection(True)
    view.resizeColumnToContents(0)
    view.resizeColumnToContents(1)
    view.resizeRowsToContents()


def factor_model(parent: Any = None) -> StatusModel:
    return StatusModel(FACTOR_COLUMNS, _factor_band, {"high": (RED_BG, RED_FG), "medium": (AMBER_BG, AMBER_FG)},
                       parent)


def utf16_pos(text: str, index: int) -> int:
    """A Python string index as a QTextDocument position (UTF-16 code units)."""
    prefix = text[:index]
    return index + sum(1 for ch in prefix if ord(ch) > 0xFFFF)


# ---------------------------------------------------------------------------------------------------- tabs


class PrecheckTab(ResultTab):
    """A pre-check tab whose new result enables the page's Save."""

    page: PrecheckPage

    def result_shown(self) -> None:
        self.page.result_changed()


def cite_text(citations: Any) -> str:
    """Citations for one line, as the engine groups them: "解释（…）第9条、第10条"."""
    from qcy_workstation.precheck.common import citation_text

    return citation_text(citations, "zh" if ui_lang() == "zh" else "en")
