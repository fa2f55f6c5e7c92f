"""The rights register's import tab: reading a CSV/XLSX file's first rows, mapping its columns to the
register's fields, the import with progress and cancel, and the report of refused rows.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
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
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

from qcy_workstation.errors import QcyError, ValidationError
from qcy_workstation.ui.models import Column, RowTableModel
from qcy_workstation.ui.pages.precheck.common import (
    GREEN_BG,
    _esc,
    table_view,
)

if TYPE_CHECKING:
    from qcy_workstation.ui.pages.rights_register.page import RightsRegisterPage


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
    "registered_on": QT_TRANSLATE_NOOP("RegisterLabels", "registration date"),
    "expires_on": QT_TRANSLATE_NOOP("RegisterLabels", "expiry date"),
    "filed_on": QT_TRANSLATE_NOOP("RegisterLabels", "filing date"),
    "granted_on": QT_TRANSLATE_NOOP("RegisterLabels", "grant date"),
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
        self.last_watch: Any = None  # the watch-list screening after the last import (issue 17 item 3)
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
        store, staff = self.page.ctx.store, self.page.ctx.actor
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
        self._watch(report)

    def _watch(self, report: Any) -> None:
        """Screen the rows just imported against the enterprises' own marks and claims (issue 17 item 3);
        the hits become early-warning risks, and the report says how many."""
        ctx = self.page.ctx
        if not report.imported or report.kind not in ("trademark", "patent") or not ctx.may("warning.edit"):
            return
        service, batch = ctx.portfolios(), report.batch

        def done(watch: Any) -> None:
            self.last_watch = watch
            if watch.own_marks or watch.own_patents:
                self.report_label.setText(self.report_label.text() + "<br>" + _esc(self.tr(
                    "Watch of the enterprises' own rights: %1 hits, %2 new early-warning risks (%3 need review); "
                    "see the early-warning page.").replace("%1", str(len(watch.hits))).replace(
                    "%2", str(watch.stored)).replace("%3", str(sum(h.needs_review for h in watch.hits)))))

        ctx.runner.submit(lambda: service.watch(batch=batch, trigger="register_change"), on_success=done,
                          on_error=self.page.failed, name="portfolio-watch")

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
