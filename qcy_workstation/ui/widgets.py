"""Small widgets shared by the pages: validated fields, empty states, plain-words error dialogs."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStackedLayout,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from qcy_workstation.db.base import china_today
from qcy_workstation.ui.errors import explain


def record_table(model: Any, parent: QWidget, name: str, *, widths: tuple[int, ...] = (),
                 sorting: bool = False) -> QTableView:
    """A read-only table of records (one row selected at a time, columns the user can widen, the last one
    stretched, no wrapping): the shape every list of a page's records takes."""
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setSortingEnabled(sorting)
    view.setWordWrap(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    for col, width in enumerate(widths):
        view.horizontalHeader().resizeSection(col, width)
    return view


def today() -> QDate:
    """Today in China, the day the services count from (``db.base.china_today``), not the PC's own calendar:
    on a PC whose clock is set to another zone (UTC between 16:00 and 24:00) the field would otherwise
    offer yesterday, which the services then refuse as before the case was received."""
    day = china_today()
    return QDate(day.year, day.month, day.day)


def date_edit(parent: QWidget, name: str) -> QDateEdit:
    """A date field with a calendar popup, today in China by default, shown as 2026-12-03 in both languages."""
    edit = QDateEdit(today(), parent)
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def picked_day(edit: QDateEdit) -> date:
    """The day a date field shows, as the services take it."""
    d = edit.date()
    return date(d.year(), d.month(), d.day())


ERROR_STYLE = "QLineEdit { border: 1px solid #c62828; background: #fff5f5; }"


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """A modal dialog that says what went wrong in plain words (never a traceback)."""
    title, message = explain(exc)
    box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorDialog")
    box.open()


def status_html(text: str, *, error: bool = False) -> str:
    """A page's status line: the text escaped, in red when it reports an error."""
    escaped = html.escape(text or "")
    return f"<span style='color:#c62828'>{escaped}</span>" if error else escaped


def report_failure(parent: QWidget, exc: BaseException, set_status: Callable[..., None]) -> None:
    """A failed background run: a known error (bad input, a missing record) in the status line, since staff
    can fix it there; anything else in the plain-words dialog."""
    from qcy_workstation.errors import QcyError

    if isinstance(exc, QcyError):
        _title, message = explain(exc)
        set_status(message, error=True)
    else:
        show_error(parent, exc)


class ValidatedLineEdit(QWidget):
    """A line edit with a message under it that updates as the user types.

    ``check(text) -> str`` returns "" when the text is fine, else what is wrong (translated).

    Signals:
        textChanged(str): the text changed (after the check ran).
    """

    textChanged = Signal(str)  # noqa: N815 - mirrors QLineEdit

    def __init__(self, check: Callable[[str], str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = check
        self.edit = QLineEdit(self)
        self.message = QLabel(self)
        self.message.setObjectName("fieldError")
        self.message.setStyleSheet("color: #c62828;")
        self.message.setWordWrap(True)
        self.message.hide()
        self._problem = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.message)
        self.setFocusProxy(self.edit)
        # Never taller than the edit and its message: a form must not stretch it.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.edit.textChanged.connect(self._on_text_changed)

    def _on_text_changed(self, text: str) -> None:
        self.revalidate()
        self.textChanged.emit(text)

    def revalidate(self) -> bool:
        problem = self.check(self.edit.text()) if self.check else ""
        self.set_problem(problem)
        return not problem

    def set_problem(self, problem: str) -> None:
        self._problem = problem
        self.message.setText(problem)
        self.message.setVisible(bool(problem))
        self.edit.setStyleSheet(ERROR_STYLE if problem else "")

    @property
    def problem(self) -> str:
        """What is wrong with the text now ("" when fine), whether or not the page is on screen."""
        return self._problem

    def text(self) -> str:
        return self.edit.text().strip()

    def setText(self, text: str) -> None:  # noqa: N802
        self.edit.setText(text)

    def setPlaceholderText(self, text: str) -> None:  # noqa: N802
        self.edit.setPlaceholderText(text)

    def clear(self) -> None:
        self.edit.clear()
        self.set_problem("")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and self.problem:
            self.revalidate()  # the message is in the old language
        super().changeEvent(event)


class EmptyState(QWidget):
    """Shows ``content`` or, when there is nothing to show, a message that says what to do next."""

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content = content
        self.label = QLabel(self)
        self.label.setObjectName("emptyState")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.label.setStyleSheet("color: #5f6b7a; font-size: 15px; padding: 24px;")
        self.stack = QStackedLayout(self)
        self.stack.addWidget(content)
        self.stack.addWidget(self.label)

    def set_empty(self, empty: bool, message: str = "") -> None:
        if message:
            self.label.setText(message)
        self.stack.setCurrentWidget(self.label if empty else self.content)

    @property
    def is_empty(self) -> bool:
        return self.stack.currentWidget() is self.label


class Debouncer:
    """Calls ``fn`` once, ``ms`` after the last ``poke()``: search as you type without a query per key."""

    def __init__(self, ms: int, fn: Callable[[], None], parent: QWidget) -> None:
        self.timer = QTimer(parent)
        self.timer.setSingleShot(True)
        self.timer.setInterval(ms)
        self.timer.timeout.connect(fn)

    def poke(self) -> None:
        self.timer.start()

    def flush(self) -> None:
        if self.timer.isActive():
            self.timer.stop()
            self.timer.timeout.emit()


class ReasonDialog(QDialog):
    """Asks why (declining a case, reopening it). OK stays disabled until a reason is typed."""

    def __init__(self, title: str, prompt: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reasonDialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self.prompt = QLabel(prompt, self)
        self.prompt.setWordWrap(True)
        self.edit = QPlainTextEdit(self)
        self.edit.setTabChangesFocus(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.edit.textChanged.connect(lambda: self.ok.setEnabled(bool(self.reason)))
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.edit)
        layout.addWidget(self.buttons)

    @property
    def reason(self) -> str:
        return self.edit.toPlainText().strip()


class ResultTab(QWidget):
    """A tab that runs one check in the background and shows its result (the pre-check and register tabs).

    ``page`` gives ``ctx`` (its runner), ``set_status(text, error=...)`` and ``failed(exc)``. Subclasses
    define ``run()``; ``result`` holds the result shown (None before the first run).

    Signals:
        finished(): a result is shown (tests and screenshots wait on it).
    """

    finished = Signal()

    def __init__(self, page: Any) -> None:
        super().__init__(page)
        self.page = page
        self.result: Any = None

    def run(self) -> None:
        raise NotImplementedError

    def run_line_edit(self, name: str) -> QLineEdit:
        """A named input that runs the check on Return."""
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.returnPressed.connect(self.run)
        return edit

    def make_run_button(self, name: str) -> QPushButton:
        """The named button that runs the check."""
        button = QPushButton(self)
        button.setObjectName(name)
        button.clicked.connect(self.run)
        return button

    def result_shown(self) -> None:
        """Called after a new result is shown; pages that act on it (enable Save) override this."""

    def submit(self, work: Callable[[], Any], show: Callable[[Any], None], *, name: str, status: str = "") -> None:
        """Run ``work`` on the page's runner; on success show its result, set ``status`` and emit finished;
        on failure the page reports it."""

        def done(res: Any) -> None:
            show(res)
            self.result_shown()
            self.page.set_status(status)
            self.finished.emit()

        self.page.ctx.runner.submit(work, on_success=done, on_error=self.page.failed, name=name)


def ok_cancel_buttons(dialog: QDialog, accept: Callable[[], None]) -> QDialogButtonBox:
    """OK/Cancel for an edit dialog: OK and Ctrl+Return run ``accept`` (which validates, then accepts)."""
    from PySide6.QtGui import QKeySequence, QShortcut

    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.accepted.connect(accept)
    buttons.rejected.connect(dialog.reject)
    QShortcut(QKeySequence("Ctrl+Return"), dialog, accept).setProperty(
        SHORTCUT_DESCRIPTION, QT_TRANSLATE_NOOP("Shortcuts", "OK in an edit dialog"))
    return buttons


SHORTCUT_DESCRIPTION = "qcyDescription"  # property: the untranslated description (context "Shortcuts")


def described_shortcut(sequence: str, parent: QWidget, slot: Callable[[], object], description: str) -> Any:
    """A keyboard shortcut that says what it does: F1 lists every one of them from these descriptions.

    ``description`` is source text marked with ``QT_TRANSLATE_NOOP("Shortcuts", ...)``."""
    from PySide6.QtGui import QKeySequence, QShortcut

    sc = QShortcut(QKeySequence(sequence), parent, slot)
    sc.setProperty(SHORTCUT_DESCRIPTION, description)
    return sc


def human_size(n: int) -> str:
    """A file size for people: 512 B, 1.5 KB, 3.2 MB."""
    size = float(n)
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{n} B"
