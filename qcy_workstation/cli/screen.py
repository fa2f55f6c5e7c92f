"""``qcy-workstation screen trademark|patent|gi``: one mark, claim or label against the rights register."""

from __future__ import annotations

import argparse

from qcy_workstation.cli.context import CliContext, add_common_options
from qcy_workstation.cli.precheck import _read_file
from qcy_workstation.precheck.common import DISCLAIMER_EN, DISCLAIMER_ZH


def _maybe_save(args: argparse.Namespace, ctx: CliContext, result: object) -> None:
    if getattr(args, "case", None):
        from qcy_workstation.precheck.results import PrecheckResultService

        PrecheckResultService(ctx.store, ctx.actor).save(args.case, result)


def _trademark(args: argparse.Namespace, ctx: CliContext) -> int:
    from qcy_workstation.precheck.screening import screen_trademark

    r = screen_trademark(ctx.store, args.mark, classes=args.classes, top=args.top, well_known=args.well_known)
    _maybe_save(args, ctx, r)
    lines = [f"{args.mark}（{args.classes or '未指定类别'}）: {len(r.hits)} hits of {r.register_size} register marks "
             f"({r.candidates} scored, {r.seconds * 1000:.0f} ms)"]
    for h in r.hits:
        lines.append(f"{h.rank:>3}. [{h.score:>3} {h.risk:<6}] {h.mark}  {h.reg_no}  第{h.classes or '-'}类 {h.groups}  {h.owner}")
        lines += [f"       [{f.score:>3}] {f.text_zh}" for f in h.factors if f.score >= 50]
    lines.append(f"{DISCLAIMER_ZH}（{DISCLAIMER_EN}）")
    ctx.emit(r.to_dict(), "\n".join(lines))
    return 0


def _patent(args: argparse.Namespace, ctx: CliContext) -> int:
    from qcy_workstation.precheck.screening import screen_patent

    text = _read_file(args.claims, "claims")
    r = screen_patent(ctx.store, text, top=args.top)
    _maybe_save(args, ctx, r)
    lines = [f"{len(r.hits)} of {r.register_size} register patents ({r.candidates} charted, {r.seconds * 1000:.0f} ms)"]
    for h in r.hits:
        lines.append(f"{h.rank:>3}. [{h.verdict:<14} {h.score:>3}] {h.number} {h.title}  {h.owner}  "
                     f"({h.covered}/{h.elements} features matched)")
    lines.append(f"{DISCLAIMER_ZH}（{DISCLAIMER_EN}）")
    ctx.emit(r.to_dict(), "\n".join(lines))
    return 0


def _gi(args: argparse.Namespace, ctx: CliContext) -> int:
    from qcy_workstation.cli.precheck import _text_gi
    from qcy_workstation.precheck.screening import screen_gi

    r = screen_gi(ctx.store, args.label, args.region or "")
    _maybe_save(args, ctx, r)
    ctx.emit(r.to_dict(), _text_gi(r))
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subparsers.add_parser("screen", help="screen a mark, claim or label against the rights register")
    add_common_options(p)
    sub = p.add_subparsers(dest="screen_kind", metavar="KIND", required=True)
    t = sub.add_parser("trademark", help="one mark against the register's trademarks (ranked hits with factors)")
    t.add_argument("--mark", required=True)
    t.add_argument("--classes", help="Nice classes or 4-digit groups, e.g. 25 or 2501,2507")
    t.add_argument("--top", type=int, default=20)
    t.add_argument("--well-known", action="store_true", help="treat the mark as well known (cross-class)")
    t.set_defaults(handler=_trademark)
    pt = sub.add_parser("patent", help="one claim (or product description) against the register's patents")
    pt.add_argument("--claims", required=True, metavar="FILE", help="text file with the claim or description")
    pt.add_argument("--top", type=int, default=10)
    pt.set_defaults(handler=_patent)
    g = sub.add_parser("gi", help="a label against the GI register (shipped + store)")
    g.add_argument("--label", required=True)
    g.add_argument("--region", default="")
    g.set_defaults(handler=_gi)
    for leaf in (t, pt, g):
        leaf.add_argument("--case", metavar="NUMBER", help="also save the result on this case (e.g. QCY-2026-00042)")
        add_common_options(leaf)
