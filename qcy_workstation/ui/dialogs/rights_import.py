"""Fill an enterprise's portfolio from the register (issue 17 item 3) in the desktop, as
``enterprise rights import`` does on the command line.

Two steps, both off the GUI thread: first what the import *would* add (the core's dry run:
``PortfolioService.import_rights(apply=False)``), shown to staff with what is already on file, the bad lines
and the rows of other holders; only when staff confirm are the new rights added (one transaction, audited).
Which rows belong to the enterprise (holder by normalised name or credit code) is the core's rule.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from qcy_workstation.ui import errors
from qcy_workstation.ui.widgets import show_error

SHOWN = 15  # rows listed in the confirmation; the rest are counted


def _where(bad: Any) -> str:
    """Where a bad line was, in the user's language: the file's row, or the register row's number."""
    if bad.row is not None:
        return QCoreApplication.translate("RightsImport", "row %1").replace("%1", str(bad.row))
    if bad.number:
        return QCoreApplication.translate("RightsImport", "register %1").replace("%1", bad.number)
    return str(bad.line)


def _summary(plan: Any, file: str | None) -> str:
    source = Path(file).name if file else QCoreApplication.translate("RightsImport", "the register on file")
    lines = [QCoreApplication.translate("RightsImport", "%1 from %2:").replace("%1", plan.enterprise)
             .replace("%2", source)]
    for r in plan.to_add[:SHOWN]:
        lines.append(f"  + {r.number}  {r.title}" + (f"  ({r.classes})" if r.classes else ""))
    if len(plan.to_add) > SHOWN:
        lines.append("  " + QCoreApplication.translate("RightsImport", "… and %1 more").replace("%1", str(len(plan.to_add) - SHOWN)))
    if plan.already:
        lines.append(QCoreApplication.translate("RightsImport", "Already on file, left as they are: %1").replace("%1", str(len(plan.already))))
    for bad in plan.bad[:SHOWN]:
        lines.append(f"  ! {_where(bad)}: " + (errors.message(bad.error) if bad.error is not None else bad.reason))
    if plan.other_holders:
        lines.append(QCoreApplication.translate("RightsImport", "Rows of other holders, not touched: %1").replace("%1", str(plan.other_holders)))
    return "\n".join(lines)


class RightsImport:
    """One import for one enterprise: the dry run, the question, then the import itself.

    ``box`` is the open question (or the final notice), so a test clicks its buttons as staff do."""

    def __init__(self, parent: QWidget, ctx: Any, enterprise_id: int, *, file: str | None,
                 on_done: Callable[[Any], None]) -> None:
        self.parent, self.ctx, self.enterprise_id, self.file = parent, ctx, enterprise_id, file
        self.on_done = on_done
        self.box: QMessageBox | None = None
        self.plan: Any = None

    def start(self) -> None:
        service, ident, file = self.ctx.portfolios(), self.enterprise_id, self.file
        self.ctx.runner.submit(lambda: service.import_rights(ident, file=file, from_register=file is None,
                                                             apply=False),
                               on_success=self._ask, on_error=lambda exc: show_error(self.parent, exc),
                               name="rights_import_preview")

    def _ask(self, plan: Any) -> None:
        self.plan = plan
        box = QMessageBox(self.parent)
        box.setObjectName("rightsImportBox")
        box.setStyleSheet("QLabel#qt_msgbox_informativelabel { min-width: 520px; }")  # one right per line
        box.setWindowTitle(QCoreApplication.translate("RightsImport", "Import rights"))
        if not plan.to_add:
            box.setIcon(QMessageBox.Icon.Information)
            box.setText(QCoreApplication.translate("RightsImport", "Nothing new to add."))
            box.setInformativeText(_summary(plan, self.file))
            box.setStandardButtons(QMessageBox.StandardButton.Ok)
        else:
            box.setIcon(QMessageBox.Icon.Question)
            box.setText(QCoreApplication.translate("RightsImport", "Add %1 right(s) to the enterprise's portfolio?").replace("%1", str(len(plan.to_add))))
            box.setInformativeText(_summary(plan, self.file))
            box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
            box.button(QMessageBox.StandardButton.Yes).clicked.connect(self._apply)
        self.box = box
        box.open()

    def _apply(self) -> None:
        service, ident, file = self.ctx.portfolios(), self.enterprise_id, self.file
        self.ctx.runner.submit(lambda: service.import_rights(ident, file=file, from_register=file is None),
                               on_success=self.on_done, on_error=lambda exc: show_error(self.parent, exc),
                               name="rights_import")


def import_rights(parent: QWidget, ctx: Any, enterprise_id: int, *, from_file: bool,
                  on_done: Callable[[Any], None]) -> RightsImport | None:
    """Start an import into ``enterprise_id``'s portfolio from the register on file or from a register file
    staff pick (CSV or Excel). Returns the running import, or None when staff cancelled the file choice."""
    file = None
    if from_file:
        name, _ = QFileDialog.getOpenFileName(parent, QCoreApplication.translate("RightsImport", "Register file to import from"), str(Path.home()),
                                              QCoreApplication.translate("RightsImport", "Register files (*.csv *.xlsx);;All files (*)"))
        if not name:
            return None
        file = name
    job = RightsImport(parent, ctx, enterprise_id, file=file, on_done=on_done)
    job.start()
    return job
