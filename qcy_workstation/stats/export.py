"""XLSX export of dashboard tables (openpyxl): one table, or the whole dashboard one sheet per table."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

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


def _fill(ws: Worksheet, table: Table, lang: str) -> None:
    ws.append([table.title_zh if lang == "zh" else table.title_en])
    ws["A1"].font = Font(bold=True, size=13)
    ws.append(list(table.headers))
    for cell in ws[2]:
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(horizontal="center")
    for row in table.rows:
        ws.append(list(row))
    for col, header in enumerate(table.headers, start=1):
        letter = get_column_letter(col)
        if col - 1 in table.percent:
            for (cell,) in ws.iter_rows(min_row=3, min_col=col, max_col=col):
                cell.number_format = "0.0%"
        longest = max([len(str(header))] + [len(str(r[col - 1])) for r in table.rows if col - 1 < len(r)])
        ws.column_dimensions[letter].width = min(60, max(10, longest * 2 + 2))
    ws.freeze_panes = "A3"


def export_tables_xlsx(tables: Iterable[Table], path: str | Path, *, lang: str = "zh") -> Path:
    """Write each table to its own sheet (title row, header row, data); returns the path written."""
    out = Path(path)
    wb = Workbook()
    wb.remove(wb.active)  # type: ignore[arg-type]
    used: set[str] = set()
    for table in tables:
        ws = wb.create_sheet(_sheet_title(table.title_zh if lang == "zh" else table.title_en, used))
        _fill(ws, table, lang)
    if not wb.sheetnames:
        wb.create_sheet("empty")
    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
    return out


def export_table_xlsx(table: Table, path: str | Path, *, lang: str = "zh") -> Path:
    """One dashboard table to XLSX (what the table's export button writes)."""
    return export_tables_xlsx([table], path, lang=lang)
