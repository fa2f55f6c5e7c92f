"""Which files are sealed (encrypted at rest, ``db/sealed.py``), and re-sealing when a case's confidential
mark changes (issue 14 item 5).

The rule: the evidence files and the issued documents of a **confidential case on a store with accounts**
are sealed with the store's data key. A store without accounts (one desk, no logins) keeps every file plain,
as before: there would be no password to wrap a key with.

Marking a case confidential seals its existing files; un-marking unseals them. Both go in two steps around
the change of the mark, so a crash leaves a file in both forms, never in none: first the new form of every
file is made (``prepare``), then the mark is committed, then the old form is removed where no case in the
other state still needs it (``finish``): a file attached to a confidential and to a plain case keeps both
forms.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import select, text

from qcy_workstation.accounts import case_keys
from qcy_workstation.accounts.keys import data_key_of
from qcy_workstation.accounts.models import Account, CaseAccess
from qcy_workstation.accounts.principal import Principal, store_has_accounts
from qcy_workstation.cases.models import Case, Evidence
from qcy_workstation.db.sealed import BlobArea
from qcy_workstation.db.store import Store
from qcy_workstation.errors import PermissionDeniedError

EVIDENCE, DOCUMENTS = "evidence", "documents"

# Issued documents' files by case, read by table name: documents/ sits above cases/ and may not be imported.
_DOCUMENT_FILES = text("SELECT f.sha256 FROM document_files f JOIN documents d ON d.id = f.document_id "
                       "WHERE d.case_id = :case_id")
_DOCUMENT_USERS = text("SELECT COUNT(*) FROM document_files f JOIN documents d ON d.id = f.document_id "
                       "LEFT JOIN cases c ON c.id = d.case_id "
                       "WHERE f.sha256 = :sha AND (d.case_id IS NULL OR d.case_id <> :case_id) "
                       "AND COALESCE(c.confidential, :false) = :confidential")


def seals(store: Store, case: Case) -> bool:
    """Whether ``case``'s files are stored sealed."""
    return bool(case.confidential) and store_has_accounts(store)


# ------------------------------------------------------------------------------------------ per-case keys

def allowed_accounts(s: Any, case: Case) -> list[Account]:
    """The active accounts allowed to see a confidential case (``cases/access.py``): its assigned officer,
    every head, and the accounts granted access on it."""
    from qcy_workstation.accounts.principal import normalise_name

    granted = set(s.execute(select(CaseAccess.account_id).where(CaseAccess.case_id == case.id)).scalars())
    staff = normalise_name(case.staff or "")
    return [a for a in s.execute(select(Account).where(Account.active.is_(True)).order_by(Account.id)).scalars()
            if "head" in a.roles.split(",") or a.id in granted or (staff and normalise_name(a.display_name) == staff)]


def _no_case_key(principal: Principal, number: str) -> PermissionDeniedError:
    return PermissionDeniedError(f"{principal} holds no key for the encrypted files of case {number}: "
                                 "ask the head to grant access again (or log in again)", field="case",
                                 value=number, reason="crypto.no_case_key",
                                 params={"number": number, "account": str(principal)})


def key_for_sealing(store: Store, principal: Principal, case_id: int, number: str) -> bytes:
    """The key new files of confidential ``case`` are sealed with: its case key (made now, wrapped to every
    allowed account, when the case has none). A principal whose session predates per-case keys (no
    private key: a CLI token from before the upgrade) seals with the store's data key, as before."""
    ring = getattr(principal, "keys", None)
    if ring is None or ring.private_key is None:
        return data_key_of(principal)
    with store.read() as s:
        key = case_keys.open_case_key(s, case_id, principal)
        exists = key is not None or case_keys.has_case_key(s, case_id)
    if key is not None:
        return key
    if exists:
        raise _no_case_key(principal, number)
    with store.write() as s:
        if case_keys.has_case_key(s, case_id):  # another desk made it meanwhile
            key = case_keys.open_case_key(s, case_id, principal)
            if key is None:
                raise _no_case_key(principal, number)
            return key
        row = s.get(Case, case_id)
        accounts = allowed_accounts(s, row)
        if principal.account_id is not None and all(a.id != principal.account_id for a in accounts):
            me = s.get(Account, principal.account_id)
            accounts += [me] if me is not None else []
        return case_keys.create_case_key(s, case_id, accounts, str(principal))


def key_for_opening(store: Store, principal: Principal, case_id: int | None, number: str, blobs: BlobArea,
                    sha: str) -> bytes:
    """The key that opens the sealed file ``sha`` of ``case``: the store's data key for a file sealed before
    per-case keys, else the case key the principal holds (``crypto.no_case_key`` when it holds none)."""
    data_key = data_key_of(principal)
    if blobs.sealed_with(sha, data_key):
        return data_key
    found = blobs.sealed_key_id(sha)
    with store.read() as s:
        key = case_keys.open_by_key_id(s, found.hex(), principal) if found is not None else None
    if key is None:
        raise _no_case_key(principal, number)
    return key


def area(store: Store, name: str) -> BlobArea:
    return BlobArea(store.files_dir, name)


def _files(s: Any, case_id: int) -> dict[str, set[str]]:
    evidence = set(s.execute(select(Evidence.sha256).where(Evidence.case_id == case_id)).scalars())
    documents = {sha for (sha,) in s.execute(_DOCUMENT_FILES, {"case_id": case_id})}
    return {EVIDENCE: evidence, DOCUMENTS: documents}


def prepare(store: Store, principal: Principal, case_id: int, confidential: bool) -> bool:
    """Before the mark changes: make the sealed (``confidential``) or plain form of every file of the case.
    Returns whether ``finish`` has work to do. Needs the principal's data key (``crypto.no_key``)."""
    if not store_has_accounts(store):
        return False
    with store.read() as s:
        files = _files(s, case_id)
    if not any(files.values()):
        return False
    with store.read() as s:
        number = s.execute(select(Case.number).where(Case.id == case_id)).scalar() or str(case_id)
    # marking: sealed with the case's key (made now); un-marking: each file opened with the key that sealed it
    key = key_for_sealing(store, principal, case_id, number) if confidential else None
    with store.write() as s:
        for name, shas in files.items():
            blobs = area(store, name)
            for sha in sorted(shas):
                if confidential:
                    assert key is not None
                    blobs.seal_existing(s, sha, key)
                elif blobs.has_sealed(sha) and not blobs.has_plain(sha):
                    blobs.unseal_existing(sha, key_for_opening(store, principal, case_id, number, blobs, sha))
    return True


def finish(store: Store, case_id: int, confidential: bool) -> None:
    """After the mark changed: remove the form of each file no case needs any more (the plain copy of a file
    only confidential cases use, or the sealed copy of one only plain cases use)."""
    with store.write() as s:
        files = _files(s, case_id)
        for name, shas in files.items():
            blobs = area(store, name)
            for sha in sorted(shas):
                if _used_elsewhere(s, name, sha, case_id, confidential=not confidential):
                    continue
                if confidential and blobs.has_sealed(sha):
                    blobs.remove(blobs.plain_path(sha))
                elif not confidential and blobs.has_plain(sha):
                    blobs.drop_sealed(s, sha)


def _used_elsewhere(s: Any, name: str, sha: str, case_id: int, *, confidential: bool) -> bool:
    """Whether another case (or, for documents, no case: guidance) in the given state uses file ``sha``."""
    if name == EVIDENCE:
        q = (select(Evidence.id).join(Case, Case.id == Evidence.case_id)
             .where(Evidence.sha256 == sha, Evidence.case_id != case_id, Case.confidential.is_(confidential)))
        return s.execute(q.limit(1)).first() is not None
    count = s.execute(_DOCUMENT_USERS, {"sha": sha, "case_id": case_id, "false": False,
                                        "confidential": confidential}).scalar()
    return bool(count)


def rekey(store: Store, principal: Principal,
          progress: Callable[[int, int], bool] | None = None) -> dict[str, Any]:
    """``store rekey``: the files of confidential cases still sealed with the store's data key (sealed before
    per-case keys) are sealed again with their case's key (made now where missing), so from then on only
    accounts allowed to see the case open them. Only the cases ``principal`` may see (a head: all). A file
    attached to another confidential case as well keeps the data key (``shared``): sealing it with one
    case's key would lock the other case's staff out. Each re-keyed case is an audit event.

    The head's (``store.rekey``). ``progress(done, total)`` is told after each case; when it returns False the
    run stops there (the cases done so far stay re-sealed: each case is its own transaction)."""
    from qcy_workstation.accounts.permissions import require
    from qcy_workstation.cases.access import can_see
    from qcy_workstation.db import audit

    require(principal, "store.rekey")
    data_key = data_key_of(principal)
    if principal.keys is None or principal.keys.private_key is None:
        raise PermissionDeniedError(f"{principal} holds no key pair yet: log in again, then rekey", field="account",
                                    reason="crypto.no_key", params={"account": str(principal)})
    with store.read() as s:
        cases = [(c.id, c.number) for c in s.execute(select(Case).where(Case.confidential.is_(True))
                                                      .order_by(Case.id)).scalars() if can_see(s, principal, c)]
    resealed: list[str] = []
    shared: list[str] = []
    for index, (case_id, number) in enumerate(cases):
        if progress is not None and not progress(index, len(cases)):
            break
        with store.read() as s:
            files = _files(s, case_id)
        todo = [(name, sha) for name, shas in files.items() for sha in sorted(shas)
                if area(store, name).has_sealed(sha) and area(store, name).sealed_with(sha, data_key)]
        if not todo:
            continue
        key = key_for_sealing(store, principal, case_id, number)
        with store.write() as s:
            done = 0
            for name, sha in todo:
                if _used_elsewhere(s, name, sha, case_id, confidential=True):
                    shared.append(f"{number}:{sha[:12]}")
                    continue
                area(store, name).reseal(s, sha, data_key, key)
                done += 1
            if done:
                resealed.append(number)
                audit.record(s, actor=str(principal), action="rekey", entity="case", entity_id=number,
                             case_id=case_id, details={"files": done})
    if progress is not None:
        progress(len(cases), len(cases))
    return {"cases": resealed, "shared": shared}
