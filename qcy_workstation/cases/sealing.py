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

from typing import Any

from sqlalchemy import select, text

from qcy_workstation.accounts.keys import data_key_of
from qcy_workstation.accounts.principal import Principal, store_has_accounts
from qcy_workstation.cases.models import Case, Evidence
from qcy_workstation.db.sealed import BlobArea
from qcy_workstation.db.store import Store

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
    key = data_key_of(principal)
    with store.write() as s:
        for name, shas in files.items():
            blobs = area(store, name)
            for sha in sorted(shas):
                if confidential:
                    blobs.seal_existing(s, sha, key)
                else:
                    blobs.unseal_existing(sha, key)
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
