"""Guard against Qt binding releases with reference-count bugs that crash a long-running desk.

PySide6 6.12.0 decremented None's reference count every time a model's ``data()`` returned None; after
enough repaints of the case table the interpreter aborts with "deallocating None". pyproject pins below it;
this test fails on any binding that brings the bug back.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QTableView


class _Model(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()):  # type: ignore[no-untyped-def]  # noqa: B008
        return 0 if parent.isValid() else 20

    def columnCount(self, parent=QModelIndex()):  # type: ignore[no-untyped-def]  # noqa: B008
        return 3

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        return "x" if role == Qt.ItemDataRole.DisplayRole else None


def test_repainting_a_table_does_not_leak_references_to_none_or_booleans(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = QTableView()
    qtbot.addWidget(view)
    model = _Model()
    view.setModel(model)
    view.show()
    for _ in range(5):  # warm-up: Qt and the binding cache a few objects once
        view.viewport().repaint()
    before = (sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False))
    for _ in range(40):
        view.viewport().repaint()
    after = (sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False))
    drift = [b - a for a, b in zip(before, after, strict=True)]
    assert all(d >= -5 for d in drift), f"reference counts of None/True/False fell by {drift}"
