"""Issue 14 item 5, last point: the same evidence file attached to two confidential cases.

Files are content-addressed, so the same file in two trade-secret cases is one sealed file. It used to be
sealed with the first case's key only: the second case's officer could not open it, and ``store rekey``
left such files under the store-wide key (``shared``). Now each sealed file has its own key, wrapped under
the key of every confidential case that uses it: each officer opens it from their own case, an officer of
neither cannot, a revoke on one case re-wraps that case's file keys under its new key, and files sealed by
the older versions are converted by ``store rekey``.
"""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from cli_runner import run_cli
from sqlalchemy import select

from qcy_workstation.accounts import case_keys, file_keys, keys
from qcy_workstation.accounts.models import FileKey
from qcy_workstation.accounts.service import AccountService
from qcy_workstation.cases import sealing
from qcy_workstation.cases.dto import NewCase, PartyInput, RightInput
from qcy_workstation.cases.evidence import EvidenceService
from qcy_workstation.cases.models import Case, Evidence
from qcy_workstation.cases.services import CaseService
from qcy_workstation.db import sealed
from qcy_workstation.errors import IntegrityError, PermissionDeniedError

PASSWORD = "shared-files-2026"


def _trade_secret(head: CaseService, title: str, staff: str) -> str:
    return head.create(NewCase(
        title=title, ip_type="trade-secret", applicant=PartyInput("西安秦岭合金材料有限公司"), staff=staff,
        received_on=date(2026, 11, 2),
        rights=(RightInput(kind="trade-secret", title="热处理工艺", secret_description="保温温度与时间"),))).number


@pytest.fixture
def world(tmp_path: Path, open_test_store) -> Any:  # type: ignore[no-untyped-def]
    store = open_test_store(tmp_path)
    accounts = AccountService(store, sleep=lambda _s: None)
    root = accounts.create_administrator("root", "站长", PASSWORD)
    for login, name, roles in (("zhang", "张敏", ["officer"]), ("liu", "刘洋", ["officer"]),
                               ("wang", "王芳", ["officer"]), ("zhao", "赵磊", ["head"])):
        accounts.create(root, login, name, roles, PASSWORD, must_change=False)
    who = {login: accounts.authenticate(login, PASSWORD) for login in ("zhang", "liu", "wang", "zhao")}
    head = CaseService(store, who["zhao"])
    # two enterprises' trade-secret cases, different officers; the same leaked drawing is evidence in both
    a = _trade_secret(head, "前员工带走热处理曲线（秦岭合金）", "张敏")
    b = _trade_secret(head, "同一前员工在新东家使用该曲线（华山精工）", "刘洋")
    drawing = tmp_path / "热处理曲线.pdf"
    drawing.write_bytes(b"%PDF-1.4 curve " + os.urandom(2 << 20) + b" end")  # more than one segment
    yield {"store": store, "who": who, "a": a, "b": b, "file": drawing, "accounts": accounts, "tmp": tmp_path}
    store.close()


def _case_id(store: Any, number: str) -> int:
    with store.read() as s:
        return int(s.execute(select(Case.id).where(Case.number == number)).scalar_one())


def _opens(store: Any, principal: Any, evidence_id: int) -> bytes:
    path = EvidenceService(store, principal).open_path(evidence_id)
    try:
        return path.read_bytes()
    finally:
        if store.files_dir not in path.parents:  # a decrypted copy (a plain file is handed out in place)
            path.unlink()


def _store_check(store: Any) -> dict[str, Any]:
    """``store check --json`` on the command line, as the head (logged in with a session token)."""
    env = {**os.environ, "QCY_FILES": str(store.files_dir)}

    def cli(*args: str, **kw: Any) -> subprocess.CompletedProcess[str]:
        return run_cli(["--db", store.url, *args], capture_output=True,
                              text=True, timeout=120, **kw)

    token = cli("login", "--user", "zhao", "--password-stdin", "--print-token", input=PASSWORD + "\n", env=env)
    assert token.returncode == 0, token.stderr
    done = cli("store", "check", "--json", env={**env, "QCY_TOKEN": token.stdout.strip()})
    assert "Traceback" not in done.stderr, done.stderr
    return dict(json.loads(done.stdout))


def test_each_officer_opens_the_shared_file_from_their_own_case_and_a_revoke_on_one_leaves_the_other(
        world: Any) -> None:
    store, who, content = world["store"], world["who"], world["file"].read_bytes()
    area = sealed.BlobArea(store.files_dir, "evidence")
    # each officer attaches the file to their own case; the second cannot see the first case
    ev_a = EvidenceService(store, who["zhang"]).add(world["a"], world["file"])
    ev_b = EvidenceService(store, who["liu"]).add(world["b"], world["file"])
    assert ev_a.sha256 == ev_b.sha256 and ev_a.encrypted and ev_b.encrypted
    assert len(list((store.files_dir / "evidence").rglob("*.enc"))) == 1  # stored (sealed) once
    a_id, b_id = _case_id(store, world["a"]), _case_id(store, world["b"])
    with store.read() as s:
        assert file_keys.cases_of(s, "evidence", ev_a.sha256) == {a_id, b_id}
    # each officer opens it from their own case
    assert _opens(store, who["zhang"], ev_a.id) == content
    assert _opens(store, who["liu"], ev_b.id) == content
    # an officer of neither case: refused by the service, and her own keys open nothing (even with the
    # visibility check bypassed: a principal that "sees everything")
    for evidence in (ev_a, ev_b):
        with pytest.raises(PermissionDeniedError) as hidden:
            _opens(store, who["wang"], evidence.id)
        assert hidden.value.reason == "case.confidential"
    with pytest.raises(PermissionDeniedError) as no_key:
        _opens(store, replace(who["wang"], roles=frozenset({"head"})), ev_a.id)
    assert no_key.value.reason == "crypto.no_case_key"
    with pytest.raises(IntegrityError) as wrong:
        area.read_sealed(ev_a.sha256, who["wang"].keys.data_key)
    assert wrong.value.reason == "crypto.wrong_key"

    # the head grants Liu access on A as well, then revokes it: A's key is rotated
    head = CaseService(store, who["zhao"])
    head.grant_access(world["a"], "liu", "核对两案证据是否一致")
    liu = AccountService(store).authenticate("liu", PASSWORD)
    assert _opens(store, liu, ev_a.id) == content
    with store.read() as s:
        old_a_key = case_keys.open_case_key(s, a_id, liu)  # what Liu keeps, whatever we do
    head.revoke_access(world["a"], "liu")
    liu = AccountService(store).authenticate("liu", PASSWORD)
    with pytest.raises(PermissionDeniedError) as hidden:
        _opens(store, liu, ev_a.id)
    assert hidden.value.reason == "case.confidential"
    with store.read() as s:
        row_a = s.execute(select(FileKey).where(FileKey.sha256 == ev_a.sha256, FileKey.case_id == a_id)).scalar_one()
        # A's wrapping of the file key is under A's new key: Liu holds no wrapping of it, and the old key
        # Liu kept no longer unwraps it
        assert row_a.key_id != keys.key_id(old_a_key)
        assert case_keys.open_by_key_id(s, row_a.key_id, liu) is None
        assert keys.unwrap_file_key(row_a.wrapped, old_a_key, "evidence", ev_a.sha256, f"case/{a_id}") is None
    # ...but Liu still opens the file through case B, where he is the officer; Zhang through A
    assert _opens(store, liu, ev_b.id) == content
    assert _opens(store, AccountService(store).authenticate("zhang", PASSWORD), ev_a.id) == content
    # nothing for store rekey to do any more, and store check finds every file intact
    assert sealing.rekey(store, who["zhao"]) == {"cases": [], "shared": []}
    assert EvidenceService(store, "store check").verify() == []


def test_a_file_sealed_by_the_older_version_with_one_cases_key_is_shared_after_store_rekey(world: Any) -> None:
    """The store as the previous version left it: the file sealed with case A's key directly and attached
    to B as well, so B's officer could not open it; ``store rekey`` gives it its own key wrapped for both."""
    store, who, content = world["store"], world["who"], world["file"].read_bytes()
    area = sealed.BlobArea(store.files_dir, "evidence")
    a_id, b_id = _case_id(store, world["a"]), _case_id(store, world["b"])
    a_key = sealing.key_for_sealing(store, who["zhao"], a_id, world["a"])  # A's case key, made by the head
    sealing.key_for_sealing(store, who["zhao"], b_id, world["b"])
    with store.write() as s:
        sha = area.write_sealed(s, content, a_key)
        rows = [Evidence(case_id=case_id, sha256=sha, original_name="热处理曲线.pdf", size=len(content), source="",
                         description="", received_on=date(2026, 11, 3), added_by="张敏") for case_id in (a_id, b_id)]
        s.add_all(rows)
        s.flush()
        ev_a, ev_b = rows[0].id, rows[1].id
    assert _opens(store, who["zhang"], ev_a) == content  # the older format still opens
    with pytest.raises(PermissionDeniedError) as locked_out:  # the problem this fixes
        _opens(store, who["liu"], ev_b)
    assert locked_out.value.reason == "crypto.no_case_key"

    # store check names the file B's staff hold no key for (nothing is damaged: it stays "ok")
    checked = _store_check(store)
    assert checked["ok"] and checked["sealed_without_case_key"] == [
        {"area": "evidence", "sha256": sha, "case": world["b"], "problem": "other_case_key"}]

    result = sealing.rekey(store, who["zhao"])
    assert result == {"cases": [world["a"]], "shared": []}  # no longer left aside as "shared"
    assert _store_check(store)["sealed_without_case_key"] == []
    assert not area.sealed_with(sha, a_key)
    assert _opens(store, who["zhang"], ev_a) == content
    assert _opens(store, who["liu"], ev_b) == content
    with pytest.raises(PermissionDeniedError):
        _opens(store, replace(who["wang"], roles=frozenset({"head"})), ev_a)
    assert EvidenceService(store, "store check").verify() == []
    assert sealing.rekey(store, who["zhao"]) == {"cases": [], "shared": []}


def test_a_file_sealed_with_the_store_data_key_is_rekeyed_for_both_cases(world: Any) -> None:
    store, who, content = world["store"], world["who"], world["file"].read_bytes()
    area = sealed.BlobArea(store.files_dir, "evidence")
    a_id, b_id = _case_id(store, world["a"]), _case_id(store, world["b"])
    with store.write() as s:  # sealed before per-case keys: the store-wide data key every account holds
        sha = area.write_sealed(s, content, who["zhang"].keys.data_key)
        s.add_all([Evidence(case_id=case_id, sha256=sha, original_name="曲线.pdf", size=len(content), source="",
                            description="", received_on=date(2026, 11, 3), added_by="张敏")
                   for case_id in (a_id, b_id)])
    assert sealing.rekey(store, who["zhao"]) == {"cases": [world["a"]], "shared": []}
    with pytest.raises(IntegrityError):  # Wang's data key (a copy of the store) opens it no more
        area.read_sealed(sha, who["wang"].keys.data_key)
    with store.read() as s:
        ids = {e.case_id: e.id for e in s.execute(select(Evidence).where(Evidence.sha256 == sha)).scalars()}
    assert _opens(store, who["zhang"], ids[a_id]) == content
    assert _opens(store, who["liu"], ids[b_id]) == content
    assert EvidenceService(store, "store check").verify() == []


def test_unmarking_one_case_keeps_the_other_sealed_and_marking_it_again_wraps_the_key_for_it(world: Any) -> None:
    store, who, content = world["store"], world["who"], world["file"].read_bytes()
    area = sealed.BlobArea(store.files_dir, "evidence")
    ev_a = EvidenceService(store, who["zhang"]).add(world["a"], world["file"])
    ev_b = EvidenceService(store, who["liu"]).add(world["b"], world["file"])
    a_id, b_id = _case_id(store, world["a"]), _case_id(store, world["b"])
    head = CaseService(store, who["zhao"])
    head.update(world["b"], confidential=False)  # the second enterprise agreed: B is no longer confidential
    # B's staff read the plain copy; A keeps its sealed copy and its wrapping, B's wrapping is gone
    assert area.has_sealed(ev_a.sha256) and area.has_plain(ev_a.sha256)
    with store.read() as s:
        assert file_keys.cases_of(s, "evidence", ev_a.sha256) == {a_id}
    assert _opens(store, who["zhang"], ev_a.id) == content
    assert _opens(store, who["liu"], ev_b.id) == content
    with pytest.raises(PermissionDeniedError):  # A is still confidential: Wang sees it not
        _opens(store, who["wang"], ev_a.id)
    assert EvidenceService(store, "store check").verify() == []
    # marked confidential again: the file key (opened with the plain copy at hand) is wrapped for B again and
    # the plain copy goes
    head.update(world["b"], confidential=True)
    assert area.has_sealed(ev_a.sha256) and not area.has_plain(ev_a.sha256)
    with store.read() as s:
        assert file_keys.cases_of(s, "evidence", ev_a.sha256) == {a_id, b_id}
    assert _opens(store, who["liu"], ev_b.id) == content
    # both un-marked: the sealed copy and every wrapping of its key go
    head.update(world["a"], confidential=False)
    head.update(world["b"], confidential=False)
    assert area.has_plain(ev_a.sha256) and not area.has_sealed(ev_a.sha256)
    with store.read() as s:
        assert s.execute(select(FileKey).where(FileKey.sha256 == ev_a.sha256)).first() is None
    assert EvidenceService(store, "store check").verify() == []
