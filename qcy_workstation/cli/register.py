"""``qcy-workstation register import FILE [--kind trademark|patent|gi] [--map COLUMN=FIELD] [--replace]``
and ``register count``: the rights register used by ``screen``."""

from __future__ import annotations

import argparse
import sys

from qcy_workstation.cli.context import CliContext, add_common_options


def _import(args: argparse.Namespace, ctx: CliContext) -> int:
    from qcy_workstation.precheck.register import import_register, parse_map_options

    def progress(done: int, total: int) -> bool:
        if not ctx.json and sys.stderr.isatty():  # done/total is the share of the whole import
            print(f"\rimporting… {100 * done // max(total, 1)}%", end="", file=sys.stderr, flush=True)
        return True

    report = import_register(ctx.store, args.file, kind=args.kind, mapping=parse_map_options(args.map),
                             sheet=args.sheet, replace=args.replace, actor=ctx.actor, progress=progress)
    lines = [f"imported {report.imported} of {report.total_rows} {report.kind} rows from {report.file} "
             f"in {report.seconds:.1f}s (batch {report.batch}); bad rows: {len(report.bad_rows)}",
             "columns: " + ", ".join(f"{f}←{c}" for f, c in report.mapping.items())]
    for b in report.bad_rows[:50]:
        lines.append(f"  row {b.row}: {b.reason}")
    if len(report.bad_rows) > 50:
        lines.append(f"  … {len(report.bad_rows) - 50} more (use --json for all)")
    lines += [f"  {w}" for w in report.warnings]
    out = report.to_dict()
    if report.imported and report.kind in ("trademark", "patent") and not args.no_watch:
        watched = _watch(ctx, report.batch)
        if watched is not None:
            from qcy_workstation.cli.enterprise import watch_lines

            out["watch"] = watched.to_dict()
            lines += watch_lines(watched)
    ctx.emit(out, "\n".join(lines))
    return 0 if report.imported or not report.total_rows else 1


def _watch(ctx: CliContext, batch: str) -> object | None:
    """Watch-list screening of the rows just imported against the enterprises' own rights (issue 17), when
    any enterprise has rights on file and the user may record early-warning risks."""
    from sqlalchemy import select

    from qcy_workstation.errors import PermissionDeniedError
    from qcy_workstation.portfolios.models import EnterpriseRight
    from qcy_workstation.portfolios.service import PortfolioService

    with ctx.store.read() as s:
        if s.execute(select(EnterpriseRight.id).limit(1)).first() is None:
            return None
    try:
        return PortfolioService(ctx.store, ctx.actor).watch(batch=batch, trigger="register_change")
    except PermissionDeniedError:
        return None


def _count(args: argparse.Namespace, ctx: CliContext) -> int:
    from qcy_workstation.precheck.register import register_counts

    counts = register_counts(ctx.store)
    ctx.emit(counts, "\n".join(f"{k}: {v}" for k, v in counts.items()))
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subparsers.add_parser("register", help="rights register (trademarks, patents, GIs) for screening")
    add_common_options(p)
    sub = p.add_subparsers(dest="register_command", metavar="ACTION", required=True)
    imp = sub.add_parser("import", help="import a CSV or XLSX file; bad rows are reported, good rows kept")
    imp.add_argument("file", help="CSV (UTF-8 or GB18030) or XLSX")
    imp.add_argument("--kind", choices=["trademark", "patent", "gi"], help="default: detected from the header")
    imp.add_argument("--map", action="append", metavar="COLUMN=FIELD",
                     help="map a column (header or 1-based number) to a field, e.g. 商标名称=mark (repeat)")
    imp.add_argument("--sheet", help="XLSX sheet name (default: the first)")
    imp.add_argument("--replace", action="store_true", help="rows already in the register replace the stored row")
    imp.add_argument("--no-watch", action="store_true",
                     help="do not screen the new rows against the enterprises' own rights (enterprise watch)")
    add_common_options(imp)
    imp.set_defaults(handler=_import)
    cnt = sub.add_parser("count", help="how many rights of each kind the register holds")
    add_common_options(cnt)
    cnt.set_defaults(handler=_count)
