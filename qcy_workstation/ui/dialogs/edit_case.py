"""Editing a case's own fields and its opposing party (from the case page).

The edit is saved against the version of the case the dialog showed (``update(expected_version=)``): when
another desk changed the case in between, nothing is overwritten; the desk hears who changed it and when,
and may reload the case and get the dialog back with its own edits applied to the new version."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from qcy_workstation.cases.dto import (
    CaseDetail,
    PartyInput,
)
from qcy_workstation.cases.validation import ASSISTANCE, PRIORITIES
from qcy_workstation.errors import ConflictError
from qcy_workstation.ui import errors, i18n
from qcy_workstation.ui.widgets import (
    ValidatedLineEdit,
    ok_cancel_buttons,
    show_error,
)

Pending = tuple[dict[str, Any], "PartyInput | None | bool"]  # (changes(), opponent_change()) of a dialog


class EditCaseDialog(QDialog):
    """The case's own fields and its opposing party; ``changes()`` returns only what was changed."""

    def __init__(self, case: CaseDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("editCaseDialog")
        self.case = case
        self.setMinimumWidth(560)
        form = QFormLayout()
        self.title = ValidatedLineEdit(parent=self)
        self.title.setObjectName("title")
        self.title.setText(case.title)
        self.staff = QLineEdit(case.staff, self)
        self.priority = QComboBox(self)
        for code in PRIORITIES:
            self.priority.addItem(i18n.label(i18n.PRIORITY, code), code)
        self.priority.setCurrentIndex(max(self.priority.findData(case.priority), 0))
        self.confidential = QCheckBox(self)
        self.confidential.setChecked(case.confidential)
        self.assistance: dict[str, QCheckBox] = {}
        assist = QWidget(self)
        grid = QGridLayout(assist)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, code in enumerate(ASSISTANCE):
            cb = QCheckBox(i18n.label(i18n.ASSISTANCE, code), assist)
            cb.setChecked(code in case.assistance)
            self.assistance[code] = cb
            grid.addWidget(cb, i // 2, i % 2)
        self.facts = QPlainTextEdit(case.facts, self)
        self.facts.setTabChangesFocus(True)
        self.outcome = QPlainTextEdit(case.outcome, self)
        self.outcome.setTabChangesFocus(True)
        self.outcome.setMaximumHeight(80)
        self.opponent = QLineEdit(case.opponent.name if case.opponent else "", self)
        self.opponent_uscc = ValidatedLineEdit(errors.uscc_problem, self)
        self.opponent_uscc.setText((case.opponent.uscc or "") if case.opponent else "")
        rows = ((self.tr("&Title"), self.title), (self.tr("&Handled by"), self.staff),
                (self.tr("&Priority"), self.priority), ("", self.confidential), (self.tr("Assistance wanted"), assist),
                (self.tr("&Facts"), self.facts), (self.tr("&Outcome"), self.outcome),
                (self.tr("Opposing party"), self.opponent), (self.tr("Its credit code"), self.opponent_uscc))
        for text, widget in rows:
            form.addRow(text, widget)
        self.confidential.setText(self.tr("Confidential (hidden from exports)"))
        self.setWindowTitle(self.tr("Edit case %1").replace("%1", case.number))
        buttons = ok_cancel_buttons(self, self._accept)
        layout = QVBoxLayout(self)
        # Another desk changed this case while the dialog is open (ui/other_desks.py): the fields are kept,
        # and saving will offer to reload the case and apply them again.
        self.changed_elsewhere = QLabel(self.tr("Another desk has just changed this case. Your input is kept; "
                                                "saving will offer to reload the case and apply it again."), self)
        self.changed_elsewhere.setObjectName("changedElsewhere")
        self.changed_elsewhere.setWordWrap(True)
        self.changed_elsewhere.setStyleSheet("background: #fff8e1; border: 1px solid #f0c36d; padding: 6px;")
        self.changed_elsewhere.hide()
        layout.addWidget(self.changed_elsewhere)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def other_desk_changed(self, change: Any) -> None:
        if change.everything or self.case.number in change.cases:
            self.changed_elsewhere.show()

    def _accept(self) -> None:
        if not self.title.text():
            self.title.set_problem(i18n.field_label("title") + ": "
                                   + QCoreApplication.translate("Errors", "must be filled in."))
            return
        if self.opponent_uscc.problem:
            self.opponent_uscc.setFocus()
            return
        self.accept()

    def changes(self) -> dict[str, Any]:
        c = self.case
        now = {"title": self.title.text(), "staff": self.staff.text().strip(),
               "priority": self.priority.currentData(), "confidential": self.confidential.isChecked(),
               "assistance": tuple(code for code, cb in self.assistance.items() if cb.isChecked()),
               "facts": self.facts.toPlainText().strip(), "outcome": self.outcome.toPlainText().strip()}
        before = {"title": c.title, "staff": c.staff, "priority": c.priority, "confidential": c.confidential,
                  "assistance": tuple(c.assistance), "facts": c.facts, "outcome": c.outcome}
        return {k: v for k, v in now.items() if v != before[k]}

    def apply(self, changes: dict[str, Any], opponent: PartyInput | None | bool) -> None:
        """Put edits made on an older version of the case back into the fields (reload and apply again)."""
        if "title" in changes:
            self.title.setText(changes["title"])
        if "staff" in changes:
            self.staff.setText(changes["staff"])
        if "priority" in changes:
            self.priority.setCurrentIndex(max(self.priority.findData(changes["priority"]), 0))
        if "confidential" in changes:
            self.confidential.setChecked(changes["confidential"])
        if "assistance" in changes:
            for code, cb in self.assistance.items():
                cb.setChecked(code in changes["assistance"])
        if "facts" in changes:
            self.facts.setPlainText(changes["facts"])
        if "outcome" in changes:
            self.outcome.setPlainText(changes["outcome"])
        if opponent is not False:
            self.opponent.setText(opponent.name if isinstance(opponent, PartyInput) else "")
            self.opponent_uscc.setText((opponent.uscc or "") if isinstance(opponent, PartyInput) else "")

    def opponent_change(self) -> PartyInput | None | bool:
        """The new opposing party, None to remove it, or False when unchanged."""
        old = self.case.opponent
        name, uscc = self.opponent.text().strip(), self.opponent_uscc.text() or None
        if (name, uscc) == ((old.name, old.uscc) if old else ("", None)):
            return False
        return PartyInput(name=name, uscc=uscc) if name else None


def edit_case(page: Any, case: CaseDetail, pending: Pending | None = None) -> None:
    """The case page's "Edit…": the dialog, then the changes saved in the background against the version
    shown. ``page`` has ``ctx`` and ``_moved`` (the case page)."""
    dialog = EditCaseDialog(case, page)
    if pending is not None:
        dialog.apply(*pending)
    page.ctx.other_desk_changed.connect(dialog.other_desk_changed)
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        page.ctx.other_desk_changed.disconnect(dialog.other_desk_changed)
    if not accepted:
        return
    changes, opponent = dialog.changes(), dialog.opponent_change()
    if not changes and opponent is False:
        return
    service, number, version = page.ctx.cases(), case.number, case.row_version

    def work() -> CaseDetail:
        detail = service.update(number, expected_version=version, **changes) if changes else service.get(number)
        if opponent is not False:
            detail = service.set_opponent(number, opponent)
        return detail

    def failed(exc: BaseException) -> None:
        if not isinstance(exc, ConflictError):
            show_error(page, exc)
            return
        question = errors.reason_text(exc) or str(exc)
        question += "\n\n" + QCoreApplication.translate("EditCaseDialog",
                                                         "Reload the case and apply your changes to it again?")
        title = QCoreApplication.translate("EditCaseDialog", "Changed on another desk")
        answer = QMessageBox.question(page, title, question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.Yes)
        if answer != QMessageBox.StandardButton.Yes:
            page.ctx.cases_changed.emit(number)  # show the other desk's version
            return

        def reloaded(fresh: CaseDetail) -> None:
            page.ctx.cases_changed.emit(number)
            edit_case(page, fresh, (changes, opponent))

        page.ctx.runner.submit(lambda: service.get(number), on_success=reloaded, on_error=failed,
                               name="reload_case")

    page.ctx.runner.submit(work, on_success=page._moved, on_error=failed, name="update_case")
