"""The text of a file staff point at (claims, a product description, a trade secret, a batch): one reader
shared by the desktop client and the CLI, so both accept the same files and refuse the same ones by name.

Plain text is read as UTF-8 (with or without a BOM) or GB18030; a Word document (.docx) by its paragraphs;
a PDF by its text layer with pypdfium2 (a runtime dependency; pypdf is for the tests only). A file whose
name says PDF or Word but which neither library can open is read like any other file, so a binary one is
refused as such.
"""

from __future__ import annotations

from pathlib import Path

from qcy_workstation import limits
from qcy_workstation.errors import ValidationError

DOCUMENT_SUFFIXES = (".docx", ".pdf")


def read_text_file(path: str | Path | None, field: str = "file", *,
                   max_bytes: int = limits.MAX_TEXT_FILE_BYTES) -> str:
    """The text of ``path``; a :class:`ValidationError` on ``field`` when the file is missing, not a regular
    file, larger than ``max_bytes`` (``limits.MAX_DOCUMENT_FILE_BYTES`` for PDF and Word files), binary or
    in an unknown encoding."""
    if not path:
        raise ValidationError("a file is required", field=field)
    p = Path(path)
    if not p.exists() or p.is_dir():
        raise ValidationError(f"file not found: {path}", field=field, value=str(path))
    if not p.is_file():  # /dev/zero, a pipe: reading it would never end
        raise ValidationError(f"{path} is not a regular file", field=field, value=str(path),
                              reason="file.unreadable")
    suffix = p.suffix.lower()
    limit = max(max_bytes, limits.MAX_DOCUMENT_FILE_BYTES) if suffix in DOCUMENT_SUFFIXES else max_bytes
    if p.stat().st_size > limit:
        raise ValidationError(f"{path} is larger than {limit:,} bytes", field=field, value=str(path),
                              reason="file.too_large", params={"max": limit})
    if suffix in DOCUMENT_SUFFIXES:
        text = _document_text(p, suffix)
        if text is not None:
            return text
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise ValidationError(f"cannot read {path}: {exc.strerror or exc}", field=field, value=str(path),
                              reason="file.unreadable") from None
    if b"\x00" in raw[:65536]:
        raise ValidationError(f"{path} is not a text file (binary content)", field=field, value=str(path))
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    raise ValidationError(f"cannot decode {path} (expected UTF-8 or GB18030)", field=field, value=str(path))


def _document_text(p: Path, suffix: str) -> str | None:
    """The text of a Word or PDF file; None when the library cannot open it (damaged or misnamed)."""
    if suffix == ".docx":
        import docx

        try:
            return "\n".join(par.text for par in docx.Document(str(p)).paragraphs)
        except Exception:  # not a Word package: zip and XML errors of several kinds
            return None
    import pypdfium2

    try:
        pdf = pypdfium2.PdfDocument(str(p))
    except pypdfium2.PdfiumError:
        return None
    try:
        return "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    finally:
        pdf.close()
