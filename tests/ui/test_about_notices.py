"""Help → About names the third-party parts the program ships and their licences (issue 16 item 4): Qt under
the LGPL, the fonts' licences, CC-CEDICT and the sentence model; the installed program shows the whole
THIRD-PARTY-NOTICES.txt written beside it when it was built."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QMessageBox


def open_about_by_the_menu(qtbot, window, answer_dialog) -> QMessageBox:  # type: ignore[no-untyped-def]
    shown: list[tuple[str, str, str, str]] = []

    def read(dialog) -> None:  # type: ignore[no-untyped-def]
        shown.append((dialog.objectName(), dialog.text(), dialog.informativeText(), dialog.detailedText()))
        dialog.accept()

    answer_dialog(read)
    help_menu = window.menu_help
    about = next(a for a in help_menu.actions() if a is window.act_about)
    assert about.isEnabled() and about.text()
    about.trigger()  # Help → About, as the menu does
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    return shown[0]  # type: ignore[return-value]


def test_about_names_qt_under_the_lgpl_and_the_fonts_licences(qtbot, window, answer_dialog) -> None:  # type: ignore[no-untyped-def]
    name, text, informative, details = open_about_by_the_menu(qtbot, window, answer_dialog)
    assert name == "aboutDialog"
    for needed in ("LGPL", "Qt", "PySide6", "Arphic Public License", "SIL OFL 1.1", "Apache-2.0", "CC BY-SA 4.0",
                   "CC-CEDICT", "WenQuanYi Micro Hei", "AR PL UMing CN", "Liberation Serif"):
        assert needed in text, needed
    assert "THIRD-PARTY-NOTICES.txt" in informative  # where the installed program keeps the full list
    assert details == ""  # a checkout has no generated list


def test_the_installed_program_shows_its_notices_file_in_about(qtbot, window, answer_dialog, monkeypatch,
                                                                tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    program = tmp_path / "qcy-workstation"
    program.write_bytes(b"")
    (tmp_path / "THIRD-PARTY-NOTICES.txt").write_text("numpy 2.4\n    licence: BSD-3-Clause\nGNU LESSER GENERAL "
                                                      "PUBLIC LICENSE\n", encoding="utf-8")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(program))
    _, _, informative, details = open_about_by_the_menu(qtbot, window, answer_dialog)
    assert str(tmp_path / "THIRD-PARTY-NOTICES.txt") in informative
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in details and "BSD-3-Clause" in details
