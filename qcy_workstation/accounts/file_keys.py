"""Per-file keys' wrappings (issue 14 item 5: a file attached to two confidential cases), below the cases: by
file and case id, no case rules here (those are in ``cases/sealing.py``).

Why: files are content-addressed, so the same evidence attached to two confidential cases is one sealed file.
Sealed with the first case's key, the second case's staff could not open it. Now each sealed file has its
own random **file key** (the key in its header, ``db/sealed.py``), and ``file_keys`` holds it wrapped
(AES-256-GCM, ``keys.wrap_file_key``):

- under the key of **every confidential case that uses the file** (``case_id``, ``key_id`` = that case key's
  id). An account opens the file key through any case whose key it holds (``open_for``); a revoke rotates the
  case key and re-wraps the case's file keys under the new one (``rewrap_case``), so the revoked account's
  copy of the old case key unwraps nothing stored from then on;
- under a key derived from the file's **plaintext** (``case_id`` None, ``key_id`` "content";
  ``keys.content_kek`` of ``db.sealed.content_hasher``). An account attaching the same content to its own
  case holds the plaintext, so it can open the file key and wrap it for its case without seeing the other
  case. This reveals nothing: the file key opens only that plaintext, which the account already has (and
  the content address, the plaintext's SHA-256, already lets anyone confirm a guessed file).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select

from qcy_workstation.accounts import case_keys, keys
from qcy_workstation.accounts.models import CaseKey, FileKey

CONTENT = "content"


def _scope(case_id: int | None) -> str:
    return CONTENT if case_id is None else f"case/{case_id}"


def _row(s: Any, area: str, sha256: str, case_id: int | None) -> FileKey | None:
    return s.execute(select(FileKey).where(FileKey.area == area, FileKey.sha256 == sha256,
                                           FileKey.case_id.is_(None) if case_id is None
                                           else FileKey.case_id == case_id)).scalar()


def _put(s: Any, area: str, sha256: str, case_id: int | None, key_id: str, wrapped: str, file_key: bytes,
         by: str) -> None:
    row = _row(s, area, sha256, case_id)
    if row is None:
        s.add(FileKey(area=area, sha256=sha256, case_id=case_id, key_id=key_id, file_key_id=keys.key_id(file_key),
                      wrapped=wrapped, created_by=by))
    else:
        row.key_id, row.file_key_id, row.wrapped, row.created_by = key_id, keys.key_id(file_key), wrapped, by
    s.flush()


def has_file_key(s: Any, area: str, sha256: str) -> bool:
    """Whether the sealed file has its own key (sealed by this version; else an older format: ``db/sealed.py``)."""
    return s.execute(select(FileKey.id).where(FileKey.area == area, FileKey.sha256 == sha256).limit(1)).first() \
        is not None


def wrap_for_case(s: Any, area: str, sha256: str, case_id: int, case_key: bytes, file_key: bytes, by: str) -> None:
    """Wrap ``file_key`` under ``case_key`` (the current key of confidential case ``case_id``)."""
    _put(s, area, sha256, case_id, keys.key_id(case_key),
         keys.wrap_file_key(file_key, case_key, area, sha256, _scope(case_id)), file_key, by)


def wrap_for_content(s: Any, area: str, sha256: str, content_secret: bytes, file_key: bytes, by: str) -> None:
    """Wrap ``file_key`` under the key derived from the file's plaintext (see the module's docstring)."""
    kek = keys.content_kek(content_secret, area, sha256)
    _put(s, area, sha256, None, CONTENT, keys.wrap_file_key(file_key, kek, area, sha256, CONTENT), file_key, by)


def open_with_content(s: Any, area: str, sha256: str, content_secret: bytes) -> bytes | None:
    row = _row(s, area, sha256, None)
    if row is None:
        return None
    return keys.unwrap_file_key(row.wrapped, keys.content_kek(content_secret, area, sha256), area, sha256, CONTENT)


def open_for(s: Any, area: str, sha256: str, principal: Any, case_id: int | None = None) -> bytes | None:
    """The file key through a case whose key ``principal`` holds (current or former): the case ``case_id``
    first (the one the file is opened from), then any other. None when it holds none of them."""
    rows = list(s.execute(select(FileKey).where(FileKey.area == area, FileKey.sha256 == sha256,
                                                FileKey.case_id.is_not(None))).scalars())
    rows.sort(key=lambda r: r.case_id != case_id)
    for row in rows:
        case_key = case_keys.open_by_key_id(s, row.key_id, principal)
        key = keys.unwrap_file_key(row.wrapped, case_key, area, sha256, _scope(row.case_id))
        if key is not None:
            return key
    return None


def cases_of(s: Any, area: str, sha256: str) -> set[int]:
    """The cases the file key is wrapped for."""
    return {c for (c,) in s.execute(select(FileKey.case_id).where(FileKey.area == area, FileKey.sha256 == sha256,
                                                                  FileKey.case_id.is_not(None)))}


def drop_case(s: Any, area: str, sha256: str, case_id: int) -> None:
    s.execute(delete(FileKey).where(FileKey.area == area, FileKey.sha256 == sha256, FileKey.case_id == case_id))


def drop_file(s: Any, area: str, sha256: str) -> None:
    s.execute(delete(FileKey).where(FileKey.area == area, FileKey.sha256 == sha256))


def held_case_keys(s: Any, case_id: int, holder: Any) -> dict[str, bytes]:
    """Every key of ``case_id`` (current and former) that ``holder`` can unwrap, by key id."""
    ring = getattr(holder, "keys", None)
    if ring is None or ring.private_key is None or holder.account_id is None:
        return {}
    found: dict[str, bytes] = {}
    for row in s.execute(select(CaseKey).where(CaseKey.case_id == case_id,
                                               CaseKey.account_id == holder.account_id)).scalars():
        key = keys.unwrap_with_private(row.wrapped, ring.private_key, case_id, holder.account_id)
        if key is not None:
            found[row.key_id] = key
    return found


def rewrap_case(s: Any, case_id: int, old: dict[str, bytes], new_key: bytes, by: str) -> tuple[int, int]:
    """After a rotation: every file key of ``case_id`` wrapped under one of the ``old`` keys is wrapped under
    ``new_key`` instead. Returns (re-wrapped, kept): a wrapping under a key not in ``old`` (the rotating
    account could not open it) stays, and keeps opening for the accounts that hold that former key."""
    done = kept = 0
    for row in list(s.execute(select(FileKey).where(FileKey.case_id == case_id)).scalars()):
        file_key = keys.unwrap_file_key(row.wrapped, old.get(row.key_id), row.area, row.sha256, _scope(case_id))
        if file_key is None:
            kept += row.key_id != keys.key_id(new_key)
            continue
        row.wrapped = keys.wrap_file_key(file_key, new_key, row.area, row.sha256, _scope(case_id))
        row.key_id, row.created_by = keys.key_id(new_key), by
        done += 1
    return done, kept
