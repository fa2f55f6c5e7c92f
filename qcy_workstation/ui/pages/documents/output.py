"""What leaves the documents page: printing (the system's print dialog or Qt's print preview, the page
images painted onto the printer, each job in the audit trail) and export to PDF or Word (an issued
document reprinted byte for byte, a draft marked as such).

Functions of the page (``page`` is the DocumentsPage); its strings keep the page's translation context.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage, QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog

from qcy_workstation.ui.pages.documents.preview import PRINT_DPI, paint_pages, rasterise


def print_images(page: Any, then: Callable[[list[QImage]], None]) -> None:
    """Images of the document shown on ``page`` at printer resolution (background), then ``then(images)``.
    An issued document prints its frozen bytes (recorded as a reprint)."""
    if page.preview is None:
        page.show_message(QCoreApplication.translate("DocumentsPage", "Nothing to print yet: preview a document first."),
                          error=True)
        return
    doc = page.selected if page.preview.frozen else None
    pdf = page.preview.pdf
    service = page._service()

    def work() -> list[QImage]:
        data = service.reprint(doc.id, "pdf") if doc is not None else pdf
        return rasterise(data, PRINT_DPI)

    page.preview_info.setText(QCoreApplication.translate("DocumentsPage", "Preparing the pages for the printer…"))
    page.ctx.runner.submit(work, on_success=then, on_error=page._refused, name="document_print")


def a4_printer(name: str) -> QPrinter:
    """A high-resolution A4 printer without margins of its own (the PDF carries its margins)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(name)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setFullPage(True)
    return printer


def print_document(page: Any) -> None:
    """The system's print dialog, then the pages."""

    def ready(images: list[QImage]) -> None:
        page._show_info()
        printer = a4_printer(page.preview.number if page.preview else "document")
        dialog = QPrintDialog(printer, page)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            pages = paint_pages(printer, images)
            page.show_message(QCoreApplication.translate("DocumentsPage", "Sent %1 page(s) to the printer.").replace(
                "%1", str(len(images))))
            record_print(page, pages, preview=False)

    print_images(page, ready)


def print_preview(page: Any) -> None:
    """Qt's print preview (page setup and printing from there), all offline."""

    def ready(images: list[QImage]) -> None:
        page._show_info()
        # the dialog keeps only a pointer to the printer: the printer must outlive it (a temporary one was
        # freed at once and the preview crashed the process)
        page._preview_printer = a4_printer(page.preview.number if page.preview else "document")
        dialog = QPrintPreviewDialog(page._preview_printer, page)
        dialog.setObjectName("docPrintPreviewDialog")
        dialog.paintRequested.connect(lambda printer: paint_pages(printer, images))
        dialog.resize(900, 1000)
        if dialog.exec() == QPrintPreviewDialog.DialogCode.Accepted:  # accepted: printed from the preview
            record_print(page, len(images), preview=True)

    print_images(page, ready)


def record_print(page: Any, pages: int, *, preview: bool) -> None:
    """Audit the print job just handed to the system (who printed which document, how many pages)."""
    shown = page.preview
    if shown is None or pages < 1:
        return
    req = shown.request
    doc = req.doc
    service = page._service()
    page.ctx.runner.submit(
        lambda: service.record_print(req.kind, req.case_number, lang=req.lang,
                                     ref=doc.id if doc is not None else None, pages=pages,
                                     number=shown.number, preview=preview),
        on_error=page._refused, name="document_print_audit")


# ---------------------------------------------------------------------------------------------------- export


def ask_path(page: Any, fmt: str, name: str) -> str:
    """The file to export to, asked with the system's dialog (the format's suffix added when left out)."""
    caption = (QCoreApplication.translate("DocumentsPage", "Export PDF") if fmt == "pdf"
               else QCoreApplication.translate("DocumentsPage", "Export Word"))
    filters = "PDF (*.pdf)" if fmt == "pdf" else "Word (*.docx)"
    path, _ = QFileDialog.getSaveFileName(page, caption, f"{name}.{fmt}", filters)
    if path and not path.lower().endswith(f".{fmt}"):
        path += f".{fmt}"
    return path


def export(page: Any, fmt: str, path: str | None = None) -> None:
    """Export what is shown to a file (asked for unless ``path`` is given). An issued document is
    reprinted byte for byte; a draft is marked as such; every export is recorded in the audit trail."""
    if page.kind != "guidance" and not page.case_number:
        page.show_message(QCoreApplication.translate("DocumentsPage", "This document needs a case: enter its number "
                                                                      "above."), error=True)
        return
    doc = page.selected
    name = doc.number if doc is not None else (page.preview.number if page.preview else page.kind)
    path = path or ask_path(page, fmt, name)
    if not path:
        return
    kind, number, lang, topic, options = page.kind, page.case_number, page.lang, page.topic, page.options()

    def work(s: Any) -> bytes:
        if doc is None:
            return s.export(kind, number, fmt, lang=lang, topic=topic, options=options, out=path)
        if doc.status == "issued":
            return s.reprint(doc.id, fmt, out=path)
        return s.export_draft(doc.id, fmt, out=path)

    def done(data: bytes) -> None:
        page.show_message(QCoreApplication.translate("DocumentsPage", "Saved %1\nSHA-256: %2").replace(
            "%1", path).replace("%2", hashlib.sha256(data).hexdigest()))

    page._run(work, done, "document_export")


def reprint(page: Any, fmt: str = "pdf", path: str | None = None) -> None:
    """Save the selected issued document again: the same bytes as when it was issued."""
    doc = page.selected
    if doc is None or doc.status != "issued":
        return
    path = path or ask_path(page, fmt, f"{doc.number}-v{doc.version}")
    if not path:
        return
    expected = doc.files.get(fmt, "")

    def done(data: bytes) -> None:
        digest = hashlib.sha256(data).hexdigest()
        page.last_reprint_sha256 = digest
        same = (QCoreApplication.translate("DocumentsPage", "identical to the issued file") if digest == expected
                else QCoreApplication.translate("DocumentsPage", "DIFFERENT"))
        page.show_message(QCoreApplication.translate("DocumentsPage", "Reprinted %1: %4.\nSHA-256: %3\nFile: %2").replace(
            "%1", doc.number).replace("%2", path).replace("%3", digest).replace("%4", same), error=digest != expected)

    page._run(lambda s: s.reprint(doc.id, fmt, out=path), done, "document_reprint")
