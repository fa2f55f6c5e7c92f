"""What killed or failed runs leave in the store's files folder, found (and the stale part removed) by
``store check``.

Why: an ``evidence add`` killed while copying leaves its ``.incoming-*`` temporary file, an issued document
killed while being stored leaves a ``*.part``; nothing cleaned or reported them, so a desk's disk filled
with copies of evidence nobody could see. A partial file younger than ``limits.STALE_PARTIAL_SECONDS`` may
belong to an add still running on another desk and is only listed. Evidence files that no row refers to
(a run killed between storing the file and committing its row, or a store restored from an older backup)
are listed and kept: they may be the only copy of something a restored store no longer knows about.
"""

from __future__ import annotations

import contextlib
import re
import stat
import time
from pathlib import Path

from sqlalchemy import select

from qcy_workstation import limits
from qcy_workstation.cases.dto import Leftover
from qcy_workstation.cases.evidence import INCOMING_PREFIX, EvidenceService
from qcy_workstation.cases.models import Evidence
from qcy_workstation.db.sealed import PART_PREFIX
from qcy_workstation.db.store import Store

_BLOB_NAME = re.compile(r"([0-9a-f]{64})(\.enc)?")  # plain or sealed (issue 14 item 5)


def partial_files(files_dir: Path, *, remove_stale: bool = True, now: float | None = None,
                  max_age: float = limits.STALE_PARTIAL_SECONDS) -> list[Leftover]:
    """Every partial file under ``files_dir`` (evidence ``.incoming-*``, documents ``*.part``), oldest first;
    those older than ``max_age`` seconds are removed when ``remove_stale`` (``removed`` says which)."""
    now = time.time() if now is None else now
    found: list[tuple[float, Path, int]] = []
    candidates = list((files_dir / "evidence").glob(INCOMING_PREFIX + "*"))
    candidates += list((files_dir / "evidence").glob(f"*/{PART_PREFIX}*"))  # a seal or unseal of a re-marked case
    candidates += list((files_dir / "documents").glob("*/*.part"))
    for path in candidates:
        try:
            info = path.lstat()
        except FileNotFoundError:  # finished (or cleaned by another desk) meanwhile
            continue
        if stat.S_ISREG(info.st_mode):
            found.append((info.st_mtime, path, info.st_size))
    out: list[Leftover] = []
    for mtime, path, size in sorted(found):
        age = max(0.0, now - mtime)
        removed = False
        if remove_stale and age > max_age:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
            removed = not path.exists()
        out.append(Leftover(path=str(path), kind="partial", size=size, age_seconds=round(age), removed=removed))
    return out


def unreferenced_evidence(store: Store) -> list[Leftover]:
    """Stored evidence files that no evidence row refers to (kept; see the module's docstring)."""
    root = EvidenceService(store).root
    if not root.is_dir():
        return []
    with store.read() as s:
        known = set(s.execute(select(Evidence.sha256).distinct()).scalars())
    now = time.time()
    out = []
    for path in sorted(root.glob("??/*")):
        name = _BLOB_NAME.fullmatch(path.name)
        if name and name.group(1) not in known and path.is_file():
            info = path.stat()
            out.append(Leftover(path=str(path), kind="unreferenced", size=info.st_size,
                                age_seconds=round(max(0.0, now - info.st_mtime)), removed=False))
    return out
