"""``qcy-workstation seed-demo``: deterministic demo data."""

from __future__ import annotations

import argparse
import sys

from qcy_workstation.cases.demo import seed_demo
from qcy_workstation.cli.context import CliContext, add_common_options
from qcy_workstation.errors import ValidationError


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("seed-demo", help="write realistic Chinese demo data (deterministic)")
    add_common_options(p)
    p.add_argument("--cases", type=int, default=200)
    p.add_argument("--consultations", type=int, help="default: twice the cases")
    p.add_argument("--seed", type=int, default=2026)
    p.set_defaults(handler=cmd_seed)


def cmd_seed(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.cases < 1 or args.cases > 2_000_000:
        raise ValidationError("must be between 1 and 2,000,000", field="cases", value=args.cases)
    if args.consultations is not None and args.consultations < 0:
        raise ValidationError("cannot be negative", field="consultations", value=args.consultations)

    def progress(done: int, total: int) -> bool:
        if not ctx.json and sys.stderr.isatty():
            print(f"\r{done}/{total}", end="", file=sys.stderr)
        return True

    result = seed_demo(ctx.store, cases=args.cases, consultations=args.consultations, seed=args.seed,
                       staff=ctx.staff, progress=progress)
    ctx.emit(result, f"demo data written: {result.cases} cases, {result.consultations} consultations, "
             f"{result.parties} enterprises")
    return 0
