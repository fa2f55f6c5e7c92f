"""Sealed (encrypted) files of the files folder: evidence and issued documents of confidential cases
(issue 14 item 5).

**Where.** A plain file keeps its content address ``<area>/<sha[:2]>/<sha>``; a sealed one lives beside it
as ``<area>/<sha[:2]>/<sha>.enc``. The address stays the SHA-256 of the *plaintext*, so the hashes recorded
on evidence rows, in issued documents and in the audit trail keep their meaning and identical files are
still stored once per form. Backup and restore copy ``.enc`` files like any other.

**Format** (AES-256-GCM in 1 MiB segments, the STREAM construction, so a file of any size is sealed and
opened in constant memory)::

    header  = b"QCYSEAL1" | key id (16 bytes) | nonce prefix (7 random bytes)
    segment = AES-GCM(data key, nonce = prefix | counter (4 bytes, big-endian) | last (1 byte),
                      plaintext <= 1 MiB, associated data = header)

A changed byte, a reordered, dropped or appended segment, or a cut at a segment border fails the tag of
some segment (``crypto.tampered``); a file sealed with another store's key is told by its key id
(``crypto.wrong_key``). Opening also re-hashes the plaintext against the address, so a sealed file moved
onto another file's name is caught as well.

**Checking without a key** (``store check``, ``evidence verify`` by anyone): the SHA-256 of the ciphertext
is recorded in ``sealed_files`` when the file is sealed; without the key a sealed file is re-hashed against
that record (missing or changed, like a plain file). With the key the check decrypts and re-hashes the
plaintext, which also proves the GCM tags.

**Which key.** Since revision 0015 each sealed file is sealed with its own random **file key** (the key id in
the header is the file key's), wrapped under the key of every confidential case using the file and under a
key derived from its plaintext (``accounts/file_keys.py``; ``content_hasher`` here). Files sealed by older
versions keep the same format with the store's data key or one case's key in the header, and still open.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import io
import os
import stat
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import BigInteger, DateTime, String, UniqueConstraint, select
from sqlalchemy.orm import Mapped, mapped_column

from qcy_workstation.db.base import Base, utcnow
from qcy_workstation.errors import IntegrityError

MAGIC = b"QCYSEAL1"
KEY_ID_BYTES = 16
PREFIX_BYTES = 7
HEADER_BYTES = len(MAGIC) + KEY_ID_BYTES + PREFIX_BYTES
SEGMENT = 1 << 20
TAG_BYTES = 16
SUFFIX = ".enc"
PART_PREFIX = ".sealing-"  # temporary files of a seal or unseal in progress (``store check`` lists them)


class SealedFile(Base):
    """The ciphertext hash of a sealed file (``area`` "evidence" or "documents", ``sha256`` its address)."""

    __tablename__ = "sealed_files"
    __table_args__ = (UniqueConstraint("area", "sha256"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    area: Mapped[str] = mapped_column(String(20))
    sha256: Mapped[str] = mapped_column(String(64))
    cipher_sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(BigInteger)
    key_id: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


CONTENT_DOMAIN = b"qcy-workstation file content key\x00"


def content_hasher() -> Any:
    """A hash of a file's whole plaintext, apart from its address (a SHA-256 with a prefix cannot be computed
    from the plain SHA-256): fed the same bytes while sealing, its digest derives the "content" wrapping's key
    (``accounts/file_keys.py``), so only someone holding the plaintext opens that wrapping."""
    return hashlib.sha256(CONTENT_DOMAIN)


def content_secret_of(path: Path) -> bytes:
    h = content_hasher()
    with path.open("rb") as fh:
        while chunk := fh.read(SEGMENT):
            h.update(chunk)
    return bytes(h.digest())


def _key_id(key: bytes) -> bytes:
    # The same value as accounts.keys.key_id (its first 16 bytes): db/ may not import accounts/.
    return hmac.new(key, b"qcy-workstation data key id", hashlib.sha256).digest()[:KEY_ID_BYTES]


def _nonce(prefix: bytes, counter: int, last: bool) -> bytes:
    return prefix + counter.to_bytes(4, "big") + (b"\x01" if last else b"\x00")


def _read_full(src: BinaryIO, n: int) -> bytes:
    parts, got = [], 0
    while got < n:
        chunk = src.read(n - got)
        if not chunk:
            break
        parts.append(chunk)
        got += len(chunk)
    return b"".join(parts)


def seal(src: BinaryIO, out: BinaryIO, key: bytes, *,
         on_plain: Callable[[bytes], None] | None = None) -> tuple[str, int]:
    """Encrypt ``src`` into ``out``; returns the SHA-256 and size of the ciphertext. ``on_plain`` sees each
    plaintext segment (hashing, progress; it may raise to stop)."""
    aes = AESGCM(key)
    prefix = os.urandom(PREFIX_BYTES)
    header = MAGIC + _key_id(key) + prefix
    digest = hashlib.sha256(header)
    out.write(header)
    size, counter = len(header), 0
    chunk = _read_full(src, SEGMENT)
    while True:
        following = _read_full(src, SEGMENT) if len(chunk) == SEGMENT else b""
        last = not following
        if on_plain is not None:
            on_plain(chunk)
        ct = aes.encrypt(_nonce(prefix, counter, last), chunk, header)
        out.write(ct)
        digest.update(ct)
        size += len(ct)
        if last:
            return digest.hexdigest(), size
        counter += 1
        chunk = following


def _tampered(name: str) -> IntegrityError:
    return IntegrityError(f"the encrypted file {name!r} was changed or damaged", field="file", value=name,
                          reason="crypto.tampered", params={"name": name})


def unseal(src: BinaryIO, out: BinaryIO | None, key: bytes, *, name: str = "") -> str:
    """Decrypt ``src`` (into ``out`` when given); returns the SHA-256 of the plaintext. Any failed tag, a
    bad header or a cut: ``crypto.tampered``; another store's key: ``crypto.wrong_key``. ``out`` may have
    received part of the plaintext when this raises: write it to a temporary file."""
    header = _read_full(src, HEADER_BYTES)
    if len(header) != HEADER_BYTES or not header.startswith(MAGIC):
        raise _tampered(name)
    if not hmac.compare_digest(header[len(MAGIC):len(MAGIC) + KEY_ID_BYTES], _key_id(key)):
        raise IntegrityError(f"{name!r} was encrypted with another store's key", field="file", value=name,
                             reason="crypto.wrong_key", params={"name": name})
    aes = AESGCM(key)
    prefix = header[-PREFIX_BYTES:]
    plain = hashlib.sha256()
    counter = 0
    block = _read_full(src, SEGMENT + TAG_BYTES)
    while True:
        following = _read_full(src, SEGMENT + TAG_BYTES) if len(block) == SEGMENT + TAG_BYTES else b""
        last = not following
        try:
            chunk = aes.decrypt(_nonce(prefix, counter, last), block, header)
        except InvalidTag:
            raise _tampered(name) from None
        plain.update(chunk)
        if out is not None:
            out.write(chunk)
        if last:
            return plain.hexdigest()
        counter += 1
        block = following


def seal_bytes(data: bytes, key: bytes) -> bytes:
    out = io.BytesIO()
    seal(io.BytesIO(data), out, key)
    return out.getvalue()


class BlobArea:
    """One content-addressed folder of the files folder (``evidence`` or ``documents``), with its plain and
    sealed files. Reading prefers a plain copy (needs no key) and otherwise opens the sealed one."""

    def __init__(self, files_dir: Path, area: str) -> None:
        self.area = area
        self.root = files_dir / area

    def plain_path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def sealed_path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / (sha256 + SUFFIX)

    def has_plain(self, sha256: str) -> bool:
        return self.plain_path(sha256).is_file()

    def has_sealed(self, sha256: str) -> bool:
        return self.sealed_path(sha256).is_file()

    # ------------------------------------------------------------------------------------------ writing

    def _temp(self, sha256: str) -> Path:
        folder = self.root / sha256[:2]
        folder.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(dir=folder, prefix=PART_PREFIX, suffix=".part")
        os.close(fd)
        return Path(name)

    @staticmethod
    def _place(tmp: Path, dest: Path) -> bool:
        """Move a finished file to ``dest`` (read-only); False (and ``tmp`` removed) when ``dest`` exists."""
        if dest.exists():
            tmp.unlink()
            return False
        os.replace(tmp, dest)
        with contextlib.suppress(OSError):  # file systems without modes
            dest.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
        return True

    def place_sealed(self, tmp: Path, sha256: str) -> bool:
        """Move a sealed temporary file to its address; False when that file is already there."""
        dest = self.sealed_path(sha256)
        dest.parent.mkdir(parents=True, exist_ok=True)
        return self._place(tmp, dest)

    def record(self, s: Any, sha256: str, cipher_sha256: str, size: int, key: bytes) -> None:
        """Record (or update) the ciphertext hash of the sealed file at ``sha256`` in session ``s``."""
        row = s.execute(select(SealedFile).where(SealedFile.area == self.area, SealedFile.sha256 == sha256)).scalar()
        if row is None:
            row = SealedFile(area=self.area, sha256=sha256, cipher_sha256=cipher_sha256, size=size,
                             key_id=_key_id(key).hex())
            s.add(row)
        else:
            row.cipher_sha256, row.size, row.key_id = cipher_sha256, size, _key_id(key).hex()

    def write_sealed(self, s: Any, data: bytes, key: bytes) -> str:
        """Seal ``data`` at its address (once) and record its ciphertext hash; returns the address."""
        sha = hashlib.sha256(data).hexdigest()
        if self.has_sealed(sha):
            return sha
        tmp = self._temp(sha)
        try:
            with tmp.open("wb") as out:
                cipher_sha, size = seal(io.BytesIO(data), out, key)
            if self.place_sealed(tmp, sha):
                self.record(s, sha, cipher_sha, size, key)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
            raise
        return sha

    def seal_existing(self, s: Any, sha256: str, key: bytes, *,
                      on_plain: Callable[[bytes], None] | None = None) -> bool:
        """Make the sealed form of a plain file (checked against its address first); True when made.
        ``on_plain`` sees the plaintext as it is sealed."""
        if self.has_sealed(sha256) or not self.has_plain(sha256):
            return False
        tmp = self._temp(sha256)
        plain = hashlib.sha256()

        def seen(chunk: bytes) -> None:
            plain.update(chunk)
            if on_plain is not None:
                on_plain(chunk)

        try:
            with self.plain_path(sha256).open("rb") as src, tmp.open("wb") as out:
                cipher_sha, size = seal(src, out, key, on_plain=seen)
            if plain.hexdigest() != sha256:
                raise IntegrityError(f"the stored file {sha256} was modified", field="file", value=sha256,
                                     reason="evidence.modified", params={"name": sha256})
            if self.place_sealed(tmp, sha256):
                self.record(s, sha256, cipher_sha, size, key)
                return True
            return False
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
            raise

    def unseal_existing(self, sha256: str, key: bytes) -> bool:
        """Make the plain form of a sealed file (decrypted and checked); True when made."""
        if self.has_plain(sha256) or not self.has_sealed(sha256):
            return False
        tmp = self._temp(sha256)
        try:
            self.decrypt_to(sha256, tmp, key)
            return self._place(tmp, self.plain_path(sha256))
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
            raise

    def reseal(self, s: Any, sha256: str, old_key: bytes, new_key: bytes, *,
               on_plain: Callable[[bytes], None] | None = None) -> None:
        """Seal a sealed file again under ``new_key`` (``store rekey``): decrypted into a private temporary
        folder outside the store, sealed anew (``on_plain`` sees the plaintext), moved over the old ``.enc`` in
        one step, its record updated in session ``s``."""
        import shutil

        folder = Path(tempfile.mkdtemp(prefix="qcy-rekey-"))
        tmp: Path | None = None
        try:
            plain = folder / "plain"
            self.decrypt_to(sha256, plain, old_key)
            tmp = self._temp(sha256)
            with plain.open("rb") as src, tmp.open("wb") as out:
                cipher_sha, size = seal(src, out, new_key, on_plain=on_plain)
                out.flush()
                os.fsync(out.fileno())
            dest = self.sealed_path(sha256)
            with contextlib.suppress(OSError):
                dest.chmod(stat.S_IRUSR | stat.S_IWUSR)
            os.replace(tmp, dest)
            tmp = None
            with contextlib.suppress(OSError):
                dest.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
            self.record(s, sha256, cipher_sha, size, new_key)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
            if tmp is not None:
                with contextlib.suppress(FileNotFoundError):
                    tmp.unlink()

    def remove(self, path: Path) -> None:
        """Remove a stored (read-only) file: writable first, for Windows."""
        with contextlib.suppress(OSError):
            path.chmod(stat.S_IRUSR | stat.S_IWUSR)
            path.unlink()

    def drop_sealed(self, s: Any, sha256: str) -> None:
        self.remove(self.sealed_path(sha256))
        row = s.execute(select(SealedFile).where(SealedFile.area == self.area, SealedFile.sha256 == sha256)).scalar()
        if row is not None:
            s.delete(row)

    # ------------------------------------------------------------------------------------------ reading

    def decrypt_to(self, sha256: str, target: Path, key: bytes, *, name: str = "") -> None:
        """Write the plaintext of the sealed file to ``target`` and check it against its address."""
        with self.sealed_path(sha256).open("rb") as src, target.open("wb") as out:
            got = unseal(src, out, key, name=name or sha256)
            out.flush()
            os.fsync(out.fileno())
        if got != sha256:
            target.unlink()
            raise _tampered(name or sha256)

    def read_sealed(self, sha256: str, key: bytes, *, name: str = "") -> bytes:
        out = io.BytesIO()
        with self.sealed_path(sha256).open("rb") as src:
            got = unseal(src, out, key, name=name or sha256)
        if got != sha256:
            raise _tampered(name or sha256)
        return out.getvalue()

    def sealed_key_id(self, sha256: str) -> bytes | None:
        """The key id in the sealed file's header (which key sealed it: the store's data key or a case key)."""
        try:
            with self.sealed_path(sha256).open("rb") as fh:
                header = _read_full(fh, HEADER_BYTES)
        except OSError:
            return None
        return header[len(MAGIC):len(MAGIC) + KEY_ID_BYTES] if header.startswith(MAGIC) else None

    def sealed_with(self, sha256: str, key: bytes) -> bool:
        found = self.sealed_key_id(sha256)
        return found is not None and hmac.compare_digest(found, _key_id(key))

    def check_sealed(self, s_or_store: Any, sha256: str, key: bytes | None) -> str:
        """"ok", or "modified" for a sealed file: decrypted and re-hashed with a key, else its ciphertext
        re-hashed against ``sealed_files`` (``s_or_store``: a session or the store). A key that did not seal
        this file (the data key, for a file sealed with a case key) is not used."""
        if key is not None and self.sealed_key_id(sha256) not in (None, _key_id(key)):
            key = None
        if key is not None:
            try:
                with self.sealed_path(sha256).open("rb") as src:
                    return "ok" if unseal(src, None, key) == sha256 else "modified"
            except IntegrityError:
                return "modified"
        if hasattr(s_or_store, "read"):
            with s_or_store.read() as s:
                expected = self._cipher_sha(s, sha256)
        else:
            expected = self._cipher_sha(s_or_store, sha256)
        if expected is None:
            return "modified"
        h = hashlib.sha256()
        with self.sealed_path(sha256).open("rb") as fh:
            while chunk := fh.read(SEGMENT):
                h.update(chunk)
        return "ok" if h.hexdigest() == expected else "modified"

    def _cipher_sha(self, s: Any, sha256: str) -> str | None:
        return s.execute(select(SealedFile.cipher_sha256).where(SealedFile.area == self.area,
                                                                SealedFile.sha256 == sha256)).scalar()
