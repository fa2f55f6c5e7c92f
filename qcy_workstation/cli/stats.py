"""``qcy-workstation stats``: the dashboard's figures, XLSX export and monthly/annual reports.

    qcy-workstation stats [--from DATE --to DATE] [--json]
    qcy-workstation stats --xlsx FILE [--table KEY]        # whole dashboard (one sheet per table) or one table
    qcy-workstation stats report --year 2026 [--month 11] --format pdf|docx --out FILE [--lang zh|en]
"""

from __future__ import annotations

import argparse
from typing import Any

from qcy_workstation.cli.context import CliContext, add_common_options
from qcy_workstation.errors import ValidationError


def register(sub: Any) -> None:
    p = sub.add_parser("stats", help="workstation statistics (dashboard figures, XLSX, monthly/annual reports)")
    add_common_options(p)
    p.add_argument("--from", dest="date_from", metavar="DATE", help="first day (YYYY-MM-DD), inclusive")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="last day (YYYY-MM-DD), inclusive")
    p.add_argument("--top", type=int, default=10, help="how many enterprises in the top list (default 10)")
    p.add_argument("--xlsx", metavar="FILE", help="also write the tables to this XLSX file")
    p.add_argument("--table", metavar="KEY", help="with --xlsx: only this table (e.g. cases_by_type)")
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of table titles and reports")
    p.set_defaults(handler=_figures)
    rsub = p.add_subparsers(dest="stats_command", metavar="SUBCOMMAND")
    r = rsub.add_parser("report", help="monthly or annual report as PDF or DOCX, with charts")
    add_common_options(r)
    r.add_argument("--year", type=int, required=True)
    r.add_argument("--month", type=int, help="1-12 for a monthly report; omit for the annual report")
    r.add_argument("--format", choices=("pdf", "docx"), help="default: from the --out suffix")
    r.add_argument("--out", required=True, metavar="FILE")
    r.add_argument("--lang", choices=("zh", "en"), default="zh")
    r.set_defaults(handler=_report)


def _figures(args: argparse.Namespace, ctx: CliContext) -> int:
    from qcy_workstation.stats.export import check_stats_access, export_tables_xlsx
    from qcy_workstation.stats.figures import StatsPeriod, StatsService

    period = StatsPeriod.parse(args.date_from, args.date_to)
    if args.top < 1:
        raise ValidationError("must be at least 1", field="top", value=args.top)
    principal = check_stats_access(ctx.store, ctx.actor)  # head, administrator (any user of an open store)
    dash = StatsService(ctx.store).dashboard(period, top_n=args.top, principal=principal)
    payload = dash.to_dict()
    if args.xlsx:
        tables = dash.tables(args.lang)
        if args.table:
            tables = [t for t in tables if t.key == args.table]
            if not tables:
                keys = ", ".join(t.key for t in dash.tables(args.lang))
                raise ValidationError(f"no such table; tables: {keys}", field="table", value=args.table)
        payload["xlsx"] = str(export_tables_xlsx(tables, args.xlsx, lang=args.lang, store=ctx.store,
                                                 actor=ctx.actor, period=(period.date_from, period.date_to)))
    ctx.emit(payload, _text(dash, args.lang) + (f"\nXLSX: {payload['xlsx']}" if args.xlsx else ""))
    return 0


def _text(dash: Any, lang: str) -> str:
    lines = [f"{'统计期间' if lang == 'zh' else 'Period'}: "
             f"{dash.date_from or '…'} — {dash.date_to or '…'}  ({dash.timings_ms['total']} ms)"]
    for table in dash.tables(lang):
        lines.append("")
        lines.append(table.title_zh if lang == "zh" else table.title_en)
        for row in table.rows:
            lines.append("  " + "  ".join(table.cell_text(i, v) for i, v in enumerate(row)))
    return "\n".join(lines)


def _report(args: argparse.Namespace, ctx: CliContext) -> int:
    from qcy_workstation.stats.export import check_stats_access
    from qcy_workstation.stats.report import build_report, export_report

    kind = "monthly" if args.month else "annual"
    principal = check_stats_access(ctx.store, ctx.actor)
    report = build_report(ctx.store, kind=kind, year=args.year, month=args.month, lang=args.lang,
                          principal=principal)
    out = export_report(report, args.out, args.format, store=ctx.store, actor=ctx.actor)
    ctx.emit({"report": kind, "period": [report.period.date_from, report.period.date_to], "out": str(out),
              "format": (args.format or out.suffix.lstrip(".")).lower(), "sections": len(report.sections)},
             f"{report.title}: {out}")
    return 0
