"""Nothing typed is lost: half-filled forms are kept as drafts and offered back.

A page with a form names its fields (``form_fields()``) and says what the form is (``form_title()``).
From that this module can tell whether the form holds input (its values differ from the values it had
when it was last emptied), capture the values as plain JSON, and put them back. The main window uses it
to ask before closing over typed input, to autosave drafts every few seconds (so a crash or a power cut
loses at most that much), and to offer the drafts back at the next start.

Drafts are a desk's own unsent input, not case data: they live beside the desk's preferences (user data
folder), keyed by the store they were typed for, written atomically.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)


def _value(widget: QWidget) -> Any:
    widget = getattr(widget, "edit", widget)  # ValidatedLineEdit wraps its QLineEdit
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        data = widget.currentData()
        return data if isinstance(data, str | int | float | bool) else widget.currentIndex()
    if isinstance(widget, QDateEdit):
        return widget.date().toString("yyyy-MM-dd")
    if isinstance(widget, QSpinBox):
        return widget.value()
    if isinstance(widget, QAbstractButton):
        return widget.isChecked()
    return None


def _set(widget: QWidget, value: Any) -> None:
    widget = getattr(widget, "edit", widget)
    if isinstance(widget, QLineEdit):
        widget.setText(str(value))
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(str(value))
    elif isinstance(widget, QComboBox):
        index = widget.findData(value) if isinstance(value, str) else int(value)
        if 0 <= index < widget.count():
            widget.setCurrentIndex(index)
    elif isinstance(widget, QDateEdit):
        d = QDate.fromString(str(value), "yyyy-MM-dd")
        if d.isValid():
            widget.setDate(d)
    elif isinstance(widget, QSpinBox):
        widget.setValue(int(value))
    elif isinstance(widget, QAbstractButton) and widget.isCheckable():
        widget.setChecked(bool(value))


def capture(fields: Mapping[str, QWidget]) -> dict[str, Any]:
    """The form's values as JSON-ready data, by field name."""
    return {key: _value(w) for key, w in fields.items()}


def restore(fields: Mapping[str, QWidget], values: Mapping[str, Any]) -> None:
    """Put captured values back (fields unknown to this version are ignored: a draft never breaks a form)."""
    for key, value in values.items():
        widget = fields.get(key)
        if widget is not None and value is not None:
            with contextlib.suppress(TypeError, ValueError):
                _set(widget, value)


class FormTracker:
    """Tells whether a form holds input: its values differ from those it had when last emptied."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.pristine: dict[str, Any] = {}

    def mark_pristine(self) -> None:
        self.pristine = capture(self.page.form_fields())

    def dirty(self) -> bool:
        now = capture(self.page.form_fields())
        ignored = tuple(getattr(self.page, "form_ignored", ()))  # names or name prefixes
        return any(now.get(k) != self.pristine.get(k) for k in now if not (ignored and k.startswith(ignored)))


def unsaved_pages(pages: Mapping[str, QWidget]) -> list[tuple[str, QWidget]]:
    """(key, page) of every created page whose form holds unsaved input."""
    out = []
    for key, page in pages.items():
        check = getattr(page, "form_dirty", None)
        if check is not None and check():
            out.append((key, page))
    return out


class DraftFile:
    """``drafts.json``: {store url: {page key: {"title": ..., "values": {...}}}}, written atomically."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def _all(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def load(self, store_key: str) -> dict[str, Any]:
        drafts = self._all().get(store_key, {})
        return drafts if isinstance(drafts, dict) else {}

    def save(self, store_key: str, drafts: Mapping[str, Any]) -> None:
        data = self._all()
        if drafts:
            data[store_key] = dict(drafts)
        else:
            data.pop(store_key, None)
        if not data:
            with contextlib.suppress(OSError):
                self.path.unlink()
            return
        with contextlib.suppress(OSError):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".drafts.", suffix=".part", dir=self.path.parent)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    json.dump(data, fh, ensure_ascii=False)
                os.replace(tmp, self.path)
            except OSError:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
