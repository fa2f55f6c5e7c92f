"""The Referrals page: every referral the account may see (open ones first to hand) and the directory of
partner bodies, where staff add a body or the shipped Shaanxi/Xi'an starter list (contacts left empty)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from qcy_workstation import labels
from qcy_workstation.referrals.dto import BODY_KINDS, BodyView, ReferralView
from qcy_workstation.ui.context import AppContext
from qcy_workstation.ui.dialogs.referral import BodyDialog
from qcy_workstation.ui.i18n import current_language
from qcy_workstation.ui.main_window import register_page
from qcy_workstation.ui.models import ROW_ROLE, Column, RowTableModel
from qcy_workstation.ui.pages.referrals.case_tab import ALL_REFERRAL_COLUMNS, referral_table
from qcy_workstation.ui.widgets import EmptyState, show_error

BODY_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "Name"), lambda b: b.name, tooltip=lambda b: b.source_note),
    Column(QT_TRANSLATE_NOOP("Columns", "Kind"), lambda b: labels.name(BODY_KINDS, b.kind, current_language())),
    Column(QT_TRANSLATE_NOOP("Columns", "Jurisdiction"), lambda b: b.jurisdiction),
    Column(QT_TRANSLATE_NOOP("Columns", "Takes"),
           lambda b: "、".join(labels.name(labels.IP_TYPES, m, current_language()) for m in b.matters)),
    Column(QT_TRANSLATE_NOOP("Columns", "Referrals"), lambda b: b.referrals, align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Contact"), lambda b: b.contact.replace("\n", " · "),
           tooltip=lambda b: b.contact),
]


class ReferralsPage(QWidget):
    """Referrals and the directory of bodies; refreshed when shown and whenever a case changes."""

    def __init__(self, ctx: AppContext, window: Any = None) -> None:
        super().__init__()
        self.ctx, self.window_ = ctx, window
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 20px; font-weight: bold;")
        self.note = QLabel(self)
        self.note.setStyleSheet("color: #5f6b7a;")
        self.note.setWordWrap(True)
        self.open_only = QCheckBox(self)
        self.open_only.setObjectName("referralsOpenOnly")
        self.open_only.setChecked(True)
        self.open_only.toggled.connect(lambda _on: self.refresh())
        self.referrals_box, self.bodies_box = QGroupBox(self), QGroupBox(self)
        self.model = RowTableModel(ALL_REFERRAL_COLUMNS, self)
        self.view = referral_table(self.model, self.referrals_box, "allReferrals")
        self.view.doubleClicked.connect(self._open)
        self.view.activated.connect(self._open)
        self.empty = EmptyState(self.view, self.referrals_box)
        rl = QVBoxLayout(self.referrals_box)
        rl.addWidget(self.open_only)
        rl.addWidget(self.empty, 1)
        self.bodies = RowTableModel(BODY_COLUMNS, self)
        self.bodies_view = referral_table(self.bodies, self.bodies_box, "bodiesTable")
        for col, width in enumerate((220, 130, 170, 190, 70)):
            self.bodies_view.horizontalHeader().resizeSection(col, width)
        self.bodies_empty = EmptyState(self.bodies_view, self.bodies_box)
        self.add_body_button = QPushButton(self.bodies_box)
        self.add_body_button.setObjectName("addBody")
        self.add_body_button.clicked.connect(self.add_body)
        self.starter_button = QPushButton(self.bodies_box)
        self.starter_button.setObjectName("addStarterBodies")
        self.starter_button.clicked.connect(self.add_starter)
        bar = QHBoxLayout()
        bar.addWidget(self.add_body_button)
        bar.addWidget(self.starter_button)
        bar.addStretch(1)
        bl = QVBoxLayout(self.bodies_box)
        bl.addLayout(bar)
        bl.addWidget(self.bodies_empty, 1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.referrals_box)
        split.addWidget(self.bodies_box)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        layout.addWidget(split, 1)
        self.last_dialog: QDialog | None = None
        self.retranslate()
        ctx.cases_changed.connect(lambda _n: self.refresh() if self.isVisible() else None)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Referrals"))
        self.note.setText(self.tr("Cases and consultations passed to partner bodies, their follow-ups (in working "
                                  "days) and outcomes. Refer a case from its page (Referrals tab). Double-click a "
                                  "referral to open its case."))
        self.open_only.setText(self.tr("Only referrals without a final outcome"))
        self.referrals_box.setTitle(self.tr("Referrals (%1)").replace("%1", str(self.model.rowCount())))
        self.bodies_box.setTitle(self.tr("Directory of partner bodies (%1)").replace("%1", str(self.bodies.rowCount())))
        self.add_body_button.setText(self.tr("Add body…"))
        self.starter_button.setText(self.tr("Add the Shaanxi/Xi'an starter list"))
        self.starter_button.setToolTip(self.tr("Bodies whose existence is public knowledge, without contact details: "
                                               "fill them from each body's official website"))
        self.model.retranslate()
        self.bodies.retranslate()
        self.empty.set_empty(not self.model.rows, self.tr("No referrals yet. Open a case and use its Referrals tab."))
        self.bodies_empty.set_empty(not self.bodies.rows, self.tr(
            "The directory is empty.\nAdd a body, or the starter list of Shaanxi/Xi'an bodies."))
        may_edit = self.ctx.may("referral.body_edit")
        self.add_body_button.setEnabled(may_edit)
        self.starter_button.setEnabled(may_edit)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def on_shown(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        if self.ctx.store is None:
            return
        service, open_only = self.ctx.referrals(), self.open_only.isChecked()
        self.ctx.runner.submit(lambda: (service.list(open_only=open_only), service.list_bodies()),
                               on_success=self._show, on_error=lambda exc: show_error(self, exc), name="referrals")

    def _show(self, result: tuple[list[ReferralView], list[BodyView]]) -> None:
        self.model.set_rows(result[0])
        self.bodies.set_rows(result[1])
        self.retranslate()

    def _open(self, index: Any) -> None:
        row = self.model.data(index, ROW_ROLE)
        if row is not None and row.case_number and self.window_ is not None:
            self.window_.open_case(row.case_number)

    def add_body(self) -> None:
        dialog = BodyDialog(self)
        self.last_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        service, value = self.ctx.referrals(), dialog.value()
        self.ctx.runner.submit(lambda: service.add_body(value), on_success=lambda _b: self.refresh(),
                               on_error=lambda exc: show_error(self, exc), name="add_body")

    def add_starter(self) -> None:
        service = self.ctx.referrals()
        self.ctx.runner.submit(service.load_starter_directory, on_success=lambda _b: self.refresh(),
                               on_error=lambda exc: show_error(self, exc), name="starter_bodies")


register_page("referrals", QT_TRANSLATE_NOOP("Pages", "Referrals"), lambda ctx, w: ReferralsPage(ctx, w), order=60,
              icon="referrals.svg", tooltip=QT_TRANSLATE_NOOP("Pages", "Referrals to partner bodies and their directory"))
