"""The parts of a document staff may rewrite, and what the documents page, the CLI and the service share
about them: editor text <-> builder options, the builder's standard text of each part, the draft label and
the check of an issued document's frozen PDF.

Headless: the desktop client translates each part's ``label`` (an English source text) itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from qcy_workstation.documents.model import Paragraph
from qcy_workstation.errors import IntegrityError


@dataclass(frozen=True)
class EditableText:
    """A free-text part of a document that staff may rewrite: the builder option it sets and where the
    builder puts its standard text (section index in the built content) so the editor can start from it."""

    key: str  # option name; "memo.risks" sets options["memo"]["risks"]
    label: str  # English source text (the desktop client translates it, context "DocumentsPage")
    section: int | None  # None: no standard text (empty means "leave out")
    paragraphs: bool = True  # a list of paragraphs (blank line between) or one text


EDITABLE: dict[str, tuple[EditableText, ...]] = {
    "acceptance-notice": (EditableText("next_steps", "Next steps", 1),),
    "non-acceptance-notice": (EditableText("reasons", "Reasons for not accepting", 0),),
    "consultation-record": (EditableText("remarks", "Remarks", None, paragraphs=False),),
    "advice-letter": (EditableText("advice", "Advice", 1),),
    "reference-opinion": (EditableText("advice", "Opinion (conclusion)", -1),),
    "early-warning-memo": (
        EditableText("memo.risks", "Risks", 2),
        EditableText("memo.recommendations", "Recommendations", 3),
    ),
    "guidance": (),
}


def split_text(text: str, paragraphs: bool) -> list[str] | str:
    """Editor text -> option value: paragraphs are separated by an empty line; the lines of one paragraph
    are joined (without a space when they are mostly Chinese)."""
    if not paragraphs:
        return text.strip()
    parts, current = [], []
    for line in text.splitlines():
        if line.strip():
            current.append(line.strip())
        elif current:
            parts.append("".join(current) if _mostly_cjk(current) else " ".join(current))
            current = []
    if current:
        parts.append("".join(current) if _mostly_cjk(current) else " ".join(current))
    return parts


def _mostly_cjk(lines: list[str]) -> bool:
    text = "".join(lines)
    return sum("\u4e00" <= ch <= "\u9fff" for ch in text) > len(text) / 3


def options_get(options: dict[str, Any], key: str) -> Any:
    """The value of a dotted option key ("memo.risks"), or None."""
    node: Any = options
    for part in key.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def options_set(options: dict[str, Any], key: str, value: Any) -> None:
    """Set a dotted option key ("memo.risks" sets ``options["memo"]["risks"]``)."""
    parts = key.split(".")
    node = options
    for part in parts[:-1]:
        node = node.setdefault(part, {})
    node[parts[-1]] = value


def texts_to_options(kind: str, texts: dict[str, str]) -> dict[str, Any]:
    """The editors' texts (by part key) of a document of ``kind`` as builder options; empty parts left out."""
    opts: dict[str, Any] = {}
    for part in EDITABLE.get(kind, ()):
        if part.key not in texts:
            continue
        value = split_text(texts[part.key], part.paragraphs)
        if value:
            options_set(opts, part.key, value)
    return opts


def standard_texts(content: Any, kind: str) -> dict[str, str]:
    """The builder's own text of each editable part (what staff start from), as editor text."""
    out: dict[str, str] = {}
    for part in EDITABLE.get(kind, ()):
        if part.section is None or not content.sections:
            out[part.key] = ""
            continue
        # a builder whose sections vary names where the part's section is (metadata "editable")
        index = content.metadata.get("editable", {}).get(part.key, part.section)
        try:
            section = content.sections[index]
        except IndexError:
            out[part.key] = ""
            continue
        out[part.key] = "\n\n".join(b.text for b in section.blocks if isinstance(b, Paragraph))
    return out


def editor_text(options: dict[str, Any], part: EditableText, defaults: dict[str, str]) -> str:
    """A document's own text of ``part`` as editor text (paragraphs apart by an empty line); the standard
    text when the document has none."""
    value = options_get(options, part.key)
    if value is None:
        return defaults.get(part.key, "")
    return "\n\n".join(value) if isinstance(value, list) else str(value)


def draft_label(number_label: str, lang: str) -> str:
    """The number label of a document that is not issued yet: marked as a draft."""
    return ("（草稿）" if lang == "zh" else "(DRAFT) ") + number_label


def issued_pdf(service: Any, view: Any) -> bytes:
    """The frozen PDF of an issued document (a ``DocumentView``), checked against its SHA-256. For viewing:
    no audit event (exporting and printing it go through ``DocumentService.reprint``, which records one)."""
    digest = view.files.get("pdf", "")
    if not digest:
        raise IntegrityError("the issued document's file is missing", field="document", value=digest,
                             reason="document.file_missing")
    return bytes(service._read_blob(digest))  # the service's own check (missing or modified, by code)
