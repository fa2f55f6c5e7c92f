"""Workstation-wide settings kept in the store, so every desk sharing it uses the same letterhead and
deadline lengths. Per-desk preferences (window, language, staff name) stay in the UI's QSettings."""

from __future__ import annotations

import json
from dataclasses import asdict, fields, replace

from sqlalchemy import select

from qcy_workstation.cases import audit
from qcy_workstation.cases.dto import WorkstationSettings
from qcy_workstation.cases.models import Setting
from qcy_workstation.db.store import Store
from qcy_workstation.errors import ValidationError

_INT_FIELDS = {"acceptance_days": (1, 60), "opinion_days": (1, 250), "due_soon_days": (0, 30)}


class SettingsService:
    def __init__(self, store: Store, actor: str = "system") -> None:
        self.store = store
        self.actor = actor

    def get(self) -> WorkstationSettings:
        with self.store.read() as s:
            stored = {row.key: row.value for row in s.execute(select(Setting)).scalars()}
        return _from_stored(stored)

    def update(self, **changes: object) -> WorkstationSettings:
        """Validate and store; unknown keys go to ``extra`` (for later features' settings)."""
        current = self.get()
        known = {f.name for f in fields(WorkstationSettings)} - {"extra"}
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
            elif key in known:
                clean[key] = str(value).strip()
            else:
                extra[key] = str(value)
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


def load_settings(session) -> WorkstationSettings:  # type: ignore[no-untyped-def]
    """Settings read inside an open session (services that need deadline lengths mid-transaction)."""
    return _from_stored({row.key: row.value for row in session.execute(select(Setting)).scalars()})
