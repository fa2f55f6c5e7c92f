"""XLSX export of dashboard tables (openpyxl): one table, or the whole dashboard one sheet per table."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from qcy_workstation.accounts.permissions import require
from qcy_workstation.accounts.principal import Principal, acting
from qcy_workstation.cases import audit
from qcy_workstation.db.store import Store
from qcy_workstation.tables import Table, write_tables_xlsx


def record_export(store: Store, path: str | Path, *, kind: str, period: tuple[date | None, date | None],
                  actor: Principal | str = "staff", extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """Audit one statistics export (figures leave the workstation): entity ``stats_export``, with kind,
    period, file name and the file's SHA-256, so a report handed to the bureau can be matched later.
    Returns the details recorded."""
    out = Path(path)
    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    lo, hi = period
    details: dict[str, Any] = {"kind": kind, "period": [lo.isoformat() if lo else None, hi.isoformat() if hi else None],
                               "file": out.name, "sha256": digest, **(extra or {})}
    with store.write() as s:
        audit.record(s, actor=str(actor), action="export", entity="stats_export", entity_id=out.name, details=details)
    return details


def export_tables_xlsx(tables: Iterable[Table], path: str | Path, *, lang: str = "zh", store: Store | None = None,
                       actor: Principal | str = "staff", period: tuple[date | None, date | None] = (None, None)) -> Path:
    """Write each table to its own sheet (title row, header row, data); returns the path written.
    With ``store`` the export is recorded in the audit trail (``record_export``), by those who may see
    statistics (``stats.view``; checked before anything is written)."""
    tables = list(tables)
    if store is not None:
        actor = check_stats_access(store, actor)
    out = write_tables_xlsx(tables, path, lang=lang)
    if store is not None:
        record_export(store, out, kind="xlsx", period=period, actor=actor,
                      extra={"tables": [t.key for t in tables], "lang": lang})
    return out


def export_table_xlsx(table: Table, path: str | Path, *, lang: str = "zh", store: Store | None = None,
                      actor: Principal | str = "staff", period: tuple[date | None, date | None] = (None, None)) -> Path:
    """One dashboard table to XLSX (what the table's export button writes)."""
    return export_tables_xlsx([table], path, lang=lang, store=store, actor=actor, period=period)


def check_stats_access(store: Store, actor: Principal | str) -> Principal:
    """The principal, once it may see statistics (head, administrator; any user of a store without accounts)."""
    principal = acting(store, actor)
    require(principal, "stats.view")
    return principal
