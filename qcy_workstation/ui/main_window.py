"""The main window: a sidebar of pages, the current page, a status bar.

Pages come from a registry so that a later feature adds its page with one call, in its own module under
``qcy_workstation/ui/pages/`` (every module there is imported at start)::

    register_page("precheck", QT_TRANSLATE_NOOP("Pages", "Pre-check"), PrecheckPage, order=50)

A factory is called as ``factory(ctx, window)`` the first time its page is shown and returns a QWidget.
Optional methods a page may have: ``on_shown()`` (became current: refresh), ``open(arg)`` (show one
thing, e.g. a case number), ``refresh()`` (F5), ``focus_search()`` (Ctrl+F). Pages retranslate
themselves on ``QEvent.LanguageChange`` so nothing typed is lost when the language changes.

A page with a form also has ``form_title()``, ``form_fields()``, ``form_dirty()`` and ``restore_form(values)``
(``ui/drafts.py``): the window then asks before closing over its input, autosaves it as a draft every
``AUTOSAVE_MS`` and offers the drafts back at the next start.
"""

from __future__ import annotations

import html
import importlib
import logging
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QCoreApplication, QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QGuiApplication, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from qcy_workstation.resources import resource_path
from qcy_workstation.ui import drafts
from qcy_workstation.ui.context import AppContext
from qcy_workstation.ui.i18n import LANGUAGES, install_language
from qcy_workstation.ui.other_desks import OtherDesks
from qcy_workstation.ui.widgets import SHORTCUT_DESCRIPTION, show_error


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str  # source text, context "Pages"
    factory: Callable[[AppContext, Any], QWidget]
    order: int = 100
    icon: str = ""  # file name in resources/icons/
    in_sidebar: bool = True
    tooltip: str = ""  # source text, context "Pages"


PAGES: dict[str, PageSpec] = {}
#: The permission (accounts/data/permissions.json) a page needs to be shown; the services check it again.
PAGE_PERMISSIONS = {
    "cases": "case.view", "case": "case.view", "today": "case.view", "intake": "case.create",
    "consultations": "consultation.view", "documents": "document.export", "compensation": "case.view",
    "precheck": "case.view", "warning": "warning.edit", "stats": "stats.view", "accounts": "accounts.manage",
    "audit": "audit.view", "referrals": "referral.view", "enterprises": "enterprise.view",
}
log = logging.getLogger(__name__)
AUTOSAVE_MS = 10_000  # a crash or a power cut loses at most this much typing


def register_page(key: str, title: str, factory: Callable[[AppContext, Any], QWidget], *, order: int = 100,
                  icon: str = "", in_sidebar: bool = True, tooltip: str = "") -> None:
    """Add a page to the main window. ``title`` is wrapped in QT_TRANSLATE_NOOP("Pages", ...)."""
    PAGES[key] = PageSpec(key, title, factory, order, icon, in_sidebar, tooltip)


PAGE_ERRORS: dict[str, str] = {}  # module -> why it could not be loaded (shown in the status bar)


def load_pages() -> None:
    """Import every module of ``qcy_workstation.ui.pages`` (of a sub-package, its ``page`` module): each
    registers its page(s) on import. A sub-package's ``__init__`` imports nothing, so the package can be
    walked without loading Qt.

    A page whose module fails to import is left out (and logged, and named in the status bar): one broken
    feature must not keep the desk from working with the others.
    """
    from qcy_workstation.ui import pages

    for info in pkgutil.iter_modules(pages.__path__):
        name = f"{pages.__name__}.{info.name}"
        if info.ispkg:  # a page split into modules (precheck/, documents/…): its ``page`` module registers it
            name += ".page"
        try:
            importlib.import_module(name)
        except Exception as exc:  # any import-time failure of one feature's page
            log.exception("page module %s could not be loaded", name)
            PAGE_ERRORS[info.name] = f"{type(exc).__name__}: {exc}"


SIDEBAR_STYLE = """
QListWidget#sidebar { background: #1f3a5f; color: #e8eef6; border: none; font-size: 15px; outline: 0; }
QListWidget#sidebar::item { padding: 10px 14px; border-left: 3px solid transparent; }
QListWidget#sidebar::item:selected { background: #2d5286; color: white; border-left: 3px solid #f2b134; }
QListWidget#sidebar::item:hover:!selected { background: #274872; }
QLabel#brand { background: #1f3a5f; color: white; font-size: 16px; font-weight: bold; padding: 16px 14px 12px; }
QLabel#brandSub { background: #1f3a5f; color: #b8c7da; font-size: 12px; padding: 0 14px 12px; }
"""


class MainWindow(QMainWindow):
    """Created by ``app.run_app`` (or a test) once the store is open."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("mainWindow")
        self.setWindowIcon(QIcon(str(resource_path("icons", "qcy.svg"))))
        self.specs: list[PageSpec] = []
        self.pages: dict[str, QWidget] = {}
        self._keys: list[str] = []
        self.demo = False  # the separate demo store (``--demo``): marked in the title and the status bar
        self.ask_before_closing = True  # tests that close windows with typed input switch the question off
        self.drafts = drafts.DraftFile(drafts_path(ctx))
        self.other_desks = OtherDesks(ctx, self)  # other desks' changes on a server store refresh the views
        self._build()
        self.retranslate()
        ctx.runner.default_error_handler = lambda exc: show_error(self, exc)
        ctx.runner.busy_changed.connect(self._on_busy_changed)
        ctx.staff_changed.connect(lambda _name: self._update_status())
        if ctx.store is not None and PAGES:
            self.install_pages()
        self.autosave = QTimer(self)
        self.autosave.setInterval(AUTOSAVE_MS)
        self.autosave.timeout.connect(self.save_drafts)
        self.autosave.start()

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        side = QWidget(central)
        side.setFixedWidth(200)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.setSpacing(0)
        self.brand = QLabel(side)
        self.brand.setObjectName("brand")
        self.brand.setWordWrap(True)
        self.brand_sub = QLabel(side)
        self.brand_sub.setObjectName("brandSub")
        self.brand_sub.setWordWrap(True)
        self.sidebar = QListWidget(side)
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setIconSize(QSize(20, 20))
        side.setStyleSheet(SIDEBAR_STYLE)
        side_layout.addWidget(self.brand)
        side_layout.addWidget(self.brand_sub)
        side_layout.addWidget(self.sidebar, 1)
        self.stack = QStackedWidget(central)
        main = QWidget(central)
        main_layout = QVBoxLayout(main)
        main_layout.setContentsMargins(0, 0, 0, 0)
        main_layout.setSpacing(0)
        self.drafts_bar = QFrame(main)
        self.drafts_bar.setObjectName("draftsBar")
        self.drafts_bar.setStyleSheet("#draftsBar { background: #fff8e1; border-bottom: 1px solid #f0c36d; }")
        bar_layout = QHBoxLayout(self.drafts_bar)
        bar_layout.setContentsMargins(12, 6, 12, 6)
        self.drafts_label = QLabel(self.drafts_bar)
        self.drafts_label.setWordWrap(True)
        self.drafts_restore = QPushButton(self.drafts_bar)
        self.drafts_restore.setObjectName("draftsRestore")
        self.drafts_restore.clicked.connect(self.restore_drafts)
        self.drafts_discard = QPushButton(self.drafts_bar)
        self.drafts_discard.setObjectName("draftsDiscard")
        self.drafts_discard.clicked.connect(self.discard_drafts)
        bar_layout.addWidget(self.drafts_label, 1)
        bar_layout.addWidget(self.drafts_restore)
        bar_layout.addWidget(self.drafts_discard)
        self.drafts_bar.hide()
        main_layout.addWidget(self.drafts_bar)
        main_layout.addWidget(self.stack, 1)
        layout.addWidget(side)
        layout.addWidget(main, 1)
        self.setCentralWidget(central)

        # Until the store is open and the pages are loaded (in the background) the window says so.
        self.starting = QLabel(self.stack)
        self.starting.setObjectName("startingLabel")
        self.starting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.starting.setStyleSheet("color: #5f6b7a; font-size: 16px;")
        self.stack.addWidget(self.starting)
        self.sidebar.currentRowChanged.connect(self._on_sidebar_row)

        self.status_staff = QLabel(self)
        self.status_store = QLabel(self)
        self.status_busy = QLabel(self)
        self.status_demo = QLabel(self)
        self.status_demo.setObjectName("demoMark")
        self.status_demo.setStyleSheet("background: #e65100; color: white; padding: 1px 8px; font-weight: bold;")
        self.status_demo.hide()
        self.statusBar().addWidget(self.status_demo)
        self.statusBar().addWidget(self.status_staff)
        self.statusBar().addWidget(self.status_store, 1)
        self.statusBar().addPermanentWidget(self.status_busy)

        self._build_menus()

    def install_pages(self) -> None:
        """Fill the sidebar from the registry (called once the store is open and the pages imported)."""
        self.specs = sorted(PAGES.values(), key=lambda s: (s.order, s.key))
        self.sidebar.blockSignals(True)
        self.sidebar.clear()
        self._keys = []
        for spec in self.specs:
            if not spec.in_sidebar or not self.allowed(spec.key):
                continue
            item = QListWidgetItem(self.sidebar)
            if spec.icon:
                item.setIcon(QIcon(str(resource_path("icons", spec.icon))))
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self._keys.append(spec.key)
        self.sidebar.blockSignals(False)
        self._build_shortcuts()
        self.retranslate()
        self.offer_drafts()
        self.other_desks.start()

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.menu_file = bar.addMenu("")
        self.act_new_case = QAction(self, shortcut=QKeySequence("Ctrl+N"))
        self.act_new_case.triggered.connect(lambda: self.go("intake"))
        self.act_new_consult = QAction(self, shortcut=QKeySequence("Ctrl+L"))
        self.act_new_consult.triggered.connect(self._new_consultation)
        self.act_quit = QAction(self, shortcut=QKeySequence("Ctrl+Q"))
        self.act_quit.triggered.connect(self.close)
        self.menu_file.addActions([self.act_new_case, self.act_new_consult])
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_quit)

        self.menu_view = bar.addMenu("")
        self.act_refresh = QAction(self, shortcut=QKeySequence("F5"))
        self.act_refresh.triggered.connect(self.refresh_current)
        self.act_search = QAction(self, shortcut=QKeySequence("Ctrl+F"))
        self.act_search.triggered.connect(self._focus_search)
        self.menu_view.addActions([self.act_refresh, self.act_search])
        self.menu_language = self.menu_view.addMenu("")
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGES.items():
            act = QAction(name, self, checkable=True)
            act.setData(code)
            act.triggered.connect(lambda _checked=False, c=code: self.set_language(c))
            group.addAction(act)
            self.menu_language.addAction(act)
            self.language_actions[code] = act

        self.menu_help = bar.addMenu("")
        self.act_shortcuts = QAction(self, shortcut=QKeySequence("F1"))
        self.act_shortcuts.triggered.connect(self._show_shortcuts)
        self.act_about = QAction(self)
        self.act_about.triggered.connect(self._show_about)
        self.menu_help.addActions([self.act_shortcuts, self.act_about])

    def _build_shortcuts(self) -> None:
        for old in getattr(self, "_page_shortcuts", []):
            old.setParent(None)
        self._page_shortcuts: list[QShortcut] = []
        for i, key in enumerate(self._keys[:9]):
            sc = QShortcut(QKeySequence(f"Ctrl+{i + 1}"), self)
            sc.setProperty(SHORTCUT_DESCRIPTION, QT_TRANSLATE_NOOP("Shortcuts", "Go to the pages in the sidebar"))
            sc.activated.connect(lambda k=key: self.go(k))
            self._page_shortcuts.append(sc)

    def retranslate(self) -> None:
        settings = getattr(self, "_ws_name", None)
        self.setWindowTitle(self.tr("QCY Workstation") + (f" — {settings}" if settings else "")
                            + (" — " + self.tr("DEMO (invented cases)") if self.demo else ""))
        self.status_demo.setText(self.tr("Demo store: every case here is invented"))
        self.brand.setText(self.tr("QCY Workstation"))
        self.brand_sub.setText(self.tr("IP rights-protection assistance"))
        by_key = {s.key: s for s in self.specs}
        for row in range(self.sidebar.count()):
            item = self.sidebar.item(row)
            spec = by_key[item.data(Qt.ItemDataRole.UserRole)]
            item.setText(QCoreApplication.translate("Pages", spec.title))
            shortcut = f"Ctrl+{row + 1}" if row < 9 else ""
            tip = QCoreApplication.translate("Pages", spec.tooltip) if spec.tooltip else QCoreApplication.translate("Pages", spec.title)
            item.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
        self.menu_file.setTitle(self.tr("&Case"))
        self.act_new_case.setText(self.tr("&New case…"))
        self.act_new_case.setToolTip(self.tr("Open the intake form for a new case"))
        self.act_new_consult.setText(self.tr("Log a &consultation"))
        self.act_quit.setText(self.tr("&Quit"))
        self.menu_view.setTitle(self.tr("&View"))
        self.act_refresh.setText(self.tr("&Refresh"))
        self.act_search.setText(self.tr("&Search cases"))
        self.menu_language.setTitle(self.tr("&Language"))
        self.menu_help.setTitle(self.tr("&Help"))
        self.act_shortcuts.setText(self.tr("&Keyboard shortcuts"))
        self.act_about.setText(self.tr("&About"))
        lang = self.ctx.prefs.language
        if lang in self.language_actions:
            self.language_actions[lang].setChecked(True)
        self.starting.setText(self.tr("Opening the case store…"))
        self._update_status()
        self._on_busy_changed(self.ctx.runner.busy)

    def _update_status(self) -> None:
        principal = self.ctx.principal
        if principal is None:
            self.status_staff.setText(self.tr("Staff: %1").replace("%1", self.ctx.staff))
        else:
            from qcy_workstation.accounts.permissions import role_label

            lang = "zh" if self.ctx.prefs.language.startswith("zh") else "en"
            roles = "、".join(role_label(r, lang) for r in sorted(principal.roles))
            text = self.tr("Logged in: %1 (%2)").replace("%1", principal.name).replace("%2", roles)
            self.status_staff.setText(text + (self.tr(" · demo account") if principal.demo else ""))
        store = self.ctx.store
        if PAGE_ERRORS:
            self.status_busy.setToolTip("\n".join(f"{k}: {v}" for k, v in PAGE_ERRORS.items()))
        if store is None:
            self.status_store.setText("")
            return
        self.status_store.setText(self.tr("Store: %1").replace("%1", str(store.path) if store.path else store.url))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ navigation

    def page(self, key: str) -> QWidget:
        """The page for ``key``, built on first use."""
        if key not in self.pages:
            spec = next((s for s in self.specs if s.key == key), None)
            if spec is None:
                raise KeyError(key)
            widget = spec.factory(self.ctx, self)
            widget.setObjectName(f"page_{key}")
            self.pages[key] = widget
            self.stack.addWidget(widget)
        return self.pages[key]

    def allowed(self, key: str) -> bool:
        """Whether the logged-in account may use page ``key`` (every page on a store without accounts)."""
        permission = PAGE_PERMISSIONS.get(key)
        return permission is None or self.ctx.may(permission)

    def go(self, key: str, arg: Any = None) -> QWidget:
        """Show page ``key`` (and ``page.open(arg)`` when given); a page the account may not use gives way to
        the first one it may (the sidebar does not offer it either)."""
        if not self.allowed(key) and self._keys:
            key, arg = self._keys[0], None
        widget = self.page(key)
        self.stack.setCurrentWidget(widget)
        if key in self._keys:
            self.sidebar.blockSignals(True)
            self.sidebar.setCurrentRow(self._keys.index(key))
            self.sidebar.blockSignals(False)
        self.ctx.prefs.set("ui/last_page", key)
        if arg is not None and hasattr(widget, "open"):
            widget.open(arg)
        elif hasattr(widget, "on_shown"):
            widget.on_shown()
        return widget

    @property
    def current_key(self) -> str:
        current = self.stack.currentWidget()
        return next((k for k, w in self.pages.items() if w is current), "")

    def _on_sidebar_row(self, row: int) -> None:
        if 0 <= row < len(self._keys):
            self.go(self._keys[row])

    def refresh_current(self) -> None:
        widget = self.stack.currentWidget()
        if widget is not None and hasattr(widget, "refresh"):
            widget.refresh()

    def _focus_search(self) -> None:
        self.go("cases").focus_search()

    def _new_consultation(self) -> None:
        page = self.go("consultations")
        page.focus_entry()

    def open_case(self, number: str) -> None:
        self.go("case", number)

    # ------------------------------------------------------------------ language, busy, help

    def set_language(self, lang: str) -> None:
        """Switch language now: translators are replaced and every widget retranslates in place."""
        lang = install_language(lang)
        self.ctx.prefs.language = lang

    def _on_busy_changed(self, busy: int) -> None:
        if busy:
            self.status_busy.setText(self.tr("Working…"))
        elif PAGE_ERRORS:
            self.status_busy.setText(self.tr("Not loaded: %1").replace("%1", ", ".join(PAGE_ERRORS)))
        else:
            self.status_busy.setText("")

    def shortcut_list(self) -> list[tuple[str, str]]:
        """(keys, what they do) for every shortcut that exists: the menus' actions and every page's
        shortcuts (all pages are built first, so a page not yet visited is listed too)."""
        for spec in self.specs:
            self.page(spec.key)
        found: dict[str, list[str]] = {}
        native = QKeySequence.SequenceFormat.NativeText
        for act in self.findChildren(QAction):
            for seq in act.shortcuts():
                if not seq.isEmpty():
                    found.setdefault(act.text().replace("&", "").rstrip("…"), []).append(seq.toString(native))
        for sc in self.findChildren(QShortcut):
            if sc.key().isEmpty():
                continue
            source = sc.property(SHORTCUT_DESCRIPTION)
            what = QCoreApplication.translate("Shortcuts", source) if source else (sc.whatsThis() or "?")
            found.setdefault(what, []).append(sc.key().toString(native))
        found.setdefault(self.tr("OK in an edit dialog"), []).append(QKeySequence("Ctrl+Return").toString(native))
        found.setdefault(self.tr("Open the selected case or consultation"), []).append("Enter")
        rows = []
        for what, keys in found.items():
            keys = list(dict.fromkeys(keys))
            rows.append((f"{keys[0]} … {keys[-1]}" if len(keys) > 3 else " / ".join(keys), what))
        return sorted(rows, key=lambda r: (not r[0].startswith("F"), r[1]))

    def _show_shortcuts(self) -> None:
        text = "".join(f"<tr><td><b>{html.escape(k)}</b>&nbsp;&nbsp;</td><td>{html.escape(v)}</td></tr>"
                       for k, v in self.shortcut_list())
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Keyboard shortcuts"), f"<table>{text}</table>",
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("shortcutsDialog")
        box.exec()

    def _show_about(self) -> None:
        from qcy_workstation import __version__
        from qcy_workstation.notices import NOTICES_FILE_NAME, about_lines, notices_file

        text = self.tr(
            "QCY Workstation %1\nCase management for an IP rights-protection assistance workstation.\n"
            "Opinions it helps to write are references for the enterprise, not judicial or administrative "
            "determinations.").replace("%1", __version__) + "\n\n" + self.tr("Data, models and fonts shipped:") \
            + "\n" + "\n".join(about_lines())
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("About QCY Workstation"), text,
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("aboutDialog")
        path = notices_file()
        if path is not None:  # the installed program: every component's licence, written when it was built
            box.setInformativeText(self.tr("The licences of every component are in %1 (Show Details...).")
                                   .replace("%1", str(path)))
            box.setDetailedText(path.read_text(encoding="utf-8", errors="replace"))
        else:
            box.setInformativeText(self.tr("The installed program has the licences of every component in %1 "
                                           "beside it.").replace("%1", NOTICES_FILE_NAME))
        box.exec()

    # ------------------------------------------------------------------ geometry

    def restore_geometry(self) -> None:
        geometry = self.ctx.prefs.qs.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1320, 840)
        self.fit_to_screen()

    def fit_to_screen(self) -> None:
        """Never larger than the screen the window opens on (a 1280x720 office screen, or a geometry saved on a
        bigger one): buttons and the status bar stay on screen."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        avail = screen.availableGeometry()
        frame = self.frameGeometry().size() - self.geometry().size()  # title bar and borders
        width = min(self.width(), avail.width() - frame.width())
        height = min(self.height(), avail.height() - frame.height())
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)
        if not avail.contains(self.frameGeometry().topLeft()):
            self.move(avail.topLeft())

    def set_demo(self, demo: bool) -> None:
        """Mark this window as showing the demo store (title and status bar), so no one mistakes it."""
        self.demo = demo
        self.status_demo.setVisible(demo)
        self.retranslate()

    # ------------------------------------------------------------------ nothing typed is lost

    def _store_key(self) -> str:
        return self.ctx.store.url if self.ctx.store is not None else ""

    def save_drafts(self) -> None:
        """Keep every form with unsaved input as a draft (autosave, and "keep" on closing)."""
        if self.ctx.store is None:
            return
        kept = {key: {"title": page.form_title(), "values": drafts.capture(page.form_fields())}
                for key, page in drafts.unsaved_pages(self.pages)}
        if kept or self.drafts.load(self._store_key()):
            self.drafts.save(self._store_key(), kept)

    def offer_drafts(self) -> None:
        """Drafts left from last time (closed with "keep", or a crash): offered in a bar, never forced."""
        found = self.drafts.load(self._store_key()) if self.ctx.store is not None else {}
        if not found:
            self.drafts_bar.hide()
            return
        titles = "、".join(str(d.get("title", k)) for k, d in found.items() if isinstance(d, dict))
        self.drafts_label.setText(self.tr("Input from last time was not saved: %1. Restore it?").replace("%1", titles))
        self.drafts_restore.setText(self.tr("Restore"))
        self.drafts_discard.setText(self.tr("Discard"))
        self.drafts_bar.show()

    def restore_drafts(self) -> None:
        found = self.drafts.load(self._store_key())
        first = None
        for key, draft in found.items():
            if not isinstance(draft, dict) or not any(s.key == key for s in self.specs):
                continue
            page = self.page(key)
            if hasattr(page, "restore_form"):
                page.restore_form(dict(draft.get("values") or {}))
                first = first or key
        self.drafts_bar.hide()
        if first:
            self.go(first)

    def discard_drafts(self) -> None:
        self.drafts.save(self._store_key(), {})
        self.drafts_bar.hide()

    def _ask_about_unsaved(self, unsaved: list[tuple[str, QWidget]]) -> str:
        """"keep", "discard" or "cancel": what the staff member wants done with typed input on closing."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unsaved input"), self.tr(
            "These forms hold input that is not saved: %1.").replace(
            "%1", "、".join(page.form_title() for _k, page in unsaved)), parent=self)
        box.setObjectName("unsavedDialog")
        box.setInformativeText(self.tr("Keep it as a draft (offered again at the next start), discard it, or go "
                                       "back to it?"))
        keep = box.addButton(self.tr("Keep as draft and close"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(self.tr("Discard and close"), QMessageBox.ButtonRole.DestructiveRole)
        back = box.addButton(self.tr("Go back"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(back)
        box.setEscapeButton(back)
        box.exec()
        clicked = box.clickedButton()
        return "keep" if clicked is keep else "discard" if clicked is discard else "cancel"

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        unsaved = drafts.unsaved_pages(self.pages)
        if unsaved and self.ask_before_closing:
            answer = self._ask_about_unsaved(unsaved)
            if answer == "cancel":
                event.ignore()
                self.go(unsaved[0][0])
                return
            if answer == "discard":
                self.discard_drafts()
            else:
                self.save_drafts()
        else:
            self.save_drafts()  # nothing asked (tests, or nothing typed): typed input is still kept
        self.autosave.stop()
        self.other_desks.stop()
        self.ctx.prefs.set("window/geometry", self.saveGeometry())
        self.ctx.prefs.sync()
        self.ctx.runner.shutdown()
        super().closeEvent(event)


def drafts_path(ctx: AppContext) -> Any:
    """``drafts.json`` beside the desk's preferences file (the user's own data, never the shared store)."""
    from pathlib import Path

    return Path(ctx.prefs.qs.fileName()).with_name("drafts.json")
