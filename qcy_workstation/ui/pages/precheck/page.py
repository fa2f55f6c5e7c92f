"""Infringement pre-check page: patent claim chart, trademark comparison, GI label check, trade-secret
comparison, and the results saved on a case so its reference opinion can cite them.

Every comparison runs on the background runner (the first patent run loads the word-segmentation
dictionary, about a second); the GUI thread only shows the engine's frozen results. Each result carries
the label "reference pre-check, not a legal determination" on screen as in the saved record.

The tabs live beside this module, one per IP type (``patent``, ``trademark``, ``gi``, ``trade_secret``)
plus ``saved``; what they share is in ``common``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from qcy_workstation.errors import QcyError
from qcy_workstation.files import read_text_file
from qcy_workstation.ui.context import AppContext
from qcy_workstation.ui.main_window import register_page
from qcy_workstation.ui.pages.precheck.gi import GiTab
from qcy_workstation.ui.pages.precheck.patent import PatentTab
from qcy_workstation.ui.pages.precheck.saved import SavedTab, saved_summary
from qcy_workstation.ui.pages.precheck.trade_secret import TradeSecretTab
from qcy_workstation.ui.pages.precheck.trademark import TrademarkTab
from qcy_workstation.ui.widgets import report_failure, status_html


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
        store, staff = self.ctx.store, self.ctx.actor

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
        store, staff = self.ctx.store, self.ctx.actor

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
