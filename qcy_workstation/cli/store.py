"""``qcy-workstation store ...``: where the store is, its schema revision, integrity and audit chain, settings,
backup and restore."""

from __future__ import annotations

import argparse

from qcy_workstation.cases.dto import Leftover
from qcy_workstation.cli.context import CliContext, add_common_options
from qcy_workstation.db.store import current_revisions, head_revisions


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("store", help="the store: info and checks")
    add_common_options(p)
    ss = p.add_subparsers(dest="store_command", metavar="ACTION", required=True)
    i = ss.add_parser("info", help="location, revision, counts")
    add_common_options(i)
    i.set_defaults(handler=cmd_info)
    c = ss.add_parser("check", help="database integrity and the audit trail's hash chain")
    add_common_options(c)
    c.add_argument("--reset-witness", action="store_true",
                   help="after the check, make this desk witness the audit chain as it is now (accept a restore "
                        "made on another desk); only when you know why the witness differs")
    c.set_defaults(handler=cmd_check)
    rk = ss.add_parser("rekey", help="seal confidential cases' files sealed by an older version (store-wide data "
                                     "key, or one case's key) with a key of their own, wrapped for every "
                                     "confidential case using them (after upgrading; a head)")
    add_common_options(rk)
    rk.set_defaults(handler=cmd_rekey)
    st = ss.add_parser("settings", help="show or change workstation settings (letterhead, deadline lengths)")
    add_common_options(st)
    st.add_argument("assignments", nargs="*", metavar="KEY=VALUE",
                    help="e.g. acceptance_days=7 workstation_name=...; none: show")
    st.set_defaults(handler=cmd_settings)
    b = ss.add_parser("backup", help="back the store up (database, evidence, issued documents, manifest)")
    add_common_options(b)
    b.add_argument("--to", required=True, metavar="DIR",
                   help="folder to write into (a new qcy-backup-<time> folder is made there); not inside the "
                        "store's files folder")
    b.set_defaults(handler=cmd_backup)
    r = ss.add_parser("restore", help="verify a backup and restore it into the store given by --db")
    add_common_options(r)
    r.add_argument("source", metavar="FROM", help="a backup folder (the one holding manifest.json)")
    r.set_defaults(handler=cmd_restore)
    n = ss.add_parser("init-server", help="set up a shared PostgreSQL store: the schema on an empty database and "
                                          "its first administrator")
    add_common_options(n)
    n.add_argument("--url", required=True, help="the empty database, e.g. postgresql+psycopg://qcy@server/qcy")
    n.add_argument("--admin", required=True, metavar="LOGIN", help="the first administrator's login name")
    n.add_argument("--name", required=True, help="the administrator's display name (as on cases and documents)")
    n.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    n.add_argument("--files", metavar="DIR", help="the shared files folder every desk reaches (default $QCY_FILES)")
    n.set_defaults(handler=cmd_init_server)
    m = ss.add_parser("migrate-from", help="copy a desk's SQLite store into an empty PostgreSQL store (ids, "
                                           "audit trail, evidence files)")
    add_common_options(m)
    m.add_argument("source", metavar="SQLITE_FILE", help="the desk's store file (qcy-workstation.sqlite)")
    m.add_argument("--url", required=True, help="the empty server database")
    m.add_argument("--files", metavar="DIR", help="the server store's files folder (default $QCY_FILES)")
    m.set_defaults(handler=cmd_migrate_from)


def cmd_info(args: argparse.Namespace, ctx: CliContext) -> int:
    store = ctx.store
    from sqlalchemy import func, select

    from qcy_workstation.cases.models import Case, Consultation

    with store.read() as s:
        cases = s.execute(select(func.count(Case.id))).scalar()
        consultations = s.execute(select(func.count(Consultation.id))).scalar()
    from qcy_workstation.cases.settings import SettingsService

    backup = SettingsService(store, ctx.staff).backup_status()
    info = {"url": store.url, "files": str(store.files_dir), "revisions": sorted(current_revisions(store)),
            "heads": sorted(head_revisions()), "cases": cases, "consultations": consultations,
            "last_backup": backup.last_at or "never", "backup_due": backup.due}
    ctx.emit(info, "\n".join(f"{k}: {v}" for k, v in info.items()))
    return 0


def cmd_check(args: argparse.Namespace, ctx: CliContext) -> int:
    """Integrity, audit chain, evidence files, and what killed runs left behind (stale partial files are
    removed and named). A damaged store is reported with how to restore it, never with a traceback."""
    from qcy_workstation.cases.evidence import EvidenceService
    from qcy_workstation.cases.leftovers import partial_files, unreferenced_evidence
    from qcy_workstation.db.store import damaged_store_error

    ctx.damaged_ok = True
    store = ctx.store
    partial = partial_files(store.files_dir)
    problems = store.damage or store.integrity_check()
    if problems:
        restore = damaged_store_error(store.path, problems)
        ctx.emit({"ok": False, "damaged": True, "integrity": problems[:20], "restore": restore.message,
                  "backup": restore.params.get("backup", ""), "partial_files": partial},
                 f"the store is damaged: {'; '.join(problems[:5])}\n{restore.message}" + _leftover_text(partial, []))
        return 1
    from qcy_workstation.cases.integrity import chain_findings, sealed_rows

    with store.read() as s:
        chain = chain_findings(s, store.files_dir, store)
        sealed = sealed_rows(s)
    broken = chain["broken_ids"]
    evidence = EvidenceService(store, ctx.staff).verify()
    from qcy_workstation.documents.service import DocumentService

    issued = DocumentService(store, ctx.staff).verify_issued()  # issued files are frozen: any change shows
    orphans = unreferenced_evidence(store)
    from qcy_workstation.cases.sealing import locked_files

    locked = locked_files(store)  # not damage: the head's store rekey fixes them
    witness = chain["witness"]
    ok = (not broken and not chain["anchor"] and not evidence and not issued and witness["status"] != "problem"
          and not sealed["cases_changed_outside"] and not sealed["evidence_rows_changed"])
    reset = None
    if getattr(args, "reset_witness", False):
        from qcy_workstation.db.witness import reset_witness

        reset = reset_witness(store)
    ctx.emit({"ok": ok, "damaged": False, "integrity": ["ok"], "audit_chain_broken_at": broken,
              "audit_first_bad": chain["first_bad"], "audit_anchor": chain["anchor"], "audit_witness": witness,
              **sealed, "evidence": evidence, "issued_documents": issued, "partial_files": partial,
              "unreferenced_files": orphans, "sealed_without_case_key": locked, "witness_reset": reset},
             ("store ok; audit chain intact and matches its anchor; case rows as last recorded; evidence files "
              "intact; issued documents intact\n" + _witness_text(witness) if ok
              else _problems_text(chain, sealed, evidence, issued))
             + _leftover_text(partial, orphans)
             + "".join(f"\nsealed {f['area']} file {f['sha256'][:12]} of case {f['case']} [{f['problem']}]: the "
                       "case's staff hold no key for it; the head's store rekey wraps its key for the case"
                       for f in locked)
             + (f"\nthis desk now witnesses the chain up to event #{reset['last_id']}" if reset else ""))
    return 0 if ok else 1


def _witness_text(w: dict) -> str:  # type: ignore[type-arg]
    """One line on this desk's witness of the chain (``db.witness.check_witness``), by its code."""
    status, problem = w["status"], w.get("problem", "")
    if status == "none":
        return "no witness on this desk (it has not written to this store yet)"
    if status == "ok":
        return (f"this desk's witness (event #{w['witnessed_id']}, {w['witnessed_events']} events, "
                f"{w['witnessed_at']}) is in the chain")
    hint = (" If the store was restored from a backup on another desk, run store check --reset-witness here "
            "once you have confirmed it.")
    if problem == "witness.events_missing":
        return (f"audit trail [witness.events_missing]: this desk saw the chain up to event #{w['witnessed_id']} "
                f"({w['witnessed_events']} events, {w['witnessed_at']}), but the store now has {w['events']} "
                f"events up to #{w['newest_id']}: events were deleted or the store was replaced by an older copy."
                + hint)
    if problem == "witness.chain_rewritten":
        return (f"audit trail [witness.chain_rewritten]: event #{w['witnessed_id']} differs from what this desk "
                f"saw on {w['witnessed_at']}: the chain was rewritten (together with its anchor file, if that "
                "matches)." + hint)
    if problem == "witness.forged":
        return ("audit trail [witness.forged]: this desk's witness of the store does not verify under the desk's "
                "key" + (" (the key file is missing or damaged)" if w.get("key_missing") else "") +
                ": someone changed the witness file; the chain cannot be vouched for from this desk")
    return (f"audit trail [witness.identity_changed]: the store at {w['location']} is not the store this desk "
            f"witnessed there (id {w['witnessed_store']}, now {w['store_id'] or 'none'}): it was replaced by "
            "another store or its identity was edited." + hint)


def _problems_text(chain: dict, sealed: dict, evidence: list, issued: list) -> str:  # type: ignore[type-arg]
    lines = ["integrity: ok"]
    first = chain["first_bad"]
    if first:
        lines.append(f"audit trail: the chain breaks at event #{first['id']} ({first['action']} {first['entity']} "
                     f"{first['entity_id']}" + (f", case {first['case']}" if first["case"] else "") +
                     f", {first['at']}); {len(chain['broken_ids'])} events fail it")
    anchor = chain["anchor"]
    if anchor and anchor["problem"] == "events_missing":
        lines.append(f"audit trail: events up to #{anchor['anchor_id']} were recorded, but the newest now is "
                     f"#{anchor['newest_id']}: events were deleted")
    elif anchor:
        lines.append(f"audit trail: event #{anchor['anchor_id']} differs from the recorded chain head: the chain "
                     "was rewritten")
    if anchor and anchor.get("backup"):
        lines.append(f"audit trail: the recorded head is the one in the last backup's manifest ({anchor['backup']})")
    if chain["witness"]["status"] == "problem":
        lines.append(_witness_text(chain["witness"]))
    for c in sealed["cases_changed_outside"][:20]:
        lines.append(f"case {c['case']}: its row was changed outside the app after event #{c['sealed_by_event']}")
    for e in sealed["evidence_rows_changed"][:20]:
        lines.append(f"evidence #{e['evidence']} ({e['name']}, case {e['case']}): its recorded SHA-256 was changed")
    for e in evidence[:20]:
        lines.append(f"evidence file {e.original_name} (case {e.case_number}): {e.problem}")
    for d in issued[:20]:
        lines.append(f"issued document {d['document']} ({d['format']}): {d['problem']}")
    return "\n".join(lines)


def _leftover_text(partial: list[Leftover], orphans: list[Leftover]) -> str:
    lines = []
    for item in partial:
        age = f"{item.age_seconds // 60} min old"
        lines.append(f"\nremoved partial file {item.path} ({item.size} bytes, {age}; left by a run that was killed)"
                     if item.removed else
                     f"\npartial file {item.path} ({item.size} bytes, {age}) kept: an add may still be running")
    for item in orphans:
        lines.append(f"\nunreferenced evidence file {item.path} ({item.size} bytes) kept: no evidence row refers "
                     "to it (a killed add, or a store restored from an older backup)")
    return "".join(lines)


def cmd_rekey(args: argparse.Namespace, ctx: CliContext) -> int:
    """``store rekey``: files sealed by an older version get their own key, wrapped for every confidential case
    using them (``cases.sealing.rekey``)."""
    from qcy_workstation.cases.sealing import rekey

    result = rekey(ctx.store, ctx.actor)
    ctx.emit(result, (f"re-sealed the files of {len(result['cases'])} confidential cases with their case keys"
                      + (f": {', '.join(result['cases'])}" if result["cases"] else ""))
             + "".join(f"\nleft as it is (a confidential case you may not see uses it too, or you hold no key "
                       f"for it): {item}"
                       for item in result["shared"]))
    return 0


def cmd_settings(args: argparse.Namespace, ctx: CliContext) -> int:
    from dataclasses import asdict

    from qcy_workstation.cases.settings import SettingsService
    from qcy_workstation.errors import ValidationError

    svc = SettingsService(ctx.store, ctx.actor)
    changes = {}
    for item in args.assignments:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise ValidationError("expected KEY=VALUE", field="settings", value=item)
        changes[key.strip()] = value
    current = svc.update(**changes) if changes else svc.get()
    ctx.emit(asdict(current), "\n".join(f"{k}: {v}" for k, v in asdict(current).items()))
    return 0


def cmd_backup(args: argparse.Namespace, ctx: CliContext) -> int:
    """``store backup --to DIR``: prints the new backup folder (``--json``: the whole result)."""
    from qcy_workstation.cases.settings import SettingsService

    result = SettingsService(ctx.store, ctx.actor).backup(args.to)
    ctx.emit(result, f"backed up to {result.folder} ({result.files} files, {result.size} bytes; "
                     f"schema {'+'.join(result.schema_revisions) or 'none'}; made {result.created_at})")
    return 0


def cmd_restore(args: argparse.Namespace, ctx: CliContext) -> int:
    """``store restore FROM``: verify the backup, keep a copy of the store given by ``--db`` beside it, restore;
    then open the restored store (migrated when the backup is older) and record the restore in it."""
    from pathlib import Path

    from qcy_workstation.cases.settings import SettingsService
    from qcy_workstation.db.backup import restore_store
    from qcy_workstation.db.store import resolve_db_url
    from qcy_workstation.errors import StoreError

    actor: object = ctx.staff
    live = resolve_db_url(ctx.db_url)
    if live.startswith("sqlite:///") and Path(live.removeprefix("sqlite:///")).is_file():
        ctx.damaged_ok = True  # a damaged store is what a restore is for: it cannot say who may replace it
        try:
            damaged = bool(ctx.store.damage)
        except StoreError:
            damaged = True
        if not damaged:
            actor = ctx.actor  # a live store with accounts: only its administrator may replace it
            SettingsService(ctx.store, ctx.actor).check_may_restore()
        ctx.close()
        ctx.damaged_ok = False
    result = restore_store(args.source, ctx.db_url)
    store = ctx.store  # opened (and migrated) only now, on the restored file
    SettingsService(store, str(actor)).record_restore(result)
    kept = (f"; the previous store is kept as {result.previous_copy}" if result.previous_copy
            else "; there was no store there before")
    ctx.emit(result, f"restored the backup made {result.created_at} from {result.backup} into {result.store}"
                     f"{kept}; {result.files_copied} files copied, {result.files_present} already present"
                     + "".join(f"\na different file was set aside: {p}" for p in result.files_set_aside))
    return 0


def _files_dir(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from pathlib import Path

    return Path(args.files).expanduser() if args.files else None


def cmd_init_server(args: argparse.Namespace, ctx: CliContext) -> int:
    """``store init-server --url URL --admin LOGIN --name NAME``: an empty PostgreSQL database becomes a store
    (every migration applied) with its first administrator; refused (``store.target_not_empty``) on a
    database that holds data."""
    from qcy_workstation.accounts.service import AccountService
    from qcy_workstation.cli.accounts import _read_password, _recovery_text
    from qcy_workstation.db.server_roles import secure_store
    from qcy_workstation.db.transfer import _safe, open_empty_server

    password = _read_password(args)
    store = open_empty_server(args.url, files_dir=_files_dir(args))
    try:
        with store.engine.connect() as conn:
            from sqlalchemy import inspect

            tables = len(inspect(conn).get_table_names())
        secured = secure_store(store)  # roles, grants, row-level security (db/server_roles.py)
        p = AccountService(store).create_administrator(args.admin, args.name, password)
        recovery = p.keys.take_recovery_key() if p.keys is not None else None
        info = {"url": _safe(store.url), "revisions": sorted(current_revisions(store)), "tables": tables,
                "files": str(store.files_dir), "administrator": p.login, "name": p.name, "recovery_key": recovery,
                "desk_url": secured["desk_url"], "desk_role": secured["desk_role"], "gate_role": secured["gate_role"]}
    finally:
        store.close()
    ctx.emit(info, f"created the schema on {info['url']} ({tables} tables, revision "
                   f"{'+'.join(info['revisions'])})\n"
                   f"administrator {p.name} ({p.login}) created; log in with: qcy-workstation --db URL login "
                   f"--user {p.login}\n"
                   f"files folder: {info['files']} (every desk sets QCY_FILES to this shared folder)\n"
                   f"desks open the store with: --db {info['desk_url']}\n(each account then works as its own "
                   f"database role, {info['desk_role']} members; keep the administrative URL for migrations, "
                   "store check and backups)\n"
                   + _recovery_text(recovery or ""))
    return 0


def cmd_migrate_from(args: argparse.Namespace, ctx: CliContext) -> int:
    """``store migrate-from SQLITE_FILE --url URL``: the desk's whole store copied into an empty server store,
    ids kept, counts compared table by table, audit chain verified, files copied and hashed."""
    from qcy_workstation.db.server_roles import secure_store
    from qcy_workstation.db.store import open_store
    from qcy_workstation.db.transfer import migrate_from, server_url

    result = migrate_from(args.source, args.url, files_dir=_files_dir(args))
    target = open_store(server_url(args.url), files_dir=_files_dir(args))
    try:  # roles, grants, row-level security as init-server makes them; the accounts' roles without passwords
        secured = secure_store(target)
    finally:
        target.close()
    result.desk_url = secured["desk_url"]
    rows = sum(result.counts.values())
    ctx.emit(result, f"copied {args.source} into {result.target}: {rows} rows in {len(result.counts)} tables "
                     f"(counts equal on both sides; cases {result.counts.get('cases', 0)}, consultations "
                     f"{result.counts.get('consultations', 0)}, audit events {result.audit_events}, chain "
                     f"verified), {result.files_copied} files ({result.files_bytes} bytes) into {result.files_dir}"
                     "\nthe move is recorded in the audit trail; check the server store with: qcy-workstation "
                     "--db URL store check"
                     f"\ndesks open the store with: --db {secured['desk_url']}\neach account's database role gets "
                     "its password when the account logs in once with the administrative URL (--db URL login) or "
                     "an administrator resets its password")
    return 0
