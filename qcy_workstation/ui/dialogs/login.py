"""Logging in, unlocking an idle desk, changing one's password and creating the first administrator.

The dialogs read what the member of staff types and hand it to ``AccountService`` through the background
runner (a failed login may wait several seconds by design); the refusal is shown in the dialog in plain
words (``ui/errors.py``), and the dialog stays open. No rule lives here: lengths, delays and roles are the
service's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qcy_workstation.ui import errors


def _password_edit(parent: QWidget, name: str) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class _AccountDialog(QDialog):
    """A form with a message line and OK/Cancel; ``run`` does the service call in the background."""

    done_with = Signal(object)  # the result (a Principal) once the service accepted the input

    def __init__(self, ctx: Any, parent: QWidget | None, name: str) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName(name)
        self.setModal(True)
        self.setMinimumWidth(420)
        self.form = QFormLayout()
        self.message = QLabel(self)
        self.message.setObjectName("accountMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #a4161a;")
        self.message.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.result_value: Any = None

    def submit(self) -> None:  # overridden
        raise NotImplementedError

    def run(self, work: Callable[[], Any]) -> None:
        self.buttons.setEnabled(False)
        self.message.hide()

        def ok(result: Any) -> None:
            self.buttons.setEnabled(True)
            self.result_value = result
            self.done_with.emit(result)
            self.accept()

        def refused(exc: BaseException) -> None:
            self.buttons.setEnabled(True)
            self.show_message(errors.plain_message(exc))

        self.ctx.runner.submit(work, on_success=ok, on_error=refused, name=self.objectName())

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()


class LoginDialog(_AccountDialog):
    """Log in to a store with accounts (also: unlock a desk left idle, with the login name fixed)."""

    def __init__(self, ctx: Any, parent: QWidget | None = None, *, lock_for: Any = None,
                 demo_logins: list[str] | None = None) -> None:
        super().__init__(ctx, parent, "loginDialog")
        self.login = QLineEdit(self)
        self.login.setObjectName("loginName")
        self.password = _password_edit(self, "loginPassword")
        self.form.addRow(self.tr("Login name"), self.login)
        self.form.addRow(self.tr("Password"), self.password)
        self.lock_for = lock_for
        if lock_for is not None:
            self.setWindowTitle(self.tr("Desk locked"))
            self.login.setText(lock_for.login)
            self.login.setReadOnly(True)
            self.note.setText(self.tr("The desk was locked after a time without use. %1, enter your password to "
                                      "go on; nothing you typed was lost.").replace("%1", lock_for.name))
            self.note.show()
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Quit"))
            self.password.setFocus()
        else:
            self.setWindowTitle(self.tr("Log in to QCY Workstation"))
            if demo_logins:
                self.note.setText(self.tr("Demo store: log in as %1 with the demo password written in the README "
                                          "(qcy-demo-2026 unless it was changed).").replace("%1", ", ".join(demo_logins)))
                self.note.show()
            self.login.setFocus()

    def submit(self) -> None:
        from qcy_workstation.accounts.service import AccountService

        store, login, password = self.ctx.store, self.login.text(), self.password.text()
        expected = self.lock_for.account_id if self.lock_for is not None else None

        def work() -> Any:
            principal = AccountService(store).authenticate(login, password)
            if expected is not None and principal.account_id != expected:  # unlock: the same account only
                from qcy_workstation.errors import PermissionDeniedError

                raise PermissionDeniedError("another account", field="login", reason="auth.failed")
            # On a secured server store the desk works as the account's own database role from now on.
            own = AccountService(store).desk_store(principal, password)
            return principal, AccountService(own).must_change_password(principal), own

        self.password.clear()
        self.run(work)


class ChangePasswordDialog(_AccountDialog):
    """The account's own password: the old one again, the new one twice (first login, or at will)."""

    def __init__(self, ctx: Any, parent: QWidget | None = None, *, first_login: bool = False) -> None:
        super().__init__(ctx, parent, "changePasswordDialog")
        self.setWindowTitle(self.tr("Change your password"))
        self.old = _password_edit(self, "oldPassword")
        self.new = _password_edit(self, "newPassword")
        self.again = _password_edit(self, "repeatPassword")
        self.form.addRow(self.tr("Current password"), self.old)
        self.form.addRow(self.tr("New password"), self.new)
        self.form.addRow(self.tr("New password again"), self.again)
        if first_login:
            self.note.setText(self.tr("This is your first login (or the administrator set your password): choose "
                                      "a password of your own."))
            self.note.show()

    def submit(self) -> None:
        from qcy_workstation.accounts.service import AccountService

        if self.new.text() != self.again.text():
            self.show_message(self.tr("The two new passwords differ."))
            self.again.setFocus()
            return
        store, principal = self.ctx.store, self.ctx.principal
        old, new = self.old.text(), self.new.text()
        self.run(lambda: AccountService(store).change_password(principal, old, new) or principal)


class CreateAdminDialog(_AccountDialog):
    """First start of a new store: its administrator (who also heads the workstation until others exist)."""

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, "createAdminDialog")
        self.setWindowTitle(self.tr("Set up the workstation"))
        self.note.setText(self.tr("This store has no accounts yet. Create the administrator's account: the "
                                  "administrator then creates an account for each member of staff (Accounts page). "
                                  "Every record says which account wrote it."))
        self.note.show()
        self.login = QLineEdit(self)
        self.login.setObjectName("adminLogin")
        self.name = QLineEdit(self)
        self.name.setObjectName("adminName")
        self.name.setText(ctx.staff)
        self.password = _password_edit(self, "adminPassword")
        self.again = _password_edit(self, "adminPasswordAgain")
        self.form.addRow(self.tr("Login name"), self.login)
        self.form.addRow(self.tr("Your name"), self.name)
        self.form.addRow(self.tr("Password"), self.password)
        self.form.addRow(self.tr("Password again"), self.again)
        self.login.setFocus()

    def submit(self) -> None:
        from qcy_workstation.accounts.service import AccountService

        if self.password.text() != self.again.text():
            self.show_message(self.tr("The two passwords differ."))
            self.again.setFocus()
            return
        store, login, name, password = self.ctx.store, self.login.text(), self.name.text(), self.password.text()
        self.run(lambda: (AccountService(store).create_administrator(login, name, password), False))


class RecoveryKeyDialog(QDialog):
    """The store's recovery key, shown once when the data key of confidential evidence is made: only its
    wrapping is stored, so without it an administrator who forgets the password cannot open sealed files.
    OK waits until staff confirm they have written it down."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryKeyDialog")
        self.setWindowTitle(self.tr("Recovery key"))
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("Confidential evidence in this store is encrypted. Write this recovery key down "
                              "and keep it locked away from the computer: it is shown only now, and it is the "
                              "only way back in if every administrator forgets the password "
                              "(qcy-workstation accounts recover)."), self)
        note.setWordWrap(True)
        layout.addWidget(note)
        self.key = QLineEdit(key, self)
        self.key.setObjectName("recoveryKey")
        self.key.setReadOnly(True)
        self.key.setMinimumWidth(self.key.fontMetrics().horizontalAdvance(key) + 24)
        layout.addWidget(self.key)
        self.copy = QPushButton(self.tr("Copy"), self)
        self.copy.setObjectName("recoveryKeyCopy")
        self.copy.clicked.connect(lambda: QApplication.clipboard().setText(key))
        layout.addWidget(self.copy)
        self.written = QCheckBox(self.tr("I have written the recovery key down"), self)
        self.written.setObjectName("recoveryKeyWritten")
        layout.addWidget(self.written)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(False)
        self.written.toggled.connect(self.ok.setEnabled)
        self.buttons.accepted.connect(self.accept)
        layout.addWidget(self.buttons)

    def reject(self) -> None:  # Esc does not lose the key unseen: OK after the confirmation only
        if self.written.isChecked():
            super().reject()


def show_recovery_key(principal: Any, parent: QWidget | None, then: Callable[[], None]) -> None:
    """Show the recovery key made with this login (first administrator, or the first login that set up
    encryption on an older store), then go on; without one, go on at once."""
    keys = getattr(principal, "keys", None)
    key = keys.take_recovery_key() if keys is not None else None
    if not key:
        then()
        return
    dialog = RecoveryKeyDialog(key, parent)
    dialog.finished.connect(lambda _code: then())
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.open()


def ask_login(ctx: Any, parent: QWidget | None, on_done: Callable[[], None], on_cancel: Callable[[], None], *,
              lock_for: Any = None, demo_logins: list[str] | None = None) -> LoginDialog:
    """Open the login (or unlock) dialog; on success the account acts (``ctx.sign_in``), a first login
    changes the password first, then ``on_done``; Cancel/Quit calls ``on_cancel``."""
    dialog = LoginDialog(ctx, parent, lock_for=lock_for, demo_logins=demo_logins)

    def logged_in(result: Any) -> None:
        principal, must_change, own = result
        if own is not ctx.store:  # the gate's connection (server_roles.py) gives way to the account's own
            gate, ctx.store = ctx.store, own
            gate.close()
        ctx.sign_in(principal)

        def go_on() -> None:
            if must_change:
                change = ChangePasswordDialog(ctx, parent, first_login=True)
                change.accepted.connect(on_done)
                change.rejected.connect(on_cancel)
                change.open()
            else:
                on_done()

        show_recovery_key(principal, parent, go_on)

    dialog.done_with.connect(logged_in)
    dialog.rejected.connect(on_cancel)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.open()
    return dialog


def ask_first_admin(ctx: Any, parent: QWidget | None, on_done: Callable[[], None],
                    on_cancel: Callable[[], None]) -> CreateAdminDialog:
    dialog = CreateAdminDialog(ctx, parent)

    def created(result: Any) -> None:
        ctx.sign_in(result[0])
        show_recovery_key(result[0], parent, on_done)

    dialog.done_with.connect(created)
    dialog.rejected.connect(on_cancel)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.open()
    return dialog
