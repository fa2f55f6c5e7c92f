"""Dialogs of expert panels (issue 17 item 2): add an expert to the pool, convene a panel on a case, record
one expert's opinion and hours or fee, conclude the panel, and the pool itself. Each reads its widgets into a
plain value; the service validates and refuses with a code, so nothing here decides what is allowed. The
convene dialog shows the conflicts the service found (``ExpertService.conflicts``) as a message beside the
expert, so staff see why before they try."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qcy_workstation.experts.dto import ExpertConflict, ExpertView, NewExpert, NewPanel, PanelView, Seat
from qcy_workstation.ui import i18n
from qcy_workstation.ui.models import Column
from qcy_workstation.ui.widgets import date_edit, picked_day

POOL_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "Expert"), lambda e: e.name),
    Column(QT_TRANSLATE_NOOP("Columns", "Affiliation"), lambda e: e.affiliation),
    Column(QT_TRANSLATE_NOOP("Columns", "Expert's field"), lambda e: e.field),
    Column(QT_TRANSLATE_NOOP("Columns", "IPC / Nice classes"),
           lambda e: ", ".join(e.ipc_classes + tuple(f"Nice {n}" for n in e.nice_classes))),
    Column(QT_TRANSLATE_NOOP("Columns", "Panels"), lambda e: e.panels, align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "In the pool"), lambda e: e.active),
]


def _text(parent: QWidget, name: str, height: int = 80, placeholder: str = "") -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setObjectName(name)
    edit.setTabChangesFocus(True)
    edit.setMaximumHeight(height)
    edit.setPlaceholderText(placeholder)
    return edit


def _buttons(dialog: QDialog, ok_text: str) -> tuple[QDialogButtonBox, Any]:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    ok = box.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box, ok


def _amount(parent: QWidget, name: str, top: float, suffix: str) -> QDoubleSpinBox:
    spin = QDoubleSpinBox(parent)
    spin.setObjectName(name)
    spin.setRange(0, top)
    spin.setDecimals(2)
    spin.setSpecialValueText("—")  # 0: not recorded
    spin.setSuffix(suffix)
    return spin


class ExpertDialog(QDialog):
    """A new expert: name, field, IPC or Nice classes, affiliation, contact."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("expertDialog")
        self.setMinimumWidth(480)
        self.setWindowTitle(self.tr("Add an expert to the pool"))
        self.name = QLineEdit(self)
        self.name.setObjectName("expertName")
        self.field = QLineEdit(self)
        self.field.setObjectName("expertField")
        self.field.setPlaceholderText(self.tr("e.g. communications technology, trademark law"))
        self.ipc = QLineEdit(self)
        self.ipc.setObjectName("expertIpc")
        self.ipc.setPlaceholderText(self.tr("IPC symbols, e.g. H04L, G06F 17/30"))
        self.nice = QLineEdit(self)
        self.nice.setObjectName("expertNice")
        self.nice.setPlaceholderText(self.tr("Nice classes, e.g. 30, 43"))
        self.affiliation = QLineEdit(self)
        self.affiliation.setObjectName("expertAffiliation")
        self.affiliation.setPlaceholderText(self.tr("University, firm or office: checked against each case's parties"))
        self.contact = _text(self, "expertContact", 60)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Field"), self.field)
        form.addRow(self.tr("IPC classes"), self.ipc)
        form.addRow(self.tr("Nice classes"), self.nice)
        form.addRow(self.tr("Affiliation"), self.affiliation)
        form.addRow(self.tr("Contact (optional)"), self.contact)
        self.buttons, self.ok = _buttons(self, self.tr("Add"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def value(self) -> NewExpert:
        return NewExpert(name=self.name.text(), field=self.field.text(), ipc_classes=self.ipc.text(),
                         nice_classes=self.nice.text(), affiliation=self.affiliation.text(),
                         contact=self.contact.toPlainText())


class ConveneDialog(QDialog):
    """Tick the experts who meet; an expert in conflict with a party of the case is marked, and ticking them
    shows the conflict in words (the service refuses to seat them)."""

    def __init__(self, case_title: str, experts: list[ExpertView], conflicts: list[ExpertConflict],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conveneDialog")
        self.setMinimumWidth(560)
        self.setWindowTitle(self.tr("Convene an expert panel"))
        self.conflicts = {c.expert_id: c for c in conflicts}
        note = QLabel(self.tr("Expert panel on “%1”: tick the experts who meet.").replace("%1", case_title), self)
        note.setWordWrap(True)
        self.experts = QListWidget(self)
        self.experts.setObjectName("panelExperts")
        for e in experts:
            about = " · ".join(x for x in (e.affiliation, e.field, ",".join(e.ipc_classes + e.nice_classes)) if x)
            item = QListWidgetItem(f"{e.name}  {about}" + ("  ⚠ " + self.tr("conflict") if e.id in self.conflicts
                                                             else ""), self.experts)
            item.setData(Qt.ItemDataRole.UserRole, e.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            if e.id in self.conflicts:
                item.setForeground(Qt.GlobalColor.darkRed)
                item.setToolTip(self.conflict_text(self.conflicts[e.id]))
        self.experts.itemChanged.connect(lambda _i: self._changed())
        self.conflict = QLabel(self)
        self.conflict.setObjectName("panelConflict")
        self.conflict.setWordWrap(True)
        self.conflict.setStyleSheet("color: #c62828;")
        self.conflict.hide()
        self.on = date_edit(self, "panelOn")
        self.questions = _text(self, "panelQuestions", 90, self.tr("The questions put to the panel"))
        form = QFormLayout()
        form.addRow(self.tr("Date of the meeting"), self.on)
        form.addRow(self.tr("Questions"), self.questions)
        self.buttons, self.ok = _buttons(self, self.tr("Convene"))
        self.ok.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.experts, 1)
        layout.addWidget(self.conflict)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def conflict_text(self, c: ExpertConflict) -> str:
        return (self.tr("Conflict of interest: %1 (“%2”) resembles %3 (%4 in this case). This expert cannot be "
                        "seated.").replace("%1", c.expert).replace("%2", c.text).replace("%3", c.party)
                .replace("%4", i18n.label(i18n.ROLE, c.role)))

    def chosen(self) -> list[int]:
        return [int(self.experts.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.experts.count())
                if self.experts.item(i).checkState() == Qt.CheckState.Checked]

    def _changed(self) -> None:
        ids = self.chosen()
        hits = [self.conflicts[i] for i in ids if i in self.conflicts]
        self.conflict.setText("\n".join(self.conflict_text(c) for c in hits))
        self.conflict.setVisible(bool(hits))
        self.ok.setEnabled(bool(ids))

    def value(self, case_number: str) -> NewPanel:
        return NewPanel(case_number=case_number, experts=tuple(Seat(i) for i in self.chosen()), held_on=picked_day(self.on),
                        questions=self.questions.toPlainText())


class OpinionDialog(QDialog):
    """One seated expert's opinion, hours and fee."""

    def __init__(self, panel: PanelView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("opinionDialog")
        self.setMinimumWidth(520)
        self.setWindowTitle(self.tr("Expert's opinion on panel %1").replace("%1", panel.number))
        self.panel = panel
        self.expert = QListWidget(self)
        self.expert.setObjectName("opinionExpert")
        self.expert.setMaximumHeight(100)
        for s in panel.seats:
            item = QListWidgetItem(f"{s.name}（{s.affiliation}）" if s.affiliation else s.name, self.expert)
            item.setData(Qt.ItemDataRole.UserRole, s.expert_id)
        self.opinion = _text(self, "opinionText", 120)
        self.hours = _amount(self, "opinionHours", 100, " " + self.tr("h"))
        self.fee = _amount(self, "opinionFee", 1_000_000, " " + self.tr("yuan"))
        self.expert.currentRowChanged.connect(self._load)
        form = QFormLayout()
        form.addRow(self.tr("Expert"), self.expert)
        form.addRow(self.tr("Opinion"), self.opinion)
        form.addRow(self.tr("Hours"), self.hours)
        form.addRow(self.tr("Fee"), self.fee)
        self.buttons, self.ok = _buttons(self, self.tr("Record"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.expert.setCurrentRow(next((i for i, s in enumerate(panel.seats) if not s.opinion), 0))

    def _load(self, row: int) -> None:
        if 0 <= row < len(self.panel.seats):
            seat = self.panel.seats[row]
            self.opinion.setPlainText(seat.opinion)
            self.hours.setValue(seat.hours or 0)
            self.fee.setValue(seat.fee or 0)

    def value(self) -> dict[str, Any]:
        item = self.expert.currentItem()
        return {"expert": int(item.data(Qt.ItemDataRole.UserRole)) if item else "",
                "opinion": self.opinion.toPlainText(),
                "hours": str(self.hours.value()) if self.hours.value() else None,
                "fee": str(self.fee.value()) if self.fee.value() else None}


class ConcludeDialog(QDialog):
    """The panel's conclusion and any dissent; the conclusion is what the reference opinion cites."""

    def __init__(self, panel: PanelView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("concludeDialog")
        self.setMinimumWidth(520)
        self.setWindowTitle(self.tr("Conclude panel %1").replace("%1", panel.number))
        note = QLabel(self.tr("The conclusion is cited in the case's reference opinion as the expert panel's "
                              "conclusion. Once concluded, the panel's record is closed."), self)
        note.setWordWrap(True)
        self.conclusion = _text(self, "panelConclusion", 120)
        self.dissent = _text(self, "panelDissent", 80, self.tr("A dissenting view, if any, and whose"))
        self.on = date_edit(self, "panelConcludedOn")
        form = QFormLayout()
        form.addRow(self.tr("Conclusion"), self.conclusion)
        form.addRow(self.tr("Dissent"), self.dissent)
        form.addRow(self.tr("Date"), self.on)
        self.buttons, self.ok = _buttons(self, self.tr("Conclude"))
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def value(self) -> dict[str, Any]:
        return {"conclusion": self.conclusion.toPlainText(), "dissent": self.dissent.toPlainText(),
                "on": picked_day(self.on)}


class ExpertPoolDialog(QDialog):
    """The expert pool: every expert with field, classes, affiliation and panels sat on; add an expert, take
    one out of the pool (or back in). Reached from the Referrals page and from a case's Experts tab."""

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        from qcy_workstation.ui.models import RowTableModel
        from qcy_workstation.ui.pages.referrals.case_tab import referral_table
        from qcy_workstation.ui.widgets import EmptyState

        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("expertPoolDialog")
        self.setWindowTitle(self.tr("Expert pool"))
        self.resize(820, 460)
        self.model = RowTableModel(POOL_COLUMNS, self)
        self.view = referral_table(self.model, self, "expertPool")
        self.empty = EmptyState(self.view, self)
        self.add_button = QPushButton(self.tr("Add expert…"), self)
        self.add_button.setObjectName("addExpert")
        self.add_button.clicked.connect(self.add_expert)
        self.toggle_button = QPushButton(self.tr("Out of / back into the pool"), self)
        self.toggle_button.setObjectName("toggleExpert")
        self.toggle_button.clicked.connect(self.toggle)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        bar = QHBoxLayout()
        bar.addWidget(self.add_button)
        bar.addWidget(self.toggle_button)
        bar.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.empty, 1)
        layout.addWidget(close)
        may_edit = ctx.may("expert.pool_edit")
        self.add_button.setEnabled(may_edit)
        self.toggle_button.setEnabled(may_edit)
        self.last_dialog: QDialog | None = None
        self.refresh()

    def refresh(self) -> None:
        from qcy_workstation.ui.widgets import show_error

        service = self.ctx.experts()
        self.ctx.runner.submit(lambda: service.list_experts(include_inactive=True), on_success=self._show,
                               on_error=lambda exc: show_error(self, exc), name="expert_pool")

    def _show(self, rows: list[ExpertView]) -> None:
        self.model.set_rows(rows)
        self.empty.set_empty(not rows, self.tr("The pool is empty.\nClick “Add expert…” to add the first expert."))

    def _run(self, call: Any, name: str) -> None:
        from qcy_workstation.ui.widgets import show_error

        service = self.ctx.experts()
        self.ctx.runner.submit(lambda: call(service), on_success=lambda _r: self.refresh(),
                               on_error=lambda exc: show_error(self, exc), name=name)

    def add_expert(self) -> None:
        dialog = ExpertDialog(self)
        self.last_dialog = dialog
        if dialog.exec() == QDialog.DialogCode.Accepted:
            value = dialog.value()
            self._run(lambda s: s.add_expert(value), "add_expert")

    def toggle(self) -> None:
        index = self.view.currentIndex()
        if not index.isValid():
            return
        e = self.model.row_at(index.row())
        self._run(lambda s: s.update_expert(e.id, active=not e.active), "toggle_expert")
