"""Story: staff draft an advice letter on a case, preview it in the window, rewrite a paragraph of the
advice, and a second member of staff reviews and issues it (the drafter is refused, in plain words); the
issued letter reprints byte for byte. A plain preview exports to PDF with the case number in it, prints
offline through QPrinter, and guidance prints without a case."""

from __future__ import annotations

import hashlib
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtPrintSupport import QPrinter

from qcy_workstation.ui.pages.documents.preview import PREVIEW_DPI, paint_pages

A4_POINTS = (595.28, 841.89)


def pdf_text(data: bytes | Path) -> str:
    import io

    reader = PdfReader(io.BytesIO(data) if isinstance(data, bytes) else data)
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def ink_share(image: QImage) -> float:
    """Share of dark pixels on a thumbnail: 0 for a blank page."""
    small = image.scaled(120, 170, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation)
    dark = sum(1 for y in range(small.height()) for x in range(small.width())
               if QColor(small.pixel(x, y)).lightness() < 200)
    return dark / (small.width() * small.height())


def click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    assert button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_advice_letter_is_drafted_edited_then_reviewed_and_issued_by_another_member_of_staff(
        qtbot, window, ctx, add_case, type_text, tmp_path: Path):  # type: ignore[no-untyped-def]
    case = add_case(title="猕猴桃分拣装置专利侵权", applicant="陕西秦岭智能装备有限公司",
                    opponent="西安渭水机械制造有限公司", ip_type="patent",
                    facts="对方在西部农业博览会上销售与专利技术方案相同的分拣设备。")
    page = window.go("documents", case.number)
    assert page.kind == "advice-letter"
    qtbot.waitUntil(lambda: page.preview is not None, timeout=20000)

    # The preview shows rendered A4 pages, not blank ones.
    first = page.preview.images[0]
    assert abs(first.width() - A4_POINTS[0] * PREVIEW_DPI / 72) <= 2
    assert abs(first.height() - A4_POINTS[1] * PREVIEW_DPI / 72) <= 2
    assert ink_share(first) > 0.02
    shown = page.page_labels[0].pixmap()
    assert shown.width() > 400 and abs(shown.height() / shown.width() - A4_POINTS[1] / A4_POINTS[0]) < 0.01
    assert case.number in page.preview_info.text()
    text = pdf_text(page.preview.pdf)
    assert case.number in text and "未登记" in text  # a preview has no document number yet
    assert "西安渭水机械制造有限公司" in page.editors["advice"].toPlainText()  # the standard advice to start from

    editor = page.editors["advice"]
    editor.clear()
    type_text(editor, "建议先向对方发送警告函，要求其立即停止销售涉案分拣设备。")
    click(qtbot, page.draft_button)
    qtbot.waitUntil(lambda: page.selected is not None and page.preview.request.doc is not None, timeout=20000)
    draft = page.selected
    assert (draft.status, draft.drafted_by, draft.version) == ("drafted", "张三", 1)
    text = pdf_text(page.preview.pdf)
    assert "要求其立即停止销售涉案分拣设备" in text and "草稿" in text and draft.number in text
    assert page.model.rowCount() == 1

    # The drafter cannot review their own letter: told so on the page, nothing changes.
    click(qtbot, page.review_button)
    qtbot.waitUntil(lambda: page.message.isVisible() and "不能审核" in page.message.text(), timeout=10000)
    assert "张三" in page.message.text()
    assert page.selected.status == "drafted"

    ctx.staff = "李四"
    assert "李四" in page.staff_label.text()
    click(qtbot, page.review_button)
    qtbot.waitUntil(lambda: page.selected is not None and page.selected.status == "reviewed", timeout=10000)
    click(qtbot, page.issue_button)
    qtbot.waitUntil(lambda: page.selected is not None and page.selected.status == "issued"
                    and page.preview is not None and page.preview.frozen, timeout=20000)
    issued = page.selected
    assert (issued.reviewed_by, issued.issued_by) == ("李四", "李四")
    assert len(issued.files["pdf"]) == 64
    assert hashlib.sha256(page.preview.pdf).hexdigest() == issued.files["pdf"]  # the frozen bytes are shown
    assert "要求其立即停止销售涉案分拣设备" in pdf_text(page.preview.pdf)
    assert editor.isReadOnly() and not page.save_text_button.isEnabled()
    shown_sha = page.model.data(page.model.index(0, 8))
    assert issued.files["pdf"].startswith(shown_sha.rstrip("…"))

    out = tmp_path / "reprint.pdf"
    assert page.reprint_button.isEnabled()  # the button asks for the file; the test gives it
    page.reprint("pdf", str(out))
    qtbot.waitUntil(lambda: "完全相同" in page.message.text(), timeout=10000)
    assert hashlib.sha256(out.read_bytes()).hexdigest() == issued.files["pdf"]
    assert issued.files["pdf"] in page.message.text()


def test_a_notice_that_contradicts_the_case_is_refused_in_words(
        qtbot, window, add_case, cases):  # type: ignore[no-untyped-def]
    case = add_case(title="“秦川”商标侵权纠纷", applicant="西安秦川食品有限公司", opponent="咸阳某食品商行")
    page = window.go("documents", case.number)
    qtbot.waitUntil(lambda: page.preview is not None, timeout=20000)

    def offered(kind: str) -> bool:
        return bool(page.kind_combo.model().item(page.kind_combo.findData(kind)).isEnabled())

    # the case is only received: neither notice is offered in the list of kinds
    qtbot.waitUntil(lambda: not offered("acceptance-notice") and not offered("non-acceptance-notice"), timeout=20000)
    assert offered("advice-letter") and offered("guidance")
    page.set_kind("acceptance-notice", "zh")  # chosen anyway (e.g. a draft restored): refused in words
    qtbot.waitUntil(lambda: page.message.isVisible() and "受理通知书只用于已受理的案件" in page.message.text(),
                    timeout=20000)
    assert "“已收案”" in page.message.text()  # the case's status in words
    cases.transition(case.number, "accepted", reason="材料齐全")
    page = window.go("documents", case.number)
    page.open(case.number)
    qtbot.waitUntil(lambda: offered("acceptance-notice") and not offered("non-acceptance-notice"), timeout=20000)


def test_a_preview_exports_to_pdf_prints_offline_and_guidance_needs_no_case(
        qtbot, window, add_case, cases, tmp_path: Path):  # type: ignore[no-untyped-def]
    case = add_case(title="“秦川”商标侵权纠纷", applicant="西安秦川食品有限公司", opponent="咸阳某食品商行")
    cases.transition(case.number, "accepted")
    page = window.go("documents", case.number)
    qtbot.waitUntil(lambda: page.preview is not None, timeout=20000)
    with qtbot.waitSignal(page.previewed, timeout=20000):
        page.set_kind("acceptance-notice", "en")
    assert page.preview.title.startswith("Notice of Acceptance")

    out = tmp_path / "notice.pdf"
    page.export("pdf", str(out))
    qtbot.waitUntil(lambda: "SHA-256" in page.message.text(), timeout=10000)
    text = pdf_text(out)
    assert case.number in text and "西安秦川食品有限公司" in text
    assert hashlib.sha256(out.read_bytes()).hexdigest() in page.message.text()

    # Printing paints the page images onto the printer's pages (here a PDF printer: no device needed).
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    assert paint_pages(printer, page.preview.images) == len(page.preview.images)
    assert len(PdfReader(printed).pages) == len(page.preview.images)

    # Guidance for a walk-in enquirer: no case at all.
    with qtbot.waitSignal(page.previewed, timeout=20000):
        page.open("")
    assert page.kind == "guidance" and page.case_number is None
    assert page.topic_combo.isVisible() and not page.draft_button.isEnabled()
    assert "Guidance" in page.preview.title
    assert ink_share(page.preview.images[0]) > 0.02


def test_documents_follow_the_case_page_and_show_a_newly_saved_estimate(qtbot, window, add_case, wait_idle):  # type: ignore[no-untyped-def]
    case = add_case(title="分拣装置专利侵权", applicant="陕西秦岭智能装备有限公司", opponent="西安渭水机械制造有限公司",
                    ip_type="patent")
    window.go("case", case.number)
    wait_idle()
    with qtbot.waitSignal(window.page("documents").previewed, timeout=20000):
        docs = window.go("documents")
    assert docs.case_number == case.number
    assert "赔偿数额估算" not in pdf_text(docs.preview.pdf)

    comp = window.go("compensation")
    wait_idle()
    assert comp.case_edit.text() == case.number and comp.type_combo.currentData() == "patent"
    qtbot.keyClicks(comp.amounts["actual_loss"], "300000")
    comp.confidences["actual_loss"].setCurrentIndex(comp.confidences["actual_loss"].findData("high"))
    click(qtbot, comp.save_button)
    # the save runs beside the documents page's preview render (same process, same store): seconds under CI load
    qtbot.waitUntil(lambda: "已保存到案件" in comp.status.text(), timeout=30000)

    with qtbot.waitSignal(docs.previewed, timeout=20000):
        window.go("documents")
    text = pdf_text(docs.preview.pdf)
    assert "赔偿数额估算" in text and "人民币叁拾万元整" in text


def test_unverified_legal_points_are_told_to_staff_on_the_page_not_in_the_document(qtbot, window):  # type: ignore[no-untyped-def]
    """Issue 13 item 7: the litigation guidance cites articles not verified here; staff see it on the page."""
    page = window.go("documents")
    with qtbot.waitSignal(page.previewed, timeout=20000):
        page.open("")
    with qtbot.waitSignal(page.previewed, timeout=20000):
        page.topic_combo.setCurrentIndex(page.topic_combo.findData("litigation"))
    assert page.preview.staff_checks
    assert "工作人员" in page.preview_info.text() and "未经本工作站核对" in page.preview_info.text()
    assert "依记忆" in page.preview_info.toolTip()  # the staff notes themselves, for checking
    assert "依记忆" not in pdf_text(page.preview.pdf)  # never in the document
