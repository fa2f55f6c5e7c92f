"""Documents of a case (and guidance without a case): choose the type and language, preview the PDF in
the window, edit the free-text parts, export to PDF or Word, print with the system's print dialog and
print preview, and take a document through drafted -> reviewed -> issued by different staff.

Beside this module: ``preview`` (the render and rasterise workers and the pane that shows the pages),
``output`` (print, print preview, export, reprint) and ``labels``. The editable parts of each document,
the draft label and the check of an issued document's frozen PDF are the documents core's
(``qcy_workstation.documents.editable``).

Issued documents are frozen: their preview, export, reprint and print use the stored bytes (checked
against their SHA-256), never a fresh rendering.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from qcy_workstation.ui import errors, i18n
from qcy_workstation.ui.context import AppContext
from qcy_workstation.ui.main_window import register_page
from qcy_workstation.ui.models import RowTableModel
from qcy_workstation.ui.pages.documents import output
from qcy_workstation.ui.pages.documents.labels import (
    DOC_COLUMNS,
    DOC_LANGS,
    GUIDANCE_IP_TYPES,
    KINDS,
    TOPICS,
    _tr,
    editable_parts,
    offer_kinds,
)
from qcy_workstation.ui.pages.documents.preview import (
    PREVIEW_DPI,
    Preview,
    PreviewPane,
    Request,
    make_preview,
)
from qcy_workstation.ui.widgets import described_shortcut


class DocumentsPage(QWidget):
    """The documents page. ``open(case_number)`` shows that case's documents; an empty case number is
    guidance without a case.

    Signals:
        previewed(): a preview's pages are shown.
        register_loaded(): the case's list of documents is shown.
        message_shown(str): the page told the user something (success or refusal), in plain words.
    """

    previewed = Signal()
    register_loaded = Signal()
    message_shown = Signal(str)

    def __init__(self, ctx: AppContext, window: Any = None) -> None:
        super().__init__()
        self.ctx, self.window_ = ctx, window
        self.case_number: str | None = None
        self.preview: Preview | None = None
        self.editors: dict[str, QPlainTextEdit] = {}
        self.editor_labels: dict[str, QLabel] = {}
        self._task: Any = None
        self._loading = False
        self._text_baseline: dict[str, str] = {}  # the editors' texts as last filled or saved
        self._pending_texts: dict[str, str] | None = None  # a restored draft's texts, put in once filled
        self._build()
        self.retranslate()
        self._rebuild_editors()
        self._followed: str | None = None  # the case page's case this page last followed
        self._stale = False
        ctx.staff_changed.connect(lambda _n: self._update_staff())
        ctx.cases_changed.connect(self._on_cases_changed)

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 20px; font-weight: bold;")
        self.case_label = QLabel(self)
        self.case_edit = QLineEdit(self)
        self.case_edit.setObjectName("docCase")
        self.case_edit.setMaximumWidth(190)
        self.case_edit.returnPressed.connect(lambda: self.open(self.case_edit.text()))
        self.case_button = QPushButton(self)
        self.case_button.setObjectName("docOpenCase")
        self.case_button.clicked.connect(lambda: self.open(self.case_edit.text()))
        self.staff_label = QLabel(self)
        self.staff_label.setObjectName("docStaff")
        self.staff_label.setStyleSheet("color: #5f6b7a;")
        head = QHBoxLayout()
        head.addWidget(self.heading)
        head.addSpacing(16)
        head.addWidget(self.case_label)
        head.addWidget(self.case_edit)
        head.addWidget(self.case_button)
        head.addStretch(1)
        head.addWidget(self.staff_label)

        self.kind_label, self.topic_label, self.ip_label, self.lang_label = QLabel(), QLabel(), QLabel(), QLabel()
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("docKind")
        for code in KINDS:
            self.kind_combo.addItem("", code)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData("advice-letter"))
        self.topic_combo = QComboBox(self)
        self.topic_combo.setObjectName("docTopic")
        for code in TOPICS:
            self.topic_combo.addItem("", code)
        self.ip_combo = QComboBox(self)
        self.ip_combo.setObjectName("docGuidanceIp")
        for code in GUIDANCE_IP_TYPES:
            self.ip_combo.addItem("", code)
        self.lang_combo = QComboBox(self)
        self.lang_combo.setObjectName("docLang")
        for code, name in DOC_LANGS.items():
            self.lang_combo.addItem(name, code)
        for combo in (self.kind_combo, self.topic_combo, self.ip_combo, self.lang_combo):
            combo.currentIndexChanged.connect(self._on_choice_changed)
        self.preview_button = QPushButton(self)
        self.preview_button.setObjectName("docPreview")
        self.preview_button.clicked.connect(lambda: self.refresh())
        self.export_pdf_button = QPushButton(self)
        self.export_pdf_button.setObjectName("docExportPdf")
        self.export_pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.export_docx_button = QPushButton(self)
        self.export_docx_button.setObjectName("docExportDocx")
        self.export_docx_button.clicked.connect(lambda: self.export("docx"))
        self.print_preview_button = QPushButton(self)
        self.print_preview_button.setObjectName("docPrintPreview")
        self.print_preview_button.clicked.connect(self.print_preview)
        self.print_button = QPushButton(self)
        self.print_button.setObjectName("docPrint")
        self.print_button.clicked.connect(self.print_document)
        choose = QHBoxLayout()
        for w in (self.kind_label, self.kind_combo, self.topic_label, self.topic_combo, self.ip_label, self.ip_combo,
                  self.lang_label, self.lang_combo):
            choose.addWidget(w)
        choose.addStretch(1)
        for w in (self.preview_button, self.export_pdf_button, self.export_docx_button, self.print_preview_button,
                  self.print_button):
            choose.addWidget(w)

        # --- left: editable text, then the register of the case's documents
        left = QWidget(self)
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 6, 0)
        self.text_box = QGroupBox(left)
        self.text_layout = QVBoxLayout(self.text_box)
        self.text_hint = QLabel(self.text_box)
        self.text_hint.setWordWrap(True)
        self.text_hint.setStyleSheet("color: #5f6b7a;")
        self.editors_host = QWidget(self.text_box)
        self.editors_layout = QVBoxLayout(self.editors_host)
        self.editors_layout.setContentsMargins(0, 0, 0, 0)
        self.no_text = QLabel(self.text_box)
        self.no_text.setWordWrap(True)
        self.no_text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.no_text.setStyleSheet("color: #5f6b7a;")
        text_buttons = QHBoxLayout()
        self.reset_button = QPushButton(self.text_box)
        self.reset_button.setObjectName("docResetText")
        self.reset_button.clicked.connect(self.reset_texts)
        self.repreview_button = QPushButton(self.text_box)
        self.repreview_button.setObjectName("docRepreview")
        self.repreview_button.clicked.connect(lambda: self.refresh())
        text_buttons.addWidget(self.reset_button)
        text_buttons.addStretch(1)
        text_buttons.addWidget(self.repreview_button)
        self.text_layout.addWidget(self.text_hint)
        self.text_layout.addWidget(self.no_text)
        self.text_layout.addWidget(self.editors_host, 1)
        self.text_layout.addLayout(text_buttons)

        self.register_box = QGroupBox(left)
        rl = QVBoxLayout(self.register_box)
        self.model = RowTableModel(DOC_COLUMNS, self)
        self.table = QTableView(self.register_box)
        self.table.setObjectName("docRegister")
        self.table.setModel(self.model)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # SHA-256: both ends readable, full in the tooltip
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(lambda _s, _d: self._on_doc_selected())
        flow = QHBoxLayout()
        self.draft_button = QPushButton(self.register_box)
        self.draft_button.setObjectName("docDraft")
        self.draft_button.clicked.connect(self.draft)
        self.save_text_button = QPushButton(self.register_box)
        self.save_text_button.setObjectName("docSaveText")
        self.save_text_button.clicked.connect(self.save_text)
        self.review_button = QPushButton(self.register_box)
        self.review_button.setObjectName("docReview")
        self.review_button.clicked.connect(self.review)
        self.issue_button = QPushButton(self.register_box)
        self.issue_button.setObjectName("docIssue")
        self.issue_button.clicked.connect(self.issue)
        self.version_button = QPushButton(self.register_box)
        self.version_button.setObjectName("docNewVersion")
        self.version_button.clicked.connect(self.new_version)
        self.reprint_button = QPushButton(self.register_box)
        self.reprint_button.setObjectName("docReprint")
        self.reprint_button.clicked.connect(lambda: self.reprint())
        self.new_button = QPushButton(self.register_box)
        self.new_button.setObjectName("docNewDocument")
        self.new_button.clicked.connect(self.new_document)
        for b in (self.draft_button, self.save_text_button, self.review_button, self.issue_button,
                  self.version_button, self.reprint_button):
            flow.addWidget(b)
        flow.addStretch(1)
        flow.addWidget(self.new_button)
        rl.addWidget(self.table, 1)
        rl.addLayout(flow)

        self.message = QLabel(left)
        self.message.setObjectName("docMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()

        vsplit = QSplitter(Qt.Orientation.Vertical, left)
        vsplit.addWidget(self.text_box)
        vsplit.addWidget(self.register_box)
        vsplit.setStretchFactor(0, 3)
        vsplit.setStretchFactor(1, 2)
        ll.addWidget(vsplit, 1)
        ll.addWidget(self.message)

        # --- right: the preview (preview.PreviewPane); its widgets keep their names on the page
        right = PreviewPane(self)
        right.cancel_button.clicked.connect(self.cancel_preview)
        self.pane = right
        self.preview_info, self.progress, self.cancel_button = right.preview_info, right.progress, right.cancel_button
        self.pages_host, self.pages_layout, self.scroll = right.pages_host, right.pages_layout, right.scroll

        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 6)
        split.setSizes([540, 640])
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(choose)
        layout.addWidget(split, 1)
        described_shortcut("Ctrl+P", self, self.print_document, QT_TRANSLATE_NOOP("Shortcuts", "Documents: print"))
        described_shortcut("Ctrl+Shift+P", self, self.print_preview, QT_TRANSLATE_NOOP("Shortcuts", "Documents: print preview"))

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Documents"))
        self.case_label.setText(self.tr("Case:"))
        self.case_edit.setPlaceholderText(self.tr("none: guidance only"))
        self.case_button.setText(self.tr("Open"))
        self.kind_label.setText(self.tr("Document"))
        self.topic_label.setText(self.tr("Topic"))
        self.ip_label.setText(self.tr("For"))
        self.lang_label.setText(self.tr("Language"))
        for i, code in enumerate(KINDS):
            self.kind_combo.setItemText(i, _tr(KINDS[code]))
        for i, code in enumerate(TOPICS):
            self.topic_combo.setItemText(i, _tr(TOPICS[code]))
        self.ip_combo.setItemText(0, self.tr("all IP types"))
        for i, code in enumerate(GUIDANCE_IP_TYPES[1:], start=1):
            self.ip_combo.setItemText(i, i18n.label(i18n.IP_TYPE, code))
        self.preview_button.setText(self.tr("Preview"))
        self.preview_button.setToolTip(self.tr("Show the document as it will print (F5)"))
        self.export_pdf_button.setText(self.tr("Export PDF…"))
        self.export_docx_button.setText(self.tr("Export Word…"))
        self.print_preview_button.setText(self.tr("Print preview…"))
        self.print_button.setText(self.tr("Print…"))
        self.print_button.setToolTip(self.tr("Print through the system's print dialog (Ctrl+P)"))
        self.text_box.setTitle(self.tr("Text you can change"))
        self.text_hint.setText(self.tr("Separate paragraphs by an empty line. The rest of the document comes "
                                       "from the case and the rules."))
        self.no_text.setText(self.tr("This document has no free text: everything in it comes from the case "
                                     "and the shipped guidance."))
        self.reset_button.setText(self.tr("Standard text"))
        self.reset_button.setToolTip(self.tr("Put the workstation's standard wording back"))
        self.repreview_button.setText(self.tr("Preview with this text"))
        self.register_box.setTitle(self.tr("Documents of this case (drafted → reviewed → issued, by different "
                                           "staff)"))
        self.draft_button.setText(self.tr("Save as draft"))
        self.draft_button.setToolTip(self.tr("Enter the document in the register with a number, as a draft"))
        self.save_text_button.setText(self.tr("Save text"))
        self.save_text_button.setToolTip(self.tr("Keep the changed text in the selected draft (it needs a new "
                                                 "review)"))
        self.review_button.setText(self.tr("Mark reviewed"))
        self.review_button.setToolTip(self.tr("Confirm the draft as reviewed (not by whoever drafted it)"))
        self.issue_button.setText(self.tr("Issue"))
        self.issue_button.setToolTip(self.tr("Issue the reviewed document: its PDF and Word files are frozen "
                                             "with their SHA-256"))
        self.version_button.setText(self.tr("New version"))
        self.reprint_button.setText(self.tr("Reprint…"))
        self.reprint_button.setToolTip(self.tr("Save the issued document again, byte for byte"))
        self.new_button.setText(self.tr("New document"))
        self.new_button.setToolTip(self.tr("Leave the selected document and start from the standard text"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.model.retranslate()
        for part in editable_parts(self.kind):
            label = self.editor_labels.get(part.key)
            if label is not None:
                label.setText(_tr(part.label))
        self._update_staff()
        self._update_choices()
        self._update_buttons()
        self._show_info()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _update_staff(self) -> None:
        self.staff_label.setText(self.tr("Working as %1").replace("%1", self.ctx.staff))

    # ------------------------------------------------------------------ choices

    @property
    def kind(self) -> str:
        return str(self.kind_combo.currentData())

    @property
    def lang(self) -> str:
        return str(self.lang_combo.currentData())

    @property
    def topic(self) -> str | None:
        return str(self.topic_combo.currentData()) if self.kind == "guidance" else None

    def set_kind(self, kind: str, lang: str | None = None) -> None:
        """Choose the document (and language) as the combo boxes do; previews it."""
        self._loading = True
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))
        if lang:
            self.lang_combo.setCurrentIndex(self.lang_combo.findData(lang))
        self._loading = False
        self._on_choice_changed()

    def _update_choices(self) -> None:
        guidance = self.kind == "guidance"
        for w in (self.topic_label, self.topic_combo, self.ip_label, self.ip_combo):
            w.setVisible(guidance)

    def _on_choice_changed(self, _index: int = 0) -> None:
        if self._loading:
            return
        self._update_choices()
        if self.selected is not None and (self.selected.kind != self.kind or self.selected.lang != self.lang):
            self.table.clearSelection()
            self.table.setCurrentIndex(self.model.index(-1, -1))
        self._rebuild_editors()
        self.refresh(defaults=True)

    def _rebuild_editors(self) -> None:
        """One text box per free-text part of the chosen kind."""
        while self.editors_layout.count():
            item = self.editors_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()  # deleted later: it must not show meanwhile
                item.widget().deleteLater()
        self.editors, self.editor_labels = {}, {}
        self._text_baseline = {}
        parts = editable_parts(self.kind)
        for part in parts:
            label = QLabel(_tr(part.label), self.editors_host)
            label.setStyleSheet("font-weight: bold;")
            edit = QPlainTextEdit(self.editors_host)
            edit.setObjectName(f"docText_{part.key}")
            edit.setTabChangesFocus(True)
            self.editors_layout.addWidget(label)
            self.editors_layout.addWidget(edit, 1)
            self.editors[part.key], self.editor_labels[part.key] = edit, label
        self.no_text.setVisible(not parts)
        self.editors_host.setVisible(bool(parts))
        self.text_hint.setVisible(bool(parts))
        self.reset_button.setEnabled(bool(parts))
        self.repreview_button.setEnabled(bool(parts))

    def options(self) -> dict[str, Any]:
        """The free-text parts as builder options (what draft/update_draft/build take)."""
        from qcy_workstation.documents.editable import texts_to_options

        opts = texts_to_options(self.kind, {k: e.toPlainText() for k, e in self.editors.items()})
        if self.kind == "guidance" and self.ip_combo.currentData():
            opts["ip_type"] = self.ip_combo.currentData()
        return opts

    def _set_editor_texts(self, texts: dict[str, str]) -> None:
        for key, edit in self.editors.items():
            if key in texts:
                edit.setPlainText(texts[key])
        self._mark_texts_saved()
        if self._pending_texts is not None:  # a restored draft goes over the standard text, and stays unsaved
            pending, self._pending_texts = self._pending_texts, None
            for key, edit in self.editors.items():
                if key in pending:
                    edit.setPlainText(pending[key])

    def _mark_texts_saved(self) -> None:
        self._text_baseline = {k: e.toPlainText() for k, e in self.editors.items()}

    # ------------------------------------------------------------------ the text as a draft (ui/drafts.py)

    def form_title(self) -> str:
        return self.tr("Document text")

    def form_fields(self) -> dict[str, QWidget]:
        fields: dict[str, QWidget] = {"case": self.case_edit, "kind": self.kind_combo, "lang": self.lang_combo,
                                      "topic": self.topic_combo}
        fields.update({f"text.{k}": e for k, e in self.editors.items()})
        return fields

    def form_dirty(self) -> bool:
        return any(e.toPlainText() != self._text_baseline.get(k, "") for k, e in self.editors.items())

    def restore_form(self, values: dict[str, Any]) -> None:
        """The case and document chosen, then the typed text once the standard text has been filled in."""
        self._pending_texts = {k.removeprefix("text."): str(v) for k, v in values.items() if k.startswith("text.")}
        self.set_kind(str(values.get("kind") or self.kind), str(values.get("lang") or self.lang))
        if values.get("case"):
            self.open(str(values["case"]))

    def reset_texts(self) -> None:
        if self.preview is not None and self.preview.defaults:
            self._set_editor_texts(self.preview.defaults)
            self.refresh()
        else:
            self.refresh(defaults=True, fill=True)

    # ------------------------------------------------------------------ case

    def on_shown(self) -> None:
        """Shown from the sidebar: follow the case opened on the case page since we last looked (typing
        another number here is not overridden), refresh what changed meanwhile, else preview guidance."""
        case_page = getattr(self.window_, "pages", {}).get("case") if self.window_ is not None else None
        case = getattr(case_page, "case", None)
        if case is not None and case.number != self._followed:
            self._followed = case.number
            if case.number != self.case_number:
                self.open(case.number)
                return
        if self._stale and self.case_number:
            self._stale = False
            self.load_register()
            self.refresh()
        elif self.preview is None and self._task is None:
            if self.case_number:
                self.refresh(defaults=True)
            else:
                self.set_kind("guidance")

    def _on_cases_changed(self, number: str) -> None:
        """A case changed (e.g. an estimate was saved on it): its documents say something else now."""
        if self.case_number and (not number or number == self.case_number):
            if self.isVisible():
                self.load_register()
                self.refresh()
            else:
                self._stale = True

    def open(self, number: str) -> None:
        """Show the documents of case ``number`` ("" for guidance without a case)."""
        number = (number or "").strip().upper()
        self.case_number = number or None
        self.case_edit.setText(number)
        self.table.clearSelection()
        self.model.set_rows([])
        if not number:
            self._offer_kinds(None)
        if not number and self.kind != "guidance":
            self.set_kind("guidance")
            return
        self.load_register()
        self.refresh(defaults=True)

    def load_register(self, select_id: int | None = None) -> None:
        """Reload the case's documents (background); select ``select_id`` when given."""
        if not self.case_number or self.ctx.store is None:
            self.model.set_rows([])
            self._update_buttons()
            return
        service, number = self._service(), self.case_number

        def shown(result: tuple[list[Any], list[str]]) -> None:
            rows, kinds = result
            if number != self.case_number:
                return
            self._offer_kinds(kinds)
            self.model.set_rows(rows)
            self.table.resizeColumnsToContents()
            if select_id is not None:
                row = next((i for i, r in enumerate(rows) if r.id == select_id), None)
                if row is not None:
                    self._loading = True  # the selection is the document just worked on: no reload
                    self.table.selectRow(row)
                    self._loading = False
            self._update_buttons()
            self.register_loaded.emit()

        self.ctx.runner.submit(lambda: (service.list(case_number=number), service.kinds_for(number)),
                               on_success=shown, on_error=self._refused, name="documents_list")

    def _offer_kinds(self, kinds: list[str] | None) -> None:
        """Only the kinds the case can have (None: all); a kind no longer offered gives way to the letter."""
        if offer_kinds(self.kind_combo, kinds):
            self.set_kind("advice-letter")

    def _service(self) -> Any:
        from qcy_workstation.documents.service import DocumentService

        return DocumentService(self.ctx.store, actor=self.ctx.actor)

    # ------------------------------------------------------------------ register selection and buttons

    @property
    def selected(self) -> Any:
        """The DocumentView selected in the list, or None."""
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.row_at(rows[0].row()) if rows else None

    def select_document(self, number: str, version: int | None = None) -> None:
        """Select a document of the list (as a click on its row)."""
        for i, row in enumerate(self.model.rows):
            if row.number == number and (version is None or row.version == version):
                self.table.selectRow(i)
                return

    def _on_doc_selected(self) -> None:
        self._update_buttons()
        if self._loading:
            return
        doc = self.selected
        if doc is None:
            return
        self._loading = True
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(doc.kind))
        self.lang_combo.setCurrentIndex(self.lang_combo.findData(doc.lang))
        if doc.topic:
            self.topic_combo.setCurrentIndex(self.topic_combo.findData(doc.topic))
        self._loading = False
        self._update_choices()
        self._rebuild_editors()
        self.refresh(defaults=True)

    def _update_buttons(self) -> None:
        doc = self.selected
        status = doc.status if doc is not None else None
        has_case = bool(self.case_number)
        self.register_box.setVisible(has_case)  # without a case there is no register: guidance only
        self.draft_button.setEnabled(has_case and doc is None)
        self.save_text_button.setEnabled(status in ("drafted", "reviewed") and bool(self.editors))
        self.review_button.setEnabled(status == "drafted")
        self.issue_button.setEnabled(status == "reviewed")
        self.version_button.setEnabled(status == "issued")
        self.reprint_button.setEnabled(status == "issued")
        self.new_button.setEnabled(doc is not None)
        for edit in self.editors.values():
            edit.setReadOnly(status == "issued")

    def new_document(self) -> None:
        self.table.clearSelection()
        self.table.setCurrentIndex(self.model.index(-1, -1))
        self._update_buttons()
        self.refresh(defaults=True, fill=True)

    # ------------------------------------------------------------------ preview

    def refresh(self, *, defaults: bool = False, fill: bool | None = None) -> None:
        """Preview what is chosen (F5): the selected document of the list, else the chosen type with the
        text in the boxes. ``defaults`` also fetches the standard texts; ``fill`` puts them (or a
        document's own text) into the boxes (default: when the boxes are empty)."""
        if self.ctx.store is None:
            return
        if self.kind != "guidance" and not self.case_number:
            self.show_message(self.tr("This document needs a case: enter its number above. Guidance can be "
                                      "printed without a case."), error=True)
            return
        self.cancel_preview()
        doc = self.selected
        req = Request(self.kind, self.case_number, self.lang, self.topic, self.options(), doc=doc,
                      want_defaults=defaults or doc is not None,
                      dpi=round(PREVIEW_DPI * max(1.0, self.devicePixelRatioF())))
        if fill is None:
            fill = doc is not None or all(not e.toPlainText().strip() for e in self.editors.values())
        service, store = self._service(), self.ctx.store
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.preview_info.setText(self.tr("Rendering…"))

        def progress(done: int, total: int) -> None:
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(done)

        def failed(exc: BaseException) -> None:
            self._preview_finished()
            self._refused(exc)

        self._task = self.ctx.runner.submit(lambda task: make_preview(service, store, req, task.report),
                                            progress=True, on_progress=progress,
                                            on_success=lambda p: self._show_preview(p, fill), on_error=failed,
                                            name="document_preview")

    def cancel_preview(self) -> None:
        if self._task is not None and not self._task.done:
            self._task.cancel()
        self._preview_finished()

    def _preview_finished(self) -> None:
        self._task = None
        self.progress.hide()
        self.cancel_button.hide()
        self._show_info()

    def _show_preview(self, preview: Preview, fill: bool) -> None:
        self.preview = preview
        self._preview_finished()
        if fill:
            if preview.options is not None:  # a register document: its own text, else the standard text
                from qcy_workstation.documents.editable import editor_text

                texts = {p.key: editor_text(preview.options, p, preview.defaults) for p in
                         editable_parts(preview.request.doc.kind)}
                self._set_editor_texts(texts)
            elif preview.defaults:
                self._set_editor_texts(preview.defaults)
        self._update_buttons()
        self.pane.show_images(preview.images)
        self._show_info()
        self.previewed.emit()

    def _show_info(self) -> None:
        p = self.preview
        if p is None:
            self.preview_info.setText("")
            return
        state = self.tr("issued, frozen copy") if p.frozen else (
            self.tr("draft") if p.request.doc is not None else self.tr("preview, not in the register"))
        info = self.tr("%1 · %2 · %3 page(s) · %4").replace("%1", p.number or "—").replace(
            "%2", p.title).replace("%3", str(len(p.images))).replace("%4", state)
        if p.staff_checks:  # unverified legal points: told to staff here, worded as a reservation in the document
            info += "\n" + self.tr("For staff: %1 legal point(s) in this document are not verified by the workstation; "
                                   "the document words them as subject to the official text. Check them before "
                                   "issuing (hover for the list).").replace("%1", str(len(p.staff_checks)))
        self.preview_info.setText(info)
        self.preview_info.setToolTip("\n\n".join(p.staff_checks))

    # ------------------------------------------------------------------ workflow

    def _run(self, fn: Callable[[Any], Any], done: Callable[[Any], None], name: str) -> None:
        service = self._service()
        self.ctx.runner.submit(lambda: fn(service), on_success=done, on_error=self._refused, name=name)

    def draft(self) -> None:
        """Enter the chosen document, with the text in the boxes, in the register as a draft."""
        if not self.case_number:
            self.show_message(self.tr("Drafts belong to a case: enter its number above."), error=True)
            return
        kind, number, lang, topic, options = self.kind, self.case_number, self.lang, self.topic, self.options()

        def done(view: Any) -> None:
            self._mark_texts_saved()
            self.show_message(self.tr("%1 drafted by %2. Another member of staff reviews it next.").replace(
                "%1", view.number).replace("%2", view.drafted_by))
            self.refresh_selected()
            self.load_register(select_id=view.id)

        self._run(lambda s: s.draft(kind, number, lang=lang, topic=topic, options=options), done, "document_draft")

    def _after_step(self, message: str) -> Callable[[Any], None]:
        def done(view: Any) -> None:
            self._mark_texts_saved()
            self.show_message(message.replace("%1", view.number).replace("%2", self.ctx.staff))
            self.refresh_selected()
            self.load_register(select_id=view.id)

        return done

    def refresh_selected(self) -> None:
        """Preview the selected document once the list has reloaded (in the background)."""

        def again() -> None:
            self.register_loaded.disconnect(again)
            self.refresh(fill=False)

        self.register_loaded.connect(again)

    def save_text(self) -> None:
        doc = self.selected
        if doc is None:
            return
        options = self.options()
        self._run(lambda s: s.update_draft(doc.id, options),
                  self._after_step(self.tr("The text of %1 was saved; it needs a review again.")), "document_update")

    def review(self) -> None:
        doc = self.selected
        if doc is None:
            return
        self._run(lambda s: s.review(doc.id), self._after_step(self.tr("%1 reviewed by %2.")), "document_review")

    def issue(self) -> None:
        doc = self.selected
        if doc is None:
            return
        self._run(lambda s: s.issue(doc.id),
                  self._after_step(self.tr("%1 issued by %2: its files are frozen and reprint byte for byte.")),
                  "document_issue")

    def new_version(self) -> None:
        doc = self.selected
        if doc is None:
            return
        self._run(lambda s: s.new_version(doc.id),
                  self._after_step(self.tr("A new draft version of %1: change its text, then have it reviewed.")),
                  "document_new_version")

    # ------------------------------------------------------------------ export, reprint, print

    def export(self, fmt: str, path: str | None = None) -> None:
        """Export what is shown to a file (asked for unless ``path`` is given): ``output.export``."""
        output.export(self, fmt, path)

    def reprint(self, fmt: str = "pdf", path: str | None = None) -> None:
        """Save the selected issued document again, byte for byte: ``output.reprint``."""
        output.reprint(self, fmt, path)

    @property
    def page_labels(self) -> list[QLabel]:
        """The preview's page images on screen, one label per page."""
        return self.pane.page_labels

    @property
    def pixmaps(self) -> list[QPixmap]:
        return self.pane.pixmaps

    def print_document(self) -> None:
        """The system's print dialog, then the pages (Ctrl+P)."""
        output.print_document(self)

    def print_preview(self) -> None:
        """Qt's print preview (page setup and printing from there), all offline."""
        output.print_preview(self)

    def _record_print(self, pages: int, *, preview: bool) -> None:
        """Audit the print job just handed to the system (who printed which document, how many pages)."""
        output.record_print(self, pages, preview=preview)

    # ------------------------------------------------------------------ messages

    def show_message(self, text: str, *, error: bool = False) -> None:
        colour = ("#a4161a", "#fde2e1") if error else ("#1b5e20", "#e8f5e9")
        self.message.setStyleSheet(f"color: {colour[0]}; background: {colour[1]}; padding: 6px 8px; "
                                   "border-radius: 4px;")
        self.message.setText(text)
        self.message.show()
        self.message_shown.emit(text)

    def _refused(self, exc: BaseException) -> None:
        """A refusal or failure in plain words on the page (the core's messages are English details)."""
        self.show_message(self.plain_message(exc), error=True)

    def plain_message(self, exc: BaseException) -> str:
        """A coded refusal in its own words; anything else with its kind as a title (``ui/errors.py``)."""
        return errors.plain_message(exc)


register_page("documents", QT_TRANSLATE_NOOP("Pages", "Documents"), DocumentsPage, order=50, icon="documents.svg",
              tooltip=QT_TRANSLATE_NOOP("Pages", "Notices, advice letters, opinions and guidance: preview, "
                                                 "print, review and issue"))
