"""The store's data key and its wrappings (issue 14 item 5: encrypted confidential evidence).

One random 256-bit **data key** per store encrypts the evidence files and issued documents of confidential
cases (``db/sealed.py``). It is never stored as such, only *wrapped* (AES-256-GCM) under:

- each account's password, through Argon2id (``argon2-cffi`` ``hash_secret_raw``, its own random salt; salt
  and cost parameters are kept with the wrapping): ``accounts.key_wrap``. Written when an administrator
  creates the account or resets its password (the administrator's own unwrapped key is wrapped for the new
  password) and re-wrapped when the person changes the password;
- a CLI session token, through HKDF-SHA256 (the token is 256 random bits: no slow KDF needed):
  ``login_sessions.key_wrap``, so ``QCY_TOKEN`` or the sessions file give later commands the key;
- the administrator **recovery key** (256 random bits shown once at set-up, as 13 groups of base32):
  ``store_keys`` row ``recovery``. With it an administrator who lost the password gets a new one and the key.

Each wrapping is bound (AES-GCM associated data) to what it is for (the account id, a session, recovery),
so a wrapping copied onto another account does not open. A copy of the store folder (database and files)
alone therefore reveals no confidential file: it takes a staff password, a live token or the recovery key.
After login the unwrapped key is held in memory only, by the principal (``Principal.keys``).

**Per-case keys** (only accounts allowed to see a confidential case can decrypt its evidence). Each account
also has an X25519 key pair: the public half in ``accounts.public_key``, the private half packed with the
data key inside the same wrappings (password, session token): one Argon2id per login as before. A
confidential case's evidence is sealed with a random **case key**, wrapped to the public key of every
account allowed to see the case (``case_keys``; X25519 with an ephemeral key, HKDF-SHA256, AES-256-GCM bound
to the case and account): ``wrap_to_public`` / ``unwrap_with_private``. An account without the wrapping,
even holding the data key and a copy of the store, cannot open those files.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
from dataclasses import dataclass, field
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from qcy_workstation.errors import PermissionDeniedError, ValidationError

KEY_BYTES = 32
#: Argon2id cost of the password key; close to the password hash's (a login stays well under 500 ms).
PASSWORD_KDF = {"t": 2, "m": 64 * 1024, "p": 2}


@dataclass(eq=False)
class KeyRing:
    """What a logged-in principal holds in memory: the store's data key, the account's X25519 private key
    (None for an account that has no pair yet) and, once, a new recovery key."""

    data_key: bytes = field(repr=False)
    _recovery: str | None = field(default=None, repr=False)
    private_key: bytes | None = field(default=None, repr=False)

    @property
    def secret(self) -> bytes:
        """What the password and session wrappings hold: the data key, then the private key if any."""
        return self.data_key + (self.private_key or b"")

    @property
    def key_id(self) -> str:
        return key_id(self.data_key)

    def take_recovery_key(self) -> str | None:
        """The recovery key made with the data key at set-up, the first time asked; None afterwards (it is
        shown once: only its wrapping of the data key is stored)."""
        key, self._recovery = self._recovery, None
        return key


def new_data_key() -> bytes:
    return os.urandom(KEY_BYTES)


def ring_from(secret: bytes | None, recovery: str | None = None) -> KeyRing | None:
    """The key ring an unwrapped secret stands for (32 bytes: a data key only, from before per-case keys;
    64 bytes: data key and private key)."""
    if secret is None or len(secret) not in (KEY_BYTES, 2 * KEY_BYTES):
        return None
    return KeyRing(secret[:KEY_BYTES], recovery, secret[KEY_BYTES:] or None)


# ---------------------------------------------------------------------------------------- account key pairs

def new_key_pair() -> tuple[bytes, bytes]:
    """A new X25519 key pair (private, public), 32 raw bytes each."""
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
    from cryptography.hazmat.primitives.serialization import (
        Encoding,
        NoEncryption,
        PrivateFormat,
        PublicFormat,
    )

    private = X25519PrivateKey.generate()
    return (private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption()),
            private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw))


def public_text(public: bytes) -> str:
    return _b64(public)


def _case_aad(case_id: int, account_id: int | None) -> bytes:
    return f"qcy-case-key/case/{case_id}/account/{account_id if account_id is not None else 'recovery'}".encode()


def wrap_to_public(case_key: bytes, public_key: str, case_id: int, account_id: int | None) -> str:
    """``case_key`` wrapped to an account's public key (base64 text, ``accounts.public_key``): an ephemeral
    X25519 exchange, HKDF-SHA256 over both public keys, AES-256-GCM bound to the case and the account."""
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    recipient = _unb64(public_key)
    ephemeral = X25519PrivateKey.generate()
    epk = ephemeral.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient))
    kek = _hkdf(shared, epk + recipient, b"qcy-workstation case key")
    return _seal(kek, case_key, _case_aad(case_id, account_id), {"kdf": "x25519-hkdf", "epk": _b64(epk)})


def unwrap_with_private(text: str | None, private_key: bytes | None, case_id: int, account_id: int | None) -> bytes | None:
    """The case key, or None when there is no wrapping, it is not for this key, or was changed."""
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    record = _record(text)
    if record is None or record.get("kdf") != "x25519-hkdf" or not private_key:
        return None
    try:
        mine = X25519PrivateKey.from_private_bytes(private_key)
        epk = _unb64(record["epk"])
        shared = mine.exchange(X25519PublicKey.from_public_bytes(epk))
    except (KeyError, ValueError, binascii.Error):
        return None
    recipient = mine.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return _open(_hkdf(shared, epk + recipient, b"qcy-workstation case key"), record, _case_aad(case_id, account_id))


# ---------------------------------------------------------------------------------------- file keys

def _file_aad(area: str, sha256: str, scope: str) -> bytes:
    return f"qcy-file-key/{area}/{sha256}/{scope}".encode()


def wrap_file_key(file_key: bytes, kek: bytes, area: str, sha256: str, scope: str) -> str:
    """A sealed file's own key wrapped (AES-256-GCM) under ``kek``: a case key (``scope`` "case/<id>") or the
    key derived from the file's plaintext (``scope`` "content", ``content_kek``). Bound to the file and the
    scope, so a wrapping copied onto another file or case does not open."""
    return _seal(kek, file_key, _file_aad(area, sha256, scope), {"kdf": "none"})


def unwrap_file_key(text: str | None, kek: bytes | None, area: str, sha256: str, scope: str) -> bytes | None:
    """The file key, or None when there is no wrapping, ``kek`` is not its key, or it was changed."""
    record = _record(text)
    if record is None or not kek:
        return None
    return _open(kek, record, _file_aad(area, sha256, scope))


def content_kek(content_secret: bytes, area: str, sha256: str) -> bytes:
    """The key of a file's "content" wrapping, from a second hash of its whole plaintext
    (``db.sealed.content_hasher``): whoever holds the plaintext (an account attaching the same file to its
    own case) opens the file key, and so nothing it does not already have."""
    return _hkdf(content_secret, sha256.encode(), f"qcy-workstation file content/{area}".encode())


def key_id(data_key: bytes) -> str:
    """A name for a data key that does not reveal it (HMAC-SHA256 of a fixed label, 32 hex digits)."""
    return hmac.new(data_key, b"qcy-workstation data key id", hashlib.sha256).hexdigest()[:32]


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _seal(kek: bytes, data_key: bytes, aad: bytes, meta: dict[str, Any]) -> str:
    nonce = os.urandom(12)
    ct = AESGCM(kek).encrypt(nonce, data_key, aad)
    return json.dumps({"v": 1, **meta, "nonce": _b64(nonce), "ct": _b64(ct)}, sort_keys=True)


def _open(kek: bytes, record: dict[str, Any], aad: bytes) -> bytes | None:
    try:
        return AESGCM(kek).decrypt(_unb64(record["nonce"]), _unb64(record["ct"]), aad)
    except (InvalidTag, KeyError, ValueError, binascii.Error):
        return None


def _record(text: str | None) -> dict[str, Any] | None:
    if not text:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    return data if isinstance(data, dict) and data.get("v") == 1 else None


# ---------------------------------------------------------------------------------------- passwords

def _password_kek(password: str, salt: bytes, t: int, m: int, p: int) -> bytes:
    return hash_secret_raw((password or "").encode("utf-8"), salt, time_cost=t, memory_cost=m, parallelism=p,
                           hash_len=KEY_BYTES, type=Type.ID)


def _account_aad(account_id: int) -> bytes:
    return f"qcy-data-key/account/{account_id}".encode()


def wrap_for_password(data_key: bytes, password: str, account_id: int) -> str:
    salt = os.urandom(16)
    kek = _password_kek(password, salt, **PASSWORD_KDF)
    return _seal(kek, data_key, _account_aad(account_id), {"kdf": "argon2id", **PASSWORD_KDF, "salt": _b64(salt)})


def unwrap_with_password(text: str | None, password: str, account_id: int) -> bytes | None:
    """The data key, or None when there is no wrapping or it does not open (wrong password, changed)."""
    record = _record(text)
    if record is None or record.get("kdf") != "argon2id":
        return None
    try:
        kek = _password_kek(password, _unb64(record["salt"]), int(record["t"]), int(record["m"]), int(record["p"]))
    except (KeyError, ValueError, binascii.Error):
        return None
    return _open(kek, record, _account_aad(account_id))


# ---------------------------------------------------------------------------------------- session tokens

def _hkdf(secret: bytes, salt: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=salt, info=info).derive(secret)


def wrap_for_token(data_key: bytes, token: str) -> str:
    salt = os.urandom(16)
    kek = _hkdf(token.strip().encode(), salt, b"qcy-workstation session")
    return _seal(kek, data_key, b"qcy-data-key/session", {"kdf": "hkdf-sha256", "salt": _b64(salt)})


def unwrap_with_token(text: str | None, token: str) -> bytes | None:
    record = _record(text)
    if record is None or record.get("kdf") != "hkdf-sha256":
        return None
    try:
        kek = _hkdf(token.strip().encode(), _unb64(record["salt"]), b"qcy-workstation session")
    except (KeyError, ValueError, binascii.Error):
        return None
    return _open(kek, record, b"qcy-data-key/session")


# ---------------------------------------------------------------------------------------- recovery key

def new_recovery_key() -> str:
    """256 random bits as 13 groups of 4 base32 characters (no padding), e.g. ``ABCD-EFGH-…``."""
    text = base64.b32encode(os.urandom(KEY_BYTES)).decode("ascii").rstrip("=")
    return "-".join(text[i:i + 4] for i in range(0, len(text), 4))


def _recovery_secret(recovery_key: str) -> bytes:
    text = "".join(ch for ch in (recovery_key or "").upper() if ch.isalnum())
    try:
        raw = base64.b32decode(text + "=" * (-len(text) % 8))
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != KEY_BYTES:
        raise ValidationError("this is not a recovery key (13 groups of 4 letters and digits)", field="recovery_key",
                              reason="crypto.recovery_key")
    return raw


def wrap_for_recovery(data_key: bytes, recovery_key: str) -> str:
    salt = os.urandom(16)
    kek = _hkdf(_recovery_secret(recovery_key), salt, b"qcy-workstation recovery")
    return _seal(kek, data_key, b"qcy-data-key/recovery", {"kdf": "hkdf-sha256", "salt": _b64(salt)})


def unwrap_with_recovery(text: str | None, recovery_key: str) -> bytes:
    """The data key; ``crypto.recovery_key`` when the key is malformed or not this store's."""
    secret = _recovery_secret(recovery_key)
    record = _record(text)
    key = None
    if record is not None:
        try:
            key = _open(_hkdf(secret, _unb64(record["salt"]), b"qcy-workstation recovery"), record,
                        b"qcy-data-key/recovery")
        except (KeyError, ValueError, binascii.Error):
            key = None
    if key is None:
        raise ValidationError("this recovery key does not open this store's key", field="recovery_key",
                              reason="crypto.recovery_key")
    return key


# ---------------------------------------------------------------------------------------- principals

def data_key_of(principal: Any) -> bytes:
    """The unwrapped data key a principal holds; ``crypto.no_key`` when it holds none (an account created or
    reset by someone without the key, or a principal not made by a login)."""
    ring = getattr(principal, "keys", None)
    if ring is None:
        raise PermissionDeniedError(f"{principal} holds no key for encrypted files: log in again, or ask the "
                                    "administrator to reset your password", field="account",
                                    reason="crypto.no_key", params={"account": str(principal)})
    return bytes(ring.data_key)
