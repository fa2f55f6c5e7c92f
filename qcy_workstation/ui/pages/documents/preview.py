"""The documents page's preview and print workers: a document built and rendered to PDF, rasterised with
pypdfium2 page by page on the background runner (cancellable), and the page images painted onto a QPrinter.

QtPdf is not part of the PySide6 wheel we ship, so the preview rasterises the PDF with pypdfium2 and the GUI
thread only shows the images. The same images, rendered at the printer's resolution, are painted onto the
QPrinter pages: printing needs no PDF viewer and no network. Issued documents are frozen: their preview uses
the stored bytes (checked against their SHA-256 by the documents core), never a fresh rendering.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

PREVIEW_DPI = 110
PRINT_DPI = 200

# pdfium is not thread-safe: one rasterisation at a time, whichever worker runs it.
_PDFIUM_LOCK = threading.Lock()


class Cancelled(Exception):
    """A preview was superseded or cancelled (the runner drops it silently)."""


def rasterise(pdf: bytes, dpi: int, report: Callable[[int, int], bool] | None = None) -> list[QImage]:
    """Worker: the PDF's pages as QImages at ``dpi`` (QImage, unlike QPixmap, may be made off the GUI thread).
    ``report(done, total)`` returning False stops with :class:`Cancelled`."""
    import pypdfium2

    images: list[QImage] = []
    with _PDFIUM_LOCK:
        doc = pypdfium2.PdfDocument(pdf)
        try:
            total = len(doc)
            for i in range(total):
                if report is not None and not report(i, total):
                    raise Cancelled()
                page = doc[i]
                try:
                    pil = page.render(scale=dpi / 72).to_pil().convert("RGB")
                finally:
                    page.close()
                image = QImage(pil.tobytes(), pil.width, pil.height, 3 * pil.width, QImage.Format.Format_RGB888)
                image.setDotsPerMeterX(round(dpi / 0.0254))
                image.setDotsPerMeterY(round(dpi / 0.0254))
                images.append(image.copy())  # own the pixels: the PIL buffer goes away
            if report is not None:
                report(total, total)
        finally:
            doc.close()
    return images


def paint_pages(printer: QPrinter, images: list[QImage]) -> int:
    """Paint page images onto the printer's pages, each scaled to fit the page and centred; returns the
    number of pages painted. GUI thread (QPainter on a QPrinter)."""
    painter = QPainter()
    if not images or not painter.begin(printer):
        return 0
    try:
        for i, image in enumerate(images):
            if i:
                printer.newPage()
            area = painter.viewport()
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            x = area.x() + (area.width() - size.width()) // 2
            y = area.y() + (area.height() - size.height()) // 2
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(QRect(x, y, size.width(), size.height()), image)
    finally:
        painter.end()
    return len(images)


@dataclass
class Request:
    """What the page asks the worker to show: a free preview, or a document of the register."""

    kind: str
    case_number: str | None
    lang: str
    topic: str | None
    options: dict[str, Any]
    doc: Any = None  # DocumentView of the register, when one is selected
    want_defaults: bool = False
    dpi: int = PREVIEW_DPI  # times the screen's device pixel ratio: sharp on high-DPI screens


@dataclass
class Preview:
    """What the worker hands back (plain values and QImages only)."""

    request: Request
    pdf: bytes
    images: list[QImage]
    number: str
    title: str
    defaults: dict[str, str] = field(default_factory=dict)
    options: dict[str, Any] | None = None  # a register document's own options
    frozen: bool = False
    staff_checks: list[str] = field(default_factory=list)  # unverified points, for staff only (never printed)


def make_preview(service: Any, store: Any, req: Request, report: Callable[[int, int], bool]) -> Preview:
    """Worker: build and render the document asked for, then rasterise it page by page."""
    from qcy_workstation.documents import render
    from qcy_workstation.documents.editable import draft_label, issued_pdf, standard_texts
    from qcy_workstation.documents.service import UNREGISTERED

    defaults: dict[str, str] = {}
    options: dict[str, Any] | None = None
    frozen = False
    checks: list[str] = []
    if req.doc is not None:
        view = req.doc
        options = service.options(view.id)
        if view.status == "issued":
            pdf, number, title, frozen = issued_pdf(service, view), view.number, view.title, True
        else:  # as export_draft renders it, without recording an export
            content = service.build(view.kind, view.case_number, lang=view.lang, topic=view.topic or None,
                                    options=options, number=view.number)
            content.number_label = draft_label(content.number_label, view.lang)
            pdf = render(content, "pdf", template_dir=service.template_dir())
            number, title = content.number, content.title
            checks = list(content.metadata.get("staff_checks", []))
        if req.want_defaults:
            plain = service.build(view.kind, view.case_number, lang=view.lang, topic=view.topic or None)
            defaults = standard_texts(plain, view.kind)
    else:
        if not report(0, 1):
            raise Cancelled()
        if req.want_defaults:
            plain = service.build(req.kind, req.case_number, lang=req.lang, topic=req.topic)
            defaults = standard_texts(plain, req.kind)
        # Not in the register yet: no number (the builder's default number could be another document's).
        content = service.build(req.kind, req.case_number, lang=req.lang, topic=req.topic, options=req.options,
                                number=UNREGISTERED[req.lang])
        pdf = render(content, "pdf", template_dir=service.template_dir())
        number, title = req.case_number or "", content.title
        checks = list(content.metadata.get("staff_checks", []))
    images = rasterise(pdf, req.dpi, report)
    return Preview(req, pdf, images, number, title, defaults, options, frozen, checks)


class PreviewPane(QWidget):
    """The right half of the documents page: a line about what is shown, the rendering progress with its
    Cancel button (the page connects and labels it), and the pages, as wide as the pane allows."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        pr = QVBoxLayout(self)
        pr.setContentsMargins(6, 0, 0, 0)
        info = QHBoxLayout()
        self.preview_info = QLabel(self)
        self.preview_info.setObjectName("docPreviewInfo")
        self.preview_info.setStyleSheet("color: #5f6b7a;")
        self.progress = QProgressBar(self)
        self.progress.setObjectName("docProgress")
        self.progress.setMaximumWidth(180)
        self.progress.hide()
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("docCancel")
        self.cancel_button.hide()
        info.addWidget(self.preview_info, 1)
        info.addWidget(self.progress)
        info.addWidget(self.cancel_button)
        self.pages_host = QWidget()
        self.pages_host.setObjectName("docPages")
        self.pages_host.setStyleSheet("QWidget#docPages { background: #8a949f; }")
        self.pages_layout = QVBoxLayout(self.pages_host)
        self.pages_layout.setContentsMargins(16, 16, 16, 16)
        self.pages_layout.setSpacing(14)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.page_labels: list[QLabel] = []
        self.pixmaps: list[QPixmap] = []
        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("docPreviewScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.pages_host)
        self.scroll.setStyleSheet("QScrollArea { background: #8a949f; }")
        self.scroll.viewport().installEventFilter(self)  # fit the pages whenever the preview's width changes
        pr.addLayout(info)
        pr.addWidget(self.scroll, 1)

    def show_images(self, images: list[QImage]) -> None:
        """Show these page images (replacing the pages shown)."""
        self.pixmaps = [QPixmap.fromImage(img) for img in images]
        for label in self.page_labels:
            label.hide()
            label.deleteLater()
        self.page_labels = []
        for i, _pix in enumerate(self.pixmaps):
            label = QLabel(self.pages_host)
            label.setObjectName(f"docPage{i + 1}")
            label.setStyleSheet("background: white; border: 1px solid #5f6b7a;")
            label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            self.pages_layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            self.page_labels.append(label)
        self.fit_pages()

    def fit_pages(self) -> None:
        """Pages as wide as the preview allows (never wider than at 110 dpi), in logical pixels."""
        ratio = max(1.0, self.devicePixelRatioF())
        width = max(200, self.scroll.viewport().width() - 2 * 16 - 4)
        for label, pix in zip(self.page_labels, self.pixmaps, strict=False):
            logical = pix.width() / ratio
            shown = pix if logical <= width else pix.scaledToWidth(round(width * ratio),
                                                                  Qt.TransformationMode.SmoothTransformation)
            shown.setDevicePixelRatio(ratio)
            label.setPixmap(shown)
            label.setFixedSize(round(shown.width() / ratio), round(shown.height() / ratio))

    def eventFilter(self, watched: Any, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.scroll.viewport() and event.type() == QEvent.Type.Resize and self.pixmaps:
            self.fit_pages()
        return super().eventFilter(watched, event)
