"""Evidence files: copied into a content-addressed folder beside the store, never modified, verified.

A file is stored once as ``<files_dir>/evidence/<sha[:2]>/<sha>`` (read-only), whatever its name; the
database row keeps the original name, size, source and date received. Verification re-hashes the files.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import stat
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from sqlalchemy import select

from qcy_workstation.cases import audit
from qcy_workstation.cases.dto import EvidenceProblem, EvidenceView
from qcy_workstation.cases.models import Case, Evidence
from qcy_workstation.db.base import china_today
from qcy_workstation.db.store import Store
from qcy_workstation.errors import IntegrityError, NotFoundError, QcyError, ValidationError

CHUNK = 1 << 20
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


def _view(e: Evidence, number: str) -> EvidenceView:
    return EvidenceView(e.id, number, e.sha256, e.original_name, e.size, e.source, e.description, e.received_on,
                        e.added_at, e.added_by)


class EvidenceService:
    def __init__(self, store: Store, actor: str = "staff") -> None:
        self.store = store
        self.actor = actor

    @property
    def root(self) -> Path:
        return self.store.files_dir / "evidence"

    def blob_path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def add(self, case_number: str, path: str | os.PathLike[str], *, source: str = "", description: str = "",
            received_on: date | None = None, progress: Progress | None = None) -> EvidenceView:
        """Hash and copy ``path`` into the store, then record it on the case (one transaction)."""
        src = Path(path)
        if not src.is_file():
            raise ValidationError("is not a readable file", field="file", value=str(src), reason="file.unreadable")
        if received_on and received_on > china_today():
            raise ValidationError("cannot be in the future", field="received_on", value=received_on,
                                  reason="date.future")
        with self.store.read() as s:
            if s.execute(select(Case.id).where(Case.number == case_number.strip().upper())).scalar() is None:
                raise NotFoundError(f"no case {case_number!r}", field="case", value=case_number, reason="case.not_found",
                                    params={"number": case_number})
        self.root.mkdir(parents=True, exist_ok=True)
        # Copy to a temporary file while hashing, then move into place: a crash leaves no half blob.
        fd, tmp_name = tempfile.mkstemp(dir=self.root, prefix=".incoming-")
        tmp = Path(tmp_name)
        h = hashlib.sha256()
        total, done = src.stat().st_size, 0
        try:
            with os.fdopen(fd, "wb") as out, src.open("rb") as fh:
                while chunk := fh.read(CHUNK):
                    h.update(chunk)
                    out.write(chunk)
                    done += len(chunk)
                    if progress is not None and not progress(done, total):
                        raise Cancelled("adding the file was cancelled; nothing was stored")
                out.flush()
                os.fsync(out.fileno())
            digest = h.hexdigest()
            dest = self.blob_path(digest)
            dest.parent.mkdir(parents=True, exist_ok=True)
            if dest.exists():
                tmp.unlink()
            else:
                os.replace(tmp, dest)
                dest.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
            raise
        with self.store.write() as s:
            case = s.execute(select(Case).where(Case.number == case_number.strip().upper())).scalar_one()
            dup = s.execute(select(Evidence).where(Evidence.case_id == case.id, Evidence.sha256 == digest)).scalar()
            if dup is not None:
                raise ValidationError(f"the same file is already attached as {dup.original_name!r}", field="file",
                                      reason="evidence.duplicate", params={"name": dup.original_name},
                                      value=str(src))
            row = Evidence(case_id=case.id, sha256=digest, original_name=src.name, size=done, source=source.strip(),
                           description=description.strip(), received_on=received_on or china_today(),
                           added_by=self.actor)
            s.add(row)
            s.flush()
            audit.record(s, actor=self.actor, action="add", entity="evidence", entity_id=row.id, case_id=case.id,
                         details={"name": row.original_name, "sha256": digest, "size": done, "source": row.source})
            return _view(row, case.number)

    def list(self, case_number: str) -> list[EvidenceView]:
        with self.store.read() as s:
            case = s.execute(select(Case).where(Case.number == case_number.strip().upper())).scalar()
            if case is None:
                raise NotFoundError(f"no case {case_number!r}", field="case", value=case_number, reason="case.not_found",
                                    params={"number": case_number})
            rows = s.execute(select(Evidence).where(Evidence.case_id == case.id).order_by(Evidence.id)).scalars()
            return [_view(e, case.number) for e in rows]

    def verify(self, case_number: str | None = None, progress: Progress | None = None) -> list[EvidenceProblem]:
        """Re-hash stored files (of one case or all); returns what is missing or modified."""
        q = select(Evidence, Case.number).join(Case, Evidence.case_id == Case.id).order_by(Evidence.id)
        if case_number:
            q = q.where(Case.number == case_number.strip().upper())
        with self.store.read() as s:
            rows = [(e.id, number, e.original_name, e.sha256) for e, number in s.execute(q)]
        problems = []
        for i, (eid, number, name, digest) in enumerate(rows):
            blob = self.blob_path(digest)
            if not blob.is_file():
                problems.append(EvidenceProblem(eid, number, name, "missing"))
            elif sha256_file(blob) != digest:
                problems.append(EvidenceProblem(eid, number, name, "modified"))
            if progress is not None and not progress(i + 1, len(rows)):
                raise Cancelled("verification was cancelled")
        return problems

    def open_path(self, evidence_id: int) -> Path:
        """The stored file, after checking its hash (never hand out a changed file as evidence)."""
        with self.store.read() as s:
            row = s.get(Evidence, evidence_id)
            if row is None:
                raise NotFoundError(f"no evidence {evidence_id}", field="evidence", value=evidence_id)
            digest, name = row.sha256, row.original_name
        blob = self.blob_path(digest)
        if not blob.is_file():
            raise IntegrityError(f"the stored file for {name!r} is missing", field="evidence", value=evidence_id,
                                 reason="evidence.missing", params={"name": name})
        if sha256_file(blob) != digest:
            raise IntegrityError(f"the stored file for {name!r} was modified", field="evidence", value=evidence_id,
                                 reason="evidence.modified", params={"name": name})
        return blob

    def export_copy(self, evidence_id: int, dest_dir: str | os.PathLike[str]) -> Path:
        """A verified copy under its original name, for opening in another program."""
        blob = self.open_path(evidence_id)
        with self.store.read() as s:
            name = s.get(Evidence, evidence_id).original_name  # type: ignore[union-attr]
        target = Path(dest_dir) / name
        shutil.copyfile(blob, target)
        return target
