"""XLSX export of dashboard tables (openpyxl): one table, or the whole dashboard one sheet per table."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from qcy_workstation.cases import audit
from qcy_workstation.db.store import Store
from qcy_workstation.stats.figures import Table

_HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")


def _sheet_title(text: str, used: set[str]) -> str:
    base = re.sub(r"[\[\]:*?/\\]", "_", text)[:31] or "Sheet"
    title, n = base, 2
    while title in used:
        suffix = f"_{n}"
        title, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(title)
    return title


# A cell text starting with one of these is read by Excel (and LibreOffice) as a formula or a command:
# ``=HYPERLINK("http://…"&B4,"点击查看")`` in a case title would come out live (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _append(ws: Worksheet, values: list[Any]) -> None:
    ws.append(values)
    for cell in ws[ws.max_row]:
        if isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS):
            cell.data_type = "s"  # stored as a string, never as a formula
            cell.quotePrefix = True  # shown as text, not re-read as a formula when edited


def _save(wb: Workbook, out: Path) -> None:
    """Save through ``outputs.write_output``: never over the store, never half written."""
    import io

    from qcy_workstation.outputs import check_output_path, write_output

    check_output_path(out)
    buf = io.BytesIO()
    wb.save(buf)
    write_output(buf.getvalue(), out)


def _fill(ws: Worksheet, table: Table, lang: str) -> None:
    _append(ws, [table.title_zh if lang == "zh" else table.title_en])
    ws["A1"].font = Font(bold=True, size=13)
    _append(ws, list(table.headers))
    for cell in ws[2]:
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(horizontal="center")
    for row in table.rows:
        _append(ws, list(row))
    for col, header in enumerate(table.headers, start=1):
        letter = get_column_letter(col)
        if col - 1 in table.percent:
            for (cell,) in ws.iter_rows(min_row=3, min_col=col, max_col=col):
                cell.number_format = "0.0%"
        longest = max([len(str(header))] + [len(str(r[col - 1])) for r in table.rows if col - 1 < len(r)])
        ws.column_dimensions[letter].width = min(60, max(10, longest * 2 + 2))
    ws.freeze_panes = "A3"


def record_export(store: Store, path: str | Path, *, kind: str, period: tuple[date | None, date | None],
                  actor: str = "staff", extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """Audit one statistics export (figures leave the workstation): entity ``stats_export``, with kind,
    period, file name and the file's SHA-256, so a report handed to the bureau can be matched later.
    Returns the details recorded."""
    out = Path(path)
    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    lo, hi = period
    details: dict[str, Any] = {"kind": kind, "period": [lo.isoformat() if lo else None, hi.isoformat() if hi else None],
                               "file": out.name, "sha256": digest, **(extra or {})}
    with store.write() as s:
        audit.record(s, actor=actor, action="export", entity="stats_export", entity_id=out.name, details=details)
    return details


def export_tables_xlsx(tables: Iterable[Table], path: str | Path, *, lang: str = "zh", store: Store | None = None,
                       actor: str = "staff", period: tuple[date | None, date | None] = (None, None)) -> Path:
    """Write each table to its own sheet (title row, header row, data); returns the path written.
    With ``store`` the export is recorded in the audit trail (``record_export``)."""
    tables = list(tables)
    out = Path(path)
    wb = Workbook()
    wb.remove(wb.active)  # type: ignore[arg-type]
    used: set[str] = set()
    for table in tables:
        ws = wb.create_sheet(_sheet_title(table.title_zh if lang == "zh" else table.title_en, used))
        _fill(ws, table, lang)
    if not wb.sheetnames:
        wb.create_sheet("empty")
    _save(wb, out)
    if store is not None:
        record_export(store, out, kind="xlsx", period=period, actor=actor,
                      extra={"tables": [t.key for t in tables], "lang": lang})
    return out


def export_table_xlsx(table: Table, path: str | Path, *, lang: str = "zh", store: Store | None = None,
                      actor: str = "staff", period: tuple[date | None, date | None] = (None, None)) -> Path:
    """One dashboard table to XLSX (what the table's export button writes)."""
    return export_tables_xlsx([table], path, lang=lang, store=store, actor=actor, period=period)
