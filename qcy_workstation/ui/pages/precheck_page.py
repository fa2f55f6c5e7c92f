"""Infringement pre-check page: patent claim chart, trademark comparison, GI label check, trade-secret
comparison, and the results saved on a case so its reference opinion can cite them.

Every comparison runs on the background runner (the first patent run loads the word-segmentation
dictionary, about a second); the GUI thread only shows the engine's frozen results. Each result carries
the label "reference pre-check, not a legal determination" on screen as in the saved record.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QLocale, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from qcy_workstation.errors import QcyError
from qcy_workstation.ui.context import AppContext
from qcy_workstation.ui.main_window import register_page
from qcy_workstation.ui.models import Column, RowTableModel
from qcy_workstation.ui.widgets import ResultTab, report_failure, status_html

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
          "pinyin_rule": QT_TRANSLATE_NOOP("PrecheckLabels", "Chinese and its pinyin")}
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
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.setWordWrap(True)
    view.setAlternatingRowColors(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
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


# ---------------------------------------------------------------------------------------------------- workers


def run_patent(claims: str, product: str, claim: int | None, elements: list[str] | None,
               confirmations: list[dict[str, Any]] | None = None) -> tuple[Any, Any]:
    """Worker: parse the claims and chart ``claim`` (the first claim when not given or not found)."""
    from qcy_workstation.precheck import compare_claim, parse_claims

    cs = parse_claims(claims)
    numbers = [c.number for c in cs.claims]
    number = claim if claim in numbers else numbers[0]
    if claim not in numbers:
        elements = None  # the corrected split belonged to a claim that no longer exists
        confirmations = None
    return cs, compare_claim(cs, product, claim=number, elements=elements,  # inputs keep the claim numbers
                             confirmations=confirmations)


def read_text_file(path: str) -> str:
    """Worker: the text of a .txt/.md (UTF-8 or GB18030), .docx or .pdf file."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix == ".docx":
        import docx

        return "\n".join(par.text for par in docx.Document(str(p)).paragraphs)
    if suffix == ".pdf":
        import pypdfium2  # a runtime dependency (pypdf is for the tests only)

        pdf = pypdfium2.PdfDocument(str(p))
        try:
            return "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
        finally:
            pdf.close()
    raw = p.read_bytes()
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", errors="replace")


def utf16_pos(text: str, index: int) -> int:
    """A Python string index as a QTextDocument position (UTF-16 code units)."""
    prefix = text[:index]
    return index + sum(1 for ch in prefix if ord(ch) > 0xFFFF)


# ---------------------------------------------------------------------------------------------------- dialogs


class SplitDialog(QDialog):
    """Split one element: each line of the text becomes an element."""

    def __init__(self, element: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("splitDialog")
        self.setWindowTitle(self.tr("Split the element"))
        self.setMinimumWidth(460)
        prompt = QLabel(self.tr("Put each technical feature on its own line."), self)
        self.edit = QPlainTextEdit(self)
        self.edit.setObjectName("splitEdit")
        # a first guess: a line after each comma
        guess = element.replace("，", "，\n").replace(", ", ",\n").replace("；", "；\n")
        self.edit.setPlainText("\n".join(x.strip().rstrip("，,；") for x in guess.splitlines() if x.strip()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(prompt)
        layout.addWidget(self.edit)
        layout.addWidget(buttons)

    def parts(self) -> list[str]:
        return [x.strip() for x in self.edit.toPlainText().splitlines() if x.strip()]


# ---------------------------------------------------------------------------------------------------- tabs


class PrecheckTab(ResultTab):
    """A pre-check tab whose new result enables the page's Save."""

    page: PrecheckPage

    def result_shown(self) -> None:
        self.page.result_changed()


class PatentTab(PrecheckTab):
    """Claims and accused product in, claim chart and all-elements verdict out; editable element split.

    Signals:
        finished(): a chart is shown (tests and screenshots wait on it).
    """

    def __init__(self, page: PrecheckPage) -> None:
        super().__init__(page)
        self.claim_set: Any = None
        self.elements_edited = False
        self.confirmations: list[dict[str, Any]] = []
        self._build()

    def _build(self) -> None:
        self.claims_label = QLabel(self)
        self.claims_edit = QPlainTextEdit(self)
        self.claims_edit.setObjectName("claimsEdit")
        self.claims_edit.setTabChangesFocus(True)
        self.product_label = QLabel(self)
        self.product_edit = QPlainTextEdit(self)
        self.product_edit.setObjectName("productEdit")
        self.product_edit.setTabChangesFocus(True)
        self.product_open = QPushButton(self)
        self.product_open.setObjectName("productOpen")
        self.product_open.clicked.connect(self._open_product)
        self.claim_label = QLabel(self)
        self.claim_combo = QComboBox(self)
        self.claim_combo.setObjectName("claimCombo")
        self.claim_combo.setMinimumWidth(220)
        self.claim_combo.activated.connect(self._claim_chosen)
        self.run_button = QPushButton(self)
        self.run_button.setObjectName("patentRun")
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(lambda: self.run(use_elements=False))

        left = QWidget(self)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.claims_label)
        lv.addWidget(self.claims_edit, 3)
        prod_head = QHBoxLayout()
        prod_head.addWidget(self.product_label)
        prod_head.addStretch(1)
        prod_head.addWidget(self.product_open)
        lv.addLayout(prod_head)
        lv.addWidget(self.product_edit, 3)
        run_row = QHBoxLayout()
        run_row.addWidget(self.claim_label)
        run_row.addWidget(self.claim_combo, 1)
        run_row.addWidget(self.run_button)
        lv.addLayout(run_row)

        # element split editor
        self.elements_box = QGroupBox(self)
        eb = QVBoxLayout(self.elements_box)
        self.elements_hint = QLabel(self.elements_box)
        self.elements_hint.setWordWrap(True)
        self.elements_hint.setStyleSheet("color: #5f6b7a;")
        self.elements_list = QListWidget(self.elements_box)
        self.elements_list.setObjectName("elementsList")
        self.elements_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.elements_list.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                           | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.elements_list.setWordWrap(True)
        self.elements_list.itemChanged.connect(lambda _i: self._edited())
        self.add_button = QPushButton(self.elements_box)
        self.add_button.setObjectName("elementAdd")
        self.add_button.clicked.connect(self.add_element)
        self.remove_button = QPushButton(self.elements_box)
        self.remove_button.setObjectName("elementRemove")
        self.remove_button.clicked.connect(self.remove_elements)
        self.merge_button = QPushButton(self.elements_box)
        self.merge_button.setObjectName("elementMerge")
        self.merge_button.clicked.connect(self.merge_elements)
        self.split_button = QPushButton(self.elements_box)
        self.split_button.setObjectName("elementSplit")
        self.split_button.clicked.connect(self.split_element)
        self.reset_button = QPushButton(self.elements_box)
        self.reset_button.setObjectName("elementReset")
        self.reset_button.clicked.connect(self.reset_elements)
        self.rerun_button = QPushButton(self.elements_box)
        self.rerun_button.setObjectName("patentRerun")
        self.rerun_button.clicked.connect(lambda: self.run(use_elements=True))
        buttons = QGridLayout()
        for i, b in enumerate((self.add_button, self.remove_button, self.merge_button, self.split_button,
                               self.reset_button)):
            buttons.addWidget(b, i // 3, i % 3)
        eb.addWidget(self.elements_hint)
        eb.addWidget(self.elements_list, 1)
        eb.addLayout(buttons)
        eb.addWidget(self.rerun_button)
        lv.addWidget(self.elements_box, 3)

        # results
        right = QWidget(self)
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        self.verdict = QLabel(right)
        self.verdict.setObjectName("patentVerdict")
        self.verdict.setWordWrap(True)
        badge(self.verdict, "", None)
        self.reason = note_label(right)
        self.reason.setObjectName("patentReason")
        self.citation = note_label(right)
        self.citation.setObjectName("patentCitation")
        self.citation.setStyleSheet("color: #37474f;")
        self.dependents = note_label(right)
        self.dependents.setObjectName("patentDependents")
        self.disclaimer = QLabel(right)
        self.disclaimer.setObjectName("patentDisclaimer")
        self.disclaimer.setStyleSheet("color: #a4161a; font-weight: bold;")
        self.model = chart_model(self)
        self.table = table_view(self.model, right, "claimChart")
        chart_columns(self.table)
        self.table.clicked.connect(self._show_evidence)
        self.legend = QLabel(right)
        # staff's reading of the selected element; the verdict follows by the all-elements rule
        self.confirm_label = QLabel(right)
        self.confirm_covered = QPushButton(right)
        self.confirm_covered.setObjectName("confirmCovered")
        self.confirm_equivalent = QPushButton(right)
        self.confirm_equivalent.setObjectName("confirmEquivalent")
        self.confirm_missing = QPushButton(right)
        self.confirm_missing.setObjectName("confirmMissing")
        self.confirm_undo = QPushButton(right)
        self.confirm_undo.setObjectName("confirmUndo")
        for b, status in ((self.confirm_covered, "covered"), (self.confirm_equivalent, "equivalent"),
                          (self.confirm_missing, "missing"), (self.confirm_undo, "")):
            b.clicked.connect(lambda _c=False, st=status: self.confirm_selected(st))
            b.setEnabled(False)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._confirm_buttons())
        self.review_label = note_label(right)
        self.review_label.setObjectName("patentReview")
        self.review_label.setStyleSheet("color: #7a5200;")
        confirm_row = QHBoxLayout()
        confirm_row.addWidget(self.confirm_label)
        for b in (self.confirm_covered, self.confirm_equivalent, self.confirm_missing, self.confirm_undo):
            confirm_row.addWidget(b)
        confirm_row.addStretch(1)
        rv.addWidget(self.verdict)
        rv.addWidget(self.reason)
        rv.addWidget(self.citation)
        rv.addWidget(self.dependents)
        rv.addWidget(self.disclaimer)
        rv.addWidget(self.legend)
        rv.addWidget(self.table, 1)
        rv.addWidget(self.review_label)
        rv.addLayout(confirm_row)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([470, 700])
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self._clear_result()

    def retranslate(self) -> None:
        self.claims_label.setText(self.tr("Claims (numbered; Chinese or English):"))
        self.claims_edit.setPlaceholderText(self.tr("1. 一种…，包括…，其特征在于：…\n2. 根据权利要求1所述的…"))
        self.product_label.setText(self.tr("Accused product or process (description, brochure text):"))
        self.product_open.setText(self.tr("Open file…"))
        self.claim_label.setText(self.tr("Claim:"))
        self.run_button.setText(self.tr("Compare"))
        self.elements_box.setTitle(self.tr("Technical features of the claim (editable)"))
        self.elements_hint.setText(self.tr("Double-click to edit a feature; select several to merge them. "
                                           "Then re-run with the corrected features."))
        self.add_button.setText(self.tr("Add"))
        self.remove_button.setText(self.tr("Remove"))
        self.merge_button.setText(self.tr("Merge"))
        self.split_button.setText(self.tr("Split…"))
        self.reset_button.setText(self.tr("Reset to parsed"))
        self.rerun_button.setText(self.tr("Re-run with these features"))
        self.confirm_label.setText(self.tr("Staff reading of the selected feature:"))
        self.confirm_covered.setText(self.tr("Present"))
        self.confirm_covered.setToolTip(self.tr("The product has this feature (identical)"))
        self.confirm_equivalent.setText(self.tr("Equivalent"))
        self.confirm_equivalent.setToolTip(self.tr("Same means, function and effect, obvious without creative work "
                                                   "(SPC provisions on patent disputes Art. 13)"))
        self.confirm_missing.setText(self.tr("Absent"))
        self.confirm_missing.setToolTip(self.tr("The product has neither this feature nor an equivalent"))
        self.confirm_undo.setText(self.tr("Engine's reading"))
        self.confirm_undo.setToolTip(self.tr("Drop the staff reading of this feature"))
        self.legend.setText(self.tr("Rows: <span style='background:#e3f4e1;color:#1b5e20'>&nbsp;covered&nbsp;</span> "
                                    "<span style='background:#fff3cd;color:#7a5200'>&nbsp;equivalent (staff confirm)&nbsp;</span> "
                                    "<span style='background:#fde2e1;color:#a4161a'>&nbsp;missing&nbsp;</span> "
                                    "<span style='background:#eceff1;color:#37474f'>&nbsp;not found, to check&nbsp;</span> · "
                                    "⚑ needs review · click a row to see the passage in the product text"))
        self._fill_claims_combo()
        if self.result is not None:
            self.show_result(self.result)
        else:
            self._clear_result()
        self.model.retranslate()

    # ------------------------------------------------------------------ running

    def current_claim(self) -> int | None:
        data = self.claim_combo.currentData()
        return int(data) if data is not None else None

    def elements(self) -> list[str]:
        return [self.elements_list.item(i).text().strip() for i in range(self.elements_list.count())
                if self.elements_list.item(i).text().strip()]

    def run(self, *, use_elements: bool, keep_confirmations: bool = False) -> None:
        claims, product = self.claims_edit.toPlainText(), self.product_edit.toPlainText()
        elements = self.elements() if use_elements and self.elements_list.count() else None
        claim = self.current_claim()
        if not keep_confirmations:
            self.confirmations = []  # staff readings belong to one claim text and one product text
        confirmations = list(self.confirmations)
        if not claims.strip() or not product.strip():
            self.page.set_status(self.tr("Enter the claims and the accused product's description first."), error=True)
            (self.claims_edit if not claims.strip() else self.product_edit).setFocus()
            return
        self.page.set_status(self.tr("Comparing the claim with the product…"))
        self.run_button.setEnabled(False)
        self.rerun_button.setEnabled(False)

        def done(res: tuple[Any, Any]) -> None:
            self.run_button.setEnabled(True)
            self.claim_set, self.result = res
            self.elements_edited = elements is not None
            self._fill_claims_combo()
            if elements is None:
                self._fill_elements(self.result.claim.elements)
            self.show_result(self.result)
            self.result_shown()
            self.page.set_status(self.tr("Claim %1 compared.").replace("%1", str(self.result.chart.claim)))
            self.finished.emit()

        def failed(exc: BaseException) -> None:
            self.run_button.setEnabled(True)
            self.rerun_button.setEnabled(self.elements_list.count() > 0)
            self.page.failed(exc)

        self.page.ctx.runner.submit(lambda: run_patent(claims, product, claim, elements, confirmations),
                                    on_success=done, on_error=failed, name="precheck-patent")

    def _confirm_buttons(self) -> None:
        row = self.model.row_at(self.table.currentIndex().row()) if self.table.currentIndex().isValid() else None
        for b in (self.confirm_covered, self.confirm_equivalent, self.confirm_missing):
            b.setEnabled(row is not None)
        self.confirm_undo.setEnabled(row is not None and row.basis == "staff")

    def confirm_selected(self, status: str) -> None:
        """Record staff's reading of the selected element (or drop it) and re-chart; the verdict follows."""
        if self.result is None or not self.table.currentIndex().isValid():
            return
        row = self.model.row_at(self.table.currentIndex().row())
        if row is None:
            return
        self.confirmations = [c for c in self.confirmations
                              if not (c["claim"] == row.origin_claim and c["element"] == row.element)]
        if status:
            self.confirmations.append({"claim": row.origin_claim, "element": row.element, "status": status,
                                       "by": self.page.ctx.staff})
        self._keep_row = self.table.currentIndex().row()
        self.run(use_elements=self.elements_edited, keep_confirmations=True)

    def _claim_chosen(self, _index: int) -> None:
        if self.claims_edit.toPlainText().strip() and self.product_edit.toPlainText().strip():
            self.run(use_elements=False)

    # ------------------------------------------------------------------ element editor

    def _fill_elements(self, elements: tuple[str, ...] | list[str]) -> None:
        self.elements_list.blockSignals(True)
        self.elements_list.clear()
        for e in elements:
            self._add_item(e)
        self.elements_list.blockSignals(False)
        self.rerun_button.setEnabled(bool(elements))

    def _add_item(self, text: str, row: int | None = None) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        if row is None:
            self.elements_list.addItem(item)
        else:
            self.elements_list.insertItem(row, item)
        return item

    def _edited(self) -> None:
        self.rerun_button.setEnabled(self.elements_list.count() > 0)
        self.page.set_status(self.tr("Features changed: press “Re-run with these features”."))

    def add_element(self) -> None:
        row = self.elements_list.currentRow() + 1 if self.elements_list.currentRow() >= 0 else self.elements_list.count()
        item = self._add_item(self.tr("new feature"), row)
        self.elements_list.setCurrentItem(item)
        self.elements_list.editItem(item)
        self._edited()

    def remove_elements(self) -> None:
        for item in self.elements_list.selectedItems():
            self.elements_list.takeItem(self.elements_list.row(item))
        self._edited()

    def merge_elements(self) -> None:
        """Join the selected features (in list order) into one."""
        rows = sorted(self.elements_list.row(i) for i in self.elements_list.selectedItems())
        if len(rows) < 2:
            rows = [r for r in (self.elements_list.currentRow(), self.elements_list.currentRow() + 1)
                    if 0 <= r < self.elements_list.count()]
        if len(rows) < 2:
            return
        texts = [self.elements_list.item(r).text().strip().rstrip("，,；;。") for r in rows]
        sep = "，" if any("\u4e00" <= ch <= "\u9fff" for ch in "".join(texts)) else ", "
        for r in reversed(rows):
            self.elements_list.takeItem(r)
        item = self._add_item(sep.join(texts), rows[0])
        self.elements_list.setCurrentItem(item)
        self._edited()

    def split_element(self, dialog: SplitDialog | None = None) -> None:
        row = self.elements_list.currentRow()
        if row < 0:
            return
        dlg = dialog or SplitDialog(self.elements_list.item(row).text(), self)
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return
        parts = dlg.parts()
        if not parts:
            return
        self.elements_list.takeItem(row)
        for i, part in enumerate(parts):
            self._add_item(part, row + i)
        self.elements_list.setCurrentRow(row)
        self._edited()

    def reset_elements(self) -> None:
        if self.claim_set is None:
            return
        number = self.current_claim() or 1
        claim = next((c for c in self.claim_set.claims if c.number == number), None)
        if claim is not None:
            self._fill_elements(claim.elements)
            self._edited()

    # ------------------------------------------------------------------ showing

    def _fill_claims_combo(self) -> None:
        keep = self.result.chart.claim if self.result is not None else self.current_claim()
        self.claim_combo.blockSignals(True)
        self.claim_combo.clear()
        if self.claim_set is not None:
            for c in self.claim_set.claims:
                if c.independent:
                    text = self.tr("Claim %1 (independent)").replace("%1", str(c.number))
                else:
                    text = self.tr("Claim %1 (depends on %2)").replace("%1", str(c.number)).replace(
                        "%2", ", ".join(str(n) for n in c.depends_on))
                self.claim_combo.addItem(text, c.number)
            idx = self.claim_combo.findData(keep)
            self.claim_combo.setCurrentIndex(max(0, idx))
        self.claim_combo.blockSignals(False)

    def _clear_result(self) -> None:
        badge(self.verdict, self.tr("No comparison yet: enter the claims and the product, then press Compare."),
              None)
        self.reason.clear()
        self.citation.clear()
        self.dependents.clear()
        self.disclaimer.clear()

    def show_result(self, res: Any) -> None:
        chart = res.chart
        head = self.tr("Claim %1: %2").replace("%1", str(chart.claim)).replace("%2", tl(VERDICT, res.verdict))
        badge(self.verdict, head, None)  # neutral: green/amber/red belong to the elements in the chart
        self.reason.setText(chart.reason_zh if ui_lang() == "zh" else chart.reason_en)
        rule = [c for c in res.citations if c.key == "spc_patent_2009_art7"]
        others = [c for c in res.citations if c.key != "spc_patent_2009_art7"]
        text = self.tr("All-elements rule: %1").replace("%1", cite_text(rule))
        if others:
            text += "\n" + self.tr("Also cited: %1").replace("%1", cite_text(others))
        self.citation.setText(text)
        if res.dependent_charts:
            parts = [self.tr("claim %1: %2").replace("%1", str(d.claim)).replace("%2", tl(VERDICT_SHORT, d.verdict))
                     for d in res.dependent_charts]
            self.dependents.setText(self.tr("Dependent claims: %1").replace("%1", "; ".join(parts)))
        else:
            self.dependents.setText("")
        self.disclaimer.setText(disclaimer())
        self.model.set_rows(list(chart.elements))
        fit_rows(self.table)
        review = res.review
        if review:
            lines = []
            for r in review:
                cands = " / ".join(f"“{c['text'][:40]}”" for c in r["candidates"])
                lines.append(self.tr("Feature %1: check the reading").replace("%1", str(r["index"]))
                             + (self.tr(" (best passages: %1)").replace("%1", cands) if cands else ""))
            self.review_label.setText("⚑ " + "\n⚑ ".join(lines))
        else:
            self.review_label.setText("")
        keep = getattr(self, "_keep_row", None)
        if keep is not None and 0 <= keep < self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(keep, 0))
        self._keep_row = None
        self._confirm_buttons()

    def _show_evidence(self, index: Any) -> None:
        row = self.model.row_at(index.row())
        if row is None or row.evidence_start < 0:
            return
        text = self.product_edit.toPlainText()
        if self.result is None or text != self.result.inputs.get("product"):
            return  # the product text changed since: offsets no longer apply
        cursor = self.product_edit.textCursor()
        cursor.setPosition(utf16_pos(text, row.evidence_start))
        cursor.setPosition(utf16_pos(text, row.evidence_end), QTextCursor.MoveMode.KeepAnchor)
        self.product_edit.setTextCursor(cursor)
        self.product_edit.ensureCursorVisible()

    def _open_product(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open the product description"), "",
                                              self.tr("Text (*.txt *.md *.docx *.pdf);;All files (*)"))
        if path:
            self.page.load_file(path, self.product_edit.setPlainText)


class TrademarkTab(PrecheckTab):
    """Mark A (the right holder's) with classes/groups against mark B: score, confusion, risk, factors.

    Signals:
        finished(): a comparison is shown.
    """

    def __init__(self, page: PrecheckPage) -> None:
        super().__init__(page)
        self._build()

    def _build(self) -> None:
        self.mark = self.run_line_edit("markA")
        self.classes = self.run_line_edit("classesA")
        self.other = self.run_line_edit("markB")
        self.other_classes = self.run_line_edit("classesB")
        self.well_known = QCheckBox(self)
        self.well_known.setObjectName("wellKnown")
        self.run_button = self.make_run_button("trademarkRun")
        self.form = QGridLayout()
        self.mark_label, self.classes_label = QLabel(self), QLabel(self)
        self.other_label, self.other_classes_label = QLabel(self), QLabel(self)
        self.form.addWidget(self.mark_label, 0, 0)
        self.form.addWidget(self.mark, 0, 1)
        self.form.addWidget(self.classes_label, 0, 2)
        self.form.addWidget(self.classes, 0, 3)
        self.form.addWidget(self.other_label, 1, 0)
        self.form.addWidget(self.other, 1, 1)
        self.form.addWidget(self.other_classes_label, 1, 2)
        self.form.addWidget(self.other_classes, 1, 3)
        self.form.addWidget(self.well_known, 2, 1, 1, 2)
        self.form.addWidget(self.run_button, 2, 3)
        self.form.setColumnStretch(1, 2)
        self.form.setColumnStretch(3, 1)

        self.score = QLabel(self)
        self.score.setObjectName("tmScore")
        self.score.setStyleSheet("font-size: 28px; font-weight: bold; color: #1f3a5f; padding: 0 12px;")
        self.confusion = QLabel(self)
        self.confusion.setObjectName("tmConfusion")
        self.risk = QLabel(self)
        self.risk.setObjectName("tmRisk")
        self.goods = note_label(self)
        self.goods.setObjectName("tmGoods")
        self.citation = note_label(self)
        self.citation.setStyleSheet("color: #37474f;")
        self.disclaimer = QLabel(self)
        self.disclaimer.setStyleSheet("color: #a4161a; font-weight: bold;")
        self.model = factor_model(self)
        self.table = table_view(self.model, self, "factorTable")
        self.copy_button = QPushButton(self)
        self.copy_button.setObjectName("copyFactors")
        self.copy_button.clicked.connect(self.copy_sentences)
        self.copy_button.setEnabled(False)

        head = QHBoxLayout()
        head.addWidget(self.score)
        head.addWidget(self.confusion)
        head.addWidget(self.risk)
        head.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addLayout(head)
        layout.addWidget(self.goods)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.citation, 1)
        bottom.addWidget(self.copy_button)
        layout.addLayout(bottom)
        layout.addWidget(self.disclaimer)

    def retranslate(self) -> None:
        self.mark_label.setText(self.tr("Right holder's mark:"))
        self.classes_label.setText(self.tr("Classes / groups:"))
        self.other_label.setText(self.tr("Suspect sign:"))
        self.other_classes_label.setText(self.tr("Classes / groups:"))
        self.classes.setPlaceholderText(self.tr("e.g. 25 or 25,2501"))
        self.other_classes.setPlaceholderText(self.tr("empty: the same as the mark's"))
        self.mark.setPlaceholderText(self.tr("e.g. 乔丹"))
        self.other.setPlaceholderText(self.tr("e.g. QIAODAN"))
        self.well_known.setText(self.tr("The right holder's mark is claimed to be well known (Art. 13)"))
        self.run_button.setText(self.tr("Compare"))
        self.copy_button.setText(self.tr("Copy the sentences"))
        if self.result is not None:
            self.show_result(self.result)
        else:
            badge(self.confusion, self.tr("No comparison yet."), None)
            self.risk.clear()
            self.risk.setStyleSheet("")
        self.model.retranslate()

    def run(self) -> None:
        mark, other = self.mark.text().strip(), self.other.text().strip()
        classes = self.classes.text().strip() or None
        other_classes = self.other_classes.text().strip() or None
        well_known = self.well_known.isChecked()
        if not mark or not other:
            self.page.set_status(self.tr("Enter both marks first."), error=True)
            (self.mark if not mark else self.other).setFocus()
            return
        self.page.set_status(self.tr("Comparing the marks…"))

        def work() -> Any:
            from qcy_workstation.precheck import compare_marks

            return compare_marks(mark, other, classes=classes, other_classes=other_classes, well_known=well_known)

        self.submit(work, self.show_result, name="precheck-trademark", status=self.tr("Marks compared."))

    def show_result(self, res: Any) -> None:
        self.result = res
        self.score.setText(f"{res.score}<span style='font-size:14px;color:#5f6b7a'> / 100</span>")
        if res.likely_confusion:
            badge(self.confusion, self.tr("Likely confusion"), (RED_BG, RED_FG))
        else:
            badge(self.confusion, self.tr("Confusion unlikely"), (GREEN_BG, GREEN_FG))
        badge(self.risk, self.tr("Risk: %1 · mark similarity %2 · goods %3").replace("%1", tl(RISK, res.risk)).replace(
            "%2", str(res.mark_similarity)).replace("%3", str(res.goods.score) if res.goods.score >= 0 else "—"),
            RISK_COLOURS.get(res.risk))
        self.goods.setText(res.goods.detail_zh if ui_lang() == "zh" else res.goods.detail_en)
        self.citation.setText(self.tr("Cited: %1").replace("%1", cite_text(res.citations)))
        self.disclaimer.setText(disclaimer())
        self.model.set_rows(list(res.factors))
        factor_columns(self.table)
        self.copy_button.setEnabled(True)

    def copy_sentences(self) -> None:
        if self.result is None:
            return
        lines = [_factor_text(f) for f in self.result.factors]
        QGuiApplication.clipboard().setText("\n".join(lines) + "\n" + disclaimer())
        self.page.set_status(self.tr("The sentences were copied."))


class GiTab(PrecheckTab):
    """A product label and the producer's region against the GI register: misuse or lawful, and why.

    Signals:
        finished(): a result is shown.
    """

    def __init__(self, page: PrecheckPage) -> None:
        super().__init__(page)
        self.label_edit = self.run_line_edit("giLabel")
        self.region_edit = self.run_line_edit("giRegion")
        self.use_register = QCheckBox(self)
        self.use_register.setObjectName("giUseRegister")
        self.use_register.setChecked(True)
        self.run_button = self.make_run_button("giRun")
        self.form = QFormLayout()
        self.l_label, self.l_region = QLabel(self), QLabel(self)
        self.form.addRow(self.l_label, self.label_edit)
        self.form.addRow(self.l_region, self.region_edit)
        row = QHBoxLayout()
        row.addWidget(self.use_register)
        row.addStretch(1)
        row.addWidget(self.run_button)
        self.verdict = QLabel(self)
        self.verdict.setObjectName("giVerdict")
        self.details = QTextBrowser(self)
        self.details.setObjectName("giDetails")
        self.details.setOpenLinks(False)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addLayout(row)
        layout.addWidget(self.verdict)
        layout.addWidget(self.details, 1)

    def retranslate(self) -> None:
        self.l_label.setText(self.tr("Product label text:"))
        self.l_region.setText(self.tr("Producer's region:"))
        self.label_edit.setPlaceholderText(self.tr("e.g. 洛川风味苹果"))
        self.region_edit.setPlaceholderText(self.tr("province / city / county, e.g. 甘肃省天水市"))
        self.use_register.setText(self.tr("Include the GIs of the rights register"))
        self.run_button.setText(self.tr("Check the label"))
        if self.result is not None:
            self.show_result(self.result)
        else:
            badge(self.verdict, self.tr("No check yet."), None)

    def run(self) -> None:
        label, region = self.label_edit.text().strip(), self.region_edit.text().strip()
        store = self.page.ctx.store if self.use_register.isChecked() else None
        if not label:
            self.page.set_status(self.tr("Enter the label text first."), error=True)
            self.label_edit.setFocus()
            return
        self.page.set_status(self.tr("Checking the label…"))

        def work() -> Any:
            if store is not None:
                from qcy_workstation.precheck.screening import screen_gi

                return screen_gi(store, label, region)
            from qcy_workstation.precheck import check_label

            return check_label(label, region)

        self.submit(work, self.show_result, name="precheck-gi", status=self.tr("Label checked."))

    def show_result(self, res: Any) -> None:
        self.result = res
        show_gi(self.verdict, self.details, res)


def show_gi(verdict: QLabel, details: QTextBrowser, res: Any, note: str = "") -> None:
    """A GI result on screen: the verdict badge (misuse red, lawful green) with the GI's name and ``note``,
    and the details document."""
    colours = (RED_BG, RED_FG) if res.verdict == "misuse" else (GREEN_BG, GREEN_FG)
    text = tl(GI_VERDICT, res.verdict)
    if res.gi is not None:
        text += " · " + res.gi.name
    badge(verdict, text + note, colours)
    details.setHtml(gi_html(res))


def gi_html(res: Any) -> str:
    """The GI result as a small document (reason, the GI found, region, citations, disclaimer)."""
    zh = ui_lang() == "zh"
    rows = []
    if res.gi is not None:
        g = res.gi
        rows.append((QCoreApplication.translate("PrecheckLabels", "GI found"), g.name))
        rows.append((QCoreApplication.translate("PrecheckLabels", "Protected area"), g.area.label()))
        if res.match is not None:
            how = tl(GI_HOW, res.match.how)
            if res.match.qualifiers:
                how += " · " + QCoreApplication.translate("PrecheckLabels", "qualifiers: %1").replace("%1", "、".join(res.match.qualifiers))
            rows.append((QCoreApplication.translate("PrecheckLabels", "How the label uses it"), f"{how}（{res.match.matched_text}）"))
        rows.append((QCoreApplication.translate("PrecheckLabels", "Producer's region"), tl(REGION, res.region_match)))
        if g.certificate or g.holder:
            rows.append((QCoreApplication.translate("PrecheckLabels", "Certificate / holder"), " · ".join(x for x in (g.certificate, g.holder) if x)))
        if not g.verified:
            rows.append((QCoreApplication.translate("PrecheckLabels", "Register entry"), QCoreApplication.translate("PrecheckLabels", "not verified against the official notice")))
    if res.other_matches:
        rows.append((QCoreApplication.translate("PrecheckLabels", "Other GIs in the label"), "、".join(m.gi.name for m in res.other_matches)))
    if res.needs_review:
        rows.append((QCoreApplication.translate("PrecheckLabels", "Review"), QCoreApplication.translate("PrecheckLabels", "staff must verify this result")))
    table = "".join(f"<tr><td style='color:#5f6b7a;padding-right:12px'>{_esc(k)}</td><td>{_esc(v)}</td></tr>"
                    for k, v in rows)
    from qcy_workstation.precheck.common import group_citations

    cites = "".join(f"<li>{_esc(g.label('zh' if zh else 'en'))}</li>" for g in group_citations(res.citations))
    reason = res.reason_zh if zh else res.reason_en
    reason_h = QCoreApplication.translate("PrecheckLabels", "Reason")
    cites_h = QCoreApplication.translate("PrecheckLabels", "Citations")
    return (f"<p><b>{_esc(reason_h)}</b><br>{_esc(reason)}</p><table>{table}</table>"
            f"<p><b>{_esc(cites_h)}</b></p><ul>{cites}</ul>"
            f"<p style='color:#a4161a'><b>{_esc(disclaimer())}</b></p>")


class TradeSecretTab(PrecheckTab):
    """Secret against suspect material side by side: matched passages highlighted in both, the overall
    similarity, and the statutory checklist with what staff still need.

    Signals:
        finished(): a comparison is shown.
    """

    def __init__(self, page: PrecheckPage) -> None:
        super().__init__(page)
        self.current_match = -1
        self._syncing = False
        self._build()

    def _build(self) -> None:
        self.secret_label, self.suspect_label = QLabel(self), QLabel(self)
        self.secret = QTextEdit(self)
        self.secret.setObjectName("secretEdit")
        self.suspect = QTextEdit(self)
        self.suspect.setObjectName("suspectEdit")
        for edit in (self.secret, self.suspect):
            edit.setAcceptRichText(False)
            edit.setTabChangesFocus(True)
            edit.textChanged.connect(self._text_changed)
        self.secret.cursorPositionChanged.connect(lambda: self._cursor_moved(self.secret, "secret"))
        self.suspect.cursorPositionChanged.connect(lambda: self._cursor_moved(self.suspect, "suspect"))
        self.secret_open, self.suspect_open = QPushButton(self), QPushButton(self)
        self.secret_open.setObjectName("secretOpen")
        self.suspect_open.setObjectName("suspectOpen")
        self.secret_open.clicked.connect(lambda: self._open(self.secret))
        self.suspect_open.clicked.connect(lambda: self._open(self.suspect))
        self.measures = QLineEdit(self)
        self.measures.setObjectName("tsMeasures")
        self.value = QLineEdit(self)
        self.value.setObjectName("tsValue")
        self.access = QLineEdit(self)
        self.access.setObjectName("tsAccess")
        self.run_button = self.make_run_button("tradeSecretRun")

        def column(label: QLabel, button: QPushButton, edit: QTextEdit) -> QWidget:
            w = QWidget(self)
            v = QVBoxLayout(w)
            v.setContentsMargins(0, 0, 0, 0)
            h = QHBoxLayout()
            h.addWidget(label)
            h.addStretch(1)
            h.addWidget(button)
            v.addLayout(h)
            v.addWidget(edit)
            return w

        texts = QSplitter(Qt.Orientation.Horizontal, self)
        texts.addWidget(column(self.secret_label, self.secret_open, self.secret))
        texts.addWidget(column(self.suspect_label, self.suspect_open, self.suspect))
        form = QGridLayout()
        self.l_measures, self.l_value, self.l_access = QLabel(self), QLabel(self), QLabel(self)
        form.addWidget(self.l_measures, 0, 0)
        form.addWidget(self.measures, 0, 1, 1, 4)
        form.addWidget(self.l_value, 1, 0)
        form.addWidget(self.value, 1, 1)
        form.addWidget(self.l_access, 1, 2)
        form.addWidget(self.access, 1, 3)
        form.addWidget(self.run_button, 1, 4)
        form.setColumnStretch(1, 1)
        form.setColumnStretch(3, 1)

        self.similarity = QLabel(self)
        self.similarity.setObjectName("tsSimilarity")
        self.summary = note_label(self)
        self.disclaimer = QLabel(self)
        self.disclaimer.setStyleSheet("color: #a4161a; font-weight: bold;")
        self.match_model = RowTableModel([
            Column(QT_TRANSLATE_NOOP("Columns", "#"), lambda m: m[0] + 1, align_right=True),
            Column(QT_TRANSLATE_NOOP("Columns", "Score"), lambda m: m[1].score, align_right=True),
            Column(QT_TRANSLATE_NOOP("Columns", "Match"), lambda m: tl(MATCH_METHOD, m[1].method)
                   + (" · " + QCoreApplication.translate("PrecheckLabels", "public") if m[1].public else "")),
            Column(QT_TRANSLATE_NOOP("Columns", "Secret passage"), lambda m: m[1].secret_text,
                   tooltip=lambda m: m[1].secret_text),
            Column(QT_TRANSLATE_NOOP("Columns", "Suspect passage"), lambda m: m[1].suspect_text,
                   tooltip=lambda m: m[1].suspect_text),
        ], self)
        self.match_table = table_view(self.match_model, self, "matchTable")
        self.match_table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self.select_match(cur.row()))
        self.check_model = StatusModel([
            Column(QT_TRANSLATE_NOOP("Columns", "Statutory element"), lambda c: c.label_zh),
            Column(QT_TRANSLATE_NOOP("Columns", "Status"), lambda c: tl(CHECK_STATUS, c.status)),
            Column(QT_TRANSLATE_NOOP("Columns", "What the file shows"), lambda c: c.detail_zh, tooltip=lambda c: c.detail_zh),
            Column(QT_TRANSLATE_NOOP("Columns", "Still needed"), lambda c: c.needed_zh,
                   tooltip=lambda c: c.needed_zh),
            Column(QT_TRANSLATE_NOOP("Columns", "Basis"), lambda c: _cite_label(c.citation)),
        ], lambda c: c.status, CHECK_COLOURS, self)
        self.check_table = table_view(self.check_model, self, "checklistTable")
        # the information compared point by point: found, changed (both values), absent
        self.point_model = StatusModel([
            Column(QT_TRANSLATE_NOOP("Columns", "Secret point"), lambda p: p.secret.text, tooltip=lambda p: p.secret.text),
            Column(QT_TRANSLATE_NOOP("Columns", "Status"), lambda p: tl(POINT_STATUS, p.status)),
            Column(QT_TRANSLATE_NOOP("Columns", "In the suspect's material"),
                   lambda p: p.match_text if p.status != "absent" else "—", tooltip=lambda p: p.match_text),
            Column(QT_TRANSLATE_NOOP("Columns", "Values: secret → suspect"),
                   lambda p: "；".join(f"{a} → {b}" for a, b in p.differences)),
        ], lambda p: p.status, POINT_COLOURS, self)
        self.point_table = table_view(self.point_model, self, "pointTable")
        self.point_table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self.select_point(cur.row()))
        self.results_tabs = QTabWidget(self)
        self.results_tabs.addTab(self.point_table, "")
        self.results_tabs.addTab(self.match_table, "")
        self.results_tabs.addTab(self.check_table, "")

        layout = QVBoxLayout(self)
        outer = QSplitter(Qt.Orientation.Vertical, self)
        top = QWidget(self)
        tv = QVBoxLayout(top)
        tv.setContentsMargins(0, 0, 0, 0)
        tv.addWidget(texts, 1)
        tv.addLayout(form)
        bottom = QWidget(self)
        bv = QVBoxLayout(bottom)
        bv.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(self.similarity)
        head.addWidget(self.summary, 1)
        bv.addLayout(head)
        bv.addWidget(self.results_tabs, 1)
        bv.addWidget(self.disclaimer)
        outer.addWidget(top)
        outer.addWidget(bottom)
        outer.setSizes([380, 330])
        layout.addWidget(outer)

    def retranslate(self) -> None:
        self.secret_label.setText(self.tr("The trade secret (document, technical information):"))
        self.suspect_label.setText(self.tr("The suspect's material:"))
        self.secret_open.setText(self.tr("Open file…"))
        self.suspect_open.setText(self.tr("Open file…"))
        self.l_measures.setText(self.tr("Secrecy measures taken:"))
        self.measures.setPlaceholderText(self.tr("e.g. 保密协议, 门禁, 加密, 离职交接"))
        self.l_value.setText(self.tr("Commercial value:"))
        self.value.setPlaceholderText(self.tr("what shows it (R&D cost, licence income…)"))
        self.l_access.setText(self.tr("Access by the suspect:"))
        self.access.setPlaceholderText(self.tr("e.g. former employee of the R&D department"))
        self.run_button.setText(self.tr("Compare"))
        self.results_tabs.setTabText(0, self.tr("Secret points"))
        self.results_tabs.setTabText(1, self.tr("Matched passages"))
        self.results_tabs.setTabText(2, self.tr("Statutory elements"))
        if self.result is not None:
            self.show_result(self.result)
        else:
            badge(self.similarity, self.tr("No comparison yet."), None)
        self.match_model.retranslate()
        self.check_model.retranslate()
        self.point_model.retranslate()

    def _open(self, edit: QTextEdit) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open a document"), "",
                                              self.tr("Text (*.txt *.md *.docx *.pdf);;All files (*)"))
        if path:
            self.page.load_file(path, edit.setPlainText)

    def run(self) -> None:
        secret, suspect = self.secret.toPlainText(), self.suspect.toPlainText()
        measures = [m for m in self.measures.text().replace("，", ",").replace("、", ",").split(",") if m.strip()]
        value, access = self.value.text().strip(), self.access.text().strip()
        if not secret.strip() or not suspect.strip():
            self.page.set_status(self.tr("Enter or open both texts first."), error=True)
            return
        self.page.set_status(self.tr("Comparing the passages…"))

        def work() -> Any:
            from qcy_workstation.precheck import compare_secret

            return compare_secret(secret, suspect, measures=measures, commercial_value=value, access=access)

        self.submit(work, self.show_result, name="precheck-trade-secret", status=self.tr("Passages compared."))

    def show_result(self, res: Any) -> None:
        self.result = res
        band = "high" if res.similarity >= 60 else ("medium" if res.similarity >= 30 else "low")
        badge(self.similarity, self.tr("Similarity %1 / 100").replace("%1", str(res.similarity)), RISK_COLOURS[band])
        self.summary.setText(res.summary_zh if ui_lang() == "zh" else res.summary_en)
        self.disclaimer.setText(disclaimer())
        self.match_model.set_rows(list(enumerate(res.matches)))
        self.check_model.set_rows(list(res.checklist))
        self.point_model.set_rows(list(res.points))
        for view, widths in ((self.match_table, (40, 60, 110, 360, 360)), (self.check_table, (150, 80, 330, 330, 200)),
                             (self.point_table, (330, 80, 330, 250))):
            for col, w in enumerate(widths):
                view.setColumnWidth(col, w)
            fit_rows(view)
        self.current_match = -1
        self.highlight()

    def select_point(self, row: int) -> None:
        """Select the secret point and its counterpart in the two texts."""
        p = self.point_model.row_at(row)
        if p is None or not self._texts_current():
            return
        pairs = [(self.secret, p.secret.start, p.secret.end)]
        if p.status != "absent" and p.match_start >= 0:
            pairs.append((self.suspect, p.match_start, p.match_end))
        for edit, start, end in pairs:
            text = edit.toPlainText()
            cursor = edit.textCursor()
            cursor.setPosition(utf16_pos(text, start))
            cursor.setPosition(utf16_pos(text, end), QTextCursor.MoveMode.KeepAnchor)
            edit.setTextCursor(cursor)
            edit.ensureCursorVisible()

    def _text_changed(self) -> None:
        if self.result is not None and not self._syncing:
            # the texts no longer are what was compared: the highlights would point at the wrong words
            self.secret.setExtraSelections([])
            self.suspect.setExtraSelections([])

    def _texts_current(self) -> bool:
        return self.result is not None and self.secret.toPlainText() == self.result.inputs.get("secret") \
            and self.suspect.toPlainText() == self.result.inputs.get("suspect")

    def highlight(self) -> None:
        """Mark every matched passage in both texts; the selected one in a stronger colour."""
        if not self._texts_current():
            return
        for edit, which in ((self.secret, "secret"), (self.suspect, "suspect")):
            text = edit.toPlainText()
            sels = []
            for i, m in enumerate(self.result.matches):
                start, end = (m.secret_start, m.secret_end) if which == "secret" else (m.suspect_start, m.suspect_end)
                sel = QTextEdit.ExtraSelection()
                cursor = QTextCursor(edit.document())
                cursor.setPosition(utf16_pos(text, start))
                cursor.setPosition(utf16_pos(text, end), QTextCursor.MoveMode.KeepAnchor)
                sel.cursor = cursor
                fmt = QTextCharFormat()
                fmt.setBackground(CURRENT_MATCH_BG if i == self.current_match else MATCH_BG)
                fmt.setProperty(QTextFormat.Property.UserProperty, i)
                sel.format = fmt
                sels.append(sel)
            edit.setExtraSelections(sels)

    def highlighted_ranges(self, which: str) -> list[tuple[int, int, str]]:
        """(start, end, colour name) of the highlights in one editor (tests check what staff see)."""
        edit = self.secret if which == "secret" else self.suspect
        return [(s.cursor.selectionStart(), s.cursor.selectionEnd(), s.format.background().color().name())
                for s in edit.extraSelections()]

    def select_match(self, row: int) -> None:
        """Show match ``row``: stronger highlight and both texts scrolled to it."""
        if self.result is None or not 0 <= row < len(self.result.matches):
            return
        self.current_match = row
        self.highlight()
        if not self._texts_current():
            return
        m = self.result.matches[row]
        self._syncing = True
        try:
            for edit, pos in ((self.secret, m.secret_start), (self.suspect, m.suspect_start)):
                cursor = edit.textCursor()
                cursor.setPosition(utf16_pos(edit.toPlainText(), pos))
                edit.setTextCursor(cursor)
                edit.ensureCursorVisible()
        finally:
            self._syncing = False
        if self.match_table.currentIndex().row() != row:
            self.match_table.selectRow(row)

    def _cursor_moved(self, edit: QTextEdit, which: str) -> None:
        """Clicking inside a highlighted passage selects that match (and scrolls the other text)."""
        if self._syncing or not self._texts_current():
            return
        text = edit.toPlainText()
        pos = edit.textCursor().position()
        for i, m in enumerate(self.result.matches):
            start, end = (m.secret_start, m.secret_end) if which == "secret" else (m.suspect_start, m.suspect_end)
            if utf16_pos(text, start) <= pos < utf16_pos(text, end):
                if i != self.current_match:
                    self.select_match(i)
                return


def cite_text(citations: Any) -> str:
    """Citations for one line, as the engine groups them: "解释（…）第9条、第10条"."""
    from qcy_workstation.precheck.common import citation_text

    return citation_text(citations, "zh" if ui_lang() == "zh" else "en")


def _cite_label(key: str) -> str:
    try:
        from qcy_workstation.precheck.common import cite

        return cite(key)[0].label()
    except (KeyError, IndexError):
        return key


# ---------------------------------------------------------------------------------------------------- saved


def _saved_at(s: Any) -> str:
    from qcy_workstation.db.base import to_china_time

    return to_china_time(s.created_at).strftime("%Y-%m-%d %H:%M")


INPUT_LABELS = {
    "claims": QT_TRANSLATE_NOOP("PrecheckLabels", "claims"), "product": QT_TRANSLATE_NOOP("PrecheckLabels", "accused product"),
    "claim": QT_TRANSLATE_NOOP("PrecheckLabels", "claim charted"),
    "elements": QT_TRANSLATE_NOOP("PrecheckLabels", "features as corrected by staff"),
    "mark": QT_TRANSLATE_NOOP("PrecheckLabels", "right holder's mark"), "classes": QT_TRANSLATE_NOOP("PrecheckLabels", "right holder's classes"),
    "other": QT_TRANSLATE_NOOP("PrecheckLabels", "suspect sign"),
    "other_classes": QT_TRANSLATE_NOOP("PrecheckLabels", "suspect sign's classes"),
    "well_known": QT_TRANSLATE_NOOP("PrecheckLabels", "well-known mark claimed"),
    "aliases": QT_TRANSLATE_NOOP("PrecheckLabels", "alias tables"), "label": QT_TRANSLATE_NOOP("PrecheckLabels", "label"),
    "region": QT_TRANSLATE_NOOP("PrecheckLabels", "producer's region"),
    "gi_sources": QT_TRANSLATE_NOOP("PrecheckLabels", "GI registers used"),
    "secret": QT_TRANSLATE_NOOP("PrecheckLabels", "trade secret"), "suspect": QT_TRANSLATE_NOOP("PrecheckLabels", "suspect material"),
    "measures": QT_TRANSLATE_NOOP("PrecheckLabels", "secrecy measures"),
    "public_texts": QT_TRANSLATE_NOOP("PrecheckLabels", "public material"),
    "commercial_value": QT_TRANSLATE_NOOP("PrecheckLabels", "commercial value"),
    "access": QT_TRANSLATE_NOOP("PrecheckLabels", "access by the suspect"),
}


def saved_summary(s: Any) -> str:
    """One line for a saved result in the current language (made from the result, so rows saved by an
    older engine read the same)."""
    from qcy_workstation.precheck.results import summarise

    return summarise(s.result, "zh" if ui_lang() == "zh" else "en")


SAVED_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "Saved at"), _saved_at),
    Column(QT_TRANSLATE_NOOP("Columns", "Kind"), lambda s: tl(KIND, s.kind)),
    Column(QT_TRANSLATE_NOOP("Columns", "Summary"), saved_summary, tooltip=saved_summary),
    Column(QT_TRANSLATE_NOOP("Columns", "Engine"), lambda s: s.engine_version),
    Column(QT_TRANSLATE_NOOP("Columns", "By"), lambda s: s.created_by),
]


def _input_text(v: Any) -> str:
    if isinstance(v, bool):
        return "✓" if v else "—"
    if isinstance(v, list | tuple):
        return "；".join(str(x) for x in v)[:300]
    return str(v)[:300]


def saved_html(s: Any) -> str:
    r = s.result
    zh = ui_lang() == "zh"
    by = QCoreApplication.translate("PrecheckLabels", "Saved %1 by %2 · engine %3").replace("%1", _saved_at(s)).replace(
        "%2", s.created_by).replace("%3", s.engine_version)
    lines = [f"<h3>{_esc(tl(KIND, s.kind))} · {_esc(saved_summary(s))}</h3>", f"<p style='color:#5f6b7a'>{_esc(by)}</p>"]
    reason = r.get("reason_zh" if zh else "reason_en") or r.get("reason") or r.get("summary_zh" if zh else "summary_en")
    if reason:
        lines.append(f"<p>{_esc(reason)}</p>")
    if s.kind == "trademark":
        lines += [f"<p>{_esc(f.get('text_zh' if zh else 'text_en', ''))}</p>" for f in r.get("factors", [])]
    if s.kind == "patent":
        lines += [f"<p>{e['index']}. [{_esc(tl(ELEMENT_STATUS, e['status']))} {e['score']}] {_esc(e['element'])}"
                  f"{' — ' + _esc(e['evidence']) if e.get('evidence') else ''}</p>" for e in r.get("elements", [])]
    inputs = "".join(f"<li><b>{_esc(tl(INPUT_LABELS, k))}</b>: {_esc(_input_text(v))}</li>"
                     for k, v in s.inputs.items() if v not in (None, "", []))
    inputs_h, cites_h = QCoreApplication.translate("PrecheckLabels", "Inputs"), QCoreApplication.translate("PrecheckLabels", "Citations")
    lines.append(f"<p><b>{_esc(inputs_h)}</b></p><ul>{inputs}</ul>")
    from qcy_workstation.precheck.common import group_citations

    cites = "".join(f"<li>{_esc(g.label('zh' if zh else 'en'))}</li>"
                    for g in group_citations(c for c in r.get("citations", []) if isinstance(c, dict)))
    if cites:
        lines.append(f"<p><b>{_esc(cites_h)}</b></p><ul>{cites}</ul>")
    lines.append(f"<p style='color:#a4161a'><b>{_esc(r.get('disclaimer') if zh else r.get('disclaimer_en', ''))}</b></p>")
    return "".join(lines)


class SavedTab(QWidget):
    def __init__(self, page: PrecheckPage) -> None:
        super().__init__(page)
        self.page = page
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.model = RowTableModel(SAVED_COLUMNS, self)
        self.table = table_view(self.model, self, "savedTable", stretch=2)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _p: self._show(cur.row()))
        self.detail = QTextBrowser(self)
        self.detail.setObjectName("savedDetail")
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setSizes([170, 450])
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(split, 1)

    def retranslate(self) -> None:
        self.hint.setText(self.tr("Pre-checks saved on the case, newest first. The case's reference opinion cites "
                                  "them with their inputs and engine version."))
        self.model.retranslate()
        self._show(self.table.currentIndex().row())

    def set_rows(self, rows: list[Any]) -> None:
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        if rows:
            self.table.selectRow(0)
            self._show(0)
        else:
            self.detail.clear()

    def _show(self, row: int) -> None:
        s = self.model.row_at(row)
        if s is not None:
            self.detail.setHtml(saved_html(s))


# ---------------------------------------------------------------------------------------------------- page


class PrecheckPage(QWidget):
    """The pre-check page. ``open(case_number)`` prefills the inputs from the case's rights and lists
    the pre-checks saved on it; without a case every comparison still works (only saving needs one).

    Signals:
        saved(str): a result was saved on the case (its number).
        case_loaded(str): the case's rights and saved results are shown.
    """

    TAB_KEYS = ("patent", "trademark", "gi", "trade_secret", "saved")
    saved = Signal(str)
    case_loaded = Signal(str)

    def __init__(self, ctx: AppContext, window: Any = None) -> None:
        super().__init__()
        self.ctx, self.window_ = ctx, window
        self.case: Any = None
        self._followed: str | None = None
        self._warmed = False
        self._prefilled: dict[int, str] = {}
        self._build()
        self.retranslate()

    def _build(self) -> None:
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 20px; font-weight: bold;")
        self.case_label = QLabel(self)
        self.case_edit = QLineEdit(self)
        self.case_edit.setObjectName("precheckCase")
        self.case_edit.setMaximumWidth(200)
        self.case_edit.returnPressed.connect(lambda: self.open(self.case_edit.text()))
        self.load_button = QPushButton(self)
        self.load_button.setObjectName("precheckLoadCase")
        self.load_button.clicked.connect(lambda: self.open(self.case_edit.text()))
        self.case_title = QLabel(self)
        self.case_title.setObjectName("precheckCaseTitle")
        self.case_title.setStyleSheet("color: #5f6b7a;")
        self.banner = QLabel(self)
        self.banner.setObjectName("precheckDisclaimer")
        self.banner.setStyleSheet("background: #fdecea; color: #a4161a; padding: 4px 8px; border-radius: 3px;")
        head = QHBoxLayout()
        head.addWidget(self.heading)
        head.addSpacing(16)
        head.addWidget(self.case_label)
        head.addWidget(self.case_edit)
        head.addWidget(self.load_button)
        head.addWidget(self.case_title, 1)
        head.addWidget(self.banner)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("precheckTabs")
        self.patent = PatentTab(self)
        self.trademark = TrademarkTab(self)
        self.gi = GiTab(self)
        self.trade_secret = TradeSecretTab(self)
        self.saved_tab = SavedTab(self)
        for w in (self.patent, self.trademark, self.gi, self.trade_secret, self.saved_tab):
            self.tabs.addTab(w, "")
        self.tabs.currentChanged.connect(lambda _i: self.result_changed())

        self.status = QLabel(self)
        self.status.setObjectName("precheckStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("precheckSave")
        self.save_button.clicked.connect(self.save)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        self.result_changed()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Pre-check"))
        self.case_label.setText(self.tr("Case:"))
        self.case_edit.setPlaceholderText(self.tr("case number (to save on)"))
        self.load_button.setText(self.tr("Load case"))
        self.banner.setText(self.tr("Reference pre-check, not a legal determination"))
        names = (self.tr("Patent"), self.tr("Trademark"), self.tr("Geographical indication"),
                 self.tr("Trade secret"), self._saved_title())
        for i, n in enumerate(names):
            self.tabs.setTabText(i, n)
        self.save_button.setText(self.tr("Save on case"))
        self.save_button.setToolTip(self.tr("Save this result with its inputs and the engine version on the case, "
                                            "so its reference opinion can cite it"))
        for tab in (self.patent, self.trademark, self.gi, self.trade_secret, self.saved_tab):
            tab.retranslate()
        self._show_case_title()

    def _saved_title(self) -> str:
        n = self.saved_tab.model.rowCount()
        return self.tr("Saved on the case (%1)").replace("%1", str(n)) if n else self.tr("Saved on the case")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ status

    def set_status(self, text: str, *, error: bool = False) -> None:
        self.status.setText(status_html(text, error=error))

    def failed(self, exc: BaseException) -> None:
        report_failure(self, exc, self.set_status)

    def current_result(self) -> Any:
        tab = self.tabs.currentWidget()
        return getattr(tab, "result", None) if tab is not self.saved_tab else None

    def result_changed(self) -> None:
        self.save_button.setEnabled(self.current_result() is not None)

    def load_file(self, path: str, setter: Any) -> None:
        self.ctx.runner.submit(lambda: read_text_file(path), on_success=setter, on_error=self.failed,
                               name="precheck-open")

    # ------------------------------------------------------------------ case

    def on_shown(self) -> None:
        """Follow the case opened on the case page since this page last looked; load the meaning layer's
        model in the background the first time, so the first comparison does not wait for it."""
        if not self._warmed:
            self._warmed = True
            from qcy_workstation.precheck.semantic import warm_up

            self.ctx.runner.submit(warm_up, on_success=lambda _r: None, on_error=lambda _e: None,
                                   name="precheck-model-load")
        case_page = getattr(self.window_, "pages", {}).get("case") if self.window_ is not None else None
        case = getattr(case_page, "case", None)
        if case is not None and case.number != self._followed:
            self._followed = case.number
            if case.number != self.case_edit.text().strip().upper():
                self.open(case.number)

    def refresh(self) -> None:
        if self.case_edit.text().strip():
            self.open(self.case_edit.text())

    def open(self, number: str) -> None:
        """Load case ``number``: prefill from its rights, list its saved pre-checks."""
        number = (number or "").strip().upper()
        if not number or self.ctx.store is None:
            return
        self.case_edit.setText(number)
        cases = self.ctx.cases()
        store, staff = self.ctx.store, self.ctx.staff

        def work() -> tuple[Any, list[Any]]:
            from qcy_workstation.precheck.results import PrecheckResultService

            return cases.get(number), PrecheckResultService(store, staff).list(number)

        def failed(exc: BaseException) -> None:
            self.case = None
            self._show_case_title()
            if isinstance(exc, QcyError) and exc.code == "not_found":
                self.set_status(self.tr("There is no case %1.").replace("%1", number), error=True)
            else:
                self.failed(exc)

        self.ctx.runner.submit(work, on_success=self._case_loaded, on_error=failed, name="precheck-case")

    def _case_loaded(self, loaded: tuple[Any, list[Any]]) -> None:
        case, saved = loaded
        self.case = case
        self._show_case_title()
        self._prefill(case)
        self.saved_tab.set_rows(saved)
        self.tabs.setTabText(4, self._saved_title())
        tab = {"patent": 0, "trademark": 1, "gi": 2, "trade-secret": 3}.get(case.type)
        if tab is not None:
            self.tabs.setCurrentIndex(tab)
        self.set_status(self.tr("Case %1 loaded: %2 saved pre-check(s).").replace("%1", case.number).replace(
            "%2", str(len(saved))))
        self.case_loaded.emit(case.number)

    def _show_case_title(self) -> None:
        self.case_title.setText(self.case.title if self.case is not None else self.tr("no case: results can be "
                                                                                      "computed but not saved"))

    def _set_prefill(self, widget: Any, text: str) -> None:
        """Fill a field from the case unless staff typed something of their own there."""
        if not text:
            return
        current = widget.toPlainText() if hasattr(widget, "toPlainText") else widget.text()
        if current.strip() and current != self._prefilled.get(id(widget)):
            return
        if hasattr(widget, "setPlainText"):
            widget.setPlainText(text)
        else:
            widget.setText(text)
        self._prefilled[id(widget)] = text

    def _prefill(self, case: Any) -> None:
        for r in case.rights:
            if r.kind == "patent" and r.claims:
                self._set_prefill(self.patent.claims_edit, r.claims)
            elif r.kind == "trademark" and r.title:
                self._set_prefill(self.trademark.mark, r.title)
                codes = ",".join(x for x in (r.nice_classes, r.similar_groups) if x)
                self._set_prefill(self.trademark.classes, codes)
            elif r.kind == "trade-secret":
                self._set_prefill(self.trade_secret.secret, r.secret_description)
                self._set_prefill(self.trade_secret.measures, r.secrecy_measures)

    # ------------------------------------------------------------------ saving

    def save(self) -> None:
        """Save the current tab's result on the case (the reference opinion then cites it)."""
        result = self.current_result()
        if result is None:
            return
        number = self.case_edit.text().strip().upper()
        if not number:
            self.set_status(self.tr("Enter the number of the case to save the result on."), error=True)
            self.case_edit.setFocus()
            return
        store, staff = self.ctx.store, self.ctx.staff

        def work() -> list[Any]:
            from qcy_workstation.precheck.results import PrecheckResultService

            service = PrecheckResultService(store, staff)
            service.save(number, result)
            return service.list(number)

        def done(saved: list[Any]) -> None:
            self.saved_tab.set_rows(saved)
            self.tabs.setTabText(4, self._saved_title())
            self.set_status(self.tr("Saved on case %1: “%2”. Its reference opinion can now cite it.").replace(
                "%1", number).replace("%2", saved_summary(saved[0]) if saved else ""))
            self.saved.emit(number)
            self.ctx.cases_changed.emit(number)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, QcyError) and exc.code == "not_found":
                self.set_status(self.tr("There is no case %1.").replace("%1", number), error=True)
            else:
                self.failed(exc)

        self.ctx.runner.submit(work, on_success=done, on_error=failed, name="precheck-save")


register_page("precheck", QT_TRANSLATE_NOOP("Pages", "Pre-check"), PrecheckPage, order=45, icon="precheck.svg",
              tooltip=QT_TRANSLATE_NOOP("Pages", "Infringement pre-check: patent, trademark, GI, trade secret"))
