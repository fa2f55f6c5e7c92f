"""Table models over the core's plain rows.

``RowTableModel`` holds a short list (evidence of a case, its timeline, conflict hits) and sorts in
memory. ``PagedTableModel`` never loads a whole table: it asks a page function for ``page_size`` rows at a
time (``canFetchMore``/``fetchMore``), in the background, and sorts by asking the query again with another
order, so 100,000 cases cost what one screen costs. Column titles and code labels are translated when
they are shown, so a language switch is ``retranslate()``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from qcy_workstation.ui.tasks import Task, TaskRunner

Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the whole row object (a core dataclass)

OVERDUE_BG = QColor("#fde2e1")
OVERDUE_FG = QColor("#a4161a")
DUE_SOON_BG = QColor("#fff3cd")
DUE_SOON_FG = QColor("#7a5200")


@dataclass(frozen=True)
class Column:
    """One column: a title (source text in the "Columns" context), how to show a row, how to sort it."""

    title: str
    value: Callable[[Any], Any]
    sort_key: str | None = None  # the service's sort name; None: not sortable by the query
    align_right: bool = False
    tooltip: Callable[[Any], str] | None = None


def display(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "✓" if value else ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


class _ColumnsMixin:
    columns: Sequence[Column]
    rows: list[Any]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        return self._data(self.rows[index.row()], index, role)

    def row_at(self, row: int) -> Any:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def retranslate(self) -> None:
        """Column titles and code labels again, in the language now installed."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self.rows) - 1, len(self.columns) - 1))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.columns):
            return QCoreApplication.translate("Columns", self.columns[section].title)
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def row_colours(self, row: Any) -> tuple[QColor | None, QColor | None]:
        """(background, foreground) of a row; subclasses colour overdue cases."""
        return None, None

    def _data(self, row: Any, index: Index, role: int) -> Any:
        col = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return display(col.value(row))
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole:
            return col.tooltip(row) if col.tooltip else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            h = Qt.AlignmentFlag.AlignRight if col.align_right else Qt.AlignmentFlag.AlignLeft
            return int(h | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            bg = self.row_colours(row)[0]
            return QBrush(bg) if bg is not None else None
        if role == Qt.ItemDataRole.ForegroundRole:
            fg = self.row_colours(row)[1]
            return QBrush(fg) if fg is not None else None
        return None


class RowTableModel(_ColumnsMixin, QAbstractTableModel):
    """A short in-memory list of rows."""

    def __init__(self, columns: Sequence[Column], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        key = self.columns[column].value
        self.layoutAboutToBeChanged.emit()
        self.rows.sort(key=lambda r: display(key(r)), reverse=order == Qt.SortOrder.DescendingOrder)
        self.layoutChanged.emit()


PageFn = Callable[[int, int, str, bool], list[Any]]  # (offset, limit, sort, descending) -> rows
TotalFn = Callable[[], Any]


class PagedTableModel(_ColumnsMixin, QAbstractTableModel):
    """Rows fetched a page at a time from a query, in the background when a runner is given.

    Rows come first: the first page is shown as soon as it is read, and ``total_fn`` (a count, which
    must look at every match) runs afterwards as its own background task.

    Signals:
        loaded(): the first page of a new query is in the model (perhaps empty).
        counted(object): what ``total_fn`` returned, for the query now shown.
        failed(object): a page could not be read (the exception).
    """

    loaded = Signal()
    counted = Signal(object)
    failed = Signal(object)

    def __init__(self, columns: Sequence[Column], *, runner: TaskRunner | None, page_size: int = 200,
                 sort: str = "", descending: bool = True, parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.runner = runner
        self.page_size = page_size
        self.sort_key = sort
        self.descending = descending
        self.rows: list[Any] = []
        self._page_fn: PageFn | None = None
        self._total_fn: TotalFn | None = None
        self._exhausted = True
        self._loading = False
        self._generation = 0
        self._task: Task | None = None
        self._count_task: Task | None = None

    # ---------------------------------------------------------------- queries

    def set_query(self, page_fn: PageFn, total_fn: TotalFn | None = None) -> None:
        """Show the rows of a new query (a filter changed): drops the rows and reads the first page."""
        self._page_fn, self._total_fn = page_fn, total_fn
        self.reload()

    def reload(self) -> None:
        for task in (self._task, self._count_task):
            if task is not None:
                task.cancel()  # its result belongs to the previous query
        self._generation += 1
        self.beginResetModel()
        self.rows = []
        self._exhausted = self._page_fn is None
        # "Loading" already during the reset: a view reacting to it must not fetch a page of its own.
        self._loading = self._page_fn is not None
        self.endResetModel()
        if self._page_fn is not None:
            self._load(first=True)

    @property
    def loading(self) -> bool:
        return self._loading

    def _load(self, *, first: bool) -> None:
        page_fn, total_fn = self._page_fn, self._total_fn
        assert page_fn is not None
        offset, limit, sort, desc = len(self.rows), self.page_size, self.sort_key, self.descending
        generation = self._generation
        self._loading = True

        def work() -> list[Any]:
            return page_fn(offset, limit, sort, desc)

        def done(rows: list[Any]) -> None:
            if generation != self._generation:
                return
            self._task = None
            self._append(rows)
            if first:
                self.loaded.emit()
                if total_fn is not None:
                    self._count(total_fn, generation)

        def failed(exc: BaseException) -> None:
            if generation != self._generation:
                return
            self._task = None
            self._loading = False
            self._exhausted = True
            self.failed.emit(exc)

        task = self._run(work, done, failed, "page")
        if task is not None:
            self._task = task

    def _count(self, total_fn: TotalFn, generation: int) -> None:
        def done(total: Any) -> None:
            if generation == self._generation:
                self.counted.emit(total)

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self.failed.emit(exc)

        task = self._run(total_fn, done, failed, "count")
        if task is not None:
            self._count_task = task

    def _run(self, work: Callable[[], Any], done: Callable[[Any], None], failed: Callable[[BaseException], None],
             name: str) -> Task | None:
        """``work`` on the runner (its task), or at once without one (None): a failure takes the same path."""
        if self.runner is not None:
            return self.runner.submit(work, on_success=done, on_error=failed, name=name)
        try:
            done(work())
        except Exception as exc:  # same path as a failed background run
            failed(exc)
        return None

    def _append(self, rows: list[Any]) -> None:
        self._exhausted = len(rows) < self.page_size
        if rows:
            start = len(self.rows)
            self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
            self.rows.extend(rows)
            self.endInsertRows()
        # Only now: a view reacting to the insertion must not start the next page inside it.
        self._loading = False

    # ---------------------------------------------------------------- Qt model API

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and not self._exhausted and not self._loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if self.canFetchMore(parent):
            self._load(first=False)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Ask the query again in the new order (only columns with a ``sort_key``)."""
        if not 0 <= column < len(self.columns) or not self.columns[column].sort_key:
            return
        key = self.columns[column].sort_key or ""
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) != (self.sort_key, self.descending):
            self.sort_key, self.descending = key, descending
            if self._page_fn is not None:
                self.reload()

    def sort_column(self) -> int:
        return next((i for i, c in enumerate(self.columns) if c.sort_key == self.sort_key), -1)


def deadline_colours(state: str) -> tuple[QColor | None, QColor | None]:
    if state == "overdue":
        return OVERDUE_BG, OVERDUE_FG
    if state == "due_soon":
        return DUE_SOON_BG, DUE_SOON_FG
    return None, None
