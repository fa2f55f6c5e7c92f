"""Command-line entry point ``qcy-workstation``.

With no sub-command it opens the desktop client; sub-commands run headless on the same services the UI
calls. Each sub-command family lives in its own module ``qcy_workstation.cli.<name>`` exposing
``register(subparsers) -> None``; handlers are ``handler(args, ctx) -> int``.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys
from collections.abc import Sequence

from qcy_workstation import __version__
from qcy_workstation.cli.context import CliContext, add_common_options
from qcy_workstation.errors import QcyError

# Sub-command name -> module; the order is the order of ``--help``. A module that does not exist is skipped.
COMMANDS = {
    "cases": "cases", "consult": "consult", "evidence": "evidence", "seed-demo": "demo", "store": "store",
    "precheck": "precheck", "register": "register", "screen": "screen", "compensate": "compensate",
    "export": "export", "documents": "documents", "warning": "warning", "stats": "stats",
    "login": "accounts", "logout": "accounts", "whoami": "accounts", "accounts": "accounts", "audit": "audit",
    "referral": "referral", "body": "referral", "expert": "expert", "panel": "expert", "enterprise": "enterprise",
}
COMMAND_MODULES = tuple(dict.fromkeys(COMMANDS.values()))


def build_parser(*, with_commands: bool = True, only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line, or (``only``) the top level plus the one module that defines that command.

    Why ``only``: building every sub-command's parser imports every command's services (SQLAlchemy, the
    pre-check engines, numpy) and builds some 1,100 argparse parsers: about 1.4 s of a command's start and
    most of an in-process call, for one command used. ``--help`` and an unknown command still get them all."""
    parser = argparse.ArgumentParser(
        prog="qcy-workstation",
        description="QCY Workstation — 秦创原知识产权维权援助工作站. Without a command: the desktop client.",
    )
    parser.add_argument("--version", action="version", version=f"qcy-workstation {__version__}")
    add_common_options(parser, top_level=True)
    parser.add_argument("--screenshot", metavar="FILE.png", help="render the main window offscreen to PNG and exit")
    parser.add_argument("--page", metavar="NAME", help="page to show (with --screenshot or at start)")
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="interface language for this run")
    parser.add_argument("--demo", action="store_true",
                        help="open the separate demo store (invented cases, marked 演示; never the real store)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    if not with_commands:
        return parser
    modules = (COMMANDS[only],) if only in COMMANDS else COMMAND_MODULES
    for name in modules:
        if importlib.util.find_spec(f"qcy_workstation.cli.{name}") is None:
            continue
        module = importlib.import_module(f"qcy_workstation.cli.{name}")
        module.register(sub)
    return parser


_VALUE_OPTIONS = {"--db", "--staff", "--screenshot", "--page", "--lang"}


def _command_named(argv: list[str]) -> str | None:
    """The command the arguments name: ``None`` when they are only top-level options (the desktop client
    then starts without importing any command module, which keeps the first paint fast), ``""`` for a
    top-level ``--help`` (every command is listed), else the first positional argument (a command, or a
    mistake argparse will report with the whole list). Option values are skipped (``--page cases`` names a
    page, not the ``cases`` command)."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
            continue
        if arg in ("-h", "--help"):
            return ""
        if arg in _VALUE_OPTIONS:
            skip = True
            continue
        if arg.startswith("-"):
            continue
        return arg
    return None


def _wants_command(argv: list[str]) -> bool:
    """True unless the arguments are only top-level options (see ``_command_named``)."""
    return _command_named(argv) is not None


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(argv) if argv is not None else sys.argv[1:]
    command = _command_named(arguments)
    parser = build_parser(with_commands=command is not None, only=command)
    args = parser.parse_args(arguments)
    ctx = CliContext.from_args(args)
    try:
        if args.command is None:
            return _run_gui(args, ctx)
        check_arguments(args, ctx)
        handler = getattr(args, "handler", None)
        if handler is None:
            parser.parse_args([args.command, "--help"])
            return 2
        return int(handler(args, ctx) or 0)
    except QcyError as err:
        ctx.fail(err)
        return 1
    except BrokenPipeError:  # output piped into `head` and the like
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    finally:
        ctx.close()


def check_arguments(args: argparse.Namespace, ctx: CliContext) -> None:
    """Refuse an argument that is not valid UTF-8 before any command runs, naming its option.

    Why: on POSIX, argument bytes that are not UTF-8 arrive as lone surrogates (``\\udcff``, PEP 383) and
    failed deep in the database driver with a UnicodeEncodeError, after ``evidence add`` had already stored
    the file. A file whose name is not UTF-8 is refused the same way (``evidence add`` checks the name).
    The acting staff name is checked like any one-line field: it is written into every audit event. A
    whole number beyond ``limits.MAX_CLI_INTEGER`` (``--limit 10**20``, an id) overflowed SQLite's integer
    in the driver."""
    from qcy_workstation import limits
    from qcy_workstation.cases.validation import check_characters, validate_line
    from qcy_workstation.errors import ValidationError

    for name, value in vars(args).items():
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str):
                check_characters(item, name, multiline=True)
            elif isinstance(item, int) and not isinstance(item, bool) and abs(item) > limits.MAX_CLI_INTEGER:
                raise ValidationError(f"must be between {-limits.MAX_CLI_INTEGER} and {limits.MAX_CLI_INTEGER}",
                                      field=name, value=item, reason="number.range",
                                      params={"min": -limits.MAX_CLI_INTEGER, "max": limits.MAX_CLI_INTEGER})
    ctx.staff = validate_line(ctx.staff, "staff", 100) or "staff"


def _run_gui(args: argparse.Namespace, ctx: CliContext) -> int:
    try:
        from qcy_workstation.ui.app import run_app
    except ImportError as exc:  # pragma: no cover - depends on the install
        print(f"the desktop client is not available: {exc}", file=sys.stderr)
        return 1
    return run_app(args, db_url=ctx.db_url)
