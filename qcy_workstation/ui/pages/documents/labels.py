"""What the documents page names: document kinds, guidance topics, register statuses, the editable parts
and the register's columns (translation context "DocumentsPage", as on the page)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from qcy_workstation.ui.models import Column

KINDS = {
    "acceptance-notice": QT_TRANSLATE_NOOP("DocumentsPage", "Acceptance notice"),
    "non-acceptance-notice": QT_TRANSLATE_NOOP("DocumentsPage", "Non-acceptance notice"),
    "consultation-record": QT_TRANSLATE_NOOP("DocumentsPage", "Consultation record"),
    "advice-letter": QT_TRANSLATE_NOOP("DocumentsPage", "Advice letter"),
    "reference-opinion": QT_TRANSLATE_NOOP("DocumentsPage", "Infringement reference opinion"),
    "early-warning-memo": QT_TRANSLATE_NOOP("DocumentsPage", "Early-warning memo"),
    "guidance": QT_TRANSLATE_NOOP("DocumentsPage", "Guidance for enquirers"),
}
TOPICS = {
    "evidence": QT_TRANSLATE_NOOP("DocumentsPage", "Evidence preservation and notarisation"),
    "administrative-complaint": QT_TRANSLATE_NOOP("DocumentsPage", "Administrative complaint"),
    "mediation-arbitration": QT_TRANSLATE_NOOP("DocumentsPage", "Mediation and arbitration"),
    "litigation": QT_TRANSLATE_NOOP("DocumentsPage", "Litigation steps and limitation periods"),
    "customs": QT_TRANSLATE_NOOP("DocumentsPage", "Customs recordation"),
    "overseas": QT_TRANSLATE_NOOP("DocumentsPage", "Overseas disputes"),
}
STATUS = {
    "drafted": QT_TRANSLATE_NOOP("DocumentsPage", "Drafted"),
    "reviewed": QT_TRANSLATE_NOOP("DocumentsPage", "Reviewed"),
    "issued": QT_TRANSLATE_NOOP("DocumentsPage", "Issued"),
}
DOC_LANGS = {"zh": "中文", "en": "English"}
GUIDANCE_IP_TYPES = ("", "patent", "trademark", "gi", "trade-secret")
# The names of the editable parts (qcy_workstation.documents.editable.EDITABLE), marked for translation here.
PART_NAMES = (QT_TRANSLATE_NOOP("DocumentsPage", "Next steps"),
              QT_TRANSLATE_NOOP("DocumentsPage", "Reasons for not accepting"),
              QT_TRANSLATE_NOOP("DocumentsPage", "Remarks"), QT_TRANSLATE_NOOP("DocumentsPage", "Advice"),
              QT_TRANSLATE_NOOP("DocumentsPage", "Opinion (conclusion)"), QT_TRANSLATE_NOOP("DocumentsPage", "Risks"),
              QT_TRANSLATE_NOOP("DocumentsPage", "Recommendations"))


def _tr(text: str) -> str:
    return QCoreApplication.translate("DocumentsPage", text)


def _short_sha(view: Any) -> str:
    """The issued PDF's SHA-256, elided in the middle by the table (both ends stay readable to compare)."""
    return str(view.files.get("pdf", ""))


DOC_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "Number"), lambda d: d.number),
    Column(QT_TRANSLATE_NOOP("Columns", "Ver."), lambda d: d.version, align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Document"),
           lambda d: _tr(KINDS.get(d.kind, d.kind)) + (f" · {_tr(TOPICS[d.topic])}" if d.topic in TOPICS else ""),
           tooltip=lambda d: d.title),
    Column(QT_TRANSLATE_NOOP("Columns", "Lang."), lambda d: DOC_LANGS.get(d.lang, d.lang)),
    Column(QT_TRANSLATE_NOOP("Columns", "Status"), lambda d: _tr(STATUS.get(d.status, d.status))),
    Column(QT_TRANSLATE_NOOP("Columns", "Drafted by"), lambda d: d.drafted_by),
    Column(QT_TRANSLATE_NOOP("Columns", "Reviewed by"), lambda d: d.reviewed_by),
    Column(QT_TRANSLATE_NOOP("Columns", "Issued by"), lambda d: d.issued_by),
    Column(QT_TRANSLATE_NOOP("Columns", "SHA-256 (PDF)"), _short_sha,
           tooltip=lambda d: "\n".join(f"{k.upper()}: {v}" for k, v in d.files.items())),
]


def offer_kinds(combo: Any, kinds: list[str] | None) -> bool:
    """Grey out the document kinds a case cannot have (a notice whose decision the case does not carry; the
    service says which: ``DocumentService.kinds_for``); None enables all (guidance without a case).
    Returns whether the chosen kind is no longer offered."""
    model = combo.model()
    for i in range(combo.count()):
        model.item(i).setEnabled(kinds is None or combo.itemData(i) in kinds)
    return kinds is not None and combo.currentData() not in kinds


def editable_parts(kind: str) -> tuple[Any, ...]:
    """The editable parts of a document of ``kind`` (the documents core is imported when the page is first
    shown, not at start-up)."""
    from qcy_workstation.documents.editable import EDITABLE

    return EDITABLE.get(kind, ())
