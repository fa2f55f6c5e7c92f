"""Rights register page: import trademarks, patents and GIs from CSV/XLSX (column mapping preview, progress,
cancel, validation report) and screen one mark, one claim or one label against the register.

Reading the preview, the import and every screening run on the background runner. The first mark
screening of a process loads (or builds) the register's n-gram index; later ones take well under a second.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QStyledItemDelegate,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from qcy_workstation.errors import QcyError, ValidationError
from qcy_workstation.ui.context import AppContext
from qcy_workstation.ui.main_window import register_page
from qcy_workstation.ui.models import Column, RowTableModel
from qcy_workstation.ui.pages.precheck_page import (
    AMBER_BG,
    AMBER_FG,
    GREEN_BG,
    RED_BG,
    RED_FG,
    RISK,
    RISK_COLOURS,
    VERDICT_SHORT,
    StatusModel,
    _esc,
    badge,
    chart_columns,
    chart_model,
    element_rows,
    factor_columns,
    factor_model,
    show_gi,
    table_view,
    tl,
)
from qcy_workstation.ui.widgets import ResultTab, report_failure, status_html

R = "RegisterLabels"
KINDS = ("trademark", "patent", "gi")
KIND_LABELS = {"trademark": QT_TRANSLATE_NOOP("RegisterLabels", "Trademarks"), "patent": QT_TRANSLATE_NOOP("RegisterLabels", "Patents"),
               "gi": QT_TRANSLATE_NOOP("RegisterLabels", "Geographical indications")}
FIELD_LABELS = {
    "reg_no": QT_TRANSLATE_NOOP("RegisterLabels", "registration no."), "mark": QT_TRANSLATE_NOOP("RegisterLabels", "mark"),
    "owner": QT_TRANSLATE_NOOP("RegisterLabels", "owner"), "classes": QT_TRANSLATE_NOOP("RegisterLabels", "Nice classes"),
    "groups": QT_TRANSLATE_NOOP("RegisterLabels", "similar groups"), "status": QT_TRANSLATE_NOOP("RegisterLabels", "status"),
    "number": QT_TRANSLATE_NOOP("RegisterLabels", "patent number"), "title": QT_TRANSLATE_NOOP("RegisterLabels", "title"),
    "claims": QT_TRANSLATE_NOOP("RegisterLabels", "claims"), "gi_id": QT_TRANSLATE_NOOP("RegisterLabels", "GI id"),
    "name": QT_TRANSLATE_NOOP("RegisterLabels", "GI name"), "place": QT_TRANSLATE_NOOP("RegisterLabels", "place name"),
    "product": QT_TRANSLATE_NOOP("RegisterLabels", "product"), "province": QT_TRANSLATE_NOOP("RegisterLabels", "province"),
    "city": QT_TRANSLATE_NOOP("RegisterLabels", "city"), "counties": QT_TRANSLATE_NOOP("RegisterLabels", "counties"),
    "towns": QT_TRANSLATE_NOOP("RegisterLabels", "towns"), "routes": QT_TRANSLATE_NOOP("RegisterLabels", "protection routes"),
    "english": QT_TRANSLATE_NOOP("RegisterLabels", "English names"), "aliases": QT_TRANSLATE_NOOP("RegisterLabels", "other names"),
    "certificate": QT_TRANSLATE_NOOP("RegisterLabels", "certificate no."), "holder": QT_TRANSLATE_NOOP("RegisterLabels", "holder"),
    "verified": QT_TRANSLATE_NOOP("RegisterLabels", "verified"), "note": QT_TRANSLATE_NOOP("RegisterLabels", "note"),
}
NOT_IMPORTED = QT_TRANSLATE_NOOP("RegisterLabels", "— not imported —")
PREVIEW_ROWS = 5


def rl(code: str | None) -> str:
    """Translated label of a register field or kind."""
    if code is None:
        return QCoreApplication.translate(R, NOT_IMPORTED)
    table = FIELD_LABELS if code in FIELD_LABELS else KIND_LABELS
    return QCoreApplication.translate(R, table[code]) if code in table else code


def fields_of(kind: str) -> list[str]:
    from qcy_workstation.precheck.register import HEADERS

    return list(HEADERS[kind])


def required_of(kind: str) -> tuple[str, ...]:
    from qcy_workstation.precheck.register import REQUIRED

    return REQUIRED[kind]


# ---------------------------------------------------------------------------------------------------- workers


def read_preview(path: str, kind: str | None) -> dict[str, Any]:
    """Worker: the header, the first rows and the detected kind and column mapping of a register file."""
    from qcy_workstation.precheck.register import read_table

    header, rows = read_table(path)
    samples: list[list[str]] = []
    for row in rows:
        if any(c.strip() for c in row):
            samples.append(row)
        if len(samples) >= PREVIEW_ROWS:
            break
    detected = detect(header, kind)
    return {"path": path, "header": header, "samples": samples, **detected}


def detect(header: list[str], kind: str | None) -> dict[str, Any]:
    """The kind and column -> field mapping detection finds (when a required column is not recognised, the best
    guess, so staff map the rest)."""
    from qcy_workstation.precheck.register import detect_mapping, guess_mapping

    try:
        k, mapping = detect_mapping(header, kind)
    except ValidationError:  # a required column not recognised: the best guess, staff map the rest
        k, mapping = guess_mapping(header, kind)
    return {"kind": k, "columns": {i: f for f, i in mapping.items()}}


def register_overview(store: Any) -> dict[str, int]:
    """Worker: rows per kind in the store, and the GIs shipped with the engine."""
    from qcy_workstation.precheck import load_gi_register
    from qcy_workstation.precheck.register import register_counts

    counts = register_counts(store)
    counts["shipped_gi"] = len(load_gi_register().entries)
    return counts


# ---------------------------------------------------------------------------------------------------- mapping


class MappingModel(QAbstractTableModel):
    """One row per column of the file: its header, sample values and the register field it fills
    (editable; each field on one column at most)."""

    HEADERS = (QT_TRANSLATE_NOOP("Columns", "Column in the file"), QT_TRANSLATE_NOOP("Columns", "Sample values"),
               QT_TRANSLATE_NOOP("Columns", "Imported as"))
    FIELD_ROLE = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.header: list[str] = []
        self.samples: list[list[str]] = []
        self.fields: list[str | None] = []
        self.kind = "trademark"

    def load(self, header: list[str], samples: list[list[str]], kind: str, columns: dict[int, str]) -> None:
        self.beginResetModel()
        self.header, self.samples, self.kind = list(header), list(samples), kind
        self.fields = [columns.get(i) for i in range(len(header))]
        self.endResetModel()

    def set_mapping(self, kind: str, columns: dict[int, str]) -> None:
        self.kind = kind
        self.fields = [columns.get(i) for i in range(len(self.header))]
        if self.header:
            self.dataChanged.emit(self.index(0, 2), self.index(len(self.header) - 1, 2))

    def mapping(self) -> dict[str, str]:
        """``{"3": "mark", "4": "", ...}``: every 1-based column number -> its field, ``""`` for "not
        imported", as the engine's ``mapping`` takes (staff's choice replaces detection for every column)."""
        return {str(i + 1): f or "" for i, f in enumerate(self.fields)}

    def missing_required(self) -> list[str]:
        return [f for f in required_of(self.kind) if f not in self.fields]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.header)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < 3:
            return QCoreApplication.translate("Columns", self.HEADERS[section])
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == 2 else base

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.header):
            return None
        r, c = index.row(), index.column()
        field = self.fields[r]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if c == 0:
                return self.header[r] or f"#{r + 1}"
            if c == 1:
                return " · ".join(s[r] for s in self.samples if r < len(s) and s[r])[:120]
            return rl(field)
        if role == Qt.ItemDataRole.EditRole and c == 2:
            return field or ""
        if role == self.FIELD_ROLE:
            return field
        if role == Qt.ItemDataRole.ForegroundRole and c == 2 and field is None:
            return QBrush(Qt.GlobalColor.gray)
        if role == Qt.ItemDataRole.BackgroundRole and c == 2 and field in required_of(self.kind):
            return QBrush(GREEN_BG)
        return None

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != 2 or role != Qt.ItemDataRole.EditRole:
            return False
        field = str(value) if value else None
        if field is not None and field not in fields_of(self.kind):
            return False
        r = index.row()
        if self.fields[r] == field:
            return True
        for other, f in enumerate(self.fields):
            if field is not None and f == field and other != r:
                self.fields[other] = None  # a field comes from one column only
                self.dataChanged.emit(self.index(other, 2), self.index(other, 2))
        self.fields[r] = field
        self.dataChanged.emit(index, index)
        return True


class FieldDelegate(QStyledItemDelegate):
    """A combo box of the kind's fields in the "Imported as" column."""

    def __init__(self, model: MappingModel, parent: Any = None) -> None:
        super().__init__(parent)
        self.model = model

    def createEditor(self, parent: QWidget, option: Any, index: Any) -> QWidget:  # noqa: N802
        combo = QComboBox(parent)
        combo.setObjectName(f"fieldCombo_{index.row()}")
        combo.addItem(rl(None), "")
        for f in fields_of(self.model.kind):
            star = " *" if f in required_of(self.model.kind) else ""
            combo.addItem(rl(f) + star, f)
        combo.currentIndexChanged.connect(lambda _i, c=combo: self.commitData.emit(c))
        return combo

    def setEditorData(self, editor: QWidget, index: Any) -> None:  # noqa: N802
        value = index.data(Qt.ItemDataRole.EditRole) or ""
        editor.blockSignals(True)
        editor.setCurrentIndex(max(0, editor.findData(value)))
        editor.blockSignals(False)

    def setModelData(self, editor: QWidget, model: Any, index: Any) -> None:  # noqa: N802
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


# ---------------------------------------------------------------------------------------------------- tabs


# The engine's reasons for a bad row (English) -> words staff read; unknown reasons are shown as they are.
REASONS = (
    (r"^a trademark registration number is up to 9 digits", QT_TRANSLATE_NOOP(
        "RegisterLabels", "a trademark registration number has up to 9 digits (e.g. 1234567)")),
    (r"^the mark is empty$", QT_TRANSLATE_NOOP("RegisterLabels", "the mark is empty")),
    (r"^Nice class must be 1-45: (.+)$", QT_TRANSLATE_NOOP("RegisterLabels", "Nice classes run from 1 to 45: %1")),
    (r"^not a Nice class or group code: (.+)$", QT_TRANSLATE_NOOP("RegisterLabels", "not a Nice class or group code: %1")),
    (r"^similar groups are 4-digit codes", QT_TRANSLATE_NOOP("RegisterLabels", "similar groups are 4-digit codes such as 2501")),
    (r"^group code must start with a class 01-45: (.+)$", QT_TRANSLATE_NOOP(
        "RegisterLabels", "a group code starts with its class 01-45: %1")),
    (r"^duplicate \w+ (.+) in this file$", QT_TRANSLATE_NOOP("RegisterLabels", "%1 appears twice in this file")),
    (r"^\w+ (.+) is already in the register", QT_TRANSLATE_NOOP(
        "RegisterLabels", "%1 is already in the register (tick “Replace rows already in the register” to update it)")),
    (r"^expected an application number", QT_TRANSLATE_NOOP(
        "RegisterLabels", "expected a patent application number like 202010566088.9 or 98123456.X")),
    (r"^check character is '(.)', expected '(.)'$", QT_TRANSLATE_NOOP(
        "RegisterLabels", "the check character is %1, it should be %2")),
    (r"^no claims", QT_TRANSLATE_NOOP("RegisterLabels", "no claims (screening compares claim 1)")),
    (r"^unknown protection route '?([^' ]+)", QT_TRANSLATE_NOOP("RegisterLabels", "unknown protection route %1")),
    (r"^(\w+) is empty$", QT_TRANSLATE_NOOP("RegisterLabels", "%1 is empty")),
)


def reason_text(reason: str) -> str:
    """A bad row's reason in the current language."""
    import re

    for pattern, source in REASONS:
        m = re.search(pattern, reason)
        if m:
            text = QCoreApplication.translate("RegisterLabels", source)
            for i, group in enumerate(m.groups(), start=1):
                text = text.replace(f"%{i}", rl(group) if group in FIELD_LABELS else group)
            return text
    return reason


def _values_text(b: Any) -> str:
    return " · ".join(f"{rl(k)}={v}" for k, v in b.values.items() if v)


BAD_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "Row"), lambda b: b.row, align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Field"), lambda b: rl(b.field) if b.field in FIELD_LABELS else (b.field or "")),
    Column(QT_TRANSLATE_NOOP("Columns", "Reason"), lambda b: reason_text(b.reason), tooltip=lambda b: b.reason),
    Column(QT_TRANSLATE_NOOP("Columns", "Values"), _values_text, tooltip=_values_text),
]


class ImportTab(QWidget):
    """Choose a file, check the column mapping, import with progress and cancel, read the report.

    Signals:
        previewed(): the file's columns and mapping are shown.
        imported(object): the ImportReport of a finished import.
    """

    previewed = Signal()
    imported = Signal(object)

    def __init__(self, page: RightsRegisterPage) -> None:
        super().__init__(page)
        self.page = page
        self.path: str = ""
        self.preview: dict[str, Any] | None = None
        self.report: Any = None
        self.task: Any = None
        self._cancel = threading.Event()
        self._build()

    def _build(self) -> None:
        self.choose_button = QPushButton(self)
        self.choose_button.setObjectName("registerChoose")
        self.choose_button.clicked.connect(self.choose_file)
        self.path_label = QLabel(self)
        self.path_label.setObjectName("registerPath")
        self.kind_label = QLabel(self)
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("registerKind")
        self.kind_combo.addItem("", None)
        for k in KINDS:
            self.kind_combo.addItem("", k)
        self.kind_combo.activated.connect(self._kind_chosen)
        self.replace_box = QCheckBox(self)
        self.replace_box.setObjectName("registerReplace")
        top = QHBoxLayout()
        top.addWidget(self.choose_button)
        top.addWidget(self.path_label, 1)
        top.addWidget(self.kind_label)
        top.addWidget(self.kind_combo)
        top.addWidget(self.replace_box)

        self.mapping_hint = QLabel(self)
        self.mapping_hint.setObjectName("mappingHint")
        self.mapping_hint.setWordWrap(True)
        self.mapping = MappingModel(self)
        self.mapping_view = table_view(self.mapping, self, "mappingTable", stretch=1)
        self.mapping_view.setEditTriggers(self.mapping_view.EditTrigger.AllEditTriggers)
        self.delegate = FieldDelegate(self.mapping, self.mapping_view)
        self.mapping_view.setItemDelegateForColumn(2, self.delegate)
        self.mapping_view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        self.mapping_view.setColumnWidth(0, 180)
        self.mapping_view.setColumnWidth(2, 220)
        self.mapping.dataChanged.connect(lambda *_: self._update_hint())

        self.import_button = QPushButton(self)
        self.import_button.setObjectName("registerImport")
        self.import_button.clicked.connect(self.start_import)
        self.import_button.setEnabled(False)
        self.import_button.setMinimumWidth(140)
        self.import_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("registerProgress")
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("registerCancel")
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setVisible(False)
        run = QHBoxLayout()
        run.addWidget(self.import_button)
        run.addWidget(self.progress, 1)
        run.addWidget(self.cancel_button)
        run.addStretch(0)

        self.report_label = QLabel(self)
        self.report_label.setObjectName("registerReport")
        self.report_label.setWordWrap(True)
        self.bad_model = RowTableModel(BAD_COLUMNS, self)
        self.bad_view = table_view(self.bad_model, self, "badRowsTable", stretch=3)
        self.bad_view.setWordWrap(False)

        split = QSplitter(Qt.Orientation.Vertical, self)
        top_w = QWidget(self)
        tv = QVBoxLayout(top_w)
        tv.setContentsMargins(0, 0, 0, 0)
        tv.addWidget(self.mapping_hint)
        tv.addWidget(self.mapping_view, 1)
        tv.addLayout(run)
        bottom = QWidget(self)
        bv = QVBoxLayout(bottom)
        bv.setContentsMargins(0, 0, 0, 0)
        bv.addWidget(self.report_label)
        bv.addWidget(self.bad_view, 1)
        split.addWidget(top_w)
        split.addWidget(bottom)
        split.setSizes([360, 300])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)

    def retranslate(self) -> None:
        self.choose_button.setText(self.tr("Choose a CSV or XLSX file…"))
        if not self.path:
            self.path_label.setText(self.tr("No file chosen."))
        self.kind_label.setText(self.tr("Register:"))
        self.kind_combo.setItemText(0, self.tr("detect from the headers"))
        for i, k in enumerate(KINDS, start=1):
            self.kind_combo.setItemText(i, rl(k))
        self.replace_box.setText(self.tr("Replace rows already in the register"))
        self.import_button.setText(self.tr("Import"))
        self.cancel_button.setText(self.tr("Cancel"))
        self._update_hint()
        if self.report is not None:
            self._show_report(self.report)
        elif not self.report_label.text():
            self.report_label.setText(self.tr("Bad rows are listed here with their reason after an import; the good "
                                              "rows are kept."))
        self.bad_model.retranslate()
        self.mapping.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 2)

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import into the rights register"), "",
                                              self.tr("Spreadsheets (*.csv *.xlsx *.xlsm *.txt);;All files (*)"))
        if path:
            self.load_file(path)

    def load_file(self, path: str) -> None:
        """Read the file's header and first rows (background) and show the detected mapping."""
        self.path = path
        self.path_label.setText(Path(path).name)
        self.path_label.setToolTip(path)
        kind = self.kind_combo.currentData()

        def done(preview: dict[str, Any]) -> None:
            self.preview = preview
            self.mapping.load(preview["header"], preview["samples"], preview["kind"], preview["columns"])
            if self.kind_combo.currentData() is None:
                pass  # "detect" stays chosen; the hint names the detected register
            self._open_editors()
            self._update_hint()
            self.previewed.emit()

        self.page.ctx.runner.submit(lambda: read_preview(path, kind), on_success=done, on_error=self.page.failed,
                                    name="register-preview")

    def _open_editors(self) -> None:
        for r in range(self.mapping.rowCount()):
            idx = self.mapping.index(r, 2)
            self.mapping_view.closePersistentEditor(idx)
            self.mapping_view.openPersistentEditor(idx)

    def _kind_chosen(self, _index: int) -> None:
        if self.preview is None:
            return
        kind = self.kind_combo.currentData()
        found = detect(self.preview["header"], kind)
        self.preview.update(found)
        self.mapping.set_mapping(found["kind"], found["columns"])
        self._open_editors()
        self._update_hint()

    def set_field(self, column: int, field: str | None) -> None:
        """Map a file column to a field (what the combo box in the table does)."""
        self.mapping.setData(self.mapping.index(column, 2), field or "")
        self._open_editors()

    def _update_hint(self) -> None:
        if self.preview is None:
            self.mapping_hint.setText(self.tr("Choose a file: its columns are matched to the register's fields, "
                                              "and you can correct the match before importing."))
            self.import_button.setEnabled(False)
            return
        missing = self.mapping.missing_required()
        text = self.tr("Register: %1 · %2 columns · fields marked * are required.").replace(
            "%1", rl(self.mapping.kind)).replace("%2", str(len(self.mapping.header)))
        if missing:
            text += " " + self.tr("Choose the column for: %1").replace("%1", ", ".join(rl(f) for f in missing))
            self.mapping_hint.setStyleSheet("color: #a4161a;")
        else:
            self.mapping_hint.setStyleSheet("")
        self.mapping_hint.setText(text)
        self.import_button.setEnabled(not missing and self.task is None)

    # ------------------------------------------------------------------ import

    def start_import(self) -> None:
        if self.preview is None or self.task is not None or self.mapping.missing_required():
            return
        store, staff = self.page.ctx.store, self.page.ctx.staff
        path, kind, mapping = self.path, self.mapping.kind, self.mapping.mapping()
        replace = self.replace_box.isChecked()
        self._cancel.clear()
        cancel = self._cancel

        def work(task: Any) -> Any:
            from qcy_workstation.precheck.register import import_register

            def progress(done: int, total: int) -> bool:
                return task.report(done, total) and not cancel.is_set()  # False: the engine stops

            return import_register(store, path, kind=kind, mapping=mapping, replace=replace, actor=staff,
                                   progress=progress)

        self.progress.setRange(0, 0)  # busy until the first report
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self.cancel_button.setEnabled(True)
        self.import_button.setEnabled(False)
        self.report_label.setText(self.tr("Importing %1…").replace("%1", Path(path).name))
        self.bad_model.set_rows([])
        self.task = self.page.ctx.runner.submit(work, progress=True, on_progress=self._progress,
                                                on_success=self._done, on_error=self._failed, name="register-import")

    def _progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.progress.setFormat("%p%")  # the share of the whole import: reading, keys and writing

    def cancel(self) -> None:
        """Stop the import at its next progress report (every ~2,000 rows); nothing is stored."""
        self._cancel.set()
        self.cancel_button.setEnabled(False)
        self.report_label.setText(self.tr("Cancelling…"))

    def _finish(self) -> None:
        self.task = None
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        self._update_hint()

    def _done(self, report: Any) -> None:
        self._finish()
        self._show_report(report)
        self.page.refresh_counts()
        self.imported.emit(report)

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        if isinstance(exc, QcyError) and exc.code == "cancelled":  # the engine rolled back: nothing stored
            self.report_label.setText(self.tr("Import cancelled: nothing was stored."))
            return
        self.page.failed(exc)
        self.report_label.setText(self.tr("The import failed: nothing was stored."))

    def _show_report(self, report: Any) -> None:
        self.report = report
        text = self.tr("%1: %2 of %3 rows imported, %4 bad rows (listed below), %5 replaced, in %6 s.").replace(
            "%1", rl(report.kind)).replace("%2", f"{report.imported:,}").replace("%3", f"{report.total_rows:,}").replace(
            "%4", f"{report.total_rows - report.imported:,}").replace("%5", f"{report.replaced:,}").replace(
            "%6", f"{report.seconds:.1f}")
        if report.imported == 0 and report.total_rows:
            text += " " + self.tr("Nothing was stored: no row was good.")
        colour = "#1b5e20" if not report.bad_rows else "#7a5200"
        self.report_label.setText(f"<span style='color:{colour}; font-weight:bold'>{_esc(text)}</span>"
                                  + "".join(f"<br>{_esc(w)}" for w in report.warnings))
        self.bad_model.set_rows(list(report.bad_rows))
        self.bad_view.setColumnWidth(0, 60)
        self.bad_view.setColumnWidth(1, 110)
        self.bad_view.setColumnWidth(2, 420)


def _tm_band(h: Any) -> str:
    return h.risk


HIT_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "Rank"), lambda h: h.rank, align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Reg. no."), lambda h: h.reg_no),
    Column(QT_TRANSLATE_NOOP("Columns", "Mark"), lambda h: h.mark),
    Column(QT_TRANSLATE_NOOP("Columns", "Right holder"), lambda h: h.owner),
    Column(QT_TRANSLATE_NOOP("Columns", "Classes"), lambda h: ",".join(x for x in (h.classes, h.groups) if x)),
    Column(QT_TRANSLATE_NOOP("Columns", "Score"), lambda h: h.score, align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Likely confusion"), lambda h: h.likely_confusion),
    Column(QT_TRANSLATE_NOOP("Columns", "Risk"), lambda h: tl(RISK, h.risk)),
    Column(QT_TRANSLATE_NOOP("Columns", "Status"), lambda h: h.status),
]


class MarkScreenTab(ResultTab):
    """One mark against the register: ranked hits, and the factors of the selected hit.

    Signals:
        finished(): the hits are shown.
    """

    def __init__(self, page: RightsRegisterPage) -> None:
        super().__init__(page)
        self.mark = self.run_line_edit("screenMark")
        self.classes = self.run_line_edit("screenClasses")
        self.top = QSpinBox(self)
        self.top.setObjectName("screenTop")
        self.top.setRange(1, 200)
        self.top.setValue(20)
        self.run_button = self.make_run_button("screenMarkRun")
        self.l_mark, self.l_classes, self.l_top = QLabel(self), QLabel(self), QLabel(self)
        row = QHBoxLayout()
        for w, s in ((self.l_mark, 0), (self.mark, 2), (self.l_classes, 0), (self.classes, 1), (self.l_top, 0),
                     (self.top, 0), (self.run_button, 0)):
            row.addWidget(w, s)
        self.summary = QLabel(self)
        self.summary.setObjectName("screenMarkSummary")
        self.summary.setWordWrap(True)
        self.model = StatusModel(HIT_COLUMNS, _tm_band, {"high": RISK_COLOURS["high"], "medium": RISK_COLOURS["medium"]},
                                 self)
        self.table = table_view(self.model, self, "markHits", stretch=3)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _p: self._show_factors(cur.row()))
        self.factors = factor_model(self)
        self.factor_table = table_view(self.factors, self, "hitFactors")
        self.factor_title = QLabel(self)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        fw = QWidget(self)
        fv = QVBoxLayout(fw)
        fv.setContentsMargins(0, 0, 0, 0)
        fv.addWidget(self.factor_title)
        fv.addWidget(self.factor_table, 1)
        split.addWidget(fw)
        split.setSizes([340, 260])
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)

    def retranslate(self) -> None:
        self.l_mark.setText(self.tr("Mark:"))
        self.mark.setPlaceholderText(self.tr("e.g. 乔丹"))
        self.l_classes.setText(self.tr("Classes / groups:"))
        self.classes.setPlaceholderText(self.tr("e.g. 25 (empty: all classes)"))
        self.l_top.setText(self.tr("Hits:"))
        self.run_button.setText(self.tr("Screen"))
        self.factor_title.setText(self.tr("Factors of the selected hit (sentences for a letter):"))
        if self.result is None:
            self.summary.setText(self.tr("Ranks the register's marks by likelihood of confusion (glyph, sound, "
                                         "meaning, goods)."))
        else:
            self._summary(self.result)
        self.model.retranslate()
        self.factors.retranslate()

    def run(self) -> None:
        mark, classes, top = self.mark.text().strip(), self.classes.text().strip() or None, self.top.value()
        if not mark:
            self.page.set_status(self.tr("Enter a mark to screen."), error=True)
            return
        store = self.page.ctx.store
        self.page.set_status(self.tr("Screening the register…"))

        def work() -> Any:
            from qcy_workstation.precheck.screening import screen_trademark

            return screen_trademark(store, mark, classes=classes, top=top)

        self.submit(work, self._show, name="screen-mark")

    def _show(self, res: Any) -> None:
        self.result = res
        self.model.set_rows(list(res.hits))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self._summary(res)
        if res.hits:
            self.table.selectRow(0)
            self._show_factors(0)
        else:
            self.factors.set_rows([])

    def _summary(self, res: Any) -> None:
        likely = sum(h.likely_confusion for h in res.hits)
        self.summary.setText(self.tr("%1 hits from %2 register marks (%3 likely confusing).").replace(
            "%1", str(len(res.hits))).replace("%2", f"{res.register_size:,}").replace("%3", str(likely)))

    def _show_factors(self, row: int) -> None:
        hit = self.model.row_at(row)
        if hit is not None:
            self.factors.set_rows(list(hit.factors))  # the engine adds the goods line
            factor_columns(self.factor_table)


PATENT_HIT_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "Rank"), lambda h: h.rank, align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Patent no."), lambda h: h.number),
    Column(QT_TRANSLATE_NOOP("Columns", "Title"), lambda h: h.title),
    Column(QT_TRANSLATE_NOOP("Columns", "Right holder"), lambda h: h.owner),
    Column(QT_TRANSLATE_NOOP("Columns", "Verdict"), lambda h: tl(VERDICT_SHORT, h.verdict)),
    Column(QT_TRANSLATE_NOOP("Columns", "Score"), lambda h: h.score, align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Elements found"), lambda h: f"{h.covered}/{h.elements}"),
]


class ClaimScreenTab(ResultTab):
    """A claim or product description against claim 1 of the register's patents.

    Signals:
        finished(): the hits are shown.
    """

    def __init__(self, page: RightsRegisterPage) -> None:
        super().__init__(page)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("screenClaimText")
        self.text.setTabChangesFocus(True)
        self.text.setMaximumHeight(130)
        self.top = QSpinBox(self)
        self.top.setRange(1, 100)
        self.top.setValue(10)
        self.run_button = self.make_run_button("screenClaimRun")
        self.l_text, self.l_top = QLabel(self), QLabel(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.model = StatusModel(PATENT_HIT_COLUMNS, lambda h: h.verdict,
                                 {"literal": (RED_BG, RED_FG), "equivalent": (AMBER_BG, AMBER_FG)}, self)
        self.table = table_view(self.model, self, "patentHits", stretch=2)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _p: self._show_chart(cur.row()))
        self.chart = chart_model(self)
        self.chart_table = table_view(self.chart, self, "hitChart")
        chart_columns(self.chart_table)
        row = QHBoxLayout()
        row.addWidget(self.l_top)
        row.addWidget(self.top)
        row.addStretch(1)
        row.addWidget(self.run_button)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(self.chart_table)
        split.setSizes([230, 300])
        layout = QVBoxLayout(self)
        layout.addWidget(self.l_text)
        layout.addWidget(self.text)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)

    def retranslate(self) -> None:
        self.l_text.setText(self.tr("A claim or a product description to screen against claim 1 of the register's "
                                    "patents:"))
        self.l_top.setText(self.tr("Hits:"))
        self.run_button.setText(self.tr("Screen"))
        if self.result is None:
            self.summary.setText("")
        self.model.retranslate()
        self.chart.retranslate()

    def run(self) -> None:
        text, top = self.text.toPlainText(), self.top.value()
        if not text.strip():
            self.page.set_status(self.tr("Enter a claim or a product description to screen."), error=True)
            return
        store = self.page.ctx.store
        self.page.set_status(self.tr("Screening the register…"))

        def work() -> Any:
            from qcy_workstation.precheck.screening import screen_patent

            return screen_patent(store, text, top=top)

        self.submit(work, self._show, name="screen-claim")

    def _show(self, res: Any) -> None:
        self.result = res
        self.model.set_rows(list(res.hits))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.summary.setText(self.tr("%1 hits from %2 register patents.").replace(
            "%1", str(len(res.hits))).replace("%2", f"{res.register_size:,}"))
        if res.hits:
            self.table.selectRow(0)
            self._show_chart(0)
        else:
            self.chart.set_rows([])

    def _show_chart(self, row: int) -> None:
        hit = self.model.row_at(row)
        if hit is not None:
            self.chart.set_rows(element_rows(hit.chart))
            self.chart_table.resizeRowsToContents()


class GiScreenTab(ResultTab):
    """A label against the GI register (the shipped GIs plus the register's).

    Signals:
        finished(): the result is shown.
    """

    def __init__(self, page: RightsRegisterPage) -> None:
        super().__init__(page)
        self.label_edit = self.run_line_edit("screenGiLabel")
        self.region_edit = self.run_line_edit("screenGiRegion")
        self.run_button = self.make_run_button("screenGiRun")
        self.l_label, self.l_region = QLabel(self), QLabel(self)
        grid = QGridLayout()
        grid.addWidget(self.l_label, 0, 0)
        grid.addWidget(self.label_edit, 0, 1)
        grid.addWidget(self.l_region, 1, 0)
        grid.addWidget(self.region_edit, 1, 1)
        grid.addWidget(self.run_button, 1, 2)
        self.verdict = QLabel(self)
        self.verdict.setObjectName("screenGiVerdict")
        self.details = QTextBrowser(self)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.verdict)
        layout.addWidget(self.details, 1)

    def retranslate(self) -> None:
        self.l_label.setText(self.tr("Product label text:"))
        self.l_region.setText(self.tr("Producer's region:"))
        self.run_button.setText(self.tr("Screen"))
        if self.result is not None:
            self._show(self.result)
        else:
            badge(self.verdict, self.tr("No check yet."), None)

    def run(self) -> None:
        label, region = self.label_edit.text().strip(), self.region_edit.text().strip()
        if not label:
            self.page.set_status(self.tr("Enter the label text."), error=True)
            return
        store = self.page.ctx.store

        def work() -> Any:
            from qcy_workstation.precheck.screening import screen_gi

            return screen_gi(store, label, region)

        self.submit(work, self._show, name="screen-gi")

    def _show(self, res: Any) -> None:
        self.result = res
        note = ""
        if res.gi is not None and res.gi.source.startswith("register:"):
            note = " · " + self.tr("from the register (%1)").replace("%1", res.gi.source.split(":", 1)[1])
        show_gi(self.verdict, self.details, res, note)


# ---------------------------------------------------------------------------------------------------- page


class RightsRegisterPage(QWidget):
    """The rights register: counts per kind, import, and the three screenings."""

    TAB_KEYS = ("import", "mark", "claim", "gi")
    counted = Signal(object)

    def __init__(self, ctx: AppContext, window: Any = None) -> None:
        super().__init__()
        self.ctx, self.window_ = ctx, window
        self.counts: dict[str, int] | None = None
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 20px; font-weight: bold;")
        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("registerCounts")
        self.counts_label.setStyleSheet("background: #eef2f7; color: #1f3a5f; padding: 4px 10px; border-radius: 3px;")
        self.banner = QLabel(self)
        self.banner.setStyleSheet("background: #fdecea; color: #a4161a; padding: 4px 8px; border-radius: 3px;")
        head = QHBoxLayout()
        head.addWidget(self.heading)
        head.addSpacing(16)
        head.addWidget(self.counts_label)
        head.addStretch(1)
        head.addWidget(self.banner)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("registerTabs")
        self.import_tab = ImportTab(self)
        self.mark_tab = MarkScreenTab(self)
        self.claim_tab = ClaimScreenTab(self)
        self.gi_tab = GiScreenTab(self)
        for w in (self.import_tab, self.mark_tab, self.claim_tab, self.gi_tab):
            self.tabs.addTab(w, "")
        self.status = QLabel(self)
        self.status.setObjectName("registerStatus")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        self.retranslate()
        self.refresh_counts()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Rights register"))
        self.banner.setText(self.tr("Reference pre-check, not a legal determination"))
        for i, n in enumerate((self.tr("Import"), self.tr("Screen a mark"), self.tr("Screen a claim"),
                               self.tr("Screen a GI label"))):
            self.tabs.setTabText(i, n)
        for tab in (self.import_tab, self.mark_tab, self.claim_tab, self.gi_tab):
            tab.retranslate()
        self._show_counts()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def on_shown(self) -> None:
        self.refresh_counts()

    def refresh(self) -> None:
        self.refresh_counts()

    def refresh_counts(self) -> None:
        if self.ctx.store is None:
            return
        store = self.ctx.store

        def done(counts: dict[str, int]) -> None:
            self.counts = counts
            self._show_counts()
            self.counted.emit(counts)

        self.ctx.runner.submit(lambda: register_overview(store), on_success=done, on_error=self.failed,
                               name="register-counts")

    def _show_counts(self) -> None:
        c = self.counts
        if c is None:
            self.counts_label.setText(self.tr("Counting…"))
            return
        self.counts_label.setText(self.tr("Trademarks %1 · Patents %2 · GIs %3 (plus %4 shipped GIs)").replace(
            "%1", f"{c['trademark']:,}").replace("%2", f"{c['patent']:,}").replace("%3", f"{c['gi']:,}").replace(
            "%4", str(c.get("shipped_gi", 0))))

    def set_status(self, text: str, *, error: bool = False) -> None:
        self.status.setText(status_html(text, error=error))

    def failed(self, exc: BaseException) -> None:
        report_failure(self, exc, self.set_status)


register_page("register", QT_TRANSLATE_NOOP("Pages", "Rights register"), RightsRegisterPage, order=47,
              icon="precheck.svg",
              tooltip=QT_TRANSLATE_NOOP("Pages", "Import known rights and screen marks, claims and labels"))
