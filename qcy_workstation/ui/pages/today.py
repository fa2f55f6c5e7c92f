"""Today at the desk: the overdue and due-soon cases, most urgent first (CaseService.deadline_overview), and
the referrals whose follow-up has come (ReferralService.follow_ups_due, working days as case deadlines), and
the enterprise rights falling due in 90 days (rights_due_box, issue 17 item 3)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from qcy_workstation.cases.dto import CaseRow
from qcy_workstation.ui.context import AppContext
from qcy_workstation.ui.main_window import register_page
from qcy_workstation.ui.models import ROW_ROLE, RowTableModel, deadline_colours
from qcy_workstation.ui.pages.cases import CASE_COLUMNS
from qcy_workstation.ui.pages.referrals.case_tab import ALL_REFERRAL_COLUMNS, referral_table
from qcy_workstation.ui.pages.rights_due_box import RightsDueBox
from qcy_workstation.ui.widgets import EmptyState


class DeadlineModel(RowTableModel):
    def row_colours(self, row: CaseRow):  # type: ignore[no-untyped-def]
        return deadline_colours(row.deadline_state)


class FollowUpModel(RowTableModel):
    def row_colours(self, row: Any):  # type: ignore[no-untyped-def]
        return deadline_colours("overdue" if row.follow_up_state == "overdue" else "due_soon")


class TodayPage(QWidget):
    """Two lists the desk works through first; refreshed whenever a case changes or the page is shown."""

    def __init__(self, ctx: AppContext, window: Any = None) -> None:
        super().__init__()
        self.ctx, self.window_ = ctx, window
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 20px; font-weight: bold;")
        self.note = QLabel(self)
        self.note.setStyleSheet("color: #5f6b7a;")
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        self.backup_reminder = QLabel(self)  # issue 14 item 7: shown when the last backup is too old
        self.backup_reminder.setObjectName("backupReminder")
        self.backup_reminder.setWordWrap(True)
        self.backup_reminder.setStyleSheet("color: #c62828; font-weight: bold;")
        self.backup_reminder.linkActivated.connect(lambda _link: self.window_ and self.window_.go("settings"))
        self.backup_reminder.hide()
        self.backup_status = None
        layout.addWidget(self.backup_reminder)
        self.boxes: dict[str, QGroupBox] = {}
        self.models: dict[str, DeadlineModel] = {}
        self.empties: dict[str, EmptyState] = {}
        for key in ("overdue", "due_soon"):
            box = QGroupBox(self)
            model = DeadlineModel(CASE_COLUMNS, self)
            view = QTableView(box)
            view.setObjectName(f"{key}Table")
            view.setModel(model)
            view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            view.verticalHeader().hide()
            view.setWordWrap(False)
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            view.horizontalHeader().setStretchLastSection(True)
            for col, width in enumerate((125, 250, 100, 95, 150, 200, 180, 64, 95, 60)):
                view.horizontalHeader().resizeSection(col, width)
            view.doubleClicked.connect(lambda index, m=model: self._open(m, index))
            view.activated.connect(lambda index, m=model: self._open(m, index))
            empty = EmptyState(view, box)
            QVBoxLayout(box).addWidget(empty)
            layout.addWidget(box, 1)
            self.boxes[key], self.models[key], self.empties[key] = box, model, empty
        self.follow_ups = FollowUpModel(ALL_REFERRAL_COLUMNS, self)  # issue 17 item 1
        self.follow_up_box = QGroupBox(self)
        follow_view = referral_table(self.follow_ups, self.follow_up_box, "followUpTable")
        follow_view.doubleClicked.connect(lambda index: self._open(self.follow_ups, index))
        follow_view.activated.connect(lambda index: self._open(self.follow_ups, index))
        self.follow_up_empty = EmptyState(follow_view, self.follow_up_box)
        QVBoxLayout(self.follow_up_box).addWidget(self.follow_up_empty)
        layout.addWidget(self.follow_up_box, 1)
        self.rights_due = RightsDueBox(ctx, self)  # issue 17 item 3
        self.rights_due.setObjectName("rightsDueBox")
        layout.addWidget(self.rights_due, 1)
        self.loaded = False
        self.retranslate()
        ctx.cases_changed.connect(lambda _n: self.refresh())  # first load: on_shown
        ctx.settings_changed.connect(self.refresh)  # a backup made, the reminder's days changed

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Today"))
        self.note.setText(self.tr("Open cases whose current deadline has passed or comes within the “due soon” "
                                  "window (Settings). Double-click or press Enter to open one."))
        titles = {"overdue": self.tr("Overdue (%1)"), "due_soon": self.tr("Due soon (%1)")}
        for key, box in self.boxes.items():
            box.setTitle(titles[key].replace("%1", str(self.models[key].rowCount()) if self.loaded else "…"))
            self.models[key].retranslate()
        self.empties["overdue"].label.setText(self.tr("Nothing is overdue."))
        self.empties["due_soon"].label.setText(self.tr("Nothing falls due in the next few working days."))
        self.follow_up_box.setTitle(self.tr("Referrals to follow up (%1)").replace(
            "%1", str(self.follow_ups.rowCount()) if self.loaded else "…"))
        self.follow_ups.retranslate()
        self.follow_up_empty.set_empty(not self.follow_ups.rows, self.tr(
            "No referral waits for a follow-up in the next few working days."))
        self.rights_due.retranslate()
        self._show_backup(self.backup_status)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        if self.ctx.store is None:
            return
        service = self.ctx.cases()
        self.ctx.runner.submit(service.deadline_overview, on_success=self._show, name="deadline_overview")
        if self.ctx.may("referral.view"):
            self.ctx.runner.submit(self.ctx.referrals().follow_ups_due, on_success=self._show_follow_ups,
                                   name="referral_follow_ups")
        self.rights_due.refresh()
        self.ctx.runner.submit(self.ctx.workstation().backup_status, on_success=self._show_backup,
                               name="backup_status")

    def _show_backup(self, status: object) -> None:
        self.backup_status = status
        due = bool(getattr(status, "due", False))
        self.backup_reminder.setVisible(due)
        if due:
            text = (self.tr("The last backup of this store was made %1 days ago.").replace(
                "%1", str(status.days_since)) if status.last_at  # type: ignore[union-attr]
                else self.tr("This store has never been backed up."))
            link = self.tr("Back up now in Settings")
            self.backup_reminder.setText(f"{text} <a href='settings'>{link}</a>")

    def _show(self, overview: dict[str, list[CaseRow]]) -> None:
        self.loaded = True
        for key, model in self.models.items():
            model.set_rows(overview.get(key, []))
            self.empties[key].set_empty(model.rowCount() == 0)
        self.retranslate()

    def _show_follow_ups(self, rows: list[Any]) -> None:
        self.follow_ups.set_rows(rows)
        self.retranslate()

    def on_shown(self) -> None:
        self.refresh()

    def _open(self, model: RowTableModel, index: Any) -> None:
        row = model.data(index, ROW_ROLE)
        number = getattr(row, "case_number", None) if isinstance(model, FollowUpModel) else getattr(row, "number", None)
        if number and self.window_ is not None:
            self.window_.open_case(number)


register_page("today", QT_TRANSLATE_NOOP("Pages", "Today"), lambda ctx, w: TodayPage(ctx, w), order=5,
              icon="today.svg", tooltip=QT_TRANSLATE_NOOP("Pages", "Overdue and due-soon cases"))
