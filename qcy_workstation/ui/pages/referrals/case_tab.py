"""The case page's Referrals tab: refer the case to a partner body, record the body's answer, write the
referral letter, and the list of the case's referrals. Every action is one service call in the background."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from qcy_workstation import labels
from qcy_workstation.referrals.dto import BODY_KINDS, OUTCOMES, ReferralView
from qcy_workstation.ui.dialogs.referral import OutcomeDialog, ReferDialog
from qcy_workstation.ui.i18n import current_language
from qcy_workstation.ui.models import Column, RowTableModel
from qcy_workstation.ui.widgets import EmptyState, record_table, show_error


def outcome_text(r: ReferralView) -> str:
    return labels.name(OUTCOMES, r.outcome, current_language()) if r.outcome else ""


def follow_up_text(r: ReferralView) -> str:
    if r.follow_up_on is None:
        return ""
    return r.follow_up_on.isoformat() + (" *" if r.follow_up_estimated else "")


REFERRAL_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "Referral"), lambda r: r.number),
    Column(QT_TRANSLATE_NOOP("Columns", "Body"), lambda r: r.body_name,
           tooltip=lambda r: labels.name(BODY_KINDS, r.body_kind, current_language())),
    Column(QT_TRANSLATE_NOOP("Columns", "Referred"), lambda r: r.referred_on),
    Column(QT_TRANSLATE_NOOP("Columns", "Body's reference"), lambda r: r.body_reference),
    Column(QT_TRANSLATE_NOOP("Columns", "Follow-up"), follow_up_text),
    Column(QT_TRANSLATE_NOOP("Columns", "Outcome"), outcome_text, tooltip=lambda r: r.outcome_note),
    Column(QT_TRANSLATE_NOOP("Columns", "Outcome date"), lambda r: r.outcome_on or r.accepted_on),
    Column(QT_TRANSLATE_NOOP("Columns", "Documents back"), lambda r: len(r.documents) or "", align_right=True,
           tooltip=lambda r: "\n".join(f"{d.received_on} {d.title}" for d in r.documents)),
]

#: With the case (or consultation) and its subject: for lists of referrals of many cases (page, Today).
ALL_REFERRAL_COLUMNS = [
    REFERRAL_COLUMNS[0],
    Column(QT_TRANSLATE_NOOP("Columns", "Case / consultation"),
           lambda r: r.case_number or (f"#{r.consultation_id}" if r.consultation_id else "")),
    Column(QT_TRANSLATE_NOOP("Columns", "Subject"), lambda r: r.subject, tooltip=lambda r: r.applicant),
    *REFERRAL_COLUMNS[1:],
]


def referral_table(model: RowTableModel, parent: QWidget, name: str) -> QTableView:
    return record_table(model, parent, name, widths=(115, 200, 95, 150, 105, 120, 95))


class ReferralsTab(QWidget):
    """The referrals of the case shown on the page (``show_case``), with Refer…, Outcome… and Letter…."""

    def __init__(self, page: Any) -> None:
        super().__init__(page)
        self.page = page
        self.number = ""
        self.ip_type = ""
        self.title = ""
        self.model = RowTableModel(REFERRAL_COLUMNS, self)
        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        for key, name, slot in (("refer", "referCase", self.refer), ("outcome", "referralOutcome", self.record_outcome),
                                ("letter", "referralLetter", self.write_letter)):
            b = QPushButton(self)
            b.setObjectName(name)
            b.clicked.connect(slot)
            self.buttons[key] = b
            bar.addWidget(b)
        self.hint = QLabel(self)
        self.hint.setStyleSheet("color: #5f6b7a;")
        self.hint.setWordWrap(True)
        bar.addWidget(self.hint, 1)
        self.table = referral_table(self.model, self, "caseReferrals")
        self.table.selectionModel().currentRowChanged.connect(lambda _c, _p: self._update_buttons())
        self.empty = EmptyState(self.table, self)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.empty, 1)
        self.last_dialog: QDialog | None = None
        self.last_letter: Path | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.buttons["refer"].setText(self.tr("Refer…"))
        self.buttons["refer"].setToolTip(self.tr("Refer this case to a partner body (court, bureau, arbitration, "
                                                 "customs …) and set the first follow-up"))
        self.buttons["outcome"].setText(self.tr("Record outcome…"))
        self.buttons["outcome"].setToolTip(self.tr("The selected referral: the body accepted it, or its final "
                                                   "outcome (penalty, judgment, mediation agreement …)"))
        self.buttons["letter"].setText(self.tr("Referral letter…"))
        self.buttons["letter"].setToolTip(self.tr("Write the selected referral's letter as PDF or DOCX"))
        self.hint.setText(self.tr("* follow-up beyond the official holiday schedule: weekends only, check it"))
        self.model.retranslate()
        self.empty.set_empty(not self.model.rows, self.tr(
            "This case has not been referred.\nClick “Refer…” to pass it to a body from the directory "
            "(Referrals page)."))
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ loading

    def show_case(self, case: Any) -> None:
        """Load the referrals of ``case`` (a ``CaseDetail``) in the background."""
        self.number, self.ip_type, self.title = case.number, case.type, case.title
        self.reload()

    def reload(self) -> None:
        ctx, number = self.page.ctx, self.number
        if not number or ctx.store is None:
            return
        service = ctx.referrals()
        ctx.runner.submit(lambda: service.list(case_number=number), on_success=self._show,
                          on_error=lambda exc: show_error(self, exc), name="case_referrals")

    def _show(self, rows: list[ReferralView]) -> None:
        if rows and rows[0].case_number != self.number:
            return  # another case was opened meanwhile
        self.model.set_rows(rows)
        self.retranslate()

    def selected(self) -> ReferralView | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _update_buttons(self) -> None:
        chosen = self.selected()
        self.buttons["refer"].setEnabled(bool(self.number))
        self.buttons["outcome"].setEnabled(chosen is not None and not chosen.closed)
        self.buttons["letter"].setEnabled(chosen is not None)

    # ------------------------------------------------------------------ actions

    def refer(self) -> None:
        ctx = self.page.ctx
        if not self.number or ctx.store is None:
            return
        service = ctx.referrals()
        ctx.runner.submit(service.list_bodies, on_success=self._ask_refer,
                          on_error=lambda exc: show_error(self, exc), name="partner_bodies")

    def _ask_refer(self, bodies: list[Any]) -> None:
        dialog = ReferDialog(self.title, self.ip_type, bodies, self)
        self.last_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self._run(lambda s: s.add(dialog.value(case_number=self.number)), "refer")

    def record_outcome(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        dialog = OutcomeDialog(chosen.number, chosen.body_name, self)
        self.last_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        values = dialog.value()
        self._run(lambda s: s.record_outcome(chosen.number, **values), "referral_outcome")

    def write_letter(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save the referral letter"), f"{chosen.number}.pdf",
                                              self.tr("PDF (*.pdf);;Word (*.docx)"))
        if not name:
            return
        fmt = "docx" if name.lower().endswith(".docx") else "pdf"
        service, lang = self.page.ctx.referrals(), current_language()

        def done(path: Path) -> None:
            self.last_letter = path
            self.hint.setText(self.tr("Written: %1").replace("%1", str(path)))

        self.page.ctx.runner.submit(lambda: service.export_letter(chosen.number, fmt, name, lang=lang),
                                    on_success=done, on_error=lambda exc: show_error(self, exc),
                                    name="referral_letter")

    def _run(self, call: Any, name: str) -> None:
        ctx, number = self.page.ctx, self.number
        service = ctx.referrals()
        ctx.runner.submit(lambda: call(service), on_success=lambda _r: ctx.cases_changed.emit(number),
                          on_error=lambda exc: show_error(self, exc), name=name)


def refer_consultation(parent: QWidget, ctx: Any, consultation: Any, done: Any = None) -> None:
    """Refer a consultation that is not a case (the consultations page's "Refer…"): choose the body in the
    same dialog as for a case; ``done(referral)`` is called with the referral made."""
    service = ctx.referrals()

    def ask(bodies: list[Any]) -> None:
        dialog = ReferDialog(consultation.topic, consultation.ip_type, bodies, parent)
        parent.last_referral_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        value = dialog.value(consultation_id=consultation.id)
        ctx.runner.submit(lambda: service.add(value), on_success=done,
                          on_error=lambda exc: show_error(parent, exc), name="refer_consultation")

    ctx.runner.submit(service.list_bodies, on_success=ask, on_error=lambda exc: show_error(parent, exc),
                      name="partner_bodies")
