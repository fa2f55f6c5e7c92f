"""The Settings page's "Re-seal confidential files with case keys" (issue 14 item 5), for the head
(``store.rekey``): what ``qcy-workstation store rekey`` does, off the GUI thread with progress.

The work is the core's (``cases.sealing.rekey``): files of confidential cases sealed by an older version
(with the store-wide data key, or with one case's key) are sealed again with a key of their own, wrapped for
every confidential case that uses them. This module starts it, shows the
progress and says what was done."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout

from qcy_workstation.ui.widgets import show_error


class RekeyBox(QGroupBox):
    """The section; ``page`` is the Settings page (its ``ctx``). Shown only to accounts with ``store.rekey``."""

    def __init__(self, page: Any) -> None:
        super().__init__(page)
        self.page = page
        self.ctx = page.ctx
        self.task: Any = None
        self.setObjectName("rekeyBox")
        layout = QVBoxLayout(self)
        self.explain = QLabel(self)
        self.explain.setWordWrap(True)
        self.explain.setStyleSheet("color: #5f6b7a;")
        layout.addWidget(self.explain)
        row = QHBoxLayout()
        self.rekey_button = QPushButton(self)
        self.rekey_button.setObjectName("rekeyStore")
        self.rekey_button.clicked.connect(self.rekey)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("rekeyProgress")
        self.progress.setRange(0, 1000)
        self.progress.hide()
        row.addWidget(self.rekey_button)
        row.addWidget(self.progress, 1)
        row.addStretch(0)
        layout.addLayout(row)
        self.feedback = QLabel(self)
        self.feedback.setObjectName("rekeyFeedback")
        self.feedback.setWordWrap(True)
        self.feedback.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.feedback)
        self.ctx.staff_changed.connect(lambda _name: self.load())  # another account logged in at this desk

    def retranslate(self) -> None:
        self.setTitle(self.tr("Confidential files"))
        self.explain.setText(self.tr(
            "Files of confidential cases encrypted before each case had its own key open for every account. "
            "Re-sealing encrypts them again with their case's key, so only the staff allowed to see the case "
            "can open them."))
        self.rekey_button.setText(self.tr("Re-seal confidential files with case keys"))
        self.rekey_button.setToolTip(self.tr("Same as “qcy-workstation store rekey”; each case re-sealed is "
                                             "recorded in the audit trail"))

    def load(self) -> None:
        self.setVisible(self.ctx.principal is not None and self.ctx.may("store.rekey"))

    def rekey(self) -> None:
        if self.task is not None or self.ctx.store is None or self.ctx.principal is None:
            return
        from qcy_workstation.cases.sealing import rekey

        store, principal = self.ctx.store, self.ctx.principal
        self.feedback.setText("")
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("Re-sealing… %p%"))
        self.progress.show()
        self.rekey_button.setEnabled(False)

        def work(task: Any) -> Any:
            return rekey(store, principal, progress=task.report)

        self.task = self.ctx.runner.submit(work, progress=True, on_progress=self._progress,
                                           on_success=self._done, on_error=self._failed, name="rekey")

    def _progress(self, done: int, total: int) -> None:
        self.progress.setValue(int(1000 * done / max(total, 1)))

    def _stop(self) -> None:
        self.task = None
        self.progress.hide()
        self.rekey_button.setEnabled(True)

    def _done(self, result: dict[str, Any]) -> None:
        self._stop()
        cases, shared = result["cases"], result["shared"]
        text = (self.tr("Re-sealed the files of %1 confidential cases with their case keys: %2.")
                .replace("%1", str(len(cases))).replace("%2", "、".join(cases)) if cases
                else self.tr("Nothing to re-seal: every confidential file already has its case's key."))
        if shared:
            text += " " + self.tr("Left as they are because a confidential case you may not see uses them too, "
                                  "or you hold no key for them: %1.").replace("%1", "、".join(shared))
        self.feedback.setStyleSheet("color: #2e7d32;")
        self.feedback.setText(text)
        self.ctx.cases_changed.emit("")

    def _failed(self, exc: BaseException) -> None:
        self._stop()
        show_error(self, exc)
