"""Accounts (the administrator's page, ``accounts.manage``): who may log in and with which roles.

The list comes from ``AccountService.list``; new accounts, roles, deactivation and new passwords go through
the same service with the logged-in administrator's principal, off the GUI thread. Accounts are never
deleted (their names stay on what they did): they are deactivated. The service refuses what is not allowed
(one's own administrator role, one's own account); the page says so in plain words.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from qcy_workstation.ui.context import AppContext
from qcy_workstation.ui.main_window import register_page
from qcy_workstation.ui.models import Column, RowTableModel
from qcy_workstation.ui.widgets import EmptyState, show_error, status_html


def _t(text: str) -> str:
    return QCoreApplication.translate("AccountsPage", text)


def _roles_text(account: Any) -> str:
    from qcy_workstation.accounts.permissions import role_label
    from qcy_workstation.ui.i18n import current_language

    return "、".join(role_label(r, current_language()) for r in account.roles)


ACCOUNT_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "Login name"), lambda a: a.login),
    Column(QT_TRANSLATE_NOOP("Columns", "Full name"), lambda a: a.display_name),
    Column(QT_TRANSLATE_NOOP("Columns", "Roles"), _roles_text),
    Column(QT_TRANSLATE_NOOP("Columns", "State"),
           lambda a: _t(QT_TRANSLATE_NOOP("AccountsPage", "active")) if a.active
           else _t(QT_TRANSLATE_NOOP("AccountsPage", "deactivated"))),
    Column(QT_TRANSLATE_NOOP("Columns", "Demo"),
           lambda a: _t(QT_TRANSLATE_NOOP("AccountsPage", "demo account")) if a.demo else ""),
    Column(QT_TRANSLATE_NOOP("Columns", "Password"),
           lambda a: _t(QT_TRANSLATE_NOOP("AccountsPage", "to be changed at next login")) if a.must_change else ""),
    Column(QT_TRANSLATE_NOOP("Columns", "Last login"), lambda a: a.last_login_at),
]


class _AccountModel(RowTableModel):
    def row_colours(self, row: Any) -> tuple[Any, Any]:
        from PySide6.QtGui import QColor

        return (None, QColor("#8a8f98")) if not row.active else (None, None)


class AccountsPage(QWidget):
    def __init__(self, ctx: AppContext, window: Any = None) -> None:
        super().__init__()
        self.ctx, self.window_ = ctx, window
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 20px; font-weight: bold;")
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #5f6b7a;")
        self.new_button = QPushButton(self)
        self.new_button.setObjectName("newAccount")
        self.new_button.clicked.connect(self.new_account)
        self.roles_button = QPushButton(self)
        self.roles_button.setObjectName("changeRoles")
        self.roles_button.clicked.connect(self.change_roles)
        self.active_button = QPushButton(self)
        self.active_button.setObjectName("toggleActive")
        self.active_button.clicked.connect(lambda: self.toggle_active())
        self.reset_button = QPushButton(self)
        self.reset_button.setObjectName("resetPassword")
        self.reset_button.clicked.connect(self.reset_password)
        bar = QHBoxLayout()
        for b in (self.new_button, self.roles_button, self.active_button, self.reset_button):
            bar.addWidget(b)
        bar.addStretch(1)
        self.model = _AccountModel(ACCOUNT_COLUMNS, self)
        self.view = QTableView(self)
        self.view.setObjectName("accountsTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in enumerate((130, 120, 230, 90, 100, 170)):
            self.view.horizontalHeader().resizeSection(col, width)
        self.view.selectionModel().currentRowChanged.connect(lambda _c, _p: self._update_buttons())
        self.view.doubleClicked.connect(lambda _i: self.change_roles())
        self.empty = EmptyState(self.view, self)
        self.status = QLabel(self)
        self.status.setObjectName("accountsStatus")
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        layout.addLayout(bar)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.status)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Accounts"))
        self.note.setText(self.tr("Each member of staff logs in with an account of their own; every record says "
                                  "which account wrote it. Accounts are never deleted: deactivate one when someone "
                                  "leaves."))
        self.new_button.setText(self.tr("New account…"))
        self.roles_button.setText(self.tr("Change roles…"))
        self.reset_button.setText(self.tr("Reset password…"))
        self.reset_button.setToolTip(self.tr("Set a first password again; the person chooses a new one at the next "
                                             "login"))
        self.model.retranslate()
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ the list

    def on_shown(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        if self.ctx.store is None or self.ctx.principal is None:
            return
        from qcy_workstation.accounts.service import AccountService

        service, actor = AccountService(self.ctx.store), self.ctx.principal
        self.ctx.runner.submit(lambda: service.list(actor), on_success=self._show,
                               on_error=lambda exc: show_error(self, exc), name="accounts")

    def _show(self, accounts: list[Any], select_login: str | None = None) -> None:
        current = select_login or (self.selected().login if self.selected() is not None else None)
        self.model.set_rows(accounts)
        self.empty.set_empty(not accounts, self.tr("No accounts yet."))
        for row, a in enumerate(accounts):
            if a.login == current:
                self.view.selectRow(row)
                break
        self._update_buttons()

    def selected(self) -> Any:
        index = self.view.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def select_login(self, login: str) -> None:
        for row, a in enumerate(self.model.rows):
            if a.login == login:
                self.view.selectRow(row)
                return

    def _update_buttons(self) -> None:
        a = self.selected()
        for b in (self.roles_button, self.active_button, self.reset_button):
            b.setEnabled(a is not None)
        active = a is None or a.active
        self.active_button.setText(self.tr("Deactivate…") if active else self.tr("Activate"))
        self.active_button.setToolTip(self.tr("The person can no longer log in; their name stays on what they did")
                                      if active else self.tr("The person can log in again"))

    def set_status(self, text: str, *, error: bool = False) -> None:
        self.status.setText(status_html(text, error=error))

    # ------------------------------------------------------------------ actions

    def _after(self, text: str, login: str) -> None:
        self.set_status(text)
        self.refresh_then_select(login)

    def refresh_then_select(self, login: str) -> None:
        from qcy_workstation.accounts.service import AccountService

        service, actor = AccountService(self.ctx.store), self.ctx.principal
        self.ctx.runner.submit(lambda: service.list(actor), on_success=lambda rows: self._show(rows, login),
                               on_error=lambda exc: show_error(self, exc), name="accounts")

    def new_account(self) -> None:
        from qcy_workstation.ui.dialogs.account_edit import NewAccountDialog

        dialog = NewAccountDialog(self.ctx, self)
        self.last_dialog = dialog
        dialog.done_with.connect(lambda view: self._after(
            self.tr("Account %1 (%2) created: the first login asks for a new password.")
            .replace("%1", view.login).replace("%2", view.display_name), view.login))
        dialog.open()

    def change_roles(self) -> None:
        from qcy_workstation.ui.dialogs.account_edit import RolesDialog

        a = self.selected()
        if a is None:
            return
        dialog = RolesDialog(self.ctx, a, self)
        self.last_dialog = dialog
        dialog.done_with.connect(lambda view: self._after(
            self.tr("Roles of %1: %2").replace("%1", view.display_name).replace("%2", _roles_text(view)), view.login))
        dialog.open()

    def reset_password(self) -> None:
        from qcy_workstation.ui.dialogs.account_edit import ResetPasswordDialog

        a = self.selected()
        if a is None:
            return
        dialog = ResetPasswordDialog(self.ctx, a, self)
        self.last_dialog = dialog
        dialog.done_with.connect(lambda _r: self._after(
            self.tr("New password set for %1: it is changed at the next login.").replace("%1", a.display_name),
            a.login))
        dialog.open()

    def toggle_active(self, *, confirm: bool = True) -> None:
        """Deactivate (after a question whose default is No) or activate the selected account."""
        from qcy_workstation.accounts.service import AccountService

        a = self.selected()
        if a is None:
            return
        active = not a.active
        if not active and confirm:
            answer = QMessageBox.question(
                self, self.tr("Deactivate account"),
                self.tr("Deactivate %1 (%2)? They can no longer log in and their command-line sessions end; "
                        "their name stays on what they did.").replace("%1", a.display_name).replace("%2", a.login),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
        service, actor, login = AccountService(self.ctx.store), self.ctx.principal, a.login
        done = (self.tr("%1 is deactivated.") if not active else self.tr("%1 can log in again.")) \
            .replace("%1", a.display_name)
        self.ctx.runner.submit(lambda: service.set_active(actor, login, active),
                               on_success=lambda _v: self._after(done, login),
                               on_error=lambda exc: show_error(self, exc), name="account_active")


register_page("accounts", QT_TRANSLATE_NOOP("Pages", "Accounts"), lambda ctx, w: AccountsPage(ctx, w), order=910,
              icon="settings.svg", tooltip=QT_TRANSLATE_NOOP("Pages", "Staff accounts and their roles"))
