"""Composition root of the desktop client: QApplication, font, language, store, main window.

``run_app(args, db_url)`` is what ``qcy-workstation`` runs without a sub-command. ``args`` carries
``screenshot``, ``page``, ``lang`` and ``staff`` (any may be missing or None).
"""

from __future__ import annotations

import getpass
import logging
import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

import platformdirs
from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget

from qcy_workstation.errors import QcyError, StoreError
from qcy_workstation.resources import FONT_FAMILY, font_path, resource_path
from qcy_workstation.ui.context import AppContext, Prefs
from qcy_workstation.ui.errors import explain
from qcy_workstation.ui.i18n import install_language
from qcy_workstation.ui.idle_lock import install_idle_lock

log = logging.getLogger(__name__)
APP_NAME = "QCYWorkstation"
DEMO_CASES = 300


def register_font(app: QGuiApplication) -> str:
    """Register the shipped font (WenQuanYi Micro Hei: Chinese, Latin, digits and punctuation in one face)
    and make it the application font, so the client looks the same on every desk and Chinese never
    shows as boxes on a machine without CJK fonts. The platform font stays behind it as a fallback.
    """
    font_id = QFontDatabase.addApplicationFont(str(font_path()))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    family = families[0] if families else FONT_FAMILY
    if font_id < 0:
        log.warning("could not load the shipped font %s", font_path())
    base = app.font()
    fallback = [f for f in base.families() if f and f != family] or [base.family()]
    font = QFont(base)
    font.setFamilies([family, *fallback])
    app.setFont(font)
    return family


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName("QCY Workstation")
    app.setWindowIcon(QIcon(str(resource_path("icons", "qcy.svg"))))
    register_font(app)
    return app  # type: ignore[return-value]


def default_staff(args: Any, prefs: Prefs) -> str:
    name = getattr(args, "staff", None) or prefs.staff or os.environ.get("QCY_STAFF")
    if name:
        return str(name)
    try:
        return getpass.getuser()
    except Exception:  # getuser raises various errors when no login name is known
        return "staff"


# ---------------------------------------------------------------------- crash dialog


def crash_log_path() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)) / "crash.log"


def install_excepthook(parent_getter: Any = None) -> None:
    """Unexpected errors are logged to a file and shown in plain words (qutebrowser's habit)."""
    showing = [False]

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        path = crash_log_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("a", encoding="utf-8") as fh:
                fh.write(text + "\n")
        except OSError:
            pass
        sys.stderr.write(text)
        if showing[0] or QApplication.instance() is None:
            return
        showing[0] = True
        try:
            box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("Crash", "Something went wrong"),
                              QCoreApplication.translate("Crash", "The workstation met an unexpected problem and the last action may not "
                                          "have finished. What was saved before is safe in the store.\n\n"
                                          "Details were written to %1; please pass them on to whoever looks after "
                                          "this program.").replace("%1", str(path)),
                              QMessageBox.StandardButton.Ok, parent_getter() if parent_getter else None)
            box.setDetailedText(text)
            box.exec()
        finally:
            showing[0] = False

    sys.excepthook = hook


# ---------------------------------------------------------------------- first run: demo data


def demo_store_path() -> Path:
    """The demo store: a file of its own in the user data folder, never the store the desk really uses."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "demo" / "qcy-demo.sqlite"


def launch_demo(staff: str) -> Any:
    """Open the demo store in a window (process) of its own, so the real one stays as it is."""
    import subprocess

    command = [sys.executable] if getattr(sys, "frozen", False) else [sys.executable, "-m", "qcy_workstation"]
    return subprocess.Popen([*command, "--demo", "--staff", staff])  # noqa: S603 - our own program


def offer_demo(ctx: AppContext, parent: QWidget, launch: Callable[[str], Any] | None = None) -> None:
    """On an empty store, offer to try the workstation on a separate demo store (its own window).

    Demo data never goes into the store that is open: "No" is the default button (Enter never loads
    invented cases), and "Yes" opens the demo store, marked 演示, beside this window."""

    def check(count: int) -> None:
        if count or ctx.prefs.get("desk/demo_declined") == "1":
            return
        answer = QMessageBox.question(
            parent, QCoreApplication.translate("Demo", "Empty case store"),
            QCoreApplication.translate("Demo", "This case store is empty. Open a separate demo store (%1 invented "
                                               "cases with consultations) in a second window to try the "
                                               "workstation?\n\nThe demo store is a file of its own, marked "
                                               "“演示”; this store stays empty.").replace("%1", str(DEMO_CASES)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            ctx.prefs.set("desk/demo_declined", "1")
            return
        (launch or launch_demo)(ctx.staff)

    ctx.runner.submit(lambda: ctx.cases().count() + ctx.consultations().count(), on_success=check,
                      name="count_for_demo")


def fill_demo_store(ctx: AppContext, window: Any) -> None:
    """The demo store's window: marked 演示, filled with invented cases the first time it opens."""
    window.set_demo(True)
    ctx.runner.submit(lambda: ctx.cases().count(), name="count_demo",
                      on_success=lambda count: None if count else load_demo(ctx, window, cases=DEMO_CASES))


def load_demo(ctx: AppContext, parent: QWidget | None, cases: int = DEMO_CASES) -> None:
    from qcy_workstation.cases.demo import seed_demo

    dialog = QProgressDialog(QCoreApplication.translate("Demo", "Loading demo data…"), QCoreApplication.translate("Demo", "Cancel"), 0, 100, parent)
    dialog.setWindowTitle(QCoreApplication.translate("Demo", "Demo data"))
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    store = ctx.store

    def work(task: Any) -> Any:
        return seed_demo(store, cases=cases, seed=2026, staff=ctx.staff, progress=task.report)

    def progress(done: int, total: int) -> None:
        dialog.setValue(int(100 * done / max(total, 1)))

    def finished(_result: Any) -> None:
        dialog.close()
        ctx.cases_changed.emit("")
        ctx.consultations_changed.emit()

    def failed(exc: BaseException) -> None:
        dialog.close()
        title, message = explain(exc)
        QMessageBox.warning(parent, title, message)

    task = ctx.runner.submit(work, progress=True, on_progress=progress, on_success=finished, on_error=failed,
                             name="seed_demo")
    dialog.canceled.connect(task.cancel)
    dialog.show()


# ---------------------------------------------------------------------- screenshots


def take_screenshot(window: Any, path: str, page: str | None) -> Path:
    """Render the main window (1400x880) with ``page`` shown, once its data has loaded, to a PNG.

    ``page`` is a page key, optionally with an argument and a tab: ``case:QCY-2026-00042:timeline``.
    """
    window.resize(1400, 880)
    window.show()
    key, _, rest = (page or "cases").partition(":")
    arg, _, tab = rest.partition(":")  # "case:QCY-2026-00042:timeline", "case::evidence"
    if key == "case" and not arg:
        rows = window.ctx.cases().list(limit=1, sort="received_on", descending=True)
        arg = rows[0].number if rows else ""
    widget = window.go(key, arg or None)
    for _ in range(3):  # a page may start a second load when the first arrives
        window.ctx.runner.wait_idle(20000)
        QApplication.processEvents()
    tabs = getattr(widget, "TAB_KEYS", ())
    if tab and tab in tabs:
        widget.tabs.setCurrentIndex(tabs.index(tab))
        QApplication.processEvents()
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(out)):
        raise OSError(f"could not write {out}")
    return out


# ---------------------------------------------------------------------- entry point


class Startup(QObject):
    """Opens the store and imports the pages in the background while the window is already painted.

    Opening can take a while (a migration, a network store) and importing the pages loads SQLAlchemy:
    neither should keep the window from appearing or freeze it.

    Signals:
        ready(): the store is open and the pages are in the sidebar.
        failed(object): the store could not be opened (a StoreError, shown by the caller).
    """

    ready = Signal()
    failed = Signal(object)
    cancelled = Signal()  # the login was cancelled: the application ends

    def __init__(self, window: Any, ctx: AppContext, db_url: str | None, page: str | None) -> None:
        super().__init__(window)
        self.window, self.ctx, self.db_url, self.page = window, ctx, db_url, page

    def start(self) -> None:
        db_url = self.db_url

        def work() -> Any:
            from qcy_workstation.accounts.service import AccountService
            from qcy_workstation.db.store import open_store
            from qcy_workstation.ui.main_window import load_pages

            load_pages()
            store = open_store(db_url)
            accounts = AccountService(store)
            self.has_accounts = accounts.has_accounts()
            return store, (accounts.demo_logins() if self.has_accounts else [])

        self.has_accounts = False
        self.ctx.runner.submit(work, on_success=self._opened, on_error=self.failed.emit, name="open_store")

    def _opened(self, result: Any) -> None:
        store, demo_logins = result
        self.ctx.store = store
        if self.has_accounts and self.ctx.principal is None:  # nothing shows before the account is known
            from qcy_workstation.ui.dialogs.login import ask_login

            ask_login(self.ctx, self.window, self._install, self.cancelled.emit, demo_logins=demo_logins)
            return
        self._install()

    def _install(self) -> None:
        from qcy_workstation.ui.main_window import PAGES

        self.window.install_pages()
        key = self.page if self.page in PAGES else "cases"
        self.window.go(key)
        self.ready.emit()


def start_gui(args: Any, db_url: str | None, prefs: Prefs | None = None) -> tuple[QApplication, Any, AppContext,
                                                                                  Startup]:
    """Everything up to the painted window; the store opens in the background (``Startup``)."""
    from qcy_workstation.ui.main_window import MainWindow

    app = create_application()
    prefs = prefs or Prefs.at(os.environ.get("QCY_UI_SETTINGS"))
    lang = install_language(getattr(args, "lang", None) or prefs.language)
    prefs.language = lang
    ctx = AppContext(None, staff=default_staff(args, prefs), prefs=prefs)
    window = MainWindow(ctx)
    window.restore_geometry()
    window.show()
    startup = Startup(window, ctx, db_url, getattr(args, "page", None) or prefs.get("ui/last_page", "cases"))
    startup.start()
    return app, window, ctx, startup


def _screenshot_account(ctx: AppContext, store: Any) -> None:
    """A screenshot of a store with accounts shows what the logged-in account sees: the CLI's session
    (``qcy-workstation login``) or ``$QCY_TOKEN``; without one, a coded refusal."""
    from qcy_workstation.accounts import sessions
    from qcy_workstation.accounts.service import AccountService
    from qcy_workstation.errors import PermissionDeniedError

    accounts = AccountService(store)
    if not accounts.has_accounts():
        return
    token = sessions.token_for(store.url)
    if not token:
        raise PermissionDeniedError("log in first (qcy-workstation login)", field="account",
                                    reason="auth.login_required")
    ctx.sign_in(accounts.resolve_token(token))


def _run_screenshot(args: Any, db_url: str | None) -> int:
    from qcy_workstation.db.store import open_store
    from qcy_workstation.ui.main_window import MainWindow, load_pages

    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    create_application()
    # Never touch the desk's own window geometry or last page.
    prefs = Prefs.at(str(Path(tempfile.mkdtemp(prefix="qcy-shot-")) / "prefs.ini"))
    prefs.language = install_language(getattr(args, "lang", None) or "zh_CN")
    try:
        store = open_store(db_url)
    except StoreError as exc:
        title, message = explain(exc)
        print(f"{title}: {message}", file=sys.stderr)
        return 1
    ctx = AppContext(store, staff=default_staff(args, prefs), prefs=prefs)
    try:
        _screenshot_account(ctx, store)
    except QcyError as exc:
        title, message = explain(exc)
        print(f"{title}: {message}", file=sys.stderr)
        store.close()
        return 1
    load_pages()
    window = MainWindow(ctx)
    try:
        print(take_screenshot(window, args.screenshot, getattr(args, "page", None)))
        window.close()
        return 0
    finally:
        ctx.runner.shutdown()
        store.close()


def _report_start(app: QApplication, window: Any, startup: Startup) -> None:
    """For benchmarks/bench_ui.py: print when the window first paints and when the first cases show, then
    quit (set QCY_BENCH_START=1)."""
    from PySide6.QtCore import QEvent

    class FirstPaint(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                print("PAINTED", flush=True)
                window.removeEventFilter(self)
            return False

    watcher = FirstPaint(window)
    window.installEventFilter(watcher)

    def ready() -> None:
        page = window.pages.get("cases")
        if page is None:
            app.quit()
            return

        def rows() -> None:
            page.table.viewport().repaint()
            print(f"ROWS {page.model.rowCount()}", flush=True)
            app.quit()

        page.model.loaded.connect(rows)

    startup.ready.connect(ready)


def run_app(args: Any, db_url: str | None = None) -> int:
    """Start the desktop client on the store at ``db_url``; returns the exit code."""
    if getattr(args, "screenshot", None):
        return _run_screenshot(args, db_url)
    demo = bool(getattr(args, "demo", False))
    if demo:
        demo_store_path().parent.mkdir(parents=True, exist_ok=True)
        db_url = str(demo_store_path())
    app, window, ctx, startup = start_gui(args, db_url)
    install_excepthook(lambda: window)

    def failed(exc: BaseException) -> None:
        title, message = explain(exc)
        QMessageBox.critical(window, title, message)
        app.exit(1)

    startup.failed.connect(failed)
    startup.cancelled.connect(lambda: app.exit(0))
    if os.environ.get("QCY_BENCH_START"):
        _report_start(app, window, startup)
    elif demo:
        startup.ready.connect(lambda: fill_demo_store(ctx, window))
    else:
        def first_run() -> None:
            if startup.has_accounts:
                install_idle_lock(ctx, window, app)
                return
            from qcy_workstation.ui.dialogs.login import ask_first_admin

            # a store without accounts: its first start creates the administrator (issue 14 item 1)
            ask_first_admin(ctx, window, lambda: (install_idle_lock(ctx, window, app), offer_demo(ctx, window)),
                            lambda: app.exit(0))

        startup.ready.connect(first_run)
    try:
        return int(app.exec())
    finally:
        window.close()  # saves the geometry; no-op when the user closed it
        window.deleteLater()
        ctx.runner.shutdown()
        if ctx.store is not None:
            ctx.store.close()
