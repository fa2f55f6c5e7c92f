"""Early warning: watched projects, their risks (new/changed flagged), screening and the memo.

Screening and exports run on the background runner (``WarningService``); the page shows plain rows.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from qcy_workstation.ui.context import AppContext
from qcy_workstation.ui.main_window import register_page
from qcy_workstation.ui.models import Column, RowTableModel
from qcy_workstation.ui.widgets import EmptyState


def _lang() -> str:
    from PySide6.QtCore import QLocale

    return "zh" if QLocale().language() == QLocale.Language.Chinese else "en"


def _label(code: str) -> str:
    """A core code (severity, status, kind) in the interface language (core label tables)."""
    from qcy_workstation.labels import IP_TYPES
    from qcy_workstation.stats import labels

    names = {**IP_TYPES, "party": ("交易方", "Counterparty"), "new": ("新", "new"), "changed": ("变化", "changed")}
    if code in names:
        return names[code][0 if _lang() == "zh" else 1]
    return labels.label(code, _lang())


SEVERITY_COLOURS = {"high": ("#fde2e1", "#a4161a"), "medium": ("#fff3cd", "#7a5200"), "low": (None, None)}

PROJECT_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "Project"), lambda p: p.number),
    Column(QT_TRANSLATE_NOOP("Columns", "Title"), lambda p: p.title),
    Column(QT_TRANSLATE_NOOP("Columns", "Enterprise"), lambda p: p.enterprise),
    Column(QT_TRANSLATE_NOOP("Columns", "High"), lambda p: p.risks_high, align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Medium"), lambda p: p.risks_medium, align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Flagged"), lambda p: p.flagged or "", align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Re-screen"), lambda p: "●" if p.needs_rescreen else ""),
]
RISK_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "Flag"), lambda r: (_label(r.flag) if r.flag else "") + ("" if r.active else " ✕")),
    Column(QT_TRANSLATE_NOOP("Columns", "Severity"), lambda r: _label(r.severity)),
    Column(QT_TRANSLATE_NOOP("Columns", "Kind"), lambda r: _label(r.category)),
    Column(QT_TRANSLATE_NOOP("Columns", "Item"), lambda r: r.subject),
    Column(QT_TRANSLATE_NOOP("Columns", "Earlier right / case"), lambda r: f"{r.target} {r.target_ref}".strip()),
    Column(QT_TRANSLATE_NOOP("Columns", "Status"), lambda r: _label(r.status)),
    Column(QT_TRANSLATE_NOOP("Columns", "Owner"), lambda r: r.owner),
    Column(QT_TRANSLATE_NOOP("Columns", "Follow-up"), lambda r: r.follow_up_on),
]


class RiskTableModel(RowTableModel):
    """Risks coloured by severity; risks no longer found are greyed."""

    def row_colours(self, row: Any) -> tuple[QColor | None, QColor | None]:
        if not row.active:
            return None, QColor("#8a8f98")
        bg, fg = SEVERITY_COLOURS.get(row.severity, (None, None))
        return (QColor(bg) if bg else None), (QColor(fg) if fg else None)


class ProjectDialog(QDialog):
    """The fields of a new project; lists one per line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New early-warning project"))
        form = QFormLayout(self)
        self.title = QLineEdit(self)
        self.enterprise = QLineEdit(self)
        self.uscc = QLineEdit(self)
        self.kind = QComboBox(self)
        for code, text in (("rd", self.tr("R&D")), ("trade", self.tr("Trade (exports, exhibitions)")),
                           ("investment", self.tr("Investment")), ("tech_transfer", self.tr("Technology transfer"))):
            self.kind.addItem(text, code)
        self.technology = QPlainTextEdit(self)
        self.features = QPlainTextEdit(self)
        self.marks = QPlainTextEdit(self)
        self.products = QPlainTextEdit(self)
        self.classes = QLineEdit(self)
        self.region = QLineEdit(self)
        self.counterparties = QPlainTextEdit(self)
        self.markets = QLineEdit(self)
        for w in (self.technology, self.features, self.marks, self.products, self.counterparties):
            w.setTabChangesFocus(True)
            w.setMaximumHeight(70)
        rows = ((self.tr("Title"), self.title), (self.tr("Enterprise"), self.enterprise),
                (self.tr("Credit code"), self.uscc), (self.tr("Kind"), self.kind),
                (self.tr("Technology"), self.technology), (self.tr("Key features (one per line)"), self.features),
                (self.tr("Marks (one per line)"), self.marks),
                (self.tr("Product names / labels (one per line)"), self.products),
                (self.tr("Nice classes"), self.classes), (self.tr("Producer region"), self.region),
                (self.tr("Counterparties (one per line)"), self.counterparties),
                (self.tr("Target markets"), self.markets))
        for label, w in rows:
            form.addRow(label, w)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #a4161a;")
        self.error.setWordWrap(True)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def value(self, owner: str) -> Any:
        from qcy_workstation.warning.dto import NewProject

        def lines(w: QPlainTextEdit) -> tuple[str, ...]:
            return tuple(x.strip() for x in w.toPlainText().splitlines() if x.strip())

        return NewProject(title=self.title.text(), enterprise=self.enterprise.text(), kind=self.kind.currentData(),
                          enterprise_uscc=self.uscc.text().strip() or None, technology=self.technology.toPlainText(),
                          key_features=lines(self.features), marks=lines(self.marks),
                          product_names=lines(self.products), nice_classes=self.classes.text(),
                          producer_region=self.region.text(), counterparties=lines(self.counterparties),
                          target_markets=tuple(x.strip() for x in self.markets.text().replace("，", ",").split(",")
                                               if x.strip()), owner=owner)


class WarningPage(QWidget):
    """Projects on the left, the selected project's risks on the right.

    Signals:
        loaded(): the project list was refreshed.
        screened(object): a screening finished (its ``ScreeningResult``, or a list from the watch list).
    """

    loaded = Signal()
    screened = Signal(object)

    def __init__(self, ctx: AppContext, window: Any = None) -> None:
        super().__init__()
        self.ctx, self.window_ = ctx, window
        self.current: Any = None
        self._auto_running = False
        self._build()
        self.retranslate()
        self.refresh()

    def _build(self) -> None:
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 20px; font-weight: bold;")
        self.flagged_only = QCheckBox(self)
        self.flagged_only.setObjectName("flaggedOnly")
        self.flagged_only.toggled.connect(lambda _on: self.refresh())
        self.new_button = QPushButton(self)
        self.new_button.setObjectName("newProject")
        # clicked(bool) would hand its "checked" flag to new_project's value: the form must open
        self.new_button.clicked.connect(lambda _checked=False: self.new_project())
        self.watch_button = QPushButton(self)
        self.watch_button.setObjectName("rescreenWatched")
        self.watch_button.clicked.connect(self.rescreen_watched)
        bar = QHBoxLayout()
        for w in (self.flagged_only, self.new_button, self.watch_button):
            bar.addWidget(w)
        bar.addStretch(1)

        self.projects = RowTableModel(PROJECT_COLUMNS, self)
        self.project_view = QTableView(self)
        self.project_view.setObjectName("projectTable")
        self.project_view.setModel(self.projects)
        self.project_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.project_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.project_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.project_view.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._on_project(cur.row()))

        right = QWidget(self)
        rl = QVBoxLayout(right)
        self.project_title = QLabel(right)
        self.project_title.setObjectName("projectTitle")
        self.project_title.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.project_title.setWordWrap(True)
        self.screen_button = QPushButton(right)
        self.screen_button.setObjectName("screenProject")
        self.screen_button.clicked.connect(self.screen_current)
        self.ack_button = QPushButton(right)
        self.ack_button.setObjectName("acknowledge")
        self.ack_button.clicked.connect(self.acknowledge)
        self.memo_button = QPushButton(right)
        self.memo_button.setObjectName("exportMemo")
        self.memo_button.clicked.connect(lambda: self.export_memo(None))
        self.risk_status = QComboBox(right)
        self.risk_status.setObjectName("riskStatus")
        for code in ("open", "accepted", "resolved"):
            self.risk_status.addItem(_label(code), code)
        self.set_status_button = QPushButton(right)
        self.set_status_button.setObjectName("setRiskStatus")
        self.set_status_button.clicked.connect(self.set_risk_status)
        actions = QHBoxLayout()
        for w in (self.screen_button, self.ack_button, self.memo_button):
            actions.addWidget(w)
        actions.addStretch(1)
        actions.addWidget(self.risk_status)
        actions.addWidget(self.set_status_button)
        self.risks = RiskTableModel(RISK_COLUMNS, self)
        self.risk_view = QTableView(right)
        self.risk_view.setObjectName("riskTable")
        self.risk_view.setModel(self.risks)
        self.risk_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.risk_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.risk_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.risk_view.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._on_risk(cur.row()))
        self.detail = QTextBrowser(right)
        self.detail.setObjectName("riskDetail")
        self.status = QLabel(right)
        self.status.setObjectName("warningStatus")
        self.status.setWordWrap(True)
        rl.addWidget(self.project_title)
        rl.addLayout(actions)
        rl.addWidget(self.risk_view, 2)
        rl.addWidget(self.detail, 1)
        rl.addWidget(self.status)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        self.project_empty = EmptyState(self.project_view, self)
        split.addWidget(self.project_empty)
        split.addWidget(right)
        split.setStretchFactor(1, 2)
        split.setSizes([460, 900])
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(bar)
        layout.addWidget(split, 1)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Early warning"))
        self.flagged_only.setText(self.tr("Only projects with new or changed risks"))
        self.new_button.setText(self.tr("New project…"))
        self.watch_button.setText(self.tr("Re-screen watch list"))
        self.screen_button.setText(self.tr("Screen now"))
        self.ack_button.setText(self.tr("Mark flags as seen"))
        self.memo_button.setText(self.tr("Export memo…"))
        self.set_status_button.setText(self.tr("Set risk status"))
        for i in range(self.risk_status.count()):
            self.risk_status.setItemText(i, _label(self.risk_status.itemData(i)))
        self.projects.retranslate()
        self.risks.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _service(self) -> Any:
        from qcy_workstation.warning.service import WarningService

        return WarningService(self.ctx.store, actor=self.ctx.actor)

    # ------------------------------------------------------------------ loading

    def on_shown(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        if self.ctx.store is None:
            return
        svc, flagged = self._service(), self.flagged_only.isChecked()
        self.ctx.runner.submit(lambda: svc.list(flagged_only=flagged), on_success=self._show_projects,
                               name="warning-list")

    def _show_projects(self, rows: list[Any]) -> None:
        keep = self.current.number if self.current else None
        self.projects.set_rows(rows)
        self.project_empty.set_empty(not rows, self.tr(
            "No early-warning projects yet. Use “New project…” above to check a planned mark, technology or "
            "partner against the rights the workstation knows."))
        for i, r in enumerate(rows):
            if r.number == keep:
                self.project_view.selectRow(i)
        if keep is None and rows:  # start with the first project that has something new to look at
            self.project_view.selectRow(next((i for i, r in enumerate(rows) if r.flagged), 0))
        self.loaded.emit()
        if not self._auto_running and any(r.needs_rescreen for r in rows):
            self._auto_rescreen()

    def _auto_rescreen(self) -> None:
        """The register or the cases changed since watched projects were screened: re-screen them now
        (only the changes get flagged), so the watch list is current whenever staff look at it."""
        self._auto_running = True
        self.status.setText(self.tr("Known rights changed: re-screening the watch list…"))
        svc = self._service()

        def done(result: Any) -> None:
            self._auto_running = False
            self._after_screen(result)

        def failed(exc: BaseException) -> None:
            self._auto_running = False
            from qcy_workstation.ui.widgets import show_error

            show_error(self, exc)

        self.ctx.runner.submit(svc.rescreen_watched, on_success=done, on_error=failed, name="warning-auto")

    def _on_project(self, row: int) -> None:
        p = self.projects.row_at(row)
        if p is None:
            return
        svc = self._service()
        self.ctx.runner.submit(lambda: svc.get(p.number), on_success=self._show_project, name="warning-get")

    def open(self, number: str) -> None:
        svc = self._service()
        self.ctx.runner.submit(lambda: svc.get(number), on_success=self._show_project, name="warning-get")

    def _show_project(self, project: Any) -> None:
        self.current = project
        self.project_title.setText(f"{project.number}  {project.title} — {project.enterprise}")
        self.risks.set_rows(list(project.risks))
        self.detail.clear()
        if project.risks:
            self.risk_view.selectRow(0)

    def _on_risk(self, row: int) -> None:
        r = self.risks.row_at(row)
        if r is None:
            return
        zh = _lang() == "zh"
        self.detail.setPlainText("\n\n".join(x for x in (r.reason if zh else r.reason_en, r.action_text) if x))

    # ------------------------------------------------------------------ actions

    def new_project(self, value: Any = None) -> None:
        """Ask for a project (or take ``value``, a NewProject), store it and screen it."""
        if value is None:
            dialog = ProjectDialog(self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            value = dialog.value(self.ctx.staff)
        svc = self._service()

        def work() -> Any:
            project = svc.add(value)
            return svc.screen(project.number)

        self.ctx.runner.submit(work, on_success=self._after_screen, name="warning-add")

    def screen_current(self) -> None:
        if self.current is None:
            return
        svc, number = self._service(), self.current.number
        self.ctx.runner.submit(lambda: svc.screen(number), on_success=self._after_screen, name="warning-screen")

    def rescreen_watched(self) -> None:
        svc = self._service()
        self.ctx.runner.submit(lambda: svc.rescreen_watched(), on_success=self._after_screen, name="warning-watch")

    def _after_screen(self, result: Any) -> None:
        results = result if isinstance(result, list) else [result]
        if results:
            new = sum(len(r.new) for r in results)
            changed = sum(len(r.changed) + len(r.gone) for r in results)
            self.status.setText(self.tr("Screened %1 project(s): %2 new, %3 changed risk(s).").replace(
                "%1", str(len(results))).replace("%2", str(new)).replace("%3", str(changed)))
        else:
            self.status.setText(self.tr("No watched project needs re-screening."))
        self.screened.emit(result)
        self.refresh()
        if results:
            self.open(results[-1].project)

    def acknowledge(self) -> None:
        if self.current is None:
            return
        svc, number = self._service(), self.current.number
        self.ctx.runner.submit(lambda: svc.acknowledge(number), on_success=lambda p: (self._show_project(p),
                                                                                       self.refresh()),
                               name="warning-ack")

    def set_risk_status(self) -> None:
        r = self.risks.row_at(self.risk_view.currentIndex().row())
        if r is None or self.current is None:
            return
        svc, number, status = self._service(), self.current.number, self.risk_status.currentData()

        def work() -> Any:
            svc.update_risk(number, r.id, status=status)
            return svc.get(number)

        self.ctx.runner.submit(work, on_success=self._show_project, name="warning-risk")

    def export_memo(self, path: str | None = None) -> None:
        """The memo of the current project as PDF or DOCX (by suffix); asks for the file unless given."""
        if self.current is None:
            return
        number = self.current.number
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export memo"), f"{number}.pdf",
                                                  "PDF (*.pdf);;Word (*.docx)")
            if not path:
                return
        svc = self._service()
        lang = _lang()
        self.ctx.runner.submit(lambda: svc.export_memo(number, path, lang=lang),
                               on_success=lambda p: self.status.setText(self.tr("Saved %1").replace("%1", str(p))),
                               name="warning-memo")


register_page("warning", QT_TRANSLATE_NOOP("Pages", "Early warning"), WarningPage, order=70, icon="warning.svg")
