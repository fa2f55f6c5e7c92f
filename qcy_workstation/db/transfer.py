"""Setting up a shared PostgreSQL store (issue 15 item 8): ``init_server`` makes the schema on an empty
database; ``migrate_from`` copies a single desk's SQLite store into an empty server store.

The copy keeps every row as it is, ids included, so the audit trail's hash chain (which covers ids, times
and texts) stays valid, case numbers stay gap-free, and documents keep pointing at their cases. Tables are
copied parent before child (the foreign keys' order), in batches, in one transaction on the target that
first takes the writers' lock: another desk cannot write in between, and a failure leaves the target as
empty as it was. The id sequences are moved past the copied ids. The search bodies (``case_fts``,
``consultation_fts``) are copied as stored. Evidence files and issued documents (plain and sealed) are
copied into the target's files folder and their SHA-256 checked on arrival. Then the counts of every
table are compared and the target's audit chain verified; a move is recorded as the newest audit event,
which also writes the target's chain anchor.

Only the copy of the data is here; the CLI (``store init-server``, ``store migrate-from``) adds the first
administrator (accounts) and prints the result.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Table, func, insert, inspect, select, text

from qcy_workstation.db.base import Base
from qcy_workstation.db.store import Store, open_store, resolve_db_url
from qcy_workstation.errors import StoreError, ValidationError

#: Tables outside the ORM metadata that a store holds (SQLite: FTS5 tables; PostgreSQL: plain tables).
SEARCH_TABLES = ("case_fts", "consultation_fts")
FILE_FOLDERS = ("evidence", "documents")  # content-addressed, plain and sealed (backup.COPIED_FOLDERS)
BATCH = 2000

Progress = Callable[[str, int, int], None]  # (table or "files", done, total)


@dataclass
class TransferResult:
    source: str
    target: str
    files_dir: str
    revisions: list[str]
    counts: dict[str, int] = field(default_factory=dict)  # rows per table, equal on both sides
    files_copied: int = 0
    files_bytes: int = 0
    audit_events: int = 0
    desk_url: str | None = None  # the gate role's URL for desks, once secured (db/server_roles.py)


def server_url(url: str) -> str:
    """The URL must name a PostgreSQL database (``postgresql+psycopg://user@host/db``)."""
    value = (url or "").strip()
    if not value.startswith(("postgresql://", "postgresql+")):
        raise ValidationError("must be a PostgreSQL URL such as postgresql+psycopg://qcy@server/qcy", field="url",
                              value=url, reason="store.not_server", params={"url": value})
    if value.startswith("postgresql://"):
        value = "postgresql+psycopg://" + value.removeprefix("postgresql://")
    return value


def _tables() -> list[Table]:
    from qcy_workstation.db.models_all import import_all

    import_all()
    return list(Base.metadata.sorted_tables)


def rows_present(store: Store) -> dict[str, int]:
    """Tables of ``store`` that hold rows (the Alembic revision aside): empty means an empty store."""
    found: dict[str, int] = {}
    with store.engine.connect() as conn:
        names = set(inspect(conn).get_table_names())
        for name in sorted(names - {"alembic_version"}):
            n = conn.execute(text(f'SELECT count(*) FROM "{name}"')).scalar() or 0
            if n:
                found[name] = int(n)
    return found


def _refuse_non_empty(store: Store, url: str) -> None:
    present = rows_present(store)
    if present:
        listed = ", ".join(f"{k} ({v})" for k, v in list(present.items())[:6])
        raise StoreError(f"the server store is not empty ({listed}); nothing was changed. Give an empty database "
                         "(CREATE DATABASE ...) to set up or to copy a desk's store into", field="url",
                         value=_safe(url), reason="store.target_not_empty",
                         params={"url": _safe(url), "tables": listed})


def _safe(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def open_empty_server(url: str, *, files_dir: Path | None = None) -> Store:
    """Open (and migrate: create the schema of) an empty PostgreSQL database; refuse one that holds data."""
    url = server_url(url)
    store = open_store(url, files_dir=files_dir)
    try:
        _refuse_non_empty(store, url)
    except BaseException:
        store.close()
        raise
    return store


def migrate_from(sqlite_path: str | os.PathLike[str], url: str, *, files_dir: Path | None = None,
                 actor: str = "store migrate-from", progress: Progress | None = None) -> TransferResult:
    """Copy the SQLite store at ``sqlite_path`` into the empty server store at ``url`` (see the module)."""
    from qcy_workstation.db import audit

    path = Path(sqlite_path).expanduser()
    if not path.is_file():
        raise ValidationError(f"no store file at {path}", field="from", value=str(path), reason="store.source_missing",
                              params={"path": str(path)})
    source = open_store(resolve_db_url(str(path)))  # brought to the current schema first (copied aside if older)
    try:
        target = open_empty_server(url, files_dir=files_dir)
    except BaseException:
        source.close()
        raise
    try:
        from qcy_workstation.db.store import current_revisions

        if current_revisions(source) != current_revisions(target):
            raise StoreError("the desk's store and the server store are at different schema versions",
                             reason="store.schema_mismatch")
        result = TransferResult(source=str(path), target=_safe(target.url), files_dir=str(target.files_dir),
                                revisions=sorted(current_revisions(target)))
        tables = _tables()
        with target.write() as dst:
            _refuse_non_empty(target, target.url)  # again, under the writers' lock
            with source.read() as src:
                for table in tables:
                    result.counts[table.name] = _copy_table(src, dst, table, progress)
                for name in SEARCH_TABLES:
                    result.counts[name] = _copy_search(src, dst, name, progress)
            for table in tables:
                _move_sequence(dst, table)
            dst.flush()
            result.audit_events = result.counts.get("audit_events", 0)
            if result.audit_events and audit.verify_chain(dst):
                raise StoreError("the copied audit trail does not verify; nothing was copied",
                                 reason="store.copy_failed", params={"what": "audit_events"})
            audit.record(dst, actor=actor, action="migrate", entity="store", entity_id="server",
                         details={"from": str(path), "tables": len(result.counts),
                                  "rows": sum(result.counts.values())})
        _check_counts(source, target, result)
        result.files_copied, result.files_bytes = copy_files(source.files_dir, target.files_dir, progress)
        return result
    finally:
        source.close()
        target.close()


def _copy_table(src, dst, table: Table, progress: Progress | None) -> int:  # type: ignore[no-untyped-def]
    total = src.execute(select(func.count()).select_from(table)).scalar() or 0
    pk = list(table.primary_key.columns)
    done = 0
    batch: list[dict[str, object]] = []
    for row in src.execute(select(table).order_by(*pk)).mappings():
        batch.append(dict(row))
        if len(batch) >= BATCH:
            dst.execute(insert(table), batch)
            done += len(batch)
            batch = []
            if progress is not None:
                progress(table.name, done, total)
    if batch:
        dst.execute(insert(table), batch)
        done += len(batch)
    if progress is not None and total:
        progress(table.name, done, total)
    return done


def _copy_search(src, dst, name: str, progress: Progress | None) -> int:  # type: ignore[no-untyped-def]
    rows = [{"id": r[0], "body": r[1]} for r in src.execute(text(f"SELECT rowid, body FROM {name} ORDER BY rowid"))]
    for start in range(0, len(rows), BATCH):
        dst.execute(text(f"INSERT INTO {name}(rowid, body) VALUES (:id, :body)"), rows[start:start + BATCH])
    if progress is not None and rows:
        progress(name, len(rows), len(rows))
    return len(rows)


def _move_sequence(dst, table: Table) -> None:  # type: ignore[no-untyped-def]
    """Rows came with their ids: the table's id sequence (if it has one) must start after them."""
    if "id" not in table.c or len(table.primary_key.columns) != 1:
        return
    seq = dst.execute(text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": table.name}).scalar()
    if seq:
        dst.execute(text(f"SELECT setval('{seq}', (SELECT coalesce(max(id), 1) FROM \"{table.name}\"), "
                         f"(SELECT count(*) > 0 FROM \"{table.name}\"))"))


def _check_counts(source: Store, target: Store, result: TransferResult) -> None:
    """Every table holds as many rows on the server as in the desk's file."""
    with source.read() as a, target.read() as b:
        for name, copied in result.counts.items():
            on_source = a.execute(text(f'SELECT count(*) FROM "{name}"')).scalar() or 0
            on_target = b.execute(text(f'SELECT count(*) FROM "{name}"')).scalar() or 0
            recorded = 1 if name == "audit_events" else 0  # the move itself
            if copied != on_source or on_target != on_source + recorded:
                raise StoreError(f"table {name}: {on_source} rows in the desk's store, {on_target} on the server",
                                 reason="store.copy_failed", params={"what": name})


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def copy_files(source: Path, target: Path, progress: Progress | None = None) -> tuple[int, int]:
    """Copy evidence and issued documents (plain and sealed) into the server's files folder; each copy is
    hashed against its source (a file already there with the same content is kept). (files, bytes)."""
    files = [p for sub in FILE_FOLDERS if (source / sub).is_dir() for p in sorted((source / sub).rglob("*"))
             if p.is_file() and not p.is_symlink() and not p.name.startswith(".") and not p.name.endswith(".part")]
    copied = size = 0
    for i, path in enumerate(files, 1):
        dest = target / path.relative_to(source)
        digest = _sha256(path)
        if not (dest.is_file() and _sha256(dest) == digest):
            dest.parent.mkdir(parents=True, exist_ok=True)
            part = dest.with_name(f".{dest.name}.part")
            shutil.copyfile(path, part)
            if _sha256(part) != digest:
                part.unlink(missing_ok=True)
                raise StoreError(f"the copy of {path} differs from it", reason="store.copy_failed",
                                 params={"what": str(path)})
            os.replace(part, dest)
            with contextlib.suppress(OSError):
                os.chmod(dest, path.stat().st_mode & 0o777)
            copied += 1
            size += dest.stat().st_size
        if progress is not None:
            progress("files", i, len(files))
    return copied, size
