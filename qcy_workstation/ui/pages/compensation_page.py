"""Compensation calculator: the evidence for each statutory basis, punitive damages with the SPC 2021
circumstances, costs and statutory factors in; the reasoning line by line (with citations, why earlier
bases were not used, the composition of punitive damages, the low / likely / high range and the amounts
in Chinese capitals) out; and the estimate saved on a case so the reference opinion and the advice letter
pick it up.

``estimate()`` is pure arithmetic on versioned rule data (well under a millisecond), so it runs on the GUI
thread when "Calculate" is pressed; reading and saving the case's estimate go through the background
runner (store calls).
"""

from __future__ import annotations

import html
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QEvent, QLocale, Qt, Signal
from PySide6.QtGui import QGuiApplication, QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from qcy_workstation.errors import QcyError, ValidationError
from qcy_workstation.ui import drafts, i18n
from qcy_workstation.ui.context import AppContext
from qcy_workstation.ui.main_window import register_page
from qcy_workstation.ui.widgets import described_shortcut, show_error, today

RIGHT_TYPES = {
    "patent": QT_TRANSLATE_NOOP("CompensationPage", "Patent (Patent Law)"),
    "trademark": QT_TRANSLATE_NOOP("CompensationPage", "Trademark (Trademark Law)"),
    "trade_secret": QT_TRANSLATE_NOOP("CompensationPage", "Trade secret (Anti-Unfair Competition Law)"),
    "gi": QT_TRANSLATE_NOOP("CompensationPage", "Geographical indication (by protection route)"),
}
# The case's IP type (intake codes) -> the calculator's right type.
CASE_TYPE_TO_RIGHT = {"patent": "patent", "trademark": "trademark", "trade-secret": "trade_secret", "gi": "gi"}
CONFIDENCE = {
    "high": QT_TRANSLATE_NOOP("CompensationPage", "high confidence"),
    "medium": QT_TRANSLATE_NOOP("CompensationPage", "medium confidence"),
    "low": QT_TRANSLATE_NOOP("CompensationPage", "low confidence"),
}
FACTOR_CHOICES = {
    "right_kind": {
        "unknown": QT_TRANSLATE_NOOP("CompensationPage", "not assessed"),
        "invention": QT_TRANSLATE_NOOP("CompensationPage", "invention patent"),
        "utility_model": QT_TRANSLATE_NOOP("CompensationPage", "utility model"),
        "design": QT_TRANSLATE_NOOP("CompensationPage", "design patent"),
        "trademark": QT_TRANSLATE_NOOP("CompensationPage", "registered trademark"),
        "trademark_well_known": QT_TRANSLATE_NOOP("CompensationPage", "well-known trademark"),
        "trade_secret": QT_TRANSLATE_NOOP("CompensationPage", "trade secret"),
        "gi": QT_TRANSLATE_NOOP("CompensationPage", "geographical indication"),
    },
    "nature": {
        "unknown": QT_TRANSLATE_NOOP("CompensationPage", "not assessed"),
        "manufacture": QT_TRANSLATE_NOOP("CompensationPage", "manufacture"),
        "import": QT_TRANSLATE_NOOP("CompensationPage", "import"),
        "sale": QT_TRANSLATE_NOOP("CompensationPage", "sale"),
        "offer_for_sale": QT_TRANSLATE_NOOP("CompensationPage", "offer for sale"),
        "use": QT_TRANSLATE_NOOP("CompensationPage", "use"),
        "online_sale": QT_TRANSLATE_NOOP("CompensationPage", "online sale"),
    },
    "scale": {
        "unknown": QT_TRANSLATE_NOOP("CompensationPage", "not assessed"),
        "small": QT_TRANSLATE_NOOP("CompensationPage", "small"),
        "medium": QT_TRANSLATE_NOOP("CompensationPage", "medium"),
        "large": QT_TRANSLATE_NOOP("CompensationPage", "large"),
    },
    "fault": {
        "unknown": QT_TRANSLATE_NOOP("CompensationPage", "not assessed"),
        "none": QT_TRANSLATE_NOOP("CompensationPage", "no fault"),
        "negligent": QT_TRANSLATE_NOOP("CompensationPage", "negligent"),
        "knowing": QT_TRANSLATE_NOOP("CompensationPage", "knowing"),
        "intentional": QT_TRANSLATE_NOOP("CompensationPage", "intentional"),
    },
}
EVIDENCE_FIELDS = ("actual_loss", "infringer_profit", "licence_fee", "costs")
SCENARIO_NAMES = {
    "low": QT_TRANSLATE_NOOP("CompensationPage", "Low"),
    "likely": QT_TRANSLATE_NOOP("CompensationPage", "Likely"),
    "high": QT_TRANSLATE_NOOP("CompensationPage", "High"),
}


def _lang() -> str:
    """The language of the reasoning: the interface's (the rule data is bilingual)."""
    return "zh" if QLocale().language() == QLocale.Language.Chinese else "en"


def _tr(text: str) -> str:
    return QCoreApplication.translate("CompensationPage", text)


def _esc(text: object) -> str:
    return html.escape(str(text))


class WrappingCheck(QWidget):
    """A check box whose text wraps (the SPC circumstances are long sentences); clicking the text toggles.

    Signals:
        toggled(bool): as QCheckBox.toggled.
    """

    toggled = Signal(bool)

    def __init__(self, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code = code
        self.box = QCheckBox(self)
        self.box.setObjectName(f"circ_{code}")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)
        self.box.toggled.connect(self.toggled.emit)
        self.setFocusProxy(self.box)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        self.box.toggle()
        event.accept()

    def isChecked(self) -> bool:  # noqa: N802 - mirrors QCheckBox
        return self.box.isChecked()

    def setChecked(self, checked: bool) -> None:  # noqa: N802
        self.box.setChecked(checked)


class CompensationPage(QWidget):
    """The calculator. ``open(case_number)`` loads the case's saved estimate (or its IP type) into the form.

    Signals:
        calculated(object): a new CompensationEstimate is shown.
        saved(str): the estimate was saved on the case (its number).
    """

    calculated = Signal(object)
    saved = Signal(str)

    def __init__(self, ctx: AppContext, window: Any = None) -> None:
        super().__init__()
        self.ctx, self.window_ = ctx, window
        self.result: Any = None  # the CompensationEstimate shown
        self.errors: dict[str, QLabel] = {}
        self._followed: str | None = None  # the case page's case this page last followed
        self._build()
        self.retranslate()
        self._on_type_changed()
        self.tracker = drafts.FormTracker(self)
        self.tracker.mark_pristine()

    # ------------------------------------------------------------------ the form as a draft (ui/drafts.py)

    form_ignored = ("case", "right_type", "gi_route", "infringement_date")  # choices, not figures typed

    def form_title(self) -> str:
        return self.tr("Compensation estimate")

    def form_fields(self) -> dict[str, QWidget]:
        fields: dict[str, QWidget] = {"case": self.case_edit, "right_type": self.type_combo,
                                      "gi_route": self.gi_route, "infringement_date": self.date_edit}
        fields.update({f"amount.{k}": w for k, w in self.amounts.items()})
        fields.update({f"confidence.{k}": w for k, w in self.confidences.items()})
        fields.update({"licence_multiple": self.licence_multiple, "punitive_multiple": self.punitive_multiple,
                       "duration": self.duration, "innocent_seller": self.innocent_seller,
                       "unused_3y": self.unused_3y, "continuing": self.continuing, "known_check": self.known_check,
                       "known_date": self.known_date})
        for kind, checks in self.circumstances.items():
            fields.update({f"circ.{kind}.{code}": check.box for code, check in checks.items()})
        fields.update({f"factor.{k}": w for k, w in self.factor_combos.items()})
        return fields

    def form_dirty(self) -> bool:
        return self.tracker.dirty()

    def restore_form(self, values: dict[str, Any]) -> None:
        drafts.restore(self.form_fields(), values)

    # ------------------------------------------------------------------ building

    def _error_label(self, key: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(f"error_{key}")
        label.setStyleSheet("color: #c62828;")
        label.setWordWrap(True)
        label.hide()
        self.errors[key] = label
        return label

    def _with_error(self, key: str, *widgets: QWidget, stretch: bool = False) -> QWidget:
        """The widgets on one row, the field's error message under them (``stretch``: keep them left)."""
        host = QWidget(self)
        v = QVBoxLayout(host)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(2)
        row = QHBoxLayout()
        row.setSpacing(6)
        for w in widgets:
            row.addWidget(w)
        if stretch:
            row.addStretch(1)
        v.addLayout(row)
        v.addWidget(self._error_label(key))
        return host

    def _build(self) -> None:
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 20px; font-weight: bold;")
        self.case_label = QLabel(self)
        self.case_edit = QLineEdit(self)
        self.case_edit.setObjectName("compCase")
        self.case_edit.setMaximumWidth(200)
        self.load_button = QPushButton(self)
        self.load_button.setObjectName("compLoad")
        self.load_button.clicked.connect(lambda: self.open(self.case_edit.text().strip()))
        head = QHBoxLayout()
        head.addWidget(self.heading)
        head.addStretch(1)
        head.addWidget(self.case_label)
        head.addWidget(self.case_edit)
        head.addWidget(self.load_button)

        form_host = QWidget(self)
        form_layout = QVBoxLayout(form_host)
        form_layout.setContentsMargins(0, 0, 8, 0)

        # --- the right and the law
        self.right_box = QGroupBox(form_host)
        rf = QFormLayout(self.right_box)
        self.type_combo = QComboBox(self.right_box)
        self.type_combo.setObjectName("compType")
        for code in RIGHT_TYPES:
            self.type_combo.addItem("", code)
        self.type_combo.currentIndexChanged.connect(self._on_type_changed)
        self.gi_route = QComboBox(self.right_box)
        self.gi_route.setObjectName("compGiRoute")
        for code in i18n.GI_ROUTE:
            self.gi_route.addItem("", code)
        self.date_edit = QDateEdit(self.right_box)
        self.date_edit.setObjectName("compDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setDate(today())
        self.date_edit.dateChanged.connect(self._update_multiple_label)
        self.gi_route.currentIndexChanged.connect(self._update_multiple_label)
        self.type_label, self.gi_label, self.date_label = QLabel(), QLabel(), QLabel()
        rf.addRow(self.type_label, self._with_error("right_type", self.type_combo))
        rf.addRow(self.gi_label, self._with_error("gi_route", self.gi_route))
        rf.addRow(self.date_label, self._with_error("infringement_date", self.date_edit))

        # --- evidence per basis
        self.evidence_box = QGroupBox(form_host)
        ef = QFormLayout(self.evidence_box)
        self.amounts: dict[str, QLineEdit] = {}
        self.confidences: dict[str, QComboBox] = {}
        self.evidence_labels: dict[str, QLabel] = {}
        for key in EVIDENCE_FIELDS:
            edit = QLineEdit(self.evidence_box)
            edit.setObjectName(f"amount_{key}")
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            edit.returnPressed.connect(self.calculate)
            conf = QComboBox(self.evidence_box)
            conf.setObjectName(f"confidence_{key}")
            for code in CONFIDENCE:
                conf.addItem("", code)
            conf.setCurrentIndex(1)
            self.amounts[key], self.confidences[key] = edit, conf
            widgets: list[QWidget] = [edit, conf]
            if key == "licence_fee":
                self.multiple_x = QLabel("×", self.evidence_box)
                self.licence_multiple = QLineEdit(self.evidence_box)
                self.licence_multiple.setObjectName("licenceMultiple")
                self.licence_multiple.setMaximumWidth(60)
                self.licence_multiple.returnPressed.connect(self.calculate)
                widgets = [edit, self.multiple_x, self.licence_multiple, conf]
            label = QLabel()
            self.evidence_labels[key] = label
            ef.addRow(label, self._with_error(key, *widgets))
        self.licence_error = self._error_label("licence_multiple")
        ef.addRow("", self.licence_error)
        self.evidence_hint = QLabel(self.evidence_box)
        self.evidence_hint.setWordWrap(True)
        self.evidence_hint.setStyleSheet("color: #5f6b7a;")
        ef.addRow(self.evidence_hint)

        # --- punitive damages
        self.punitive_box = QGroupBox(form_host)
        pl = QVBoxLayout(self.punitive_box)
        pf = QFormLayout()
        self.punitive_multiple = QLineEdit(self.punitive_box)
        self.punitive_multiple.setObjectName("punitiveMultiple")
        self.punitive_multiple.setMaximumWidth(80)
        self.punitive_multiple.returnPressed.connect(self.calculate)
        self.multiple_label = QLabel()
        pf.addRow(self.multiple_label, self._with_error("punitive_multiple", self.punitive_multiple,
                                                             stretch=True))
        pl.addLayout(pf)
        from qcy_workstation.compensation.rules import circumstance_codes

        self.circumstances: dict[str, dict[str, WrappingCheck]] = {}
        self.circ_titles: dict[str, QLabel] = {}
        for kind in ("intent", "seriousness"):
            title = QLabel(self.punitive_box)
            title.setStyleSheet("font-weight: bold; margin-top: 4px;")
            self.circ_titles[kind] = title
            pl.addWidget(title)
            grid = QGridLayout()
            grid.setContentsMargins(12, 0, 0, 0)
            grid.setVerticalSpacing(3)
            self.circumstances[kind] = {}
            for i, code in enumerate(circumstance_codes(kind)):
                check = WrappingCheck(code, self.punitive_box)
                self.circumstances[kind][code] = check
                grid.addWidget(check, i, 0)
            pl.addLayout(grid)
            pl.addWidget(self._error_label(f"{kind}_circumstances"))

        # --- statutory factors and the rest
        self.factors_box = QGroupBox(form_host)
        ff = QFormLayout(self.factors_box)
        self.factor_combos: dict[str, QComboBox] = {}
        self.factor_labels: dict[str, QLabel] = {}
        for key, choices in FACTOR_CHOICES.items():
            combo = QComboBox(self.factors_box)
            combo.setObjectName(f"factor_{key}")
            for code in choices:
                combo.addItem("", code)
            self.factor_combos[key] = combo
            self.factor_labels[key] = QLabel()
            ff.addRow(self.factor_labels[key], combo)
        self.duration = QSpinBox(self.factors_box)
        self.duration.setObjectName("factorDuration")
        self.duration.setRange(0, 600)
        self.duration_label = QLabel()
        ff.addRow(self.duration_label, self._with_error("statutory_factors", self.duration, stretch=True))
        self.innocent_seller = QCheckBox(self.factors_box)
        self.innocent_seller.setObjectName("innocentSeller")
        self.unused_3y = QCheckBox(self.factors_box)
        self.unused_3y.setObjectName("unused3y")
        self.continuing = QCheckBox(self.factors_box)
        self.continuing.setObjectName("continuing")
        for w in (self.innocent_seller, self.unused_3y, self.continuing):
            ff.addRow(w)
        self.known_check = QCheckBox(self.factors_box)
        self.known_check.setObjectName("knownCheck")
        self.known_date = QDateEdit(self.factors_box)
        self.known_date.setObjectName("knownDate")
        self.known_date.setCalendarPopup(True)
        self.known_date.setDisplayFormat("yyyy-MM-dd")
        self.known_date.setDate(today())
        self.known_date.setEnabled(False)
        self.known_check.toggled.connect(self.known_date.setEnabled)
        ff.addRow(self.known_check, self._with_error("known_date", self.known_date))

        for box in (self.right_box, self.evidence_box, self.punitive_box, self.factors_box):
            form_layout.addWidget(box)
        form_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setObjectName("compFormScroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_host)
        scroll.setMinimumWidth(500)

        # --- the result
        result = QWidget(self)
        rl = QVBoxLayout(result)
        rl.setContentsMargins(8, 0, 0, 0)
        self.total_label = QLabel(result)
        self.total_label.setObjectName("compTotal")
        self.total_label.setWordWrap(True)
        self.total_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.total_label.setStyleSheet("font-size: 17px; font-weight: bold; color: #1f3a5f; padding: 4px 0;")
        self.range_label = QLabel(result)
        self.range_label.setObjectName("compRange")
        self.range_label.setWordWrap(True)
        self.range_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reasoning = QTextBrowser(result)
        self.reasoning.setObjectName("compReasoning")
        self.reasoning.setOpenLinks(False)
        # Tables are 100 % wide and wrap; rounding makes them a pixel wider than the viewport at some sizes.
        self.reasoning.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        buttons = QHBoxLayout()
        self.calc_button = QPushButton(result)
        self.calc_button.setObjectName("compCalculate")
        self.calc_button.setDefault(True)
        self.calc_button.clicked.connect(self.calculate)
        self.copy_button = QPushButton(result)
        self.copy_button.setObjectName("compCopy")
        self.copy_button.clicked.connect(self.copy_text)
        self.save_button = QPushButton(result)
        self.save_button.setObjectName("compSave")
        self.save_button.clicked.connect(self.save)
        self.status = QLabel(result)
        self.status.setObjectName("compStatus")
        self.status.setWordWrap(True)
        buttons.addWidget(self.calc_button)
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        rl.addLayout(buttons)
        rl.addWidget(self.total_label)
        rl.addWidget(self.range_label)
        rl.addWidget(self.reasoning, 1)
        rl.addWidget(self.status)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(scroll)
        splitter.addWidget(result)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 5)
        splitter.setSizes([520, 650])
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(splitter, 1)
        described_shortcut("Ctrl+Return", self, self.calculate, QT_TRANSLATE_NOOP("Shortcuts", "Compensation: calculate"))

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Compensation calculator"))
        self.case_label.setText(self.tr("Case:"))
        self.case_edit.setPlaceholderText(self.tr("case number (to save on)"))
        self.load_button.setText(self.tr("Load"))
        self.load_button.setToolTip(self.tr("Fill the form from the estimate saved on this case"))
        self.right_box.setTitle(self.tr("Right and applicable law"))
        for i, code in enumerate(RIGHT_TYPES):
            self.type_combo.setItemText(i, _tr(RIGHT_TYPES[code]))
        for i, code in enumerate(i18n.GI_ROUTE):
            self.gi_route.setItemText(i, i18n.label(i18n.GI_ROUTE, code))
        self.type_label.setText(self.tr("Right type"))
        self.gi_label.setText(self.tr("GI protection route"))
        self.date_label.setText(self.tr("Infringement date"))
        self.date_edit.setToolTip(self.tr("The law in force on this date applies (e.g. Patent Law 2020 from "
                                          "2021-06-01)"))
        self.evidence_box.setTitle(self.tr("Evidence for each basis (RMB)"))
        names = {"actual_loss": self.tr("Actual loss"), "infringer_profit": self.tr("Infringer's profits"),
                 "licence_fee": self.tr("Licence fee × multiple"), "costs": self.tr("Reasonable costs")}
        for key, label in self.evidence_labels.items():
            label.setText(names[key])
            self.amounts[key].setPlaceholderText(self.tr("not proven"))
            for i, code in enumerate(CONFIDENCE):
                self.confidences[key].setItemText(i, _tr(CONFIDENCE[code]))
        self.licence_multiple.setPlaceholderText(self.tr("K"))
        self.evidence_hint.setText(self.tr(
            "Leave an amount empty when there is no evidence for it. The likely figure uses medium and high "
            "confidence evidence only; the statutory order decides which basis is used."))
        self.punitive_box.setTitle(self.tr("Punitive damages (wilful / malicious infringement)"))
        self._update_multiple_label()
        self.punitive_multiple.setPlaceholderText(self.tr("none"))
        self.circ_titles["intent"].setText(self.tr("Intent (SPC 2021 interpretation Art. 3): at least one"))
        self.circ_titles["seriousness"].setText(self.tr("Serious circumstances (Art. 4): at least one"))
        self._retranslate_circumstances()
        self.factors_box.setTitle(self.tr("Statutory damages factors and other circumstances"))
        factor_names = {"right_kind": self.tr("Kind of right"), "nature": self.tr("Nature of the infringement"),
                        "scale": self.tr("Scale"), "fault": self.tr("Fault")}
        for key, combo in self.factor_combos.items():
            self.factor_labels[key].setText(factor_names[key])
            for i, code in enumerate(FACTOR_CHOICES[key]):
                combo.setItemText(i, _tr(FACTOR_CHOICES[key][code]))
        self.duration_label.setText(self.tr("Duration (months)"))
        self.innocent_seller.setText(self.tr("Seller without knowledge, with a lawful source"))
        self.unused_3y.setText(self.tr("Trademark not used in the last three years"))
        self.continuing.setText(self.tr("Infringement still continuing"))
        self.known_check.setText(self.tr("Right holder knew of it on"))
        self.calc_button.setText(self.tr("Calculate"))
        self.calc_button.setToolTip(self.tr("Work out the estimate (Ctrl+Enter)"))
        self.copy_button.setText(self.tr("Copy as text"))
        self.save_button.setText(self.tr("Save on case"))
        self.save_button.setToolTip(self.tr("The newest saved estimate goes into the reference opinion and the "
                                            "advice letter of the case"))
        if self.result is not None:
            self._show(self.result)
        else:
            self.reasoning.setHtml("<p style='color:#5f6b7a'>" + _esc(self.tr(
                "Enter the evidence on the left and press “Calculate”: the reasoning appears here line by line, "
                "with the article each figure rests on.")) + "</p>")

    def _retranslate_circumstances(self) -> None:
        from qcy_workstation.compensation.rules import circumstance_text

        lang = _lang()
        for kind, checks in self.circumstances.items():
            for code, check in checks.items():
                check.label.setText(circumstance_text(kind, code).get(lang))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _on_type_changed(self, _index: int = 0) -> None:
        right = self.type_combo.currentData()
        self.gi_route.setEnabled(right == "gi")
        self.unused_3y.setEnabled(right in ("trademark", "gi"))
        self._update_multiple_label()

    def _update_multiple_label(self, *_args: object) -> None:
        """The punitive multiple's range as the law chosen in the form has it (rule data, not the page)."""
        if not hasattr(self, "multiple_label"):
            return
        punitive = self._punitive_rules()
        if punitive is None:
            self.multiple_label.setText(self.tr("Multiple (none under this law)"))
        else:
            self.multiple_label.setText(self.tr("Multiple (%1–%2)").replace(
                "%1", f"{punitive.min_multiple:g}").replace("%2", f"{punitive.max_multiple:g}"))

    # ------------------------------------------------------------------ case

    def on_shown(self) -> None:
        """Follow the case opened on the case page since this page last looked (a number typed here is
        not overridden otherwise)."""
        if self.window_ is None:
            return
        case_page = getattr(self.window_, "pages", {}).get("case")
        case = getattr(case_page, "case", None)
        if case is not None and case.number != self._followed:
            self._followed = case.number
            if case.number != self.case_edit.text().strip().upper():
                self.open(case.number)

    def open(self, number: str) -> None:
        """Load the estimate saved on case ``number`` into the form (or preset the case's right type)."""
        number = (number or "").strip().upper()
        if not number or self.ctx.store is None:
            return
        self.case_edit.setText(number)
        from qcy_workstation.documents.service import DocumentService

        service = DocumentService(self.ctx.store, actor=self.ctx.actor)
        cases = self.ctx.cases()

        def work() -> tuple[Any, Any]:
            return cases.get(number), service.current_estimate_input(number)

        self.ctx.runner.submit(work, on_success=self._loaded, name="load_estimate")

    def _loaded(self, loaded: tuple[Any, Any]) -> None:
        case, inp = loaded
        if inp is not None:
            self.set_input(inp)
            self.calculate()
            self.tracker.mark_pristine()  # what is on file is not unsaved input
            self.status.setText(self.tr("Loaded the estimate saved on %1.").replace("%1", case.number))
        else:
            right = CASE_TYPE_TO_RIGHT.get(case.type)
            if right:
                self.type_combo.setCurrentIndex(self.type_combo.findData(right))
            self.status.setText(self.tr("No estimate saved on %1 yet.").replace("%1", case.number))

    # ------------------------------------------------------------------ form <-> input

    def set_input(self, inp: Any) -> None:
        """Fill the form from a CompensationInput."""
        self.type_combo.setCurrentIndex(max(0, self.type_combo.findData(inp.right_type)))
        if inp.gi_route:
            self.gi_route.setCurrentIndex(max(0, self.gi_route.findData(inp.gi_route)))
        if inp.infringement_date:
            d = inp.infringement_date
            self.date_edit.setDate(QDate(d.year, d.month, d.day))
        for key in EVIDENCE_FIELDS:
            ev = getattr(inp, key)
            self.amounts[key].setText("" if ev is None else f"{ev.amount:f}")
            if ev is not None:
                self.confidences[key].setCurrentIndex(self.confidences[key].findData(ev.confidence))
        self.licence_multiple.setText("" if inp.licence_multiple is None else f"{inp.licence_multiple:f}")
        self.punitive_multiple.setText("" if inp.punitive_multiple is None else f"{inp.punitive_multiple:f}")
        for kind, chosen in (("intent", inp.intent_circumstances), ("seriousness", inp.seriousness_circumstances)):
            for code, check in self.circumstances[kind].items():
                check.setChecked(code in chosen)
        f = inp.statutory_factors
        for key, combo in self.factor_combos.items():
            combo.setCurrentIndex(max(0, combo.findData(getattr(f, key))))
        self.duration.setValue(int(f.duration_months))
        self.innocent_seller.setChecked(inp.innocent_seller)
        self.unused_3y.setChecked(inp.trademark_unused_3y)
        self.continuing.setChecked(inp.continuing)
        self.known_check.setChecked(inp.known_date is not None)
        if inp.known_date:
            k = inp.known_date
            self.known_date.setDate(QDate(k.year, k.month, k.day))

    @staticmethod
    def _decimal(text: str, field: str) -> Decimal | None:
        text = text.strip().replace(",", "").replace("，", "")
        if not text:
            return None
        try:
            value = Decimal(text)
        except InvalidOperation:
            raise ValidationError(f"not a number: {text!r}", field=field, value=text) from None
        if not value.is_finite():
            raise ValidationError(f"not a number: {text!r}", field=field, value=text)
        return value

    def input(self) -> Any:
        """The form as a CompensationInput; a ValidationError names the field that cannot be read."""
        from qcy_workstation.compensation import CompensationInput, Evidence, StatutoryFactors

        evidence: dict[str, Any] = {}
        for key in EVIDENCE_FIELDS:
            text = self.amounts[key].text().strip()
            evidence[key] = Evidence.of(text, self.confidences[key].currentData(), field=key) if text else None
        right = self.type_combo.currentData()
        qd = self.date_edit.date()
        kd = self.known_date.date()
        return CompensationInput(
            right_type=right, infringement_date=date(qd.year(), qd.month(), qd.day()),
            gi_route=self.gi_route.currentData() if right == "gi" else None,
            licence_multiple=self._decimal(self.licence_multiple.text(), "licence_multiple"),
            punitive_multiple=self._decimal(self.punitive_multiple.text(), "punitive_multiple"),
            intent_circumstances=tuple(c for c, w in self.circumstances["intent"].items() if w.isChecked()),
            seriousness_circumstances=tuple(c for c, w in self.circumstances["seriousness"].items() if w.isChecked()),
            statutory_factors=StatutoryFactors(
                **{k: c.currentData() for k, c in self.factor_combos.items()}, duration_months=self.duration.value()),
            innocent_seller=self.innocent_seller.isChecked(),
            trademark_unused_3y=self.unused_3y.isChecked() and right in ("trademark", "gi"),
            known_date=date(kd.year(), kd.month(), kd.day()) if self.known_check.isChecked() else None,
            continuing=self.continuing.isChecked(),
            **evidence,
        )

    # ------------------------------------------------------------------ calculating

    def calculate(self) -> Any:
        """Read the form, work out the estimate and show it; on bad input show the message at its field.
        Returns the estimate or None."""
        from qcy_workstation.compensation import estimate

        self.clear_errors()
        try:
            result = estimate(self.input())
        except ValidationError as exc:
            self.show_field_error(exc)
            return None
        self.result = result
        self._show(result)
        self.status.setText("")
        self.calculated.emit(result)
        return result

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.hide()

    def error_for(self, field: str) -> str:
        """The message shown next to ``field`` now ("" when none), e.g. ``punitive_multiple``."""
        label = self.errors.get(field)
        return label.text() if label is not None and label.isVisible() else ""

    def show_field_error(self, exc: ValidationError) -> None:
        """The message next to the field the core names (fields without their own place: under the result)."""
        field = exc.field or ""
        key = field.split(".")[0] if field.split(".")[0] in self.errors else field
        if key.endswith(".confidence"):
            key = key.split(".")[0]
        message = self.plain_message(exc)
        label = self.errors.get(key)
        if label is None:
            self.status.setText(f"<span style='color:#c62828'>{_esc(message)}</span>")
            return
        label.setText(message)
        label.show()
        self.result = None
        self.total_label.clear()
        self.range_label.clear()
        self.reasoning.setHtml("<p style='color:#c62828'>" + _esc(message) + "</p>")
        target = {"punitive_multiple": self.punitive_multiple, "licence_multiple": self.licence_multiple,
                  "gi_route": self.gi_route, "infringement_date": self.date_edit}.get(key) or self.amounts.get(key)
        if target is not None:
            target.setFocus()

    def plain_message(self, exc: ValidationError) -> str:
        """The core's coded refusal in plain words (``ui/errors.py``); the punitive range names the
        article of the law chosen in the form."""
        from qcy_workstation.ui import errors

        if exc.reason == "punitive.range" and self._punitive_citation():
            exc.params["citation_zh"] = exc.params["citation_en"] = self._punitive_citation()
        if exc.reason or exc.field != "gi_route":
            return errors.message(exc)
        return self.tr("Choose how the GI is protected (collective or certification mark, GI product, "
                       "agricultural GI).")

    def _punitive_rules(self) -> Any:
        """The punitive-damages rule of the law in force on the form's date for its right, or None."""
        from qcy_workstation.compensation.rules import rule_set_for

        qd = self.date_edit.date()
        right = self.type_combo.currentData()
        try:
            rules = rule_set_for(right, date(qd.year(), qd.month(), qd.day()),
                                 self.gi_route.currentData() if right == "gi" else None)
        except ValidationError:
            return None
        if rules.punitive is None or (rules.punitive.applies_to and right not in rules.punitive.applies_to):
            return None
        return rules.punitive

    def _punitive_citation(self) -> str:
        """The punitive-damages article of the law chosen in the form, in the interface language."""
        punitive = self._punitive_rules()
        return punitive.citation.get(_lang()) if punitive is not None else ""

    # ------------------------------------------------------------------ showing

    def _words(self) -> dict[str, str]:
        """Headings and column titles of the reasoning (plain ``self.tr`` calls so lupdate finds them)."""
        return {
            "unverified": self.tr("(rules not verified)"), "basis_used": self.tr("Basis used"),
            "reasoning": self.tr("Reasoning"), "item": self.tr("Item"), "amount": self.tr("Amount"),
            "citation": self.tr("Citation"), "why_not": self.tr("Why the earlier bases were not used"),
            "composition": self.tr("Composition of punitive damages"), "confidence": self.tr("Confidence"),
            "multiplicative": self.tr("Read multiplicatively"), "range": self.tr("Low / likely / high"),
            "basis": self.tr("Basis"), "base": self.tr("Base"), "punitive": self.tr("Punitive"),
            "costs": self.tr("Costs"), "total": self.tr("Total"), "capitals": self.tr("In capitals"),
            "statutory": self.tr("Statutory damages"), "notes": self.tr("Notes"), "citations": self.tr("Citations"),
            "unit": self.tr("(RMB yuan)"),
        }

    def _show(self, r: Any) -> None:
        from qcy_workstation.compensation import format_rmb, rmb_capitals

        lang = _lang()
        w = {k: _esc(v) for k, v in self._words().items()}

        def money(v: Any) -> str:
            return "" if v is None else _esc(format_rmb(v, lang=lang))

        def short(v: Any) -> str:  # the scenario table: figures only, its heading gives the unit
            return f"{Decimal(v):,.2f}"

        self.total_label.setText(self.tr("Likely total: %1 (%2)").replace(
            "%1", format_rmb(r.total, lang=lang)).replace("%2", rmb_capitals(r.total)))
        self.range_label.setText(self.tr("Range: %1 to %2  ·  basis: %3").replace(
            "%1", format_rmb(r.low, lang=lang)).replace("%2", format_rmb(r.high, lang=lang)).replace(
            "%3", r.basis_label.get(lang)))
        grey = "color:#5f6b7a"
        unverified = "" if r.rules_verified else f" <span style='color:#a4161a'>{w['unverified']}</span>"
        parts = [f"<p><b>{_esc(r.law.get(lang))} {_esc(r.article.get(lang))}</b>{unverified}"
                 f"<br>{w['basis_used']}: {_esc(r.basis_label.get(lang))}</p>"]
        rows = []
        for line in r.lines:
            b0, b1 = ("<b>", "</b>") if line.code == "total" else ("", "")
            rows.append(f"<tr><td>{b0}{_esc(line.label.get(lang))}{b1}</td>"
                        f"<td align='right' nowrap>{b0}{money(line.amount)}{b1}</td>"
                        f"<td style='{grey}'>{_esc(line.citation.get(lang))}</td></tr>")
            if line.note.get(lang):
                rows.append(f"<tr><td colspan='3' style='{grey}'>&nbsp;&nbsp;&nbsp;{_esc(line.note.get(lang))}"
                            "</td></tr>")
        parts.append(f"<h4>{w['reasoning']}</h4><table cellspacing='0' cellpadding='3' width='100%'>"
                     f"<tr><th align='left'>{w['item']}</th><th align='right'>{w['amount']}</th>"
                     f"<th align='left'>{w['citation']}</th></tr>{''.join(rows)}</table>")
        if r.why_not:
            items = "".join(
                f"<li>{_esc(x.label.get(lang))}" + (f" ({money(x.amount)})" if x.amount is not None else "")
                + f": {_esc(x.note.get(lang))} <span style='{grey}'>[{_esc(x.citation.get(lang))}]</span></li>"
                for x in r.why_not)
            parts.append(f"<h4>{w['why_not']}</h4><ul>{items}</ul>")
        comp = r.composition
        if comp.get("model"):
            alt = comp.get("alternative_total")
            confidence = _esc(_tr(CONFIDENCE.get(comp["confidence"], comp["confidence"])))
            parts.append(
                f"<h4>{w['composition']}</h4><p>{_esc(comp['formula_' + lang])}<br><span style='{grey}'>"
                f"{w['confidence']}: {confidence} · {_esc(comp['citation_' + lang])}</span></p>")
            if alt is not None:
                parts.append(f"<p>{w['multiplicative']} ({_esc(comp['alternative_formula_' + lang])}): "
                             f"{money(alt)}</p>")
            parts.append(f"<p style='{grey}'>{_esc(comp['reasoning_' + lang])}</p>")
        scen = "".join(
            f"<tr><td>{_esc(_tr(SCENARIO_NAMES[s.name]))}</td><td>{_esc(self._basis_name(s.basis, lang))}</td>"
            f"<td align='right' nowrap>{short(s.base)}</td><td align='right' nowrap>{short(s.punitive_amount)}</td>"
            f"<td align='right' nowrap>{short(s.costs)}</td><td align='right' nowrap><b>{short(s.total)}</b></td></tr>"
            for s in r.scenarios)
        parts.append(
            f"<h4>{w['range']} <span style='font-weight:normal; {grey}'>{w['unit']}</span></h4><table cellspacing='0' cellpadding='3' width='100%'>"
            f"<tr><th></th><th align='left'>{w['basis']}</th><th align='right'>{w['base']}</th>"
            f"<th align='right'>{w['punitive']}</th><th align='right'>{w['costs']}</th>"
            f"<th align='right'>{w['total']}</th></tr>{scen}</table>"
            f"<p>{w['capitals']}: {_esc(rmb_capitals(r.low))} — {_esc(rmb_capitals(r.high))}</p>")
        lo, likely, hi = r.statutory_estimate
        statutory = self.tr("Statutory range %1 to %2; for these factors about %3 (%4 to %5).")
        for key, value in (("%1", r.statutory_range[0]), ("%2", r.statutory_range[1]), ("%3", likely),
                           ("%4", lo), ("%5", hi)):
            statutory = statutory.replace(key, format_rmb(value, lang=lang))
        parts.append(f"<h4>{w['statutory']}</h4><p>{_esc(statutory)}<br>"
                     f"<span style='{grey}'>{_esc(r.statutory_factors.get('law_' + lang, ''))}</span></p>")
        if r.notes:
            parts.append(f"<h4>{w['notes']}</h4><ul>" + "".join(f"<li>{_esc(n.get(lang))}</li>" for n in r.notes)
                         + "</ul>")
        parts.append(f"<h4>{w['citations']}</h4><ul>"
                     + "".join(f"<li>{_esc(c.get(lang))}</li>" for c in r.citations) + "</ul>")
        self.reasoning.setHtml("".join(parts))

    @staticmethod
    def _basis_name(code: str, lang: str) -> str:
        from qcy_workstation.compensation.calculator import METHOD_LABELS

        label = METHOD_LABELS.get(code)
        return label.get(lang) if label else code

    def copy_text(self) -> None:
        """The reasoning as plain lines (as the CLI prints it), for a letter or an e-mail."""
        if self.result is None and self.calculate() is None:
            return
        QGuiApplication.clipboard().setText("\n".join(self.result.text_lines(_lang())))
        self.status.setText(self.tr("The reasoning was copied as text."))

    # ------------------------------------------------------------------ saving

    def save(self) -> None:
        """Save the estimate on the case in the case field (the documents of the case then use it)."""
        number = self.case_edit.text().strip().upper()
        if not number:
            self.status.setText("<span style='color:#c62828'>" + _esc(self.tr(
                "Enter the number of the case to save the estimate on.")) + "</span>")
            self.case_edit.setFocus()
            return
        if self.calculate() is None:
            return
        inp = self.input()
        from qcy_workstation.documents.service import DocumentService

        service = DocumentService(self.ctx.store, actor=self.ctx.actor)

        def done(result: Any) -> None:
            self.status.setText(self.tr("Saved on case %1: its reference opinion and advice letter now use this "
                                        "estimate (%2).").replace("%1", number).replace(
                "%2", _money(result.total, _lang())))
            self.tracker.mark_pristine()
            self.saved.emit(number)
            self.ctx.cases_changed.emit(number)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ValidationError):
                self.show_field_error(exc)
            elif isinstance(exc, QcyError) and exc.code == "not_found":
                self.status.setText("<span style='color:#c62828'>" + _esc(self.tr(
                    "There is no case %1.").replace("%1", number)) + "</span>")
            else:
                show_error(self, exc)

        self.ctx.runner.submit(lambda: service.save_estimate(number, inp), on_success=done, on_error=failed,
                               name="save_estimate")


def _money(value: Any, lang: str) -> str:
    from qcy_workstation.compensation import format_rmb

    return format_rmb(value, lang=lang)


register_page("compensation", QT_TRANSLATE_NOOP("Pages", "Compensation"), CompensationPage, order=55,
              icon="compensation.svg",
              tooltip=QT_TRANSLATE_NOOP("Pages", "Compensation calculator"))
