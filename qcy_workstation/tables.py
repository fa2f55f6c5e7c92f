"""A table of display values (what the dashboard shows, an XLSX sheet, a report section, the exported case
list) and its XLSX writer.

Below the services that fill tables (statistics, the case list export): it knows no store and no codes,
so ``cases`` and ``stats`` both use it without importing each other. openpyxl is imported when a workbook
is written, not when a table is made.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qcy_workstation.outputs import write_output

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet


@dataclass(frozen=True)
class Table:
    """One dashboard table (also one XLSX sheet and one report section): headers and plain rows."""

    key: str
    title_zh: str
    title_en: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]
    chart: bool = True  # worth a bar chart (label column + first numeric column)
    percent: tuple[int, ...] = ()  # columns holding a fraction 0-1, shown as a percentage

    def cell_text(self, column: int, value: Any) -> str:
        """A cell as display text (percent columns as ``43.3%``, missing values as a dash)."""
        if value is None:
            return "—"
        if column in self.percent and isinstance(value, int | float):
            return f"{value:.1%}"
        if isinstance(value, float):
            return f"{value:g}"
        return str(value)

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "title_zh": self.title_zh, "title_en": self.title_en,
                "headers": list(self.headers), "rows": [list(r) for r in self.rows]}


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

    buf = io.BytesIO()
    wb.save(buf)
    write_output(buf.getvalue(), out)


def _fill(ws: Worksheet, table: Table, lang: str) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    _append(ws, [table.title_zh if lang == "zh" else table.title_en])
    ws["A1"].font = Font(bold=True, size=13)
    _append(ws, list(table.headers))
    for cell in ws[2]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DCE6F1")
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


def write_tables_xlsx(tables: Iterable[Table], path: str | Path, *, lang: str = "zh") -> Path:
    """Write each table to its own sheet (title row, header row, data) through ``outputs.write_output``;
    returns the path written. Recording the export is the caller's (statistics, the case list)."""
    from openpyxl import Workbook

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
    return out
