"""Rights register page: import trademarks, patents and GIs from CSV/XLSX (column mapping preview, progress,
cancel, validation report) and screen one mark, one claim or one label against the register.

Reading the preview, the import and every screening run on the background runner. The first mark
screening of a process loads (or builds) the register's n-gram index; later ones take well under a second.


The import tab is in ``importing``, the three screening tabs in ``screening``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QEvent,
    Signal,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from qcy_workstation.ui.context import AppContext
from qcy_workstation.ui.main_window import register_page
from qcy_workstation.ui.pages.rights_register.importing import (
    ImportTab,
)
from qcy_workstation.ui.pages.rights_register.screening import ClaimScreenTab, GiScreenTab, MarkScreenTab
from qcy_workstation.ui.widgets import report_failure, status_html


def register_overview(store: Any) -> dict[str, int]:
    """Worker: rows per kind in the store, and the GIs shipped with the engine."""
    from qcy_workstation.precheck import load_gi_register
    from qcy_workstation.precheck.register import register_counts

    counts = register_counts(store)
    counts["shipped_gi"] = len(load_gi_register().entries)
    return counts




# ---------------------------------------------------------------------------------------------------- page


class RightsRegisterPage(QWidget):
    """The rights register: counts per kind, import, and the three screenings."""

    TAB_KEYS = ("import", "mark", "claim", "gi")
    counted = Signal(object)

    def __init__(self, ctx: AppContext, window: Any = None) -> None:
        super().__init__()
        self.ctx, self.window_ = ctx, window
        self.counts: dict[str, int] | None = None
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 20px; font-weight: bold;")
        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("registerCounts")
        self.counts_label.setStyleSheet("background: #eef2f7; color: #1f3a5f; padding: 4px 10px; border-radius: 3px;")
        self.banner = QLabel(self)
        self.banner.setStyleSheet("background: #fdecea; color: #a4161a; padding: 4px 8px; border-radius: 3px;")
        head = QHBoxLayout()
        head.addWidget(self.heading)
        head.addSpacing(16)
        head.addWidget(self.counts_label)
        head.addStretch(1)
        head.addWidget(self.banner)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("registerTabs")
        self.import_tab = ImportTab(self)
        self.mark_tab = MarkScreenTab(self)
        self.claim_tab = ClaimScreenTab(self)
        self.gi_tab = GiScreenTab(self)
        for w in (self.import_tab, self.mark_tab, self.claim_tab, self.gi_tab):
            self.tabs.addTab(w, "")
        self.status = QLabel(self)
        self.status.setObjectName("registerStatus")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        self.retranslate()
        self.refresh_counts()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Rights register"))
        self.banner.setText(self.tr("Reference pre-check, not a legal determination"))
        for i, n in enumerate((self.tr("Import"), self.tr("Screen a mark"), self.tr("Screen a claim"),
                               self.tr("Screen a GI label"))):
            self.tabs.setTabText(i, n)
        for tab in (self.import_tab, self.mark_tab, self.claim_tab, self.gi_tab):
            tab.retranslate()
        self._show_counts()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def on_shown(self) -> None:
        self.refresh_counts()

    def refresh(self) -> None:
        self.refresh_counts()

    def refresh_counts(self) -> None:
        if self.ctx.store is None:
            return
        store = self.ctx.store

        def done(counts: dict[str, int]) -> None:
            self.counts = counts
            self._show_counts()
            self.counted.emit(counts)

        self.ctx.runner.submit(lambda: register_overview(store), on_success=done, on_error=self.failed,
                               name="register-counts")

    def _show_counts(self) -> None:
        c = self.counts
        if c is None:
            self.counts_label.setText(self.tr("Counting…"))
            return
        self.counts_label.setText(self.tr("Trademarks %1 · Patents %2 · GIs %3 (plus %4 shipped GIs)").replace(
            "%1", f"{c['trademark']:,}").replace("%2", f"{c['patent']:,}").replace("%3", f"{c['gi']:,}").replace(
            "%4", str(c.get("shipped_gi", 0))))

    def set_status(self, text: str, *, error: bool = False) -> None:
        self.status.setText(status_html(text, error=error))

    def failed(self, exc: BaseException) -> None:
        report_failure(self, exc, self.set_status)


register_page("register", QT_TRANSLATE_NOOP("Pages", "Rights register"), RightsRegisterPage, order=47,
              icon="precheck.svg",
              tooltip=QT_TRANSLATE_NOOP("Pages", "Import known rights and screen marks, claims and labels"))
