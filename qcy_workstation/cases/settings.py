"""Workstation-wide settings kept in the store, so every desk sharing it uses the same letterhead and
deadline lengths. Per-desk preferences (window, language, staff name) stay in the UI's QSettings."""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import asdict, dataclass, fields, replace
from datetime import UTC, date, datetime

from sqlalchemy import select

from qcy_workstation.accounts.principal import Acting, Principal
from qcy_workstation.cases import audit, personal
from qcy_workstation.cases.dto import WorkstationSettings
from qcy_workstation.cases.models import AuditEvent, Setting
from qcy_workstation.cases.validation import check_date_range, parse_date, validate_line
from qcy_workstation.db import backup as backups
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
              "document_number_format": "document numbers, e.g. 秦创原维援〔{year}〕{seq}号 or QCY-{code}-{year}-{seq:04d}",
              "backup_reminder_days": "days without a backup before Today reminds (0: never; default 7; backup_status)",
              "consultation_retention_months": "months a consultation that never became a case keeps the enquirer's "
                                               "details before anonymisation (0: forever; default 36; "
                                               "consultations.anonymise_expired)"}
BACKUP_REMINDER_DAYS = 7
_REMINDER_RANGE = (0, 365)
#: The last backup is a record, not a setting staff type: a row of its own in the settings table, which
#: ``update`` never writes and ``store settings`` does not list.
LAST_BACKUP_KEY = "last_backup"


@dataclass(frozen=True)
class BackupStatus:
    """When this store was last backed up and whether Today should remind (``SettingsService.backup_status``)."""

    last_at: str  # ISO time (UTC) the last backup was made; "" when none was
    folder: str  # where it was written
    by: str
    reminder_days: int  # 0: no reminder
    days_since: int | None  # days since the last backup (none made: since the store's first record; None: empty)
    due: bool


def known_keys() -> tuple[str, ...]:
    """Every key ``update`` accepts, in the order ``store settings`` shows them."""
    return tuple(f.name for f in fields(WorkstationSettings) if f.name != "extra") + tuple(EXTRA_KEYS)


class SettingsService(Acting):
    """Workstation settings: anyone reads them (letterhead, deadlines); only an administrator changes them,
    backs the store up or restores it (permissions table)."""

    def __init__(self, store: Store, actor: Principal | str = "system") -> None:
        super().__init__(store, actor)

    def get(self) -> WorkstationSettings:
        with self.store.read() as s:
            stored = {row.key: row.value for row in s.execute(select(Setting)).scalars()}
        return _from_stored(stored)

    def update(self, **changes: object) -> WorkstationSettings:
        """Validate and store every change, or none: an unknown key is refused with the list of known ones."""
        self.require("settings.change")
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
            elif key == "backup_reminder_days":
                extra[key] = str(_reminder_days(value))
            elif key == personal.RETENTION_KEY:
                extra[key] = str(personal.check_retention_months(value))
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


    # ------------------------------------------------------------------ backup (issue 14 item 7)

    def backup(self, to: str | os.PathLike[str], *, progress: backups.Progress | None = None,
               permission: backups.PermissionCheck | None = None) -> backups.BackupResult:
        """Back the store up into a new folder under ``to`` (``db.backup.backup_store``), then record when
        and where in the store (Today's reminder) and in the audit trail. ``permission`` is passed on: the
        one place the administrator-only rule of the accounts will be checked."""
        self.require("store.backup")
        result = backups.backup_store(self.store, to, progress=progress, permission=permission)
        self._record_backup(result.created_at, result.folder, action="backup",
                            details={"folder": result.folder, "files": result.files, "size": result.size})
        return result

    def check_may_restore(self) -> None:
        """Restoring replaces the store: only an administrator of the live store may (checked before)."""
        self.require("store.backup")

    def record_restore(self, result: backups.RestoreResult) -> None:
        """After ``db.backup.restore_store`` into this store: the restored content was last backed up when
        that backup was made (no reminder at once), and the restore is an audit event of the restored store."""
        self._record_backup(result.created_at, result.backup, action="restore",
                            details={"backup": result.backup, "backup_made_at": result.created_at,
                                     "previous_copy": result.previous_copy, "files_copied": result.files_copied})
        from qcy_workstation.db.audit import write_anchor

        with self.store.read() as s:  # the restored chain is the chain now: its head replaces the old anchor
            head = s.execute(select(AuditEvent.id, AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)).first()
        if head is not None:
            write_anchor(self.store.files_dir, (head[0], head[1]), force=True)
        from qcy_workstation.db.witness import reset_witness

        with contextlib.suppress(OSError):  # ...and in this desk's witness (an unwritable profile: no witness)
            reset_witness(self.store)

    def _record_backup(self, at: str, folder: str, *, action: str, details: dict[str, object]) -> None:
        text = json.dumps({"at": at, "folder": folder, "by": self.actor}, ensure_ascii=False)
        with self.store.write() as s:
            row = s.get(Setting, LAST_BACKUP_KEY)
            if row is None:
                s.add(Setting(key=LAST_BACKUP_KEY, value=text))
            else:
                row.value = text
            audit.record(s, actor=self.actor, action=action, entity="store", entity_id="backup", details=details)

    def backup_status(self, now: datetime | None = None) -> BackupStatus:
        """The last backup and whether it is older than ``backup_reminder_days`` (Today's reminder). With no
        backup yet, the days count from the store's first audit event; an empty store is never due."""
        now = now or datetime.now(UTC)
        with self.store.read() as s:
            row = s.get(Setting, LAST_BACKUP_KEY)
            stored = row.value if row is not None else None
            extra = load_settings(s).extra
            first = s.execute(select(AuditEvent.at).order_by(AuditEvent.id).limit(1)).scalar()
        days = backup_reminder_days(extra)
        last: dict[str, str] = {}
        if stored is not None:
            try:
                last = {k: str(v) for k, v in json.loads(stored).items()}
            except (ValueError, AttributeError):  # a hand-edited row: as if no backup was recorded
                last = {}
        since: datetime | None = None
        if last.get("at"):
            try:
                since = datetime.fromisoformat(last["at"])
            except ValueError:
                since = None
        if since is None and first is not None:
            since = first
        if since is not None and since.tzinfo is None:
            since = since.replace(tzinfo=UTC)  # stored timestamps are naive UTC
        days_since = None if since is None else max(0, (now - since).days)
        due = bool(days and days_since is not None and days_since >= days)
        return BackupStatus(last_at=last.get("at", ""), folder=last.get("folder", ""), by=last.get("by", ""),
                            reminder_days=days, days_since=days_since, due=due)


def backup_reminder_days(extra: dict[str, str]) -> int:
    """The ``backup_reminder_days`` setting (default 7; 0 turns the reminder off)."""
    try:
        return _reminder_days(extra.get("backup_reminder_days", BACKUP_REMINDER_DAYS))
    except ValidationError:  # a hand-edited store: the default rather than no reminder at all
        return BACKUP_REMINDER_DAYS


def _reminder_days(value: object) -> int:
    lo, hi = _REMINDER_RANGE
    try:
        number = int(str(value).strip())
    except ValueError:
        raise ValidationError("must be a whole number of days", field="backup_reminder_days", value=value,
                              reason="number.whole") from None
    if not lo <= number <= hi:
        raise ValidationError(f"must be between {lo} and {hi}", field="backup_reminder_days", value=value,
                              reason="number.range", params={"min": lo, "max": hi})
    return number


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
