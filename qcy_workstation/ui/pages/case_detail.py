"""One case: overview, rights, parties, consultations, evidence, timeline and the workflow actions."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from qcy_workstation.cases.audit import AuditEntry
from qcy_workstation.cases.dto import (
    CaseDetail,
    ConsultationFilter,
    ConsultationView,
    EvidenceView,
    PartyView,
)
from qcy_workstation.cases.workflow import REASON_REQUIRED
from qcy_workstation.db.base import to_china_time
from qcy_workstation.ui import i18n
from qcy_workstation.ui.context import AppContext
from qcy_workstation.ui.dialogs.add_right import AddRightDialog
from qcy_workstation.ui.dialogs.case_access import CaseAccessBar
from qcy_workstation.ui.dialogs.edit_case import edit_case
from qcy_workstation.ui.dialogs.edit_party import EditPartyDialog
from qcy_workstation.ui.main_window import register_page
from qcy_workstation.ui.models import Column, RowTableModel, deadline_colours
from qcy_workstation.ui.pages.referrals.case_tab import ReferralsTab
from qcy_workstation.ui.pages.referrals.experts_tab import ExpertsTab
from qcy_workstation.ui.widgets import (
    EmptyState,
    ReasonDialog,
    described_shortcut,
    human_size,
    record_table,
    show_error,
)

# The workflow buttons, in the order a case usually moves.
WORKFLOW_TARGETS = ("accepted", "declined", "in_progress", "opinion_issued", "closed", "received", "withdrawn")


DETAIL_KEYS = {
    "title": QT_TRANSLATE_NOOP("Details", "title"),
    "type": QT_TRANSLATE_NOOP("Details", "type"),
    "kind": QT_TRANSLATE_NOOP("Details", "kind"),
    "applicant": QT_TRANSLATE_NOOP("Details", "applicant"),
    "opponent": QT_TRANSLATE_NOOP("Details", "opposing party"),
    "acceptance_due": QT_TRANSLATE_NOOP("Details", "acceptance due"),
    "calendar_estimated": QT_TRANSLATE_NOOP("Details", "holiday calendar estimated"),
    "name": QT_TRANSLATE_NOOP("Details", "file"),
    "sha256": QT_TRANSLATE_NOOP("Details", "SHA-256"),
    "size": QT_TRANSLATE_NOOP("Details", "size"),
    "source": QT_TRANSLATE_NOOP("Details", "source"),
    "case": QT_TRANSLATE_NOOP("Details", "case"),
    "number": QT_TRANSLATE_NOOP("Details", "number"),
    "facts": QT_TRANSLATE_NOOP("Details", "facts"),
    "staff": QT_TRANSLATE_NOOP("Details", "handled by"),
    "priority": QT_TRANSLATE_NOOP("Details", "priority"),
    "outcome": QT_TRANSLATE_NOOP("Details", "outcome"),
    "assistance": QT_TRANSLATE_NOOP("Details", "assistance"),
    "confidential": QT_TRANSLATE_NOOP("Details", "confidential"),
    "channel": QT_TRANSLATE_NOOP("Details", "channel"),
    "enquirer": QT_TRANSLATE_NOOP("Details", "enquirer"),
    "topic": QT_TRANSLATE_NOOP("Details", "topic"),
    "nice_classes": QT_TRANSLATE_NOOP("Details", "Nice classes"),
    "patent_kind": QT_TRANSLATE_NOOP("Details", "patent kind"),
}
_VALUE_LABELS = {"type": i18n.IP_TYPE, "kind": i18n.IP_TYPE, "priority": i18n.PRIORITY, "channel": i18n.CHANNEL,
                 "patent_kind": i18n.PATENT_KIND}


def _detail_value(key: str, value: Any) -> str:
    if key in _VALUE_LABELS and isinstance(value, str):
        return i18n.label(_VALUE_LABELS[key], value)
    if key == "size" and isinstance(value, int):
        return human_size(value)
    if key == "sha256" and isinstance(value, str):
        return value[:16] + "…"
    if isinstance(value, bool):
        return QCoreApplication.translate("Details", "yes") if value else QCoreApplication.translate("Details", "no")
    return "" if value is None else str(value)


def _details_text(e: AuditEntry) -> str:
    """An audit event's details in words: translated keys, code values as labels."""
    d = e.details
    if e.action == "transition":
        text = f"{i18n.label(i18n.STATUS, d.get('from'))} → {i18n.label(i18n.STATUS, d.get('to'))}"
        return text + (f"  ({d['reason']})" if d.get("reason") else "")
    parts = []
    for key, value in d.items():
        name = QCoreApplication.translate("Details", DETAIL_KEYS[key]) if key in DETAIL_KEYS else key
        if isinstance(value, list) and len(value) == 2:  # an update: [old, new]
            text = f"{_detail_value(key, value[0]) or '—'} → {_detail_value(key, value[1]) or '—'}"
        else:
            text = _detail_value(key, value)
        parts.append(f"{name}: {text}")
    return QCoreApplication.translate("Details", "; ").join(parts)[:400]


def _what(e: AuditEntry) -> str:
    return QCoreApplication.translate("Details", "%1 %2").replace(
        "%1", i18n.label(i18n.AUDIT_ACTION, e.action)).replace("%2", i18n.label(i18n.AUDIT_ENTITY, e.entity))


RIGHT_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "Kind"), lambda r: i18n.label(i18n.IP_TYPE, r.kind)),
    Column(QT_TRANSLATE_NOOP("Columns", "Number"), lambda r: r.number),
    Column(QT_TRANSLATE_NOOP("Columns", "Name / title"), lambda r: r.title or r.secret_description[:60]),
    Column(QT_TRANSLATE_NOOP("Columns", "Classes / kind / route"),
           lambda r: r.nice_classes or i18n.label(i18n.PATENT_KIND, r.patent_kind) or i18n.label(i18n.GI_ROUTE,
                                                                                                 r.gi_route)),
    Column(QT_TRANSLATE_NOOP("Columns", "Goods / area / measures"),
           lambda r: r.goods or r.protected_area or r.secrecy_measures[:60]),
    Column(QT_TRANSLATE_NOOP("Columns", "Owner"), lambda r: r.owner),
]
EVIDENCE_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "File"), lambda e: e.original_name, tooltip=lambda e: e.description),
    Column(QT_TRANSLATE_NOOP("Columns", "Size"), lambda e: human_size(e.size), align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "SHA-256"), lambda e: e.sha256, tooltip=lambda e: e.sha256),
    Column(QT_TRANSLATE_NOOP("Columns", "Source"), lambda e: e.source),
    Column(QT_TRANSLATE_NOOP("Columns", "Received"), lambda e: e.received_on),
    Column(QT_TRANSLATE_NOOP("Columns", "Added by"), lambda e: e.added_by),
]
CONSULTATION_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "When"), lambda c: c.at),
    Column(QT_TRANSLATE_NOOP("Columns", "Channel"), lambda c: i18n.label(i18n.CHANNEL, c.channel)),
    Column(QT_TRANSLATE_NOOP("Columns", "Enquirer"), lambda c: c.enquirer),
    Column(QT_TRANSLATE_NOOP("Columns", "Topic"), lambda c: c.topic, tooltip=lambda c: c.summary),
    Column(QT_TRANSLATE_NOOP("Columns", "Staff"), lambda c: c.staff),
]
TIMELINE_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "When (China time)"), lambda e: to_china_time(e.at)),
    Column(QT_TRANSLATE_NOOP("Columns", "Who"), lambda e: e.actor),
    Column(QT_TRANSLATE_NOOP("Columns", "What"), _what),
    Column(QT_TRANSLATE_NOOP("Columns", "Details"), _details_text, tooltip=_details_text),
]


@dataclass(frozen=True)
class CaseBundle:
    """Everything the page shows, read in one background call."""

    case: CaseDetail
    timeline: list[AuditEntry]
    evidence: list[EvidenceView]
    consultations: list[ConsultationView]


def _table(model: RowTableModel, parent: QWidget, name: str) -> QTableView:
    return record_table(model, parent, name, sorting=True)


class EvidenceTab(QWidget):
    """Evidence files of the case: add by dialog or drop, hashing in the background, open a verified copy."""

    def __init__(self, page: CaseDetailPage) -> None:
        super().__init__(page)
        self.page = page
        self.setAcceptDrops(True)
        self.model = RowTableModel(EVIDENCE_COLUMNS, self)
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("addEvidence")
        self.add_button.clicked.connect(self.choose_files)
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("openEvidence")
        self.open_button.clicked.connect(self.open_selected)
        self.verify_button = QPushButton(self)
        self.verify_button.setObjectName("verifyEvidence")
        self.verify_button.clicked.connect(self.verify)
        self.source = QLineEdit(self)
        self.source.setObjectName("evidenceSource")
        self.source.setMaximumWidth(260)
        self.hint = QLabel(self)
        self.hint.setStyleSheet("color: #5f6b7a;")
        self.progress = QProgressBar(self)
        self.progress.setObjectName("evidenceProgress")
        self.progress.hide()
        self.cancel_button = QPushButton(self)
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.cancel)
        bar = QHBoxLayout()
        bar.addWidget(self.add_button)
        bar.addWidget(self.open_button)
        bar.addWidget(self.verify_button)
        bar.addWidget(self.source)
        bar.addWidget(self.hint, 1)
        bar.addWidget(self.progress)
        bar.addWidget(self.cancel_button)
        self.table = _table(self.model, self, "evidenceTable")
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # a SHA-256 keeps its two ends; full in the tooltip
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        for col, width in enumerate((220, 80, 430, 120, 95)):
            self.table.horizontalHeader().resizeSection(col, width)
        self.empty = EmptyState(self.table, self)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.empty, 1)
        self.queue: list[Path] = []
        self.task: Any = None
        self.opener: Callable[[QUrl], Any] = QDesktopServices.openUrl  # tests record instead of launching

    def retranslate(self) -> None:
        self.add_button.setText(self.tr("Add files…"))
        self.add_button.setToolTip(self.tr("Copy files into the store as evidence (Ctrl+O); the SHA-256 hash "
                                           "recorded now proves later that they were not changed"))
        self.open_button.setText(self.tr("Open"))
        self.open_button.setToolTip(self.tr("Check the stored copy against its hash and open it"))
        self.verify_button.setText(self.tr("Verify"))
        self.verify_button.setToolTip(self.tr("Re-hash every stored file of this case and compare with the record"))
        self.hint.setText(self.tr("or drop files here"))
        self.source.setPlaceholderText(self.tr("Source of the next files, e.g. notarised purchase"))
        self.source.setToolTip(self.tr("Recorded with each file added from now on"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.model.retranslate()
        self.empty.set_empty(not self.model.rows, self.tr(
            "No evidence yet.\nDrop files here or click “Add files…”: each file is copied into the store "
            "and its SHA-256 hash recorded."))

    def set_rows(self, rows: list[EvidenceView]) -> None:
        self.model.set_rows(rows)
        self.retranslate()

    # --- adding

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Add evidence files"))
        self.add_files([Path(n) for n in names])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        event.acceptProposedAction()
        self.add_files([p for p in paths if p.is_file()])

    def add_files(self, paths: list[Path]) -> None:
        """Queue files; they are hashed and stored one after the other in the background."""
        if not paths or self.page.case is None:
            return
        self.queue.extend(paths)
        if self.task is None:
            self._next()

    def _next(self) -> None:
        if not self.queue or self.page.case is None:
            self.task = None
            self.progress.hide()
            self.cancel_button.hide()
            self.page.reload()
            return
        path = self.queue.pop(0)
        number = self.page.case.number
        service = self.page.ctx.evidence()
        source = self.source.text().strip()
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setFormat(f"{path.name} %p%")
        self.progress.show()
        self.cancel_button.show()

        def work(task: Any) -> EvidenceView:
            return service.add(number, path, source=source, progress=task.report)

        def progress(done: int, total: int) -> None:
            self.progress.setValue(int(1000 * done / max(total, 1)))

        def failed(exc: BaseException) -> None:
            show_error(self, exc)
            self._next()

        self.task = self.page.ctx.runner.submit(work, progress=True, on_progress=progress,
                                                on_success=lambda _v: self._next(), on_error=failed,
                                                name="add_evidence")

    def cancel(self) -> None:
        self.queue.clear()
        if self.task is not None:
            self.task.cancel()
        self.task = None
        self.progress.hide()
        self.cancel_button.hide()

    def verify(self) -> None:
        """Re-hash the case's stored files in the background and say whether they still match."""
        if self.page.case is None:
            return
        service, number, count = self.page.ctx.evidence(), self.page.case.number, self.model.rowCount()
        self.progress.setRange(0, 0)
        self.progress.setFormat("")
        self.progress.show()

        def done(problems: list[Any]) -> None:
            self.progress.hide()
            self.last_problems = problems
            if not problems:
                QMessageBox.information(self, self.tr("Evidence verified"), self.tr(
                    "All %1 stored file(s) match the SHA-256 hash recorded when they were added.")
                    .replace("%1", str(count)))
                return
            words = {"missing": self.tr("missing"), "modified": self.tr("changed")}
            lines = "\n".join(f"• {p.original_name}: {words.get(p.problem, p.problem)}" for p in problems)
            QMessageBox.warning(self, self.tr("Evidence does not match its record"), self.tr(
                "These stored files no longer match the hash recorded when they were added:") + "\n\n" + lines)

        def failed(exc: BaseException) -> None:
            self.progress.hide()
            show_error(self, exc)

        self.page.ctx.runner.submit(lambda: service.verify(number), on_success=done, on_error=failed,
                                    name="verify_evidence")

    # --- opening

    def open_selected(self) -> None:
        row = self.model.row_at(self.table.currentIndex().row())
        if row is None:
            return
        service = self.page.ctx.evidence()
        folder = tempfile.mkdtemp(prefix="qcy-evidence-")

        def done(path: Path) -> None:
            self.opener(QUrl.fromLocalFile(str(path)))

        # A verified copy under the original name, so the system picks the right program for it.
        self.page.ctx.runner.submit(lambda: service.export_copy(row.id, folder), on_success=done,
                                    name="open_evidence")


class CaseDetailPage(QWidget):
    """Shows one case; ``open(number)`` loads it in the background."""

    TAB_KEYS = ("overview", "rights", "parties", "consultations", "evidence", "timeline", "referrals", "experts")

    def __init__(self, ctx: AppContext, window: Any = None) -> None:
        super().__init__()
        self.ctx, self.window_ = ctx, window
        self.case: CaseDetail | None = None
        self.number: str | None = None
        self._build()
        self.retranslate()
        ctx.cases_changed.connect(self._on_cases_changed)

    def _build(self) -> None:
        content = QWidget(self)
        self.heading = QLabel(content)
        self.heading.setObjectName("caseHeading")
        self.heading.setStyleSheet("font-size: 20px; font-weight: bold;")
        self.heading.setWordWrap(True)
        self.status_badge = QLabel(content)
        self.status_badge.setObjectName("statusBadge")
        self.due_label = QLabel(content)
        self.due_label.setObjectName("dueLabel")
        head = QHBoxLayout()
        self.edit_button = QPushButton(content)
        self.edit_button.setObjectName("editCase")
        self.edit_button.clicked.connect(self.edit_case)
        self.add_right_button = QPushButton(content)
        self.add_right_button.setObjectName("addRight")
        self.add_right_button.clicked.connect(self.add_right)
        head.addWidget(self.heading, 1)
        self.access = CaseAccessBar(self, content)  # the 保密 badge and the head's "Grant access…"
        head.addWidget(self.access)
        head.addWidget(self.due_label)
        head.addWidget(self.status_badge)
        head.addWidget(self.edit_button)
        head.addWidget(self.add_right_button)

        self.workflow_label = QLabel(content)
        self.workflow_buttons: dict[str, QPushButton] = {}
        flow = QHBoxLayout()
        flow.addWidget(self.workflow_label)
        for target in WORKFLOW_TARGETS:
            b = QPushButton(content)
            b.setObjectName(f"to_{target}")
            b.clicked.connect(lambda _c=False, t=target: self.move_to(t))
            self.workflow_buttons[target] = b
            flow.addWidget(b)
        flow.addStretch(1)
        # the case's work on other pages, opened on this case: key -> button
        self.tool_buttons: dict[str, QPushButton] = {}
        for key, name in (("precheck", "openPrecheck"), ("documents", "openDocuments"), ("compensation", "openCompensation")):
            b = QPushButton(content)
            b.setObjectName(name)
            b.clicked.connect(lambda _c=False, k=key: self.go_to(k))
            self.tool_buttons[key] = b
            flow.addWidget(b)

        self.tabs = QTabWidget(content)
        self.tabs.setObjectName("caseTabs")
        # overview
        self.overview = QWidget()
        ov = QHBoxLayout(self.overview)
        self.ov_form = QFormLayout()
        self.ov_labels: dict[str, tuple[QLabel, QLabel]] = {}
        for key in ("type", "status", "received", "acceptance_due", "accepted", "opinion_due", "opinion",
                    "closed", "staff", "priority", "assistance", "confidential", "created"):
            name, value = QLabel(), QLabel()
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setObjectName(f"ov_{key}")
            self.ov_labels[key] = (name, value)
            self.ov_form.addRow(name, value)
        self.facts = QPlainTextEdit()
        self.facts.setReadOnly(True)
        self.facts.setObjectName("caseFacts")
        self.facts_box = QGroupBox()
        QVBoxLayout(self.facts_box).addWidget(self.facts)
        ov.addLayout(self.ov_form, 2)
        ov.addWidget(self.facts_box, 3)
        # rights
        self.rights_model = RowTableModel(RIGHT_COLUMNS, self)
        self.rights_view = _table(self.rights_model, self, "rightsTable")
        for col, width in enumerate((110, 170, 220, 160, 220)):
            self.rights_view.horizontalHeader().resizeSection(col, width)
        self.rights_empty = EmptyState(self.rights_view)
        self.rights_tab = QWidget()
        rl = QVBoxLayout(self.rights_tab)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.rights_empty, 1)
        self.remove_right_button = QPushButton(self.rights_tab)
        self.remove_right_button.setObjectName("removeRight")
        self.remove_right_button.setEnabled(False)
        self.remove_right_button.clicked.connect(lambda: self.remove_right())
        rrow = QHBoxLayout()
        rrow.addStretch(1)
        rrow.addWidget(self.remove_right_button)
        rl.addLayout(rrow)
        self.rights_view.selectionModel().currentRowChanged.connect(lambda _c, _p: self._on_right_selected())
        # parties
        self.parties = QWidget()
        pl = QHBoxLayout(self.parties)
        self.applicant_box, self.opponent_box = QGroupBox(), QGroupBox()
        self.party_edit_buttons: dict[str, QPushButton] = {}
        forms = []
        for role, box in (("applicant", self.applicant_box), ("opponent", self.opponent_box)):
            bl = QVBoxLayout(box)
            form = QFormLayout()
            bl.addLayout(form)
            bl.addStretch(1)
            b = QPushButton(box)
            b.setObjectName(f"edit_{role}")
            b.clicked.connect(lambda _c=False, r=role: self.edit_party(r))
            self.party_edit_buttons[role] = b
            brow = QHBoxLayout()
            brow.addStretch(1)
            brow.addWidget(b)
            bl.addLayout(brow)
            forms.append(form)
        self.applicant_form, self.opponent_form = forms
        pl.addWidget(self.applicant_box)
        pl.addWidget(self.opponent_box)
        # consultations
        self.consult_model = RowTableModel(CONSULTATION_COLUMNS, self)
        self.consult_view = _table(self.consult_model, self, "caseConsultations")
        for col, width in enumerate((140, 80, 120, 420)):
            self.consult_view.horizontalHeader().resizeSection(col, width)
        self.consult_empty = EmptyState(self.consult_view)
        # evidence
        self.evidence = EvidenceTab(self)
        # timeline
        self.timeline_model = RowTableModel(TIMELINE_COLUMNS, self)
        self.timeline_view = _table(self.timeline_model, self, "timelineTable")
        for col, width in enumerate((150, 90, 140)):
            self.timeline_view.horizontalHeader().resizeSection(col, width)
        self.referrals = ReferralsTab(self)  # issue 17 item 1: refer the case, follow the referral up
        for w in (self.overview, self.rights_tab, self.parties, self.consult_empty, self.evidence,
                  self.timeline_view, self.referrals):
            self.tabs.addTab(w, "")
        self.experts = ExpertsTab.attach(self)  # issue 17 item 2: expert panels on the case

        cl = QVBoxLayout(content)
        cl.addLayout(head)
        cl.addLayout(flow)
        cl.addWidget(self.tabs, 1)
        self.page_empty = EmptyState(content, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.page_empty)
        self.page_empty.set_empty(True)
        described_shortcut("Ctrl+O", self, self.evidence.choose_files, QT_TRANSLATE_NOOP("Shortcuts", "Case: add evidence files"))
        described_shortcut("Ctrl+E", self, self.edit_case, QT_TRANSLATE_NOOP("Shortcuts", "Case: edit the case"))

    def go_to(self, key: str) -> None:
        """Open page ``key`` (pre-check, documents, compensation) on the case shown here."""
        number = self.case.number if self.case is not None else self.number
        if self.window_ is not None and number:
            self.window_.go(key, number)

    def retranslate(self) -> None:
        self.workflow_label.setText(self.tr("Next step:"))
        self.edit_button.setText(self.tr("Edit…"))
        self.edit_button.setToolTip(self.tr("Change title, facts, staff, priority, outcome or opposing party (Ctrl+E)"))
        self.add_right_button.setText(self.tr("Add right…"))
        self.add_right_button.setToolTip(self.tr("Record a further right concerned by this case"))
        for target, b in self.workflow_buttons.items():
            b.setText(i18n.label(i18n.STATUS_ACTION, target))
        tools = {"precheck": (self.tr("Pre-check…"), self.tr("Compare this case's right with the accused product, "
                                                             "sign or label on the pre-check page")),
                 "documents": (self.tr("Documents…"), self.tr("Draft, issue and print this case's documents")),
                 "compensation": (self.tr("Compensation…"), self.tr("Estimate the compensation to claim in this case"))}
        for key, b in self.tool_buttons.items():
            b.setText(tools[key][0])
            b.setToolTip(tools[key][1])
        names = {"type": self.tr("IP type"), "status": self.tr("Status"), "received": self.tr("Received"),
                 "acceptance_due": self.tr("Acceptance due"), "accepted": self.tr("Accepted"),
                 "opinion_due": self.tr("Opinion due"), "opinion": self.tr("Opinion issued"),
                 "closed": self.tr("Closed"), "staff": self.tr("Handled by"), "priority": self.tr("Priority"),
                 "assistance": self.tr("Assistance wanted"), "confidential": self.tr("Confidential"),
                 "created": self.tr("Created")}
        for key, (name, _value) in self.ov_labels.items():
            name.setText(names[key])
        self.facts_box.setTitle(self.tr("Facts"))
        for i, text in enumerate((self.tr("Overview"), self.tr("Rights"), self.tr("Parties"),
                                  self.tr("Consultations"), self.tr("Evidence"), self.tr("Timeline"),
                                  self.tr("Referrals"))):
            self.tabs.setTabText(i, text)
        self.tabs.setTabToolTip(5, self.tr("Every change to this case, from the audit trail"))
        self.remove_right_button.setText(self.tr("Remove…"))
        self.remove_right_button.setToolTip(self.tr("Remove the selected right from this case (recorded in the "
                                                    "timeline)"))
        for b in self.party_edit_buttons.values():
            b.setText(self.tr("Edit details…"))
            b.setToolTip(self.tr("Address, contact, phone, e-mail, industry, credit code"))
        self.applicant_box.setTitle(i18n.label(i18n.ROLE, "applicant"))
        self.opponent_box.setTitle(i18n.label(i18n.ROLE, "opponent"))
        self.page_empty.label.setText(self.tr(
            "No case open.\nOpen one from the case list (double-click a row or press Enter), "
            "or take in a new case with Ctrl+N."))
        for model in (self.rights_model, self.consult_model, self.timeline_model):
            model.retranslate()
        self.rights_empty.set_empty(not self.rights_model.rows, self.tr(
            "No right recorded for this case. Rights are entered at intake."))
        self.consult_empty.set_empty(not self.consult_model.rows, self.tr(
            "No consultation is linked to this case. On the Consultations page, “Turn into case” links one."))
        self.evidence.retranslate()
        if self.case is not None:
            self._show(self.case)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ loading

    def open(self, number: str) -> None:
        self.number = number
        self.reload(opened=True)

    def reload(self, opened: bool = False) -> None:  # opened by the user: an audited view (issue 14 item 4)
        if not self.number:
            return
        number = self.number
        ctx = self.ctx
        cases, evidence, consultations = ctx.cases(), ctx.evidence(), ctx.consultations()

        def work() -> CaseBundle:
            case = cases.open(number) if opened else cases.get(number)
            return CaseBundle(case, cases.timeline(case.number), evidence.list(case.number),
                              consultations.list(ConsultationFilter(case_number=case.number), limit=500))

        self.ctx.runner.submit(work, on_success=self._loaded, name="load_case")

    def _loaded(self, bundle: CaseBundle) -> None:
        if bundle.case.number != (self.number or "").upper():
            return  # another case was opened meanwhile
        self.rights_model.set_rows(bundle.case.rights)
        self.consult_model.set_rows(bundle.consultations)
        self.timeline_model.set_rows(bundle.timeline)
        self.evidence.set_rows(bundle.evidence)
        self.referrals.show_case(bundle.case)
        self.experts.show_case(bundle.case)
        self.case = bundle.case
        self.page_empty.set_empty(False)
        self.retranslate()

    def _on_cases_changed(self, number: str) -> None:
        if self.case is not None and (not number or number == self.case.number):
            self.reload()

    def _show(self, c: CaseDetail) -> None:
        self.heading.setText(f"{c.number}  {c.title}")
        self.access.show_case(c)
        status = i18n.label(i18n.STATUS, c.status)
        self.status_badge.setText(status)
        self.status_badge.setStyleSheet("background: #1f3a5f; color: white; padding: 4px 10px; border-radius: 9px;")
        bg, fg = deadline_colours(c.deadline_state)
        if c.due:
            state = i18n.label(i18n.DEADLINE, c.deadline_state)
            self.due_label.setText(self.tr("Due %1 · %2").replace("%1", c.due.isoformat()).replace("%2", state))
            self.due_label.setStyleSheet(
                f"background: {bg.name() if bg else '#e8f5e9'}; color: {fg.name() if fg else '#2e7d32'};"
                " padding: 4px 10px; border-radius: 9px;")
            self.due_label.show()
        else:
            self.due_label.hide()
        values = {
            "type": i18n.label(i18n.IP_TYPE, c.type), "status": status, "received": _d(c.received_on),
            "acceptance_due": _d(c.acceptance_due), "accepted": _d(c.accepted_on), "opinion_due": _d(c.opinion_due),
            "opinion": _d(c.opinion_on), "closed": _d(c.closed_on), "staff": c.staff,
            "priority": i18n.label(i18n.PRIORITY, c.priority),
            "assistance": "、".join(i18n.label(i18n.ASSISTANCE, a) for a in c.assistance),
            "confidential": self.tr("yes") if c.confidential else self.tr("no"),
            "created": f"{to_china_time(c.created_at):%Y-%m-%d %H:%M} · {c.created_by}",
        }
        for key, (_name, value) in self.ov_labels.items():
            value.setText(values[key] or "—")
        self.facts.setPlainText(c.facts)
        self._fill_party(self.applicant_form, c.applicant)
        self._fill_party(self.opponent_form, c.opponent)
        self.party_edit_buttons["applicant"].setEnabled(True)
        self.party_edit_buttons["opponent"].setEnabled(c.opponent is not None)
        self._on_right_selected()
        reopen = c.status in ("closed", "opinion_issued")
        self.workflow_buttons["in_progress"].setText(
            i18n.label(i18n.STATUS_ACTION, "reopen" if reopen else "in_progress"))
        for target, b in self.workflow_buttons.items():
            allowed = target in c.allowed_transitions
            b.setEnabled(allowed)
            b.setVisible(allowed or target != c.status)
            b.setToolTip("" if allowed else self.tr("Not possible while the case is “%1”").replace("%1", status))

    def _fill_party(self, form: QFormLayout, p: PartyView | None) -> None:
        while form.rowCount():
            form.removeRow(0)
        if p is None:
            form.addRow(QLabel(self.tr("Not known")))
            return
        rows = ((self.tr("Name"), p.name), (self.tr("Credit code"), p.uscc or ""),
                (self.tr("Kind"), i18n.label(i18n.PARTY_KIND, p.kind)), (self.tr("Contact person"), p.contact),
                (self.tr("Phone"), p.phone), (self.tr("E-mail"), p.email), (self.tr("Address"), p.address),
                (self.tr("Industry"), p.industry),
                (self.tr("Settled enterprise"), self.tr("yes") if p.settled else self.tr("no")))
        for name, value in rows:
            label = QLabel(value or "—")
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(name, label)

    # ------------------------------------------------------------------ workflow

    def move_to(self, target: str) -> None:
        """A workflow button: asks for a reason where the workflow needs one, then moves the case."""
        c = self.case
        if c is None or target not in c.allowed_transitions:
            return
        reason = ""
        if (c.status, target) in REASON_REQUIRED:
            dialog = ReasonDialog(
                i18n.label(i18n.STATUS_ACTION, target).rstrip("…"),
                self.tr("Why? The reason is recorded in the case and its timeline, and is told to the "
                        "enterprise in the notice."), self)
            if dialog.exec() != ReasonDialog.DialogCode.Accepted:
                return
            reason = dialog.reason
        elif target == "withdrawn":
            answer = QMessageBox.question(self, self.tr("Withdraw case"), self.tr(
                "Record that the enterprise withdrew case %1? A withdrawn case cannot be reopened.")
                .replace("%1", c.number))
            if answer != QMessageBox.StandardButton.Yes:
                return
        else:
            # every other step says its consequence in one line and waits for a deliberate "Yes" (Enter is No):
            # a status change is in the audit trail for good
            consequence = {
                "accepted": self.tr("Accept case %1? The opinion's deadline starts today (working days) and the "
                                    "acceptance notice can be issued."),
                "in_progress": self.tr("Start work on case %1? It is marked in progress under your name."),
                "opinion_issued": self.tr("Record that the opinion on case %1 was issued? The case can then be "
                                          "closed."),
                "closed": self.tr("Close case %1? It can only be reopened with a recorded reason."),
            }.get(target, self.tr("Move case %1 to “%2”?").replace("%2", i18n.label(i18n.STATUS, target)))
            answer = QMessageBox.question(self, i18n.label(i18n.STATUS_ACTION, target).rstrip("…"),
                                          consequence.replace("%1", c.number),
                                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                          QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
        service = self.ctx.cases()
        number = c.number
        self.ctx.runner.submit(lambda: service.transition(number, target, reason=reason or None),
                               on_success=self._moved, name="transition")

    def edit_case(self) -> None:
        if self.case is not None:
            edit_case(self, self.case)  # saved against the version shown; a conflict offers reload and reapply

    def add_right(self) -> None:
        c = self.case
        if c is None:
            return
        dialog = AddRightDialog(c.type, self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.right() is None:
            return
        service, number, right = self.ctx.cases(), c.number, dialog.right()
        self.ctx.runner.submit(lambda: service.add_right(number, right), on_success=self._moved, name="add_right")

    def selected_right(self) -> Any:
        index = self.rights_view.currentIndex()
        if not index.isValid() or index.row() >= len(self.rights_model.rows):
            return None
        return self.rights_model.rows[index.row()]

    def _on_right_selected(self) -> None:
        self.remove_right_button.setEnabled(self.case is not None and self.selected_right() is not None)

    def remove_right(self, *, confirm: bool = True) -> None:
        """Remove the selected right after a confirmation that names it."""
        c, r = self.case, self.selected_right()
        if c is None or r is None:
            return
        name = " ".join(p for p in (i18n.label(i18n.IP_TYPE, r.kind), r.number, r.title) if p)
        if confirm and QMessageBox.question(self, self.tr("Remove right"), self.tr(
                "Remove %1 from case %2? The removal is recorded in the case's timeline.")
                .replace("%1", name).replace("%2", c.number)) != QMessageBox.StandardButton.Yes:
            return
        service, number, right_id = self.ctx.cases(), c.number, r.id
        self.ctx.runner.submit(lambda: service.remove_right(number, right_id), on_success=self._moved,
                               name="remove_right")

    def edit_party(self, role: str) -> None:
        """Edit the applicant's or opponent's details; warns first when the party has other cases."""
        c = self.case
        party = (c.applicant if role == "applicant" else c.opponent) if c is not None else None
        if c is None or party is None:
            return
        service, number = self.ctx.cases(), c.number
        self.ctx.runner.submit(lambda: service.party_case_count(number, role),
                               on_success=lambda shared: self._edit_party_dialog(role, party, shared),
                               name="party_case_count")

    def _edit_party_dialog(self, role: str, party: PartyView, shared: int) -> None:
        c = self.case
        if c is None:
            return
        dialog = EditPartyDialog(role, party, shared, self)
        self.last_party_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        service, number, new = self.ctx.cases(), c.number, dialog.party_input()
        self.ctx.runner.submit(lambda: service.update_party(number, role, new), on_success=self._moved,
                               name="update_party")

    def _moved(self, case: CaseDetail) -> None:
        self.ctx.cases_changed.emit(case.number)  # reloads this page and the list


def _d(value: Any) -> str:
    return value.isoformat() if value else ""


register_page("case", QT_TRANSLATE_NOOP("Pages", "Case"), lambda ctx, w: CaseDetailPage(ctx, w), order=30,
              icon="case.svg", tooltip=QT_TRANSLATE_NOOP("Pages", "The case opened last"))
