"""Who may see a case: the 保密 (confidential) badge on the case page and the head's "Grant access…" and
"Revoke access…".

The case page adds one :class:`CaseAccessBar` to its heading and calls ``show_case`` with each case it
shows. The head (``case.grant_access``) chooses an active account and gives a reason; the service checks
the permission again, records the grant and audits it. Revoking lists the accounts granted access
(``CaseService.access_grants``) and takes one back (``CaseService.revoke_access``: the grant and the
account's wrapping of the case key go). Nothing here decides who may see what.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qcy_workstation.ui.i18n import current_language
from qcy_workstation.ui.widgets import show_error

BADGE_STYLE = "background: #a4161a; color: white; padding: 4px 10px; border-radius: 9px; font-weight: bold;"


class GrantAccessDialog(QDialog):
    """Choose an account and say why; OK stays disabled until both are given."""

    def __init__(self, number: str, accounts: list[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from qcy_workstation.accounts.permissions import role_label

        self.setObjectName("grantAccessDialog")
        self.setMinimumWidth(460)
        self.setWindowTitle(self.tr("Grant access to case %1").replace("%1", number))
        self.note = QLabel(self.tr("Case %1 is confidential: only its case officer, the head and the accounts "
                                   "granted access see it. The grant and its reason are recorded in the audit "
                                   "trail.").replace("%1", number), self)
        self.note.setWordWrap(True)
        self.account = QComboBox(self)
        self.account.setObjectName("grantAccount")
        lang = current_language()
        for entry in accounts:
            roles = "、".join(role_label(r, lang) for r in entry.roles)
            self.account.addItem(f"{entry.display_name} ({entry.login}) · {roles}", entry.login)
        self.account.setCurrentIndex(-1)
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("grantReason")
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(90)
        self.reason.setPlaceholderText(self.tr("Why this person needs to see the case"))
        form = QFormLayout()
        form.addRow(self.tr("Account"), self.account)
        form.addRow(self.tr("Reason"), self.reason)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Grant access"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.account.currentIndexChanged.connect(lambda _i: self._update_ok())
        self.reason.textChanged.connect(self._update_ok)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._update_ok()

    @property
    def login(self) -> str:
        return str(self.account.currentData() or "")

    @property
    def reason_text(self) -> str:
        return self.reason.toPlainText().strip()

    def _update_ok(self) -> None:
        self.ok.setEnabled(bool(self.login and self.reason_text))


class RevokeAccessDialog(QDialog):
    """Choose one of the accounts granted access; OK ("Revoke access") stays disabled until one is chosen."""

    def __init__(self, number: str, grants: list[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("revokeAccessDialog")
        self.setMinimumWidth(460)
        self.setWindowTitle(self.tr("Revoke access to case %1").replace("%1", number))
        if grants:
            note = self.tr("The account chosen no longer sees case %1. Files it has already opened cannot be "
                           "taken back. The revocation is recorded in the audit trail.").replace("%1", number)
        else:
            note = self.tr("No account has been granted access to case %1.").replace("%1", number)
        self.note = QLabel(note, self)
        self.note.setWordWrap(True)
        self.account = QComboBox(self)
        self.account.setObjectName("revokeAccount")
        for grant in grants:
            self.account.addItem(self.tr("%1 (%2) · granted by %3: %4").replace("%1", grant.display_name)
                                 .replace("%2", grant.login).replace("%3", grant.granted_by)
                                 .replace("%4", grant.reason), grant.login)
        self.account.setCurrentIndex(-1)
        self.account.setEnabled(bool(grants))
        form = QFormLayout()
        form.addRow(self.tr("Account"), self.account)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Revoke access"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.account.currentIndexChanged.connect(lambda _i: self.ok.setEnabled(bool(self.login)))
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.ok.setEnabled(False)

    @property
    def login(self) -> str:
        return str(self.account.currentData() or "")


class CaseAccessBar(QWidget):
    """The 保密 badge (a confidential case) and, for the head, "Grant access…" and "Revoke access…"."""

    def __init__(self, page: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page = page
        self.number = ""
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.badge = QLabel("保密", self)  # the word on every confidential file in Chinese offices
        self.badge.setObjectName("confidentialBadge")
        self.badge.setStyleSheet(BADGE_STYLE)
        self.badge.hide()
        self.grant_button = QPushButton(self)
        self.grant_button.setObjectName("grantAccess")
        self.grant_button.clicked.connect(self.grant)
        self.grant_button.hide()
        self.revoke_button = QPushButton(self)
        self.revoke_button.setObjectName("revokeAccess")
        self.revoke_button.clicked.connect(self.revoke)
        self.revoke_button.hide()
        layout.addWidget(self.badge)
        layout.addWidget(self.grant_button)
        layout.addWidget(self.revoke_button)
        self.last_dialog: QDialog | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.badge.setToolTip(self.tr("Confidential: only its case officer, the head and accounts granted access "
                                      "see this case"))
        self.grant_button.setText(self.tr("Grant access…"))
        self.grant_button.setToolTip(self.tr("Let another account see this confidential case (a reason is "
                                             "required and recorded)"))
        self.revoke_button.setText(self.tr("Revoke access…"))
        self.revoke_button.setToolTip(self.tr("Take back access granted to an account (recorded)"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_case(self, case: Any) -> None:
        self.number = case.number
        self.badge.setVisible(bool(case.confidential))
        head = bool(case.confidential) and self.page.ctx.may("case.grant_access")
        self.grant_button.setVisible(head)
        self.revoke_button.setVisible(head)

    def grant(self) -> None:
        """Read the accounts in the background, then ask whom and why."""
        from qcy_workstation.accounts.directory import StaffDirectory

        ctx, number = self.page.ctx, self.number
        if not number or ctx.store is None:
            return
        directory = StaffDirectory(ctx.store, ctx.actor)
        ctx.runner.submit(directory.grantable, on_success=lambda accounts: self._ask(number, accounts),
                          on_error=lambda exc: show_error(self, exc), name="grantable_accounts")

    def _ask(self, number: str, accounts: list[Any]) -> None:
        ctx = self.page.ctx
        dialog = GrantAccessDialog(number, accounts, self)
        self.last_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        service, login, reason = ctx.cases(), dialog.login, dialog.reason_text
        ctx.runner.submit(lambda: service.grant_access(number, login, reason),
                          on_success=lambda _r: ctx.cases_changed.emit(number),  # the timeline shows the grant
                          on_error=lambda exc: show_error(self, exc), name="grant_access")

    def revoke(self) -> None:
        """Read who was granted access in the background, then ask whose access to take back."""
        ctx, number = self.page.ctx, self.number
        if not number or ctx.store is None:
            return
        service = ctx.cases()
        ctx.runner.submit(lambda: service.access_grants(number),
                          on_success=lambda grants: self._ask_revoke(number, grants),
                          on_error=lambda exc: show_error(self, exc), name="access_grants")

    def _ask_revoke(self, number: str, grants: list[Any]) -> None:
        ctx = self.page.ctx
        dialog = RevokeAccessDialog(number, grants, self)
        self.last_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.login:
            return
        service, login = ctx.cases(), dialog.login
        ctx.runner.submit(lambda: service.revoke_access(number, login),
                          on_success=lambda _r: ctx.cases_changed.emit(number),  # the timeline shows it
                          on_error=lambda exc: show_error(self, exc), name="revoke_access")
