"""Workstation-wide settings kept in the store, so every desk sharing it uses the same letterhead and
deadline lengths. Per-desk preferences (window, language, staff name) stay in the UI's QSettings."""

from __future__ import annotations

import json
from dataclasses import asdict, fields, replace
from datetime import date

from sqlalchemy import select

from qcy_workstation.cases import audit
from qcy_workstation.cases.dto import WorkstationSettings
from qcy_workstation.cases.models import Setting
from qcy_workstation.cases.validation import check_date_range, parse_date, validate_line
from qcy_workstation.db.base import china_today
from qcy_workstation.db.store import Store
from qcy_workstation.errors import ValidationError
from qcy_workstation.limits import EARLIEST_DATE

_INT_FIELDS = {"acceptance_days": (1, 60), "opinion_days": (1, 250), "due_soon_days": (0, 30)}
_DATE_FIELDS = ("opened_on",)
_TEXT_MAX = 300

#: Settings kept under ``extra`` that some feature reads, with what reads them. Any other key is refused:
#: a typo (``acceptence_days=7``) used to be stored and never applied, so the clerk believed it had worked.
EXTRA_KEYS = {"template_dir": "folder of staff-edited DOCX templates (documents.service.template_dir)",
              "document_number_format": "document numbers, e.g. 秦创原维援〔{year}〕{seq}号 or QCY-{code}-{year}-{seq:04d}"}


def known_keys() -> tuple[str, ...]:
    """Every key ``update`` accepts, in the order ``store settings`` shows them."""
    return tuple(f.name for f in fields(WorkstationSettings) if f.name != "extra") + tuple(EXTRA_KEYS)


class SettingsService:
    def __init__(self, store: Store, actor: str = "system") -> None:
        self.store = store
        self.actor = actor

    def get(self) -> WorkstationSettings:
        with self.store.read() as s:
            stored = {row.key: row.value for row in s.execute(select(Setting)).scalars()}
        return _from_stored(stored)

    def update(self, **changes: object) -> WorkstationSettings:
        """Validate and store every change, or none: an unknown key is refused with the list of known ones."""
        current = self.get()
        unknown = sorted(set(changes) - set(known_keys()))
        if unknown:
            shown = ascii(unknown[0])[1:-1][:60] or "settings"  # the key as typed, printable, never empty
            raise ValidationError(f"unknown setting; known settings: {', '.join(known_keys())}", field=shown,
                                  value=shown, reason="settings.unknown",
                                  params={"key": shown, "known": ", ".join(known_keys())})
        clean: dict[str, object] = {}
        extra = dict(current.extra)
        for key, value in changes.items():
            if key in _INT_FIELDS:
                lo, hi = _INT_FIELDS[key]
                try:
                    number = int(str(value))
                except ValueError:
                    raise ValidationError("must be a whole number of working days", field=key, value=value,
                                          reason="number.whole") from None
                if not lo <= number <= hi:
                    raise ValidationError(f"must be between {lo} and {hi}", field=key, value=value, reason="number.range",
                                          params={"min": lo, "max": hi})
                clean[key] = number
            elif key in _DATE_FIELDS:
                day = parse_date(str(value).strip(), key)
                clean[key] = check_date_range(day, key, today=china_today()).isoformat() if day else ""
            elif key in EXTRA_KEYS:
                extra[key] = validate_line(str(value), key, 1000)
                if key == "template_dir" and extra[key]:
                    _check_templates(extra[key])
                if key == "document_number_format" and extra[key]:
                    _check_number_format(extra[key])
            else:
                clean[key] = validate_line(str(value), key, _TEXT_MAX)
        new = replace(current, **clean, extra=extra)  # type: ignore[arg-type]
        before, after = asdict(current), asdict(new)
        with self.store.write() as s:
            for key, value in after.items():
                text = json.dumps(value, ensure_ascii=False)
                row = s.get(Setting, key)
                if row is None:
                    s.add(Setting(key=key, value=text))
                else:
                    row.value = text
            audit.record(s, actor=self.actor, action="update", entity="settings", entity_id="workstation",
                         details=audit.changes(before, after))
        return new


def _from_stored(stored: dict[str, str]) -> WorkstationSettings:
    values: dict[str, object] = {}
    for f in fields(WorkstationSettings):
        if f.name in stored:
            try:
                values[f.name] = json.loads(stored[f.name])
            except ValueError:
                continue
    return WorkstationSettings(**values)  # type: ignore[arg-type]


def earliest_date(settings: WorkstationSettings) -> date:
    """The first day anything can have been received at this workstation: the ``opened_on`` setting when
    set, else ``limits.EARLIEST_DATE`` (see there for why)."""
    if settings.opened_on:
        try:
            return max(EARLIEST_DATE, date.fromisoformat(settings.opened_on))
        except ValueError:  # a hand-edited store: fall back to the floor rather than fail every intake
            return EARLIEST_DATE
    return EARLIEST_DATE


def load_settings(session) -> WorkstationSettings:  # type: ignore[no-untyped-def]
    """Settings read inside an open session (services that need deadline lengths mid-transaction)."""
    return _from_stored({row.key: row.value for row in session.execute(select(Setting)).scalars()})


def _check_templates(folder: str) -> None:
    """Refuse a template folder whose templates would fail or reach outside their placeholders (issue 12
    item 2): checked when installed, so every desk sharing the store gets only templates that render."""
    from pathlib import Path

    from qcy_workstation.documents.docx_renderer import validate_template_dir

    problems = validate_template_dir(Path(folder))
    if problems:
        raise ValidationError("the template folder is refused: " + "; ".join(problems[:5]), field="template_dir",
                              value=folder, reason="template.invalid",
                              params={"problems": "; ".join(problems[:5])})


def _check_number_format(fmt: str) -> None:
    """A document number format must say the year and the sequence, and nothing else the documents do not
    know ({code} is the kind's letters; without it the sequence runs across all kinds of a year)."""
    import string

    try:
        names = {f for _, f, _, _ in string.Formatter().parse(fmt) if f is not None}
        sample = fmt.format(code="YJ", year=2026, seq=12)
    except (ValueError, KeyError, IndexError) as exc:
        raise ValidationError(f"not a number format ({exc})", field="document_number_format", value=fmt,
                              reason="settings.number_format") from None
    if not {"year", "seq"} <= names or not names <= {"year", "seq", "code"} or not sample.strip():
        raise ValidationError("a number format needs {year} and {seq} (and may use {code})",
                              field="document_number_format", value=fmt, reason="settings.number_format")
