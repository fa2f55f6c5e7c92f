"""Every file the workstation exports (documents, memos, reports, workbooks) is written through here.

Why: an ``--out`` or a save dialog pointed at the wrong file once turned the live store into a PDF. So an
output is refused when it would land on a store (any open store's file, its ``-wal``/``-shm``/``-journal``,
its files folder or a backup beside it, or any file that is an SQLite database), on an existing folder, or
on a path that cannot be written; and it is written to a temporary file in the same folder and moved into
place only when complete, so a failure leaves neither a half-written file nor a ``.part`` behind.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import threading
from pathlib import Path

from qcy_workstation.errors import ValidationError

SQLITE_HEADER = b"SQLite format 3\x00"
_STORE_SUFFIXES = ("", "-wal", "-shm", "-journal")

_lock = threading.Lock()
_protected_files: set[Path] = set()
_protected_dirs: set[Path] = set()


def _real(path: Path) -> Path:
    try:
        return path.expanduser().resolve(strict=False)
    except (OSError, RuntimeError):  # a loop of links, an unreadable parent
        return path.expanduser().absolute()


def protect_store(db_path: Path | None, files_dir: Path | None) -> None:
    """Remember an open store's file and folders: no output may be written over them (``Store`` calls this)."""
    with _lock:
        if db_path is not None:
            base = _real(db_path)
            for suffix in _STORE_SUFFIXES:
                _protected_files.add(base.with_name(base.name + suffix))
        if files_dir is not None:
            _protected_dirs.add(_real(files_dir))


def _is_store_file(path: Path) -> bool:
    with contextlib.suppress(OSError), path.open("rb") as fh:
        return fh.read(16) == SQLITE_HEADER
    return False


def check_output_path(path: str | os.PathLike[str], *, field: str = "out") -> Path:
    """The path an output may be written to, or a ValidationError naming ``field`` (nothing is written)."""
    raw = os.fspath(path)
    if not raw or "\x00" in raw:
        raise ValidationError("is not a file name", field=field, value=raw, reason="out.name")
    try:
        raw.encode("utf-8")
    except UnicodeEncodeError:  # undecodable bytes from the command line (surrogate escapes)
        raise ValidationError("is not a valid file name (invalid characters)", field=field, value=repr(raw),
                              reason="out.name") from None
    target = Path(raw)
    real = _real(target)
    if target.is_dir():
        raise ValidationError("is a folder; give a file name", field=field, value=raw, reason="out.is_folder")
    with _lock:
        protected = real in _protected_files or any(real == d or d in real.parents for d in _protected_dirs)
    if protected or _is_store_file(real):  # a backup (``.bak``) is an SQLite file too
        raise ValidationError("would overwrite the case store or its files; choose another file", field=field,
                              value=raw, reason="out.store")
    return target


def write_output(data: bytes, path: str | os.PathLike[str], *, field: str = "out") -> Path:
    """Write ``data`` to ``path`` atomically (temporary file in the same folder, then a rename)."""
    target = check_output_path(path, field=field)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as exc:
        raise ValidationError(f"cannot be written ({exc.strerror or exc})", field=field, value=str(path),
                              reason="out.unwritable", params={"detail": exc.strerror or str(exc)}) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        check_output_path(target, field=field)  # the target may have become a folder meanwhile
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise ValidationError(f"cannot be written ({exc.strerror or exc})", field=field, value=str(path),
                              reason="out.unwritable", params={"detail": exc.strerror or str(exc)}) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return target
