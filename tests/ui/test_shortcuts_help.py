"""F1 lists every keyboard shortcut the window has, each with what it does, in the interface language."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut


def test_f1_lists_every_shortcut_that_exists(qtbot, window, answer_dialog) -> None:
    shown: list[str] = []

    def read(dialog) -> None:  # type: ignore[no-untyped-def]
        shown.append(dialog.text())
        dialog.accept()

    answer_dialog(read)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    text = shown[0]

    native = QKeySequence.SequenceFormat.NativeText
    keys = {seq.toString(native) for act in window.findChildren(QAction) for seq in act.shortcuts() if not seq.isEmpty()}
    keys |= {sc.key().toString(native) for sc in window.findChildren(QShortcut) if not sc.key().isEmpty()}
    keys -= {f"Ctrl+{i}" for i in range(2, 9)}  # the sidebar's Ctrl+1 … Ctrl+9 are one line
    assert len(keys) >= 12
    missing = sorted(k for k in keys if k not in text)
    assert not missing, missing
    for words in ("打印预览", "添加证据", "计算", "新建案件", "刷新"):
        assert words in text, words
    assert "?" not in [r[1] for r in window.shortcut_list()]  # every shortcut says what it does
