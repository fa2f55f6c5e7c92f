"""The administrator's account dialogs: a new account, its roles, a new password.

Each dialog reads what is typed and hands it to ``AccountService`` (with the administrator's principal)
through the background runner; a refusal (a login taken, a password too short, one's own administrator
role) is said in the dialog in plain words and the dialog stays open. Lengths, names and roles are checked
by the service, not here; only "the two passwords differ" is the dialog's own.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QGridLayout, QLineEdit, QWidget

from qcy_workstation.ui.dialogs.login import _AccountDialog, _password_edit
from qcy_workstation.ui.i18n import current_language


class RoleBoxes(QWidget):
    """One check box per role, named in words (``accounts.permissions.role_label``)."""

    def __init__(self, parent: QWidget | None = None, checked: tuple[str, ...] = ()) -> None:
        super().__init__(parent)
        from qcy_workstation.accounts.permissions import role_label
        from qcy_workstation.accounts.principal import ROLES

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        lang = current_language()
        for i, role in enumerate(ROLES):
            box = QCheckBox(role_label(role, lang), self)
            box.setObjectName(f"role_{role}")
            box.setChecked(role in checked)
            grid.addWidget(box, i // 3, i % 3)
            self.boxes[role] = box

    def roles(self) -> list[str]:
        return [r for r, b in self.boxes.items() if b.isChecked()]


class NewAccountDialog(_AccountDialog):
    """Login name, name, roles, the first password twice; the person chooses their own at the first login."""

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, "newAccountDialog")
        self.setWindowTitle(self.tr("New account"))
        self.note.setText(self.tr("The person logs in with this login name and the first password, and then "
                                  "chooses a password of their own."))
        self.note.show()
        self.login = QLineEdit(self)
        self.login.setObjectName("newLogin")
        self.name = QLineEdit(self)
        self.name.setObjectName("newName")
        self.roles = RoleBoxes(self)
        self.password = _password_edit(self, "newPassword")
        self.again = _password_edit(self, "newPasswordAgain")
        self.form.addRow(self.tr("Login name"), self.login)
        self.form.addRow(self.tr("Full name"), self.name)
        self.form.addRow(self.tr("Roles"), self.roles)
        self.form.addRow(self.tr("First password"), self.password)
        self.form.addRow(self.tr("First password again"), self.again)
        self.login.setFocus()

    def submit(self) -> None:
        from qcy_workstation.accounts.service import AccountService

        if self.password.text() != self.again.text():
            self.show_message(self.tr("The two passwords differ."))
            self.again.setFocus()
            return
        store, actor = self.ctx.store, self.ctx.principal
        login, name, roles, password = self.login.text(), self.name.text(), self.roles.roles(), self.password.text()
        self.run(lambda: AccountService(store).create(actor, login, name, roles, password))


class RolesDialog(_AccountDialog):
    """Change what an account may do."""

    def __init__(self, ctx: Any, account: Any, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, "rolesDialog")
        self.account = account
        self.setWindowTitle(self.tr("Roles of %1").replace("%1", account.display_name))
        self.roles = RoleBoxes(self, account.roles)
        self.form.addRow(self.tr("Roles"), self.roles)

    def submit(self) -> None:
        from qcy_workstation.accounts.service import AccountService

        store, actor, login, roles = self.ctx.store, self.ctx.principal, self.account.login, self.roles.roles()
        self.run(lambda: AccountService(store).set_roles(actor, login, roles))


class ResetPasswordDialog(_AccountDialog):
    """A new first password for someone who forgot theirs: they choose their own at the next login."""

    def __init__(self, ctx: Any, account: Any, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, "resetPasswordDialog")
        self.account = account
        self.setWindowTitle(self.tr("New password for %1").replace("%1", account.display_name))
        self.note.setText(self.tr("%1 logs in with this password and then chooses a new one.")
                          .replace("%1", account.display_name))
        self.note.show()
        self.password = _password_edit(self, "resetPassword")
        self.again = _password_edit(self, "resetPasswordAgain")
        self.form.addRow(self.tr("New password"), self.password)
        self.form.addRow(self.tr("New password again"), self.again)
        self.password.setFocus()

    def submit(self) -> None:
        from qcy_workstation.accounts.service import AccountService

        if self.password.text() != self.again.text():
            self.show_message(self.tr("The two passwords differ."))
            self.again.setFocus()
            return
        store, actor, login, password = self.ctx.store, self.ctx.principal, self.account.login, self.password.text()
        self.run(lambda: AccountService(store).reset_password(actor, login, password) or login)
