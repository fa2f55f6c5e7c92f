"""Issue 14 item 5, last point: only accounts allowed to see a confidential case can decrypt its files.

Each account has an X25519 key pair (private half inside its password wrapping); a confidential case's
evidence is sealed with a random case key wrapped to every allowed account. An account that is not allowed
holds the store's data key and a valid session, and may read the store's files directly: the crypto layer
still cannot open the file with its keys. After the head grants access it can; after a revoke its wrapping
is gone (a key already seen cannot be taken back).
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from cli_runner import run_cli
from sqlalchemy import select

from qcy_workstation.accounts import case_keys, file_keys, keys
from qcy_workstation.accounts.models import Account, CaseKey, FileKey
from qcy_workstation.accounts.service import AccountService
from qcy_workstation.cases.dto import NewCase, PartyInput, RightInput
from qcy_workstation.cases.evidence import EvidenceService
from qcy_workstation.cases.models import Case
from qcy_workstation.cases.services import CaseService
from qcy_workstation.db import sealed
from qcy_workstation.errors import IntegrityError, PermissionDeniedError

PASSWORD = "case-keys-2026"


@pytest.fixture
def world(tmp_path: Path, open_test_store) -> Any:  # type: ignore[no-untyped-def]
    store = open_test_store(tmp_path)
    accounts = AccountService(store, sleep=lambda _s: None)
    root = accounts.create_administrator("root", "站长", PASSWORD)
    recovery = root.keys.take_recovery_key() if root.keys else None
    for login, name, roles in (("zhang", "张敏", ["officer"]), ("liu", "刘洋", ["officer"]),
                               ("zhao", "赵磊", ["head"])):
        accounts.create(root, login, name, roles, PASSWORD, must_change=False)
    who = {login: accounts.authenticate(login, PASSWORD) for login in ("zhang", "liu", "zhao")}
    secret = CaseService(store, who["zhao"]).create(NewCase(
        title="配方被前员工带走", ip_type="trade-secret", applicant=PartyInput("西安秦岭合金材料有限公司"),
        staff="张敏", received_on=date(2026, 11, 2),
        rights=(RightInput(kind="trade-secret", title="配方", secret_description="配比"),)))
    file = tmp_path / "配方.txt"
    file.write_bytes(b"formula " + os.urandom(4096))
    yield {"store": store, "accounts": accounts, "who": who, "secret": secret.number, "file": file,
           "tmp": tmp_path, "recovery": recovery}
    store.close()


def _direct_decrypt(store: Any, principal: Any, case_number: str, sha: str) -> bytes:
    """What an account can do with its own keys and a copy of the store: find the sealed file and try to open
    it with the data key, with a case key unwrapped by its private key (files sealed by an older version), or
    with the file's own key unwrapped by that case key (``file_keys``)."""
    area = sealed.BlobArea(store.files_dir, "evidence")
    with store.read() as s:
        case_id = s.execute(select(Case.id).where(Case.number == case_number)).scalar_one()
        wrapped = s.execute(select(CaseKey.wrapped).where(CaseKey.case_id == case_id,
                                                          CaseKey.account_id == principal.account_id,
                                                          CaseKey.purpose == "account")).scalar()
        file_key_wrap = s.execute(select(FileKey.wrapped).where(FileKey.case_id == case_id,
                                                                FileKey.sha256 == sha)).scalar()
    candidates = [principal.keys.data_key]
    case_key = keys.unwrap_with_private(wrapped, principal.keys.private_key, case_id, principal.account_id)
    if case_key is not None:
        candidates.append(case_key)
        file_key = keys.unwrap_file_key(file_key_wrap, case_key, "evidence", sha, f"case/{case_id}")
        candidates += [file_key] if file_key is not None else []
    errors = []
    for key in candidates:
        try:
            return area.read_sealed(sha, key)
        except IntegrityError as exc:
            errors.append(exc.reason)
    raise IntegrityError("no key of this account opens the file", reason=errors[-1])


def test_only_allowed_accounts_decrypt_a_confidential_cases_evidence_and_a_grant_lets_one_more(world: Any) -> None:
    store, who, tmp = world["store"], world["who"], world["tmp"]
    original = world["file"].read_bytes()
    # A (the assigned officer) adds and opens the evidence: sealed with the case's own key
    ev = EvidenceService(store, who["zhang"]).add(world["secret"], world["file"])
    assert ev.encrypted
    assert EvidenceService(store, who["zhang"]).open_path(ev.id).read_bytes() == original
    assert _direct_decrypt(store, who["zhang"], world["secret"], ev.sha256) == original
    area = sealed.BlobArea(store.files_dir, "evidence")
    assert not area.sealed_with(ev.sha256, who["zhang"].keys.data_key)  # not the store-wide data key
    # the head sees every case: it holds the case key too
    assert _direct_decrypt(store, who["zhao"], world["secret"], ev.sha256) == original
    # B (not allowed): a valid session, the store's data key and the files themselves are not enough
    liu = who["liu"]
    assert liu.keys is not None and liu.keys.private_key is not None
    with pytest.raises(IntegrityError) as refused:
        _direct_decrypt(store, liu, world["secret"], ev.sha256)
    assert refused.value.reason == "crypto.wrong_key"
    # ...even if the service's visibility check were bypassed (a principal that "sees everything")
    from dataclasses import replace

    with pytest.raises(PermissionDeniedError) as no_case_key:
        EvidenceService(store, replace(liu, roles=frozenset({"head"}))).open_path(ev.id)
    assert no_case_key.value.reason == "crypto.no_case_key"
    # the head grants B access: the case key is wrapped to B's public key, and B can decrypt
    CaseService(store, who["zhao"]).grant_access(world["secret"], "liu", "协助核对配方")
    liu_again = AccountService(store).authenticate("liu", PASSWORD)
    assert _direct_decrypt(store, liu_again, world["secret"], ev.sha256) == original
    out = tmp / "liu-out"
    out.mkdir()
    assert EvidenceService(store, liu_again).export_copy(ev.id, out).read_bytes() == original
    # revoked: the wrapping is gone (what B already decrypted cannot be taken back)
    CaseService(store, who["zhao"]).revoke_access(world["secret"], "liu")
    with pytest.raises(IntegrityError):
        _direct_decrypt(store, liu_again, world["secret"], ev.sha256)
    with pytest.raises(PermissionDeniedError) as hidden:
        EvidenceService(store, liu_again).open_path(ev.id)
    assert hidden.value.reason == "case.confidential"


def test_a_grant_by_someone_who_cannot_open_the_case_key_stays_pending(world: Any) -> None:
    store, who = world["store"], world["who"]
    EvidenceService(store, who["zhang"]).add(world["secret"], world["file"])
    from dataclasses import replace

    keyless_head = replace(who["zhao"], keys=keys.KeyRing(who["zhao"].keys.data_key))  # no private key
    CaseService(store, keyless_head).grant_access(world["secret"], "liu", "协助")
    with store.read() as s:
        liu_id = s.execute(select(Account.id).where(Account.login == "liu")).scalar_one()
        assert s.execute(select(CaseKey).where(CaseKey.account_id == liu_id)).first() is None


def test_password_change_keeps_and_recovery_restores_the_case_keys(world: Any) -> None:
    store, who, accounts = world["store"], world["who"], world["accounts"]
    ev = EvidenceService(store, who["zhang"]).add(world["secret"], world["file"])
    original = world["file"].read_bytes()
    accounts.change_password(who["zhang"], PASSWORD, "case-keys-2027")
    zhang = accounts.authenticate("zhang", "case-keys-2027")
    assert _direct_decrypt(store, zhang, world["secret"], ev.sha256) == original
    # the administrator lost the password: the recovery key gives a new one and every case key back
    root = accounts.recover("root", world["recovery"], "recovered-2026")
    assert _direct_decrypt(store, root, world["secret"], ev.sha256) == original
    # an administrator's reset gives the account a new pair; the administrator wraps the case keys it holds
    accounts.reset_password(root, "zhang", "reset-pass-2026")
    zhang = accounts.authenticate("zhang", "reset-pass-2026")
    assert _direct_decrypt(store, zhang, world["secret"], ev.sha256) == original


def test_an_account_from_before_case_keys_gets_its_pair_at_the_next_login(world: Any) -> None:
    store, accounts = world["store"], world["accounts"]
    # an account as the previous version left it: the password wrapping holds the data key only
    data_key = world["who"]["liu"].keys.data_key
    with store.write() as s:
        row = s.execute(select(Account).where(Account.login == "liu")).scalar_one()
        row.public_key, row.key_wrap = None, keys.wrap_for_password(data_key, PASSWORD, row.id)
    liu = accounts.authenticate("liu", PASSWORD)
    assert liu.keys.private_key is not None and liu.keys.data_key == data_key
    with store.read() as s:
        assert s.execute(select(Account.public_key).where(Account.login == "liu")).scalar()


def test_files_sealed_with_the_store_data_key_before_the_upgrade_keep_opening(world: Any) -> None:
    # an old confidential file: sealed with the data key, the case has no case key
    store, who = world["store"], world["who"]
    data = world["file"].read_bytes()
    area = sealed.BlobArea(store.files_dir, "evidence")
    from qcy_workstation.cases.models import Evidence

    with store.write() as s:
        sha = area.write_sealed(s, data, who["zhang"].keys.data_key)
        case_id = s.execute(select(Case.id).where(Case.number == world["secret"])).scalar_one()
        s.add(Evidence(case_id=case_id, sha256=sha, original_name="旧证据.txt", size=len(data), source="",
                       description="", received_on=date(2026, 11, 3), added_by="张敏"))
    with store.read() as s:
        ev_id = s.execute(select(Evidence.id).where(Evidence.sha256 == sha)).scalar_one()
        assert not case_keys.has_case_key(s, case_id)
    assert EvidenceService(store, who["zhang"]).open_path(ev_id).read_bytes() == data
    assert EvidenceService(store, "store check").verify() == []
    # store rekey (a head): the old file is sealed again with the case's own key; B no longer opens it
    from qcy_workstation.cases.sealing import rekey

    result = rekey(store, who["zhao"])
    assert result == {"cases": [world["secret"]], "shared": []}
    assert not area.sealed_with(sha, who["zhang"].keys.data_key)
    assert EvidenceService(store, who["zhang"]).open_path(ev_id).read_bytes() == data
    with pytest.raises(IntegrityError):
        _direct_decrypt(store, who["liu"], world["secret"], sha)
    assert EvidenceService(store, "store check").verify() == []
    assert rekey(store, who["zhao"]) == {"cases": [], "shared": []}  # nothing left to do


def test_the_head_grants_and_revokes_on_the_command_line_and_rekeys_the_store(world: Any) -> None:
    import json
    import subprocess

    def cli(*args: str, token: str = "", stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "QCY_TOKEN": token, "QCY_FILES": str(world["store"].files_dir)}
        return run_cli(["--db", world["store"].url, *args],
                              capture_output=True, text=True, env=env, input=stdin, timeout=120)

    def token_of(login: str) -> str:
        done = cli("login", "--user", login, "--password-stdin", "--print-token", stdin=PASSWORD + "\n")
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    zhang, zhao, liu = token_of("zhang"), token_of("zhao"), token_of("liu")
    added = json.loads(cli("evidence", "add", world["secret"], str(world["file"]), "--json", token=zhang).stdout)
    out = world["tmp"] / "liu-cli"
    out.mkdir()
    refused = cli("evidence", "list", world["secret"], token=liu)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    granted = cli("cases", "grant-access", world["secret"], "--user", "liu", "--reason", "协助核对", token=zhao)
    assert granted.returncode == 0, granted.stderr
    # B's session token carries its private key: the case key wrapped by the grant opens the file
    liu_session = AccountService(world["store"]).resolve_token(liu)
    copy = EvidenceService(world["store"], liu_session).export_copy(added["id"], out)
    assert copy.read_bytes() == world["file"].read_bytes()
    revoked = cli("cases", "revoke-access", world["secret"], "--user", "liu", token=zhao)
    assert revoked.returncode == 0 and "cannot be taken back" in revoked.stdout
    rekeyed = cli("store", "rekey", "--json", token=zhao)
    assert rekeyed.returncode == 0, rekeyed.stderr
    assert json.loads(rekeyed.stdout) == {"cases": [], "shared": []}  # sealed with the case key from the start


def test_a_revoke_rotates_the_case_key_so_the_revoked_accounts_old_key_opens_no_new_file(world: Any) -> None:
    """Issue 14 item 5, after a revoke: the case key B already unwrapped cannot be taken back, so new files get
    a new key; the old files keep opening for the staff still allowed (and for the recovery key)."""
    store, who, tmp = world["store"], world["who"], world["tmp"]
    area = sealed.BlobArea(store.files_dir, "evidence")
    old = EvidenceService(store, who["zhang"]).add(world["secret"], world["file"])
    CaseService(store, who["zhao"]).grant_access(world["secret"], "liu", "协助核对配方")
    liu = AccountService(store).authenticate("liu", PASSWORD)
    with store.read() as s:
        case_id = s.execute(select(Case.id).where(Case.number == world["secret"])).scalar_one()
        stolen = case_keys.open_case_key(s, case_id, liu)  # what B keeps after the revoke, whatever we do
        seen_file_key = file_keys.open_for(s, "evidence", old.sha256, liu)  # and the key of the file it opened
    assert stolen is not None and seen_file_key is not None
    assert area.read_sealed(old.sha256, seen_file_key) == world["file"].read_bytes()

    CaseService(store, who["zhao"]).revoke_access(world["secret"], "liu")
    later = tmp / "补充证据.txt"
    later.write_bytes(b"supplement " + os.urandom(4096))
    new = EvidenceService(store, who["zhang"]).add(world["secret"], later)
    assert new.encrypted
    # B's old key material opens the old file (it was seen) but not the one added after the revoke: neither the
    # old case key (the new file's key is wrapped under the new case key only) nor the old file's key
    with pytest.raises(IntegrityError) as refused:
        area.read_sealed(new.sha256, seen_file_key)
    assert refused.value.reason == "crypto.wrong_key"
    with store.read() as s:
        rows = {sha: (key_id, wrapped) for sha, key_id, wrapped in s.execute(
            select(FileKey.sha256, FileKey.key_id, FileKey.wrapped).where(FileKey.case_id == case_id))}
    assert set(rows) == {old.sha256, new.sha256}
    for sha, (key_id, wrapped) in rows.items():  # both wrapped under the new case key: the old one unwraps none
        assert key_id != keys.key_id(stolen)
        assert keys.unwrap_file_key(wrapped, stolen, "evidence", sha, f"case/{case_id}") is None
    assert area.sealed_key_id(new.sha256) != area.sealed_key_id(old.sha256)
    # nor does B hold any wrapping of either key any more
    with store.read() as s:
        assert s.execute(select(CaseKey).where(CaseKey.case_id == case_id,
                                               CaseKey.account_id == liu.account_id)).first() is None
    # the officer and the head open both, the new through the current key, the old through the former one
    for login in ("zhang", "zhao"):
        again = AccountService(store).authenticate(login, PASSWORD)
        assert EvidenceService(store, again).open_path(old.id).read_bytes() == world["file"].read_bytes()
        assert EvidenceService(store, again).open_path(new.id).read_bytes() == later.read_bytes()
    assert EvidenceService(store, "store check").verify() == []

    # granted again later: B gets the current key and the former one (the old file opens through the service)
    CaseService(store, who["zhao"]).grant_access(world["secret"], "liu", "再次协助")
    liu = AccountService(store).authenticate("liu", PASSWORD)
    assert EvidenceService(store, liu).open_path(old.id).read_bytes() == world["file"].read_bytes()
    assert EvidenceService(store, liu).open_path(new.id).read_bytes() == later.read_bytes()

    # the recovery key still brings back both keys: the administrator recovers and opens both files
    from qcy_workstation.cases.models import AuditEvent

    with store.read() as s:
        actions = [a for (a,) in s.execute(select(AuditEvent.action).where(AuditEvent.case_id == case_id))]
    assert "case_key_rotate" in actions and "revoke_access" in actions
    root = world["accounts"].recover("root", world["recovery"], "new-root-password-2026")
    assert EvidenceService(store, root).open_path(old.id).read_bytes() == world["file"].read_bytes()
    assert EvidenceService(store, root).open_path(new.id).read_bytes() == later.read_bytes()


def test_revoking_an_account_that_is_still_allowed_keeps_the_key(world: Any) -> None:
    """The head revokes a grant of the case officer himself (granted while assigned): he still sees the
    case as its officer, so nothing is rotated and his key stays."""
    store, who = world["store"], world["who"]
    ev = EvidenceService(store, who["zhang"]).add(world["secret"], world["file"])
    CaseService(store, who["zhao"]).grant_access(world["secret"], "zhang", "多余的授权")
    with store.read() as s:
        case_id = s.execute(select(Case.id).where(Case.number == world["secret"])).scalar_one()
        before = set(s.execute(select(CaseKey.key_id).where(CaseKey.case_id == case_id)).scalars())
        wrapping = s.execute(select(FileKey.key_id).where(FileKey.sha256 == ev.sha256,
                                                          FileKey.case_id == case_id)).scalar_one()
    assert before == {wrapping}  # the file's key is wrapped under the case key
    CaseService(store, who["zhao"]).revoke_access(world["secret"], "zhang")
    with store.read() as s:
        assert case_keys.open_case_key(s, case_id, who["zhang"]) is not None
        assert s.execute(select(CaseKey.key_id).where(CaseKey.case_id == case_id,
                                                      CaseKey.purpose == "account")).scalars().all()
        assert {k for (k,) in s.execute(select(CaseKey.key_id).where(CaseKey.case_id == case_id))} == before
