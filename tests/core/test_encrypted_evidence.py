"""Issue 14 item 5: evidence files and issued documents of confidential cases are encrypted at rest.

A copy of the store folder alone reveals nothing (a known marker is nowhere in the files folder); the case
officer and the head read them after login; an account without access is refused by code; a changed
ciphertext byte is a coded integrity error that changes nothing; changing the password, a reset by the
administrator and the recovery key keep the key reachable; a backup restored elsewhere decrypts with the same
logins; the CLI works with a session token.
"""

from __future__ import annotations

import io
import json
import os
import stat
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from cli_runner import run_cli
from sqlalchemy import select

from qcy_workstation.accounts.principal import Principal
from qcy_workstation.accounts.service import AccountService
from qcy_workstation.cases.dto import NewCase, PartyInput, RightInput
from qcy_workstation.cases.evidence import EvidenceService
from qcy_workstation.cases.models import Evidence
from qcy_workstation.cases.services import CaseService
from qcy_workstation.db import backup as backups
from qcy_workstation.db import sealed
from qcy_workstation.db.store import open_store
from qcy_workstation.documents.service import DocumentService
from qcy_workstation.errors import IntegrityError, PermissionDeniedError, ValidationError

PASSWORD = "encrypted-2026"
MARKER = b"QCY-PLAINTEXT-MARKER-7f3a"  # appears in the evidence file and nowhere else


@pytest.fixture
def world(tmp_path: Path, open_test_store) -> Any:  # type: ignore[no-untyped-def]
    store = open_test_store(tmp_path)
    path = store.path
    accounts = AccountService(store, sleep=lambda _s: None)
    root = accounts.create_administrator("root", "站长", PASSWORD)
    recovery = root.keys.take_recovery_key() if root.keys else None
    for login, name, roles in (("zhang", "张敏", ["officer"]), ("liu", "刘洋", ["officer"]),
                               ("zhao", "赵磊", ["head"])):
        accounts.create(root, login, name, roles, PASSWORD, must_change=False)
    who = {login: accounts.authenticate(login, PASSWORD) for login in ("zhang", "liu", "zhao")} | {"root": root}
    head = CaseService(store, who["zhao"])
    secret = head.create(NewCase(
        title="热处理曲线被前员工带走", ip_type="trade-secret", applicant=PartyInput("西安秦岭合金材料有限公司"),
        staff="张敏", received_on=date(2026, 11, 2),
        rights=(RightInput(kind="trade-secret", title="热处理工艺曲线", secret_description="保温温度与时间"),)))
    plain = head.create(NewCase(title="“秦岭”商标侵权", ip_type="trademark", applicant=PartyInput("西安秦岭茶业有限公司"),
                                staff="张敏", received_on=date(2026, 11, 2)))
    evidence_file = tmp_path / "工艺曲线.txt"
    evidence_file.write_bytes(b"header\n" + MARKER + b"\n" + os.urandom(3 << 20) + MARKER)  # > 3 segments
    yield {"store": store, "path": path, "accounts": accounts, "who": who, "secret": secret.number,
           "plain": plain.number, "file": evidence_file, "recovery": recovery, "tmp": tmp_path}
    store.close()


def _files_with(folder: Path, needle: bytes) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and needle in p.read_bytes()]


def _export(store: Any, principal: Any, evidence_id: int, folder: Path) -> bytes:
    folder.mkdir(parents=True, exist_ok=True)
    return EvidenceService(store, principal).export_copy(evidence_id, folder).read_bytes()


def test_confidential_evidence_is_ciphertext_on_disk_and_readable_only_with_access(world: Any) -> None:
    store, who, tmp = world["store"], world["who"], world["tmp"]
    ev = EvidenceService(store, who["zhang"]).add(world["secret"], world["file"])
    assert ev.encrypted and ev.sha256 == sealed.hashlib.sha256(world["file"].read_bytes()).hexdigest()
    blob = store.files_dir / "evidence" / ev.sha256[:2] / (ev.sha256 + ".enc")
    assert blob.is_file() and not (blob.parent / ev.sha256).exists()
    assert blob.read_bytes()[:8] == b"QCYSEAL1"
    assert not blob.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)  # read-only like plain ones
    # a copy of the store folder alone: the marker is in no file of the files folder, nor in the database
    assert _files_with(store.files_dir, MARKER) == []
    if world["path"] is not None:  # the SQLite file itself (a PostgreSQL store has no file to copy)
        assert MARKER not in world["path"].read_bytes()
    # the officer and the head read it after login; the bytes and the recorded hash are the original's
    original = world["file"].read_bytes()
    assert _export(store, who["zhang"], ev.id, tmp / "zhang") == original
    assert _export(store, who["zhao"], ev.id, tmp / "zhao") == original
    opened = EvidenceService(store, who["zhao"]).open_path(ev.id)
    assert opened.read_bytes() == original and store.files_dir not in opened.parents
    assert stat.S_IMODE(opened.parent.stat().st_mode) == 0o700  # a private folder of its own
    # an account without access is refused by code; one with access but without a key too
    with pytest.raises(PermissionDeniedError) as refused:
        _export(store, who["liu"], ev.id, tmp / "liu")
    assert refused.value.reason == "case.confidential"
    keyless = Principal(name="张敏", roles=frozenset({"officer"}), account_id=who["zhang"].account_id, login="zhang")
    with pytest.raises(PermissionDeniedError) as no_key:
        _export(store, keyless, ev.id, tmp / "keyless")
    assert no_key.value.reason == "crypto.no_key"
    with pytest.raises(PermissionDeniedError) as no_key:
        EvidenceService(store, keyless).add(world["secret"], world["tmp"] / "工艺曲线.txt")
    assert no_key.value.reason == "crypto.no_key"
    assert not list((tmp / "liu").iterdir()) and not list((tmp / "keyless").iterdir())
    # a plain case's evidence stays plain; checks work with and without the key
    other = world["tmp"] / "发票.txt"
    other.write_bytes(b"invoice " + MARKER)
    plain_ev = EvidenceService(store, who["zhang"]).add(world["plain"], other)
    assert not plain_ev.encrypted and (store.files_dir / "evidence" / plain_ev.sha256[:2] / plain_ev.sha256).is_file()
    assert EvidenceService(store, who["zhang"]).verify() == []
    assert EvidenceService(store, "store check").verify() == []  # without a key: the ciphertext's recorded hash
    assert [e.encrypted for e in EvidenceService(store, who["zhang"]).list(world["secret"])] == [True]


def test_a_changed_ciphertext_byte_is_a_coded_integrity_error_and_changes_nothing(world: Any) -> None:
    store, who, tmp = world["store"], world["who"], world["tmp"]
    ev = EvidenceService(store, who["zhang"]).add(world["secret"], world["file"])
    blob = EvidenceService(store).sealed_path(ev.sha256)
    data = bytearray(blob.read_bytes())
    data[sealed.HEADER_BYTES + (1 << 20) + 100] ^= 0x01  # one bit in the second segment
    blob.chmod(0o644)
    blob.write_bytes(bytes(data))
    with store.read() as s:
        rows_before = [(e.id, e.sha256, e.size) for e in s.execute(select(Evidence)).scalars()]
    out = tmp / "out"
    out.mkdir()
    with pytest.raises(IntegrityError) as bad:
        EvidenceService(store, who["zhao"]).export_copy(ev.id, out)
    assert bad.value.reason == "crypto.tampered" and bad.value.params["name"] == "工艺曲线.txt"
    assert list(out.iterdir()) == []  # no partial plaintext left behind
    with pytest.raises(IntegrityError) as bad:
        EvidenceService(store, who["zhao"]).open_path(ev.id)
    assert bad.value.reason == "crypto.tampered"
    assert blob.read_bytes() == bytes(data)  # the damaged file is kept as it is, for inspection
    with store.read() as s:
        assert [(e.id, e.sha256, e.size) for e in s.execute(select(Evidence)).scalars()] == rows_before
    # reported by the checks, with the key (decrypt + re-hash) and without it (recorded ciphertext hash)
    assert [p.problem for p in EvidenceService(store, who["zhang"]).verify()] == ["modified"]
    assert [p.problem for p in EvidenceService(store, "store check").verify()] == ["modified"]


def test_the_format_catches_truncation_reordering_and_another_stores_key() -> None:
    key, other = os.urandom(32), os.urandom(32)
    plain = os.urandom(2 * sealed.SEGMENT + 5)
    sealed_bytes = sealed.seal_bytes(plain, key)
    out = io.BytesIO()
    assert sealed.unseal(io.BytesIO(sealed_bytes), out, key) == sealed.hashlib.sha256(plain).hexdigest()
    assert out.getvalue() == plain
    seg = sealed.SEGMENT + sealed.TAG_BYTES
    header, body = sealed_bytes[:sealed.HEADER_BYTES], sealed_bytes[sealed.HEADER_BYTES:]
    cut = header + body[:2 * seg]  # cut at a segment border: the last segment is missing
    swapped = header + body[seg:2 * seg] + body[:seg] + body[2 * seg:]
    for bad in (cut, swapped, sealed_bytes + b"x", sealed_bytes[:10]):
        with pytest.raises(IntegrityError) as err:
            sealed.unseal(io.BytesIO(bad), None, key)
        assert err.value.reason == "crypto.tampered"
    with pytest.raises(IntegrityError) as err:
        sealed.unseal(io.BytesIO(sealed_bytes), None, other)
    assert err.value.reason == "crypto.wrong_key"
    assert sealed.unseal(io.BytesIO(sealed.seal_bytes(b"", key)), None, key) == sealed.hashlib.sha256(b"").hexdigest()


def test_password_change_reset_and_the_recovery_key_keep_the_key_reachable(world: Any) -> None:
    store, accounts, who, tmp = world["store"], world["accounts"], world["who"], world["tmp"]
    ev = EvidenceService(store, who["zhang"]).add(world["secret"], world["file"])
    original = world["file"].read_bytes()
    # the person changes the password: the key is re-wrapped, the old password opens nothing any more
    accounts.change_password(who["zhang"], PASSWORD, "张敏的新密码 2026")
    zhang = accounts.authenticate("zhang", "张敏的新密码 2026")
    assert _export(store, zhang, ev.id, tmp / "a") == original
    # the administrator resets it: the administrator's key is wrapped for the new password
    accounts.reset_password(who["root"], "zhang", "reset-by-root-1")
    assert _export(store, accounts.authenticate("zhang", "reset-by-root-1"), ev.id, tmp / "b") == original
    # a reset by an administrator who holds no key leaves the account without one (said by code)
    keyless_root = Principal(name="站长", roles=frozenset({"admin", "head"}), account_id=who["root"].account_id,
                             login="root")
    accounts.reset_password(keyless_root, "zhang", "reset-without-key")
    with pytest.raises(PermissionDeniedError) as no_key:
        _export(store, accounts.authenticate("zhang", "reset-without-key"), ev.id, tmp / "c")
    assert no_key.value.reason == "crypto.no_key"
    # the administrator forgot the password: the recovery key shown at set-up gives a new one and the key
    recovery = world["recovery"]
    assert recovery and len(recovery.split("-")) == 13
    with pytest.raises(ValidationError) as wrong:
        accounts.recover("root", recovery.replace(recovery[0], "A" if recovery[0] != "A" else "B", 1),
                         "root-new-password")
    assert wrong.value.reason == "crypto.recovery_key"
    assert accounts.authenticate("root", PASSWORD).keys is not None  # nothing changed by the wrong key
    root = accounts.recover("root", recovery.lower().replace("-", " "), "root-new-password")
    assert _export(store, root, ev.id, tmp / "d") == original
    root = accounts.authenticate("root", "root-new-password")
    accounts.reset_password(root, "zhang", "reset-with-key-again")  # and the administrator restores zhang's key
    assert _export(store, accounts.authenticate("zhang", "reset-with-key-again"), ev.id, tmp / "e") == original
    # a new recovery key replaces the old one
    newer = accounts.new_recovery_key(root)
    with pytest.raises(ValidationError):
        accounts.recover("root", recovery, "root-third-password")
    assert accounts.recover("root", newer, "root-third-password").keys is not None


def test_issued_documents_of_a_confidential_case_are_sealed(world: Any) -> None:
    store, who = world["store"], world["who"]
    draft = DocumentService(store, who["zhang"]).draft("advice-letter", world["secret"])
    DocumentService(store, who["zhao"]).review(draft.id)
    issued = DocumentService(store, who["root"]).issue(draft.id)
    docs = store.files_dir / "documents"
    names = sorted(p.name for p in docs.rglob("*") if p.is_file())
    assert names == sorted(sha + ".enc" for sha in issued.files.values())
    pdf = DocumentService(store, who["zhang"]).reprint(draft.id, "pdf")
    assert pdf[:5] == b"%PDF-" and sealed.hashlib.sha256(pdf).hexdigest() == issued.files["pdf"]
    assert DocumentService(store, who["zhao"]).verify_issued() == []
    assert DocumentService(store, "store check").verify_issued() == []
    with pytest.raises(PermissionDeniedError):
        DocumentService(store, who["liu"]).reprint(draft.id, "pdf")
    blob = docs / issued.files["pdf"][:2] / (issued.files["pdf"] + ".enc")
    blob.chmod(0o644)
    data = bytearray(blob.read_bytes())
    data[-1] ^= 0xFF
    blob.write_bytes(bytes(data))
    with pytest.raises(IntegrityError) as bad:
        DocumentService(store, who["zhang"]).reprint(draft.id, "pdf")
    assert bad.value.reason == "crypto.tampered"
    assert [p["problem"] for p in DocumentService(store, "store check").verify_issued()] == ["modified"]


def test_marking_a_case_confidential_seals_its_files_and_unmarking_unseals_them(world: Any) -> None:
    store, who, tmp = world["store"], world["who"], world["tmp"]
    ev = EvidenceService(store, who["zhang"]).add(world["plain"], world["file"])
    assert not ev.encrypted and _files_with(store.files_dir, MARKER)
    CaseService(store, who["zhao"]).update(world["plain"], confidential=True)
    assert _files_with(store.files_dir, MARKER) == []
    assert [e.encrypted for e in EvidenceService(store, who["zhang"]).list(world["plain"])] == [True]
    assert _export(store, who["zhang"], ev.id, tmp / "a") == world["file"].read_bytes()
    assert EvidenceService(store, "store check").verify() == []
    # the same file on a plain case keeps its plain copy when the first case is sealed
    CaseService(store, who["zhao"]).update(world["plain"], confidential=False)
    assert not EvidenceService(store, who["zhang"]).list(world["plain"])[0].encrypted
    assert not list((store.files_dir / "evidence").rglob("*.enc"))
    EvidenceService(store, who["zhang"]).add(world["secret"], world["file"])  # confidential: sealed as well
    CaseService(store, who["zhao"]).update(world["plain"], confidential=True)
    assert list((store.files_dir / "evidence").rglob("*.enc"))
    CaseService(store, who["zhao"]).update(world["plain"], confidential=False)
    assert list((store.files_dir / "evidence").rglob("*.enc"))  # still needed by the confidential case
    assert _files_with(store.files_dir, MARKER)  # and the plain copy is back for the plain case
    keyless = Principal(name="赵磊", roles=frozenset({"head"}), account_id=who["zhao"].account_id, login="zhao")
    with pytest.raises(PermissionDeniedError) as no_key:
        CaseService(store, keyless).update(world["plain"], confidential=True)
    assert no_key.value.reason == "crypto.no_key"
    assert not CaseService(store, who["zhao"]).get(world["plain"]).confidential  # the mark did not change


@pytest.mark.sqlite_only("backup and restore copy the SQLite file (backup.engine on PostgreSQL)")
def test_a_restored_backup_decrypts_with_the_same_logins(world: Any) -> None:
    store, who, tmp = world["store"], world["who"], world["tmp"]
    ev = EvidenceService(store, who["zhang"]).add(world["secret"], world["file"])
    result = backups.backup_store(store, tmp / "usb")
    assert _files_with(Path(result.folder), MARKER) == []  # the backup holds ciphertext only
    restored_path = tmp / "elsewhere" / "restored.sqlite"
    restored_path.parent.mkdir()
    backups.restore_store(result.folder, restored_path)
    restored = open_store(restored_path)
    try:
        assert _files_with(restored.files_dir, MARKER) == []
        zhang = AccountService(restored).authenticate("zhang", PASSWORD)
        assert _export(restored, zhang, ev.id, tmp / "restored-out") == world["file"].read_bytes()
        assert EvidenceService(restored, "store check").verify() == []
    finally:
        restored.close()


def test_an_open_store_keeps_files_plain(tmp_path: Path) -> None:
    store = open_store(tmp_path / "open.sqlite")
    try:
        case = CaseService(store, "张三").create(NewCase(
            title="商业秘密", ip_type="trade-secret", applicant=PartyInput("西安某公司"), received_on=date(2026, 11, 2),
            rights=(RightInput(kind="trade-secret", title="配方", secret_description="比例"),)))
        f = tmp_path / "a.txt"
        f.write_bytes(MARKER)
        ev = EvidenceService(store, "张三").add(case.number, f)
        assert not ev.encrypted and _files_with(store.files_dir, MARKER)
    finally:
        store.close()


def test_cli_evidence_with_a_session_token(world: Any) -> None:
    def cli(*args: str, token: str = "", stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "QCY_TOKEN": token, "QCY_FILES": str(world["store"].files_dir)}  # a server's folder
        return run_cli(["--db", world["store"].url, *args],
                              capture_output=True, text=True, env=env, input=stdin, timeout=120)

    login = cli("login", "--user", "zhang", "--password-stdin", "--print-token", stdin=PASSWORD + "\n")
    assert login.returncode == 0, login.stderr
    token = login.stdout.strip()
    added = cli("evidence", "add", world["secret"], str(world["file"]), "--json", token=token)
    assert added.returncode == 0, added.stderr
    view = json.loads(added.stdout)
    assert view["encrypted"] is True
    listed = cli("evidence", "list", world["secret"], "--json", token=token)
    assert listed.returncode == 0 and json.loads(listed.stdout)[0]["sha256"] == view["sha256"]
    verified = cli("evidence", "verify", world["secret"], token=token)
    assert verified.returncode == 0 and "intact" in verified.stdout, verified.stderr
    blob = world["store"].files_dir / "evidence" / view["sha256"][:2] / (view["sha256"] + ".enc")
    assert blob.read_bytes()[:8] == b"QCYSEAL1" and _files_with(world["store"].files_dir, MARKER) == []
    # the token carries the key: the service, given the token's principal, decrypts
    principal = AccountService(world["store"]).resolve_token(token)
    assert _export(world["store"], principal, view["id"], world["tmp"] / "cli") == world["file"].read_bytes()
    # an account without access gets a coded refusal from the CLI as well
    liu = cli("login", "--user", "liu", "--password-stdin", "--print-token", stdin=PASSWORD + "\n").stdout.strip()
    refused = cli("evidence", "list", world["secret"], token=liu)
    assert refused.returncode == 1 and "confidential" in refused.stderr


def test_create_admin_prints_the_recovery_key_once(tmp_path: Path) -> None:
    db = tmp_path / "new.sqlite"
    proc = run_cli(["--db", str(db), "accounts", "create-admin",
                           "--user", "root", "--name", "站长", "--password-stdin", "--json"],
                          capture_output=True, text=True, input=PASSWORD + "\n", timeout=120,
                          env={**os.environ, "QCY_TOKEN": ""})
    assert proc.returncode == 0, proc.stderr
    key = json.loads(proc.stdout)["recovery_key"]
    assert len(key.split("-")) == 13
    store = open_store(db)
    try:
        assert key.encode() not in db.read_bytes()  # only its wrapping of the data key is stored
        assert AccountService(store).recover("root", key, "root-new-password").keys is not None
    finally:
        store.close()
