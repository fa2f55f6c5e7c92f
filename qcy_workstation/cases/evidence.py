"""Evidence files: copied into a content-addressed folder beside the store, never modified, verified.

A file is stored once as ``<files_dir>/evidence/<sha[:2]>/<sha>`` (read-only), whatever its name; the
database row keeps the original name, size, source and date received. Verification re-hashes the files.
A confidential case's files on a store with accounts are sealed instead, as ``<sha>.enc`` (AES-256-GCM with
the file's own key, wrapped under the key of each confidential case using it; ``db/sealed.py``,
``cases/sealing.py``): the address stays the plaintext's SHA-256, and opening or exporting one decrypts and
re-hashes it.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import stat
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from sqlalchemy import select

from qcy_workstation import limits
from qcy_workstation.accounts.permissions import require
from qcy_workstation.accounts.principal import Acting, Principal
from qcy_workstation.cases import audit, sealing
from qcy_workstation.cases.access import check_visible
from qcy_workstation.cases.dto import EvidenceProblem, EvidenceView
from qcy_workstation.cases.models import Case, Evidence
from qcy_workstation.cases.settings import earliest_date, load_settings
from qcy_workstation.cases.validation import check_date_range, validate_line, validate_required, validate_text
from qcy_workstation.db.base import china_today
from qcy_workstation.db.sealed import BlobArea, content_hasher, seal
from qcy_workstation.db.store import Store
from qcy_workstation.errors import IntegrityError, NotFoundError, QcyError, ValidationError
from qcy_workstation.outputs import check_output_path

CHUNK = 1 << 20
INCOMING_PREFIX = ".incoming-"  # partial copies of a running add (tempfile prefix)
Progress = Callable[[int, int], bool]  # (done bytes, total bytes) -> keep going?


class Cancelled(QcyError):
    code = "cancelled"


def sha256_file(path: Path, progress: Progress | None = None) -> str:
    total = path.stat().st_size
    h = hashlib.sha256()
    done = 0
    with path.open("rb") as fh:
        while chunk := fh.read(CHUNK):
            h.update(chunk)
            done += len(chunk)
            if progress is not None and not progress(done, total):
                raise Cancelled("hashing was cancelled; nothing was stored")
    return h.hexdigest()


def _view(e: Evidence, number: str, encrypted: bool = False) -> EvidenceView:
    return EvidenceView(e.id, number, e.sha256, e.original_name, e.size, e.source, e.description, e.received_on,
                        e.added_at, e.added_by, encrypted)


class EvidenceService(Acting):
    """Evidence files of cases: added by those who work the case, seen only where the case may be seen;
    opening and exporting a file are audit events (issue 14 item 4)."""

    def __init__(self, store: Store, actor: Principal | str = "staff") -> None:
        super().__init__(store, actor)

    @property
    def root(self) -> Path:
        return self.store.files_dir / "evidence"

    def blob_path(self, sha256: str) -> Path:
        """Where the plain file of ``sha256`` is (a sealed one is ``sealed_path``)."""
        return self.root / sha256[:2] / sha256

    @property
    def area(self) -> BlobArea:
        return sealing.area(self.store, sealing.EVIDENCE)

    def sealed_path(self, sha256: str) -> Path:
        return self.area.sealed_path(sha256)

    def _held_key(self) -> bytes | None:
        """The data key of the acting principal, if it holds one (checks that need no key still work)."""
        ring = getattr(self.who, "keys", None)
        return bytes(ring.data_key) if ring is not None else None

    def add(self, case_number: str, path: str | os.PathLike[str], *, source: str = "", description: str = "",
            received_on: date | None = None, progress: Progress | None = None) -> EvidenceView:
        """Hash and copy ``path`` into the store, then record it on the case (one transaction)."""
        src = Path(path)
        if not src.is_file():
            raise ValidationError("is not a readable file", field="file", value=ascii(str(src)),
                                  reason="file.unreadable")
        # Everything is checked before a byte is copied: a name that is not UTF-8 once failed in the
        # database driver after the file had been stored, leaving a blob no row refers to.
        name = validate_required(src.name, "file", limits.MAX_FILE_NAME)
        source = validate_line(source, "source", 200)
        description = validate_text(description, "description")
        if received_on:
            check_date_range(received_on, "received_on", today=china_today())
        with self.store.read() as s:
            case = s.execute(select(Case).where(Case.number == case_number.strip().upper())).scalar()
            if case is None:
                raise NotFoundError(f"no case {case_number!r}", field="case", value=case_number, reason="case.not_found",
                                    params={"number": case_number})
            check_visible(s, self.principal, case)
            require(self.principal, "evidence.add", case_staff=case.staff)
            check_date_range(received_on or china_today(), "received_on", earliest=earliest_date(load_settings(s)))
            sealed_case = (case.id, case.number) if sealing.seals(self.store, case) else None
        # before a byte is copied: the case's key (made now for a confidential case that has none yet)
        plan = sealing.plan_sealing(self.store, self.principal, *sealed_case) if sealed_case is not None else None
        key = plan.file_key() if plan is not None else None  # this file's own key
        content = content_hasher()  # the plaintext in hand: opens the file key if the content is sealed already
        self.root.mkdir(parents=True, exist_ok=True)
        # Copy to a temporary file while hashing; a crash leaves no half blob (and a killed run's
        # ``.incoming-*`` file is found and removed by ``store check``: ``partial_files``).
        fd, tmp_name = tempfile.mkstemp(dir=self.root, prefix=INCOMING_PREFIX)
        tmp = Path(tmp_name)
        h = hashlib.sha256()
        total, done = src.stat().st_size, 0
        created = False
        cipher: tuple[str, int] | None = None

        def seen(chunk: bytes) -> None:
            nonlocal done
            h.update(chunk)
            if key is not None:
                content.update(chunk)
            if key is not None:
                content.update(chunk)
            done += len(chunk)
            if progress is not None and not progress(done, total):
                raise Cancelled("adding the file was cancelled; nothing was stored")

        try:
            with os.fdopen(fd, "wb") as out, src.open("rb") as fh:
                if key is not None:  # sealed while copying: the plaintext never lands in the store
                    cipher = seal(fh, out, key, on_plain=seen)
                while key is None and (chunk := fh.read(CHUNK)):
                    out.write(chunk)
                    seen(chunk)
                out.flush()
                os.fsync(out.fileno())
            digest = h.hexdigest()
            # The blob is moved into place inside the write transaction and removed again if that
            # transaction fails, so a failed add stores nothing. On SQLite writers queue (BEGIN IMMEDIATE),
            # so no other add can start to rely on the blob meanwhile; on PostgreSQL a second desk adding
            # the very same file in the same instant could, and ``store check`` would report it missing.
            with self.store.write() as s:
                case = s.execute(select(Case).where(Case.number == case_number.strip().upper())).scalar_one()
                dup = s.execute(select(Evidence).where(Evidence.case_id == case.id,
                                                       Evidence.sha256 == digest)).scalar()
                if dup is not None:
                    raise ValidationError(f"the same file is already attached as {dup.original_name!r}",
                                          field="file", reason="evidence.duplicate",
                                          params={"name": dup.original_name}, value=name)
                if plan is not None and key is not None and cipher is not None:
                    created = self.area.place_sealed(tmp, digest)
                    if created:
                        self.area.record(s, digest, cipher[0], cipher[1], key)
                    sealing.wrap_sealed(s, self.area, plan, digest, created=created, file_key=key,
                                        content_secret=bytes(content.digest()), principal=self.principal)
                else:
                    created = self._place(tmp, digest)
                row = Evidence(case_id=case.id, sha256=digest, original_name=name, size=done, source=source,
                               description=description, received_on=received_on or china_today(),
                               added_by=self.actor)
                s.add(row)
                s.flush()
                audit.record(s, actor=self.actor, action="add", entity="evidence", entity_id=row.id,
                             case_id=case.id,
                             details={"name": row.original_name, "sha256": digest, "size": done, "source": source})
                view = _view(row, case.number, key is not None)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
            if created:
                self._discard(digest, sealed=key is not None)
            raise
        return view

    def _place(self, tmp: Path, digest: str) -> bool:
        """Move the hashed copy to its content address; False when that file is already there."""
        dest = self.blob_path(digest)
        dest.parent.mkdir(parents=True, exist_ok=True)
        if dest.exists():
            tmp.unlink()
            return False
        os.replace(tmp, dest)
        dest.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
        return True

    def _discard(self, digest: str, *, sealed: bool = False) -> None:
        """Remove a blob this add created when its transaction failed (read-only: writable first, for Windows)."""
        self.area.remove(self.sealed_path(digest) if sealed else self.blob_path(digest))

    def list(self, case_number: str) -> list[EvidenceView]:
        with self.store.read() as s:
            case = s.execute(select(Case).where(Case.number == case_number.strip().upper())).scalar()
            if case is None:
                raise NotFoundError(f"no case {case_number!r}", field="case", value=case_number, reason="case.not_found",
                                    params={"number": case_number})
            check_visible(s, self.principal, case)
            rows = s.execute(select(Evidence).where(Evidence.case_id == case.id).order_by(Evidence.id)).scalars()
            return [_view(e, case.number, self.area.has_sealed(e.sha256)) for e in rows]

    def verify(self, case_number: str | None = None, progress: Progress | None = None) -> list[EvidenceProblem]:
        """Re-hash stored files (of one case or all); returns what is missing or modified. A sealed file is
        decrypted and re-hashed when the principal holds the key, else its ciphertext is re-hashed against
        the hash recorded when it was sealed (``db/sealed.py``)."""
        q = select(Evidence, Case.number).join(Case, Evidence.case_id == Case.id).order_by(Evidence.id)
        if case_number:
            q = q.where(Case.number == case_number.strip().upper())
        with self.store.read() as s:
            rows = [(e.id, number, e.original_name, e.sha256) for e, number in s.execute(q)]
        problems = []
        key = self._held_key()
        for i, (eid, number, name, digest) in enumerate(rows):
            blob = self.blob_path(digest)
            if blob.is_file():
                if sha256_file(blob) != digest:
                    problems.append(EvidenceProblem(eid, number, name, "modified"))
            elif self.area.has_sealed(digest):
                if self.area.check_sealed(self.store, digest, key) != "ok":
                    problems.append(EvidenceProblem(eid, number, name, "modified"))
            else:
                problems.append(EvidenceProblem(eid, number, name, "missing"))
            if progress is not None and not progress(i + 1, len(rows)):
                raise Cancelled("verification was cancelled")
        return problems

    def open_path(self, evidence_id: int, *, action: str = "open") -> Path:
        """The stored file, after checking its hash (never hand out a changed file as evidence). Opening it
        is an audit event (``action``: ``open`` or ``export``) of the case. A sealed file is decrypted into a
        new private temporary folder (owner only) and that copy is returned: the caller removes it."""
        digest, name, sealed = self._checked(evidence_id, action)
        if not sealed:
            return self.blob_path(digest)
        key = self._opening_key(evidence_id, digest)
        folder = Path(tempfile.mkdtemp(prefix="qcy-evidence-"))
        target = folder / safe_file_name(name, fallback=f"evidence-{evidence_id}")
        try:
            self.area.decrypt_to(digest, target, key, name=name)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        return target

    def _checked(self, evidence_id: int, action: str) -> tuple[str, str, bool]:
        """(address, original name, sealed) of an evidence file the principal may open, audited; a plain
        file is re-hashed here, a sealed one when it is decrypted (the key is checked here)."""
        with self.store.write() as s:
            row = s.get(Evidence, evidence_id)
            if row is None:
                raise NotFoundError(f"no evidence {evidence_id}", field="evidence", value=evidence_id)
            case = s.get(Case, row.case_id)
            assert case is not None
            check_visible(s, self.principal, case)
            digest, name = row.sha256, row.original_name
            audit.record(s, actor=self.actor, action=action, entity="evidence", entity_id=evidence_id,
                         case_id=case.id, details={"name": name, "sha256": digest})
        blob = self.blob_path(digest)
        if not blob.is_file():
            if self.area.has_sealed(digest):
                self._opening_key(evidence_id, digest)  # checked before anything is written
                return digest, name, True
            raise IntegrityError(f"the stored file for {name!r} is missing", field="evidence", value=evidence_id,
                                 reason="evidence.missing", params={"name": name})
        if sha256_file(blob) != digest:
            raise IntegrityError(f"the stored file for {name!r} was modified", field="evidence", value=evidence_id,
                                 reason="evidence.modified", params={"name": name})
        return digest, name, False

    def _opening_key(self, evidence_id: int, digest: str) -> bytes:
        """The key that opens this sealed evidence file for the principal (``sealing.key_for_opening``)."""
        with self.store.read() as s:
            row = s.get(Evidence, evidence_id)
            case = s.get(Case, row.case_id) if row is not None else None
            if case is None:
                raise NotFoundError(f"no evidence {evidence_id}", field="evidence", value=evidence_id)
            case_id, number = case.id, case.number
        return sealing.key_for_opening(self.store, self.principal, case_id, number, self.area, digest)

    def export_copy(self, evidence_id: int, dest_dir: str | os.PathLike[str]) -> Path:
        """A verified copy in ``dest_dir`` under a safe form of its original name, for opening elsewhere.

        The stored name is whatever the file was called on the desk that added it: on Linux
        ``..\\..\\..\\evil.bat`` is one valid name, which a Windows desk would have written three folders
        above the chosen one. ``safe_file_name`` keeps only a base name that stays in ``dest_dir``."""
        digest, name, sealed = self._checked(evidence_id, "export")
        blob = self.blob_path(digest)
        folder = Path(dest_dir)
        if not folder.is_dir():
            raise ValidationError("is not a folder", field="folder", value=ascii(str(dest_dir)),
                                  reason="file.unreadable")
        target = check_output_path(folder / safe_file_name(name, fallback=f"evidence-{evidence_id}"),
                                   field="folder")
        fd, tmp = tempfile.mkstemp(prefix=".export-", suffix=".part", dir=folder)
        try:
            if sealed:
                os.close(fd)
                self.area.decrypt_to(digest, Path(tmp), self._opening_key(evidence_id, digest), name=name)
            else:
                with os.fdopen(fd, "wb") as out, blob.open("rb") as fh:
                    shutil.copyfileobj(fh, out, CHUNK)
            os.replace(tmp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        return target


#: Device names Windows reserves in every folder, with or without an extension (``NUL.txt`` too).
WINDOWS_RESERVED = frozenset({"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
                             | {f"{dev}{n}" for dev in ("COM", "LPT") for n in "123456789\u00b9\u00b2\u00b3"})
_WINDOWS_FORBIDDEN = re.compile(r'[<>:"|?*\x00-\x1f\x7f-\x9f\ud800-\udfff]')
MAX_EXPORT_NAME = 200  # characters; NTFS and ext4 allow 255 (UTF-16 units / bytes), leave room


def safe_file_name(name: str, *, fallback: str) -> str:
    """A base name that cannot leave the folder it is written to, on Windows or POSIX.

    Both ``/`` and ``\\`` are separators (only the last part is kept), a drive (``C:``) and an alternate
    stream (``:$DATA``) go with the colons, control characters and undecodable bytes become ``_``, trailing
    dots and spaces (Windows drops them) and leading dots (``..``) are removed, and a reserved device name
    (``CON``, ``NUL.txt``, ``COM1``) gets a ``_`` in front. ``fallback`` is used when nothing is left."""
    parts = [p for p in re.split(r"[\\/]+", name) if p.strip(" .")]
    base = parts[-1] if parts else ""
    base = re.sub(r"^[A-Za-z]:", "", base)
    base = _WINDOWS_FORBIDDEN.sub("_", base)
    base = "".join("_" if c in limits.BIDI_CONTROLS or c in limits.LINE_SEPARATORS else c for c in base)
    base = base.strip(" .")
    if not base or set(base) == {"_"}:
        base = fallback
    stem, dot, ext = base.partition(".")
    if stem.rstrip(" ").upper() in WINDOWS_RESERVED:
        base = "_" + base
    if len(base) > MAX_EXPORT_NAME:
        suffix = Path(base).suffix if len(Path(base).suffix) <= 20 else ""
        base = base[: MAX_EXPORT_NAME - len(suffix)].rstrip(" .") + suffix
    return base
