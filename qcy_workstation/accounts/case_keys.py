"""Per-case keys' wrappings (issue 14 item 5), below the cases: by case id and account, no case rules here.

A confidential case's key is a random 256-bit key, never stored as such: one ``case_keys`` row per account
allowed to see the case (wrapped to its X25519 public key, ``keys.wrap_to_public``) and one to the store's
**recovery pair** (its private half wrapped under the recovery key), so an administrator who recovers an
account with the recovery key gets the case keys back. Who is allowed is decided in ``cases/sealing.py``.

**Former keys.** When access is revoked the case key is rotated (``rotate``): a new key, wrapped to the
accounts still allowed, seals the files added from then on, so the revoked account's copy of the old key
(which cannot be taken back) opens nothing new. The old key stays wrapped to the accounts that still hold
it, under purpose ``former:<key id>`` (``rformer:<key id>`` for the recovery pair), so the files sealed with
it keep opening for them: a sealed file names its key (``key_id``) and ``open_by_key_id`` looks for any of
the principal's wrappings of that key. ``purpose`` "account"/"recovery" is always the current key.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import delete, select

from qcy_workstation.accounts import keys
from qcy_workstation.accounts.models import Account, CaseKey, StoreKey
from qcy_workstation.db import audit

RECOVERY_PAIR = "recovery_pair"
FORMER, RECOVERY_FORMER = "former:", "rformer:"  # + the first characters of the key id (purpose <= 20 chars)


def former_purpose(key_id: str, *, recovery: bool = False) -> str:
    return (RECOVERY_FORMER + key_id[:12]) if recovery else (FORMER + key_id[:13])


def set_recovery_pair(s: Any, recovery: str, by: str, *, holder: Any = None) -> None:
    """A new recovery pair whose private half is wrapped under ``recovery`` (a new recovery key). The case
    keys ``holder`` can open get a recovery wrapping under the new pair (the old pair's are dropped)."""
    private, public = keys.new_key_pair()
    record = json.dumps({"public": keys.public_text(public), "private": keys.wrap_for_recovery(private, recovery)})
    row = s.execute(select(StoreKey).where(StoreKey.purpose == RECOVERY_PAIR)).scalar()
    if row is None:
        s.add(StoreKey(purpose=RECOVERY_PAIR, key_id=keys.key_id(public), wrapped=record, created_by=by))
    else:
        row.key_id, row.wrapped, row.created_by = keys.key_id(public), record, by
    s.flush()
    if holder is None:
        return
    held = list(s.execute(select(CaseKey).where(CaseKey.account_id == holder.account_id)).scalars())
    s.execute(delete(CaseKey).where(CaseKey.account_id.is_(None)))  # the old pair's wrappings, current and former
    ring = getattr(holder, "keys", None)
    if ring is None or ring.private_key is None:
        return
    for row in held:
        key = keys.unwrap_with_private(row.wrapped, ring.private_key, row.case_id, holder.account_id)
        if key is not None:
            purpose = "recovery" if row.purpose == "account" else former_purpose(row.key_id, recovery=True)
            _put(s, row.case_id, None, purpose, keys.wrap_to_public(key, keys.public_text(public), row.case_id, None),
                 key, by)


def _recovery_public(s: Any) -> str | None:
    row = s.execute(select(StoreKey).where(StoreKey.purpose == RECOVERY_PAIR)).scalar()
    return json.loads(row.wrapped)["public"] if row is not None else None


def _put(s: Any, case_id: int, account_id: int | None, purpose: str, wrapped: str, key: bytes, by: str) -> None:
    row = s.execute(select(CaseKey).where(CaseKey.case_id == case_id, CaseKey.purpose == purpose,
                                          CaseKey.account_id.is_(None) if account_id is None
                                          else CaseKey.account_id == account_id)).scalar()
    if row is None:
        s.add(CaseKey(case_id=case_id, account_id=account_id, purpose=purpose, key_id=keys.key_id(key),
                      wrapped=wrapped, created_by=by))
    else:
        row.wrapped, row.key_id, row.created_by = wrapped, keys.key_id(key), by


def has_case_key(s: Any, case_id: int) -> bool:
    return s.execute(select(CaseKey.id).where(CaseKey.case_id == case_id).limit(1)).first() is not None


def open_case_key(s: Any, case_id: int, principal: Any) -> bytes | None:
    """The case key unwrapped with ``principal``'s private key; None when it holds no wrapping of it."""
    ring = getattr(principal, "keys", None)
    if ring is None or ring.private_key is None or principal.account_id is None:
        return None
    row = s.execute(select(CaseKey.wrapped).where(CaseKey.case_id == case_id, CaseKey.purpose == "account",
                                                  CaseKey.account_id == principal.account_id)).scalar()
    return keys.unwrap_with_private(row, ring.private_key, case_id, principal.account_id)


def open_by_key_id(s: Any, key_id: str, principal: Any) -> bytes | None:
    """The case key named ``key_id`` (from a sealed file's header) if ``principal`` holds a wrapping of it:
    a file attached to two confidential cases is sealed once, with the key of the case it came to first."""
    ring = getattr(principal, "keys", None)
    if ring is None or ring.private_key is None or principal.account_id is None:
        return None
    for case_id, wrapped in s.execute(select(CaseKey.case_id, CaseKey.wrapped).where(  # current or former
            CaseKey.key_id == key_id, CaseKey.account_id == principal.account_id)):
        key = keys.unwrap_with_private(wrapped, ring.private_key, case_id, principal.account_id)
        if key is not None:
            return key
    return None


def wrap_for_account(s: Any, case_id: int, key: bytes, account: Account, by: str, *,
                     purpose: str = "account") -> bool:
    """Wrap ``key`` to ``account``'s public key; False when the account has no key pair yet (it gets one at
    its next login, and the key from a holder's next grant or ``store rekey``)."""
    if not account.public_key:
        return False
    _put(s, case_id, account.id, purpose, keys.wrap_to_public(key, account.public_key, case_id, account.id), key, by)
    return True


def share_held(s: Any, case_id: int, holder: Any, accounts: list[Account], by: str) -> str:
    """Wrap every key of ``case_id`` that ``holder`` holds (the current one and the former ones, so the files
    sealed before a rotation open too) to each of ``accounts``. Returns "wrapped", or "pending" when the
    holder cannot open the current key or an account has no key pair yet."""
    ring = getattr(holder, "keys", None)
    if ring is None or ring.private_key is None or holder.account_id is None:
        return "pending"
    rows = list(s.execute(select(CaseKey).where(CaseKey.case_id == case_id,
                                                CaseKey.account_id == holder.account_id)).scalars())
    current = False
    done = True
    for row in rows:
        key = keys.unwrap_with_private(row.wrapped, ring.private_key, case_id, holder.account_id)
        if key is None:
            continue
        current = current or row.purpose == "account"
        for account in accounts:
            done = wrap_for_account(s, case_id, key, account, by, purpose=row.purpose) and done
    return "wrapped" if current and done else "pending"


def rotate(s: Any, case_id: int, accounts: list[Account], by: str, *, holder: Any = None) -> bytes | None:
    """A new key for ``case_id`` (after a revoke), wrapped to ``accounts`` (those still allowed) and to the
    recovery pair; the current key's wrappings become former ones, kept so files sealed with it directly (by
    an older version) keep opening. The case's file keys (``file_keys``) are re-wrapped under the new key
    where ``holder`` (who revokes) can open the old one. None when the case has no key yet (nothing to rotate:
    its first key is made when a file is first sealed)."""
    from qcy_workstation.accounts import file_keys

    rows = list(s.execute(select(CaseKey).where(CaseKey.case_id == case_id,
                                                CaseKey.purpose.in_(("account", "recovery")))).scalars())
    if not rows:
        return None
    old = file_keys.held_case_keys(s, case_id, holder) if holder is not None else {}
    old_ids = sorted({r.key_id for r in rows})
    for row in rows:
        row.purpose = former_purpose(row.key_id, recovery=row.purpose == "recovery")
    s.flush()
    key = create_case_key(s, case_id, accounts, by)
    rewrapped, kept = file_keys.rewrap_case(s, case_id, old, key, by)
    audit.record(s, actor=by, action="case_key_rotate", entity="case", entity_id=case_id, case_id=case_id,
                 details={"key_id": keys.key_id(key), "former": old_ids, "file_keys": rewrapped,
                          "file_keys_kept": kept})
    return key


def create_case_key(s: Any, case_id: int, accounts: list[Account], by: str) -> bytes:
    """A new key for ``case_id``, wrapped to each of ``accounts`` (those with a key pair) and to the
    recovery pair when the store has one."""
    key = keys.new_data_key()
    for account in accounts:
        wrap_for_account(s, case_id, key, account, by)
    public = _recovery_public(s)
    if public is not None:
        _put(s, case_id, None, "recovery", keys.wrap_to_public(key, public, case_id, None), key, by)
    audit.record(s, actor=by, action="case_key_create", entity="case", entity_id=case_id, case_id=case_id,
                 details={"key_id": keys.key_id(key), "accounts": sorted(a.login for a in accounts if a.public_key)})
    return key


def remove_for_account(s: Any, case_id: int, account_id: int) -> None:
    s.execute(delete(CaseKey).where(CaseKey.case_id == case_id, CaseKey.account_id == account_id))


def rewrap_for(s: Any, account: Account, holder: Any, *, by: str) -> None:
    """After ``account`` got a new key pair (a reset by an administrator): each case key it had is wrapped to
    the new public key where ``holder`` can open it, else its useless wrapping is removed."""
    for row in list(s.execute(select(CaseKey).where(CaseKey.account_id == account.id)).scalars()):
        key = open_by_key_id(s, row.key_id, holder)  # the current key or a former one
        if key is None:
            s.delete(row)
        else:
            row.wrapped = keys.wrap_to_public(key, account.public_key, row.case_id, account.id)


def recover_for(s: Any, account: Account, recovery: str, *, by: str) -> int:
    """An administrator recovered with the recovery key: every case key with a recovery wrapping is wrapped
    to the account's new public key (an administrator heads the workstation and may see every case).
    Returns how many."""
    s.execute(delete(CaseKey).where(CaseKey.account_id == account.id))
    row = s.execute(select(StoreKey).where(StoreKey.purpose == RECOVERY_PAIR)).scalar()
    if row is None:
        return 0
    private = keys.unwrap_with_recovery(json.loads(row.wrapped)["private"], recovery)
    count = 0
    for wrapped in list(s.execute(select(CaseKey).where(CaseKey.account_id.is_(None))).scalars()):
        key = keys.unwrap_with_private(wrapped.wrapped, private, wrapped.case_id, None)
        purpose = "account" if wrapped.purpose == "recovery" else former_purpose(wrapped.key_id)
        if key is not None and wrap_for_account(s, wrapped.case_id, key, account, by, purpose=purpose):
            count += 1 if purpose == "account" else 0
    return count
