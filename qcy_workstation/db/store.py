"""Opening the store: default location, SQLite pragmas, migrations on open, error translation.

One ``Store`` per process. ``store.read()`` and ``store.write()`` hand out sessions that are one
transaction each (one use case = one transaction): a failure rolls back and the store stays as it was.
On SQLite ``write()`` starts with ``BEGIN IMMEDIATE`` so two writers queue on the busy timeout instead of
failing mid-way; the same code runs on PostgreSQL (a plain BEGIN).
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import shutil
import sqlite3
import uuid
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import platformdirs
from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from qcy_workstation.errors import ConflictError, QcyError, StoreError, ValidationError

APP_NAME = "QCYWorkstation"
DB_FILENAME = "qcy-workstation.sqlite"
BUSY_TIMEOUT_MS = 5000
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def default_db_path() -> Path:
    """The store in the user's data folder, e.g. ~/.local/share/QCYWorkstation/ on Linux."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / DB_FILENAME


def resolve_db_url(db: str | os.PathLike[str] | None) -> str:
    """``--db`` wins, then ``$QCY_DB``, then the default file. A bare path becomes a sqlite URL."""
    value = str(db) if db else os.environ.get("QCY_DB") or str(default_db_path())
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"


def explain_db_error(exc: BaseException, url: str = "") -> StoreError:
    """Turn a driver error into a message a member of staff can act on."""
    msg = str(getattr(exc, "orig", exc)).lower()
    where = f" ({_display(url)})" if url else ""
    if "locked" in msg or "busy" in msg or "lock timeout" in msg:
        return StoreError(f"the store is locked by another program{where}; try again in a moment",
                          reason="store.busy")
    if "permission denied" in msg or "row-level security" in msg:  # a desk's role on a secured server store
        return StoreError(f"the server refused this connection's role{where}: {getattr(exc, 'orig', exc)}; nothing "
                          "was changed", reason="store.permission_denied")
    if "readonly" in msg or "read-only" in msg:
        return StoreError(f"the store is read-only{where}; check the file's permissions")
    if "not a database" in msg or "malformed" in msg or "corrupt" in msg:
        path = Path(url.removeprefix("sqlite:///")) if url.startswith("sqlite:///") else None
        return damaged_store_error(path, [str(getattr(exc, "orig", exc))])
    if "unable to open" in msg:
        return StoreError(f"cannot open the store{where}; check that the folder exists and is writable")
    if "disk" in msg and "full" in msg:
        return StoreError(f"the disk is full{where}; nothing was written")
    return StoreError(f"store error{where}: {getattr(exc, 'orig', exc)}")


def find_backups(path: Path) -> list[Path]:
    """Backups beside the store (``<name>.before-<revision>-<stamp>.bak``, one per migration), newest first."""
    found = [p for p in path.parent.glob(path.name + ".before-*.bak") if p.is_file()]
    return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)


def sound_backup(path: Path) -> Path | None:
    """The newest backup beside ``path`` that passes SQLite's quick check, if any (read only)."""
    for backup in find_backups(path):
        try:
            conn = sqlite3.connect(f"{backup.as_uri()}?mode=ro&immutable=1", uri=True)  # no -wal/-shm beside it
            try:
                if conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]:
                    return backup
            finally:
                conn.close()
        except (sqlite3.Error, ValueError, OSError):
            continue
    return None


def damaged_store_error(path: Path | None, problems: list[str]) -> StoreError:
    """A StoreError saying the store is damaged and how to restore it, naming the newest sound backup.

    Why: a damaged page made ``store check`` end in a traceback and ``cases list`` report success; staff
    need to hear that the store is damaged, that nothing more should be written to it, and what to copy
    where."""
    detail = problems[0] if problems else "damaged"
    if path is None:
        return StoreError(f"the store is damaged ({detail}); restore the database from its last backup",
                          reason="store.damaged", params={"path": "", "detail": detail, "backup": ""})
    backup = sound_backup(path)
    how = (f"copy the newest sound backup {backup} over it" if backup is not None
           else "copy your most recent backup of the store to its place (no sound backup is beside it)")
    return StoreError(
        f"the store file is damaged ({path}: {detail}). To restore it: close QCY Workstation on every desk, "
        f"move the damaged file aside (keep it), then {how}; work entered since that backup must be entered "
        "again. Evidence files in the files folder are kept", field="db", value=str(path),
        reason="store.damaged" if backup is not None else "store.damaged_no_backup",
        params={"path": str(path), "detail": detail, "backup": str(backup or "")})


def _display(url: str) -> str:
    return url.removeprefix("sqlite:///") if url.startswith("sqlite:///") else make_url(url).render_as_string()


class Store:
    """An open store. Thread-safe: each call to ``read``/``write`` uses its own connection."""

    def __init__(self, engine: Engine, url: str, *, files_dir: Path | None = None) -> None:
        self.url = url
        self._files_dir = files_dir
        #: On a store secured by ``init-server`` (db/server_roles.py): its role prefix, and the role this
        #: store's connections log in as. ``restricted``: a desk's role, under row-level security.
        self.server_prefix: str | None = None
        self.session_role: str | None = None
        self._bind(engine)
        self.damage: list[str] = []  # what the quick check on opening found (open_store(damaged_ok=True))
        self.migrated_from: set[str] | None = None  # the revisions this desk migrated the store from, if it did
        # Who wrote a change notice (db/changes.py): a desk drops its own. One id per open store.
        self.desk_id = uuid.uuid4().hex[:12]
        from qcy_workstation.outputs import protect_store

        protect_store(self.path, self.files_dir)  # no export may be written over this store or its files

    def _bind(self, engine: Engine) -> None:
        self.engine = engine
        info = {"qcy_restricted": True} if self.restricted else {}
        self._sessions = sessionmaker(engine, expire_on_commit=False, info=info)
        self._write_engine = engine.execution_options(qcy_write=True)
        self._write_sessions = sessionmaker(self._write_engine, expire_on_commit=False, info=info)
        self._announces = engine.dialect.name == "postgresql"
        if self._announces:
            from qcy_workstation.db import changes

            changes.install(self._write_sessions)

    @property
    def secured(self) -> bool:
        return self.server_prefix is not None

    @property
    def restricted(self) -> bool:
        """Whether this store's connections are a desk's role (the gate or an account's), which the server
        holds to the confidential-case rule; the owner's administrative connections are not."""
        return bool(self.server_prefix and self.session_role and self.session_role.startswith(self.server_prefix + "_"))

    def note_server(self) -> None:
        """Read whether the server store is secured and as whom this store connects (one query)."""
        if self.engine.dialect.name != "postgresql":
            return
        from qcy_workstation.db.server_roles import server_prefix

        with self.engine.connect() as conn:
            self.server_prefix = server_prefix(conn)
            self.session_role = str(conn.exec_driver_sql("SELECT session_user").scalar())
        self._bind(self.engine)

    def reconnect(self, url: str) -> None:
        """Connect as given by ``url`` from now on (an account's role after its password changed); the old
        connections are closed."""
        old = self.engine
        self.url = url
        self._bind(create_store_engine(url))
        old.dispose()

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def path(self) -> Path | None:
        if not self.is_sqlite:
            return None
        database = make_url(self.url).database
        return Path(database) if database and database != ":memory:" else None

    @property
    def files_dir(self) -> Path:
        """Content-addressed files (evidence, issued documents) live beside the store file.

        For a server store ``$QCY_FILES`` names the shared folder (every desk must mount the same one); a
        SQLite file's folder is always the one beside it, so a desk with ``$QCY_FILES`` set for the shared
        store cannot mix a local file store's evidence (and its audit anchor) into the shared folder.
        ``open_store(..., files_dir=)`` names it explicitly (tests: one folder per test).
        """
        if self._files_dir is not None:
            return self._files_dir
        if self.path is not None:
            return self.path.with_name(self.path.stem + "-files")
        env = os.environ.get("QCY_FILES")
        if env:
            return Path(env)
        return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "files"

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only unit of work (rolled back at the end)."""
        try:
            with self._sessions() as session:
                yield session
                session.rollback()
        except QcyError:
            raise
        except (OperationalError, DBAPIError, sqlite3.Error) as exc:
            raise explain_db_error(exc, self.url) from exc

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction: committed if the block ends normally, rolled back on any exception."""
        try:
            with self._write_sessions() as session:
                with session.begin():
                    yield session
                    if self._announces:  # other desks hear of it when this commits (LISTEN/NOTIFY)
                        from qcy_workstation.db.changes import announce

                        announce(session, self.desk_id)
                head = session.info.pop("audit_head", None)
                written = session.info.pop("audit_written", None)
            if head is not None:  # committed: the chain head goes to its anchor outside the database
                from qcy_workstation.db.audit import write_anchor

                with contextlib.suppress(OSError):  # an unwritable files folder is store check's to report
                    write_anchor(self.files_dir, head)
            # ...and to this desk's witness, under a key the store's files do not hold (not under a desk's role on
            # a secured server store: the role sees only part of the chain; the administrative URL checks it)
            if written is not None and not self.restricted:
                from qcy_workstation.db.witness import note_written

                with contextlib.suppress(OSError):  # an unwritable profile: store check says "no witness"
                    note_written(self, written)
        except QcyError:
            raise
        except StaleDataError as exc:  # an UPDATE found its row_version moved on: another desk saved first
            raise ConflictError("another desk changed this record while it was being saved; nothing was saved: "
                                "reload it and apply your changes again", reason="record.changed") from exc
        except (OperationalError, DBAPIError, sqlite3.Error) as exc:
            raise explain_db_error(exc, self.url) from exc

    def integrity_check(self, *, quick: bool = False) -> list[str]:
        """``PRAGMA integrity_check`` (or the cheaper ``quick_check``) on SQLite: an empty list means the
        file is sound. A file too damaged to be read through is a one-line problem, never a traceback."""
        if not self.is_sqlite:
            return []
        pragma = "quick_check" if quick else "integrity_check"
        try:
            with self.engine.connect() as conn:
                rows = [str(r[0]) for r in conn.exec_driver_sql(f"PRAGMA {pragma}").fetchall()]
        except (DBAPIError, sqlite3.Error) as exc:
            return [str(getattr(exc, "orig", exc))]
        return [] if rows == ["ok"] else rows

    def close(self) -> None:
        self.engine.dispose()


def _install_sqlite_pragmas(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # type: ignore[no-untyped-def]
        # Let SQLAlchemy's "begin" event decide how a transaction starts (deferred or immediate).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys = ON")
        with contextlib.suppress(sqlite3.OperationalError):  # read-only file: keep its journal mode
            cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # type: ignore[no-untyped-def]
        if conn.get_execution_options().get("qcy_write"):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")


# pg_advisory_xact_lock keys (two int4s: the application, then the lock); other programs on the server
# are unlikely to use the first.
ADVISORY_APP = 0x51435957  # "QCYW"
WRITE_LOCK = 1
MIGRATE_LOCK = 2


def _install_postgresql_write_lock(engine: Engine) -> None:
    """Writers take turns on PostgreSQL as they do on SQLite (``BEGIN IMMEDIATE``).

    Every write transaction first takes one transaction-level advisory lock, held until its commit or
    rollback. Without it two desks writing at once both read the same audit chain head (and forked the
    chain: ``store check`` then reported tampering), and both drew the same next case or document number
    (one of them failed on the unique constraint). Waiting is bounded like SQLite's busy timeout; a desk
    that waited too long hears that the store is busy (``store.busy``). Reads never wait."""

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # type: ignore[no-untyped-def]
        if conn.get_execution_options().get("qcy_write"):
            conn.exec_driver_sql(f"SET LOCAL lock_timeout = {BUSY_TIMEOUT_MS}")
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({ADVISORY_APP}, {WRITE_LOCK})")


def create_store_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False})
        _install_sqlite_pragmas(engine)
        return engine
    # No JIT compilation: a desk's reads are short, but row-level security's subplans raise their estimated
    # cost past the JIT threshold, and compiling cost 47 ms of a 146 ms consultation count (EXPLAIN ANALYZE,
    # 20,000 cases, a desk's role). A URL that sets its own ``options`` keeps them.
    args = {} if "options=" in url else {"options": "-c jit=off"}
    engine = create_engine(url, pool_pre_ping=True, connect_args=args if url.startswith("postgresql") else {})
    if engine.dialect.name == "postgresql":
        _install_postgresql_write_lock(engine)
    return engine


def open_store(db: str | os.PathLike[str] | None = None, *, migrate: bool = True, create: bool = False,
               damaged_ok: bool = False, files_dir: Path | None = None) -> Store:
    """Open and migrate the store. Raises StoreError with a plain message.

    A store is created only where no file exists yet, or over an empty file when ``create`` is asked for:
    a zero-byte file given as ``--db`` (a failed copy, a mistyped name) silently became a new, empty store,
    and the clerk saw "no cases" instead of an error. A SQLite file gets ``PRAGMA quick_check`` first
    (about 1 ms per MB: 23 ms for a 23 MB store of 3,000 demo cases), so a damaged page anywhere stops
    every command, not only those that happen to read it; ``damaged_ok`` (``store check``) opens it anyway,
    unmigrated, with the problems in ``Store.damage``."""
    url = resolve_db_url(db)
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        _check_text(url, "db")
        if path.is_dir():
            raise StoreError(f"{path} is a folder, not a store file")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the folder for the store ({path.parent}): {exc.strerror}") from exc
        if path.exists() and path.stat().st_size == 0 and not create:
            raise StoreError(f"{path} is an empty file, not a store: give the path of the store, or delete the "
                             "empty file to start a new store there", field="db", value=str(path),
                             reason="store.empty", params={"path": str(path)})
        if path.exists() and path.stat().st_size > 0:
            _check_sqlite_header(path)
    engine = create_store_engine(url)
    store = Store(engine, url, files_dir=files_dir)
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
        store.note_server()
        if store.path is not None and store.path.exists() and store.path.stat().st_size > 0:
            store.damage = store.integrity_check(quick=True)
            if store.damage and not damaged_ok:
                raise damaged_store_error(store.path, store.damage)
        if migrate and not store.damage:
            upgrade(store)
    except QcyError:
        engine.dispose()
        raise
    except (OperationalError, DBAPIError, sqlite3.Error) as exc:
        engine.dispose()
        raise explain_db_error(exc, url) from exc
    return store


def _check_text(value: str, field: str) -> None:
    """A path that is not valid UTF-8 (surrogate escapes from the command line) cannot name a store."""
    for position, char in enumerate(value, start=1):
        if "\ud800" <= char <= "\udfff":
            raise ValidationError("the store's path is not valid text (a name that is not UTF-8); rename the file "
                                  "or folder", field=field, value=ascii(value), reason="text.encoding",
                                  params={"position": position})


def _check_sqlite_header(path: Path) -> None:
    try:
        with path.open("rb") as fh:
            header = fh.read(16)
    except PermissionError as exc:
        raise StoreError(f"no permission to read the store ({path})") from exc
    if header != b"SQLite format 3\x00":
        raise StoreError(f"the store file is damaged or not a QCY store ({path}); restore it from a backup")


def _alembic_config(connection=None):  # type: ignore[no-untyped-def]
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


_REVISION = re.compile(r'^revision\s*=\s*["\']([^"\']+)["\']', re.M)
_DOWN = re.compile(r'^down_revision\s*=\s*(.+)$', re.M)


@functools.lru_cache(maxsize=1)
def head_revisions() -> set[str]:
    """Heads of the migration graph, read from the version files' ``revision``/``down_revision`` lines.

    Cheaper than loading Alembic's ScriptDirectory (~0.2 s with its import), which is only needed when
    the store really has to be upgraded; a test checks both give the same answer.
    """
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        rev = _REVISION.search(source)
        if rev is None:
            continue
        revisions.add(rev.group(1))
        down = _DOWN.search(source)
        if down:
            parents.update(re.findall(r'["\']([^"\']+)["\']', down.group(1)))
    return revisions - parents


def alembic_heads() -> set[str]:
    from alembic.script import ScriptDirectory

    return set(ScriptDirectory.from_config(_alembic_config()).get_heads())


def current_revisions(store: Store) -> set[str]:
    with store.engine.connect() as conn:
        return _revisions_on(conn)


@functools.lru_cache(maxsize=1)
def known_revisions() -> set[str]:
    """Every revision this client has a migration for (read like ``head_revisions``)."""
    return {m.group(1) for path in (MIGRATIONS_DIR / "versions").glob("*.py")
            if (m := _REVISION.search(path.read_text(encoding="utf-8")))}


def check_client_version(current: set[str]) -> None:
    """A store migrated by a newer client must not be written by this one: its code does not know the new
    columns and rules. The desk is told to update (``store.client_too_old``)."""
    unknown = sorted(current - known_revisions())
    if unknown:
        raise StoreError(f"the store was upgraded by a newer version of QCY Workstation (schema {', '.join(unknown)}); "
                         "update this desk's QCY Workstation before using it", field="db",
                         reason="store.client_too_old", params={"revision": ", ".join(unknown)})


def upgrade(store: Store, target: str = "heads") -> None:
    """Apply pending migrations, exactly once however many desks open the store at the same moment.

    The migration runs in one transaction that first takes the store's migration lock (a PostgreSQL
    advisory lock; on SQLite ``BEGIN IMMEDIATE``) and reads the revision again under it: a desk that waited
    while another migrated finds the store current and does nothing. An existing SQLite store is copied
    aside first. ``store.migrated_from`` keeps the revisions this desk migrated from (None: it did not)."""
    current = current_revisions(store)
    check_client_version(current)
    if target == "heads" and current == head_revisions():
        return
    from alembic import command

    if current and store.path is not None and store.path.exists():
        backup_before_migration(store, current)
    engine = store.engine.execution_options(qcy_write=True) if store.is_sqlite else store.engine
    with engine.begin() as conn:
        if not store.is_sqlite:
            conn.exec_driver_sql("SET LOCAL lock_timeout = 0")  # wait for the desk that is migrating
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({ADVISORY_APP}, {MIGRATE_LOCK})")
        current = _revisions_on(conn)
        check_client_version(current)
        if target == "heads" and current == head_revisions():
            return  # another desk migrated while this one waited
        command.upgrade(_alembic_config(conn), target)
        if store.secured:  # a secured server store: new tables get the desks' grants and the policies again
            from qcy_workstation.db.server_roles import secure_server

            secure_server(conn)
        store.migrated_from = current


def _revisions_on(conn) -> set[str]:  # type: ignore[no-untyped-def]
    if not inspect(conn).has_table("alembic_version"):
        return set()
    return {r[0] for r in conn.execute(text("SELECT version_num FROM alembic_version"))}


def backup_before_migration(store: Store, current: set[str]) -> Path:
    assert store.path is not None
    with store.engine.connect() as conn:  # fold the WAL into the main file so the copy is complete
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    tag = "+".join(sorted(current))
    dest = store.path.with_name(f"{store.path.name}.before-{tag}-{stamp}.bak")
    shutil.copy2(store.path, dest)
    return dest
