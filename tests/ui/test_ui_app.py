"""The application as a whole: language switch, Chinese font, translations, screenshots, store errors,
and the table models checked by qtmodeltester."""

from __future__ import annotations

import argparse
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QImage, QPainter
from PySide6.QtWidgets import QMessageBox

from qcy_workstation.cases.demo import seed_demo
from qcy_workstation.cases.dto import CaseFilter, ConsultationFilter
from qcy_workstation.resources import FONT_FAMILY, font_path, resource_path

UI_DIR = Path(__file__).resolve().parents[2] / "qcy_workstation" / "ui"
TS_FILE = resource_path("translations", "qcy_zh_CN.ts")
CJK = re.compile(r"[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef\u201c\u201d\u2018\u2019\u2026\u00b7\u2014]")


# ---------------------------------------------------------------------- language


def test_switching_language_keeps_what_was_typed(qtbot, window, ctx, type_text):
    intake = window.go("intake")
    assert intake.heading.text() == "新建案件"
    type_text(intake.title, "“秦川”商标侵权纠纷")
    type_text(intake.applicant_name, "西安秦川食品有限公司")
    type_text(intake.applicant_uscc, "91610000220530069K")  # wrong: its message must follow the language
    intake.set_type("patent")
    type_text(intake.rights["patent"].widgets["title"], "一种猕猴桃分选装置")
    assert "校验位" in intake.applicant_uscc.problem

    settings = window.go("settings")
    settings.language.setCurrentIndex(settings.language.findData("en"))
    assert ctx.prefs.language == "en"
    assert intake.heading.text() == "New case"
    assert "Cases" in [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert "(check) character should be" in intake.applicant_uscc.problem
    assert intake.title.text() == "“秦川”商标侵权纠纷"
    assert intake.applicant_name.text() == "西安秦川食品有限公司"
    assert intake.ip_type == "patent"
    assert intake.rights["patent"].value("title") == "一种猕猴桃分选装置"
    cases = window.go("cases")
    assert cases.model.headerData(0, Qt.Orientation.Horizontal) == "Number"

    settings = window.go("settings")
    settings.language.setCurrentIndex(settings.language.findData("zh_CN"))
    assert intake.heading.text() == "新建案件"
    assert intake.title.text() == "“秦川”商标侵权纠纷"
    assert cases.model.headerData(0, Qt.Orientation.Horizontal) == "编号"


def test_filters_survive_a_language_switch(qtbot, window, wait_idle):
    page = window.go("cases")
    page.status_box.setCurrentIndex(page.status_box.findData("declined"))
    window.set_language("en")
    assert page.status_box.currentData() == "declined"
    assert page.status_box.currentText() == "Declined"
    window.set_language("zh_CN")
    assert page.status_box.currentText() == "不予受理"
    wait_idle()


# ---------------------------------------------------------------------- Chinese font


def _chinese_strings() -> set[str]:
    texts: set[str] = set()
    for message in ET.parse(TS_FILE).getroot().iter("message"):
        translation = message.find("translation")
        if translation is not None:
            texts.add((translation.text or "") + "".join(c.text or "" for c in translation))
        texts.add(message.findtext("source") or "")
    for path in UI_DIR.rglob("*.py"):  # Chinese literals in the code (language names, separators)
        texts.update(re.findall(r"[\"']([^\"'\n]*[\u4e00-\u9fff][^\"'\n]*)[\"']", path.read_text("utf-8")))
    return texts


def test_shipped_font_covers_every_chinese_character_of_the_ui():
    from fontTools.ttLib import TTFont

    cmap = TTFont(str(font_path()), lazy=True).getBestCmap()
    chars = {ch for text in _chinese_strings() for ch in text if CJK.match(ch)}
    assert len(chars) > 300  # the translation really is there
    missing = sorted(ch for ch in chars if ord(ch) not in cmap)
    assert not missing, f"the shipped font lacks: {''.join(missing)}"


def test_chinese_renders_with_the_shipped_font_even_without_system_cjk_fonts(ui_app):
    assert FONT_FAMILY in QFontDatabase.families()
    assert FONT_FAMILY in ui_app.font().families()

    def render(text: str, font: QFont) -> QImage:
        image = QImage(120, 40, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setFont(font)
        painter.setPen(QColor("black"))
        painter.drawText(4, 30, text)
        painter.end()
        return image

    font = QFont(ui_app.font())
    font.setPixelSize(24)
    a, b = render("维", font), render("援", font)
    assert a != b, "two different Chinese characters render alike: boxes instead of glyphs"


CORE_UI_FILES = {"app.py", "context.py", "i18n.py", "main_window.py", "models.py", "tasks.py", "widgets.py",
                 "cases.py", "intake.py", "case_detail.py", "consultations.py", "settings.py", "today.py",
                 "edit_case.py", "add_right.py", "edit_party.py"}  # the case page's dialogs (ui/dialogs)


def test_every_string_of_the_core_pages_is_translated_and_compiled():
    """Pages added by later features keep their strings in their own zh_CN.<feature>.json."""
    unfinished = []
    current_file = ""
    for context in ET.parse(TS_FILE).getroot().iter("context"):
        for m in context.iter("message"):
            location = m.find("location")
            if location is not None and location.get("filename"):
                current_file = Path(location.get("filename")).name
            if current_file in CORE_UI_FILES and m.find("translation").get("type") == "unfinished":
                unfinished.append(f"{current_file}: {m.findtext('source')}")
    assert not unfinished
    assert resource_path("translations", "qcy_zh_CN.qm").stat().st_size > 10000


# ---------------------------------------------------------------------- models


@pytest.fixture
def demo_store(store):  # type: ignore[no-untyped-def]
    seed_demo(store, cases=60, consultations=40, seed=3)
    return store


def test_case_table_model_passes_qtmodeltester(qtmodeltester, demo_store):
    from qcy_workstation.cases.services import CaseService
    from qcy_workstation.ui.pages.cases import CaseTableModel

    service = CaseService(demo_store)
    model = CaseTableModel(None, page_size=25)
    model.set_query(lambda o, n, s, d: service.list(CaseFilter(), offset=o, limit=n, sort=s, descending=d),
                    lambda: service.counts_by_status(CaseFilter()))
    assert model.rowCount() == 25 and model.canFetchMore()
    qtmodeltester.check(model)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 60  # paged, never more than asked for at once
    model.sort(1, Qt.SortOrder.AscendingOrder)
    assert model.sort_key == "title" and not model.descending
    titles = [model.row_at(i).title for i in range(model.rowCount())]
    assert titles == sorted(titles)


def test_case_table_model_in_the_background_passes_qtmodeltester(qtbot, qtmodeltester, demo_store, ctx):
    from qcy_workstation.cases.services import CaseService
    from qcy_workstation.ui.pages.cases import CaseTableModel

    service = CaseService(demo_store)
    model = CaseTableModel(ctx.runner, page_size=20)
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.set_query(lambda o, n, s, d: service.list(CaseFilter(), offset=o, limit=n, sort=s, descending=d))
    qtmodeltester.check(model)
    model.fetchMore()
    qtbot.waitUntil(lambda: model.rowCount() == 40, timeout=5000)
    qtmodeltester.check(model)


def test_consultation_and_row_models_pass_qtmodeltester(qtmodeltester, demo_store):
    from qcy_workstation.cases.consultations import ConsultationService
    from qcy_workstation.cases.services import CaseService
    from qcy_workstation.ui.models import PagedTableModel, RowTableModel
    from qcy_workstation.ui.pages.case_detail import RIGHT_COLUMNS, TIMELINE_COLUMNS
    from qcy_workstation.ui.pages.consultations import CONSULTATION_LIST_COLUMNS

    consultations = ConsultationService(demo_store)
    paged = PagedTableModel(CONSULTATION_LIST_COLUMNS, runner=None, page_size=15)
    paged.set_query(lambda o, n, _s, _d: consultations.list(ConsultationFilter(), offset=o, limit=n))
    qtmodeltester.check(paged)

    cases = CaseService(demo_store)
    number = cases.list(limit=1)[0].number
    timeline = RowTableModel(TIMELINE_COLUMNS)
    timeline.set_rows(cases.timeline(number))
    qtmodeltester.check(timeline)
    rights = RowTableModel(RIGHT_COLUMNS)
    rights.set_rows(cases.get(number).rights)
    qtmodeltester.check(rights)
    rights.sort(0, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(rights)


def test_evidence_model_passes_qtmodeltester(qtmodeltester, store, cases, tmp_path):
    from qcy_workstation.cases.dto import NewCase, PartyInput
    from qcy_workstation.cases.evidence import EvidenceService
    from qcy_workstation.ui.models import RowTableModel
    from qcy_workstation.ui.pages.case_detail import EVIDENCE_COLUMNS

    case = cases.create(NewCase(title="证据", ip_type="patent", applicant=PartyInput(name="甲公司")))
    evidence = EvidenceService(store, "张三")
    for i in range(3):
        f = tmp_path / f"证据{i}.txt"
        f.write_text(f"内容 {i}", encoding="utf-8")
        evidence.add(case.number, f)
    model = RowTableModel(EVIDENCE_COLUMNS)
    model.set_rows(evidence.list(case.number))
    qtmodeltester.check(model)


# ---------------------------------------------------------------------- start, screenshots, errors


def test_screenshot_renders_the_window_with_chinese(tmp_path, store_path, ui_app):
    from qcy_workstation.db.store import open_store
    from qcy_workstation.ui.app import run_app

    s = open_store(store_path)
    seed_demo(s, cases=30, consultations=10, seed=5)
    s.close()
    out = tmp_path / "shot.png"
    args = argparse.Namespace(screenshot=str(out), page="case", lang="zh_CN", staff="王五")
    assert run_app(args, db_url=str(store_path)) == 0
    image = QImage(str(out))
    assert image.width() >= 1280 and image.height() >= 800


def test_a_damaged_store_is_explained_not_a_traceback(tmp_path, ui_app, answer_dialog, monkeypatch):
    from qcy_workstation.ui.app import run_app

    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(b"this is not a database" * 100)
    monkeypatch.setenv("QCY_UI_SETTINGS", str(tmp_path / "prefs.ini"))
    seen: list[str] = []

    def read_and_close(dialog):  # type: ignore[no-untyped-def]
        assert isinstance(dialog, QMessageBox)
        seen.append(dialog.windowTitle() + "\n" + dialog.text())
        dialog.accept()

    answer_dialog(read_and_close)
    args = argparse.Namespace(screenshot=None, page=None, lang="zh_CN", staff=None)
    assert run_app(args, db_url=str(broken)) == 1
    assert seen and "案件库出现问题" in seen[0] and "backup" in seen[0]


def test_first_start_on_an_empty_store_offers_a_separate_demo_store(tmp_path, ui_app, answer_dialog, monkeypatch):
    """The real entry point twice: the desk's empty store offers the demo store and stays empty; the demo
    store (``--demo``) opens marked 演示 and fills itself with invented cases."""
    import sys

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from qcy_workstation.cases.services import CaseService
    from qcy_workstation.db.store import open_store
    from qcy_workstation.ui import app as app_module
    from qcy_workstation.ui.app import run_app

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_app installs its crash dialog
    monkeypatch.setenv("QCY_UI_SETTINGS", str(tmp_path / "prefs.ini"))
    monkeypatch.setattr(app_module, "demo_store_path", lambda: tmp_path / "demo" / "qcy-demo.sqlite")
    monkeypatch.setattr(app_module, "DEMO_CASES", 40)
    launched: list[str] = []
    monkeypatch.setattr(app_module, "launch_demo", launched.append)  # the second window is a process of its own
    questions: list[str] = []

    def yes(dialog):  # type: ignore[no-untyped-def]
        questions.append(dialog.text())
        dialog.button(QMessageBox.StandardButton.Yes).click()
        QTimer.singleShot(200, lambda: [w.close() for w in QApplication.topLevelWidgets()
                                        if w.objectName() == "mainWindow" and w.isVisible()])

    def create_admin(dialog):  # type: ignore[no-untyped-def]
        # the first start of a new store creates its administrator; the demo offer comes after
        dialog.login.setText("wangwu")
        for edit in (dialog.password, dialog.again):
            edit.setText("王五的密码 2026")
        questions.append(dialog.objectName())
        dialog.accepted.connect(lambda: answer_dialog(written_down, timeout_ms=10000))
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    def written_down(dialog):  # type: ignore[no-untyped-def]
        # the recovery key of encrypted evidence is shown once, before anything else
        questions.append(dialog.objectName())
        dialog.written.setChecked(True)
        dialog.finished.connect(lambda _code: answer_dialog(yes, timeout_ms=10000))
        dialog.ok.click()

    answer_dialog(create_admin, timeout_ms=10000)
    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(QApplication.quit)  # never hang the suite
    guard.start(30000)
    db = tmp_path / "new-desk.sqlite"
    args = argparse.Namespace(screenshot=None, page="cases", lang="zh_CN", staff="王五", demo=False)
    try:
        assert run_app(args, db_url=str(db)) == 0
    finally:
        guard.stop()
    assert questions[:2] == ["createAdminDialog", "recoveryKeyDialog"] and "演示库" in questions[2]
    assert launched == ["王五"]
    store = open_store(db)
    try:
        from qcy_workstation.accounts.service import AccountService

        wangwu = AccountService(store).authenticate("wangwu", "王五的密码 2026")
        assert CaseService(store, wangwu).count() == 0  # the desk's own store stays empty
    finally:
        store.close()

    seen: dict[str, object] = {}

    def close_when_cases_show() -> None:
        window = next((w for w in QApplication.topLevelWidgets()
                       if w.objectName() == "mainWindow" and w.isVisible()), None)
        page = window.pages.get("cases") if window is not None else None
        if page is not None and page.model.rowCount() > 0 and not page.model.loading:
            seen["title"], seen["rows"] = window.windowTitle(), page.model.rowCount()
            window.close()
        else:
            QTimer.singleShot(50, close_when_cases_show)

    QTimer.singleShot(100, close_when_cases_show)
    guard.start(30000)
    try:
        assert run_app(argparse.Namespace(screenshot=None, page="cases", lang="zh_CN", staff="王五", demo=True)) == 0
    finally:
        guard.stop()
    assert "演示" in str(seen.get("title")) and int(seen.get("rows", 0)) > 0  # type: ignore[call-overload]
    demo = open_store(tmp_path / "demo" / "qcy-demo.sqlite")
    try:
        assert CaseService(demo).count() == 40
    finally:
        demo.close()
    assert (tmp_path / "prefs.ini").read_text(encoding="utf-8").count("language=zh_CN") == 1

def test_an_unexpected_error_is_logged_and_shown_in_plain_words(ui_app, tmp_path, answer_dialog, monkeypatch):
    import sys

    from qcy_workstation.ui import app as app_module

    log = tmp_path / "crash.log"
    monkeypatch.setattr(app_module, "crash_log_path", lambda: log)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    app_module.install_excepthook()
    seen: list[QMessageBox] = []

    def read(dialog):  # type: ignore[no-untyped-def]
        seen.append((dialog.text(), dialog.detailedText()))
        dialog.accept()

    answer_dialog(read)
    try:
        raise ZeroDivisionError("boom in a slot")
    except ZeroDivisionError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    text, details = seen[0]
    assert "意外问题" in text and str(log) in text
    assert "ZeroDivisionError" in details and "Traceback" not in text
    assert "boom in a slot" in log.read_text(encoding="utf-8")


def test_window_geometry_language_and_last_page_persist(qtbot, ctx, prefs):
    from qcy_workstation.ui.main_window import MainWindow, load_pages

    load_pages()
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.resize(1333, 811)
    win.show()
    win.go("consultations")
    win.set_language("en")
    ctx.runner.wait_idle(5000)
    win.close()
    again = prefs.qs.__class__(prefs.qs.fileName(), prefs.qs.Format.IniFormat)
    assert again.value("ui/last_page") == "consultations"
    assert again.value("ui/language") == "en"
    assert again.value("window/geometry")
    win.set_language("zh_CN")


def test_settings_change_deadlines_and_staff_name(qtbot, window, ctx, store, wait_idle):
    from qcy_workstation.cases.settings import SettingsService

    intake = window.go("intake")
    wait_idle()
    page = window.go("settings")
    wait_idle()
    assert page.days["acceptance_days"].value() == 5
    page.days["acceptance_days"].setValue(7)
    page.staff.setText("王五")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已保存" in page.feedback.text(), timeout=5000)
    wait_idle()
    assert SettingsService(store).get().acceptance_days == 7
    assert ctx.staff == "王五" and ctx.prefs.staff == "王五"
    assert "工作人员：王五" in window.status_staff.text()
    assert "7 个工作日" in intake.deadline_text.text()
    assert intake.staff.placeholderText() == "王五"


def test_emitting_signals_and_void_calls_many_times_is_safe(ui_app, ctx):
    """PySide6 6.12.0's emit() and void methods dropped a reference to True / None on every call, which
    aborts Python after a working day ('bool_dealloc' / 'none_dealloc'); pyproject pins below 6.12 and this
    fails on any binding that brings the bug back."""
    import sys

    from PySide6.QtCore import QObject, Signal
    from PySide6.QtWidgets import QLineEdit

    class Emitter(QObject):
        ping = Signal()

    emitter = Emitter()
    edit = QLineEdit()
    for _ in range(100):  # warm-up: caches fill once
        emitter.ping.emit()
        edit.clear()
    before = (sys.getrefcount(True), sys.getrefcount(None))
    for _ in range(20000):
        emitter.ping.emit()
        edit.clear()
    after = (sys.getrefcount(True), sys.getrefcount(None))
    assert after[0] >= before[0] - 10 and after[1] >= before[1] - 10, (before, after)
    results: list[bool] = []
    for i in range(40):
        ctx.runner.submit(lambda i=i: i % 2 == 0, on_success=results.append)
        assert ctx.runner.wait_idle(5000)
    assert results.count(True) == 20 and results.count(False) == 20
