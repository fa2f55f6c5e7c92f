"""The backup section of the Settings page and Today's reminder (issue 14 item 7), driven as a clerk does:
clicks, the folder dialog answered, the restore confirmed; the results read back from the real store and
the real backup folder."""

from __future__ import annotations

import json
import sqlite3
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


def choose_folder(folder: Path):  # type: ignore[no-untyped-def]
    """A handler for ``answer_dialog`` that picks ``folder`` in the folder dialog, as a clerk would."""

    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog), dialog
        dialog.setDirectory(str(folder.parent))
        dialog.selectFile(str(folder))
        dialog.accept()

    return answer


def press(button_text: str):  # type: ignore[no-untyped-def]
    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox), dialog
        button = next(b for b in dialog.buttons() if b.text() == button_text)
        button.click()

    return answer


def _case_numbers(store_path: Path) -> set[str]:
    conn = sqlite3.connect(store_path)
    try:
        return {r[0] for r in conn.execute("SELECT number FROM cases")}
    finally:
        conn.close()


def _wait(qtbot, condition, timeout: int = 15000) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(condition, timeout=timeout)


@pytest.mark.sqlite_only("backup and restore copy the SQLite file; a PostgreSQL store is refused (backup.engine: pg_dump)")
def test_back_up_now_then_restore_from_the_settings_page(qtbot, window, ctx, store, store_path: Path, tmp_path: Path,
                                                         add_case, answer_dialog, wait_idle) -> None:
    first = add_case(title="“秦川”商标侵权", applicant="西安秦川科技有限公司")
    page = window.go("settings")
    wait_idle()
    box = page.backup
    assert "尚未备份" in box.status.text()
    target = tmp_path / "备份盘"
    target.mkdir()
    answer_dialog(choose_folder(target))
    qtbot.mouseClick(box.backup_button, Qt.MouseButton.LeftButton)
    _wait(qtbot, lambda: "备份完成" in box.feedback.text())
    wait_idle()
    [folder] = list(target.glob("qcy-backup-*"))
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["files"][0]["path"] == "store.sqlite" and str(folder) in box.feedback.text()
    assert "上次备份" in box.status.text() and str(folder) in box.status.text()
    assert ctx.prefs.get("backup/folder") == str(target)  # offered again next time

    later = add_case(title="备份之后登记的案件", applicant="咸阳某茶行")
    seen: list[str] = []

    def confirm(dialog: QWidget) -> None:  # the question after the folder: which store, made when; default No
        assert isinstance(dialog, QMessageBox) and dialog.objectName() == "confirmRestore", dialog
        assert dialog.defaultButton() == dialog.button(QMessageBox.StandardButton.No)
        seen.append(dialog.text())
        press("恢复")(dialog)

    def folder_then_confirm(dialog: QWidget) -> None:
        choose_folder(folder)(dialog)
        answer_dialog(confirm)

    answer_dialog(folder_then_confirm)
    qtbot.mouseClick(box.restore_button, Qt.MouseButton.LeftButton)
    _wait(qtbot, lambda: "已恢复" in box.feedback.text())
    assert str(store_path) in seen[0] and "个文件" in seen[0]
    wait_idle()
    assert _case_numbers(store_path) == {first.number}  # the case entered after the backup is gone
    assert later.number not in {c.number for c in ctx.cases().list()}
    [kept] = list(tmp_path.glob("store.sqlite.before-restore-*.bak"))
    assert later.number in _case_numbers(kept) and str(kept) in box.feedback.text()
    assert ctx.workstation().backup_status().last_at == manifest["created_at"]


def _visible_box(name: str) -> Any:
    from PySide6.QtWidgets import QApplication

    return next((w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QMessageBox) and w.objectName() == name and w.isVisible()), None)


@pytest.mark.sqlite_only("backup and restore copy the SQLite file; a PostgreSQL store is refused (backup.engine: pg_dump)")
def test_a_damaged_backup_is_refused_in_words_and_the_store_is_untouched(qtbot, window, ctx, store, store_path: Path,
                                                                          tmp_path: Path, add_case, answer_dialog,
                                                                          wait_idle) -> None:
    add_case(title="“秦川”商标侵权", applicant="西安秦川科技有限公司")
    folder = Path(ctx.workstation().backup(tmp_path / "b").folder)
    later = add_case(title="备份之后登记的案件", applicant="咸阳某茶行")
    db = folder / "store.sqlite"
    data = bytearray(db.read_bytes())
    data[5000] ^= 0xFF
    db.write_bytes(bytes(data))
    page = window.go("settings")
    wait_idle()
    def folder_then_confirm(dialog: QWidget) -> None:
        choose_folder(folder)(dialog)
        answer_dialog(press("恢复"))  # the whole backup is checked before anything is replaced

    answer_dialog(folder_then_confirm)
    qtbot.mouseClick(page.backup.restore_button, Qt.MouseButton.LeftButton)
    _wait(qtbot, lambda: _visible_box("errorDialog") is not None)
    error = _visible_box("errorDialog")
    assert "已损坏" in error.text() and "store.sqlite" in error.text() and "未作任何更改" in error.text()
    error.accept()
    wait_idle()
    assert later.number in _case_numbers(store_path)
    assert not list(tmp_path.glob("*.before-restore-*"))


@pytest.mark.sqlite_only("backup and restore copy the SQLite file; a PostgreSQL store is refused (backup.engine: pg_dump)")
def test_cancel_stops_a_backup_and_leaves_no_folder(qtbot, window, ctx, store, tmp_path: Path, add_case,
                                                     answer_dialog, wait_idle, monkeypatch) -> None:
    from qcy_workstation.db import backup as backups

    add_case(title="“秦川”商标侵权", applicant="西安秦川科技有限公司")
    gate = threading.Event()
    tick = backups._Meter.tick

    def held(self, n):  # type: ignore[no-untyped-def]
        gate.wait(10)  # the copy is under way and waits until the clerk has pressed Cancel
        return tick(self, n)

    monkeypatch.setattr(backups._Meter, "tick", held)
    page = window.go("settings")
    wait_idle()
    box = page.backup
    target = tmp_path / "备份盘"
    target.mkdir()
    answer_dialog(choose_folder(target))
    qtbot.mouseClick(box.backup_button, Qt.MouseButton.LeftButton)
    _wait(qtbot, lambda: box.cancel_button.isVisible())
    assert not box.backup_button.isEnabled() and box.progress.isVisible()
    qtbot.mouseClick(box.cancel_button, Qt.MouseButton.LeftButton)
    gate.set()
    _wait(qtbot, lambda: "已取消" in box.feedback.text())
    wait_idle()
    assert list(target.iterdir()) == [] and box.backup_button.isEnabled()
    assert ctx.workstation().backup_status().last_at == ""


def test_today_reminds_when_the_last_backup_is_too_old_and_leads_to_settings(qtbot, window, ctx, store,
                                                                              tmp_path: Path, add_case,
                                                                              wait_idle) -> None:
    add_case(title="“秦川”商标侵权", applicant="西安秦川科技有限公司")
    service = ctx.workstation()
    old = (datetime.now(UTC) - timedelta(days=10)).replace(microsecond=0).isoformat()
    service._record_backup(old, str(tmp_path / "old"), action="backup", details={})
    page = window.go("today")
    wait_idle()
    reminder = page.backup_reminder
    assert reminder.isVisible() and "10 天前" in reminder.text() and "到“设置”页立即备份" in reminder.text()
    reminder.linkActivated.emit("settings")
    assert window.current_key == "settings"
    settings = window.page("settings")
    wait_idle()
    assert settings.backup.reminder.value() == 7
    settings.backup.reminder.setValue(30)  # the clerk allows a month between backups and saves
    qtbot.mouseClick(settings.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert service.backup_status().reminder_days == 30
    page = window.go("today")
    wait_idle()
    assert not page.backup_reminder.isVisible()
