"""Which files are sealed (encrypted at rest, ``db/sealed.py``), and re-sealing when a case's confidential
mark changes (issue 14 item 5).

The rule: the evidence files and the issued documents of a **confidential case on a store with accounts**
are sealed, each with its own random file key wrapped under the key of every confidential case that uses the
file (``accounts/file_keys.py``): the same content attached to two confidential cases opens for the staff of
either, through their own case. A store without accounts (one desk, no logins) keeps every file plain,
as before: there would be no password to wrap a key with.

Marking a case confidential seals its existing files; un-marking unseals them. Both go in two steps around
the change of the mark, so a crash leaves a file in both forms, never in none: first the new form of every
file is made (``prepare``), then the mark is committed, then the old form is removed where no case in the
other state still needs it (``finish``): a file attached to a confidential and to a plain case keeps both
forms.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, text

from qcy_workstation.accounts import case_keys, file_keys
from qcy_workstation.accounts.keys import data_key_of, new_data_key
from qcy_workstation.accounts.models import Account, CaseAccess
from qcy_workstation.accounts.principal import Principal, store_has_accounts
from qcy_workstation.cases.models import Case, Evidence
from qcy_workstation.db.sealed import BlobArea, content_hasher, content_secret_of
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


@dataclass(frozen=True)
class SealPlan:
    """How new files of one confidential case are sealed: each with a new random file key wrapped under
    ``case_key`` (``wrap_sealed``); ``case_key`` None: a session from before per-case keys (no private key)
    seals with the store's data key directly, the older format (``store rekey`` converts it later)."""

    case_id: int
    case_key: bytes | None
    data_key: bytes

    def file_key(self) -> bytes:
        return new_data_key() if self.case_key is not None else self.data_key


def plan_sealing(store: Store, principal: Principal, case_id: int, number: str) -> SealPlan:
    """The case key new files of ``case`` get their file keys wrapped under (made now when it has none)."""
    key = key_for_sealing(store, principal, case_id, number)
    ring = getattr(principal, "keys", None)
    legacy = ring is None or ring.private_key is None
    return SealPlan(case_id, None if legacy else key, data_key_of(principal))


def wrap_sealed(s: Any, blobs: BlobArea, plan: SealPlan, sha: str, *, created: bool, file_key: bytes,
                content_secret: bytes | None, principal: Principal) -> bool:
    """In the transaction that attaches file ``sha`` to the plan's case: a file sealed now (``created``) gets
    its file key wrapped for the case and for its content; a file already sealed for another case gets its
    file key, opened with the plaintext the attaching account holds (``content_secret``) or through a case
    whose key it holds, wrapped for this case too. False when nothing was wrapped: a session without a
    private key, or an older format sealed with one case's key only (``store rekey`` converts it)."""
    if plan.case_key is None:
        return False
    by = str(principal)
    if created:
        if content_secret is not None:
            file_keys.wrap_for_content(s, blobs.area, sha, content_secret, file_key, by)
        file_keys.wrap_for_case(s, blobs.area, sha, plan.case_id, plan.case_key, file_key, by)
        return True
    existing = file_keys.open_with_content(s, blobs.area, sha, content_secret) if content_secret else None
    existing = existing or file_keys.open_for(s, blobs.area, sha, principal)
    if existing is None:
        return False
    file_keys.wrap_for_case(s, blobs.area, sha, plan.case_id, plan.case_key, existing, by)
    return True


def key_for_opening(store: Store, principal: Principal, case_id: int | None, number: str, blobs: BlobArea,
                    sha: str) -> bytes:
    """The key that opens the sealed file ``sha`` (of ``case``, tried first): its file key through a case
    whose key the principal holds; for a file sealed by an older version, the store's data key or the case
    key that sealed it (``crypto.no_case_key`` when the principal holds none of them)."""
    data_key = data_key_of(principal)
    if blobs.sealed_with(sha, data_key):
        return data_key
    found = blobs.sealed_key_id(sha)
    with store.read() as s:
        key = file_keys.open_for(s, blobs.area, sha, principal, case_id)
        if key is None and found is not None:
            key = case_keys.open_by_key_id(s, found.hex(), principal)
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
    # marking: each file sealed with a new file key wrapped for the case; un-marking: each opened with its key
    plan = plan_sealing(store, principal, case_id, number) if confidential else None
    with store.write() as s:
        for name, shas in files.items():
            blobs = area(store, name)
            for sha in sorted(shas):
                if plan is not None:
                    _seal_for(s, blobs, plan, sha, principal)
                elif blobs.has_sealed(sha) and not blobs.has_plain(sha):
                    blobs.unseal_existing(sha, key_for_opening(store, principal, case_id, number, blobs, sha))
    return True


def _seal_for(s: Any, blobs: BlobArea, plan: SealPlan, sha: str, principal: Principal) -> None:
    """Seal the plain file ``sha`` for the plan's case, or, already sealed for another confidential case,
    wrap its file key for this one (opened with the plaintext at hand)."""
    file_key, content = plan.file_key(), content_hasher()
    created = blobs.seal_existing(s, sha, file_key, on_plain=content.update)
    if not created and not blobs.has_sealed(sha):
        return  # missing: ``store check`` reports it
    secret = bytes(content.digest()) if created else (
        content_secret_of(blobs.plain_path(sha)) if blobs.has_plain(sha) else None)
    wrap_sealed(s, blobs, plan, sha, created=created, file_key=file_key, content_secret=secret, principal=principal)


def finish(store: Store, case_id: int, confidential: bool) -> None:
    """After the mark changed: remove the form of each file no case needs any more (the plain copy of a file
    only confidential cases use, or the sealed copy of one only plain cases use)."""
    with store.write() as s:
        files = _files(s, case_id)
        for name, shas in files.items():
            blobs = area(store, name)
            for sha in sorted(shas):
                if not confidential:  # the case seals no more: its wrapping of the file key goes
                    file_keys.drop_case(s, name, sha, case_id)
                if _used_elsewhere(s, name, sha, case_id, confidential=not confidential):
                    continue
                if confidential and blobs.has_sealed(sha):
                    blobs.remove(blobs.plain_path(sha))
                elif not confidential and blobs.has_plain(sha):
                    blobs.drop_sealed(s, sha)
                    file_keys.drop_file(s, name, sha)


def _used_elsewhere(s: Any, name: str, sha: str, case_id: int, *, confidential: bool) -> bool:
    """Whether another case (or, for documents, no case: guidance) in the given state uses file ``sha``."""
    if name == EVIDENCE:
        q = (select(Evidence.id).join(Case, Case.id == Evidence.case_id)
             .where(Evidence.sha256 == sha, Evidence.case_id != case_id, Case.confidential.is_(confidential)))
        return s.execute(q.limit(1)).first() is not None
    count = s.execute(_DOCUMENT_USERS, {"sha": sha, "case_id": case_id, "false": False,
                                        "confidential": confidential}).scalar()
    return bool(count)


def _confidential_users(s: Any, name: str, sha: str) -> set[int]:
    """The confidential cases that use file ``sha`` of area ``name``."""
    if name == EVIDENCE:
        q = (select(Evidence.case_id).join(Case, Case.id == Evidence.case_id)
             .where(Evidence.sha256 == sha, Case.confidential.is_(True)))
        return set(s.execute(q).scalars())
    return {c for (c,) in s.execute(_DOCUMENT_CONFIDENTIAL, {"sha": sha, "true": True})}


_DOCUMENT_CONFIDENTIAL = text("SELECT DISTINCT d.case_id FROM document_files f JOIN documents d ON d.id = "
                              "f.document_id JOIN cases c ON c.id = d.case_id WHERE f.sha256 = :sha "
                              "AND c.confidential = :true")


def _old_key(s: Any, blobs: BlobArea, sha: str, principal: Principal, data_key: bytes) -> bytes | None:
    """The key that sealed a file of an older format (the store's data key, or one case's key the principal
    holds); None when the principal holds it not."""
    if blobs.sealed_with(sha, data_key):
        return data_key
    found = blobs.sealed_key_id(sha)
    return case_keys.open_by_key_id(s, found.hex(), principal) if found is not None else None


def rekey(store: Store, principal: Principal,
          progress: Callable[[int, int], bool] | None = None) -> dict[str, Any]:
    """``store rekey``: the files of confidential cases sealed by an older version (with the store's data key,
    or with one case's key) are sealed again with a new file key of their own, wrapped under the key of every
    confidential case that uses the file (made now where missing), so from then on only accounts allowed to
    see one of those cases open them; a file with its own key that a confidential case using it has no
    wrapping for (attached while its older form was kept) gets one. Only the cases ``principal`` may see (a
    head: all); a file also used by a confidential case the principal may not see, or sealed with a key it
    does not hold, is left as it is and listed as ``shared``. Each re-keyed case is an audit event.

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
    visible = dict(cases)
    resealed: list[str] = []
    shared: list[str] = []
    held: dict[int, bytes | None] = {}

    def case_key(case_id: int) -> bytes | None:
        if case_id not in held:
            try:
                held[case_id] = key_for_sealing(store, principal, case_id, visible[case_id])
            except PermissionDeniedError:
                held[case_id] = None
        return held[case_id]

    for index, (case_id, number) in enumerate(cases):
        if progress is not None and not progress(index, len(cases)):
            break
        with store.read() as s:
            todo = []
            for name, shas in _files(s, case_id).items():
                blobs = area(store, name)
                for sha in sorted(shas):
                    if not blobs.has_sealed(sha):
                        continue
                    users = _confidential_users(s, name, sha)
                    if file_keys.has_file_key(s, name, sha):
                        if users - file_keys.cases_of(s, name, sha):
                            todo.append((name, sha, None, users))
                        continue
                    todo.append((name, sha, _old_key(s, blobs, sha, principal, data_key), users))
        keys_of = {u: case_key(u) for _n, _sha, _old, users in todo for u in users if u in visible}
        if not todo:
            continue
        with store.write() as s:
            done = 0
            for name, sha, old, users in todo:
                blobs = area(store, name)
                file_key = new_data_key() if old is not None else file_keys.open_for(s, name, sha, principal)
                wrapping = {u: keys_of.get(u) for u in users}
                if file_key is None or any(k is None for k in wrapping.values()):
                    shared.append(f"{number}:{sha[:12]}")
                    continue
                if old is not None:
                    content = content_hasher()
                    blobs.reseal(s, sha, old, file_key, on_plain=content.update)
                    file_keys.wrap_for_content(s, name, sha, bytes(content.digest()), file_key, str(principal))
                for user, key in sorted(wrapping.items()):
                    assert key is not None
                    file_keys.wrap_for_case(s, name, sha, user, key, file_key, str(principal))
                done += 1
            if done:
                resealed.append(number)
                audit.record(s, actor=str(principal), action="rekey", entity="case", entity_id=number,
                             case_id=case_id, details={"files": done})
    if progress is not None:
        progress(len(cases), len(cases))
    return {"cases": resealed, "shared": shared}


def locked_files(store: Store) -> list[dict[str, str]]:
    """``store check``: the sealed files of confidential cases that the case's own staff cannot open through
    the case (no plain copy beside them): sealed with a file key not wrapped for the case (``no_wrapping``,
    e.g. attached from a session without a private key) or, by an older version, with another case's key
    (``other_case_key``). Nothing is changed or damaged: the head's ``store rekey`` wraps the key for every
    confidential case using the file. Files under the store's data key open for every account, as before."""
    from qcy_workstation.accounts.models import CaseKey, FileKey

    found: list[dict[str, str]] = []
    with store.read() as s:
        uses: list[tuple[str, str, int, str]] = []
        for case_id, number in s.execute(select(Case.id, Case.number).where(Case.confidential.is_(True))
                                         .order_by(Case.id)):
            uses += [(name, sha, case_id, number) for name, shas in _files(s, case_id).items() for sha in sorted(shas)]
        wrapped = {(a, sha, c): fk for a, sha, c, fk in s.execute(
            select(FileKey.area, FileKey.sha256, FileKey.case_id, FileKey.file_key_id).where(
                FileKey.case_id.is_not(None)))}
        file_ids = {(a, sha): fk for a, sha, fk in s.execute(select(FileKey.area, FileKey.sha256, FileKey.file_key_id))}
        case_key_ids: dict[str, set[int]] = {}
        for case_id, key_id in s.execute(select(CaseKey.case_id, CaseKey.key_id)):
            case_key_ids.setdefault(key_id, set()).add(case_id)
    for name, sha, case_id, number in uses:
        blobs = area(store, name)
        if blobs.has_plain(sha) or not blobs.has_sealed(sha):
            continue  # opened without a key, or missing (reported with the evidence and issued documents)
        header = blobs.sealed_key_id(sha)
        header_id = header.hex() if header is not None else ""
        if (name, sha) in file_ids:  # sealed with its own key: is it wrapped for this case?
            problem = "" if wrapped.get((name, sha, case_id)) == header_id else "no_wrapping"
        else:
            users = case_key_ids.get(header_id, set())
            problem = "other_case_key" if users and case_id not in users else ""
        if problem:
            found.append({"area": name, "sha256": sha, "case": number, "problem": problem})
    return found
