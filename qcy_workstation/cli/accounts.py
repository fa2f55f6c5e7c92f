"""``qcy-workstation login / logout / whoami / accounts ...``: who acts on a store with accounts.

Non-interactive use (scripts, tests): ``login --user NAME --password-stdin`` reads the password from the
first line of standard input; ``--print-token`` prints the session token for ``QCY_TOKEN``.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from qcy_workstation.accounts import sessions
from qcy_workstation.accounts.service import AccountService
from qcy_workstation.cli.context import CliContext, add_common_options
from qcy_workstation.errors import ValidationError


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("login", help="log in to the store (a session token kept for this user)")
    add_common_options(p)
    p.add_argument("--user", metavar="LOGIN", help="login name (asked when not given)")
    p.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    p.add_argument("--hours", type=int, default=12, help="how long the session lasts (1-72 hours; default 12)")
    p.add_argument("--print-token", action="store_true", help="print the token (for QCY_TOKEN) instead of saving it")
    p.set_defaults(handler=cmd_login)
    p = sub.add_parser("logout", help="end this user's session on the store")
    add_common_options(p)
    p.set_defaults(handler=cmd_logout)
    p = sub.add_parser("whoami", help="the account acting on the store")
    add_common_options(p)
    p.set_defaults(handler=cmd_whoami)

    a = sub.add_parser("accounts", help="staff accounts (administrators)")
    add_common_options(a)
    sa = a.add_subparsers(dest="accounts_command", metavar="ACTION", required=True)
    c = sa.add_parser("create-admin", help="the first account of a store without accounts")
    add_common_options(c)
    c.add_argument("--user", required=True, metavar="LOGIN")
    c.add_argument("--name", required=True, help="display name (as on cases and documents)")
    c.add_argument("--password-stdin", action="store_true")
    c.set_defaults(handler=cmd_create_admin)
    c = sa.add_parser("create", help="a new account (the person changes the password at the first login)")
    add_common_options(c)
    c.add_argument("--user", required=True, metavar="LOGIN")
    c.add_argument("--name", required=True)
    c.add_argument("--roles", required=True, help="comma-separated: registrar, officer, reviewer, head, admin")
    c.add_argument("--password-stdin", action="store_true")
    c.set_defaults(handler=cmd_create)
    c = sa.add_parser("list", help="every account")
    add_common_options(c)
    c.set_defaults(handler=cmd_list)
    c = sa.add_parser("roles", help="set an account's roles")
    add_common_options(c)
    c.add_argument("user", metavar="LOGIN")
    c.add_argument("roles")
    c.set_defaults(handler=cmd_roles)
    for name, active in (("deactivate", False), ("activate", True)):
        c = sa.add_parser(name, help=f"{name} an account")
        add_common_options(c)
        c.add_argument("user", metavar="LOGIN")
        c.set_defaults(handler=cmd_active, active=active)
    c = sa.add_parser("reset-password", help="set a new password the person must change")
    add_common_options(c)
    c.add_argument("user", metavar="LOGIN")
    c.add_argument("--password-stdin", action="store_true")
    c.set_defaults(handler=cmd_reset)
    c = sa.add_parser("recover", help="a new password for an administrator, with the recovery key shown at set-up")
    add_common_options(c)
    c.add_argument("user", metavar="LOGIN")
    c.add_argument("--password-stdin", action="store_true", help="recovery key and new password on two lines")
    c.set_defaults(handler=cmd_recover)
    c = sa.add_parser("recovery-key", help="make a new recovery key (the old one stops working); shown once")
    add_common_options(c)
    c.set_defaults(handler=cmd_recovery_key)
    c = sa.add_parser("password", help="change your own password")
    add_common_options(c)
    c.add_argument("--password-stdin", action="store_true", help="old and new password on two lines")
    c.set_defaults(handler=cmd_password)


def _read_password(args: argparse.Namespace, prompt: str = "Password: ") -> str:
    if getattr(args, "password_stdin", False):
        line = sys.stdin.readline()
        return line[:-1] if line.endswith("\n") else line
    return getpass.getpass(prompt)


def cmd_login(args: argparse.Namespace, ctx: CliContext) -> int:
    if not 1 <= args.hours <= 72:
        raise ValidationError("must be between 1 and 72", field="hours", value=args.hours, reason="number.range",
                              params={"min": 1, "max": 72})
    user = args.user or input("Login name: ")
    password = _read_password(args)
    service = AccountService(ctx.store)
    principal = service.authenticate(user, password)
    token, expires = service.issue_token(principal, hours=args.hours)
    must_change = service.must_change_password(principal)
    info = {"account": principal.name, "login": principal.login, "roles": sorted(principal.roles),
            "expires": expires.isoformat(timespec="seconds") + "Z", "must_change_password": must_change}
    if ctx.store.secured:  # a shared server store: the command line works as this role (README, shared store)
        info["database_role"] = service.own_role(principal.account_id)
    recovery = principal.keys.take_recovery_key() if principal.keys is not None else None
    if recovery:  # a store made before encryption got its data key at this login: shown once
        info["recovery_key"] = recovery
        print(_recovery_text(recovery), file=sys.stderr)
    if args.print_token:
        info["token"] = token
        ctx.emit(info, token)
        return 0
    path = sessions.save(ctx.store.url, token, principal.login, info["expires"])
    info["sessions_file"] = str(path)
    ctx.emit(info, f"logged in as {principal.name} ({', '.join(sorted(principal.roles))}) until "
                   f"{info['expires']}" + ("; change your password: qcy-workstation accounts password"
                                           if must_change else ""))
    return 0


def cmd_logout(args: argparse.Namespace, ctx: CliContext) -> int:
    token = sessions.forget(ctx.store.url)
    if token:
        AccountService(ctx.store).revoke_token(token)
    ctx.emit({"logged_out": bool(token)}, "logged out" if token else "no session to end")
    return 0


def cmd_whoami(args: argparse.Namespace, ctx: CliContext) -> int:
    p = ctx.actor
    ctx.emit({"account": p.name, "login": p.login, "roles": sorted(p.roles), "demo": p.demo,
              "store_has_accounts": not p.open_store},
             f"{p.name}" + (f" ({p.login}: {', '.join(sorted(p.roles))})" if not p.open_store
                            else " (this store has no accounts)"))
    return 0


def _recovery_text(key: str) -> str:
    return (f"recovery key (shown once; keep it on paper in a safe place): {key}\n"
            "it opens the encrypted files of confidential cases when every administrator password is lost: "
            "qcy-workstation accounts recover LOGIN")


def cmd_create_admin(args: argparse.Namespace, ctx: CliContext) -> int:
    p = AccountService(ctx.store).create_administrator(args.user, args.name, _read_password(args))
    recovery = p.keys.take_recovery_key() if p.keys is not None else None
    ctx.emit({"account": p.name, "login": p.login, "roles": sorted(p.roles), "recovery_key": recovery},
             f"administrator {p.name} ({p.login}) created; log in with: qcy-workstation login --user {p.login}\n"
             + _recovery_text(recovery or ""))
    return 0


def cmd_recover(args: argparse.Namespace, ctx: CliContext) -> int:
    key = _read_password(args, "Recovery key: ")
    new = _read_password(args, "New password: ")
    p = AccountService(ctx.store).recover(args.user, key, new)
    ctx.emit({"recovered": p.login}, f"{p.login}: new password set with the recovery key; log in again")
    return 0


def cmd_recovery_key(args: argparse.Namespace, ctx: CliContext) -> int:
    key = AccountService(ctx.store).new_recovery_key(ctx.actor)
    ctx.emit({"recovery_key": key}, _recovery_text(key))
    return 0


def cmd_create(args: argparse.Namespace, ctx: CliContext) -> int:
    roles = [r.strip() for r in args.roles.split(",") if r.strip()]
    view = AccountService(ctx.store).create(ctx.actor, args.user, args.name, roles, _read_password(args))
    ctx.emit(view, f"account {view.display_name} ({view.login}: {', '.join(view.roles)}) created")
    return 0


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    rows = AccountService(ctx.store).list(ctx.actor)
    ctx.emit(rows, "\n".join(f"{a.login}\t{a.display_name}\t{','.join(a.roles)}\t"
                             f"{'active' if a.active else 'inactive'}{'  demo' if a.demo else ''}" for a in rows))
    return 0


def cmd_roles(args: argparse.Namespace, ctx: CliContext) -> int:
    view = AccountService(ctx.store).set_roles(ctx.actor, args.user, [r.strip() for r in args.roles.split(",")])
    ctx.emit(view, f"{view.login}: {', '.join(view.roles)}")
    return 0


def cmd_active(args: argparse.Namespace, ctx: CliContext) -> int:
    view = AccountService(ctx.store).set_active(ctx.actor, args.user, args.active)
    ctx.emit(view, f"{view.login}: {'active' if view.active else 'inactive'}")
    return 0


def cmd_reset(args: argparse.Namespace, ctx: CliContext) -> int:
    AccountService(ctx.store).reset_password(ctx.actor, args.user, _read_password(args, "New password: "))
    ctx.emit({"reset": args.user}, f"{args.user}: new password set; it must be changed at the next login")
    return 0


def cmd_password(args: argparse.Namespace, ctx: CliContext) -> int:
    old = _read_password(args, "Current password: ")
    new = _read_password(args, "New password: ")
    AccountService(ctx.store).change_password(ctx.actor, old, new)
    ctx.emit({"changed": True}, "password changed")
    return 0
