"""Backing up a store and restoring it (issue 14 item 7).

``backup_store`` writes one folder, ``<DIR>/qcy-backup-<time>/``, holding

- ``store.sqlite``: the database, copied with SQLite's online backup API inside one read transaction, so the
  copy is the store exactly as it was when the backup started, while the desks keep working (in WAL mode
  readers do not block writers; without the read transaction a stepped backup restarts after every write
  of another process and never ends while one desk keeps saving);
- ``files/evidence/…`` and ``files/documents/…``: the evidence files and issued documents of the store's
  files folder, copied *after* the database snapshot (a file is in place before its row commits, so every
  file the copied database refers to is there; partial files of running adds are left out);
- ``manifest.json``: format, created time (UTC), app version, the copied database's schema revision, and
  the size and SHA-256 of every file; its own ``checksum`` covers the rest, so an edited manifest shows.

The folder is written as ``.qcy-backup-<time>.partial`` and renamed when complete: a cancelled or failed
backup leaves nothing that looks like a backup. A backup is refused inside the store's files folder.

``restore_store`` verifies everything first (manifest, every file's size and hash, the database's integrity,
a schema this version knows) and names the first bad file; nothing is changed when it refuses. Then it
copies the files that are missing into the target's files folder, keeps a copy of the live store beside it
as ``<store>.before-restore-<time>.bak`` (the migration copies' convention, so ``store check`` offers it as
a sound backup too), and writes the backup into the store: over a sound live store with the backup API
(other connections see the change as one commit), over a damaged one or none by placing a file.

Who may do this: both functions take ``permission``, called with ``"store.backup"`` or ``"store.restore"``
before anything is read or written. It is the single place where the accounts of issue 14 plug in the
administrator-only check (a callable that raises ``PermissionDeniedError``); ``None`` allows everyone, as
every other action of this version does.

PostgreSQL stores are refused with ``backup.engine`` (use ``pg_dump`` and a copy of ``$QCY_FILES``).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from qcy_workstation import __version__
from qcy_workstation.db.store import (
    BUSY_TIMEOUT_MS,
    MIGRATIONS_DIR,
    Store,
    create_store_engine,
    resolve_db_url,
)
from qcy_workstation.errors import IntegrityError, QcyError, StoreError, ValidationError

FORMAT = "qcy-workstation-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATABASE = "store.sqlite"
FILES = "files"
FOLDER_PREFIX = "qcy-backup-"
COPIED_FOLDERS = ("evidence", "documents")  # the screening index beside them is a cache, rebuilt on demand
CHUNK = 1 << 20
DB_STEP_PAGES = 256

Progress = Callable[[int, int], bool]  # (done bytes, total bytes) -> keep going?
PermissionCheck = Callable[[str], None]  # raises PermissionDeniedError when the acting account may not


class Cancelled(QcyError):
    code = "cancelled"


@dataclass(frozen=True)
class BackupResult:
    folder: str
    created_at: str  # ISO, UTC
    files: int  # files in the backup, the database included
    size: int  # bytes
    schema_revisions: list[str] = field(default_factory=list)
    app_version: str = __version__


@dataclass(frozen=True)
class RestoreResult:
    store: str
    backup: str
    created_at: str  # when the backup was made (ISO, UTC)
    previous_copy: str  # where the live store was kept ("" when there was none)
    files_copied: int  # files the files folder lacked
    files_present: int  # files already there with the same content
    files_set_aside: list[str] = field(default_factory=list)  # live files that differed, kept beside


def _check_permission(permission: PermissionCheck | None, action: str) -> None:
    """The one place backup and restore ask whether the acting account may (see the module's docstring)."""
    if permission is not None:
        permission(action)


def _real(path: Path) -> Path:
    try:
        return path.expanduser().resolve(strict=False)
    except (OSError, RuntimeError):
        return path.expanduser().absolute()


def _inside(path: Path, folder: Path) -> bool:
    path, folder = _real(path), _real(folder)
    return path == folder or folder in path.parents


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def _sha256(path: Path, tick: Callable[[int], None] | None = None) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(CHUNK):
            h.update(chunk)
            if tick is not None:
                tick(len(chunk))
    return h.hexdigest()


def _checksum(manifest: dict[str, Any]) -> str:
    body = {k: v for k, v in manifest.items() if k != "checksum"}
    return hashlib.sha256(json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
                          .encode("utf-8")).hexdigest()


class _Meter:
    """Counts bytes towards ``total`` and asks ``progress`` whether to go on."""

    def __init__(self, progress: Progress | None, total: int) -> None:
        self.progress, self.total, self.done = progress, max(total, 1), 0

    def tick(self, n: int) -> None:
        self.done += n
        if self.progress is not None and not self.progress(min(self.done, self.total), self.total):
            raise Cancelled("cancelled; nothing was changed", reason="backup.cancelled")


def _engine_error(url: str) -> StoreError:
    engine = url.split(":", 1)[0].split("+", 1)[0]
    return StoreError(f"backup and restore of a {engine} store are not supported yet; use pg_dump and copy the "
                      "files folder ($QCY_FILES)", field="db", reason="backup.engine", params={"engine": engine})


# ---------------------------------------------------------------------------------------------- backup


def backup_store(store: Store, to: str | os.PathLike[str], *, progress: Progress | None = None,
                 permission: PermissionCheck | None = None) -> BackupResult:
    """Back ``store`` up into a new folder under ``to`` (created if missing); see the module's docstring."""
    _check_permission(permission, "store.backup")
    if not store.is_sqlite or store.path is None:
        raise _engine_error(store.url)
    target = _backup_target(store, to)
    folder = _new_folder(target)
    partial = target / f".{folder.name}.partial"
    try:
        partial.mkdir()
    except OSError as exc:
        raise _unwritable(str(target), exc) from None
    try:
        manifest = _write_backup(store, partial, progress)
        os.replace(partial, folder)
    except BaseException as exc:
        shutil.rmtree(partial, ignore_errors=True)
        if isinstance(exc, OSError):
            raise _unwritable(str(target), exc) from None
        raise
    return BackupResult(folder=str(folder), created_at=manifest["created_at"], files=len(manifest["files"]),
                        size=manifest["total_size"], schema_revisions=manifest["schema_revisions"])


def _backup_target(store: Store, to: str | os.PathLike[str]) -> Path:
    raw = os.fspath(to)
    if not raw.strip() or "\x00" in raw:
        raise ValidationError("is not a folder name", field="to", value=raw, reason="backup.target_not_folder",
                              params={"path": raw})
    target = Path(raw).expanduser().absolute()
    if _inside(target, store.files_dir) or (store.path is not None and _real(target) == _real(store.path)):
        raise ValidationError("a backup must not be written inside the store's files folder; choose a folder "
                              "elsewhere (another disk is best)", field="to", value=raw,
                              reason="backup.inside_store", params={"path": raw, "files": str(store.files_dir)})
    if target.exists() and not target.is_dir():
        raise ValidationError("is a file, not a folder", field="to", value=raw, reason="backup.target_not_folder",
                              params={"path": raw})
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _unwritable(raw, exc) from None
    return target


def _unwritable(path: str, exc: OSError) -> ValidationError:
    detail = exc.strerror or str(exc)
    return ValidationError(f"cannot be written ({detail})", field="to", value=path, reason="backup.unwritable",
                           params={"path": path, "detail": detail})


def _new_folder(target: Path) -> Path:
    base = FOLDER_PREFIX + _stamp()
    folder, n = target / base, 1
    while folder.exists() or (target / f".{folder.name}.partial").exists():
        n += 1
        folder = target / f"{base}-{n}"
    return folder


def _store_files(files_dir: Path) -> list[tuple[Path, str]]:
    """(file, path in the backup) of every finished evidence file and issued document, sorted."""
    out: list[tuple[Path, str]] = []
    for sub in COPIED_FOLDERS:
        root = files_dir / sub
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*")):
            name = path.name
            if name.startswith(".") or name.endswith(".part") or path.is_symlink() or not path.is_file():
                continue  # partial files of running adds, hidden files
            out.append((path, f"{FILES}/{path.relative_to(files_dir).as_posix()}"))
    return out


def _files_size(files: list[tuple[Path, str]]) -> int:
    size = 0
    for path, _rel in files:
        with contextlib.suppress(OSError):
            size += path.stat().st_size
    return size


def _write_backup(store: Store, folder: Path, progress: Progress | None) -> dict[str, Any]:
    assert store.path is not None
    created = datetime.now(UTC).replace(microsecond=0)
    src = sqlite3.connect(store.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    dst = sqlite3.connect(folder / DATABASE, isolation_level=None)
    try:
        src.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        # One read transaction pins the snapshot: other processes' writes go on and do not restart the copy.
        src.execute("BEGIN")
        page_size = src.execute("PRAGMA page_size").fetchone()[0]
        pages = src.execute("PRAGMA page_count").fetchone()[0]
        revisions = _revisions(src)
        meter = _Meter(progress, pages * page_size + _files_size(_store_files(store.files_dir)))  # an estimate
        copied = [0]

        def step(_status: int, remaining: int, total: int) -> None:
            done = (total - remaining) * page_size
            meter.tick(done - copied[0])
            copied[0] = done

        src.backup(dst, pages=DB_STEP_PAGES, progress=step)
        src.execute("COMMIT")
        dst.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, no -wal beside it
        audit_head = _audit_head(dst)
    finally:
        dst.close()
        src.close()
    # Listed only now, after the snapshot: a file is in place before its row commits, so every file the
    # copied database refers to is in this list (files added since are copied too, harmlessly).
    files = _store_files(store.files_dir)
    meter.total = max(meter.done + _files_size(files), 1)
    db_file = folder / DATABASE
    entries = [{"path": DATABASE, "size": db_file.stat().st_size, "sha256": _sha256(db_file)}]
    for path, rel in files:
        dest = folder / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        h, size = hashlib.sha256(), 0
        try:
            with path.open("rb") as fh, dest.open("wb") as out:
                while chunk := fh.read(CHUNK):
                    h.update(chunk)
                    out.write(chunk)
                    size += len(chunk)
                    meter.tick(len(chunk))
        except FileNotFoundError:  # a failed add removed its file meanwhile: no row of the snapshot needs it
            with contextlib.suppress(FileNotFoundError):
                dest.unlink()
            continue
        entries.append({"path": rel, "size": size, "sha256": h.hexdigest()})
    manifest: dict[str, Any] = {
        "format": FORMAT, "format_version": FORMAT_VERSION, "created_at": created.isoformat(),
        "app_version": __version__, "schema_revisions": revisions,
        "source": {"store": str(store.path), "files": str(store.files_dir)},
        "database": DATABASE, "total_size": sum(e["size"] for e in entries), "files": entries,
        "audit_head": audit_head,
    }
    manifest["checksum"] = _checksum(manifest)
    with (folder / MANIFEST).open("w", encoding="utf-8") as fh:
        json.dump(manifest, fh, ensure_ascii=False, indent=1)
        fh.flush()
        os.fsync(fh.fileno())
    return manifest


def _revisions(conn: sqlite3.Connection) -> list[str]:
    try:
        return sorted(r[0] for r in conn.execute("SELECT version_num FROM alembic_version"))
    except sqlite3.OperationalError:  # a store never migrated
        return []


# ---------------------------------------------------------------------------------------------- verify


def read_manifest(folder: str | os.PathLike[str]) -> dict[str, Any]:
    """The manifest of the backup in ``folder`` (or the manifest file itself), checked for its form and its
    checksum but not yet against the files (``verify_backup`` does that)."""
    base = Path(os.fspath(folder)).expanduser().absolute()
    if base.is_file() and base.name == MANIFEST:
        base = base.parent
    path = base / MANIFEST
    if not path.is_file():
        raise ValidationError(f"{base} is not a backup folder: it has no manifest.json", field="from", value=str(base),
                              reason="backup.no_manifest", params={"path": str(base)})
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise IntegrityError(f"the backup's manifest cannot be read ({exc})", field="from", value=str(path),
                             reason="backup.manifest_unreadable", params={"path": str(path)}) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT or not isinstance(manifest.get("files"), list):
        raise IntegrityError("the backup's manifest is not a QCY Workstation backup manifest", field="from",
                             value=str(path), reason="backup.manifest_unreadable", params={"path": str(path)})
    if manifest.get("format_version") != FORMAT_VERSION:
        raise IntegrityError("the backup was made in a format this version does not read", field="from",
                             value=str(path), reason="backup.newer_format",
                             params={"path": str(path), "version": str(manifest.get("format_version"))})
    if manifest.get("checksum") != _checksum(manifest):
        raise IntegrityError(f"the backup's manifest {path} was changed after the backup was made; nothing was "
                             "changed", field="from",
                             value=str(path), reason="backup.manifest_tampered", params={"path": str(path)})
    manifest["_folder"] = str(base)
    return manifest


_SAFE_REL = re.compile(r"^(store\.sqlite|files/(evidence|documents)/[^/\\]+(/[^/\\]+)*)$")


def verify_backup(folder: str | os.PathLike[str], *, progress: Progress | None = None,
                  _meter: _Meter | None = None) -> dict[str, Any]:
    """Check the backup in ``folder`` completely: its manifest, every file's size and SHA-256, the database's
    integrity and a schema revision this version knows. Returns the manifest; raises ``IntegrityError``
    naming the first bad file."""
    manifest = read_manifest(folder)
    base = Path(manifest["_folder"])
    entries = manifest["files"]
    bad_form = [e for e in entries if not isinstance(e, dict) or not isinstance(e.get("path"), str)
                or not _SAFE_REL.match(e["path"]) or ".." in e["path"].split("/")
                or not isinstance(e.get("size"), int) or not isinstance(e.get("sha256"), str)]
    if bad_form or not entries or entries[0].get("path") != DATABASE:
        raise IntegrityError("the backup's manifest lists a file it cannot hold", field="from",
                             value=str(base / MANIFEST), reason="backup.manifest_tampered",
                             params={"path": str(base / MANIFEST)})
    meter = _meter or _Meter(progress, sum(e["size"] for e in entries))
    for entry in entries:
        path = base / entry["path"]
        if not path.is_file():
            raise IntegrityError(f"a file of the backup is missing: {entry['path']} (in {base}); nothing was changed",
                                 field="from", value=str(path),
                                 reason="backup.file_missing", params={"path": entry["path"], "folder": str(base)})
        size = path.stat().st_size
        if size != entry["size"] or _sha256(path, meter.tick) != entry["sha256"]:
            raise IntegrityError(f"a file of the backup is damaged: {entry['path']} differs from the manifest (size or "
                                 "SHA-256); nothing was changed",
                                 field="from", value=str(path), reason="backup.file_damaged",
                                 params={"path": entry["path"], "folder": str(base)})
    problems = _database_problems(base / DATABASE)
    if problems:
        raise IntegrityError(f"the backup's database {DATABASE} is damaged ({problems[0]}); nothing was changed",
                             field="from",
                             value=str(base / DATABASE), reason="backup.database_damaged",
                             params={"path": DATABASE, "detail": problems[0]})
    unknown = sorted(set(manifest.get("schema_revisions") or []) - known_revisions())
    if unknown:
        raise IntegrityError("the backup was made by a newer version of QCY Workstation; update it first",
                             field="from", value=str(base), reason="backup.newer_schema",
                             params={"revisions": ", ".join(unknown), "app_version": manifest.get("app_version", "")})
    return manifest


def _audit_head(conn: sqlite3.Connection) -> dict[str, Any] | None:
    """The audit chain's head in the copied database (events, last id and hash): kept in the manifest, a
    record of the chain outside the store that ``store check`` compares the live chain with (issue 12)."""
    try:
        row = conn.execute("SELECT count(*), max(id) FROM audit_events").fetchone()
        if not row or not row[1]:
            return None
        last_hash = conn.execute("SELECT hash FROM audit_events WHERE id = ?", (row[1],)).fetchone()[0]
    except sqlite3.Error:  # a store from before the audit trail
        return None
    return {"events": int(row[0]), "last_id": int(row[1]), "last_hash": str(last_hash)}


def _database_problems(path: Path) -> list[str]:
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
        try:
            rows = [str(r[0]) for r in conn.execute("PRAGMA integrity_check").fetchall()]
        finally:
            conn.close()
    except (sqlite3.Error, ValueError, OSError) as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows


_REVISION = re.compile(r'^revision\s*=\s*["\']([^"\']+)["\']', re.M)


def known_revisions() -> set[str]:
    """Every schema revision this version's migrations know (an older store's is among them)."""
    found = set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        match = _REVISION.search(path.read_text(encoding="utf-8"))
        if match:
            found.add(match.group(1))
    return found


# ---------------------------------------------------------------------------------------------- restore


def restore_store(folder: str | os.PathLike[str], db: str | os.PathLike[str] | None = None, *,
                  progress: Progress | None = None, permission: PermissionCheck | None = None) -> RestoreResult:
    """Restore the backup in ``folder`` into the store ``db`` (``--db``, ``$QCY_DB`` or the default file);
    see the module's docstring. Nothing is changed when the backup does not verify."""
    _check_permission(permission, "store.restore")
    url = resolve_db_url(db)
    if not url.startswith("sqlite:///"):
        raise _engine_error(url)
    target = Path(url.removeprefix("sqlite:///"))
    engine = create_store_engine(url)  # never connected: only to learn where the target's files folder is
    try:
        files_dir = Store(engine, url).files_dir
    finally:
        engine.dispose()
    manifest = read_manifest(folder)
    base = Path(manifest["_folder"])
    if _inside(target, base) or _inside(files_dir, base):
        raise ValidationError("the store to restore into lies inside the backup folder", field="db",
                              value=str(target), reason="backup.target_in_backup", params={"path": str(target)})
    if target.is_dir():
        raise ValidationError("is a folder, not a store file", field="db", value=str(target),
                              reason="backup.target_is_folder", params={"path": str(target)})
    entries = manifest["files"]
    meter = _Meter(progress, 2 * sum(e.get("size", 0) for e in entries if isinstance(e, dict)))
    verify_backup(base, _meter=meter)
    if progress is not None:  # verified: from here on the restore runs to its end (cancel means nothing changed)
        meter.progress = lambda done, total: progress(done, total) or True
    stamp = _stamp()
    copied, present, aside = _restore_files(base, entries[1:], files_dir, stamp, meter)
    previous = _restore_database(base / DATABASE, target, stamp)
    meter.tick(entries[0]["size"])
    return RestoreResult(store=str(target), backup=str(base), created_at=str(manifest.get("created_at", "")),
                         previous_copy=str(previous or ""), files_copied=copied, files_present=present,
                         files_set_aside=aside)


def _restore_files(base: Path, entries: list[dict[str, Any]], files_dir: Path, stamp: str,
                   meter: _Meter) -> tuple[int, int, list[str]]:
    """Copy the backup's files into ``files_dir``: content-addressed, so a file already there with the same
    content is kept; one that differs (damaged) is set aside beside itself, never deleted."""
    copied, present, aside = 0, 0, []
    for entry in entries:
        rel = entry["path"].removeprefix(f"{FILES}/")
        dest = files_dir / rel
        if dest.is_file() and dest.stat().st_size == entry["size"] and _sha256(dest) == entry["sha256"]:
            present += 1
            meter.tick(entry["size"])
            continue
        dest.parent.mkdir(parents=True, exist_ok=True)
        if dest.exists() or dest.is_symlink():
            kept = dest.with_name(f"{dest.name}.before-restore-{stamp}")
            os.replace(dest, kept)
            aside.append(str(kept))
        fd, tmp = tempfile.mkstemp(dir=dest.parent, prefix=".restore-", suffix=".part")
        try:
            with os.fdopen(fd, "wb") as out, (base / entry["path"]).open("rb") as fh:
                while chunk := fh.read(CHUNK):
                    out.write(chunk)
                    meter.tick(len(chunk))
                out.flush()
                os.fsync(out.fileno())
            os.chmod(tmp, 0o444)  # stored files are read-only, as evidence and documents place them
            os.replace(tmp, dest)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        copied += 1
    return copied, present, aside


def _restore_database(source: Path, target: Path, stamp: str) -> Path | None:
    """Put the backup's database in place of ``target``; returns where the previous store was kept."""
    target.parent.mkdir(parents=True, exist_ok=True)
    kept = target.with_name(f"{target.name}.before-restore-{stamp}.bak")
    if target.exists() and target.stat().st_size > 0 and not _database_problems_live(target):
        # A sound live store: keep a consistent copy, then write the backup into it through SQLite, so a
        # desk still connected sees the restored store as one commit instead of a file swapped under it.
        live = sqlite3.connect(target, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        try:
            copy = sqlite3.connect(kept, isolation_level=None)
            try:
                live.execute("BEGIN")
                live.execute("SELECT count(*) FROM sqlite_master").fetchone()
                live.backup(copy)
                live.execute("COMMIT")
                copy.execute("PRAGMA journal_mode = DELETE")
            finally:
                copy.close()
            src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
            try:
                src.backup(live)
            finally:
                src.close()
        finally:
            live.close()
        return kept
    previous = None
    if target.exists():
        # Damaged, empty or not a database: moved aside whole (with its -wal and -shm), never overwritten.
        os.replace(target, kept)
        previous = kept
        for suffix in ("-wal", "-shm", "-journal"):
            extra = target.with_name(target.name + suffix)
            if extra.exists():
                os.replace(extra, kept.with_name(kept.name + suffix))
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.restore-", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as out, source.open("rb") as fh:
            shutil.copyfileobj(fh, out, CHUNK)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return previous


def _database_problems_live(path: Path) -> list[str]:
    """Quick check of a live store (its WAL included); nothing is written."""
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)  # read-write: a WAL store read only may
        # refuse to open without its -shm, and would then be taken for damaged
        try:
            rows = [str(r[0]) for r in conn.execute("PRAGMA quick_check").fetchall()]
        finally:
            conn.close()
    except (sqlite3.Error, ValueError, OSError) as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows
