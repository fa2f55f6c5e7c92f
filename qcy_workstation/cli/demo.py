"""``qcy-workstation seed-demo``: deterministic demo data."""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict

from qcy_workstation.cases.demo import seed_demo
from qcy_workstation.cli.context import CliContext, add_common_options
from qcy_workstation.errors import ValidationError


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "seed-demo", help="write realistic Chinese demo data (deterministic)",
        description="Write deterministic demo cases and consultations and, with --register-marks / "
                    "--register-patents, a demo rights register (trademarks with look-alikes of the demo "
                    "cases' marks, patents with claim 1 texts) so the register page and screening have data.")
    add_common_options(p)
    p.add_argument("--cases", type=int, default=200)
    p.add_argument("--consultations", type=int, help="default: twice the cases")
    p.add_argument("--seed", type=int, default=2026)
    p.add_argument("--register-marks", type=int, default=0, metavar="N",
                   help="also write N register trademarks through the register import (Chinese and Latin marks, "
                        "Nice classes and similar groups, planted look-alikes of the demo marks); default 0")
    p.add_argument("--register-patents", type=int, default=0, metavar="M",
                   help="also write M register patents (valid CN numbers with check characters, claim 1 texts "
                        "built from the demo patent titles; one per title has all its elements); default 0")
    p.add_argument("--demo-password", default=None, metavar="PASSWORD",
                   help="password of the demo accounts created in a store without accounts (one per role: "
                        "demo-admin, demo-head, demo-officer, demo-reviewer, demo-registrar; default "
                        "qcy-demo-2026, see the README)")
    p.add_argument("--no-accounts", action="store_true",
                   help="leave the store without accounts (a single-desk store, as before accounts existed)")
    p.set_defaults(handler=cmd_seed)


def cmd_seed(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.cases < 1 or args.cases > 2_000_000:
        raise ValidationError("must be between 1 and 2,000,000", field="cases", value=args.cases)
    if args.consultations is not None and args.consultations < 0:
        raise ValidationError("cannot be negative", field="consultations", value=args.consultations)
    if not 0 <= args.register_marks <= 2_000_000:
        raise ValidationError("must be between 0 and 2,000,000", field="register_marks", value=args.register_marks)
    if not 0 <= args.register_patents <= 200_000:
        raise ValidationError("must be between 0 and 200,000", field="register_patents", value=args.register_patents)

    def progress(done: int, total: int) -> bool:
        if not ctx.json and sys.stderr.isatty():
            print(f"\r{done}/{total}", end="", file=sys.stderr)
        return True

    actor, accounts = _demo_actor(args, ctx)
    result = seed_demo(ctx.store, cases=args.cases, consultations=args.consultations, seed=args.seed,
                       staff=actor, progress=progress)
    text = (f"demo data written: {result.cases} cases, {result.consultations} consultations, "
            f"{result.parties} enterprises")
    if args.register_marks or args.register_patents:
        from qcy_workstation.precheck.demo import seed_register

        reg = seed_register(ctx.store, marks=args.register_marks, patents=args.register_patents, seed=args.seed,
                            progress=progress, actor=actor)
        if not ctx.json and sys.stderr.isatty():
            print(file=sys.stderr)
        ctx.emit({"demo": result, "register": reg, "accounts": accounts}, text + f"; register: {reg.marks} trademarks, {reg.patents} patents "
                 f"({reg.seconds:.1f} s)")
        return 0
    ctx.emit({**asdict(result), "accounts": accounts},
             text + (f"; demo accounts: {', '.join(accounts)}" if accounts else ""))
    return 0


def _demo_actor(args: argparse.Namespace, ctx: CliContext) -> tuple[object, list[str]]:
    """Into a store without accounts: create one demo account per role and act as the demo administrator;
    into a store with accounts: the logged-in account (an administrator: ``demo.seed``)."""
    from qcy_workstation.accounts.demo import DEFAULT_DEMO_PASSWORD, DEMO_ACCOUNTS, create_demo_accounts
    from qcy_workstation.accounts.principal import store_has_accounts
    from qcy_workstation.accounts.service import AccountService

    if args.no_accounts or store_has_accounts(ctx.store):
        return ctx.actor, []
    admin = create_demo_accounts(AccountService(ctx.store), args.demo_password or DEFAULT_DEMO_PASSWORD)
    return admin, [login for login, _name, _roles in DEMO_ACCOUNTS]
