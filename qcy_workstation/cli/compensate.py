"""``qcy-workstation compensate``: a compensation estimate from the command line (pure, no store)."""

from __future__ import annotations

import argparse
from datetime import date
from decimal import Decimal, InvalidOperation

from qcy_workstation.cli.context import CliContext, add_common_options
from qcy_workstation.compensation import CompensationInput, Evidence, StatutoryFactors, estimate
from qcy_workstation.compensation.calculator import CONFIDENCE_LEVELS, STATUTORY_FACTOR_CHOICES
from qcy_workstation.compensation.rules import GI_ROUTES, circumstance_codes
from qcy_workstation.errors import ValidationError

TYPES = {"patent": "patent", "trademark": "trademark", "trade-secret": "trade_secret", "trade_secret": "trade_secret",
         "gi": "gi"}


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "compensate",
        help="estimate compensation (Patent Law Art. 71, Trademark Law Art. 63, AUCL Art. 17)",
        description="Estimate compensation with citations. Amounts in RMB; an amount may carry its confidence "
        "as AMOUNT:low|medium|high (default high: taken as entered; a lower confidence is shown as a discount). Punitive multiples need listed intent and seriousness "
        "circumstances: --wilful CODE[,CODE] --serious CODE[,CODE]. Intent codes: "
        + ", ".join(circumstance_codes("intent")) + ". Seriousness codes: "
        + ", ".join(circumstance_codes("seriousness")) + ".",
    )
    p.add_argument("--type", required=True, choices=["patent", "trademark", "trade-secret", "gi"])
    p.add_argument("--gi-route", choices=GI_ROUTES, help="protection route of a GI")
    p.add_argument("--infringement-date", metavar="YYYY-MM-DD", help="date of the infringement (default today)")
    p.add_argument("--actual-loss", metavar="X[:CONF]")
    p.add_argument("--infringer-profit", metavar="Y[:CONF]")
    p.add_argument("--licence-fee", "--license-fee", dest="licence_fee", metavar="Z[:CONF]")
    p.add_argument("--licence-multiple", "--license-multiple", dest="licence_multiple", metavar="K")
    p.add_argument("--punitive-multiple", metavar="M")
    p.add_argument("--wilful", "--malicious", dest="wilful", nargs="?", const="", metavar="CODES",
                   help="intent circumstances (SPC 2021 interpretation Art. 3), comma-separated")
    p.add_argument("--serious", nargs="?", const="", metavar="CODES",
                   help="seriousness circumstances (SPC 2021 interpretation Art. 4), comma-separated")
    p.add_argument("--costs", metavar="C[:CONF]", help="reasonable costs of stopping the infringement")
    p.add_argument("--innocent-seller", action="store_true", help="seller/user without knowledge, lawful source")
    p.add_argument("--unused-3y", action="store_true", help="trademark not used in the previous three years")
    p.add_argument("--known-date", metavar="YYYY-MM-DD", help="when the holder knew of the infringement")
    p.add_argument("--continuing", action="store_true", help="the infringement is still going on")
    p.add_argument("--right-kind", choices=STATUTORY_FACTOR_CHOICES["right_kind"])
    p.add_argument("--nature", choices=STATUTORY_FACTOR_CHOICES["nature"], default="unknown")
    p.add_argument("--duration-months", type=int, default=0)
    p.add_argument("--scale", choices=STATUTORY_FACTOR_CHOICES["scale"], default="unknown")
    p.add_argument("--fault", choices=STATUTORY_FACTOR_CHOICES["fault"], default="unknown")
    p.add_argument("--lang", choices=["zh", "en"], default="zh", help="language of the text output")
    p.add_argument("--save-to-case", metavar="NUMBER",
                   help="also save the estimate on this case (used by its documents); needs the store")
    add_common_options(p)
    p.set_defaults(handler=handle)


def _date(value: str | None, field: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValidationError("expected YYYY-MM-DD", field=field, value=value) from None


def _evidence(value: str | None, field: str) -> Evidence | None:
    if value is None:
        return None
    amount, _, confidence = value.partition(":")
    confidence = confidence or "high"  # an amount without a confidence is taken as entered
    if confidence not in CONFIDENCE_LEVELS:
        raise ValidationError("confidence must be low, medium or high", field=field, value=value)
    return Evidence.of(amount, confidence, field=field)


def _decimal(value: str | None, field: str) -> Decimal | None:
    if value is None:
        return None
    try:
        number = Decimal(value)
    except InvalidOperation:
        raise ValidationError("not a number", field=field, value=value) from None
    if not number.is_finite():
        raise ValidationError("not a number", field=field, value=value)
    return number


def _codes(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    return tuple(code.strip() for code in value.split(",") if code.strip())


def input_from_args(args: argparse.Namespace) -> CompensationInput:
    """The calculator input from parsed arguments (the desktop page builds the same value)."""
    right_type = TYPES[args.type]
    default_kind = {"patent": "invention", "trademark": "trademark", "trade_secret": "trade_secret", "gi": "gi"}
    return CompensationInput(
        right_type=right_type,
        gi_route=args.gi_route,
        infringement_date=_date(args.infringement_date, "infringement_date"),
        actual_loss=_evidence(args.actual_loss, "actual_loss"),
        infringer_profit=_evidence(args.infringer_profit, "infringer_profit"),
        licence_fee=_evidence(args.licence_fee, "licence_fee"),
        licence_multiple=_decimal(args.licence_multiple, "licence_multiple"),
        costs=_evidence(args.costs, "costs"),
        punitive_multiple=_decimal(args.punitive_multiple, "punitive_multiple"),
        intent_circumstances=_codes(args.wilful),
        seriousness_circumstances=_codes(args.serious),
        statutory_factors=StatutoryFactors(
            right_kind=args.right_kind or default_kind[right_type], nature=args.nature,
            duration_months=args.duration_months, scale=args.scale, fault=args.fault,
        ),
        innocent_seller=args.innocent_seller,
        trademark_unused_3y=args.unused_3y,
        known_date=_date(args.known_date, "known_date"),
        continuing=args.continuing,
    )


def handle(args: argparse.Namespace, ctx: CliContext) -> int:
    inp = input_from_args(args)
    if args.save_to_case:  # the only path that touches the store
        from qcy_workstation.documents.service import DocumentService

        result = DocumentService(ctx.store, ctx.actor).save_estimate(args.save_to_case, inp)
    else:
        result = estimate(inp)
    ctx.emit(result.to_dict(), "\n".join(result.text_lines(args.lang)))
    return 0
