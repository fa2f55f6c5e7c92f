"""The Settings page's backup section (issue 14 item 7): when the store was last backed up, "Back up now…"
and "Restore…", both off the GUI thread with progress and cancel, and the reminder's number of days.

The work is the core's (``SettingsService.backup``, ``db.backup.read_manifest`` / ``restore_store``): this
module asks for a folder, confirms a restore, shows progress and the result."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDateTime, Qt, QTimeZone
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
)

from qcy_workstation.ui.widgets import show_error

PREF_FOLDER = "backup/folder"  # the folder last backed up into (this desk), offered again


def local_time(iso: str) -> str:
    """An ISO time (UTC) as China time, ``2026-03-15 10:30``."""
    stamp = QDateTime.fromString(iso, Qt.DateFormat.ISODate)
    if not stamp.isValid():
        return iso
    return stamp.toTimeZone(QTimeZone(b"Asia/Shanghai")).toString("yyyy-MM-dd HH:mm")


class BackupBox(QGroupBox):
    """The section; ``page`` is the Settings page (its ``ctx`` and ``window_``)."""

    def __init__(self, page: Any) -> None:
        super().__init__(page)
        self.page = page
        self.ctx = page.ctx
        self.task: Any = None
        # Cancel asks the core to stop at its next check; the task itself is not cancelled, so its outcome
        # (stopped, or finished because a restore was past the point of no return) is always shown.
        self.stop_asked = threading.Event()
        self.setObjectName("backupBox")
        form = QFormLayout(self)
        self.status = QLabel(self)
        self.status.setObjectName("backupStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.status)
        self.reminder = QSpinBox(self)
        self.reminder.setObjectName("backup_reminder_days")
        self.reminder.setRange(0, 365)
        self.reminder.setValue(7)
        self.reminder.setMaximumWidth(120)
        self.l_reminder = QLabel(self)
        self.l_reminder.setBuddy(self.reminder)
        form.addRow(self.l_reminder, self.reminder)
        self.backup_button = QPushButton(self)
        self.backup_button.setObjectName("backupNow")
        self.backup_button.clicked.connect(lambda: self.back_up())
        self.restore_button = QPushButton(self)
        self.restore_button.setObjectName("restoreBackup")
        self.restore_button.clicked.connect(lambda: self.restore())
        self.progress = QProgressBar(self)
        self.progress.setObjectName("backupProgress")
        self.progress.setRange(0, 1000)
        self.progress.hide()
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("cancelBackup")
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(0)
        form.addRow(buttons)
        self.feedback = QLabel(self)
        self.feedback.setObjectName("backupFeedback")
        self.feedback.setWordWrap(True)
        self.feedback.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.feedback)
        self.last: Any = None

    def retranslate(self) -> None:
        self.setTitle(self.tr("Backup"))
        self.l_reminder.setText(self.tr("Remind on Today after this many days without a backup (0: never)"))
        self.backup_button.setText(self.tr("Back up now…"))
        self.backup_button.setToolTip(self.tr(
            "Copies the store, the evidence files and the issued documents into a new folder, with a manifest "
            "of their SHA-256 hashes. Other desks can go on working."))
        self.restore_button.setText(self.tr("Restore…"))
        self.restore_button.setToolTip(self.tr(
            "Checks a backup folder completely, keeps a copy of the current store beside it, then restores the "
            "backup. Close the workstation on the other desks first."))
        self.cancel_button.setText(self.tr("Cancel"))
        self._show_status(self.last)

    # ------------------------------------------------------------------ status

    def refresh(self) -> None:
        if self.ctx.store is None:
            return
        self.ctx.runner.submit(self.ctx.workstation().backup_status, on_success=self._show_status,
                               name="backup_status")

    def _show_status(self, status: Any) -> None:
        self.last = status
        if status is None:
            self.status.setText("…")
        elif status.last_at:
            text = self.tr("Last backup: %1, into %2.").replace("%1", local_time(status.last_at)) \
                .replace("%2", status.folder)
            self.status.setText(text)
        else:
            self.status.setText(self.tr("No backup of this store has been made yet."))
        due = status is not None and status.due
        self.status.setStyleSheet("color: #c62828;" if due else "")

    def show_settings(self, extra: dict[str, str]) -> None:
        """The reminder setting as loaded with the workstation settings."""
        from qcy_workstation.cases.settings import backup_reminder_days

        self.reminder.setValue(backup_reminder_days(extra))

    def changes(self) -> dict[str, object]:
        """What the page's "Save settings" stores for this section."""
        return {"backup_reminder_days": self.reminder.value()}

    # ------------------------------------------------------------------ back up

    def _choose_folder(self, caption: str, start: str) -> str:
        return QFileDialog.getExistingDirectory(self, caption, start or str(Path.home()))

    def back_up(self, folder: str | None = None) -> None:
        if self.task is not None:
            return
        if folder is None:
            folder = self._choose_folder(self.tr("Back up into which folder?"), self.ctx.prefs.get(PREF_FOLDER))
            if not folder:
                return
        self.ctx.prefs.set(PREF_FOLDER, folder)
        service = self.ctx.workstation()
        self._start(self.tr("Backing up… %p%"))

        def work(task: Any) -> Any:
            return service.backup(folder, progress=self._reporter(task))

        self.task = self.ctx.runner.submit(work, progress=True, on_progress=self._progress,
                                           on_success=self._backed_up, on_error=self._failed, name="backup")

    def _backed_up(self, result: Any) -> None:
        self._stop()
        self.feedback.setStyleSheet("color: #2e7d32;")
        self.feedback.setText(self.tr("Backed up: %1 files, %2 MB, into %3.")
                              .replace("%1", str(result.files)).replace("%2", f"{result.size / 1e6:.1f}")
                              .replace("%3", result.folder))
        self.refresh()
        self.ctx.settings_changed.emit()  # Today's reminder

    # ------------------------------------------------------------------ restore

    def restore(self, folder: str | None = None) -> None:
        if self.task is not None or self.ctx.store is None:
            return
        if folder is None:
            folder = self._choose_folder(self.tr("Choose the backup folder (qcy-backup-…)"),
                                         self.ctx.prefs.get(PREF_FOLDER))
            if not folder:
                return
        from qcy_workstation.db.backup import read_manifest

        self.ctx.runner.submit(lambda: read_manifest(folder), on_success=lambda m: self._confirm(folder, m),
                               on_error=lambda exc: show_error(self, exc), name="read_manifest")

    def _confirm(self, folder: str, manifest: dict[str, Any]) -> None:
        store = self.ctx.store
        if store is None:
            return
        target = str(store.path or store.url)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Restore a backup"), self.tr(
            "Replace the store %1 with the backup made %2 (%3 files)? Work entered since then is no longer in "
            "the store. A copy of the current store is kept beside it. Close the workstation on the other desks "
            "first.").replace("%1", target).replace("%2", local_time(str(manifest.get("created_at", ""))))
            .replace("%3", str(len(manifest.get("files", [])))),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("confirmRestore")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Restore"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Cancel"))
        if box.exec() != QMessageBox.StandardButton.Yes:
            return
        self._run_restore(folder)

    def _run_restore(self, folder: str) -> None:
        from qcy_workstation.db.backup import restore_store
        from qcy_workstation.db.store import open_store

        store, service = self.ctx.store, self.ctx.workstation()
        assert store is not None
        self._start(self.tr("Checking and restoring… %p%"))

        def work(task: Any) -> Any:
            result = restore_store(folder, store.url, progress=self._reporter(task))
            open_store(store.url).close()  # a backup of an older schema is migrated (a copy kept first)
            service.record_restore(result)
            return result

        self.task = self.ctx.runner.submit(work, progress=True, on_progress=self._progress,
                                           on_success=self._restored, on_error=self._failed, name="restore")

    def _restored(self, result: Any) -> None:
        self._stop()
        kept = result.previous_copy or self.tr("(there was none)")
        self.feedback.setStyleSheet("color: #2e7d32;")
        self.feedback.setText(self.tr("Restored the backup made %1. The previous store is kept as %2.")
                              .replace("%1", local_time(result.created_at)).replace("%2", kept))
        self.refresh()
        self.page.load()
        self.ctx.settings_changed.emit()
        self.ctx.consultations_changed.emit()
        self.ctx.cases_changed.emit("")  # every list shows the restored store

    # ------------------------------------------------------------------ progress

    def _reporter(self, task: Any) -> Any:
        """The core's progress callback (worker thread): reports, and says stop once Cancel was pressed."""
        stop = self.stop_asked

        def report(done: int, total: int) -> bool:
            task.report(done, total)
            return not stop.is_set()

        return report

    def _start(self, fmt: str) -> None:
        self.stop_asked.clear()
        self.feedback.setText("")
        self.progress.setValue(0)
        self.progress.setFormat(fmt)
        self.progress.show()
        self.cancel_button.show()
        self.backup_button.setEnabled(False)
        self.restore_button.setEnabled(False)

    def _stop(self) -> None:
        self.task = None
        self.progress.hide()
        self.cancel_button.hide()
        self.cancel_button.setEnabled(True)
        self.backup_button.setEnabled(True)
        self.restore_button.setEnabled(True)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setValue(int(1000 * done / max(total, 1)))

    def _failed(self, exc: BaseException) -> None:
        self._stop()
        if getattr(exc, "reason", None) == "backup.cancelled":
            self.feedback.setStyleSheet("")
            self.feedback.setText(self.tr("Cancelled; nothing was changed."))
            return
        show_error(self, exc)

    def cancel(self) -> None:
        if self.task is not None:
            self.stop_asked.set()
            self.cancel_button.setEnabled(False)
            self.progress.setFormat(self.tr("Cancelling…"))
