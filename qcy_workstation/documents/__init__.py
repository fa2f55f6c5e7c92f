"""Documents the workstation issues: one content model, PDF and DOCX renderers, and (with a store) the
register of drafted, reviewed and issued documents.

Headless API (no store, no Qt)::

    content = build_document("advice-letter", case_data, lang="zh", workstation=ws, number=..., options=...)
    pdf_bytes = render(content, "pdf")      # or "docx"

The store-backed service is ``qcy_workstation.documents.service.DocumentService``.
"""

from __future__ import annotations

from qcy_workstation.documents.builders import (
    GUIDANCE_TOPICS,
    CaseData,
    ConsultationInfo,
    Decision,
    PartyInfo,
    RightInfo,
    WorkstationInfo,
    build_document,
    default_number,
)
from qcy_workstation.documents.model import (
    DOCUMENT_KINDS,
    LANGS,
    DocumentContent,
    Image,
    KeyValues,
    Letterhead,
    Paragraph,
    Section,
    Signature,
    Table,
    chinese_date,
    format_date,
)
from qcy_workstation.errors import ValidationError

FORMATS = ("pdf", "docx")


def render(content: DocumentContent, fmt: str, *, template_dir: str | None = None) -> bytes:
    """Render ``content`` as ``pdf`` or ``docx`` bytes; ``template_dir`` may hold staff-edited DOCX
    templates (``<kind>.<lang>.docx``) that take precedence over the shipped ones."""
    if fmt == "pdf":
        from qcy_workstation.documents.pdf import render_pdf

        return render_pdf(content)
    if fmt == "docx":
        from pathlib import Path

        from qcy_workstation.documents.docx_renderer import render_docx

        return render_docx(content, template_dir=Path(template_dir) if template_dir else None)
    raise ValidationError("format must be pdf or docx", field="format", value=fmt)


__all__ = [
    "DOCUMENT_KINDS",
    "FORMATS",
    "GUIDANCE_TOPICS",
    "LANGS",
    "CaseData",
    "Decision",
    "ConsultationInfo",
    "DocumentContent",
    "Image",
    "KeyValues",
    "Letterhead",
    "Paragraph",
    "PartyInfo",
    "RightInfo",
    "Section",
    "Signature",
    "Table",
    "WorkstationInfo",
    "build_document",
    "chinese_date",
    "default_number",
    "format_date",
    "render",
]
