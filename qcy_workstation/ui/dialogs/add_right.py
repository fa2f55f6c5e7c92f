"""Adding a right found after intake to a case (from the case page)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from qcy_workstation.cases.dto import (
    RightInput,
)
from qcy_workstation.cases.validation import IP_TYPES
from qcy_workstation.ui import i18n
from qcy_workstation.ui.widgets import (
    ValidatedLineEdit,
)


class AddRightDialog(QDialog):
    """A right found after intake (a further patent, another registration)."""

    def __init__(self, ip_type: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from qcy_workstation.ui.pages.intake import _RightFields

        self.setObjectName("addRightDialog")
        self.setMinimumWidth(480)
        self.kind = QComboBox(self)
        self.stack = QStackedWidget(self)
        self.fields: dict[str, Any] = {}
        for kind in IP_TYPES:
            self.kind.addItem(i18n.label(i18n.IP_TYPE, kind), kind)
            self.fields[kind] = _RightFields.build(kind)
            self.stack.addWidget(self.fields[kind])
        self.kind.currentIndexChanged.connect(
            lambda _i: self.stack.setCurrentWidget(self.fields[self.kind.currentData()]))
        self.kind.setCurrentIndex(max(self.kind.findData(ip_type), 0))
        self.stack.setCurrentWidget(self.fields[self.kind.currentData()])
        self.setWindowTitle(self.tr("Add a right"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.kind)
        layout.addWidget(self.stack)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        fields = self.fields[self.kind.currentData()]
        bad = [w for w in fields.widgets.values() if isinstance(w, ValidatedLineEdit) and w.problem]
        if bad:
            bad[0].setFocus()
            return
        if fields.right() is not None:
            self.accept()

    def right(self) -> RightInput | None:
        return self.fields[self.kind.currentData()].right()
