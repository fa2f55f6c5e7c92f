"""Stories that used to kill the app or do nothing when a clerk used the buttons (issue 11, items 1-2):
print preview from the documents page, by button and by Ctrl+Shift+P, and the early-warning page's
"New project…" button."""

from __future__ import annotations

import gc

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintPreviewDialog


def test_print_preview_opens_by_button_and_by_shortcut_and_the_app_lives_on(
        qtbot, window, add_case, wait_idle, answer_dialog):  # type: ignore[no-untyped-def]
    case = add_case(title="网店使用近似商标", applicant="西安秦川食品有限公司")
    page = window.go("documents", case.number)
    qtbot.waitUntil(lambda: page.preview is not None, timeout=20000)
    wait_idle()
    seen: list[str] = []

    def close_preview(dialog) -> None:  # type: ignore[no-untyped-def]
        gc.collect()  # the printer it was given was freed here and the dialog then painted on freed memory
        seen.append(dialog.objectName())
        assert isinstance(dialog, QPrintPreviewDialog)
        dialog.reject()

    answer_dialog(close_preview, timeout_ms=30000)
    qtbot.mouseClick(page.print_preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=30000)
    wait_idle()

    answer_dialog(close_preview, timeout_ms=30000)
    window.activateWindow()  # a window shortcut needs the window active, as it is under the clerk's hands
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    qtbot.keyClick(page, Qt.Key.Key_P,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=30000)
    wait_idle()
    assert seen == ["docPrintPreviewDialog", "docPrintPreviewDialog"]
    assert window.isVisible() and page.preview is not None  # still alive, nothing lost


def test_new_project_button_opens_the_project_form(qtbot, window, wait_idle, answer_dialog):  # type: ignore[no-untyped-def]
    page = window.go("warning")
    wait_idle()
    opened: list[str] = []

    def cancel(dialog) -> None:  # type: ignore[no-untyped-def]
        opened.append(type(dialog).__name__)
        dialog.reject()

    answer_dialog(cancel)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(opened), timeout=5000)
    assert opened == ["ProjectDialog"]


def test_a_claims_pdf_is_read_with_a_runtime_dependency(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Opening a PDF of the claims used pypdf, which only the tests install: a packaged desk failed on it."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    from qcy_workstation.files import read_text_file
    from qcy_workstation.resources import font_path

    pdfmetrics.registerFont(TTFont("QcyTestFont", str(font_path())))
    path = tmp_path / "claims.pdf"
    c = canvas.Canvas(str(path))
    c.setFont("QcyTestFont", 12)
    c.drawString(72, 700, "1. 一种保温杯，包括杯体和杯盖。")
    c.save()
    assert "一种保温杯" in read_text_file(str(path))


def test_pressing_enter_on_the_first_run_question_never_loads_demo_data(
        qtbot, window, ctx, wait_idle, answer_dialog):  # type: ignore[no-untyped-def]
    """Issue 11 item 6: the demo offer's default button is "No"."""
    from qcy_workstation.ui.app import offer_demo

    asked: list[str] = []

    def press_enter(dialog) -> None:  # type: ignore[no-untyped-def]
        asked.append(dialog.text())
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    answer_dialog(press_enter)
    offer_demo(ctx, window)
    qtbot.waitUntil(lambda: bool(asked), timeout=10000)
    wait_idle()
    assert ctx.cases().count() == 0 and ctx.prefs.get("desk/demo_declined") == "1"


def test_the_window_fits_the_screen_it_opens_on(window) -> None:  # type: ignore[no-untyped-def]
    """Issue 11 item 7 (part): a geometry larger than the screen (saved on a bigger one) is brought inside."""
    window.resize(4000, 3000)
    window.fit_to_screen()
    avail = window.screen().availableGeometry()
    assert window.frameGeometry().width() <= avail.width() and window.frameGeometry().height() <= avail.height()
